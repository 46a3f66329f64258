//! Onboarding help (clause 3.1.6): guides per role — the platform, buyer registration,
//! negotiation, uploading booth content, preparing a live stream, running the expo — in every
//! interface language. The texts live in `help.ftl`; this module says which guides exist.

pub mod help_page;

/// Who a guide is for (the index groups them so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Visitors and buyers.
    Everyone,
    /// Exhibitors.
    Exhibitors,
    /// Organizers.
    Organizers,
}

impl Audience {
    /// Every audience, in the index's order.
    pub const ALL: [Audience; 3] = [
        Audience::Everyone,
        Audience::Exhibitors,
        Audience::Organizers,
    ];

    /// The Fluent id of the group's heading.
    pub fn message_id(self) -> &'static str {
        match self {
            Audience::Everyone => "help-for-everyone",
            Audience::Exhibitors => "help-for-exhibitors",
            Audience::Organizers => "help-for-organizers",
        }
    }
}

/// Sections in every guide.
pub const SECTIONS: usize = 4;

/// The guides: (slug, audience). Each has `help-<slug>-title`, `-summary` and
/// `-s<n>-title`/`-s<n>-body` for n in 1..=[`SECTIONS`].
pub const TOPICS: [(&str, Audience); 6] = [
    ("guide", Audience::Everyone),
    ("buyer", Audience::Everyone),
    ("negotiation", Audience::Everyone),
    ("upload", Audience::Exhibitors),
    ("live", Audience::Exhibitors),
    ("organizer", Audience::Organizers),
];

/// Every Fluent id a guide uses.
pub fn message_ids(slug: &str) -> Vec<String> {
    let mut ids = vec![format!("help-{slug}-title"), format!("help-{slug}-summary")];
    for n in 1..=SECTIONS {
        ids.push(format!("help-{slug}-s{n}-title"));
        ids.push(format!("help-{slug}-s{n}-body"));
    }
    ids
}
