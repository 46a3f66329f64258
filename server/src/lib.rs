//! The expo platform's server: configuration, telemetry, router and middleware, health checks,
//! demo seed and the command line. `main.rs` only calls [`cli::main`].

// Leptos view types of the larger pages (the booth editor) nest deeper than the default 128.
#![recursion_limit = "256"]

pub mod analysis_export;
pub mod analytics_bench;
pub mod assets;
pub mod attachment;
pub mod calendar;
pub mod chat_files;
pub mod cli;
pub mod config;
pub mod documents;
pub mod expo_logo;
pub mod export;
pub mod health;
pub mod housekeeping;
pub mod import;
pub mod import_readback;
pub mod inquiry_files;
pub mod invite;
pub mod lead_export;
pub mod live;
pub mod loadtest;
pub mod loadtest_live;
pub mod mailer;
pub mod match_bench;
pub mod media;
pub mod middleware;
pub mod page_cache;
pub mod realtime;
pub mod report_pdf;
pub mod router;
pub mod search_bench;
pub mod seed;
pub mod seed_assets;
pub mod share;
pub mod survey_export;
pub mod telemetry;
pub mod translate;
