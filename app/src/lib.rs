//! The expo platform's user interface: Leptos components rendered on the server and hydrated
//! in the browser, and the server functions they call.
//!
//! Invariants: no English literal in a view (every text goes through Fluent, see
//! [`shell::i18n`]); no SQL here (the `db` crate owns it); authorization happens in each
//! capability's `service`, never in a component.

#![recursion_limit = "256"]

pub mod account;
pub mod analytics;
pub mod application;
pub mod appointment;
pub mod booth;
pub mod buyer;
pub mod chat;
pub mod console;
pub mod directory;
pub mod error;
pub mod expo;
pub mod favorite;
pub mod hall;
pub mod help;
pub mod import;
pub mod invitation;
pub mod lead;
pub mod live;
pub mod matching;
pub mod meeting;
pub mod ops;
pub mod product;
pub mod realtime;
pub mod search;
pub mod setup;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod state;
pub mod survey;
pub mod trade;
pub mod ui;

pub use error::AppError;
pub use shell::app::App;
#[cfg(feature = "ssr")]
pub use shell::document::shell;
