//! The e-mail sender: delivers the outbox (`outbox_emails`, filled in the same transaction as
//! what the mail is about) over SMTP when `EXPO_SMTP_URL` is set. Each mail is claimed before it
//! is sent, so several servers on one database do not send it twice; a refused or failed mail is
//! tried again later, less and less often, up to [`MAX_ATTEMPTS`] times.

use db::Db;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// Attempts before a mail is given up.
pub const MAX_ATTEMPTS: i64 = db::notification::MAX_EMAIL_ATTEMPTS;
/// How long a claimed mail is reserved for the server sending it (milliseconds).
const LEASE_MS: i64 = 5 * 60 * 1000;

/// An SMTP connection setting and the sender's address.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    /// Mails the SMTP server accepted.
    pub sent: usize,
    /// Mails refused or not delivered (tried again later, or given up).
    pub failed: usize,
}

/// The wait before attempt `n + 1` after `n` failures: 1, 4, 16, 64 minutes…
fn backoff_ms(attempts: i64) -> i64 {
    60_000 * 4_i64.saturating_pow(attempts.clamp(0, 6) as u32)
}

impl Mailer {
    /// From `smtp://[user:pass@]host[:port][?tls=required]` or `smtps://…` (the URL forms of
    /// lettre) and a sender such as `Cloud Expo <no-reply@expo.example>`.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("EXPO_MAIL_FROM is not an address: {e}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends up to `batch` mails that are due; returns what happened.
    pub async fn deliver_due(&self, db: &Db, batch: i64) -> anyhow::Result<Round> {
        let mut round = Round::default();
        let now = db::now_millis();
        for mail in db::notification::due_emails(db, now, batch).await? {
            // Claimed first: another server that read the same row skips it.
            if !db::notification::claim_email(db, &mail.id, now, now + LEASE_MS).await? {
                continue;
            }
            let message = mail
                .to
                .parse::<Mailbox>()
                .map_err(|e| e.to_string())
                .and_then(|to| {
                    Message::builder()
                        .from(self.from.clone())
                        .to(to)
                        .subject(mail.subject.clone())
                        .header(ContentType::TEXT_PLAIN)
                        .body(mail.body.clone())
                        .map_err(|e| e.to_string())
                });
            let outcome = match message {
                Ok(m) => self
                    .transport
                    .send(m)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(()) => {
                    db::notification::email_sent(db, &mail.id, db::now_millis()).await?;
                    round.sent += 1;
                }
                Err(error) => {
                    tracing::warn!(id = %mail.id, %error, attempt = mail.attempts + 1, "e-mail not delivered");
                    let next = db::now_millis() + backoff_ms(mail.attempts);
                    db::notification::email_failed(db, &mail.id, &error, next).await?;
                    round.failed += 1;
                }
            }
        }
        Ok(round)
    }
}

/// Delivers the outbox every `every` until aborted.
pub fn spawn(db: Db, mailer: Mailer, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match mailer.deliver_due(&db, 50).await {
                Ok(r) if r.sent + r.failed > 0 => {
                    tracing::info!(sent = r.sent, failed = r.failed, "outbox")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox round failed"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn retries_wait_longer_each_time() {
        assert_eq!(super::backoff_ms(0), 60_000);
        assert_eq!(super::backoff_ms(2), 16 * 60_000);
        assert!(super::backoff_ms(100) <= 60_000 * 4096);
    }
}
