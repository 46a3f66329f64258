//! `expo-server loadtest live`: a load client for live streams (and `cargo xtask bench live`).
//! It signs in as an organizer, puts a forum on the schedule, opens N viewer sockets, then
//! broadcasts a synthetic WebM stream (a cluster of ~47 KB every 250 ms, as a 1.5 Mbit/s
//! camera would) and measures how late each chunk reaches each viewer. Each chunk carries its
//! send time inside its first frame; client and server share the machine's clock.

use crate::loadtest::{encode, form_post, http, micros, sign_in_as};
use anyhow::{bail, Context};
use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// What to run.
#[derive(Clone, Debug)]
pub struct LiveLoad {
    /// Server address.
    pub addr: String,
    /// An organizer's e-mail.
    pub email: String,
    /// Its password.
    pub password: String,
    /// Viewer connections.
    pub viewers: usize,
    /// Seconds of broadcasting.
    pub seconds: u64,
    /// Seconds to hold the idle viewers before broadcasting (the caller measures memory).
    pub idle_secs: u64,
}

/// The figures of a run.
#[derive(Debug, Default)]
pub struct LiveReport {
    /// Chunks sent.
    pub chunks: u64,
    /// Chunk deliveries over all viewers.
    pub delivered: u64,
    /// Latency percentiles, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Largest.
    pub max_ms: f64,
}

const MARK: &[u8] = b"BENCHTS!";
const CHUNK_PAYLOAD: usize = 47_000;

fn element(id: &[u8], body: &[u8]) -> Vec<u8> {
    let mut v = id.to_vec();
    v.push(0x01);
    v.extend_from_slice(&(body.len() as u64).to_be_bytes()[1..]);
    v.extend_from_slice(body);
    v
}

fn uint(id: &[u8], n: u64) -> Vec<u8> {
    element(id, &n.to_be_bytes())
}

fn header() -> Vec<u8> {
    let mut ebml = uint(&[0x42, 0x86], 1);
    ebml.extend(element(&[0x42, 0x82], b"webm"));
    let mut out = element(&[0x1A, 0x45, 0xDF, 0xA3], &ebml);
    out.extend([
        0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ]);
    out.extend(element(
        &[0x15, 0x49, 0xA9, 0x66],
        &uint(&[0x2A, 0xD7, 0xB1], 1_000_000),
    ));
    let mut video = uint(&[0xD7], 1);
    video.extend(uint(&[0x73, 0xC5], 1));
    video.extend(uint(&[0x83], 1));
    video.extend(element(&[0x86], b"V_VP8"));
    out.extend(element(
        &[0x16, 0x54, 0xAE, 0x6B],
        &element(&[0xAE], &video),
    ));
    out
}

/// One cluster at `ms` with one video frame (a keyframe every fourth) stamped with `now`.
fn chunk(ms: u64, key: bool, now: u64) -> Vec<u8> {
    let mut out = vec![
        0x1F, 0x43, 0xB6, 0x75, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];
    out.extend(uint(&[0xE7], ms));
    let mut block = vec![0x81, 0, 0, if key { 0x80 } else { 0 }];
    block.extend_from_slice(MARK);
    block.extend_from_slice(&now.to_be_bytes());
    block.resize(CHUNK_PAYLOAD, 0x5A);
    out.extend(element(&[0xA3], &block));
    out
}

/// A `datetime-local` value `offset` seconds from now, in Shanghai time (the demo expo's).
fn shanghai(offset: i64) -> String {
    let millis = i64::try_from(micros() / 1000).unwrap_or(0) + (offset + 8 * 3600) * 1000;
    domain::locale::utc_minute(millis).replace(' ', "T")
}

async fn forum(load: &LiveLoad, cookie: &str) -> anyhow::Result<String> {
    let body = format!(
        "slot%5Bkind%5D=forum&slot%5Bhall%5D=&slot%5Btitle%5D={}&slot%5Bstarts%5D={}&slot%5Bends%5D={}",
        encode("Bench forum"),
        encode(&shanghai(-60)),
        encode(&shanghai(3600))
    );
    let (status, _, body) = http(
        &load.addr,
        form_post(&load.addr, "/api/live/create", cookie, &body),
    )
    .await?;
    if !(200..400).contains(&status) {
        bail!("scheduling failed with status {status}: {body}");
    }
    body.split('"')
        .find(|s| domain::text::is_id(s))
        .map(str::to_owned)
        .context("no stream id in the answer")
}

/// Runs the load; prints `READY` when every viewer is connected (before the idle wait), then
/// returns the report.
pub async fn run_live(load: LiveLoad) -> anyhow::Result<LiveReport> {
    let cookie = sign_in_as(&load.addr, &load.email, &load.password)
        .await
        .context("signing in")?;
    let stream = forum(&load, &cookie).await?;
    let watch = format!("ws://{}/live/{stream}/watch", load.addr);
    let delivered = Arc::new(AtomicU64::new(0));
    let mut viewers = Vec::with_capacity(load.viewers);
    for _ in 0..load.viewers {
        let (socket, _) = tokio_tungstenite::connect_async(watch.as_str())
            .await
            .context("opening a viewer")?;
        viewers.push(socket);
    }
    println!("READY {} viewers on {stream}", viewers.len());
    tokio::time::sleep(Duration::from_secs(load.idle_secs)).await;
    let give_up = tokio::time::Instant::now() + Duration::from_secs(load.seconds + 30);
    let mut readers = Vec::with_capacity(viewers.len());
    for mut socket in viewers {
        let delivered = delivered.clone();
        readers.push(tokio::spawn(async move {
            let mut latencies: Vec<u32> = Vec::new();
            let _ = tokio::time::timeout_at(give_up, async {
                while let Some(Ok(message)) = socket.next().await {
                    match message {
                        Message::Binary(bytes) => {
                            let mut rest: &[u8] = &bytes;
                            while let Some(at) = rest.windows(MARK.len()).position(|w| w == MARK) {
                                let stamp = rest.get(at + MARK.len()..at + MARK.len() + 8);
                                if let Some(stamp) = stamp.and_then(|s| <[u8; 8]>::try_from(s).ok())
                                {
                                    let sent = u64::from_be_bytes(stamp);
                                    latencies.push(
                                        u32::try_from(micros().saturating_sub(sent))
                                            .unwrap_or(u32::MAX),
                                    );
                                    delivered.fetch_add(1, Ordering::Relaxed);
                                }
                                rest = rest.get(at + MARK.len()..).unwrap_or_default();
                            }
                        }
                        Message::Close(_) => break,
                        _ => {}
                    }
                }
            })
            .await;
            latencies
        }));
    }

    let mut request = format!(
        "ws://{}/live/{stream}/ingest?mime=video%2Fwebm%3Bcodecs%3Dvp8",
        load.addr
    )
    .into_client_request()?;
    request.headers_mut().insert("cookie", cookie.parse()?);
    let (mut studio, _) = tokio_tungstenite::connect_async(request)
        .await
        .context("opening the broadcast")?;
    studio.send(Message::Binary(header().into())).await?;
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    let chunks = load.seconds * 4;
    println!("BROADCASTING");
    for n in 0..chunks {
        tick.tick().await;
        studio
            .send(Message::Binary(chunk(n * 250, n % 4 == 0, micros()).into()))
            .await?;
    }
    println!("BROADCAST OVER");
    studio.send(Message::Text(r#"{"t":"end"}"#.into())).await?;
    // The studio is told when the replay is written.
    while let Ok(Some(Ok(m))) = tokio::time::timeout_at(give_up, studio.next()).await {
        if matches!(m, Message::Close(_)) {
            break;
        }
    }
    let mut all: Vec<u32> = Vec::new();
    for r in readers {
        all.extend(r.await?);
    }
    all.sort_unstable();
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return 0.0;
        }
        let i = ((all.len() as f64 - 1.0) * p).round() as usize;
        f64::from(all[i.min(all.len() - 1)]) / 1000.0
    };
    Ok(LiveReport {
        chunks,
        delivered: delivered.load(Ordering::Relaxed),
        p50_ms: pct(0.5),
        p99_ms: pct(0.99),
        max_ms: all.last().map(|m| f64::from(*m) / 1000.0).unwrap_or(0.0),
    })
}
