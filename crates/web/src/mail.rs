//! Outgoing e-mail, queued as a job in the same transaction as the change that causes it. The
//! server's job worker sends it (SMTP, or `.eml` files when no SMTP server is configured).

use samenspel_store::sql::Sql;
use samenspel_store::{JobId, jobs};

/// The job kind the worker sends as e-mail.
pub const MAIL_JOB: &str = "mail";

/// An e-mail to send, as stored in the job's payload.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The one-click unsubscribe address (RFC 8058), for mail someone can stop getting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe: Option<String>,
}

pub fn enqueue(c: &mut Sql<'_>, mail: &OutgoingMail) -> samenspel_store::Result<JobId> {
    let payload = serde_json::to_value(mail).unwrap_or_default();
    jobs::enqueue(c, MAIL_JOB, &payload, samenspel_store::now())
}
