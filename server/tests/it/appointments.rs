//! Appointments and calendars: a member publishes slots in their zone, a buyer books one, the
//! booth proposes another, the buyer accepts and both find the meeting on their calendars and
//! in their feeds; who may do what; refusals that store nothing; and no double booking, on one
//! node or across two.

use crate::both_backends;
use crate::helpers::{error_json, Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::trade::new_buyer;
use domain::appointment::{
    AppointmentStatus, AppointmentView, AvailabilityPage, BookingPage, CalendarPage, EntryKind,
};
use reqwest::{Client, StatusCode};

async fn team(app: &TestApp) -> Client {
    let c = app.new_client();
    assert!(app
        .login(&c, EXHIBITOR, PASSWORD)
        .await
        .status()
        .is_success());
    c
}

/// The UTC day `days` from now, `YYYY-MM-DD`.
fn day_ahead(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn publish(
    app: &TestApp,
    c: &Client,
    day: &str,
    from: &str,
    to: &str,
    minutes: &str,
    zone: &str,
) -> reqwest::Response {
    app.call(
        c,
        "calendar/publish",
        &[
            ("availability[day]", day),
            ("availability[from]", from),
            ("availability[to]", to),
            ("availability[minutes]", minutes),
            ("availability[zone]", zone),
        ],
    )
    .await
}

async fn field_error(resp: reqwest::Response) -> String {
    let status = resp.status();
    let json = error_json(resp).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    json["Validation"][0]["message_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn conflict(resp: reqwest::Response) -> String {
    let status = resp.status();
    let json = error_json(resp).await;
    assert_eq!(status, StatusCode::CONFLICT, "{json}");
    json["Conflict"].as_str().unwrap_or_default().to_owned()
}

async fn booking(app: &TestApp, c: &Client, booth: &str) -> BookingPage {
    let resp = app
        .call(c, "appointments/booking", &[("exhibitor", booth)])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("booking page")
}

async fn book(app: &TestApp, c: &Client, slot: &str, cid: &str) -> reqwest::Response {
    app.call(
        c,
        "appointments/book",
        &[
            ("booking[slot_id]", slot),
            (
                "booking[message]",
                "Marine engines for 3 ferries, IMO Tier III.",
            ),
            ("booking[cid]", cid),
        ],
    )
    .await
}

async fn answer(app: &TestApp, c: &Client, id: &str, what: &str, slot: &str) -> reqwest::Response {
    app.call(
        c,
        "appointments/answer",
        &[
            ("id", id),
            ("answer", what),
            ("slot_id", slot),
            ("note", ""),
        ],
    )
    .await
}

async fn calendar(app: &TestApp, c: &Client) -> CalendarPage {
    let resp = app.call(c, "calendar", &[]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("calendar")
}

async fn one(app: &TestApp, c: &Client, id: &str) -> (StatusCode, Option<AppointmentView>) {
    let resp = app.call(c, "appointments/one", &[("id", id)]).await;
    let status = resp.status();
    if status.is_success() {
        (status, Some(resp.json().await.expect("view")))
    } else {
        (status, None)
    }
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(&app.sql().await)
        .await
        .expect("count");
    n
}

async fn the_appointment_loop(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let booth = own_exhibitor(&app).await;
    let team = team(&app).await;
    let buyer = new_buyer(&app, "appointment.buyer@example.com").await;
    let day = day_ahead(3);

    // Publishing: the team only, in their zone, whole spans refused.
    let resp = publish(&app, &buyer, &day, "09:00", "11:00", "30", "Asia/Shanghai").await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    for (from, to, minutes, zone, why) in [
        (
            "09:00",
            "11:00",
            "30",
            "Mars/Olympus",
            "appointment-error-zone",
        ),
        (
            "09:00",
            "11:00",
            "25",
            "Asia/Shanghai",
            "appointment-error-minutes",
        ),
        (
            "11:00",
            "09:00",
            "30",
            "Asia/Shanghai",
            "appointment-error-range",
        ),
        (
            "9 am",
            "11:00",
            "30",
            "Asia/Shanghai",
            "appointment-error-when",
        ),
        (
            "06:00",
            "20:00",
            "15",
            "Asia/Shanghai",
            "appointment-error-too-many",
        ),
    ] {
        let resp = publish(&app, &team, &day, from, to, minutes, zone).await;
        assert_eq!(field_error(resp).await, why, "{from}-{to} {minutes} {zone}");
    }
    let resp = publish(&app, &team, &day_ahead(-2), "09:00", "11:00", "30", "UTC").await;
    assert_eq!(field_error(resp).await, "appointment-error-past");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM availability_slots").await,
        0
    );

    let resp = publish(&app, &team, &day, "09:00", "11:00", "30", "Asia/Shanghai").await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.json::<usize>().await.expect("n"), 4);
    let resp = publish(&app, &team, &day, "10:30", "12:00", "30", "Asia/Shanghai").await;
    assert_eq!(field_error(resp).await, "appointment-error-overlap");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM availability_slots").await,
        4
    );

    // Anyone sees the free slots; 09:00 in Shanghai is 01:00 UTC (the reader's zone here is
    // the expo's, whatever it is, so compare instants).
    let page = booking(&app, &app.new_client(), &booth).await;
    assert_eq!(page.slots.len(), 4);
    let first = page.slots[0].when.starts_at;
    let expected = chrono::NaiveDateTime::parse_from_str(&format!("{day}T01:00"), "%Y-%m-%dT%H:%M")
        .expect("date")
        .and_utc()
        .timestamp_millis();
    assert_eq!(first, expected, "slots are published in the member's zone");
    assert_eq!(page.slots[1].when.starts_at - first, 30 * 60_000);
    let slots: Vec<String> = page.slots.iter().map(|s| s.id.clone()).collect();

    // The buyer picks a zone for themselves: their calendar reads in it.
    let resp = app
        .call(&buyer, "calendar/zone", &[("zone", "Europe/Berlin")])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app
        .call(&buyer, "calendar/zone", &[("zone", "Nowhere/Land")])
        .await;
    assert_eq!(field_error(resp).await, "appointment-error-zone");
    let page = booking(&app, &buyer, &booth).await;
    assert_eq!(page.time_zone, "Europe/Berlin");

    // Booking: not signed in, own booth, an unknown slot — refused.
    let resp = book(&app, &app.new_client(), &slots[0], "cid-a").await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = book(&app, &team, &slots[0], "cid-team").await;
    assert_eq!(conflict(resp).await, "appointment-error-own-booth");
    let resp = book(
        &app,
        &buyer,
        "00000000-0000-0000-0000-000000000000",
        "cid-x",
    )
    .await;
    assert_eq!(field_error(resp).await, "appointment-error-slot");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM appointments").await, 0);

    let resp = book(&app, &buyer, &slots[0], "cid-a").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let id: String = resp.json().await.expect("id");
    // The same form again books nothing more.
    let resp = book(&app, &buyer, &slots[0], "cid-a").await;
    assert_eq!(resp.json::<String>().await.expect("id"), id);
    // Someone else cannot have the same slot.
    let other = new_buyer(&app, "second.buyer@example.com").await;
    let resp = book(&app, &other, &slots[0], "cid-b").await;
    assert_eq!(conflict(resp).await, "appointment-error-taken");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM appointments").await, 1);
    assert_eq!(booking(&app, &other, &booth).await.slots.len(), 3);

    // Only its two sides see it.
    assert_eq!(one(&app, &other, &id).await.0, StatusCode::NOT_FOUND);
    let (_, seen) = one(&app, &buyer, &id).await;
    let seen = seen.expect("buyer's view");
    assert_eq!(seen.status, AppointmentStatus::Requested);
    assert!(seen.alternatives.is_empty(), "the buyer proposes nothing");

    // The booth's team has it to answer, with the other free slots to propose.
    let cal = calendar(&app, &team).await;
    let pending = cal
        .to_answer
        .iter()
        .find(|a| a.id == id)
        .expect("waiting for the booth");
    assert_eq!(pending.alternatives.len(), 3);
    assert!(pending.message.contains("3 ferries"));
    assert!(cal.booth.is_some());
    // The member was told.
    let (member_id, _) = db::account::find_credentials(&app.db, EXHIBITOR)
        .await
        .expect("q")
        .expect("member");
    let told = db::notification::recent(&app.db, &member_id, 20)
        .await
        .expect("q");
    assert!(told.iter().any(|n| matches!(
        &n.body,
        domain::notification::NotificationBody::Appointment {
            status: AppointmentStatus::Requested,
            ..
        }
    )));

    // Each side answers its turn only.
    let resp = answer(&app, &buyer, &id, "accept", "").await;
    assert_eq!(conflict(resp).await, "appointment-error-state");
    let resp = answer(&app, &team, &id, "propose", &slots[0]).await;
    assert_eq!(
        conflict(resp).await,
        "appointment-error-taken",
        "its own slot is held"
    );
    let resp = answer(&app, &team, &id, "propose", &slots[2]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let cal = calendar(&app, &buyer).await;
    let proposal = cal
        .to_answer
        .iter()
        .find(|a| a.id == id)
        .expect("waiting for the buyer");
    assert_eq!(proposal.status, AppointmentStatus::Proposed);
    assert_eq!(proposal.when.starts_at, first + 60 * 60_000);
    // The first slot is free again; the proposed one is held.
    let free: Vec<String> = booking(&app, &other, &booth)
        .await
        .slots
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert!(free.contains(&slots[0]) && !free.contains(&slots[2]));

    let resp = answer(&app, &buyer, &id, "accept", "").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_, seen) = one(&app, &buyer, &id).await;
    let seen = seen.expect("view");
    assert_eq!(seen.status, AppointmentStatus::Accepted);
    let meeting = seen.meeting_id.expect("a meeting was scheduled");
    let (at,): (Option<i64>,) = sqlx::query_as("SELECT scheduled_at FROM meetings WHERE id = $1")
        .bind(&meeting)
        .fetch_one(&app.sql().await)
        .await
        .expect("meeting");
    assert_eq!(
        at,
        Some(first + 60 * 60_000),
        "the meeting is at the agreed time"
    );
    // The buyer may enter the meeting; the other buyer may not.
    let resp = app.call(&buyer, "meeting/get", &[("id", &meeting)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let view: domain::meeting::MeetingView = resp.json().await.expect("meeting");
    // She is in, and in its chat, without a lobby: the booth accepted her.
    let room = view
        .chat_room_id
        .expect("an admitted participant sees the meeting's chat");
    let resp = app.call(&buyer, "chat/room", &[("room_id", &room)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app.call(&other, "meeting/get", &[("id", &meeting)]).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    // Both calendars show it, in each reader's zone, linking to the meeting.
    for (c, zone) in [(&buyer, "Europe/Berlin"), (&team, "")] {
        let cal = calendar(&app, c).await;
        if !zone.is_empty() {
            assert_eq!(cal.time_zone, zone);
        }
        let entry = cal
            .entries
            .iter()
            .find(|e| e.uid == format!("appointment-{id}"))
            .expect("on the calendar");
        assert_eq!(entry.kind, EntryKind::Appointment);
        assert_eq!(entry.status, Some(AppointmentStatus::Accepted));
        assert_eq!(entry.link, format!("/meetings/{meeting}"));
        assert!(
            !cal.entries
                .iter()
                .any(|e| e.uid == format!("meeting-{meeting}")),
            "the meeting is not listed twice"
        );
    }
    let cal = calendar(&app, &buyer).await;
    let entry = cal
        .entries
        .iter()
        .find(|e| e.uid == format!("appointment-{id}"))
        .expect("entry");
    let berlin = chrono::DateTime::from_timestamp_millis(entry.when.starts_at)
        .expect("t")
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%H:%M")
        .to_string();
    assert_eq!(entry.when.from, berlin);

    // The feed: secret, renewable, revocable.
    let resp = app.call(&buyer, "calendar/feed", &[]).await;
    let path: String = resp.json().await.expect("path");
    let ics = app.client.get(app.url(&path)).send().await.expect("feed");
    assert_eq!(ics.status(), StatusCode::OK);
    assert!(ics.headers()["content-type"]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/calendar"));
    let body = ics.text().await.expect("ics");
    assert!(body.contains("BEGIN:VEVENT"), "{body}");
    assert!(
        body.contains(&format!("appointment-{id}@cloud-expo")),
        "{body}"
    );
    assert!(body.contains("STATUS:CONFIRMED"), "{body}");
    assert!(
        body.contains("SUMMARY:Meeting with "),
        "titled in the owner's language: {body}"
    );
    assert!(
        !body.contains('\u{2068}'),
        "no bidi isolation marks in a calendar file"
    );
    let resp = app.call(&buyer, "calendar/feed", &[]).await;
    let renewed: String = resp.json().await.expect("path");
    assert_ne!(renewed, path);
    let old = app.client.get(app.url(&path)).send().await.expect("feed");
    assert_eq!(
        old.status(),
        StatusCode::NOT_FOUND,
        "a new address stops the old one"
    );
    assert_eq!(
        app.call(&buyer, "calendar/revoke", &[]).await.status(),
        StatusCode::OK
    );
    let gone = app
        .client
        .get(app.url(&renewed))
        .send()
        .await
        .expect("feed");
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let made_up = app
        .client
        .get(app.url("/calendar/feed/not-a-secret.ics"))
        .send()
        .await
        .expect("feed");
    assert_eq!(made_up.status(), StatusCode::NOT_FOUND);

    // Availability: free slots may be removed, held ones not.
    let resp = app.call(&team, "calendar/availability", &[]).await;
    let mine: AvailabilityPage = resp.json().await.expect("availability");
    assert_eq!(mine.slots.len(), 4);
    assert_eq!(mine.slots.iter().filter(|s| !s.free).count(), 1);
    let resp = app
        .call(&team, "calendar/withdraw", &[("id", &slots[2])])
        .await;
    assert_eq!(conflict(resp).await, "appointment-error-held");
    let resp = app
        .call(&buyer, "calendar/withdraw", &[("id", &slots[3])])
        .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND, "someone else's slot");
    let resp = app
        .call(&team, "calendar/withdraw", &[("id", &slots[3])])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    // The buyer calls it off: the slot is free again and the meeting is over.
    let resp = answer(&app, &buyer, &id, "cancel", "").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = answer(&app, &buyer, &id, "cancel", "").await;
    assert_eq!(conflict(resp).await, "appointment-error-state");
    assert!(booking(&app, &other, &booth)
        .await
        .slots
        .iter()
        .any(|s| s.id == slots[2]));
    let (ended,): (Option<i64>,) = sqlx::query_as("SELECT ended_at FROM meetings WHERE id = $1")
        .bind(&meeting)
        .fetch_one(&app.sql().await)
        .await
        .expect("meeting");
    assert!(ended.is_some());
    assert!(!calendar(&app, &buyer)
        .await
        .entries
        .iter()
        .any(|e| e.uid == format!("appointment-{id}")));
}
both_backends!(the_appointment_loop);

async fn bad_bookings(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let booth = own_exhibitor(&app).await;
    let team = team(&app).await;
    let day = day_ahead(5);
    let resp = publish(&app, &team, &day, "08:00", "15:00", "15", "UTC").await;
    assert_eq!(resp.json::<usize>().await.expect("n"), 28);
    let slots: Vec<String> = booking(&app, &team, &booth)
        .await
        .slots
        .into_iter()
        .map(|s| s.id)
        .collect();

    // A slot that has passed.
    sqlx::query("UPDATE availability_slots SET starts_at = 1000, ends_at = 2000 WHERE id = $1")
        .bind(&slots[27])
        .execute(&app.sql().await)
        .await
        .expect("age a slot");
    let buyer = new_buyer(&app, "late.buyer@example.com").await;
    let resp = book(&app, &buyer, &slots[27], "cid-late").await;
    assert_eq!(field_error(resp).await, "appointment-error-past");

    // A message too long is refused by name and nothing is stored.
    let long = "x".repeat(domain::appointment::MESSAGE_MAX_CHARS + 1);
    let resp = app
        .call(
            &buyer,
            "appointments/book",
            &[
                ("booking[slot_id]", &slots[0]),
                ("booking[message]", &long),
                ("booking[cid]", "cid-long"),
            ],
        )
        .await;
    assert_eq!(field_error(resp).await, "appointment-error-message");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM appointments").await, 0);

    // Two appointments at once: refused.
    assert_eq!(
        book(&app, &buyer, &slots[0], "cid-1").await.status(),
        StatusCode::OK
    );
    let (organizer, _) = db::account::find_credentials(&app.db, "organizer@expo.example")
        .await
        .expect("q")
        .expect("organizer");
    let (start,): (i64,) = sqlx::query_as("SELECT starts_at FROM availability_slots WHERE id = $1")
        .bind(&slots[0])
        .fetch_one(&app.sql().await)
        .await
        .expect("slot");
    let (other_booth, expo): (String, String) =
        sqlx::query_as("SELECT id, expo_id FROM exhibitors WHERE id <> $1 ORDER BY id LIMIT 1")
            .bind(&booth)
            .fetch_one(&app.sql().await)
            .await
            .expect("another booth");
    // A slot at another booth (its member: the organizer, put on that booth's team), straight
    // into the table.
    sqlx::query(
        "INSERT INTO memberships (user_id, expo_id, role, exhibitor_id, created_at) \
         VALUES ($1, $2, 'exhibitor', $3, 0)",
    )
    .bind(&organizer)
    .bind(&expo)
    .bind(&other_booth)
    .execute(&app.sql().await)
    .await
    .expect("on the other team");
    let slot_elsewhere = |from: i64, to: i64| {
        let (app, expo, other_booth, organizer) = (&app, &expo, &other_booth, &organizer);
        async move {
            let id = db::new_id();
            sqlx::query(
                "INSERT INTO availability_slots (id, expo_id, exhibitor_id, member_id, starts_at, ends_at, time_zone, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, 'UTC', 0)",
            )
            .bind(&id)
            .bind(expo)
            .bind(other_booth)
            .bind(organizer)
            .bind(from)
            .bind(to)
            .execute(&app.sql().await)
            .await
            .expect("a slot at another booth");
            id
        }
    };
    let clash = slot_elsewhere(start + 5 * 60_000, start + 20 * 60_000).await;
    let resp = book(&app, &buyer, &clash, "cid-clash").await;
    assert_eq!(conflict(resp).await, "appointment-error-busy");

    // The booth cannot propose a time at which the buyer is busy elsewhere.
    let (second_start,): (i64,) =
        sqlx::query_as("SELECT starts_at FROM availability_slots WHERE id = $1")
            .bind(&slots[1])
            .fetch_one(&app.sql().await)
            .await
            .expect("slot");
    let elsewhere = slot_elsewhere(second_start, second_start + 15 * 60_000).await;
    let busy = new_buyer(&app, "busy.buyer@example.com").await;
    assert_eq!(
        book(&app, &busy, &elsewhere, "cid-busy-1").await.status(),
        StatusCode::OK
    );
    let resp = book(&app, &busy, &slots[3], "cid-busy-2").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let request: String = resp.json().await.expect("id");
    let resp = answer(&app, &team, &request, "propose", &slots[1]).await;
    assert_eq!(conflict(resp).await, "appointment-error-buyer-busy");

    // A member who blocked the buyer gets no booking from them.
    let (buyer_id, _) = db::account::find_credentials(&app.db, "late.buyer@example.com")
        .await
        .expect("q")
        .expect("buyer");
    let resp = app
        .call(
            &team,
            "chat/block",
            &[("user_id", buyer_id.as_str()), ("on", "true")],
        )
        .await;
    assert!(resp.status().is_success());
    let resp = book(&app, &buyer, &slots[2], "cid-blocked").await;
    assert_eq!(conflict(resp).await, "appointment-error-blocked");

    // A flood: past the hourly limit, refused and not stored.
    let flood = new_buyer(&app, "flood.booker@example.com").await;
    let limit = domain::appointment::BOOKINGS_PER_HOUR as usize;
    for (n, slot) in slots[4..4 + limit].iter().enumerate() {
        let resp = book(&app, &flood, slot, &format!("cid-flood-{n}")).await;
        assert_eq!(resp.status(), StatusCode::OK, "booking {n}");
    }
    let before = count(&app, "SELECT COUNT(*) FROM appointments").await;
    let resp = book(&app, &flood, &slots[4 + limit], "cid-flood-last").await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM appointments").await,
        before
    );

    // A member who leaves the team takes their free slots along: not offered, not bookable.
    let late = new_buyer(&app, "after.leaving@example.com").await;
    assert!(!booking(&app, &late, &booth).await.slots.is_empty());
    let (member, _) = db::account::find_credentials(&app.db, EXHIBITOR)
        .await
        .expect("q")
        .expect("member");
    sqlx::query("DELETE FROM memberships WHERE user_id = $1 AND role = 'exhibitor'")
        .bind(&member)
        .execute(&app.sql().await)
        .await
        .expect("leave the team");
    assert!(booking(&app, &late, &booth).await.slots.is_empty());
    let resp = book(&app, &late, &slots[25], "cid-after-leaving").await;
    assert_eq!(field_error(resp).await, "appointment-error-slot");
}
both_backends!(bad_bookings);

/// Two nodes on one PostgreSQL database, two buyers booking the same slot at the same moment,
/// one on each node: exactly one gets it, every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_double_booking_across_nodes() {
    tokio::time::timeout(crate::TEST_TIMEOUT, async {
        let a = TestApp::spawn_with(Backend::Postgres, true, |_| {}).await;
        let b = a.another_node(|_| {}).await;
        let booth = own_exhibitor(&a).await;
        let team = team(&a).await;
        let resp = publish(&a, &team, &day_ahead(4), "08:00", "12:00", "20", "UTC").await;
        assert_eq!(resp.json::<usize>().await.expect("n"), 12);
        let slots: Vec<String> = booking(&a, &team, &booth)
            .await
            .slots
            .into_iter()
            .map(|s| s.id)
            .collect();
        let on_a = new_buyer(&a, "node.a@example.com").await;
        let on_b = new_buyer(&b, "node.b@example.com").await;
        for (n, slot) in slots.iter().enumerate() {
            let (cid_a, cid_b) = (format!("cid-a-{n}"), format!("cid-b-{n}"));
            let (ra, rb) =
                tokio::join!(book(&a, &on_a, slot, &cid_a), book(&b, &on_b, slot, &cid_b),);
            let statuses = [ra.status(), rb.status()];
            assert_eq!(
                statuses.iter().filter(|s| **s == StatusCode::OK).count(),
                1,
                "slot {n}: {statuses:?}"
            );
            assert!(
                statuses.contains(&StatusCode::CONFLICT),
                "slot {n}: {statuses:?}"
            );
            let (held,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM appointments WHERE held_slot = $1")
                    .bind(slot)
                    .fetch_one(&a.sql().await)
                    .await
                    .expect("count");
            assert_eq!(held, 1);
        }
    })
    .await
    .expect("test timed out");
}
