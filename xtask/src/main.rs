//! Project automation. `cargo xtask run` installs what is missing, builds, seeds the demo expo
//! and serves it; `cargo xtask test` runs every check (format, lints, unit and integration tests
//! on SQLite and PostgreSQL, the release build, browser tests); `cargo xtask bench` measures.
//!
//! Standard library only, so `cargo xtask` itself compiles in seconds on a fresh clone.

mod bench;
mod tools;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Where builds go: outside the clone, so CI runs and later sessions reuse them.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(d) => PathBuf::from(d),
        None => home().join(".cache/expo/target"),
    }
}

/// The user's home folder.
pub fn home() -> PathBuf {
    env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Prints a step header with the time since start.
pub fn step(start: Instant, what: &str) {
    println!("\n==> [{:>4}s] {what}", start.elapsed().as_secs());
}

/// A command in the workspace root with the shared target folder and the tools on PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root());
    c.env("CARGO_TARGET_DIR", target_dir());
    let path = env::var("PATH").unwrap_or_default();
    let cargo_bin = tools::cargo_home().join("bin");
    c.env(
        "PATH",
        format!(
            "{}:{}:{path}",
            tools::binaryen_bin().display(),
            cargo_bin.display()
        ),
    );
    c
}

/// Runs a command, echoing it; true on success.
pub fn run(c: &mut Command) -> bool {
    println!("$ {}", describe(c));
    match c.status() {
        Ok(s) => s.success(),
        Err(e) => {
            eprintln!("cannot start {}: {e}", c.get_program().to_string_lossy());
            false
        }
    }
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => cmd_run(&args[1..]),
        Some("test") => cmd_test(&args[1..]),
        Some("bench") => bench::cmd_bench(&args[1..]),
        Some("install") => tools::ensure_all(Instant::now(), true).map(|_| ()),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  run     install what is missing, build, seed the demo expo, serve it\n          (EXPO_HOST / EXPO_PORT choose the address; default 127.0.0.1:3000)\n  test    every check: fmt, clippy, unit + integration tests (SQLite and PostgreSQL),\n          release build, browser tests\n  bench   [all|wasm|ssr|ws|search|live|match] release WASM size; SSR throughput/latency of landing,\n          hall list, hall, booth and product pages, with and without the page cache; the realtime\n          hub with 5,000 connections (deliveries/s, latency, memory per idle connection); search\n          over 1,000,000 generated products (build time, size, query p50/p99); live to 1,000\n          viewers; matchmaking of 100,000 buyers x 25,000 exhibitors (recompute, reads, memory)\n  install only install the tools"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("xtask: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The built site (pkg/, assets) as cargo-leptos writes it.
pub fn site_root() -> PathBuf {
    target_dir().join("site")
}

/// A file of the release build's site package (`js`, `wasm` or `css`), under the name the
/// build gave it: `expo.<hash>.<ext>` as its `hash.txt` beside the server binary says.
pub fn pkg_file(ext: &str) -> PathBuf {
    let hashes = std::fs::read_to_string(target_dir().join("release/hash.txt")).unwrap_or_default();
    let name = hashes
        .lines()
        .find_map(|l| {
            let (kind, hash) = l.split_once(':')?;
            (kind.trim() == ext).then(|| format!("expo.{}.{ext}", hash.trim()))
        })
        .unwrap_or_else(|| format!("expo.{ext}"));
    site_root().join("pkg").join(name)
}

/// The release server binary.
pub fn server_binary() -> PathBuf {
    target_dir().join("release/expo-server")
}

/// A fingerprint of everything the release build reads: when it matches the stamp of the last
/// successful build and the outputs exist, the build (and its wasm-bindgen/wasm-opt passes) is
/// skipped, so a second `cargo xtask run` starts in seconds.
fn source_fingerprint() -> u64 {
    use std::hash::{Hash, Hasher};
    let mut files = Vec::new();
    for entry in [
        "Cargo.toml",
        "Cargo.lock",
        "app",
        "domain",
        "db",
        "server/src",
        "server/Cargo.toml",
        "frontend",
        "style",
        "public",
        "migrations",
    ] {
        collect_files(&root().join(entry), &mut files);
    }
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in files {
        f.strip_prefix(root()).unwrap_or(&f).hash(&mut h);
        std::fs::read(&f).unwrap_or_default().hash(&mut h);
    }
    h.finish()
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if let Ok(rd) = std::fs::read_dir(path) {
            for e in rd.flatten() {
                collect_files(&e.path(), out);
            }
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// Free space (GiB) below which the shared target folder is pruned before building.
const MIN_FREE_GIB: u64 = 30;

/// Keeps the shared target folder from filling the disk. Every clone path (a session's work
/// tree, CI's fresh clone) builds its own copies of the workspace's crates, a few GB each, and
/// incremental caches pile up; third-party crates are shared and stay. When space runs low this
/// drops the incremental caches, then the workspace crates' artifacts not written in the last
/// hour (cargo rebuilds them when needed).
fn keep_disk_room(start: Instant) {
    let target = target_dir();
    let Some(free) = free_gib(&target) else {
        return;
    };
    if free >= MIN_FREE_GIB {
        return;
    }
    step(
        start,
        &format!(
            "only {free} GiB free: pruning build caches in {}",
            target.display()
        ),
    );
    for profile in ["debug", "release"] {
        let _ = std::fs::remove_dir_all(target.join(profile).join("incremental"));
    }
    if free_gib(&target).is_some_and(|f| f >= MIN_FREE_GIB) {
        return;
    }
    let ours = [
        "server",
        "libserver",
        "expo_server",
        "libexpo_server",
        "it",
        "app",
        "libapp",
        "db",
        "libdb",
        "domain",
        "libdomain",
        "xtask",
        "frontend",
        "libfrontend",
    ];
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    let Ok(entries) = std::fs::read_dir(target.join("debug/deps")) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let crate_name = name.split(['-', '.']).next().unwrap_or_default();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if old && ours.contains(&crate_name) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    if let Some(f) = free_gib(&target) {
        println!("{f} GiB free after pruning");
    }
}

/// Free space on the file system holding `path`, in GiB (from `df`; None if it can't tell).
fn free_gib(path: &Path) -> Option<u64> {
    let _ = std::fs::create_dir_all(path);
    let out = Command::new("df").arg("-Pk").arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let kib: u64 = text
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    Some(kib / (1024 * 1024))
}

fn build_release(start: Instant) -> Result<(), String> {
    let stamp = target_dir().join("expo-release.stamp");
    let fingerprint = source_fingerprint().to_string();
    let outputs = server_binary().exists() && pkg_file("wasm").exists();
    if outputs && std::fs::read_to_string(&stamp).is_ok_and(|s| s == fingerprint) {
        step(
            start,
            "release build is up to date (sources unchanged since the last build)",
        );
        return Ok(());
    }
    step(
        start,
        "release build (cargo leptos build --release --precompress)",
    );
    // Files named by their hashes (workspace metadata), each also written brotli- and
    // gzip-compressed for the server to send as they are.
    if run(cmd("cargo").args(["leptos", "build", "--release", "--precompress"])) {
        regzip_package()?;
        let _ = std::fs::write(&stamp, fingerprint);
        Ok(())
    } else {
        let _ = std::fs::remove_file(&stamp);
        Err("release build failed".into())
    }
}

/// Compresses the site package's gzip files again at gzip's best level: cargo-leptos writes
/// them at the default level (the WASM 4.1 MB instead of 3.3 MB), and browsers on plain HTTP
/// take gzip but not brotli.
fn regzip_package() -> Result<(), String> {
    let pkg = site_root().join("pkg");
    let entries = std::fs::read_dir(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // Only the files the build compressed.
        let gz = pkg.join(format!("{name}.gz"));
        if name.ends_with(".gz") || name.ends_with(".br") || !gz.exists() {
            continue;
        }
        let out = Command::new("gzip")
            .args(["-9", "-n", "-c"])
            .arg(&path)
            .output()
            .map_err(|e| format!("gzip: {e}"))?;
        if !out.status.success() {
            return Err(format!("gzip -9 {name} failed"));
        }
        std::fs::write(&gz, out.stdout).map_err(|e| format!("{}: {e}", gz.display()))?;
    }
    Ok(())
}

fn cmd_run(_args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    tools::ensure_all(start, false)?;
    keep_disk_room(start);
    build_release(start)?;
    let data = root().join("data");
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let host = env::var("EXPO_HOST").unwrap_or_else(|_| "127.0.0.1".into());
    let port = env::var("EXPO_PORT").unwrap_or_else(|_| "3000".into());
    let server = |sub: &[&str]| {
        let mut c = cmd(&server_binary().to_string_lossy());
        c.args(sub)
            .env("LEPTOS_SITE_ROOT", site_root())
            .env("EXPO_HOST", &host)
            .env("EXPO_PORT", &port);
        c
    };
    step(start, "migrate and seed the demo expo (data/expo.db)");
    if !run(&mut server(&["migrate"])) || !run(&mut server(&["seed", "--demo"])) {
        return Err("could not prepare the database".into());
    }
    println!("\nCloud Expo is starting on http://{host}:{port}");
    println!("Demo accounts (password: expo-demo-2026):");
    for (email, role) in [
        ("organizer@expo.example", "organizer"),
        ("exhibitor@expo.example", "exhibitor"),
        ("buyer@expo.example", "buyer"),
        ("visitor@expo.example", "visitor"),
    ] {
        println!("  {role:<10} {email}");
    }
    println!("Stop with Ctrl-C.\n");
    if run(&mut server(&["serve"])) {
        Ok(())
    } else {
        Err("the server stopped with an error".into())
    }
}

/// Tallies of a test run.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.failures.push(name.to_owned());
        }
    }
}

fn cmd_test(_args: &[String]) -> Result<(), String> {
    let start = Instant::now();
    let mut tally = Tally::default();
    if let Err(e) = tools::ensure_all(start, true) {
        eprintln!("{e}");
        tally.check("tool installation", false);
        return finish(start, tally);
    }

    keep_disk_room(start);

    step(start, "format check");
    let ok = run(cmd("cargo").args(["fmt", "--all", "--", "--check"]));
    tally.check("rustfmt", ok);

    step(
        start,
        "migrations drift check (same files for SQLite and PostgreSQL)",
    );
    let ok = migrations_match();
    tally.check("migrations drift", ok);

    step(start, "clippy (server build, warnings denied)");
    let ok = run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--exclude",
        "frontend",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]));
    tally.check("clippy server", ok);

    step(start, "clippy (WASM build, warnings denied)");
    let ok = run(cmd("cargo").args([
        "clippy",
        "-p",
        "frontend",
        "-p",
        "domain",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]));
    tally.check("clippy wasm", ok);

    step(start, "start a throwaway PostgreSQL cluster on loopback");
    let pg = tools::Postgres::start()?;

    step(start, "unit and integration tests (SQLite and PostgreSQL)");
    let out = cmd("cargo")
        .args([
            "test",
            "--workspace",
            "--exclude",
            "frontend",
            "--no-fail-fast",
        ])
        .env("EXPO_TEST_POSTGRES_URL", pg.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cargo test: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    let (p, f) = count_cargo_tests(&text);
    tally.passed += p;
    tally.failed += f;
    if !out.status.success() && f == 0 {
        tally.check("cargo test (build)", false);
    }
    if f > 0 {
        tally.failures.push(format!("{f} cargo tests"));
    }
    drop(pg);

    let built = build_release(start).is_ok();
    tally.check("release build", built);
    if built {
        step(start, "browser tests (Playwright, headless Chromium)");
        match browser_tests() {
            Ok((p, f)) => {
                tally.passed += p;
                tally.failed += f;
                if f > 0 {
                    tally.failures.push(format!("{f} browser tests"));
                }
                if p + f == 0 {
                    tally.check("browser tests ran", false);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                tally.check("browser tests", false);
            }
        }
    }

    finish(start, tally)
}

/// Prints the failures and the summary line, always last.
fn finish(start: Instant, tally: Tally) -> Result<(), String> {
    println!("\nfinished in {}s", start.elapsed().as_secs());
    if !tally.failures.is_empty() {
        println!("failed: {}", tally.failures.join(", "));
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        // The summary above stays the last line: no further message.
        Err(String::new())
    }
}

fn migrations_match() -> bool {
    let names = |dir: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(root().join("migrations").join(dir))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let (s, p) = (names("sqlite"), names("postgres"));
    if s != p || s.is_empty() {
        eprintln!("migrations differ:\n  sqlite:   {s:?}\n  postgres: {p:?}");
        return false;
    }
    println!("{} migration(s) in both folders", s.len());
    true
}

/// Sums `test result: ok. N passed; M failed` lines.
fn count_cargo_tests(out: &str) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for line in out.lines().filter(|l| l.starts_with("test result:")) {
        for part in line.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            for w in words.windows(2) {
                let n = w[0].parse::<u64>().unwrap_or(0);
                match w[1] {
                    "passed" => passed += n,
                    "failed" => failed += n,
                    _ => {}
                }
            }
        }
    }
    (passed, failed)
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(38_457)
}

/// A server process on a fresh database, stopped on drop.
struct TestServer {
    child: Child,
    port: u16,
    _dir: TempDir,
}

impl TestServer {
    fn start(extra_env: &[(&str, &str)]) -> Result<TestServer, String> {
        let dir = TempDir::new("expo-e2e")?;
        let port = free_port();
        let db = format!("sqlite:{}/e2e.db", dir.path.display());
        let log = std::fs::File::create(dir.path.join("server.log")).map_err(|e| e.to_string())?;
        let mut c = cmd(&server_binary().to_string_lossy());
        c.args(["serve", "--seed-demo"])
            .env("DATABASE_URL", &db)
            .env("EXPO_MEDIA_DIR", dir.path.join("media"))
            .env("EXPO_SEARCH_DIR", dir.path.join("search"))
            .env("EXPO_PORT", port.to_string())
            .env("EXPO_HOST", "127.0.0.1")
            .env("LEPTOS_SITE_ROOT", site_root())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log);
        for (k, v) in extra_env {
            c.env(k, v);
        }
        let child = c
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let mut server = TestServer {
            child,
            port,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if http_ok(port, "/readyz") {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "the server exited early ({status}); log in {}",
                    server._dir.path.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let _ = server.child.kill();
        Err("the server did not become ready within 60 s".into())
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder removed on drop.
pub struct TempDir {
    /// The folder.
    pub path: PathBuf,
}

impl TempDir {
    /// Creates `/tmp/<prefix>-<pid>-<nanos>`.
    pub fn new(prefix: &str) -> Result<TempDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A minimal HTTP/1.0 GET (no chunked encoding); the whole answer, headers included.
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let req =
        format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept-Language: zh-CN\r\n\r\n");
    s.write_all(req.as_bytes()).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// The first `href="<prefix>…"` target in `html` (up to the closing quote).
fn first_link(html: &str, prefix: &str) -> Option<String> {
    let at = html.find(&format!("href=\"{prefix}"))? + 6;
    let end = html[at..].find('"')? + at;
    Some(html[at..end].to_owned())
}

/// The demo pages the benchmark loads: landing, hall list, a hall, a booth, a product.
fn demo_pages(port: u16) -> Result<Vec<(String, String)>, String> {
    let halls = http_get(port, "/halls").ok_or("GET /halls failed")?;
    let hall = first_link(&halls, "/halls/").ok_or("no hall link on /halls")?;
    let hall_html = http_get(port, &hall).ok_or("GET hall failed")?;
    let booth = first_link(&hall_html, "/exhibitors/").ok_or("no booth link on the hall page")?;
    let booth_html = http_get(port, &booth).ok_or("GET booth failed")?;
    let product =
        first_link(&booth_html, "/products/").ok_or("no product link on the booth page")?;
    Ok(vec![
        ("landing".into(), "/".into()),
        ("halls".into(), "/halls".into()),
        ("hall".into(), hall),
        ("booth".into(), booth),
        ("product".into(), product),
    ])
}

/// Signs in with the demo account `email` and returns its session cookie (`name=value`).
fn sign_in(port: u16, email: &str) -> Option<String> {
    use std::io::{Read, Write};
    let body = format!(
        "input%5Bemail%5D={}&input%5Bpassword%5D=expo-demo-2026&input%5Bnext%5D=%2F",
        email.replace('@', "%40")
    );
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let req = format!(
        "POST /api/account/login HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    let text = String::from_utf8_lossy(&out);
    text.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("set-cookie")
            .then(|| {
                value
                    .trim()
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .filter(|c| !c.is_empty())
    })
}

/// A minimal HTTP/1.1 GET that reports whether the answer was 200.
pub fn http_ok(port: u16, path: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return false;
    }
    let mut buf = [0u8; 16];
    matches!(s.read(&mut buf), Ok(n) if n >= 12 && &buf[9..12] == b"200")
}

fn browser_tests() -> Result<(u64, u64), String> {
    // The server sends its e-mail to a loopback SMTP sink that the password reset test opens
    // on this port (until then, mail waits in the outbox and is retried).
    let smtp_port = free_port().to_string();
    let smtp_url = format!("smtp://127.0.0.1:{smtp_port}");
    // Likewise the chat's translation provider: a LibreTranslate-speaking service the chat
    // moderation test opens on loopback (the translate button is offered whenever one is set).
    let translate_port = free_port().to_string();
    let translate_url = format!("http://127.0.0.1:{translate_port}");
    // Every browser test registers its people from the one loopback address, more than the
    // hourly per-address allowance a real address gets (the throttle itself is tested in the
    // integration tests).
    let server = TestServer::start(&[
        ("EXPO_SMTP_URL", smtp_url.as_str()),
        ("EXPO_MAIL_FROM", "Expo <noreply@expo.example>"),
        ("EXPO_TRANSLATE_URL", translate_url.as_str()),
        ("EXPO_REGISTRATIONS_PER_IP_PER_HOUR", "1000"),
    ])?;
    let e2e = root().join("end2end");
    let artifacts = e2e.join("artifacts");
    let _ = std::fs::create_dir_all(&artifacts);
    let out = cmd("npx")
        .current_dir(&e2e)
        .args(["playwright", "test", "--reporter=list"])
        .env("BASE_URL", format!("http://127.0.0.1:{}", server.port))
        .env("CHROMIUM_PATH", tools::chromium_path())
        .env("SMTP_PORT", &smtp_port)
        .env("TRANSLATE_PORT", &translate_port)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run Playwright: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    let mut passed = 0;
    let mut failed = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() >= 2 {
            let n = words[0].parse::<u64>();
            match (n, words[1]) {
                (Ok(n), "passed") => passed += n,
                (Ok(n), "failed" | "flaky" | "skipped" | "interrupted") => failed += n,
                _ => {}
            }
        }
    }
    if !out.status.success() && failed == 0 {
        failed += 1;
    }
    println!("screenshots and traces: {}", artifacts.display());
    Ok((passed, failed))
}
