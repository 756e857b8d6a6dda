//! Two-factor login with a time-based code (TOTP): enrolling with a QR code drawn on the
//! server (the secret also as text), confirming with a first code, ten single-use recovery
//! codes shown once and stored hashed; the login step that asks for the code; turning it off
//! with password and code. Every step is audited; wrong codes count like wrong passwords.

use super::session::finish_login;
use super::within_address_limit;
use crate::audit::{Action, Event};
use crate::change::{Done, Outcome, change};
use crate::forms::{FormData, FormErrors};
use crate::http::AppError;
use crate::http::{
    Ctx, DEVICE_COOKIE, cookie, random_token, redirect, removal, set_cookie, token_hash,
    verify_password,
};
use crate::state::AppState;
use crate::views::{render, render_status};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use samenspel_store::sql::Sql;
use samenspel_store::{UserId, two_factor, users};
use serde::Deserialize;
use totp_rs::{Algorithm, Secret, TOTP};

/// The cookie of a login that passed the password and waits for its code.
pub const CHALLENGE_COOKIE: &str = "samenspel_login";
/// How long the code step stays open after the password.
const CHALLENGE_VALID: time::Duration = time::Duration::minutes(10);
/// Wrong codes before the login has to start again with the password.
const CHALLENGE_TRIES: i32 = 5;
/// A code's step: 30 seconds.
const STEP: u64 = 30;
const RECOVERY_CODES: usize = 10;

fn totp(secret_base32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, STEP, bytes).ok()
}

/// The step of the code `code` for the secret, one step either side of now, if it matches.
fn matching_step(secret_base32: &str, code: &str, now: time::OffsetDateTime) -> Option<i64> {
    let totp = totp(secret_base32)?;
    let now = u64::try_from(now.unix_timestamp()).ok()?;
    let current = now / STEP;
    [current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find(|step| totp.generate(step * STEP) == code)
        .and_then(|step| i64::try_from(step).ok())
}

/// Digits only, without the spaces people type or phones insert.
fn digits(input: &str) -> Option<String> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// A recovery code as stored: lower case, without spaces or dashes.
fn normalised_recovery(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Ten codes such as `k7qm-2xwp-9d`, easy to write down.
fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).expect("the operating system's random source");
            let chars: Vec<char> = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect();
            format!(
                "{}-{}-{}",
                chars[..4].iter().collect::<String>(),
                chars[4..8].iter().collect::<String>(),
                chars[8..].iter().collect::<String>()
            )
        })
        .collect()
}

/// Whether `input` is a current code or an unused recovery code of the person; uses it.
fn accept_code(
    c: &mut Sql<'_>,
    user: UserId,
    input: &str,
) -> Result<Option<&'static str>, AppError> {
    let now = samenspel_store::now();
    let factor = two_factor::factor(c, user)?;
    let Some(secret) = factor.totp_secret.as_deref() else {
        return Ok(None);
    };
    Ok(match digits(input) {
        Some(code) => match matching_step(secret, &code, now) {
            Some(step) => two_factor::use_step(c, user, step)?.then_some("totp"),
            None => None,
        },
        None => {
            let hash = token_hash(&normalised_recovery(input));
            two_factor::use_recovery_code(c, user, &hash, now)?.then_some("recovery-code")
        }
    })
}

/// After a right password: opens the code step; the answer sends the browser to it.
pub(crate) fn challenge(
    c: &mut Sql<'_>,
    state: &AppState,
    user: UserId,
    next: &str,
) -> Result<Response, AppError> {
    let token = random_token(32);
    two_factor::create_challenge(
        c,
        &token_hash(&token),
        user,
        next,
        samenspel_store::now() + CHALLENGE_VALID,
    )?;
    let mut response = redirect("/login/code");
    set_cookie(
        &mut response,
        &cookie(state, CHALLENGE_COOKIE, token, Some(CHALLENGE_VALID)),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "accounts/login_code.html")]
struct CodeView<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    /// No login waits for a code (it took too long, or never began).
    expired: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub code: String,
}

/// The login waiting for its code, by the challenge cookie's `token`, with the token's hash.
fn open_challenge(
    c: &mut Sql<'_>,
    token: Option<&str>,
) -> Result<Option<(String, two_factor::Challenge)>, AppError> {
    let Some(token) = token else {
        return Ok(None);
    };
    let hash = token_hash(token);
    let found = two_factor::challenge(c, &hash, samenspel_store::now())?;
    Ok(found.map(|challenge| (hash, challenge)))
}

/// The value of the cookie `name`, to take into the database work.
fn cookie_value(jar: &CookieJar, name: &str) -> Option<String> {
    jar.get(name).map(|c| c.value().to_owned())
}

pub async fn code_show(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
) -> Result<Response, AppError> {
    let token = cookie_value(&jar, CHALLENGE_COOKIE);
    let db = state.db.clone();
    db.read(move |c| code_show_in(c, &ctx, token.as_deref()))
        .await
}

fn code_show_in(c: &mut Sql<'_>, ctx: &Ctx, token: Option<&str>) -> Result<Response, AppError> {
    let expired = open_challenge(c, token)?.is_none();
    Ok(render(&CodeView {
        ctx,
        errors: FormErrors::default(),
        expired,
    }))
}

/// The code step again, with `key` said about the code.
fn code_refusal(ctx: &Ctx, status: StatusCode, key: &'static str) -> Response {
    let mut errors = FormErrors::default();
    errors.add("code", key);
    render_status(
        status,
        &CodeView {
            ctx,
            errors,
            expired: false,
        },
    )
}

pub async fn code_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, AppError> {
    if !within_address_limit(&state, &ctx) {
        return Ok(code_refusal(
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            "error-too-many-attempts",
        ));
    }
    let cookies = LoginCookies {
        challenge: cookie_value(&jar, CHALLENGE_COOKIE),
        device: cookie_value(&jar, DEVICE_COOKIE),
    };
    change(state, ctx, move |c, state, ctx| {
        code_submit_in(c, state, ctx, &cookies, &form.code)
    })
    .await
}

/// The cookies the code step reads: its challenge, and the browser's device.
struct LoginCookies {
    challenge: Option<String>,
    device: Option<String>,
}

fn code_submit_in(
    c: &mut Sql<'_>,
    state: &AppState,
    ctx: &Ctx,
    cookies: &LoginCookies,
    code: &str,
) -> Result<Outcome, AppError> {
    let Some((hash, challenge)) = open_challenge(c, cookies.challenge.as_deref())? else {
        return Ok(Outcome::refused_with(render_status(
            StatusCode::GONE,
            &CodeView {
                ctx,
                errors: FormErrors::default(),
                expired: true,
            },
        )));
    };
    if let Some(method) = accept_code(c, challenge.user_id, code)? {
        two_factor::end_challenge(c, &hash)?;
        let (response, login) = finish_login(
            c,
            state,
            ctx,
            cookies.device.as_deref(),
            challenge.user_id,
            &challenge.next,
            method,
        )?;
        return Ok(Done::respond(response)
            .cookie(removal(state, CHALLENGE_COOKIE))
            .audit(login)
            .into());
    }
    // A wrong code counts like a wrong password; after a few, the login starts over. Both
    // answers keep the count and the event.
    let now = samenspel_store::now();
    let failed = two_factor::challenge_failed(c, &hash)?;
    users::login_failed(c, challenge.user_id, now)?;
    let done = if failed >= CHALLENGE_TRIES {
        two_factor::end_challenge(c, &hash)?;
        Done::redirect("/login", "flash-code-too-many").cookie(removal(state, CHALLENGE_COOKIE))
    } else {
        Done::respond(code_refusal(
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-code-wrong",
        ))
    };
    Ok(done
        .audit(Event::new(
            Action::UserLoginCodeFailed(challenge.user_id),
            None,
            serde_json::json!({}),
        ))
        .into())
}

#[derive(Template)]
#[template(path = "accounts/two_factor.html")]
struct SettingsView<'a> {
    ctx: &'a Ctx,
    factor: two_factor::Factor,
    /// While enrolling: the QR code (SVG) and the secret as text.
    qr_svg: String,
    secret: String,
    /// Shown once, right after enrolling.
    recovery_codes: Vec<String>,
    codes_left: i64,
    errors: FormErrors,
}

fn render_settings(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    recovery_codes: Vec<String>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?;
    let factor = two_factor::factor(c, me.id)?;
    let codes_left = two_factor::recovery_codes_left(c, me.id)?;
    let (qr_svg, secret) = match factor.totp_pending_secret.as_deref() {
        Some(secret) if !factor.enabled() => (qr_of(&me.email, secret), spaced(secret)),
        _ => (String::new(), String::new()),
    };
    let failed = !errors.is_empty();
    let view = SettingsView {
        ctx,
        factor,
        qr_svg,
        secret,
        recovery_codes,
        codes_left,
        errors,
    };
    Ok(if failed {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
    } else {
        render(&view)
    })
}

/// Refuses a step of the settings page: the page again, with the errors.
fn refuse_settings(errors: FormErrors) -> Outcome {
    Outcome::refused(move |c, _, ctx| render_settings(c, ctx, Vec::new(), errors))
}

/// The secret in groups of four, for typing it over.
fn spaced(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` address an authenticator app reads, drawn as an SVG QR code to put inside
/// an HTML page (so without the XML declaration the renderer starts with).
fn qr_of(email: &str, secret: &str) -> String {
    // "Issuer:account", the colon itself left as it is: some apps read only that form.
    let label = format!("Samenspel:{}", url_escape(email));
    let url = format!(
        "otpauth://totp/{label}?secret={secret}&issuer=Samenspel&algorithm=SHA1&digits=6&period=30"
    );
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build();
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => svg,
            }
        }
        Err(_) => String::new(),
    }
}

fn url_escape(text: &str) -> String {
    serde_urlencoded::to_string([("x", text)])
        .unwrap_or_default()
        .trim_start_matches("x=")
        .replace('+', "%20")
}

pub async fn settings(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let db = state.db.clone();
    db.read(move |c| render_settings(c, &ctx, Vec::new(), FormErrors::default()))
        .await
}

/// Starts enrolling: a new secret, pending until its first code.
pub async fn start(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    change(state, ctx, |c, _, ctx| start_in(c, ctx)).await
}

fn start_in(c: &mut Sql<'_>, ctx: &Ctx) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    let secret = Secret::Raw(bytes.to_vec()).to_encoded().to_string();
    if two_factor::factor(c, me.id)?.enabled() {
        return Ok(Done::see("/account/two-factor").into());
    }
    two_factor::set_pending(c, me.id, &secret)?;
    Ok(Done::see("/account/two-factor")
        .audit(Event::new(
            Action::UserTwoFactorStarted(me.id),
            None,
            serde_json::json!({}),
        ))
        .into())
}

/// Confirms enrolment with a first code; shows the recovery codes once.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, AppError> {
    change(state, ctx, move |c, _, ctx| confirm_in(c, ctx, &form.code)).await
}

fn confirm_in(c: &mut Sql<'_>, ctx: &Ctx, code: &str) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?;
    let now = samenspel_store::now();
    let factor = two_factor::factor(c, me.id)?;
    let step = match (factor.totp_pending_secret.as_deref(), digits(code)) {
        (Some(secret), Some(code)) => matching_step(secret, &code, now),
        _ => None,
    };
    let Some(step) = step else {
        let mut errors = FormErrors::default();
        errors.add("code", "error-code-wrong");
        return Ok(refuse_settings(errors));
    };
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|code| token_hash(&normalised_recovery(code)))
        .collect();
    two_factor::enable(c, me.id, step, &hashes, now)?;
    // The page with the codes is the answer; it is drawn in the change, which it shows made.
    let page = render_settings(c, ctx, codes, FormErrors::default())?;
    Ok(Done::respond(page)
        .audit(Event::new(
            Action::UserTwoFactorEnabled(me.id),
            None,
            serde_json::json!({}),
        ))
        .into())
}

#[derive(Debug, Default, Deserialize)]
pub struct DisableForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub code: String,
}

/// Turns two-factor login off: only with the password and a code.
pub async fn disable(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<DisableForm>,
) -> Result<Response, AppError> {
    let me = ctx.require_user()?.id;
    let db = state.db.clone();
    let hash = db.read(move |c| password_hash_in(c, me)).await?;
    // Checked before the change: the slow hash does not hold the transaction open.
    let password_right = verify_password(form.password.clone(), hash).await?;
    change(state, ctx, move |c, _, ctx| {
        disable_in(c, ctx, password_right, &form.code)
    })
    .await
}

/// The person's password hash, to check a password against.
fn password_hash_in(c: &mut Sql<'_>, user: UserId) -> Result<Option<String>, AppError> {
    Ok(users::by_id(c, user)?.map(|u| u.password_hash))
}

fn disable_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    password_right: bool,
    code: &str,
) -> Result<Outcome, AppError> {
    let me = ctx.require_user()?.id;
    let mut errors = FormErrors::default();
    if !password_right {
        errors.add("password", "error-current-password");
    }
    if errors.is_empty() && accept_code(c, me, code)?.is_none() {
        errors.add("code", "error-code-wrong");
    }
    if !errors.is_empty() {
        return Ok(refuse_settings(errors));
    }
    two_factor::disable(c, me)?;
    Ok(
        Done::redirect("/account/two-factor", "flash-two-factor-disabled")
            .audit(Event::new(
                Action::UserTwoFactorDisabled(me),
                None,
                serde_json::json!({}),
            ))
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_and_neighbours_only() {
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        let at = time::OffsetDateTime::from_unix_timestamp(59).expect("time");
        // RFC 6238's SHA-1 test vector at T = 59 s, shortened to six digits.
        assert_eq!(matching_step(&secret, "287082", at), Some(1));
        let later = time::OffsetDateTime::from_unix_timestamp(59 + 90).expect("time");
        assert_eq!(matching_step(&secret, "287082", later), None);
        assert_eq!(digits(" 287 082 "), Some("287082".into()));
        assert_eq!(digits("28708"), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), 10);
        assert_eq!(normalised_recovery(" K7QM-2XWP-9D "), "k7qm2xwp9d");
    }
}
