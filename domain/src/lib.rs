//! Pure business rules and types of the expo platform.
//!
//! Invariants: no I/O, no async runtime, no SQL, no Leptos. Everything here compiles for
//! `wasm32-unknown-unknown` as well as for the server, so the browser and the server agree on
//! validation and formatting.

pub mod account;
pub mod analysis;
pub mod analytics;
pub mod application;
pub mod appointment;
pub mod authz;
pub mod buyer;
pub mod chat;
pub mod directory;
pub mod error;
pub mod expo;
pub mod favorite;
pub mod hall;
pub mod import;
pub mod invitation;
pub mod lead;
pub mod live;
pub mod locale;
pub mod matching;
pub mod media;
pub mod meeting;
pub mod notification;
pub mod ops;
pub mod plan;
pub mod product;
pub mod realtime;
pub mod search;
pub mod survey;
pub mod text;
pub mod trade;

pub use error::{FieldError, ValidationErrors};
pub use locale::Locale;
