//! `expo-server loadtest ws`: a load client for the realtime hub, for capacity planning (and
//! `cargo xtask bench ws`). It signs in as one person, opens that person's conversation with a
//! booth, follows it from N connections, then sends messages at a fixed rate from a few more
//! and measures how many deliveries per second arrive and how late. Each message carries its
//! send time; client and server share a clock because they run on the same machine.

use anyhow::{anyhow, bail, Context};
use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// What to run.
#[derive(Clone, Debug)]
pub struct WsLoad {
    /// Server address, `127.0.0.1:3000`.
    pub addr: String,
    /// Account to sign in as (a member of the conversation on every connection).
    pub email: String,
    /// Its password.
    pub password: String,
    /// Connections that follow the conversation.
    pub connections: usize,
    /// Messages per second, over all senders.
    pub rate: u32,
    /// How long to send, in seconds.
    pub seconds: u64,
    /// How long to hold the idle connections before sending (the caller measures memory).
    pub idle_secs: u64,
}

pub(crate) fn micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

/// One HTTP/1.1 request on a fresh connection; returns status, headers and body.
pub(crate) async fn http(addr: &str, request: String) -> anyhow::Result<(u16, String, String)> {
    let mut tcp = TcpStream::connect(addr).await?;
    tcp.write_all(request.as_bytes()).await?;
    let mut buf = Vec::new();
    tcp.read_to_end(&mut buf).await?;
    let text = String::from_utf8_lossy(&buf).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, head.to_owned(), body.to_owned()))
}

pub(crate) fn form_post(addr: &str, path: &str, cookie: &str, body: &str) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

pub(crate) fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn sign_in(load: &WsLoad) -> anyhow::Result<String> {
    sign_in_as(&load.addr, &load.email, &load.password).await
}

/// Signs in; the cookie header to send.
pub(crate) async fn sign_in_as(addr: &str, email: &str, password: &str) -> anyhow::Result<String> {
    let body = format!(
        "input%5Bemail%5D={}&input%5Bpassword%5D={}&input%5Bnext%5D=%2F",
        encode(email),
        encode(password)
    );
    let (status, head, _) = http(addr, form_post(addr, "/api/account/login", "", &body)).await?;
    if !(200..400).contains(&status) {
        bail!("sign-in failed with status {status}");
    }
    let cookies: Vec<&str> = head
        .lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .filter_map(|v| v.split(';').next())
        .collect();
    if cookies.is_empty() {
        bail!("sign-in set no cookie");
    }
    Ok(cookies.join("; "))
}

async fn open_room(load: &WsLoad, cookie: &str) -> anyhow::Result<String> {
    let page = format!(
        "GET /halls/marine HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        load.addr
    );
    let (_, _, html) = http(&load.addr, page).await?;
    let exhibitor = html
        .split("/exhibitors/")
        .nth(1)
        .map(|s| s.chars().take(36).collect::<String>())
        .filter(|s| domain::text::is_id(s))
        .ok_or_else(|| anyhow!("no booth found on /halls/marine (is the demo expo seeded?)"))?;
    let (status, _, body) = http(
        &load.addr,
        form_post(
            &load.addr,
            "/api/chat/start-booth",
            cookie,
            &format!("exhibitor_id={exhibitor}"),
        ),
    )
    .await?;
    if !(200..400).contains(&status) {
        bail!("opening the conversation failed with status {status}: {body}");
    }
    // The body may be chunked; the id is the only quoted uuid in it.
    body.split('"')
        .find(|s| domain::text::is_id(s))
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("no room id in {body:?}"))
}

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<TcpStream>>;

async fn connect(addr: &str, cookie: &str) -> anyhow::Result<Socket> {
    let mut request = format!("ws://{addr}/ws").into_client_request()?;
    request.headers_mut().insert("cookie", cookie.parse()?);
    // Small read buffers: thousands of connections each read small frames.
    let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0);
    let (socket, _) =
        tokio_tungstenite::connect_async_with_config(request, Some(config), true).await?;
    Ok(socket)
}

async fn follow(addr: String, cookie: String, topic: String) -> anyhow::Result<Socket> {
    let mut socket = connect(&addr, &cookie).await?;
    socket
        .send(Message::Text(
            format!(r#"{{"t":"sub","topic":"{topic}"}}"#).into(),
        ))
        .await?;
    while let Some(message) = socket.next().await {
        if let Message::Text(t) = message? {
            if t.as_str().starts_with(r#"{"t":"subscribed""#) {
                return Ok(socket);
            }
            if t.as_str().starts_with(r#"{"t":"refused""#) {
                bail!("subscription refused: {t}");
            }
        }
    }
    bail!("connection closed before the subscription was confirmed")
}

/// The figures of a run.
#[derive(Debug, Default)]
pub struct WsReport {
    /// Messages sent (acknowledged).
    pub sent: u64,
    /// Message deliveries received over all connections.
    pub delivered: u64,
    /// Deliveries per second, from the first send to the last delivery.
    pub per_sec: f64,
    /// Delivery latency percentiles in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Largest.
    pub max_ms: f64,
}

/// Runs the load; prints `READY` when every connection follows the conversation (before the
/// idle wait), then the report.
pub async fn run_ws(load: WsLoad) -> anyhow::Result<WsReport> {
    let cookie = sign_in(&load).await.context("signing in")?;
    let room = open_room(&load, &cookie)
        .await
        .context("opening a conversation")?;
    let topic = format!("chat:{room}");
    let started = Instant::now();
    let mut sockets = Vec::with_capacity(load.connections);
    let mut pending = Vec::new();
    for _ in 0..load.connections {
        pending.push(tokio::spawn(follow(
            load.addr.clone(),
            cookie.clone(),
            topic.clone(),
        )));
        if pending.len() == 100 {
            for p in pending.drain(..) {
                sockets.push(p.await??);
            }
        }
    }
    for p in pending.drain(..) {
        sockets.push(p.await??);
    }
    println!(
        "READY {} connections following {topic} in {:.1} s",
        sockets.len(),
        started.elapsed().as_secs_f64()
    );
    tokio::time::sleep(Duration::from_secs(load.idle_secs)).await;

    let delivered = Arc::new(AtomicU64::new(0));
    let last_delivery = Arc::new(AtomicU64::new(0));
    // Readers stop at the end marker (sent after every sender is done; the topic's order puts
    // it last) or, at the latest, when the run's time is up.
    let give_up = tokio::time::Instant::now() + Duration::from_secs(load.seconds + 30);
    let mut readers = Vec::with_capacity(sockets.len());
    for mut socket in sockets {
        let delivered = delivered.clone();
        let last_delivery = last_delivery.clone();
        readers.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::new();
            let _ = tokio::time::timeout_at(give_up, async {
                while let Some(Ok(message)) = socket.next().await {
                    let Message::Text(t) = message else { continue };
                    let t = t.as_str();
                    if t.contains("bench-end") {
                        break;
                    }
                    if let Some(rest) = t.split("bench-at-").nth(1) {
                        let digits: String =
                            rest.chars().take_while(char::is_ascii_digit).collect();
                        if let Ok(at) = digits.parse::<u64>() {
                            let now = micros();
                            latencies
                                .push(u32::try_from(now.saturating_sub(at)).unwrap_or(u32::MAX));
                            delivered.fetch_add(1, Ordering::Relaxed);
                            last_delivery.fetch_max(now, Ordering::Relaxed);
                        }
                    }
                }
            })
            .await;
            latencies
        }));
    }

    // Senders: four connections share the rate, taking turns; acks are counted as they come.
    let senders = 4u32;
    // The rate need not be a multiple of four: the first `rate % 4` senders send one more
    // message a second.
    let rate = load.rate.max(senders);
    let rate_of = |s: u32| rate / senders + u32::from(s < rate % senders);
    let first_send = micros();
    let sent = Arc::new(AtomicU64::new(0));
    let mut sending = Vec::new();
    for s in 0..senders {
        let socket = connect(&load.addr, &cookie).await?;
        let (mut sink, mut stream) = socket.split();
        let sent = sent.clone();
        let acks = tokio::spawn(async move {
            while let Ok(Some(Ok(m))) = tokio::time::timeout_at(give_up, stream.next()).await {
                if let Message::Text(t) = m {
                    if t.as_str().starts_with(r#"{"t":"ack""#) {
                        sent.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        });
        let room = room.clone();
        let seconds = load.seconds;
        let per_sender = rate_of(s);
        sending.push(tokio::spawn(async move {
            // Evenly spaced over all senders: sender `s` is a quarter of a period after the one
            // before it, so the messages arrive one by one at the rate asked for, not in bursts
            // of four.
            let period = Duration::from_micros(1_000_000 / u64::from(per_sender));
            let offset = Duration::from_micros(1_000_000 / u64::from(rate)) * s;
            let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + offset, period);
            let end = Instant::now() + Duration::from_secs(seconds);
            let mut n = 0u64;
            while Instant::now() < end {
                tick.tick().await;
                let frame = format!(
                    r#"{{"t":"send","room":"{room}","text":"bench-at-{} from {s}","cid":"b{s}-{n}-{first_send}"}}"#,
                    micros()
                );
                if sink.send(Message::Text(frame.into())).await.is_err() {
                    break;
                }
                n += 1;
            }
            (sink, acks)
        }));
    }
    let mut ack_tasks = Vec::new();
    for s in sending {
        if let Ok((sink, acks)) = s.await {
            ack_tasks.push((sink, acks));
        }
    }
    let mut closer = connect(&load.addr, &cookie).await?;
    closer
        .send(Message::Text(
            format!(
                r#"{{"t":"send","room":"{room}","text":"bench-end","cid":"end-{first_send}"}}"#
            )
            .into(),
        ))
        .await?;
    let mut all: Vec<u32> = Vec::new();
    for r in readers {
        all.extend(r.await?);
    }
    for (_sink, acks) in ack_tasks {
        acks.abort();
    }
    all.sort_unstable();
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return 0.0;
        }
        let i = ((all.len() as f64 - 1.0) * p).round() as usize;
        f64::from(all[i.min(all.len() - 1)]) / 1000.0
    };
    let delivered = delivered.load(Ordering::Relaxed);
    let span = last_delivery
        .load(Ordering::Relaxed)
        .saturating_sub(first_send) as f64
        / 1e6;
    Ok(WsReport {
        sent: sent.load(Ordering::Relaxed),
        delivered,
        per_sec: if span > 0.0 {
            delivered as f64 / span
        } else {
            0.0
        },
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        max_ms: all.last().map(|m| f64::from(*m) / 1000.0).unwrap_or(0.0),
    })
}
