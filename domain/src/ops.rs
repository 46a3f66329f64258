//! Emergency tools: the alert banner, maintenance mode, and which requests maintenance lets
//! through; and the status page's report.

use crate::error::FieldError;
use crate::locale::Locale;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The longest alert or maintenance text, per language, in characters.
pub const MAX_ALERT_CHARS: usize = 500;

/// How serious an alert is: it decides the banner's colour, whether it interrupts assistive
/// technology (`role="alert"`), and whether a visitor may hide it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information (a schedule change).
    Info,
    /// Something does not work as it should (a forum's stream is late).
    Warning,
    /// A failure everyone must know about; cannot be hidden.
    Critical,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Critical];

    /// The stored and submitted form.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Severity::Info => "ops-severity-info",
            Severity::Warning => "ops-severity-warning",
            Severity::Critical => "ops-severity-critical",
        }
    }

    /// Parses [`Severity::as_str`]'s form.
    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The banner an organizer raised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// Alert id.
    pub id: String,
    /// How serious.
    pub severity: Severity,
    /// What it says, per language.
    pub text: LocalizedText,
    /// When it was raised (UTC milliseconds).
    pub raised_at: i64,
}

/// Maintenance mode of an expo: everything is read-only but for organizers and operators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Maintenance {
    /// Since when (UTC milliseconds).
    pub since: i64,
    /// What the organizers say about it, if anything.
    pub text: Option<LocalizedText>,
}

/// What changed in an expo's announcements (stored on its realtime topic).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ExpoEvent {
    /// A new alert replaces any earlier one.
    AlertRaised {
        /// The alert.
        alert: Alert,
    },
    /// The alert was taken down.
    AlertCleared {
        /// Its id.
        id: String,
    },
    /// Maintenance mode began (`Some`) or ended (`None`).
    Maintenance {
        /// The mode, when on.
        maintenance: Option<Maintenance>,
    },
}

/// What every page shows above its content, and where to follow changes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banner {
    /// The expo whose topic carries changes.
    pub expo_id: String,
    /// The active alert.
    pub alert: Option<Alert>,
    /// Maintenance mode, when on.
    pub maintenance: Option<Maintenance>,
    /// The topic's last event id when this was read (follow from there, missing nothing).
    pub after: i64,
}

impl Banner {
    /// Applies a change that arrived on the expo's topic.
    pub fn apply(&mut self, event: &ExpoEvent) {
        match event {
            ExpoEvent::AlertRaised { alert } => self.alert = Some(alert.clone()),
            ExpoEvent::AlertCleared { id } => {
                if self.alert.as_ref().is_some_and(|a| &a.id == id) {
                    self.alert = None;
                }
            }
            ExpoEvent::Maintenance { maintenance } => self.maintenance = maintenance.clone(),
        }
    }
}

/// Reads a text written in several languages from the form's `(language, text)` pairs: at
/// least one language must say something, none more than [`MAX_ALERT_CHARS`]. The original
/// is the author's language when they filled it in, else the first filled in.
/// `field` names the form field in errors.
pub fn parse_multilingual(
    field: &str,
    values: &[(Locale, String)],
    author: Locale,
    required: bool,
) -> Result<Option<LocalizedText>, FieldError> {
    let filled: Vec<(Locale, &str)> = values
        .iter()
        .map(|(l, t)| (*l, t.trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if filled
        .iter()
        .any(|(_, t)| t.chars().count() > MAX_ALERT_CHARS)
    {
        return Err(FieldError::new(field, "ops-error-text-too-long"));
    }
    let Some(first) = filled.first() else {
        return if required {
            Err(FieldError::new(field, "ops-error-text-required"))
        } else {
            Ok(None)
        };
    };
    let original = filled
        .iter()
        .find(|(l, _)| *l == author)
        .map_or(first.0, |(l, _)| *l);
    let mut text = LocalizedText::new(original, "");
    for (l, t) in &filled {
        text.set(*l, t);
    }
    Ok(Some(text))
}

/// A text typed in up to every language of the platform, as a form sends it.
pub use crate::text::Translations as TextsInput;

/// The organizer's view of the emergency tools.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpsConsole {
    /// What pages show now.
    pub banner: Banner,
    /// Earlier alerts, newest first: (alert, when it was taken down).
    pub history: Vec<(Alert, Option<i64>)>,
}

/// Server functions that only read: maintenance lets them through for everyone. Every other
/// state-changing request is refused during maintenance unless an organizer or operator sends
/// it (so a new endpoint is read-only-safe by default). Signing in and out stay open so the
/// people who end maintenance can reach the console.
pub const READ_ENDPOINTS: &[&str] = &[
    "account/forgot",
    "account/login",
    "account/logout",
    "account/me",
    "account/reset",
    "account/reset-link",
    "analytics/live",
    "application/documents",
    "application/get",
    "application/mine",
    "application/queue",
    "appointments/booking",
    "appointments/one",
    "booth/can-edit",
    "booth/get",
    "booth/readiness",
    "buyer/list",
    "buyer/mine",
    "buyer/profile",
    "calendar",
    "calendar/availability",
    "chat/moderation",
    "chat/room",
    "chat/rooms",
    "chat/topics",
    "chat/translate",
    "chat/unread",
    "dashboard/home",
    "directory/exhibitors",
    "directory/people",
    "expo/brand",
    "expo/landing",
    "favorite/counts",
    "favorite/get",
    "favorite/mine",
    "hall/get",
    "hall/list",
    "import/get",
    "import/list",
    "invitation/list",
    "leads",
    "live/questions",
    "live/schedule",
    "live/stream",
    "meeting/get",
    "meeting/mine",
    "notification/list",
    "ops/banner",
    "ops/console",
    "ops/status",
    "product/get",
    "search/insights",
    "search/run",
    "search/suggest",
    "setup/expos",
    "setup/get",
    "setup/plan",
    "survey/form",
    "trade/inquiry",
    "trade/mine",
    "trade/start",
    "trade/totals",
];

/// Whether maintenance lets a state-changing request to `path` through for someone who is not
/// an organizer or operator.
pub fn passes_maintenance(path: &str) -> bool {
    path.strip_prefix("/api/")
        .is_some_and(|endpoint| READ_ENDPOINTS.contains(&endpoint))
}

/// The health of one part of the platform, as the status page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Works.
    Operational,
    /// Works, but something is off (maintenance, an alert).
    Degraded,
    /// Does not work.
    Down,
}

/// One line of the status page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    /// Fluent id of its name.
    pub name_id: String,
    /// Its health.
    pub health: Health,
    /// A figure to show beside it, if any (connections, milliseconds).
    pub figure: Option<i64>,
}

/// Fluent ids of the parts of the platform the status page reports on.
pub const COMPONENT_IDS: [&str; 3] = ["status-web", "status-database", "status-realtime"];

/// The public status page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusReport {
    /// The worst health of any component.
    pub overall: Health,
    /// Components.
    pub components: Vec<Component>,
    /// Active alert and maintenance.
    pub banner: Option<Banner>,
    /// When this was measured (UTC milliseconds).
    pub checked_at: i64,
}

/// The worst of several healths.
pub fn worst(healths: impl IntoIterator<Item = Health>) -> Health {
    healths
        .into_iter()
        .fold(Health::Operational, |a, b| match (a, b) {
            (Health::Down, _) | (_, Health::Down) => Health::Down,
            (Health::Degraded, _) | (_, Health::Degraded) => Health::Degraded,
            _ => Health::Operational,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_round_trip() {
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
        }
        assert_eq!(Severity::parse("Critical"), None);
        assert_eq!(Severity::parse(""), None);
    }

    #[test]
    fn multilingual_text_rules() {
        let v = |pairs: &[(Locale, &str)]| -> Vec<(Locale, String)> {
            pairs.iter().map(|(l, t)| (*l, (*t).to_owned())).collect()
        };
        assert_eq!(
            parse_multilingual("text", &v(&[(Locale::En, "  ")]), Locale::En, true),
            Err(FieldError::new("text", "ops-error-text-required"))
        );
        assert_eq!(
            parse_multilingual("text", &v(&[]), Locale::En, false),
            Ok(None)
        );
        let long = "x".repeat(MAX_ALERT_CHARS + 1);
        assert_eq!(
            parse_multilingual(
                "text",
                &v(&[(Locale::En, "ok"), (Locale::ZhCn, &long)]),
                Locale::En,
                true
            ),
            Err(FieldError::new("text", "ops-error-text-too-long"))
        );
        let t = parse_multilingual(
            "text",
            &v(&[(Locale::ZhCn, " 直播延迟 "), (Locale::En, "Stream delayed")]),
            Locale::En,
            true,
        )
        .expect("ok")
        .expect("some");
        assert_eq!(t.original, Locale::En);
        assert_eq!(t.show(Locale::ZhCn).text, "直播延迟");
        assert_eq!(t.show(Locale::Ko).text, "Stream delayed");
        // The author's language is empty: the first filled in is the original.
        let t = parse_multilingual("text", &v(&[(Locale::ZhCn, "直播")]), Locale::En, true)
            .expect("ok")
            .expect("some");
        assert_eq!(t.original, Locale::ZhCn);
        assert_eq!(t.values.len(), 1);
    }

    #[test]
    fn maintenance_passes_reads_only() {
        assert!(passes_maintenance("/api/hall/get"));
        assert!(passes_maintenance("/api/account/login"));
        assert!(!passes_maintenance("/api/product/save"));
        assert!(!passes_maintenance("/api/media/upload"));
        assert!(!passes_maintenance("/api/hall/get/x"));
        assert!(!passes_maintenance("/hall/get"));
        let mut sorted = READ_ENDPOINTS.to_vec();
        sorted.sort_unstable();
        assert_eq!(
            sorted, READ_ENDPOINTS,
            "kept sorted, so reviews see what is there"
        );
    }

    #[test]
    fn banner_follows_events() {
        let alert = |id: &str| Alert {
            id: id.into(),
            severity: Severity::Critical,
            text: LocalizedText::new(Locale::En, "x"),
            raised_at: 1,
        };
        let mut b = Banner {
            expo_id: "e".into(),
            alert: None,
            maintenance: None,
            after: 0,
        };
        b.apply(&ExpoEvent::AlertRaised { alert: alert("a") });
        b.apply(&ExpoEvent::AlertRaised { alert: alert("b") });
        // Clearing an older alert leaves the newer one.
        b.apply(&ExpoEvent::AlertCleared { id: "a".into() });
        assert_eq!(b.alert.as_ref().map(|a| a.id.as_str()), Some("b"));
        b.apply(&ExpoEvent::AlertCleared { id: "b".into() });
        assert_eq!(b.alert, None);
        b.apply(&ExpoEvent::Maintenance {
            maintenance: Some(Maintenance {
                since: 5,
                text: None,
            }),
        });
        assert!(b.maintenance.is_some());
        assert_eq!(
            worst([Health::Operational, Health::Degraded]),
            Health::Degraded
        );
        assert_eq!(worst([Health::Down, Health::Degraded]), Health::Down);
        assert_eq!(worst([]), Health::Operational);
    }
}
