//! Asking an organisation for its consent: who gives it (its administrators; one of them asking
//! counts as consent) and the mail that asks them.

use crate::http::AppError;
use crate::i18n;
use crate::mail::{self, OutgoingMail};
use samenspel_domain::accounts::Email;
use samenspel_domain::organisations::OrgRole;
use samenspel_store::sql::Sql;
use samenspel_store::{OrgId, UserId, organisations, users};

/// Whether the person administers the organisation (then their own request is their consent).
pub(crate) fn administers(c: &mut Sql<'_>, org: OrgId, user: UserId) -> Result<bool, AppError> {
    Ok(organisations::role_of(c, org, user)? == Some(OrgRole::Admin))
}

/// Mails every administrator of `org`, each in their own language; `args` fill the message
/// next to `name`, the administrator's.
pub(crate) fn mail_admins(
    c: &mut Sql<'_>,
    org: OrgId,
    subject_key: &str,
    body_key: &str,
    args: &[(&'static str, String)],
    fallback: samenspel_domain::Language,
) -> Result<(), AppError> {
    for admin in organisations::members(c, org)? {
        if admin.until.is_some() || admin.role != OrgRole::Admin {
            continue;
        }
        let Ok(email) = Email::parse(&admin.email) else {
            continue;
        };
        let lang = users::by_email(c, &email)?
            .map(|u| u.language)
            .unwrap_or(fallback);
        let mut all = vec![("name", admin.name.clone())];
        all.extend(args.iter().cloned());
        mail::enqueue(
            c,
            &OutgoingMail {
                to: admin.email.clone(),
                subject: i18n::t_args(lang, subject_key, &all),
                body: i18n::t_args(lang, body_key, &all),
                ..OutgoingMail::default()
            },
        )?;
    }
    Ok(())
}
