//! Documents in the logbook: uploading one (a multipart form whose first field is the CSRF
//! token, see ADR 0019), linked like other entries to the meeting it belongs to and the
//! knooppunten it concerns, and downloading it, always as an attachment.

use super::audience::{Announcement, announce, visible_entry};
use super::entry::load_choices;
use super::form::{Choices, known_nodes, linked};
use crate::audit::Action;
use crate::change::{Done, Outcome, change};
use crate::forms::FormErrors;
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::http::{Ctx, random_token};
use crate::state::AppState;
use crate::views::render_or_refuse;
use crate::workspace::{Workspace, acting};
use askama::Template;
use axum::extract::multipart::Field;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_domain::approaches::{optional_text, required_line};
use samenspel_domain::logbook::{
    EntryKind, MAX_DOCUMENT_BYTES, Visibility, document, document_extensions,
};
use samenspel_domain::method::Phase;
use samenspel_domain::permissions::ApproachPermission;
use samenspel_store::logbook::{self, Fields, StoredFile};
use samenspel_store::notifications;
use samenspel_store::sql::Sql;
use samenspel_store::{EntryId, OrgId};

/// What the upload form sends, besides the file (which a browser cannot send back after a
/// refusal: it has to be chosen again).
#[derive(Debug, Clone)]
pub struct DocumentForm {
    pub party: String,
    pub title: String,
    pub body: String,
    pub visibility: String,
    /// The meeting it belongs to (an entry id), or empty.
    pub meeting: String,
    /// The knooppunten it concerns.
    pub nodes: Vec<String>,
}

impl DocumentForm {
    /// Whether `key` is among the values of the repeated field `name` (for checkboxes).
    pub fn has(&self, name: &str, key: &str) -> bool {
        name == "nodes" && self.nodes.iter().any(|n| n == key)
    }
}

impl Default for DocumentForm {
    fn default() -> Self {
        DocumentForm {
            party: String::new(),
            title: String::new(),
            body: String::new(),
            visibility: Visibility::Parties.as_str().to_owned(),
            meeting: String::new(),
            nodes: Vec::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "logbook/document.html")]
struct DocumentView<'a> {
    ctx: &'a Ctx,
    ws: &'a Workspace,
    form: DocumentForm,
    errors: FormErrors,
    own: Vec<(OrgId, String)>,
    choices: Choices,
    phases: Vec<(&'a Phase, Vec<(String, String)>)>,
    visibilities: &'static [Visibility],
    extensions: String,
    max_mb: usize,
    can_manage: bool,
}

pub(super) fn render_form(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    ws: &Workspace,
    form: DocumentForm,
    errors: Option<FormErrors>,
) -> Result<Response, AppError> {
    let failed = errors.is_some();
    let view = DocumentView {
        ctx,
        ws,
        form,
        errors: errors.unwrap_or_default(),
        own: scope
            .own_parties()
            .into_iter()
            .map(|org| (org, ws.party_name(org)))
            .collect(),
        choices: load_choices(c, ctx, scope, ws)?,
        phases: ws.nodes_by_phase(ctx.lang),
        visibilities: Visibility::ALL,
        extensions: document_extensions(),
        max_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
        can_manage: scope.standing.allows(ApproachPermission::Manage),
    };
    Ok(render_or_refuse(&view, failed))
}

/// How large an upload's body may be on the way in. A file over [`MAX_DOCUMENT_BYTES`] (up to
/// 30 MB over) is still read to its end and thrown away, so the fields after it arrive and the
/// form comes back with them and a message instead of the connection being cut off; a larger
/// body is refused before it is read.
pub const UPLOAD_BODY_LIMIT: usize = MAX_DOCUMENT_BYTES + 30 * 1024 * 1024;

/// How much of the upload form's explanation is kept; far above what the form accepts, so a
/// text that is too long comes back to be shortened.
const TEXT_FIELD_LIMIT: usize = 256 * 1024;
/// How much of any other field is kept (a title, a key, an id).
const SHORT_FIELD_LIMIT: usize = 4 * 1024;
/// At most this many knooppunten are read from one form (more than any method has).
const MAX_NODES: usize = 200;

/// A field's content, at most `max` bytes of it: a longer field is read to its end and
/// `Err(kept)` gives the first `max` bytes.
async fn read_at_most(
    field: &mut Field<'_>,
    max: usize,
) -> Result<Result<bytes::Bytes, bytes::Bytes>, &'static str> {
    let mut kept = bytes::BytesMut::new();
    let mut over = false;
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                let room = max.saturating_sub(kept.len());
                if chunk.len() > room {
                    over = true;
                }
                kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err("error-file-too-large");
            }
            Err(_) => return Err("error-file-unreadable"),
        }
    }
    let kept = kept.freeze();
    Ok(if over { Err(kept) } else { Ok(kept) })
}

/// The form's fields and the file: (name, bytes), or the key of what went wrong reading it.
/// Every field is read, also after a file that is too large, so the form keeps its input.
async fn read(
    mut multipart: Multipart,
) -> (DocumentForm, Result<(String, bytes::Bytes), &'static str>) {
    let mut form = DocumentForm::default();
    let mut file = Err("error-file-required");
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return (form, Err("error-file-too-large"));
            }
            Err(_) => return (form, Err("error-file-unreadable")),
        };
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("").to_owned();
            file = match read_at_most(&mut field, MAX_DOCUMENT_BYTES).await {
                Ok(Ok(bytes)) => Ok((file_name, bytes)),
                Ok(Err(_)) => Err("error-file-too-large"),
                Err(key) => return (form, Err(key)),
            };
            continue;
        }
        let limit = if name == "body" {
            TEXT_FIELD_LIMIT
        } else {
            SHORT_FIELD_LIMIT
        };
        let text = match read_at_most(&mut field, limit).await {
            Ok(Ok(bytes) | Err(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(key) => return (form, Err(key)),
        };
        match name.as_str() {
            "party" => form.party = text,
            "title" => form.title = text,
            "body" => form.body = text,
            "visibility" => form.visibility = text,
            "meeting" => form.meeting = text,
            "nodes" if form.nodes.len() < MAX_NODES && !form.nodes.contains(&text) => {
                form.nodes.push(text);
            }
            _ => {}
        }
    }
    (form, file)
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    multipart: Multipart,
) -> Result<Response, AppError> {
    // Only a person records; known before the file is read.
    ctx.require_user()?;
    let (form, file) = read(multipart).await;
    let party = acting(&scope, &form.party)?;
    // The meeting and knooppunten offered are the reader's: checked on one read, with the form
    // drawn again on the same read when something is wrong. Nothing is stored before.
    let checked = {
        let (state, ctx, scope) = (state.clone(), ctx.clone(), scope.clone());
        let db = state.db.clone();
        db.read(move |c| {
            let ws = Workspace::load_in(c, &state, &scope)?;
            let meetings = load_choices(c, &ctx, &scope, &ws)?.meetings;
            match check(&ws, &meetings, &form, file) {
                Ok(checked) => Ok(Ok(checked)),
                Err(errors) => render_form(c, &ctx, &scope, &ws, form, Some(errors)).map(Err),
            }
        })
        .await?
    };
    let Checked {
        visibility,
        title,
        body,
        meeting,
        nodes,
        file: (name, kind, bytes),
    } = match checked {
        Ok(checked) => checked,
        Err(page) => return Ok(page),
    };
    // The file goes to the store first (it is not the database's, and may take a while): a
    // failure there leaves no entry without its file.
    let key = format!("documents/{}/{}", scope.id, random_token(18));
    let size = bytes.len() as i64;
    state.files.put(&key, bytes).await?;
    let stored = StoredFile {
        key: key.clone(),
        name,
        size,
        content_type: kind.to_owned(),
    };
    let now = samenspel_store::now();
    let mut fields = Fields::new(visibility, &title, now);
    fields.body = body;
    fields.meeting = meeting;
    fields.nodes = nodes;
    fields.file = Some(stored);
    let files = state.files.clone();
    let done = change(state, ctx, move |c, _, ctx| {
        upload_in(c, ctx, &scope, party, fields, size, now)
    })
    .await;
    if done.is_err() {
        // No entry points to the file: take it away again (a failure here only leaves it).
        files.delete(&key).await;
    }
    done
}

/// An upload's fields once checked, with the file: (name, content type, bytes).
struct Checked {
    visibility: Visibility,
    title: String,
    body: String,
    meeting: Option<EntryId>,
    nodes: Vec<String>,
    file: (String, &'static str, bytes::Bytes),
}

/// The upload's fields checked: `meetings` are those the reader may link it to.
fn check(
    ws: &Workspace,
    meetings: &[(EntryId, String, time::OffsetDateTime)],
    form: &DocumentForm,
    file: Result<(String, bytes::Bytes), &'static str>,
) -> Result<Checked, FormErrors> {
    let mut errors = FormErrors::default();
    let visibility = errors.check("visibility", Visibility::parse(&form.visibility));
    let title = errors.check(
        "title",
        required_line(
            &form.title,
            200,
            "error-document-title-required",
            "error-title-long",
        ),
    );
    let body = errors.check(
        "body",
        optional_text(&form.body, 20_000, "error-document-body-long"),
    );
    let file = match file {
        Ok((name, bytes)) => errors
            .check("file", document(&name, bytes.len()))
            .map(|(name, kind)| (name, kind, bytes)),
        Err(key) => {
            errors.add("file", key);
            None
        }
    };
    let meeting = errors.check("meeting", linked(&form.meeting, meetings));
    let nodes = errors.check("nodes", known_nodes(ws, &form.nodes));
    match (visibility, title, body, meeting, nodes, file) {
        (Some(visibility), Some(title), Some(body), Some(meeting), Some(nodes), Some(file))
            if errors.is_empty() =>
        {
            Ok(Checked {
                visibility,
                title,
                body,
                meeting,
                nodes,
                file,
            })
        }
        _ => Err(errors),
    }
}

/// Records the document whose file is already stored, and tells who may see it.
fn upload_in(
    c: &mut Sql<'_>,
    ctx: &Ctx,
    scope: &ApproachScope,
    party: OrgId,
    fields: Fields,
    size: i64,
    now: time::OffsetDateTime,
) -> Result<Outcome, AppError> {
    let user = ctx.require_user()?.id;
    let id = logbook::create(c, scope.id, EntryKind::Document, party, &fields, user, now)?;
    let event = announce(
        c,
        ctx,
        scope,
        Announcement {
            entry: id,
            event: notifications::ADDED,
            action: Action::LogEntryAdded(id),
            party: Some(party),
            details: serde_json::json!({
                "approach": scope.id,
                "kind": EntryKind::Document.as_str(),
                "visibility": fields.visibility.as_str(),
                "size": size,
            }),
        },
        now,
    )?;
    Ok(Done::redirect(
        format!("/approaches/{}/logbook/{id}", scope.id),
        "flash-entry-added",
    )
    .audit(event)
    .into())
}

/// The file of a document the visitor may see, as a download.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    scope: ApproachScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    let entry = db.read(move |c| visible_entry(c, &ctx, &scope, id)).await?;
    let key = entry.file_key.as_deref().ok_or(AppError::NotFound)?;
    let bytes = state.files.get(key).await?;
    // The name as an RFC 6266 filename*, so that any character survives.
    let encoded: String = entry
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"document\"; filename*=UTF-8''{encoded}");
    Ok((
        [
            (header::CONTENT_TYPE, entry.file_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
