//! Surveys (clause 3.3.1): organizers write them in several languages (`/dashboard/surveys`),
//! send them to visitors, buyers, exhibitors or a hall's people after the show or after each
//! meeting (in-app and by e-mail), and read the results with a chart and a table per question
//! and an export of every answer; the people invited answer once (`/surveys/<id>`).

pub mod answer_page;
pub mod api;
pub mod builder_page;
mod builder_question;
#[cfg(feature = "ssr")]
pub mod charts;
pub mod results_page;
#[cfg(feature = "ssr")]
pub mod service;
pub mod surveys_page;
