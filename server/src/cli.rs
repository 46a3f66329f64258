//! The command line: `serve` (default), `migrate`, `seed --demo`, `admin create-organizer`.

use crate::config::Config;
use anyhow::Context;
use clap::{Parser, Subcommand};
use db::Db;
use domain::account::{DisplayName, Email, Password, Role};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "expo-server",
    version,
    about = "Digital international exhibition platform server"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Migrate, then serve HTTP until SIGINT/SIGTERM.
    Serve {
        /// Seed the demo expo first when the database is empty.
        #[arg(long)]
        seed_demo: bool,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Insert data.
    Seed {
        /// The demo expo (only when the database has no expo yet).
        #[arg(long)]
        demo: bool,
    },
    /// Administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The search index.
    Search {
        #[command(subcommand)]
        command: SearchCommand,
    },
    /// Load clients for capacity planning (run against a test deployment, not production).
    Loadtest {
        #[command(subcommand)]
        command: LoadtestCommand,
    },
    /// Matchmaking.
    Match {
        #[command(subcommand)]
        command: MatchCommand,
    },
    /// Footprints and the figures counted from them.
    Analytics {
        #[command(subcommand)]
        command: AnalyticsCommand,
    },
}

#[derive(Subcommand, Debug)]
enum AnalyticsCommand {
    /// Record generated footprints into an empty database, then measure their storage and time
    /// the dashboard's and the analysis page's queries (`cargo xtask bench analytics`).
    Bench {
        /// Footprint events to record.
        #[arg(long, default_value_t = 10_000_000)]
        events: usize,
        /// Buyers to generate.
        #[arg(long, default_value_t = 50_000)]
        buyers: usize,
        /// Exhibitors to generate.
        #[arg(long, default_value_t = 2_000)]
        exhibitors: usize,
        /// Database URL (an empty database; a SQLite file is created).
        #[arg(long)]
        database: String,
    },
    /// Print how many footprint events a database holds (`RESULT events N`).
    Count {
        /// Database URL.
        #[arg(long)]
        database: String,
    },
}

#[derive(Subcommand, Debug)]
enum MatchCommand {
    /// Recompute every match of every expo now.
    Recompute,
    /// Write a generated expo into an empty database and time a full recompute, incremental
    /// recomputes and top-ten reads (`cargo xtask bench match`).
    Bench {
        /// Buyers to generate.
        #[arg(long, default_value_t = 100_000)]
        buyers: usize,
        /// Exhibitors to generate.
        #[arg(long, default_value_t = 25_000)]
        exhibitors: usize,
        /// Database URL (an empty database; a SQLite file is created).
        #[arg(long)]
        database: String,
    },
}

#[derive(Subcommand, Debug)]
enum SearchCommand {
    /// Rebuild this server's index from the database (stop the server using the folder first).
    Reindex,
    /// Build an index of generated products in memory and time queries (`cargo xtask bench
    /// search`); no database is touched.
    Bench {
        /// Products to generate.
        #[arg(long, default_value_t = 1_000_000)]
        products: usize,
        /// Folder for the index (emptied first).
        #[arg(long, default_value = "target/bench-search")]
        dir: String,
    },
}

#[derive(Subcommand, Debug)]
enum LoadtestCommand {
    /// Many connections follow one conversation while messages are sent at a fixed rate;
    /// reports deliveries per second and delivery latency.
    Ws {
        /// Server address (host:port).
        #[arg(long, default_value = "127.0.0.1:3000")]
        addr: String,
        /// Account to sign in as.
        #[arg(long, default_value = "buyer@expo.example")]
        email: String,
        /// Its password.
        #[arg(long, default_value = crate::seed::DEMO_PASSWORD)]
        password: String,
        /// Connections following the conversation.
        #[arg(long, default_value_t = 5000)]
        connections: usize,
        /// Messages per second.
        #[arg(long, default_value_t = 40)]
        rate: u32,
        /// Seconds of sending.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Seconds to hold the idle connections first.
        #[arg(long, default_value_t = 3)]
        idle_secs: u64,
    },
    /// One broadcaster and many viewers of a live stream; reports chunk delivery latency.
    Live {
        /// Server address (host:port).
        #[arg(long, default_value = "127.0.0.1:3000")]
        addr: String,
        /// An organizer's e-mail.
        #[arg(long, default_value = "organizer@expo.example")]
        email: String,
        /// Its password.
        #[arg(long, default_value = crate::seed::DEMO_PASSWORD)]
        password: String,
        /// Viewer connections.
        #[arg(long, default_value_t = 1000)]
        viewers: usize,
        /// Seconds of broadcasting.
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Seconds to hold the idle viewers first.
        #[arg(long, default_value_t = 3)]
        idle_secs: u64,
    },
}

#[derive(Subcommand, Debug)]
enum AdminCommand {
    /// Create an account (or reuse it) and make it organizer of an expo.
    CreateOrganizer {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// Expo slug (default: the current expo).
        #[arg(long)]
        expo: Option<String>,
        /// Password; read from EXPO_ADMIN_PASSWORD when omitted.
        #[arg(long, env = "EXPO_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

/// Runs the command line and returns the process exit code.
pub async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration error: {e:#}");
            return ExitCode::from(2);
        }
    };
    crate::telemetry::init(config.log_json);
    match run(cli, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn connect(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, config.database_max_connections)
        .await
        .with_context(|| "cannot open the database (DATABASE_URL)".to_string())?;
    db.migrate().await.context("migrations failed")?;
    Ok(db)
}

async fn run(cli: Cli, config: Config) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve { seed_demo: false }) {
        Command::Serve { seed_demo } => {
            let db = connect(&config).await?;
            if seed_demo && crate::seed::seed_demo(&db).await? {
                let store = crate::media::local_store(&config.media_dir)?;
                match crate::seed::seed_pictures(&db, store.as_ref()).await {
                    Ok(pictures) => tracing::info!(pictures, "demo expo seeded"),
                    Err(e) => tracing::warn!(error = %e, "demo pictures could not be made"),
                }
            }
            serve(config, db).await
        }
        Command::Migrate => {
            connect(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Seed { demo } => {
            anyhow::ensure!(demo, "nothing to seed: pass --demo");
            let db = connect(&config).await?;
            if crate::seed::seed_demo(&db).await? {
                let store = crate::media::local_store(&config.media_dir)?;
                let pictures = crate::seed::seed_pictures(&db, store.as_ref()).await?;
                println!("demo expo seeded ({pictures} product pictures)");
            } else {
                println!("the database already holds an expo; nothing seeded");
            }
            Ok(())
        }
        Command::Search {
            command: SearchCommand::Reindex,
        } => {
            let db = connect(&config).await?;
            let index =
                app::search::engine::SearchIndex::open(std::path::Path::new(&config.search_dir))
                    .with_context(|| {
                        format!(
                            "cannot open {} (is a server using it? stop it first)",
                            config.search_dir
                        )
                    })?;
            let started = std::time::Instant::now();
            app::search::follower::rebuild(&db, &index).await?;
            println!(
                "search index rebuilt: {} documents in {:.1} s",
                index.len(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Search {
            command: SearchCommand::Bench { products, dir },
        } => crate::search_bench::run(products, std::path::Path::new(&dir)),
        Command::Match {
            command: MatchCommand::Recompute,
        } => {
            let db = connect(&config).await?;
            for expo in db::matching::expo_ids(&db).await? {
                let stats = app::matching::engine::full_recompute(&db, &expo).await?;
                println!(
                    "{expo}: {} people, {} exhibitors, {} matches kept",
                    stats.buyers, stats.exhibitors, stats.pairs
                );
            }
            Ok(())
        }
        Command::Match {
            command:
                MatchCommand::Bench {
                    buyers,
                    exhibitors,
                    database,
                },
        } => crate::match_bench::run(buyers, exhibitors, &database).await,
        Command::Analytics {
            command:
                AnalyticsCommand::Bench {
                    events,
                    buyers,
                    exhibitors,
                    database,
                },
        } => crate::analytics_bench::run(events, buyers, exhibitors, &database).await,
        Command::Analytics {
            command: AnalyticsCommand::Count { database },
        } => crate::analytics_bench::count(&database).await,
        Command::Loadtest {
            command:
                LoadtestCommand::Ws {
                    addr,
                    email,
                    password,
                    connections,
                    rate,
                    seconds,
                    idle_secs,
                },
        } => {
            let load = crate::loadtest::WsLoad {
                addr,
                email,
                password,
                connections,
                rate,
                seconds,
                idle_secs,
            };
            // The load client keeps to one thread, so that on a shared machine the server it
            // measures has the other cores.
            let report = std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(anyhow::Error::from)
                    .and_then(|rt| rt.block_on(crate::loadtest::run_ws(load)))
            })
            .join()
            .map_err(|_| anyhow::anyhow!("the load client panicked"))??;
            println!("RESULT sent {}", report.sent);
            println!("RESULT delivered {}", report.delivered);
            println!("RESULT deliveries_per_sec {:.0}", report.per_sec);
            println!("RESULT latency_p50_ms {:.1}", report.p50_ms);
            println!("RESULT latency_p99_ms {:.1}", report.p99_ms);
            println!("RESULT latency_max_ms {:.1}", report.max_ms);
            Ok(())
        }
        Command::Loadtest {
            command:
                LoadtestCommand::Live {
                    addr,
                    email,
                    password,
                    viewers,
                    seconds,
                    idle_secs,
                },
        } => {
            let load = crate::loadtest_live::LiveLoad {
                addr,
                email,
                password,
                viewers,
                seconds,
                idle_secs,
            };
            // One thread, as for `loadtest ws`: the server measured has the other cores.
            let report = std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(anyhow::Error::from)
                    .and_then(|rt| rt.block_on(crate::loadtest_live::run_live(load)))
            })
            .join()
            .map_err(|_| anyhow::anyhow!("the load client panicked"))??;
            println!("RESULT chunks_sent {}", report.chunks);
            println!("RESULT chunk_deliveries {}", report.delivered);
            println!("RESULT chunk_latency_p50_ms {:.1}", report.p50_ms);
            println!("RESULT chunk_latency_p99_ms {:.1}", report.p99_ms);
            println!("RESULT chunk_latency_max_ms {:.1}", report.max_ms);
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::CreateOrganizer {
                    email,
                    name,
                    expo,
                    password,
                },
        } => {
            let db = connect(&config).await?;
            create_organizer(&db, &email, &name, expo.as_deref(), &password).await
        }
    }
}

/// Creates (or reuses) an account and makes it organizer of an expo (the current one by default).
pub async fn create_organizer(
    db: &Db,
    email: &str,
    name: &str,
    expo: Option<&str>,
    password: &str,
) -> anyhow::Result<()> {
    let email =
        Email::parse(email).map_err(|e| anyhow::anyhow!("invalid e-mail ({})", e.message_id))?;
    let name =
        DisplayName::parse(name).map_err(|e| anyhow::anyhow!("invalid name ({})", e.message_id))?;
    let password = Password::parse(password, Some(&email))
        .map_err(|e| anyhow::anyhow!("invalid password ({})", e.message_id))?;
    let expo = match expo {
        Some(slug) => db::expo::expo_by_slug(db, slug)
            .await?
            .with_context(|| format!("no expo with slug {slug}"))?,
        None => db::expo::current_expo(db)
            .await?
            .context("no expo yet: run `seed --demo` or create one")?,
    };
    // The account and its role are written together or not at all.
    let mut tx = db.begin().await?;
    let user_id = match db::account::find_credentials(db, email.as_str()).await? {
        Some((id, _)) => {
            println!(
                "{} already has an account; its password is unchanged",
                email.as_str()
            );
            id
        }
        None => {
            let hash = app::account::service::hash_password(password.expose().to_owned())
                .await
                .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
            let id = db::new_id();
            db::account::insert_user(
                &mut tx,
                &db::account::NewUser {
                    id: &id,
                    email: email.as_str(),
                    password_hash: &hash,
                    display_name: name.as_str(),
                    company: None,
                    country: "CN",
                    language: "zh-CN",
                    created_at: db::now_millis(),
                },
            )
            .await?;
            id
        }
    };
    db::account::grant_role(
        &mut tx,
        &user_id,
        &expo.id,
        Role::Organizer,
        None,
        db::now_millis(),
    )
    .await?;
    db::commit(tx).await?;
    let entry = db::audit::AuditEntry {
        actor_id: None,
        action: "role.grant",
        object: &format!("{user_id}:organizer:{}", expo.id),
        result: "ok",
        source_ip: "cli",
    };
    db::audit::append(db, &entry, db::now_millis()).await?;
    println!("{} is now organizer of {}", email.as_str(), expo.slug);
    Ok(())
}

/// Serves until SIGINT or SIGTERM, then finishes in-flight requests and closes the database.
pub async fn serve(config: Config, db: Db) -> anyhow::Result<()> {
    let store = crate::media::local_store(&config.media_dir)?;
    let app = crate::router::build_with_store(&config, db.clone(), store.clone());
    let housekeeping = crate::housekeeping::spawn(
        db.clone(),
        config.auth(),
        store,
        std::time::Duration::from_secs(3600),
    );
    // SQLite's log is copied into the file here, every second, rather than by whichever
    // writer happens to commit when it grows long.
    let checkpoints = (db.backend() == db::Backend::Sqlite).then(|| {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = db.checkpoint().await {
                    tracing::warn!(error = %e, "checkpoint failed");
                }
            }
        })
    });
    // The e-mail outbox goes out when an SMTP server is configured (a bad setting stops the
    // start, not the first mail).
    let mailer = match &config.smtp_url {
        Some(url) => Some(crate::mailer::spawn(
            db.clone(),
            crate::mailer::Mailer::new(url, &config.mail_from)
                .context("EXPO_SMTP_URL or EXPO_MAIL_FROM")?,
            std::time::Duration::from_secs(10),
        )),
        None => {
            tracing::info!("EXPO_SMTP_URL not set: e-mail stays in the outbox");
            None
        }
    };
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr()?;
    // Small writes (realtime frames) go out at once instead of waiting to be coalesced.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
    });
    tracing::info!(%addr, "listening");
    println!("expo-server listening on http://{addr}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    housekeeping.abort();
    for task in [mailer, checkpoints].into_iter().flatten() {
        task.abort();
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown signal received");
}
