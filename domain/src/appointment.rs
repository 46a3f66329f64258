//! Appointments (5.3.1): booth members publish bookable slots, buyers book one with a message,
//! the booth accepts, proposes another slot or declines, and an accepted appointment becomes a
//! scheduled video meeting. A person's calendar gathers appointments, meetings and the
//! broadcasts they asked to be reminded of.
//!
//! Times are UTC milliseconds; the words a reader sees (day, hours) are made on the server in
//! the reader's own time zone, so every list here is already in the reader's time.

use crate::error::FieldError;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// Slot lengths a member may publish, in minutes.
pub const SLOT_MINUTES: &[u32] = &[15, 20, 30, 45, 60];
/// Slots one publication may make (a long day in 15-minute slots).
pub const MAX_SLOTS_PER_PUBLISH: usize = 48;
/// How far ahead a slot may be published or booked, in days.
pub const HORIZON_DAYS: i64 = 120;
/// Longest booking message or answer, in characters.
pub const MESSAGE_MAX_CHARS: usize = 1000;
/// Booking requests one buyer may send per hour.
pub const BOOKINGS_PER_HOUR: i64 = 20;

const MINUTE: i64 = 60_000;
const DAY: i64 = 24 * 60 * MINUTE;

/// Where an appointment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    /// The buyer asked; the booth has to answer.
    Requested,
    /// The booth proposed another slot; the buyer has to answer.
    Proposed,
    /// Both agreed: a video meeting is scheduled.
    Accepted,
    /// One side said no.
    Declined,
    /// One side called it off after it was agreed or asked for.
    Cancelled,
}

impl AppointmentStatus {
    /// Every status, in order.
    pub const ALL: [AppointmentStatus; 5] = [
        AppointmentStatus::Requested,
        AppointmentStatus::Proposed,
        AppointmentStatus::Accepted,
        AppointmentStatus::Declined,
        AppointmentStatus::Cancelled,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Requested => "requested",
            AppointmentStatus::Proposed => "proposed",
            AppointmentStatus::Accepted => "accepted",
            AppointmentStatus::Declined => "declined",
            AppointmentStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<AppointmentStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// True while the appointment keeps its slot from anyone else.
    pub fn holds_slot(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Requested
                | AppointmentStatus::Proposed
                | AppointmentStatus::Accepted
        )
    }

    /// The Fluent id of the status's name (`appointment-status-<status>`).
    pub fn label_id(self) -> String {
        format!("appointment-status-{}", self.as_str())
    }
}

/// Which side of an appointment the reader is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentSide {
    /// The buyer who booked.
    Buyer,
    /// The booth's team.
    Booth,
}

/// What one side does to an appointment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentAnswer {
    /// Agree to the time on the table.
    Accept,
    /// Say no.
    Decline,
    /// Offer another slot (the booth, while it is requested).
    Propose,
    /// Call it off (either side, while it holds a slot).
    Cancel,
}

impl AppointmentAnswer {
    /// Parses the form's value.
    pub fn parse(s: &str) -> Option<AppointmentAnswer> {
        match s {
            "accept" => Some(AppointmentAnswer::Accept),
            "decline" => Some(AppointmentAnswer::Decline),
            "propose" => Some(AppointmentAnswer::Propose),
            "cancel" => Some(AppointmentAnswer::Cancel),
            _ => None,
        }
    }
}

/// The status `answer` by `side` leads to from `from`, or `None` when that side may not give
/// that answer now (the booth answers a request, the buyer a proposal; either cancels what
/// holds a slot).
pub fn transition(
    from: AppointmentStatus,
    side: AppointmentSide,
    answer: AppointmentAnswer,
) -> Option<AppointmentStatus> {
    use AppointmentAnswer as A;
    use AppointmentSide as S;
    use AppointmentStatus as St;
    match (from, side, answer) {
        (St::Requested, S::Booth, A::Accept) | (St::Proposed, S::Buyer, A::Accept) => {
            Some(St::Accepted)
        }
        (St::Requested, S::Booth, A::Decline) | (St::Proposed, S::Buyer, A::Decline) => {
            Some(St::Declined)
        }
        (St::Requested, S::Booth, A::Propose) => Some(St::Proposed),
        (st, _, A::Cancel) if st.holds_slot() => Some(St::Cancelled),
        _ => None,
    }
}

/// The slots `[start, end)` cut into `minutes`-long pieces (a remainder shorter than a slot
/// is left out), or the refusal naming the field: an unknown length, an end not after the
/// start, a start in the past or beyond the horizon, or too many slots at once.
pub fn split_slots(
    start: i64,
    end: i64,
    minutes: u32,
    now: i64,
) -> Result<Vec<(i64, i64)>, FieldError> {
    if !SLOT_MINUTES.contains(&minutes) {
        return Err(FieldError::new("minutes", "appointment-error-minutes"));
    }
    if start < now {
        return Err(FieldError::new("from", "appointment-error-past"));
    }
    if start > now + HORIZON_DAYS * DAY {
        return Err(FieldError::new("day", "appointment-error-horizon"));
    }
    let len = i64::from(minutes) * MINUTE;
    if end < start + len {
        return Err(FieldError::new("to", "appointment-error-range"));
    }
    let count = ((end - start) / len) as usize;
    if count > MAX_SLOTS_PER_PUBLISH {
        return Err(FieldError::new("to", "appointment-error-too-many"));
    }
    Ok((0..count as i64)
        .map(|i| (start + i * len, start + (i + 1) * len))
        .collect())
}

/// True when `[a0, a1)` and `[b0, b1)` share a moment.
pub fn overlaps(a0: i64, a1: i64, b0: i64, b1: i64) -> bool {
    a0 < b1 && b0 < a1
}

/// A booking message or answer, trimmed, or the refusal.
pub fn message(text: &str, field: &str) -> Result<String, FieldError> {
    // A form posted without JavaScript sends a textarea's line breaks as CR LF.
    let t = text.trim().replace("\r\n", "\n");
    let t = t.as_str();
    if t.chars().count() > MESSAGE_MAX_CHARS
        || t.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(field, "appointment-error-message"));
    }
    Ok(t.to_owned())
}

/// What a member publishes: one day's span cut into slots, in their time zone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityInput {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// `HH:MM`.
    pub from: String,
    /// `HH:MM`.
    pub to: String,
    /// Slot length in minutes (one of [`SLOT_MINUTES`]).
    pub minutes: u32,
    /// IANA time zone the day and hours are in.
    pub zone: String,
}

/// A moment as the reader reads it: in their zone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// UTC milliseconds of the start.
    pub starts_at: i64,
    /// UTC milliseconds of the end.
    pub ends_at: i64,
    /// The reader's day, `YYYY-MM-DD`.
    pub day: String,
    /// The reader's start, `HH:MM`.
    pub from: String,
    /// The reader's end, `HH:MM`.
    pub to: String,
}

/// A published slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    /// Id.
    pub id: String,
    /// When, in the reader's zone.
    pub when: When,
    /// The member who meets.
    pub member: String,
    /// Nobody holds it.
    pub free: bool,
}

/// `/exhibitors/<id>/book`: a booth's free slots for a buyer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingPage {
    /// The exhibitor.
    pub exhibitor_id: String,
    /// Its company.
    pub company: LocalizedText,
    /// The product the booking is about, if one (id, name).
    pub product: Option<(String, LocalizedText)>,
    /// The zone the times are in.
    pub time_zone: String,
    /// Free slots from now on, soonest first.
    pub slots: Vec<SlotView>,
    /// The reader is on this booth's team (they cannot book their own booth).
    pub own_booth: bool,
}

/// What a buyer sends to book a slot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingInput {
    /// The slot.
    pub slot_id: String,
    /// The product it is about, if any.
    #[serde(default)]
    pub product_id: String,
    /// A message for the booth.
    #[serde(default)]
    pub message: String,
    /// The form's one-time token: the same form sent twice books once.
    pub cid: String,
}

/// One appointment as one of its sides sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentView {
    /// Id.
    pub id: String,
    /// Where it stands.
    pub status: AppointmentStatus,
    /// The reader's side.
    pub side: AppointmentSide,
    /// When, in the reader's zone.
    pub when: When,
    /// The booth's exhibitor.
    pub exhibitor_id: String,
    /// Its company.
    pub company: LocalizedText,
    /// The buyer's name and company.
    pub buyer: String,
    /// The member who meets.
    pub member: String,
    /// The product it is about.
    pub product: Option<LocalizedText>,
    /// The buyer's message.
    pub message: String,
    /// The booth's answer.
    pub answer: String,
    /// The video meeting, once accepted.
    pub meeting_id: Option<String>,
    /// The booth's other free slots of the same member, when the reader may propose one.
    pub alternatives: Vec<SlotView>,
}

/// What a calendar entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// An appointment (see its status).
    Appointment,
    /// A scheduled video meeting.
    Meeting,
    /// A broadcast the person asked to be reminded of.
    Broadcast,
}

impl EntryKind {
    /// The Fluent id of the kind's name.
    pub fn label_id(self) -> &'static str {
        match self {
            EntryKind::Appointment => "calendar-kind-appointment",
            EntryKind::Meeting => "calendar-kind-meeting",
            EntryKind::Broadcast => "calendar-kind-broadcast",
        }
    }
}

/// One line of a person's calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// Stable id (`appointment-<id>`, `meeting-<id>`, `live-<id>`), also the feed's UID.
    pub uid: String,
    /// What it is.
    pub kind: EntryKind,
    /// Its title, in the reader's language.
    pub title: String,
    /// When, in the reader's zone.
    pub when: When,
    /// The appointment's status, for appointments.
    pub status: Option<AppointmentStatus>,
    /// Where to go (a path on this site).
    pub link: String,
}

/// `/calendar`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPage {
    /// The zone the times are in.
    pub time_zone: String,
    /// Appointments waiting for the reader's answer.
    pub to_answer: Vec<AppointmentView>,
    /// Appointments, meetings and broadcasts from today on, soonest first.
    pub entries: Vec<CalendarEntry>,
    /// The address of the person's feed, if they made one.
    pub feed: Option<String>,
    /// The reader is on a booth's team (and may publish availability).
    pub booth: Option<String>,
}

/// `/calendar/availability`: a member's published slots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityPage {
    /// The zone the times are in (and the form's default zone).
    pub time_zone: String,
    /// The member's slots from now on, soonest first.
    pub slots: Vec<SlotView>,
    /// The booth's company.
    pub company: LocalizedText,
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn a_span_is_cut_into_whole_slots() {
        let start = NOW + DAY;
        let slots = split_slots(start, start + 100 * MINUTE, 30, NOW).unwrap();
        assert_eq!(slots.len(), 3, "the 10 minutes left over make no slot");
        assert_eq!(slots[0], (start, start + 30 * MINUTE));
        assert_eq!(slots[2].1, start + 90 * MINUTE);
    }

    #[test]
    fn bad_spans_are_refused_by_field() {
        let start = NOW + DAY;
        let field = |r: Result<Vec<(i64, i64)>, FieldError>| r.unwrap_err().message_id;
        assert_eq!(
            field(split_slots(start, start + DAY, 25, NOW)),
            "appointment-error-minutes"
        );
        assert_eq!(
            field(split_slots(NOW - MINUTE, NOW + DAY, 30, NOW)),
            "appointment-error-past"
        );
        assert_eq!(
            field(split_slots(start, start + 20 * MINUTE, 30, NOW)),
            "appointment-error-range"
        );
        assert_eq!(
            field(split_slots(start, start - MINUTE, 30, NOW)),
            "appointment-error-range"
        );
        assert_eq!(
            field(split_slots(start, start + 13 * 60 * MINUTE, 15, NOW)),
            "appointment-error-too-many"
        );
        assert_eq!(
            field(split_slots(NOW + 200 * DAY, NOW + 201 * DAY, 30, NOW)),
            "appointment-error-horizon"
        );
    }

    #[test]
    fn each_side_answers_only_its_turn() {
        use AppointmentAnswer as A;
        use AppointmentSide as S;
        use AppointmentStatus as St;
        assert_eq!(
            transition(St::Requested, S::Booth, A::Accept),
            Some(St::Accepted)
        );
        assert_eq!(transition(St::Requested, S::Buyer, A::Accept), None);
        assert_eq!(
            transition(St::Requested, S::Booth, A::Propose),
            Some(St::Proposed)
        );
        assert_eq!(transition(St::Proposed, S::Booth, A::Accept), None);
        assert_eq!(
            transition(St::Proposed, S::Buyer, A::Accept),
            Some(St::Accepted)
        );
        assert_eq!(transition(St::Proposed, S::Buyer, A::Propose), None);
        assert_eq!(
            transition(St::Accepted, S::Buyer, A::Cancel),
            Some(St::Cancelled)
        );
        assert_eq!(transition(St::Declined, S::Booth, A::Cancel), None);
        assert_eq!(transition(St::Accepted, S::Booth, A::Decline), None);
        for st in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::parse(st.as_str()), Some(st));
        }
    }

    #[test]
    fn line_breaks_from_plain_forms_are_kept() {
        assert_eq!(
            message("Two engines\r\nIMO III", "m").unwrap(),
            "Two engines\nIMO III"
        );
        assert!(message("bell\u{7}", "m").is_err());
    }

    #[test]
    fn overlap_is_strict() {
        assert!(overlaps(0, 10, 5, 15));
        assert!(!overlaps(0, 10, 10, 20), "back to back is not overlapping");
        assert!(overlaps(0, 30, 10, 20));
    }
}
