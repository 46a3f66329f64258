//! Exhibitor applications (clause 3.1.1): a company applies to exhibit; the organizers review
//! it in a queue (approve with a hall and a booth, reject or ask for changes with a reason); the
//! applicant is told in the app and by e-mail. Also the in-app notifications they arrive as.

pub mod api;
pub mod apply_page;
pub mod documents;
pub mod notifications;
pub mod queue_page;
pub mod review_page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::shell::i18n::{Arg, I18n};
use domain::notification::NotificationBody;

/// A notification in the reader's language.
pub fn notification_text(i18n: I18n, body: &NotificationBody) -> String {
    match body {
        NotificationBody::ApplicationDecided {
            company, status, ..
        } => i18n.t_args(
            "notice-application-decided",
            vec![
                ("company", Arg::Str(company.clone())),
                ("status", Arg::Str(i18n.t(status.message_id()))),
            ],
        ),
        NotificationBody::ApplicationReceived { company } => i18n.t_args(
            "notice-application-received",
            vec![("company", Arg::Str(company.clone()))],
        ),
        NotificationBody::SurveyInvite { title } => i18n.t_args(
            "notice-survey-invite",
            vec![("title", Arg::Str(title.clone()))],
        ),
        NotificationBody::ReportReady { company } => i18n.t_args(
            "notice-report-ready",
            vec![("company", Arg::Str(company.clone()))],
        ),
        NotificationBody::ReadinessReminder { company, missing } => i18n.t_args(
            "notice-readiness",
            vec![
                ("company", Arg::Str(company.clone())),
                (
                    "missing",
                    Arg::Str(
                        missing
                            .iter()
                            .map(|m| i18n.t(m.message_id()))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
        ),
        NotificationBody::MessageReported { reason } => i18n.t_args(
            "notice-message-reported",
            vec![("reason", Arg::Str(i18n.t(reason.label_id())))],
        ),
        NotificationBody::LiveStarting { title, starts_at } => i18n.t_args(
            "notice-live-starting",
            vec![
                ("title", Arg::Str(title.clone())),
                ("time", Arg::Str(i18n.utc(starts_at.saturating_mul(1000)))),
            ],
        ),
        NotificationBody::MeetingStarting {
            title,
            starts_at,
            host: None,
        } => i18n.t_args(
            "notice-meeting-starting",
            vec![
                ("title", Arg::Str(title.clone())),
                ("time", Arg::Str(i18n.utc(*starts_at))),
            ],
        ),
        NotificationBody::MeetingStarting {
            title,
            starts_at,
            host: Some(host),
        } => i18n.t_args(
            "notice-meeting-starting-invited",
            vec![
                ("title", Arg::Str(title.clone())),
                ("host", Arg::Str(host.clone())),
                ("time", Arg::Str(i18n.utc(*starts_at))),
            ],
        ),
        NotificationBody::InquiryReceived {
            buyer,
            product: Some(product),
        } => i18n.t_args(
            "notice-inquiry-product",
            vec![
                ("buyer", Arg::Str(buyer.clone())),
                ("product", Arg::Str(product.show(i18n.locale).text)),
            ],
        ),
        NotificationBody::InquiryReceived {
            buyer,
            product: None,
        } => i18n.t_args("notice-inquiry", vec![("buyer", Arg::Str(buyer.clone()))]),
        NotificationBody::QuoteReceived { company, total } => i18n.t_args(
            "notice-quote",
            vec![
                ("company", Arg::Str(company.show(i18n.locale).text)),
                ("total", Arg::Str(total.clone())),
            ],
        ),
        NotificationBody::QuoteAnswered { buyer, accepted } => i18n.t_args(
            if *accepted {
                "notice-quote-accepted"
            } else {
                "notice-quote-declined"
            },
            vec![("buyer", Arg::Str(buyer.clone()))],
        ),
        NotificationBody::NewMatch { company, score } => i18n.t_args(
            "notice-new-match",
            vec![
                ("company", Arg::Str(company.show(i18n.locale).text)),
                ("score", Arg::Num(i64::from(*score))),
            ],
        ),
        NotificationBody::Appointment {
            who,
            status,
            starts_at,
        } => i18n.t_args(
            &format!("notice-appointment-{}", status.as_str()),
            vec![
                ("who", Arg::Str(who.show(i18n.locale).text)),
                ("time", Arg::Str(i18n.utc(*starts_at))),
            ],
        ),
    }
}
