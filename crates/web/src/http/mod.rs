//! The plumbing every request goes through, below all handlers: who is asking and in which
//! language ([`ctx`], [`session`]), what they may open ([`access`]), how answers are built
//! ([`respond`], [`cookies`]), how errors become pages ([`error`]) and the secrets tokens and
//! passwords are kept as ([`secrets`]). Handlers import from here; nothing here imports a
//! handler.

pub mod access;
pub mod cookies;
pub mod ctx;
pub mod error;
pub mod respond;
pub mod secrets;
pub mod session;

pub use access::{Access, ApproachScope, OrgScope, RouteSpec, RouteTable};
pub use cookies::{
    CSRF_COOKIE, DEVICE_COOKIE, FLASH_COOKIE, LANG_COOKIE, SESSION_COOKIE, cookie, removal,
    set_cookie,
};
pub use ctx::{Ctx, CurrentUser};
pub use error::{AppError, ErrorPage};
pub use respond::{redirect, redirect_with_flash, safe_next};
pub use secrets::{hash_password, random_token, token_hash, verify_password};
pub use session::session_layer;
