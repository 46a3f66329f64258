//! E-mail delivery: the outbox goes out over SMTP to a real SMTP server on loopback (a small
//! one in this test); a refused recipient is tried again later and does not hold up the rest;
//! a sent mail is never sent twice.

use crate::both_backends;
use crate::helpers::{Backend, TestApp};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// What the SMTP server received: (recipient, message text).
type Inbox = Arc<Mutex<Vec<(String, String)>>>;

/// A minimal SMTP server on 127.0.0.1 that accepts every recipient but `refuse`, and stops
/// with the test.
async fn smtp_server(refuse: &'static str) -> (u16, Inbox) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let inbox: Inbox = Arc::default();
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut rcpt = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        rcpt = line[8..].trim().trim_matches(['<', '>']).to_owned();
                        if rcpt == refuse {
                            b"550 5.1.1 no such mailbox\r\n"
                        } else {
                            b"250 OK\r\n"
                        }
                    } else if upper == "DATA" {
                        let _ = write.write_all(b"354 go ahead\r\n").await;
                        let mut text = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            text.push_str(&l);
                            text.push('\n');
                        }
                        store.lock().expect("inbox").push((rcpt.clone(), text));
                        b"250 queued\r\n"
                    } else if upper == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (port, inbox)
}

async fn the_outbox_is_delivered_over_smtp(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (port, inbox) = smtp_server("gone@nowhere.example").await;
    let mailer = server::mailer::Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Cloud Expo <no-reply@expo.example>",
    )
    .expect("mailer");
    // Two mails queued the way the product queues them, and one to a refused address.
    let mut tx = app.db.begin().await.expect("tx");
    let now = db::now_millis();
    db::notification::queue_email(
        &mut tx,
        "kim@propellers.example",
        "Your application: Approved",
        "Welcome.\n\n.hidden dot line",
        now,
    )
    .await
    .expect("queue");
    db::notification::queue_email(
        &mut tx,
        "gone@nowhere.example",
        "Your application: Approved",
        "x",
        now,
    )
    .await
    .expect("queue");
    db::notification::queue_email(
        &mut tx,
        "li@expo.example",
        "展位提醒",
        "请上传标志。",
        now + 1,
    )
    .await
    .expect("queue");
    db::commit(tx).await.expect("commit");

    let round = mailer.deliver_due(&app.db, 50).await.expect("round");
    assert_eq!((round.sent, round.failed), (2, 1));
    let got = inbox.lock().expect("inbox").clone();
    assert_eq!(got.len(), 2);
    let kim = got
        .iter()
        .find(|(to, _)| to == "kim@propellers.example")
        .expect("kim's mail");
    assert!(kim.1.contains("Subject: Your application: Approved"));
    let from = kim
        .1
        .lines()
        .find(|l| l.starts_with("From: "))
        .unwrap_or("");
    assert!(
        from.contains("Cloud Expo") && from.ends_with("<no-reply@expo.example>"),
        "{from}"
    );
    assert!(kim.1.contains("Welcome."));
    let li = got
        .iter()
        .find(|(to, _)| to == "li@expo.example")
        .expect("li's mail");
    assert!(
        li.1.to_ascii_lowercase().contains("subject: =?utf-8?"),
        "a Chinese subject is encoded: {}",
        li.1
    );

    // Sent mail is not sent again; the refused one waits for its next attempt.
    let again = mailer.deliver_due(&app.db, 50).await.expect("round");
    assert_eq!((again.sent, again.failed), (0, 0));
    assert_eq!(inbox.lock().expect("inbox").len(), 2);
    let states = db::notification::email_states(&app.db, "gone@nowhere.example")
        .await
        .expect("states");
    assert_eq!(
        states,
        vec![("Your application: Approved".to_owned(), false, 1)]
    );
    let states = db::notification::email_states(&app.db, "kim@propellers.example")
        .await
        .expect("states");
    assert_eq!(
        states,
        vec![("Your application: Approved".to_owned(), true, 0)]
    );

    // No SMTP server at all: nothing is lost, the mail stays queued.
    let nowhere =
        server::mailer::Mailer::new("smtp://127.0.0.1:9", "no-reply@expo.example").expect("mailer");
    let mut tx = app.db.begin().await.expect("tx");
    db::notification::queue_email(
        &mut tx,
        "later@expo.example",
        "Later",
        "x",
        db::now_millis(),
    )
    .await
    .expect("queue");
    db::commit(tx).await.expect("commit");
    let round = nowhere.deliver_due(&app.db, 50).await.expect("round");
    assert_eq!(round.sent, 0);
    let states = db::notification::email_states(&app.db, "later@expo.example")
        .await
        .expect("states");
    assert_eq!(states, vec![("Later".to_owned(), false, 1)]);
    // A bad setting is refused when the server starts, not when the first mail goes.
    assert!(server::mailer::Mailer::new("gopher://x", "no-reply@expo.example").is_err());
    assert!(server::mailer::Mailer::new("smtp://127.0.0.1:25", "not an address").is_err());
}
both_backends!(the_outbox_is_delivered_over_smtp);

/// The bodies of the mails queued to `to` that still hold a reset link.
async fn reset_links_in_outbox(app: &TestApp, to: &str) -> usize {
    db::notification::emails_to(&app.db, to)
        .await
        .expect("outbox")
        .iter()
        .filter(|(_, body)| body.contains("reset-password?token="))
        .count()
}

async fn sent_reset_links_leave_the_outbox(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |_| {}).await;
    let (port, inbox) = smtp_server("nobody@nowhere.example").await;
    let mailer = server::mailer::Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Cloud Expo <no-reply@expo.example>",
    )
    .expect("mailer");
    let forgot = |email: &'static str| {
        let app = &app;
        async move {
            let r = app
                .call(
                    &app.new_client(),
                    "account/forgot",
                    &[("input[email]", email)],
                )
                .await;
            assert!(r.status().is_success(), "{}", r.status());
        }
    };
    const BUYER: &str = "buyer@expo.example";
    forgot(BUYER).await;
    assert_eq!(reset_links_in_outbox(&app, BUYER).await, 1, "queued");
    let round = mailer.deliver_due(&app.db, 50).await.expect("round");
    assert_eq!(round.sent, 1);
    // The person got the link; the outbox no longer holds it.
    let got = inbox.lock().expect("inbox").clone();
    assert!(
        got.iter()
            .any(|(to, text)| to == BUYER && text.contains("reset-password?token=")),
        "{got:?}"
    );
    assert_eq!(
        reset_links_in_outbox(&app, BUYER).await,
        0,
        "purged once sent"
    );

    // A link that expires unsent is emptied by housekeeping and never sent.
    const VISITOR: &str = "visitor@expo.example";
    forgot(VISITOR).await;
    assert_eq!(reset_links_in_outbox(&app, VISITOR).await, 1);
    let auth = server::config::Config::auth(&crate::helpers::test_config("sqlite::memory:"));
    let later = db::now_millis() + (domain::account::RESET_LINK_MINUTES + 1) * 60_000;
    server::housekeeping::run_once(&app.db, &auth, later)
        .await
        .expect("housekeeping");
    assert_eq!(reset_links_in_outbox(&app, VISITOR).await, 0);
    let round = mailer.deliver_due(&app.db, 50).await.expect("round");
    assert_eq!(round.sent, 0, "an expired link is not sent");
    // Other mail keeps its text after sending.
    let mut tx = app.db.begin().await.expect("tx");
    db::notification::queue_email(&mut tx, BUYER, "Hello", "Plain text", db::now_millis())
        .await
        .expect("queue");
    db::commit(tx).await.expect("commit");
    mailer.deliver_due(&app.db, 50).await.expect("round");
    assert!(db::notification::emails_to(&app.db, BUYER)
        .await
        .expect("outbox")
        .iter()
        .any(|(s, b)| s == "Hello" && b == "Plain text"));
}
both_backends!(sent_reset_links_leave_the_outbox);
