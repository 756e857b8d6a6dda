//! The Samenspel binary's parts: configuration, start-up, the job worker, the mailer, demo
//! data and administration commands. `main.rs` only parses the command line.

pub mod admin;
pub mod config;
pub mod demo;
pub mod mailer;
pub mod worker;

use config::Config;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use samenspel_store::{Db, DbOptions};
use samenspel_web::state::AppState;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tokio::net::TcpListener;

/// Opens the database and brings its schema up to date.
pub async fn open_db(config: &Config) -> anyhow::Result<Db> {
    let (db, applied) = open_and_migrate(config).await?;
    for migration in applied {
        tracing::info!(%migration, "applied a database migration");
    }
    Ok(db)
}

/// Opens the database and brings its schema up to date; also returns the migrations applied
/// now, oldest first.
pub async fn open_and_migrate(config: &Config) -> anyhow::Result<(Db, Vec<String>)> {
    config.prepare_paths()?;
    let db = Db::connect(
        &config.database_url,
        &DbOptions {
            max_connections: config.db_max_connections,
        },
    )
    .await?;
    let applied = db.migrate().await?;
    Ok((db, applied))
}

/// The process-wide metrics recorder (installed once, shared by every app in the process).
pub fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| PrometheusBuilder::new().install_recorder().ok())
        .clone()
}

/// Serves the application on `listener` until `shutdown` completes, with the job worker when
/// the configuration asks for it.
pub async fn serve(
    config: &Config,
    db: Db,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = AppState::new(db.clone(), config.web(), metrics_handle());
    // The method pack this program carries is stored as a version before the first request.
    let (pack_id, pack) = state.methods.current(&db).await?;
    tracing::info!(%pack_id, version = %pack.pack.version, nodes = pack.nodes.len(), "method pack");
    if config.run_worker {
        spawn_worker(config, db, state.jobs_waiting.clone())?;
    }
    tokio::spawn(housekeeping(
        state.clone(),
        time::Duration::days(config.sent_mail_days.max(0)),
    ));
    if let Some(handle) = state.metrics.clone() {
        // The exporter drains its histograms only when asked to.
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(10));
            loop {
                tick.tick().await;
                handle.run_upkeep();
            }
        });
    }
    let app = samenspel_web::app(state);
    tracing::info!(addr = %listener.local_addr()?, "serving");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    Ok(())
}

/// Periodic clean-up on every node: expired sessions and registration links, the text of mail
/// sent longer than `keep_sent_mail` ago (idempotent, so several nodes may do it) and the
/// per-address limiter's memory of addresses not seen for a while.
async fn housekeeping(state: AppState, keep_sent_mail: time::Duration) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        tick.tick().await;
        state.auth_limiter.retain_recent();
        state.auth_limiter.shrink_to_fit();
        let purged = state
            .db
            .work(move |c| {
                let now = samenspel_store::now();
                samenspel_store::sessions::purge_expired(c, now)?;
                samenspel_store::registrations::purge_expired(c, now)?;
                samenspel_store::two_factor::purge_expired_challenges(c, now)?;
                samenspel_store::jobs::purge_finished_mail(c, now - keep_sent_mail)
            })
            .await;
        if let Err(error) = purged {
            tracing::warn!(%error, "could not purge expired sessions, registrations and sent mail");
        }
    }
}

pub fn spawn_worker(config: &Config, db: Db, wake: Arc<tokio::sync::Notify>) -> anyhow::Result<()> {
    let worker = worker::Worker {
        db,
        mailer: mailer::Mailer::from_config(&config.smtp_url, &config.mail_dir)?,
        mail_from: config.mail_from.clone(),
        base_url: config.base_url.clone(),
        name: format!("{}-{}", hostname(), std::process::id()),
    };
    tokio::spawn(worker.run(wake));
    Ok(())
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "node".to_owned())
}
