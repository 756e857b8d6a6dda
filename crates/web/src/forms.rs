//! Form input: an extractor that turns a malformed body into a page instead of plain text,
//! and the per-field errors a form shows next to its fields.

use crate::http::AppError;
use axum::extract::{FromRequest, Request};
use axum_extra::extract::Form;
use samenspel_domain::Invalid;
use serde::de::DeserializeOwned;

/// Like `axum::Form`, but a body that cannot be read becomes a 400 page in the reader's
/// language, and a field that repeats (checkboxes) can be read into a `Vec`. Form structs give every field `#[serde(default)]`, so a missing field is an empty
/// value that validation reports next to the field.
pub struct FormData<T>(pub T);

impl<S, T> FromRequest<S> for FormData<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Form::<T>::from_request(request, state).await {
            Ok(Form(value)) => Ok(FormData(value)),
            Err(rejection) => {
                tracing::info!(%rejection, "unreadable form");
                Err(AppError::BadRequest("error-bad-form"))
            }
        }
    }
}

/// Errors of one form submission: which field, and the message key to show.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<(&'static str, &'static str)>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push((field, key));
    }

    /// Keeps the value when valid; records the error under `field` otherwise.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, Invalid>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(invalid) => {
                self.add(field, invalid.key);
                None
            }
        }
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, key)| *key)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(&'static str, &'static str)] {
        &self.0
    }
}
