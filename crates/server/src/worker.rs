//! The job worker: claims due jobs one at a time and runs them. Any number of workers, on any
//! number of nodes, can run at once; the claim makes sure each job runs once.

use crate::mailer::Mailer;
use samenspel_store::{Db, jobs};
use samenspel_web::mail::{MAIL_JOB, OutgoingMail};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long a claimed job is reserved for its worker.
const LEASE: Duration = Duration::from_secs(120);
/// How often an idle worker looks for jobs queued by other nodes.
const POLL: Duration = Duration::from_secs(2);
/// How often a worker looks for notifications whose e-mail is due.
const MAIL_SWEEP: Duration = Duration::from_secs(60);

pub struct Worker {
    pub db: Db,
    pub mailer: Mailer,
    pub mail_from: String,
    /// The public address, for links in e-mail.
    pub base_url: String,
    pub name: String,
}

impl Worker {
    /// Runs until the process ends.
    pub async fn run(self, wake: Arc<Notify>) {
        let mut last_sweep: Option<std::time::Instant> = None;
        loop {
            if last_sweep.is_none_or(|at| at.elapsed() >= MAIL_SWEEP) {
                last_sweep = Some(std::time::Instant::now());
                if let Err(error) = self.queue_notification_mail().await {
                    tracing::error!(error = ?error, "could not queue notification e-mail");
                }
            }
            match self.run_due().await {
                Ok(0) => {
                    let _ = tokio::time::timeout(POLL, wake.notified()).await;
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::error!(error = ?error, "job worker failed to reach the database");
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }

    /// Queues the notification e-mail that is due (immediately, or a daily or weekly digest);
    /// returns how many mails were queued. Safe to run on several nodes at once.
    pub async fn queue_notification_mail(&self) -> anyhow::Result<usize> {
        Ok(samenspel_web::notifications::mail_due(&self.db, &self.base_url).await?)
    }

    /// Runs every job that is due now; returns how many ran.
    pub async fn run_due(&self) -> anyhow::Result<usize> {
        let mut ran = 0;
        loop {
            let name = self.name.clone();
            let job = self
                .db
                .work(move |c| jobs::claim(c, &name, samenspel_store::now(), LEASE))
                .await?;
            let Some(job) = job else {
                return Ok(ran);
            };
            ran += 1;
            let outcome = self.perform(&job).await;
            self.db
                .work(move |c| match outcome {
                    Ok(()) => jobs::complete(c, job.id, samenspel_store::now()),
                    Err(error) => {
                        tracing::warn!(job = job.id.0, kind = %job.kind, attempt = job.attempts, error = ?error, "job failed");
                        jobs::fail(c, &job, &format!("{error:#}"), samenspel_store::now())
                    }
                })
                .await?;
        }
    }

    async fn perform(&self, job: &jobs::Job) -> anyhow::Result<()> {
        match job.kind.as_str() {
            MAIL_JOB => {
                let mail: OutgoingMail = serde_json::from_str(&job.payload)?;
                self.mailer.send(&self.mail_from, &mail).await
            }
            other => anyhow::bail!("unknown job kind {other:?}"),
        }
    }
}
