//! Exhibitor applications: the state machine over HTTP (every allowed and refused step), the
//! review queue's filters, approval placing a booth on the hall plan and making the applicant
//! an exhibitor, notifications and e-mails, and who may do what.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use app::application::api::QueuePage;
use domain::application::{Application, ApplicationStatus};
use domain::hall::HallPlan;
use domain::notification::{Notification, NotificationBody};
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

fn form<'a>(company: &'a str, license: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("input[company]", company),
        ("input[country]", "KR"),
        ("input[industries][]", "marine"),
        ("input[industries][]", "auto"),
        ("input[license_no]", license),
        ("input[product_summary]", "Ship propellers and shafts."),
        ("input[contact_name]", "Kim Minjun"),
        ("input[contact_email]", "kim@propellers.example"),
        ("input[contact_phone]", "+82 51 123 4567"),
        ("input[website]", "https://propellers.example"),
    ]
}

async fn json<T: serde::de::DeserializeOwned>(resp: reqwest::Response) -> (StatusCode, T) {
    let status = resp.status();
    let text = resp.text().await.expect("body");
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{status} {text}: {e}"));
    (status, value)
}

async fn error_body(resp: reqwest::Response) -> (StatusCode, String) {
    let status = resp.status();
    (status, resp.text().await.expect("body"))
}

async fn marine(app: &TestApp) -> HallPlan {
    json::<HallPlan>(post(app, "", "hall/get", &[("slug", "marine")]).await)
        .await
        .1
}

async fn decide(
    app: &TestApp,
    cookie: &str,
    id: &str,
    decision: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let mut f = vec![("id", id), ("decision", decision)];
    f.extend_from_slice(extra);
    post(app, cookie, "application/decide", &f).await
}

async fn an_application_goes_from_submitted_to_a_booth_on_the_hall_map(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let applicant = new_person(&app, "kim@example.com").await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;

    // Bad input: every field named, nothing stored.
    let (status, body) = error_body(
        post(
            &app,
            &applicant,
            "application/submit",
            &[
                ("input[company]", " "),
                ("input[country]", "XX"),
                ("input[industries][]", "space"),
                ("input[license_no]", "<b>"),
                ("input[contact_email]", "nope"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for id in [
        "apply-error-required",
        "apply-error-country",
        "apply-error-industry",
        "apply-error-license",
        "apply-error-email",
        "apply-error-phone",
    ] {
        assert!(body.contains(id), "{id}: {body}");
    }
    let (_, none): (_, Option<Application>) =
        json(post(&app, &applicant, "application/mine", &[]).await).await;
    assert_eq!(none, None);

    // Submitted; the organizers hear of it.
    let (status, submitted): (_, Application) = json(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Busan Propellers", "301-81-12345"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(submitted.status, ApplicationStatus::Submitted);
    assert_eq!(submitted.form.industries, vec!["marine", "auto"]);
    assert_eq!(submitted.form.license_no, "301-81-12345");
    let (_, notices): (_, Vec<Notification>) =
        json(post(&app, &organizer, "notification/list", &[]).await).await;
    assert!(notices.iter().any(|n| matches!(&n.body,
        NotificationBody::ApplicationReceived { company } if company == "Busan Propellers")));

    // Twice: refused. Someone else with the same licence: refused.
    let (status, body) = error_body(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Busan Propellers", "X-9999"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("apply-error-duplicate"));
    let other = new_person(&app, "other@example.com").await;
    let (status, body) = error_body(
        post(
            &app,
            &other,
            "application/submit",
            &form("Copycat", " 301-81-12345 "),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("apply-error-license-taken"));

    // The queue and its filters.
    let queue = |params: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let organizer = organizer.clone();
        async move {
            json::<QueuePage>(post(app, &organizer, "application/queue", &params).await)
                .await
                .1
        }
    };
    let all = queue(vec![]).await;
    assert_eq!(all.total, 1);
    assert_eq!(all.items[0].id, submitted.id);
    assert_eq!(
        all.counts
            .iter()
            .find(|(s, _)| *s == ApplicationStatus::Submitted)
            .map(|(_, n)| *n),
        Some(1)
    );
    for (params, expected) in [
        (vec![("status", "submitted")], 1),
        (vec![("status", "approved")], 0),
        (vec![("country", "kr")], 1),
        (vec![("country", "CN")], 0),
        (vec![("industry", "auto")], 1),
        (vec![("industry", "food")], 0),
        (vec![("q", "propell")], 1),
        (vec![("q", "301-81")], 1),
        (vec![("q", "%")], 0),
        (vec![("q", "nothing like it")], 0),
        // Unknown filter values filter nothing; bad pages are the first.
        (
            vec![("status", "bogus"), ("industry", "space"), ("page", "-3")],
            1,
        ),
        (vec![("page", "x")], 1),
    ] {
        assert_eq!(queue(params.clone()).await.total, expected, "{params:?}");
    }

    // Changes asked for: a reason is required; the applicant is told in the app and by e-mail.
    let (status, body) =
        error_body(decide(&app, &organizer, &submitted.id, "request_changes", &[]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("apply-error-reason"));
    let (status, to): (_, ApplicationStatus) = json(
        decide(
            &app,
            &organizer,
            &submitted.id,
            "request_changes",
            &[(
                "reason",
                "Please add your ISO 9001 certificate number to the summary.",
            )],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, to),
        (StatusCode::OK, ApplicationStatus::ChangesRequested)
    );
    let (_, mine): (_, Option<Application>) =
        json(post(&app, &applicant, "application/mine", &[]).await).await;
    let mine = mine.expect("mine");
    assert_eq!(mine.status, ApplicationStatus::ChangesRequested);
    assert!(mine
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("ISO 9001")));
    let mail = db::notification::emails_to(&app.db, "kim@example.com")
        .await
        .expect("outbox");
    assert_eq!(mail.len(), 1);
    assert!(mail[0].1.contains("ISO 9001"), "{mail:?}");
    // Approving now is out of order.
    let (status, body) = error_body(
        decide(
            &app,
            &organizer,
            &submitted.id,
            "approve",
            &[("hall_id", &marine(&app).await.id), ("booth_code", "M-11")],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("apply-error-transition"));

    // Resubmitted with the change.
    let mut changed = form("Busan Propellers", "301-81-12345");
    changed[5] = (
        "input[product_summary]",
        "Ship propellers and shafts. ISO 9001: KR-1234.",
    );
    let mut with_id = vec![("id", submitted.id.as_str())];
    with_id.extend(changed.iter().copied());
    let (status, to): (_, ApplicationStatus) =
        json(post(&app, &applicant, "application/resubmit", &with_id).await).await;
    assert_eq!((status, to), (StatusCode::OK, ApplicationStatus::Submitted));

    // Approval: bad booth code, a hall of no expo, and a code already taken in the hall are
    // refused and leave nothing behind.
    let hall = marine(&app).await;
    let before = hall.booths.len();
    for (extra, id) in [
        (
            vec![("hall_id", hall.id.as_str()), ("booth_code", "M 11!")],
            "apply-error-booth-code",
        ),
        (
            vec![
                ("hall_id", "0193b1a0-0000-7000-8000-000000000000"),
                ("booth_code", "M-11"),
            ],
            "apply-error-hall",
        ),
        (
            vec![("hall_id", hall.id.as_str()), ("booth_code", "m-01")],
            "apply-error-booth-taken",
        ),
    ] {
        let (status, body) =
            error_body(decide(&app, &organizer, &submitted.id, "approve", &extra).await).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{extra:?}: {body}"
        );
        assert!(body.contains(id), "{extra:?}: {body}");
    }
    assert_eq!(marine(&app).await.booths.len(), before);
    let (_, still): (_, Option<Application>) =
        json(post(&app, &applicant, "application/mine", &[]).await).await;
    assert_eq!(still.expect("mine").status, ApplicationStatus::Submitted);

    let (status, to): (_, ApplicationStatus) = json(
        decide(
            &app,
            &organizer,
            &submitted.id,
            "approve",
            &[("hall_id", &hall.id), ("booth_code", "m-11")],
        )
        .await,
    )
    .await;
    assert_eq!((status, to), (StatusCode::OK, ApplicationStatus::Approved));
    // The booth is on the hall map, apart from every other booth, named after the company.
    let hall = marine(&app).await;
    assert_eq!(hall.booths.len(), before + 1);
    let booth = hall
        .booths
        .iter()
        .find(|b| b.code == "M-11")
        .expect("M-11 on the plan");
    assert_eq!(
        booth.exhibitor_name.show(domain::Locale::En).text,
        "Busan Propellers"
    );
    assert_eq!(booth.country, "KR");
    assert!(booth.rect.fits(hall.width, hall.height));
    assert!(hall
        .booths
        .iter()
        .filter(|b| b.code != "M-11")
        .all(|b| !b.rect.overlaps(&booth.rect)));
    // The applicant now edits that booth (a fresh sign-in carries the new role, and so does
    // the existing session).
    let (_, can): (_, bool) = json(
        post(
            &app,
            &applicant,
            "booth/can-edit",
            &[("exhibitor_id", &booth.exhibitor_id)],
        )
        .await,
    )
    .await;
    assert!(can);
    let (_, mine): (_, Option<Application>) =
        json(post(&app, &applicant, "application/mine", &[]).await).await;
    let mine = mine.expect("mine");
    assert_eq!(
        mine.exhibitor_id.as_deref(),
        Some(booth.exhibitor_id.as_str())
    );
    assert_eq!(mine.booth_code.as_deref(), Some("M-11"));
    let (_, notices): (_, Vec<Notification>) =
        json(post(&app, &applicant, "notification/list", &[]).await).await;
    assert!(matches!(
        &notices[0].body,
        NotificationBody::ApplicationDecided {
            status: ApplicationStatus::Approved,
            ..
        }
    ));
    assert_eq!(
        db::notification::emails_to(&app.db, "kim@example.com")
            .await
            .expect("outbox")
            .len(),
        2
    );

    // Final: nothing moves it any more, and an exhibitor cannot apply again.
    for d in ["approve", "reject", "request_changes"] {
        let (status, _) = error_body(
            decide(
                &app,
                &organizer,
                &submitted.id,
                d,
                &[
                    ("reason", "x"),
                    ("hall_id", &hall.id),
                    ("booth_code", "M-12"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{d}");
    }
    let (status, _) = error_body(
        post(
            &app,
            &applicant,
            "application/withdraw",
            &[("id", &submitted.id)],
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = error_body(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Busan Two", "NEW-1"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body.contains("apply-error-already-exhibitor") || body.contains("apply-error-duplicate"),
        "{body}"
    );
    // Every decision is in the audit log.
    for action in [
        "application.submit",
        "application.request_changes",
        "application.resubmit",
        "application.approve",
    ] {
        assert_eq!(
            db::audit::recent(&app.db, action, 10)
                .await
                .expect("audit")
                .len(),
            1,
            "{action}"
        );
    }
}
both_backends!(an_application_goes_from_submitted_to_a_booth_on_the_hall_map);

async fn refusals_withdrawals_and_who_may_decide(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let applicant = new_person(&app, "lee@example.com").await;
    let stranger = new_person(&app, "stranger@example.com").await;
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let (_, a): (_, Application) = json(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Lee Marine", "LEE-100"),
        )
        .await,
    )
    .await;

    // Nobody but an organizer reviews; nobody but the applicant (and organizers) sees it.
    for (who, expected) in [
        ("", StatusCode::UNAUTHORIZED),
        (stranger.as_str(), StatusCode::FORBIDDEN),
        (exhibitor.as_str(), StatusCode::FORBIDDEN),
        (applicant.as_str(), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            post(&app, who, "application/queue", &[]).await.status(),
            expected
        );
        assert_eq!(
            decide(&app, who, &a.id, "reject", &[("reason", "no")])
                .await
                .status(),
            expected
        );
    }
    assert_eq!(
        post(&app, &stranger, "application/get", &[("id", &a.id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &applicant, "application/get", &[("id", &a.id)])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &organizer, "application/get", &[("id", &a.id)])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&app, &stranger, "application/withdraw", &[("id", &a.id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &organizer, "application/get", &[("id", "not-an-id")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (status, body) = error_body(decide(&app, &organizer, &a.id, "crown", &[]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("error-request-malformed"), "{body}");
    // Resubmitting what was not sent back is out of order.
    let mut with_id = vec![("id", a.id.as_str())];
    with_id.extend(form("Lee Marine", "LEE-100"));
    assert_eq!(
        post(&app, &applicant, "application/resubmit", &with_id)
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // Declined, with the reason; the licence and the person are free to apply again.
    let (status, to): (_, ApplicationStatus) = json(
        decide(
            &app,
            &organizer,
            &a.id,
            "reject",
            &[("reason", "Not an exhibitor of marine equipment.")],
        )
        .await,
    )
    .await;
    assert_eq!((status, to), (StatusCode::OK, ApplicationStatus::Rejected));
    let (status, again): (_, Application) = json(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Lee Marine", "LEE-100"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(again.id, a.id);
    // Withdrawn by the applicant: final too.
    let (status, to): (_, ApplicationStatus) = json(
        post(
            &app,
            &applicant,
            "application/withdraw",
            &[("id", &again.id)],
        )
        .await,
    )
    .await;
    assert_eq!((status, to), (StatusCode::OK, ApplicationStatus::Withdrawn));
    assert_eq!(
        decide(&app, &organizer, &again.id, "reject", &[("reason", "x")])
            .await
            .status(),
        StatusCode::CONFLICT
    );

    // Two organizers approving at once: one booth, one exhibitor.
    let (_, third): (_, Application) = json(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Lee Marine", "LEE-100"),
        )
        .await,
    )
    .await;
    let organizer2 = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let hall = marine(&app).await;
    let first = [("hall_id", hall.id.as_str()), ("booth_code", "M-21")];
    let second = [("hall_id", hall.id.as_str()), ("booth_code", "M-22")];
    let (r1, r2) = tokio::join!(
        decide(&app, &organizer, &third.id, "approve", &first),
        decide(&app, &organizer2, &third.id, "approve", &second),
    );
    let mut statuses = [r1.status(), r2.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "one wins");
    let after = marine(&app).await;
    assert_eq!(after.booths.len(), hall.booths.len() + 1);
}
both_backends!(refusals_withdrawals_and_who_may_decide);

async fn two_approvals_into_one_hall_take_different_spots(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let a = new_person(&app, "one@example.com").await;
    let b = new_person(&app, "two@example.com").await;
    let (_, first): (_, Application) = json(
        post(
            &app,
            &a,
            "application/submit",
            &form("First Cranes", "ONE-1"),
        )
        .await,
    )
    .await;
    let (_, second): (_, Application) = json(
        post(
            &app,
            &b,
            "application/submit",
            &form("Second Cranes", "TWO-2"),
        )
        .await,
    )
    .await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let organizer2 = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let hall = marine(&app).await;
    let one = [("hall_id", hall.id.as_str()), ("booth_code", "M-31")];
    let two = [("hall_id", hall.id.as_str()), ("booth_code", "M-32")];
    let (r1, r2) = tokio::join!(
        decide(&app, &organizer, &first.id, "approve", &one),
        decide(&app, &organizer2, &second.id, "approve", &two),
    );
    assert_eq!((r1.status(), r2.status()), (StatusCode::OK, StatusCode::OK));
    let after = marine(&app).await;
    assert_eq!(after.booths.len(), hall.booths.len() + 2);
    for (i, x) in after.booths.iter().enumerate() {
        for y in &after.booths[i + 1..] {
            assert!(
                !x.rect.overlaps(&y.rect),
                "{} and {} overlap",
                x.code,
                y.code
            );
        }
    }
}
both_backends!(two_approvals_into_one_hall_take_different_spots);

async fn upload_document(
    app: &TestApp,
    cookie: &str,
    application: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new()
        .text("application", application.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    let resp = reqwest::Client::new()
        .post(app.url("/api/application/document"))
        .header("accept", "application/json")
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    (resp.status(), resp.text().await.expect("body"))
}

async fn applicants_attach_documents_that_organizers_read(backend: Backend) {
    use domain::application::ApplicationDocument;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let applicant = new_person(&app, "docs@propellers.example").await;
    let stranger = new_person(&app, "nosy@stranger.example").await;
    let (status, submitted): (_, Application) = json(
        post(
            &app,
            &applicant,
            "application/submit",
            &form("Docs Propellers", "DOC-12345"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let id = submitted.id.as_str();
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .to_vec();

    // Only the applicant attaches; strangers and anonymous people learn nothing.
    assert_eq!(
        upload_document(&app, "", id, "licence.pdf", pdf.clone())
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        upload_document(&app, &stranger, id, "licence.pdf", pdf.clone())
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        upload_document(&app, &organizer, id, "licence.pdf", pdf.clone())
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // Not a document: refused by its bytes, whatever its name.
    let (status, body) = upload_document(
        &app,
        &applicant,
        id,
        "licence.pdf",
        b"MZ\x90\x00 not a pdf at all".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body.contains("apply-error-document-type"));
    let (status, body) = upload_document(&app, &applicant, id, "huge.pdf", {
        let mut b = pdf.clone();
        b.resize(11 * 1024 * 1024, b' ');
        b
    })
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    let (status, body) =
        upload_document(&app, &applicant, id, "../../etc/营业执照.pdf", pdf.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let doc: ApplicationDocument = serde_json::from_str(&body).expect("json");
    assert_eq!(doc.name, "营业执照.pdf");
    assert_eq!(doc.content_type, "application/pdf");

    // The organizer lists and downloads it, byte for byte; a stranger may not.
    let (status, docs): (_, Vec<ApplicationDocument>) =
        json(post(&app, &organizer, "application/documents", &[("id", id)]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(docs, vec![doc.clone()]);
    assert_eq!(
        post(&app, &stranger, "application/documents", &[("id", id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let get = |cookie: &str| {
        reqwest::Client::new()
            .get(app.url(&format!("/application-documents/{}", doc.id)))
            .header("cookie", cookie.to_owned())
            .send()
    };
    let resp = get(&organizer).await.expect("download");
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap_or("")
        .starts_with("attachment"));
    assert_eq!(resp.bytes().await.expect("bytes").to_vec(), pdf);
    assert_eq!(
        get(&stranger).await.expect("download").status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get("").await.expect("download").status(),
        StatusCode::UNAUTHORIZED
    );

    // Five at most; none once the application is decided.
    for n in 2..=5 {
        let (status, _) =
            upload_document(&app, &applicant, id, &format!("cert-{n}.pdf"), pdf.clone()).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, body) = upload_document(&app, &applicant, id, "six.pdf", pdf.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("apply-error-document-count"));
    let resp = decide(
        &app,
        &organizer,
        id,
        "reject",
        &[("reason", "Not our industry.")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (_, docs): (_, Vec<ApplicationDocument>) =
        json(post(&app, &applicant, "application/documents", &[("id", id)]).await).await;
    assert_eq!(docs.len(), 5, "the applicant still sees them");
}
both_backends!(applicants_attach_documents_that_organizers_read);

async fn a_second_application_field_cannot_redirect_a_document(backend: Backend) {
    use domain::application::ApplicationDocument;
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let attacker = new_person(&app, "attacker@propellers.example").await;
    let victim = new_person(&app, "victim@propellers.example").await;
    let submit = |cookie: String, company: &'static str, licence: &'static str| {
        let app = &app;
        async move {
            let (status, a): (_, Application) =
                json(post(app, &cookie, "application/submit", &form(company, licence)).await).await;
            assert_eq!(status, StatusCode::OK);
            a.id
        }
    };
    let own = submit(attacker.clone(), "Attacker Marine", "ATK-12345").await;
    let theirs = submit(victim.clone(), "Victim Marine", "VIC-12345").await;
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .to_vec();
    let send = |form: reqwest::multipart::Form| {
        let (app, attacker) = (&app, attacker.clone());
        async move {
            reqwest::Client::new()
                .post(app.url("/api/application/document"))
                .header("accept", "application/json")
                .header("cookie", &attacker)
                .multipart(form)
                .send()
                .await
                .expect("upload")
                .status()
        }
    };
    // The form names the attacker's own application (checked), then the victim's after the file.
    let form = reqwest::multipart::Form::new()
        .text("application", own.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("forged.pdf"),
        )
        .text("application", theirs.clone());
    assert_eq!(send(form).await, StatusCode::BAD_REQUEST);
    // A second file after the checked one is refused too.
    let form = reqwest::multipart::Form::new()
        .text("application", own.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("a.pdf"),
        )
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("b.pdf"),
        );
    assert_eq!(send(form).await, StatusCode::BAD_REQUEST);
    for id in [&own, &theirs] {
        let (status, docs): (_, Vec<ApplicationDocument>) =
            json(post(&app, &organizer, "application/documents", &[("id", id)]).await).await;
        assert_eq!(status, StatusCode::OK);
        assert!(docs.is_empty(), "nothing stored under {id}: {docs:?}");
    }
    // The plain form still works.
    let (status, body) = upload_document(&app, &attacker, &own, "licence.pdf", pdf).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
both_backends!(a_second_application_field_cannot_redirect_a_document);
