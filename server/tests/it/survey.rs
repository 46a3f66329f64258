//! Surveys on both backends: the builder's checks, sending to an audience (once per person),
//! answers checked and taken once, results and exports, who may do what, and surveys that
//! follow meetings.

use crate::analysis::user_id;
use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::media::EXHIBITOR;
use crate::realtime::{booth_talk, BoothTalk, Ws};
use crate::trade::{new_buyer, signed_in};
use app::survey::api::ResultsPage;
use reqwest::{Client, StatusCode};
use serde_json::json;

const ORGANIZER: &str = "organizer@expo.example";

fn text(en: &str, zh: &str) -> serde_json::Value {
    // `domain::Locale` as serde writes it.
    json!({"original": "En", "values": {"En": en, "ZhCn": zh}})
}

/// A survey of every kind of question for `audience`, sent `trigger`.
fn draft(audience: &str, trigger: &str) -> serde_json::Value {
    let q = |id: &str, kind: &str, options: Vec<serde_json::Value>, scale: u8, required: bool| {
        json!({"id": id, "kind": kind, "prompt": text(&format!("Question {id}"), &format!("问题 {id}")),
               "options": options, "scale": scale, "required": required})
    };
    let three = || {
        vec![
            text("Engines", "发动机"),
            text("Pumps", "泵"),
            text("Valves", "阀门"),
        ]
    };
    json!({
        "title": text("After the show", "展后调查"),
        "intro": text("Tell us how it went.", "请告诉我们您的感受。"),
        "questions": [
            q("q1", "single", three(), 0, true),
            q("q2", "multiple", three(), 0, false),
            q("q3", "scale", vec![], 5, true),
            q("q4", "nps", vec![], 0, true),
            q("q5", "text", vec![], 0, false),
        ],
        "audience": audience,
        "hall_id": null,
        "trigger": trigger,
    })
}

async fn save(app: &TestApp, c: &Client, id: &str, d: &serde_json::Value) -> reqwest::Response {
    app.call(c, "survey/save", &[("id", id), ("draft", &d.to_string())])
        .await
}

async fn answer(app: &TestApp, c: &Client, id: &str, a: serde_json::Value) -> reqwest::Response {
    app.call(
        c,
        "survey/answer",
        &[("id", id), ("answers", &a.to_string())],
    )
    .await
}

fn answers(
    single: &str,
    multiple: &[&str],
    scale: &str,
    nps: &str,
    words: &str,
) -> serde_json::Value {
    json!([
        {"question": "q1", "choices": [single]},
        {"question": "q2", "choices": multiple},
        {"question": "q3", "choices": [scale]},
        {"question": "q4", "choices": [nps]},
        {"question": "q5", "text": words},
    ])
}

/// Gives a registered person a buyer profile in the public expo.
async fn buyer_profile(app: &TestApp, email: &str) {
    let id = user_id(app, email).await;
    let now = db::now_millis();
    let expo = db::expo::current_expo(&app.db)
        .await
        .expect("expo")
        .expect("a public expo");
    sqlx::query(
        "INSERT INTO buyer_profiles (expo_id, user_id, company, job_role, interests, volume, \
         countries, phone, wechat, contact_consent, consent_changed_at, created_at, updated_at) \
         VALUES ($1, $2, 'Surveyed Ltd', 'Purchasing', '[]', '', '[]', '', '', 0, $3, $3, $3)",
    )
    .bind(&expo.id)
    .bind(&id)
    .bind(now)
    .execute(&app.sql().await)
    .await
    .expect("buyer profile");
}

/// Registers a person with a buyer profile in the public expo.
async fn buyer(app: &TestApp, email: &str) -> Client {
    let c = new_buyer(app, email).await;
    buyer_profile(app, email).await;
    c
}

/// Saves and sends a survey; returns its id.
async fn sent(app: &TestApp, organizer: &Client, d: &serde_json::Value) -> String {
    let resp = save(app, organizer, "", d).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let id: String = resp.json().await.expect("id");
    let resp = app.call(organizer, "survey/send", &[("id", &id)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    id
}

async fn status_and_body(resp: reqwest::Response) -> (StatusCode, String) {
    let s = resp.status();
    (s, resp.text().await.expect("body"))
}

async fn surveys_are_written_sent_and_answered_once(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = signed_in(&app, ORGANIZER).await;
    let a = buyer(&app, "survey.a@example.com").await;
    let b = buyer(&app, "survey.b@example.com").await;
    let c = buyer(&app, "survey.c@example.com").await;
    let visitor = new_buyer(&app, "survey.visitor@example.com").await;

    // The builder's checks: each problem on its field, nothing stored.
    let mut bad = draft("buyers", "after_show");
    bad["title"] = text(" ", "");
    bad["questions"][0]["options"] = json!([text("Only one", "唯一")]);
    let (st, body) = status_and_body(save(&app, &organizer, "", &bad).await).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("survey-error-required-text") && body.contains("q1-options"),
        "{body}"
    );
    let (st, body) = status_and_body(
        app.call(
            &organizer,
            "survey/save",
            &[("id", ""), ("draft", "{not json")],
        )
        .await,
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("error-request-malformed"), "{body}");
    // Only organizers write surveys.
    assert_eq!(
        save(&app, &a, "", &draft("buyers", "after_show"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    let resp = save(&app, &organizer, "", &draft("buyers", "after_show")).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let id: String = resp.json().await.expect("id");
    // The organizer previews it (not sent to them: shown, not answerable).
    let preview: domain::survey::SurveyForm = app
        .call(&organizer, "survey/form", &[("id", &id)])
        .await
        .json()
        .await
        .expect("preview");
    assert!(preview.preview && !preview.open && preview.questions.len() == 5);
    // Not sent yet: nobody may answer it.
    assert_eq!(
        app.call(&a, "survey/form", &[("id", &id)]).await.status(),
        StatusCode::NOT_FOUND
    );

    // Sending reaches every professional buyer of the expo once, in-app and by e-mail.
    let sql = app.sql().await;
    let (buyers,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM buyer_profiles WHERE expo_id = (SELECT expo_id FROM surveys WHERE id = $1) \
         AND user_id NOT IN (SELECT user_id FROM memberships WHERE expo_id = buyer_profiles.expo_id \
         AND role IN ('organizer', 'exhibitor', 'operator', 'consultant', 'interpreter'))",
    )
    .bind(&id)
    .fetch_one(&sql)
    .await
    .expect("buyers");
    assert!(buyers >= 3);
    let resp = app.call(&organizer, "survey/send", &[("id", &id)]).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let sent: i64 = resp.json().await.expect("sent");
    assert_eq!(sent, buyers);
    let again: i64 = app
        .call(&organizer, "survey/send", &[("id", &id)])
        .await
        .json()
        .await
        .expect("again");
    assert_eq!(again, 0, "nobody twice");
    let link = format!("/surveys/{id}");
    let (notices,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND link = $2")
            .bind(user_id(&app, "survey.a@example.com").await)
            .bind(&link)
            .fetch_one(&sql)
            .await
            .expect("notices");
    assert_eq!(notices, 1);
    let mails: Vec<(String,)> =
        sqlx::query_as("SELECT body FROM outbox_emails WHERE to_address = 'survey.a@example.com'")
            .fetch_all(&sql)
            .await
            .expect("mails");
    assert!(
        mails
            .iter()
            .any(|(m,)| m.contains(&link) && m.contains("://")),
        "{mails:?}"
    );

    // Someone it was not sent to cannot read or answer it.
    assert_eq!(
        app.call(&visitor, "survey/form", &[("id", &id)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        answer(&app, &visitor, &id, answers("0", &[], "3", "9", ""))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Out of range, and a required question left out: refused clearly, nothing kept.
    let (st, body) =
        status_and_body(answer(&app, &a, &id, answers("0", &["1"], "6", "9", "")).await).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("survey-error-out-of-range") && body.contains("\"q3\""),
        "{body}"
    );
    let (st, body) =
        status_and_body(answer(&app, &a, &id, json!([{"question": "q1", "choices": ["0"]}])).await)
            .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("survey-error-required"), "{body}");

    // Answered once.
    let form: domain::survey::SurveyForm = app
        .call(&a, "survey/form", &[("id", &id)])
        .await
        .json()
        .await
        .expect("form");
    assert!(form.open && !form.preview && form.answered_at.is_none() && form.questions.len() == 5);
    let resp = answer(
        &app,
        &a,
        &id,
        answers("0", &["0", "2"], "5", "10", "Great halls"),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (st, body) =
        status_and_body(answer(&app, &a, &id, answers("1", &[], "1", "0", "")).await).await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert!(body.contains("survey-error-answered"), "{body}");
    let resp = answer(&app, &b, &id, answers("2", &["2"], "2", "3", "")).await;
    assert_eq!(resp.status(), StatusCode::OK);

    // The results: the counts, the mean, the net promoter score, the words.
    let page: ResultsPage = app
        .call(&organizer, "survey/results", &[("id", &id)])
        .await
        .json()
        .await
        .expect("results");
    let r = &page.results.results;
    assert_eq!(page.results.survey.answered, 2);
    assert_eq!(page.results.survey.invited, buyers);
    assert_eq!(r[0].counts, [1, 0, 1]);
    assert_eq!(r[1].counts, [1, 0, 2]);
    assert_eq!(r[2].mean_milli, Some(3500));
    // One promoter (10), one detractor (3): 0.
    assert_eq!(r[3].nps, Some(0));
    assert_eq!(r[4].texts, ["Great halls"]);
    assert!(page.charts[0].contains("<svg"));
    assert!(page.charts[4].is_empty());
    // Booth teams and buyers do not read the results.
    let team = signed_in(&app, EXHIBITOR).await;
    for who in [&team, &a] {
        assert_ne!(
            app.call(who, "survey/results", &[("id", &id)])
                .await
                .status(),
            StatusCode::OK
        );
    }

    // Every answer exported, in the reader's language, without names.
    let resp = organizer
        .get(app.url(&format!("/export/survey-{id}.csv")))
        .send()
        .await
        .expect("csv");
    assert_eq!(resp.status(), StatusCode::OK);
    let csv = resp.text().await.expect("csv");
    assert_eq!(csv.trim_end().lines().count(), 3, "{csv}");
    assert!(!csv.contains("Li Wei"), "{csv}");
    let resp = organizer
        .get(app.url(&format!("/export/survey-{id}.xlsx")))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(resp.status(), StatusCode::OK);
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(
        resp.bytes().await.expect("bytes").to_vec(),
    ))
    .expect("workbook");
    let sheet = book.worksheet_range("answers").expect("sheet");
    assert_eq!(sheet.rows().count(), 3);
    assert_eq!(
        team.get(app.url(&format!("/export/survey-{id}.csv")))
            .send()
            .await
            .expect("csv")
            .status(),
        StatusCode::FORBIDDEN
    );

    // Once sent, the questions are fixed; their words may still change.
    let mut changed = draft("buyers", "after_show");
    changed["questions"][0]["options"] = json!([text("A", "甲"), text("B", "乙")]);
    let (st, body) = status_and_body(save(&app, &organizer, &id, &changed).await).await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert!(body.contains("survey-error-fixed"), "{body}");
    let mut renamed = draft("buyers", "after_show");
    renamed["questions"][0]["options"][0] = text("Tractors", "发动机");
    let (st, body) = status_and_body(save(&app, &organizer, &id, &renamed).await).await;
    assert_eq!(
        st,
        StatusCode::CONFLICT,
        "an option's meaning is fixed: {body}"
    );
    let mut reworded = draft("buyers", "after_show");
    reworded["title"]["values"]["Ko"] = json!("전시 후 설문");
    assert_eq!(
        save(&app, &organizer, &id, &reworded).await.status(),
        StatusCode::OK
    );

    // Closed: no more answers.
    assert_eq!(
        app.call(&organizer, "survey/close", &[("id", &id)])
            .await
            .status(),
        StatusCode::OK
    );
    let (st, body) =
        status_and_body(answer(&app, &c, &id, answers("1", &[], "4", "8", "")).await).await;
    assert_eq!(st, StatusCode::CONFLICT);
    assert!(body.contains("survey-error-closed"), "{body}");
    let list: app::survey::api::SurveysPage = app
        .call(&organizer, "survey/list", &[])
        .await
        .json()
        .await
        .expect("list");
    let listed = list.surveys.iter().find(|s| s.id == id).expect("listed");
    assert_eq!(listed.status, domain::survey::SurveyStatus::Closed);
    assert_eq!(listed.title.values[&domain::Locale::Ko], "전시 후 설문");
}
both_backends!(surveys_are_written_sent_and_answered_once);

/// A survey for after meetings reaches the people of its audience who were in a meeting, when
/// it ends; someone invited who never came does not get it.
async fn surveys_follow_meetings(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let organizer = signed_in(&app, ORGANIZER).await;
    let for_teams = sent(&app, &organizer, &draft("exhibitors", "after_meeting")).await;
    let for_buyers = sent(&app, &organizer, &draft("buyers", "after_meeting")).await;
    let invites = |survey: String| {
        let app = &app;
        async move {
            let (n,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM survey_invites WHERE survey_id = $1")
                    .bind(survey)
                    .fetch_one(&app.sql().await)
                    .await
                    .expect("invites");
            n
        }
    };
    assert_eq!(invites(for_teams.clone()).await, 0, "it waits for meetings");

    // The team meets a professional buyer, who is admitted but never comes in.
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    buyer_profile(&app, "buyer@example.com").await;
    let post = crate::meeting::post;
    let resp = post(
        &app,
        &team,
        "meeting/create",
        &[("title", "Engine pricing"), ("room_id", &room)],
    )
    .await;
    let meeting: String = serde_json::from_str(&resp.text().await.expect("body")).expect("id");
    assert!(post(&app, &buyer, "meeting/join", &[("id", &meeting)])
        .await
        .status()
        .is_success());
    let mut host = Ws::connect(&app, Some(&team)).await;
    host.subscribe(&format!("meeting:{meeting}"), None).await;
    let team_id = user_id(&app, EXHIBITOR).await;
    let sql = app.sql().await;
    let mut came = false;
    for _ in 0..100 {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = $1 AND user_id = $2 \
             AND joined_at IS NOT NULL",
        )
        .bind(&meeting)
        .bind(&team_id)
        .fetch_one(&sql)
        .await
        .expect("presence");
        if n == 1 {
            came = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(came, "the team is in the meeting");
    assert!(post(&app, &team, "meeting/end", &[("id", &meeting)])
        .await
        .status()
        .is_success());

    // The team (exhibitors, there) got theirs; the buyer (never came) did not get the buyers'.
    let (invited,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM survey_invites WHERE survey_id = $1 AND user_id = $2 AND meeting_id = $3",
    )
    .bind(&for_teams)
    .bind(&team_id)
    .bind(&meeting)
    .fetch_one(&sql)
    .await
    .expect("invites");
    assert_eq!(invited, 1);
    assert_eq!(invites(for_teams.clone()).await, 1);
    assert_eq!(invites(for_buyers.clone()).await, 0);
    assert_eq!(
        post(&app, &buyer, "survey/form", &[("id", &for_buyers)])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let resp = post(
        &app,
        &team,
        "survey/answer",
        &[
            ("id", for_teams.as_str()),
            ("answers", &answers("1", &[], "4", "9", "").to_string()),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
}
both_backends!(surveys_follow_meetings);
