//! Asking first. A button that removes, revokes or ends something posts its form as usual; when
//! the form does not carry `confirm=yes`, nothing changes and the answer is a page that says
//! what will happen, with the same form again (now confirmed) and a way back.
//!
//! ```ignore
//! if !form.given() {
//!     return Ok(AskFirst { title, what, button, action, fields: vec![], back }.outcome());
//! }
//! ```

use crate::change::Outcome;
use crate::http::Ctx;
use crate::views::render;
use askama::Template;
use serde::Deserialize;

/// The one field a destructive form adds once the person confirmed it.
#[derive(Debug, Default, Deserialize)]
pub struct Confirmation {
    #[serde(default)]
    pub confirm: String,
}

impl Confirmation {
    pub fn given(&self) -> bool {
        self.confirm == "yes"
    }
}

/// The question a destructive action asks before it is done.
pub struct AskFirst {
    /// The page's heading: the question, in the reader's language.
    pub title: String,
    /// What will happen, and whether it can be undone.
    pub what: String,
    /// The button that does it.
    pub button: String,
    /// Where the form posts (the action's own address).
    pub action: String,
    /// The form's other fields, posted again as they came.
    pub fields: Vec<(&'static str, String)>,
    /// Where "cancel" leads.
    pub back: String,
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct AskFirstView<'a> {
    ctx: &'a Ctx,
    ask: AskFirst,
}

impl AskFirst {
    /// The answer that asks: a page with the question, rendered for `ctx`; nothing is kept.
    pub fn outcome(self) -> Outcome {
        Outcome::refused(move |_, _, ctx| Ok(render(&AskFirstView { ctx, ask: self })))
    }
}
