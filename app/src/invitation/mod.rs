//! Invitation links with a source tag (clause 3.1.4–5): organizers make a link per campaign or
//! channel and see how many visits and registrations each brought.

pub mod api;
pub mod invitations_page;
