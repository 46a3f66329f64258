//! The chat's translate button: offered only with a provider; a message of one's conversation
//! is translated into the reader's language through a LibreTranslate-compatible service (here a
//! small one on loopback that answers the protocol), once per message and language, again after
//! an edit; a failing or silent provider is explained.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use crate::meeting::post;
use crate::realtime::{booth_talk, new_person, BoothTalk};
use domain::chat::{ChatMessage, RoomView, Translated};
use domain::Locale;
use reqwest::StatusCode;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A translation service on loopback that speaks the LibreTranslate API: it "translates" by
/// prefixing the target language, counts its calls, keeps the last form, and fails on demand.
#[derive(Clone, Default)]
struct Provider {
    calls: Arc<AtomicUsize>,
    fail: Arc<AtomicBool>,
    last: Arc<Mutex<HashMap<String, String>>>,
}

impl Provider {
    async fn start(&self) -> String {
        let me = self.clone();
        let app = axum::Router::new().route(
            "/lt/translate",
            axum::routing::post(
                move |axum::Form(form): axum::Form<HashMap<String, String>>| {
                    let me = me.clone();
                    async move {
                        me.calls.fetch_add(1, Ordering::SeqCst);
                        let answer = format!(
                            "[{}] {}",
                            form.get("target").cloned().unwrap_or_default(),
                            form.get("q").cloned().unwrap_or_default()
                        );
                        if let Ok(mut last) = me.last.lock() {
                            *last = form;
                        }
                        if me.fail.load(Ordering::SeqCst) {
                            return (axum::http::StatusCode::INTERNAL_SERVER_ERROR, String::new());
                        }
                        (
                            axum::http::StatusCode::OK,
                            serde_json::json!({ "translatedText": answer }).to_string(),
                        )
                    }
                },
            ),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        format!("http://{addr}/lt/")
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

/// Asks for a translation with the interface in `lang` (the language cookie that signing in
/// set is replaced).
async fn translate(app: &TestApp, cookie: &str, lang: &str, id: i64) -> reqwest::Response {
    let mut cookies: Vec<&str> = cookie
        .split("; ")
        .filter(|c| !c.starts_with("lang="))
        .collect();
    let lang = format!("lang={lang}");
    cookies.push(&lang);
    post(
        app,
        &cookies.join("; "),
        "chat/translate",
        &[("message_id", id.to_string().as_str())],
    )
    .await
}

async fn sent(app: &TestApp, cookie: &str, room: &str, text: &str, cid: &str) -> ChatMessage {
    let resp = post(
        app,
        cookie,
        "chat/send",
        &[("room_id", room), ("text", text), ("cid", cid)],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.expect("message")
}

async fn can_translate(app: &TestApp, cookie: &str, room: &str) -> bool {
    post(app, cookie, "chat/room", &[("room_id", room)])
        .await
        .json::<RoomView>()
        .await
        .expect("room")
        .can_translate
}

async fn without_a_provider_there_is_no_translation(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let m = sent(&app, &buyer, &room, "Do you ship to Riga?", "t1").await;
    assert!(!can_translate(&app, &team, &room).await);
    let resp = translate(&app, &team, "zh-CN", m.id).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-translate-off"));
}
both_backends!(without_a_provider_there_is_no_translation);

async fn messages_are_translated_into_the_readers_language(backend: Backend) {
    let provider = Provider::default();
    let url = provider.start().await;
    let app = TestApp::spawn_with(backend, true, |c| {
        c.chat_burst = 1_000;
        c.translate_url = Some(url.clone());
        c.translate_key = Some("k-123".into());
    })
    .await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    assert!(can_translate(&app, &team, &room).await);
    let m = sent(&app, &buyer, &room, "Do you ship to Riga?", "t1").await;

    let resp = translate(&app, &team, "zh-CN", m.id).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let t: Translated = resp.json().await.expect("translation");
    assert_eq!(
        t,
        Translated {
            message_id: m.id,
            locale: Locale::ZhCn,
            text: "[zh] Do you ship to Riga?".into()
        }
    );
    {
        let last = provider.last.lock().expect("form").clone();
        assert_eq!(last.get("source").map(String::as_str), Some("auto"));
        assert_eq!(last.get("format").map(String::as_str), Some("text"));
        assert_eq!(last.get("api_key").map(String::as_str), Some("k-123"));
    }
    // Kept: asking again does not reach the provider; another language does.
    let again: Translated = translate(&app, &team, "zh-CN", m.id)
        .await
        .json()
        .await
        .expect("again");
    assert_eq!(again.text, "[zh] Do you ship to Riga?");
    assert_eq!(provider.calls(), 1);
    let ru: Translated = translate(&app, &team, "ru", m.id)
        .await
        .json()
        .await
        .expect("ru");
    assert_eq!(ru.text, "[ru] Do you ship to Riga?");
    assert_eq!(provider.calls(), 2);

    // Only people in the conversation; not a deleted message.
    let stranger = new_person(&app, "stranger@example.com").await;
    assert_eq!(
        translate(&app, &stranger, "en", m.id).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        translate(&app, &team, "en", 987_654_321).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(&app, &team, "chat/translate", &[("message_id", "x")])
            .await
            .status()
            .as_u16()
            / 100,
        4
    );

    // An edit forgets the old translation.
    let resp = post(
        &app,
        &buyer,
        "chat/edit",
        &[
            ("message_id", m.id.to_string().as_str()),
            ("text", "Do you ship to Tallinn?"),
        ],
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let t: Translated = translate(&app, &team, "zh-CN", m.id)
        .await
        .json()
        .await
        .expect("after edit");
    assert_eq!(t.text, "[zh] Do you ship to Tallinn?");
    assert_eq!(provider.calls(), 3);

    // A failing provider is explained and nothing is kept.
    provider.fail.store(true, Ordering::SeqCst);
    let other = sent(&app, &buyer, &room, "Price per unit?", "t2").await;
    let resp = translate(&app, &team, "en", other.id).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-translate-failed"));
    provider.fail.store(false, Ordering::SeqCst);
    let t: Translated = translate(&app, &team, "en", other.id)
        .await
        .json()
        .await
        .expect("after recovery");
    assert_eq!(t.text, "[en] Price per unit?");

    // Deleted: nothing to translate.
    assert_eq!(
        post(
            &app,
            &buyer,
            "chat/delete",
            &[("message_id", other.id.to_string().as_str())]
        )
        .await
        .status(),
        StatusCode::OK
    );
    let resp = translate(&app, &team, "en", other.id).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-removed"));
}
both_backends!(messages_are_translated_into_the_readers_language);

async fn an_unreachable_provider_is_explained(backend: Backend) {
    // A port nothing listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let app = TestApp::spawn_with(backend, true, |c| {
        c.translate_url = Some(format!("http://127.0.0.1:{port}"));
    })
    .await;
    let BoothTalk { buyer, team, room } = booth_talk(&app).await;
    let m = sent(&app, &buyer, &room, "Hello", "t1").await;
    let resp = translate(&app, &team, "en", m.id).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(resp
        .text()
        .await
        .expect("body")
        .contains("chat-error-translate-failed"));
}
both_backends!(an_unreachable_provider_is_explained);
