//! Booths: an exhibitor's page in the hall — who they are, their products, how to reach them.
//!
//! Invariant: public; only contact actions that work are offered.

pub mod api;
pub mod booth_editor_page;
pub mod booth_page;
pub mod media_gallery;
pub mod media_manager;
pub mod media_uploader;
pub mod product_editor;
pub mod product_grid;
pub mod readiness_checklist;
