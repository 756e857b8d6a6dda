//! `samenspel`: serve the application, run migrations, load demo data, administer.

use anyhow::Context;
use clap::{Parser, Subcommand};
use samenspel::config::Config;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "samenspel",
    version,
    about = "Samenspel: municipality and resident initiatives, working together towards a natural-gas-free neighbourhood"
)]
struct Cli {
    /// Configuration file (default: samenspel.toml, if present)
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application (runs migrations first)
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (overrides the configuration)
        #[arg(long)]
        listen: Option<String>,
    },
    /// Run only the job worker (sends e-mail); for installations that run it apart from `serve`
    Worker,
    /// Bring the database schema up to date
    Migrate,
    /// Load the demo data into the configured database (safe to run again). Its accounts share
    /// a published password: meant for a database of its own
    Demo {
        /// Load it even though the database holds accounts of real people
        #[arg(long)]
        force: bool,
    },
    /// Administration
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an account; the password is read from standard input
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Make the account a platform administrator
        #[arg(long)]
        platform_admin: bool,
    },
}

fn init_tracing(config: &Config) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Colour codes only for a person at a terminal, not in a log file or journal.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    if config.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// glibc gives each thread that allocates its own heap ("arena"), up to eight per core. The
/// server's threads (tokio's workers, one per SQLite connection, the blocking pool) each keep
/// freed memory in theirs, and under a steady load the process kept growing for half an hour.
/// Two arenas keep it flat at the same throughput (ADR 0011). Runs before any thread exists;
/// `MALLOC_ARENA_MAX` in the environment, when set, wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    const ARENAS: libc::c_int = 2;
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: `mallopt` only changes a setting of the allocator; it is called before the
        // runtime starts any thread, so nothing allocates concurrently.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, ARENAS);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    let ran = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")
        .and_then(|runtime| runtime.block_on(run()));
    match ran {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // The message and its causes, as sentences for the operator; no backtrace.
            eprintln!("samenspel: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut config = Config::load(cli.config.as_deref()).context("reading the configuration")?;
    init_tracing(&config);
    match cli.command {
        Command::Serve { listen } => {
            if let Some(listen) = listen {
                config.listen = listen;
            }
            let db = samenspel::open_db(&config).await?;
            let listener = tokio::net::TcpListener::bind(&config.listen)
                .await
                .with_context(|| format!("listening on {}", config.listen))?;
            samenspel::serve(&config, db, listener, shutdown_signal()).await?;
        }
        Command::Worker => {
            let db = samenspel::open_db(&config).await?;
            let wake = std::sync::Arc::new(tokio::sync::Notify::new());
            samenspel::spawn_worker(&config, db, wake)?;
            shutdown_signal().await;
        }
        Command::Migrate => {
            let (_, applied) = samenspel::open_and_migrate(&config).await?;
            if applied.is_empty() {
                println!("The database was already up to date; no migrations were applied.");
            } else {
                println!("Applied {} migration(s):", applied.len());
                for migration in &applied {
                    println!("  {migration}");
                }
                println!("The database is up to date.");
            }
        }
        Command::Demo { force } => {
            let db = samenspel::open_db(&config).await?;
            let others = samenspel::demo::other_accounts(&db).await?;
            if others > 0 && !force {
                anyhow::bail!(
                    "This database holds {others} account(s) that are not demo accounts. The demo \
                     accounts all have the same, published password, so they do not belong next to \
                     real people's accounts. Use a database of its own for the demo, or add \
                     --force if you are sure."
                );
            }
            samenspel::demo::load(&db).await?;
            println!(
                "demo data loaded (password of every demo account: {})",
                samenspel::demo::DEMO_PASSWORD
            );
        }
        Command::Admin {
            command:
                AdminCommand::CreateUser {
                    email,
                    name,
                    platform_admin,
                },
        } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.lines().next().unwrap_or("").to_owned();
            let db = samenspel::open_db(&config).await?;
            let id = samenspel::admin::create_user(&db, &email, &name, &password, platform_admin)
                .await?;
            println!("created user {id} <{email}>");
        }
    }
    Ok(())
}
