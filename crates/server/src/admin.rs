//! Administration commands run on the server itself.

use anyhow::{Context, bail};
use samenspel_domain::Language;
use samenspel_domain::accounts::{Email, NewPassword, PersonName};
use samenspel_store::{Db, StoreError, UserId, audit, users};
use samenspel_web::audit::Action;

/// Creates an account (optionally a platform administrator) with the given password.
pub async fn create_user(
    db: &Db,
    email: &str,
    name: &str,
    password: &str,
    platform_admin: bool,
) -> anyhow::Result<UserId> {
    let sentence = |field: &str, key: &str| {
        anyhow::anyhow!("{field}: {}", samenspel_web::i18n::t(Language::En, key))
    };
    let email = Email::parse(email).map_err(|e| sentence("Email address", e.key))?;
    let name = PersonName::parse(name).map_err(|e| sentence("Name", e.key))?;
    let password =
        NewPassword::parse(password, Some(&email)).map_err(|e| sentence("Password", e.key))?;
    let hash = samenspel_web::http::hash_password(password.expose().to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let created = db
        .write(move |c| {
            let now = samenspel_store::now();
            let new = users::NewUser {
                email: &email,
                name: &name,
                password_hash: &hash,
                language: Language::Nl,
                platform_admin,
            };
            let id = match users::create(c, &new, now) {
                Ok(id) => id,
                Err(StoreError::Conflict(_)) => bail!(
                    "An account with the address {} already exists.",
                    email.as_str()
                ),
                Err(other) => return Err(other).context("creating the account"),
            };
            let action = Action::UserCreatedByAdmin(id);
            let (subject_kind, subject_id) = action.subject();
            let event = audit::NewEvent {
                actor: None,
                ip: None,
                action: action.name(),
                subject_kind,
                subject_id,
                organisation: None,
                changes: serde_json::json!({
                    "email": email.as_str(), "platform_admin": platform_admin,
                }),
            };
            audit::record(c, &event, now)?;
            Ok(id)
        })
        .await?;
    Ok(created)
}
