//! Professional buyers: the profile and its checks, the buyer role it grants, verification by
//! organizers only, and contact details that exhibitors see only with the buyer's consent.

use crate::both_backends;
use crate::directory::{download, read_csv};
use crate::helpers::{Backend, TestApp};
use crate::media::{EXHIBITOR, PASSWORD};
use crate::meeting::post;
use crate::realtime::{new_person, session_cookie};
use app::buyer::api::{BuyerCard, BuyerPage};
use domain::buyer::BuyerProfile;
use reqwest::StatusCode;

const ORGANIZER: &str = "organizer@expo.example";

pub(crate) fn profile_form<'a>(
    company: &'a str,
    wechat: &'a str,
    consent: bool,
) -> Vec<(&'static str, &'a str)> {
    let mut form = vec![
        ("input[company]", company),
        ("input[job_role]", "Purchasing manager"),
        ("input[interests][]", "marine"),
        ("input[interests][]", "electronics"),
        ("input[volume]", "1m_10m"),
        ("input[countries][]", "CN"),
        ("input[countries][]", "KR"),
        ("input[phone]", "+47 22 00 00 00"),
        ("input[wechat]", wechat),
    ];
    if consent {
        form.push(("input[consent]", "on"));
    }
    form
}

async fn directory(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> BuyerPage {
    let resp = post(app, cookie, "buyer/list", form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("json")
}

fn row<'a>(page: &'a BuyerPage, user_id: &str) -> &'a BuyerProfile {
    page.items
        .iter()
        .find(|b| b.user_id == user_id)
        .expect("the buyer is listed")
}

async fn buyers_register_get_verified_and_share_contacts_only_with_consent(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let kari = new_person(&app, "kari@nordic.example").await;
    let lena = new_person(&app, "lena@baltic.example").await;

    // Every bad field is reported at once, and nothing is saved.
    let resp = post(
        &app,
        &kari,
        "buyer/save",
        &[
            ("input[company]", ""),
            ("input[job_role]", "x"),
            ("input[interests][]", "weapons"),
            ("input[volume]", "lots"),
            ("input[countries][]", "XX"),
            ("input[phone]", "call me"),
            ("input[wechat]", "1bad"),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = resp.text().await.expect("body");
    for id in [
        "buyer-error-required",
        "buyer-error-interests",
        "buyer-error-volume",
        "buyer-error-countries",
        "buyer-error-phone",
        "buyer-error-wechat",
    ] {
        assert!(body.contains(id), "{id} in {body}");
    }
    let mine: Option<BuyerProfile> = post(&app, &kari, "buyer/mine", &[])
        .await
        .json()
        .await
        .expect("json");
    assert!(mine.is_none());

    // Kari shares her contact details; Lena does not.
    let resp = post(
        &app,
        &kari,
        "buyer/save",
        &profile_form("Nordic Marine AS", "kari_nordic", true),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let saved: BuyerProfile = resp.json().await.expect("json");
    assert_eq!(saved.form.interests, ["marine", "electronics"]);
    assert_eq!(saved.form.countries, ["CN", "KR"]);
    assert!(!saved.verified());
    let resp = post(
        &app,
        &lena,
        "buyer/save",
        &profile_form("Baltic Trade OÜ", "lena_baltic", false),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let lena_id: BuyerProfile = resp.json().await.expect("json");
    let kari_id = saved.user_id.clone();
    let lena_id = lena_id.user_id;

    // Saving made them buyers of the expo.
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("db")
        .expect("expo");
    let roles = db::account::memberships(&app.db, &kari_id)
        .await
        .expect("roles");
    assert!(roles
        .iter()
        .any(|m| m.expo_id == expo.id && m.role == domain::account::Role::Buyer));

    // Visitors and anonymous people do not see the buyer directory.
    let visitor = new_person(&app, "curious@visitor.example").await;
    assert_eq!(
        post(&app, &visitor, "buyer/list", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&app, "", "buyer/list", &[]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Only organizers verify.
    for cookie in [&kari, &visitor] {
        let resp = post(
            &app,
            cookie,
            "buyer/verify",
            &[("user_id", kari_id.as_str()), ("verified", "yes")],
        )
        .await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    }
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let resp = post(
        &app,
        &exhibitor,
        "buyer/verify",
        &[("user_id", kari_id.as_str()), ("verified", "yes")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // The exhibitor sees Kari's contact details (consent), not Lena's.
    let page = directory(&app, &exhibitor, &[]).await;
    assert!(!page.organizer);
    let k = row(&page, &kari_id);
    assert_eq!(k.email, "kari@nordic.example");
    assert_eq!(k.form.wechat, "kari_nordic");
    assert_eq!(k.form.phone, "+47 22 00 00 00");
    let l = row(&page, &lena_id);
    assert_eq!(l.form.company, "Baltic Trade OÜ");
    assert!(l.email.is_empty() && l.form.phone.is_empty() && l.form.wechat.is_empty());
    let exhibitor_view = post(&app, &exhibitor, "buyer/list", &[])
        .await
        .text()
        .await
        .expect("body");
    assert!(
        !exhibitor_view.contains("lena_baltic") && !exhibitor_view.contains("lena@baltic.example")
    );

    // The organizer sees both, verifies Kari; verified buyers come first and filter.
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let page = directory(&app, &organizer, &[]).await;
    assert!(page.organizer);
    assert_eq!(row(&page, &lena_id).form.wechat, "lena_baltic");
    let resp = post(
        &app,
        &organizer,
        "buyer/verify",
        &[("user_id", kari_id.as_str()), ("verified", "yes")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = post(
        &app,
        &organizer,
        "buyer/verify",
        &[("user_id", "nobody"), ("verified", "yes")],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let verified = directory(&app, &organizer, &[("verified", "yes")]).await;
    assert_eq!(verified.total, 1);
    assert_eq!(verified.items[0].user_id, kari_id);
    let waiting = directory(&app, &exhibitor, &[("verified", "no")]).await;
    assert!(waiting.items.iter().all(|b| !b.verified()));
    assert!(waiting.items.iter().any(|b| b.user_id == lena_id));
    let all = directory(&app, &exhibitor, &[]).await;
    assert_eq!(all.items[0].user_id, kari_id, "verified buyers first");
    let marine = directory(
        &app,
        &exhibitor,
        &[("interest", "marine"), ("country", "CN")],
    )
    .await;
    assert_eq!(
        marine.total, 2,
        "both registered in China and buy marine goods"
    );
    let norway = directory(&app, &exhibitor, &[("country", "NO")]).await;
    assert_eq!(
        norway.total, 0,
        "the country is the buyer's own, not a source country"
    );
    let auto = directory(&app, &exhibitor, &[("interest", "auto")]).await;
    assert_eq!(auto.total, 0);
    let nordic = directory(&app, &exhibitor, &[("q", "NORDIC")]).await;
    assert_eq!(nordic.total, 1);
    let unknown = directory(&app, &exhibitor, &[("interest", "weapons"), ("page", "-3")]).await;
    assert_eq!(unknown.page, 1);

    // Keeping the company keeps the badge; withdrawing consent hides the contacts at once;
    // another company takes the badge back.
    let resp = post(
        &app,
        &kari,
        "buyer/save",
        &profile_form("Nordic Marine AS", "kari_nordic", false),
    )
    .await;
    let again: BuyerProfile = resp.json().await.expect("json");
    assert!(again.verified());
    let k = directory(&app, &exhibitor, &[]).await;
    assert!(
        row(&k, &kari_id).form.wechat.is_empty(),
        "consent withdrawn"
    );
    let resp = post(
        &app,
        &kari,
        "buyer/save",
        &profile_form("Another Company", "kari_nordic", false),
    )
    .await;
    let moved: BuyerProfile = resp.json().await.expect("json");
    assert!(!moved.verified(), "a new company is checked again");

    // The organizer's export holds every contact with the consent column; exhibitors may not export.
    let resp = download(&app, &organizer, "/export/buyers.csv").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let bytes = resp.bytes().await.expect("bytes");
    let header = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned();
    assert!(
        header.contains("\"Consent to share contact\",\"Verified buyer\""),
        "{header}"
    );
    let rows = read_csv(&bytes);
    let lena_row = rows
        .iter()
        .find(|r| r.last() == Some(&lena_id))
        .expect("lena exported");
    assert_eq!(lena_row[9], "lena_baltic");
    assert_eq!(lena_row[10], "no");
    let resp = download(&app, &exhibitor, "/export/buyers.xlsx").await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Every step is audited.
    let saves = db::audit::recent(&app.db, "buyer.save", 10)
        .await
        .expect("audit");
    let verifications = db::audit::recent(&app.db, "buyer.verify", 10)
        .await
        .expect("audit");
    assert_eq!((saves.len(), verifications.len()), (4, 1));
}
both_backends!(buyers_register_get_verified_and_share_contacts_only_with_consent);

async fn card(app: &TestApp, cookie: &str, user_id: &str) -> reqwest::Response {
    post(app, cookie, "buyer/profile", &[("user_id", user_id)]).await
}

async fn a_buyers_profile_page_follows_the_directorys_rules(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let kari = new_person(&app, "kari@nordic.example").await;
    let lena = new_person(&app, "lena@baltic.example").await;
    let mut ids = Vec::new();
    for (cookie, company, wechat, consent) in [
        (&kari, "Nordic Marine AS", "kari_nordic", true),
        (&lena, "Baltic Trade OÜ", "lena_baltic", false),
    ] {
        let resp = post(
            &app,
            cookie,
            "buyer/save",
            &profile_form(company, wechat, consent),
        )
        .await;
        assert_eq!(resp.status(), StatusCode::OK);
        ids.push(resp.json::<BuyerProfile>().await.expect("json").user_id);
    }
    let (kari_id, lena_id) = (&ids[0], &ids[1]);
    let exhibitor = session_cookie(&app, EXHIBITOR, PASSWORD).await;
    let organizer = session_cookie(&app, ORGANIZER, PASSWORD).await;
    let visitor = new_person(&app, "curious@visitor.example").await;

    // The exhibitor reads both profiles; contact details only where the buyer consented.
    let kari_card: BuyerCard = card(&app, &exhibitor, kari_id)
        .await
        .json()
        .await
        .expect("card");
    assert!(!kari_card.organizer);
    assert_eq!(kari_card.buyer.form.company, "Nordic Marine AS");
    assert_eq!(kari_card.buyer.form.wechat, "kari_nordic");
    let lena_card: BuyerCard = card(&app, &exhibitor, lena_id)
        .await
        .json()
        .await
        .expect("card");
    assert_eq!(lena_card.buyer.form.interests, ["marine", "electronics"]);
    assert!(lena_card.buyer.form.wechat.is_empty());
    assert!(lena_card.buyer.form.phone.is_empty());
    assert!(!lena_card.buyer.email.contains("lena"));
    // The organizers see everything.
    let org_card: BuyerCard = card(&app, &organizer, lena_id)
        .await
        .json()
        .await
        .expect("card");
    assert!(org_card.organizer);
    assert_eq!(org_card.buyer.form.wechat, "lena_baltic");

    // Not for visitors, nor anonymous; people who are no buyers are not found.
    assert_eq!(
        card(&app, &visitor, kari_id).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        card(&app, "", kari_id).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let visitor_id: serde_json::Value = post(&app, &visitor, "account/me", &[])
        .await
        .json()
        .await
        .expect("me");
    let visitor_id = visitor_id["id"].as_str().expect("id");
    for id in [
        visitor_id,
        "not-an-id",
        "01a2b3c4-0000-7000-8000-000000000000",
    ] {
        assert_eq!(
            card(&app, &exhibitor, id).await.status(),
            StatusCode::NOT_FOUND,
            "{id}"
        );
    }

    // From the profile the exhibitor writes to the buyer (the same one-to-one room as from the
    // directory).
    let resp = post(
        &app,
        &exhibitor,
        "chat/start-direct",
        &[("user_id", lena_id)],
    )
    .await;
    assert!(resp.status().is_success() || resp.status().is_redirection());
    let room: String = resp.json().await.expect("room");
    let again: String = post(
        &app,
        &exhibitor,
        "chat/start-direct",
        &[("user_id", lena_id)],
    )
    .await
    .json()
    .await
    .expect("room");
    assert_eq!(room, again);
}
both_backends!(a_buyers_profile_page_follows_the_directorys_rules);
