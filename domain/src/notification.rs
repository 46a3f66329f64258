//! In-app notifications: what happened, stored with its facts and put into words in the
//! reader's language when shown.

use crate::application::ApplicationStatus;
use serde::{Deserialize, Serialize};

/// What a notification says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotificationBody {
    /// The organizer decided on the reader's exhibitor application.
    ApplicationDecided {
        /// The company applied for.
        company: String,
        /// The new status.
        status: ApplicationStatus,
        /// The organizer's reason, when refused or changes are asked for.
        reason: Option<String>,
    },
    /// A company applied to exhibit (for organizers).
    ApplicationReceived {
        /// The company.
        company: String,
    },
    /// The organizers remind a booth's team of the steps still to do before the expo.
    ReadinessReminder {
        /// The company.
        company: String,
        /// The steps not done yet.
        missing: Vec<crate::directory::ReadinessItem>,
    },
    /// The organizers sent a booth's team its post-show report.
    ReportReady {
        /// The company.
        company: String,
    },
    /// The organizers ask the reader to answer a survey.
    SurveyInvite {
        /// Its title, in the reader's language.
        title: String,
    },
    /// Someone reported a chat message to the organizers (for organizers).
    MessageReported {
        /// Why.
        reason: crate::chat::ReportReason,
    },
    /// A broadcast the reader asked to be reminded of starts soon.
    LiveStarting {
        /// Its title, in the reader's language.
        title: String,
        /// When it starts, Unix seconds.
        starts_at: i64,
    },
    /// A scheduled meeting the reader is invited to starts soon.
    MeetingStarting {
        /// Its title.
        title: String,
        /// When it is planned for, UTC milliseconds.
        starts_at: i64,
        /// Who holds it (name and company), for a reader who is not the host: a title written
        /// by someone else never reaches a person without its author's name.
        #[serde(default)]
        host: Option<String>,
    },
    /// A buyer sent the reader's booth an inquiry (for the booth's team).
    InquiryReceived {
        /// The buyer's name.
        buyer: String,
        /// The product asked about, if one was named.
        product: Option<crate::text::LocalizedText>,
    },
    /// A booth quoted on the reader's inquiry.
    QuoteReceived {
        /// The booth's company.
        company: crate::text::LocalizedText,
        /// The quote's total (`USD 1234.50`).
        total: String,
    },
    /// The buyer answered the booth's quote (for the booth's team).
    QuoteAnswered {
        /// The buyer's name.
        buyer: String,
        /// Accepted (else declined).
        accepted: bool,
    },
    /// The matcher found a strong new match for the reader (a buyer).
    NewMatch {
        /// The exhibitor.
        company: crate::text::LocalizedText,
        /// Its score, 0–100.
        score: u8,
    },
    /// An appointment changed: asked for (to the booth's member), answered, proposed or
    /// called off (to the other side).
    Appointment {
        /// Who did it: the buyer's name, or the booth's company.
        who: crate::text::LocalizedText,
        /// Where it stands now.
        status: crate::appointment::AppointmentStatus,
        /// When it is (now), UTC milliseconds.
        starts_at: i64,
    },
}

/// A notification as its reader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Id.
    pub id: String,
    /// What happened.
    pub body: NotificationBody,
    /// Where to look (a path on this site).
    pub link: String,
    /// When (UTC milliseconds).
    pub created_at: i64,
    /// Read already.
    pub read: bool,
}
