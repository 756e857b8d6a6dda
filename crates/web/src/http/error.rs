//! One error type for the web edge. A handler returns `Result<_, AppError>`; the error becomes
//! a page in the reader's language (rendered by the session layer, which knows the language)
//! with an error id that also appears in the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samenspel_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Logged in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// The request itself is wrong in a way no form can show (a broken link, a malformed body).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The request conflicts with the current state; the key names the sentence to show.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// Put on an error response so that the session layer renders the page around it.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub message_key: &'static str,
    pub error_id: Option<String>,
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Refused(key) => AppError::Conflict(key),
            StoreError::Conflict(_) => AppError::Conflict("error-conflict"),
            other => AppError::Unexpected(anyhow::Error::new(other)),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, message_key, error_id) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "error-not-found", None),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden", None),
            AppError::BadRequest(key) => (StatusCode::BAD_REQUEST, *key, None),
            AppError::Conflict(key) => (StatusCode::CONFLICT, *key, None),
            AppError::Unexpected(cause) => {
                let id = super::secrets::random_token(6);
                tracing::error!(error_id = %id, error = ?cause, "unexpected error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error-unexpected",
                    Some(id),
                )
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage {
            status,
            message_key,
            error_id,
        });
        response
    }
}
