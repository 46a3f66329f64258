//! The shell: document, layout, navigation, language, error pages. Every page sits inside it.

pub mod app;
#[cfg(feature = "ssr")]
pub mod document;
pub mod error_view;
pub mod header;
pub mod i18n;
pub mod language_menu;
pub mod not_found_page;
pub mod theme_toggle;
