//! A booth's leads: who shows up and by which signals, the team's stage and note, filters,
//! exports (CSV, XLSX, vCard), who may read them, and contact details only where the buyer
//! agreed to share them — in the page and in every export.

use crate::both_backends;
use crate::buyers::profile_form;
use crate::helpers::{error_json, Backend, TestApp};
use crate::media::{own_exhibitor, EXHIBITOR, PASSWORD};
use crate::trade::new_buyer;
use domain::lead::{LeadSource, LeadStage, LeadsPage};
use reqwest::{Client, StatusCode};

const SHARING: &str = "sharing.buyer@example.com";
const PRIVATE: &str = "private.buyer@example.com";

async fn leads(app: &TestApp, c: &Client, query: &[(&str, &str)]) -> (StatusCode, String) {
    let resp = app.call(c, "leads", query).await;
    (resp.status(), resp.text().await.expect("body"))
}

async fn page(app: &TestApp, c: &Client, query: &[(&str, &str)]) -> LeadsPage {
    let (status, body) = leads(app, c, query).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).expect("leads page")
}

async fn export(app: &TestApp, c: &Client, file: &str) -> (StatusCode, Vec<u8>) {
    let resp = c
        .get(app.url(&format!("/export/{file}")))
        .send()
        .await
        .expect("export");
    (resp.status(), resp.bytes().await.expect("bytes").to_vec())
}

async fn user_id(app: &TestApp, email: &str) -> String {
    db::account::find_credentials(&app.db, email)
        .await
        .expect("q")
        .expect("user")
        .0
}

async fn a_booth_knows_its_leads(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let booth = own_exhibitor(&app).await;
    let team = app.new_client();
    assert!(app
        .login(&team, EXHIBITOR, PASSWORD)
        .await
        .status()
        .is_success());

    // One buyer shares her contact details and is busy with the booth: a visit, a save, an
    // inquiry. Another keeps his private and only saves the booth.
    let sharing = new_buyer(&app, SHARING).await;
    let resp = app
        .call(
            &sharing,
            "buyer/save",
            &profile_form("Atlantic Ships", "ines_atl", true),
        )
        .await;
    assert!(resp.status().is_success());
    let resp = app
        .call(
            &sharing,
            "footprint",
            &[("kind", "view"), ("target", "booth"), ("id", &booth)],
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.status());
    for c in [&sharing] {
        let resp = app
            .call(
                c,
                "favorite/set",
                &[("kind", "booth"), ("id", &booth), ("on", "true")],
            )
            .await;
        assert!(resp.status().is_success());
    }
    let resp = app
        .call(
            &sharing,
            "trade/inquire",
            &[
                ("inquiry[exhibitor_id]", booth.as_str()),
                ("inquiry[product_id]", ""),
                ("inquiry[quantity]", "2"),
                ("inquiry[unit]", "piece"),
                ("inquiry[target_price]", ""),
                ("inquiry[currency]", "EUR"),
                ("inquiry[incoterm]", "FOB"),
                ("inquiry[destination]", "FR"),
                ("inquiry[place]", "Brest"),
                ("inquiry[needed_by]", ""),
                ("inquiry[message]", "Two engines."),
                ("inquiry[cid]", "cid-lead-1"),
            ],
        )
        .await;
    assert!(
        resp.status().is_success(),
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let private = new_buyer(&app, PRIVATE).await;
    let resp = app
        .call(
            &private,
            "buyer/save",
            &profile_form("Quiet Trading", "quiet_one", false),
        )
        .await;
    assert!(resp.status().is_success());
    let resp = app
        .call(
            &private,
            "favorite/set",
            &[("kind", "booth"), ("id", &booth), ("on", "true")],
        )
        .await;
    assert!(resp.status().is_success());

    // Someone with no buyer profile who only saves the booth stays anonymous.
    let passer = new_buyer(&app, "passer.by@example.com").await;
    let resp = app
        .call(
            &passer,
            "favorite/set",
            &[("kind", "booth"), ("id", &booth), ("on", "true")],
        )
        .await;
    assert!(resp.status().is_success());

    // Only the booth's team reads its leads.
    assert_eq!(
        leads(&app, &app.new_client(), &[]).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(leads(&app, &private, &[]).await.0, StatusCode::FORBIDDEN);
    let organizer = app.new_client();
    assert!(app
        .login(&organizer, "organizer@expo.example", PASSWORD)
        .await
        .status()
        .is_success());
    assert_eq!(leads(&app, &organizer, &[]).await.0, StatusCode::FORBIDDEN);

    let (sharing_id, private_id) = (user_id(&app, SHARING).await, user_id(&app, PRIVATE).await);
    let (status, body) = leads(&app, &team, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains(SHARING),
        "the consenting buyer's e-mail is shown"
    );
    assert!(
        !body.contains(PRIVATE),
        "no contact detail without consent: {body}"
    );
    assert!(!body.contains("quiet_one"), "not even the WeChat id");
    let all: LeadsPage = serde_json::from_str(&body).expect("page");
    let her = all
        .leads
        .iter()
        .find(|l| l.user_id == sharing_id)
        .expect("her");
    assert!(her.views >= 1 && her.favorited && her.inquiries == 1);
    assert_eq!(her.company, "Atlantic Ships");
    assert_eq!(
        her.contact.as_ref().map(|c| c.wechat.as_str()),
        Some("ines_atl")
    );
    let him = all
        .leads
        .iter()
        .find(|l| l.user_id == private_id)
        .expect("him");
    assert!(him.contact.is_none() && him.favorited && him.inquiries == 0);
    assert_eq!(him.stage, LeadStage::New);
    let passer_id = user_id(&app, "passer.by@example.com").await;
    assert!(
        !all.leads.iter().any(|l| l.user_id == passer_id),
        "a look or a save names only professional buyers"
    );
    let team_id = user_id(&app, EXHIBITOR).await;
    assert!(
        !all.leads.iter().any(|l| l.user_id == team_id),
        "the team is no lead of itself"
    );
    // Warmest first: an inquiry outranks a save.
    let pos = |id: &str| {
        all.leads
            .iter()
            .position(|l| l.user_id == id)
            .expect("listed")
    };
    assert!(pos(&sharing_id) < pos(&private_id));

    // Filters.
    let inquired = page(&app, &team, &[("source", "inquired")]).await;
    assert!(inquired.leads.iter().all(|l| l.has(LeadSource::Inquired)));
    assert!(inquired.leads.iter().any(|l| l.user_id == sharing_id));
    assert!(!inquired.leads.iter().any(|l| l.user_id == private_id));
    let found = page(&app, &team, &[("q", "quiet trading")]).await;
    assert_eq!(found.leads.len(), 1);
    assert_eq!(found.total, all.total, "the total counts every lead");

    // The team keeps a stage and a note; refusals store nothing.
    let note = |id: &str, stage: &str, text: &str| {
        let (id, stage, text) = (id.to_owned(), stage.to_owned(), text.to_owned());
        let (app, team) = (&app, &team);
        async move {
            app.call(
                team,
                "leads/note",
                &[("user_id", &id), ("stage", &stage), ("note", &text)],
            )
            .await
        }
    };
    let resp = note(&sharing_id, "won", "Ordered 2 engines; follow up in March.").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = note(&sharing_id, "maybe", "x").await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error_json(resp).await["Validation"][0]["message_id"],
        "lead-error-stage"
    );
    let resp = note(&team_id, "won", "not a lead").await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = app
        .call(
            &private,
            "leads/note",
            &[("user_id", &sharing_id), ("stage", "lost"), ("note", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let won = page(&app, &team, &[("stage", "won")]).await;
    assert_eq!(won.leads.len(), 1);
    assert_eq!(won.leads[0].note, "Ordered 2 engines; follow up in March.");
    assert!(won.stages.contains(&(LeadStage::Won, 1)));

    // Exports: the team's only, contact details only with consent.
    assert_eq!(
        export(&app, &private, "leads.csv").await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        export(&app, &app.new_client(), "leads.csv").await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, csv) = export(&app, &team, "leads.csv").await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(
        csv.contains(SHARING) && csv.contains("Quiet Trading"),
        "{csv}"
    );
    assert!(
        !csv.contains(PRIVATE) && !csv.contains("quiet_one"),
        "{csv}"
    );
    assert!(csv.contains("Ordered 2 engines"));
    let (status, xlsx) = export(&app, &team, "leads.xlsx?stage=won").await;
    assert_eq!(status, StatusCode::OK);
    assert!(xlsx.starts_with(b"PK"), "a zip (XLSX) file");
    let (status, vcf) = export(&app, &team, "leads.vcf").await;
    assert_eq!(status, StatusCode::OK);
    let vcf = String::from_utf8(vcf).expect("utf-8");
    assert_eq!(
        vcf.matches("BEGIN:VCARD").count(),
        1,
        "only who shared details: {vcf}"
    );
    assert!(
        vcf.contains(SHARING) && vcf.contains("Atlantic Ships"),
        "{vcf}"
    );
    assert!(!vcf.contains(PRIVATE));
    let (status, none) = export(&app, &team, "leads.vcf?stage=lost").await;
    assert_eq!(status, StatusCode::OK);
    assert!(none.is_empty(), "the filters apply to the export");
}
both_backends!(a_booth_knows_its_leads);
