//! Opening a refused form again with what the person typed.
//!
//! When a form from this site comes back with a token that no longer matches, the CSRF layer
//! marks its answer with [`ReopenForm`]. This layer, around the whole router, then asks for the
//! form's page again as an ordinary GET (so the page is exactly what the person would see) and
//! fills the form's visible fields with the submitted values: text in inputs and text areas,
//! ticks in checkboxes and radio buttons, choices in selects. Hidden fields keep the values the
//! server just rendered and passwords are never filled in, so nothing is sent until the person
//! has seen it and presses the form's own button.

use super::ReopenForm;
use crate::http::Ctx;
use crate::i18n;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use lol_html::html_content::{ContentType, Element};
use lol_html::{RewriteStrSettings, element, rewrite_str};
use std::cell::RefCell;
use std::collections::HashMap;

/// The largest page read back to be filled in.
const PAGE_LIMIT: usize = 4 * 1024 * 1024;

/// Headers of the refused request that the GET of the form's page carries too.
const CARRIED: [&str; 4] = ["cookie", "accept-language", "user-agent", "host"];

pub async fn reopen_expired_form(request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let mut again = Request::builder().method(Method::GET);
    for name in CARRIED {
        if let Some(value) = request.headers().get(name) {
            again = again.header(name, value.clone());
        }
    }
    let extensions = request.extensions().clone();
    let refused = next.clone().run(request).await;
    let Some(reopen) = refused.extensions().get::<ReopenForm>().cloned() else {
        return refused;
    };
    let Ok(mut get) = again.uri(reopen.page.as_str()).body(Body::empty()) else {
        return refused;
    };
    // The connection's address and the like; the session layer makes the context anew.
    *get.extensions_mut() = extensions;
    get.extensions_mut().remove::<Ctx>();
    let page = next.run(get).await;
    let is_html = page
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if page.status() != StatusCode::OK || !is_html {
        return refused;
    }
    let (mut parts, body) = page.into_parts();
    let Ok(bytes) = to_bytes(body, PAGE_LIMIT).await else {
        return refused;
    };
    let html = String::from_utf8_lossy(&bytes);
    let notice = notice(reopen.lang, reopen.dropped_password);
    match fill(&html, &reopen.action, &reopen.fields, &notice) {
        Some(filled) => {
            parts.status = StatusCode::FORBIDDEN;
            parts.headers.remove(CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(filled))
        }
        None => refused,
    }
}

/// The alert put above the form.
fn notice(lang: samenspel_domain::Language, dropped_password: bool) -> String {
    let escape = |key: &str| {
        askama::filters::escape(i18n::t(lang, key), askama::filters::Html)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    let mut html = format!(
        "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"alert\">\
         <div class=\"utrecht-alert__content\"><p class=\"utrecht-heading-2\">{}</p>\
         <p class=\"utrecht-paragraph\">{}</p>",
        escape("csrf-title"),
        escape("csrf-refilled")
    );
    if dropped_password {
        html.push_str(&format!(
            "<p class=\"utrecht-paragraph\">{}</p>",
            escape("csrf-password-dropped")
        ));
    }
    html.push_str("</div></div>");
    html
}

/// What was submitted, by field name, with how many of each name were used up already.
struct Submitted<'a> {
    values: HashMap<&'a str, Vec<&'a str>>,
    used: HashMap<String, usize>,
    select: Option<String>,
    filled_form: bool,
}

impl Submitted<'_> {
    fn has(&self, name: &str, value: &str) -> bool {
        self.values
            .get(name)
            .is_some_and(|values| values.contains(&value))
    }

    /// The next submitted value of a field that may occur more than once (text inputs).
    fn next(&mut self, name: &str) -> Option<String> {
        let values = self.values.get(name)?;
        let used = self.used.entry(name.to_owned()).or_default();
        let value = values.get(*used)?.to_string();
        *used += 1;
        Some(value)
    }
}

/// The page with the form that posts to `action` filled with `fields` and `notice` above it;
/// `None` when the page has no such form.
pub fn fill(html: &str, action: &str, fields: &[(String, String)], notice: &str) -> Option<String> {
    let mut values: HashMap<&str, Vec<&str>> = HashMap::new();
    for (name, value) in fields {
        values
            .entry(name.as_str())
            .or_default()
            .push(value.as_str());
    }
    let state = RefCell::new(Submitted {
        values,
        used: HashMap::new(),
        select: None,
        filled_form: false,
    });
    let form = format!("form[action=\"{}\"]", action.replace(['"', '\\'], ""));
    let input = format!("{form} input[name]");
    let textarea = format!("{form} textarea[name]");
    let select = format!("{form} select");
    let option = format!("{form} select option");
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(form.as_str(), |el| {
            state.borrow_mut().filled_form = true;
            el.before(notice, ContentType::Html);
            Ok(())
        }))
        .append_element_content_handler(element!(input.as_str(), |el| {
            fill_input(el, &mut state.borrow_mut())
        }))
        .append_element_content_handler(element!(textarea.as_str(), |el| {
            let name = el.get_attribute("name").unwrap_or_default();
            if let Some(value) = state.borrow_mut().next(&name) {
                el.set_inner_content(&value, ContentType::Text);
            }
            Ok(())
        }))
        .append_element_content_handler(element!(select.as_str(), |el| {
            state.borrow_mut().select = el.get_attribute("name");
            Ok(())
        }))
        .append_element_content_handler(element!(option.as_str(), |el| {
            let state = state.borrow();
            let Some(name) = state.select.as_deref() else {
                return Ok(());
            };
            if !state.values.contains_key(name) {
                return Ok(());
            }
            let value = el.get_attribute("value").unwrap_or_default();
            if state.has(name, &value) {
                el.set_attribute("selected", "")?;
            } else {
                el.remove_attribute("selected");
            }
            Ok(())
        }));
    let filled = rewrite_str(html, settings).ok()?;
    state.into_inner().filled_form.then_some(filled)
}

fn fill_input(
    el: &mut Element<'_, '_>,
    state: &mut Submitted<'_>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let name = el.get_attribute("name").unwrap_or_default();
    let kind = el
        .get_attribute("type")
        .unwrap_or_else(|| "text".to_owned())
        .to_ascii_lowercase();
    match kind.as_str() {
        // What the server just rendered stays, and a password is typed again.
        "hidden" | "password" | "file" | "submit" | "button" | "reset" | "image" => {}
        // A box not ticked is not sent at all: its absence means "not ticked".
        "checkbox" | "radio" => {
            let value = el.get_attribute("value").unwrap_or_else(|| "on".to_owned());
            if state.has(&name, &value) {
                el.set_attribute("checked", "")?;
            } else {
                el.remove_attribute("checked");
            }
        }
        _ => {
            if let Some(value) = state.next(&name) {
                el.set_attribute("value", &value)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fill;

    const PAGE: &str = r#"<main><form method="post" action="/elsewhere"><input name="name" value=""></form>
<form method="post" action="/organisations/4/invitations">
<input type="hidden" name="csrf" value="fresh">
<input type="hidden" name="version" value="7">
<input name="email" value="">
<input type="password" name="password">
<textarea name="note">old</textarea>
<select name="role"><option value="member" selected>Lid</option><option value="admin">Beheerder</option></select>
<input type="checkbox" name="areas" value="1" checked><input type="checkbox" name="areas" value="2">
<button type="submit">Uitnodigen</button>
</form></main>"#;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_visible_fields_of_the_one_form_are_filled() {
        let submitted = fields(&[
            ("email", "sanne@example.nl"),
            ("note", "<b>twee</b> regels"),
            ("role", "admin"),
            ("areas", "2"),
            ("version", "1"),
            ("name", "niet hier"),
        ]);
        let page = fill(
            PAGE,
            "/organisations/4/invitations",
            &submitted,
            "<p>NOTICE</p>",
        )
        .expect("the form is on the page");
        assert!(
            page.contains(r#"<input name="email" value="sanne@example.nl">"#),
            "{page}"
        );
        assert!(
            page.contains("&lt;b&gt;twee&lt;/b&gt; regels</textarea>"),
            "{page}"
        );
        assert!(
            page.contains(r#"<option value="admin" selected="">"#),
            "{page}"
        );
        assert!(page.contains(r#"<option value="member">"#), "{page}");
        assert!(page.contains(r#"name="areas" value="1">"#), "{page}");
        assert!(
            page.contains(r#"name="areas" value="2" checked="">"#),
            "{page}"
        );
        // Hidden fields keep what the server rendered; the other form is left alone.
        assert!(page.contains(r#"name="version" value="7""#), "{page}");
        assert!(page.contains(r#"<input name="name" value="">"#), "{page}");
        assert!(page.contains(
            "<p>NOTICE</p><form method=\"post\" action=\"/organisations/4/invitations\""
        ));
    }

    #[test]
    fn a_page_without_the_form_is_not_used() {
        assert_eq!(fill(PAGE, "/other", &fields(&[("email", "x")]), "N"), None);
    }
}
