//! The form of a logbook entry, one for the four kinds: what it sends, how it is checked, and
//! what it offers to choose from (parties, people, meetings and decisions, knooppunten).

use crate::format;
use crate::forms::FormErrors;
use crate::http::AppError;
use crate::http::ApproachScope;
use crate::workspace::{Workspace, acting, parse_org};
use samenspel_domain::approaches::{optional_date, optional_line, optional_text, required_line};
use samenspel_domain::initiatives::website;
use samenspel_domain::logbook::{
    ActionStatus, EntryKind, MeetingKind, Visibility, attendee_names, local_moment,
};
use samenspel_store::logbook::{Entry, Fields};
use samenspel_store::{EntryId, OrgId, UserId};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct EntryForm {
    pub party: String,
    pub visibility: String,
    pub title: String,
    pub body: String,
    pub meeting_kind: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
    pub attendee_names: String,
    pub parties: Vec<String>,
    pub nodes: Vec<String>,
    pub review_on: String,
    pub meeting: String,
    pub decision: String,
    pub owner_party: String,
    pub owner_user: String,
    pub due_on: String,
    pub status: String,
    pub url: String,
    pub supersedes: String,
}

impl EntryForm {
    pub fn has(&self, list: &str, key: impl ToString) -> bool {
        let key = key.to_string();
        let values = match list {
            "parties" => &self.parties,
            "nodes" => &self.nodes,
            _ => return false,
        };
        values.contains(&key)
    }

    /// The form filled in with an entry, for editing it.
    pub fn of(entry: &Entry, parties: &[(OrgId, String)], nodes: &[String]) -> Self {
        let local = |at: OffsetDateTime| format::local(at);
        let start = local(entry.happened_at);
        let time_of = |at: OffsetDateTime| format!("{:02}:{:02}", at.hour(), at.minute());
        let id = |id: Option<EntryId>| id.map(|i| i.to_string()).unwrap_or_default();
        EntryForm {
            party: entry.organisation_id.to_string(),
            visibility: entry.visibility.to_string(),
            title: entry.title.clone(),
            body: entry.body.clone(),
            meeting_kind: entry
                .meeting_kind
                .map(|k| k.to_string())
                .unwrap_or_default(),
            date: start.date().to_string(),
            start_time: if entry.kind == EntryKind::Meeting {
                time_of(start)
            } else {
                String::new()
            },
            end_time: entry.ends_at.map(|e| time_of(local(e))).unwrap_or_default(),
            place: entry.place.clone(),
            online_url: entry.online_url.clone(),
            agenda: entry.agenda.clone(),
            attendee_names: entry.attendee_names.clone(),
            parties: parties.iter().map(|(o, _)| o.to_string()).collect(),
            nodes: nodes.to_vec(),
            review_on: entry.review_on.map(|d| d.to_string()).unwrap_or_default(),
            meeting: id(entry.meeting_id),
            decision: id(entry.decision_id),
            owner_party: entry
                .owner_org_id
                .map(|o| o.to_string())
                .unwrap_or_default(),
            owner_user: entry
                .owner_user_id
                .map(|u| u.to_string())
                .unwrap_or_default(),
            due_on: entry.due_on.map(|d| d.to_string()).unwrap_or_default(),
            status: entry
                .action_status
                .map(|s| s.to_string())
                .unwrap_or_default(),
            url: entry.url.clone(),
            supersedes: String::new(),
        }
    }
}

/// What the form offers to choose from.
pub(crate) struct Choices {
    /// Today's parties (the municipality among them).
    pub parties: Vec<(OrgId, String)>,
    /// People who can own an action: (person, name, organisation, organisation's name).
    pub people: Vec<(UserId, String, OrgId, String)>,
    pub meetings: Vec<(EntryId, String, OffsetDateTime)>,
    pub decisions: Vec<(EntryId, String, OffsetDateTime)>,
}

/// A local date and time in the Netherlands as the moment it is.
pub(crate) fn dutch_moment(local: time::PrimitiveDateTime) -> OffsetDateTime {
    // Try winter time first; if that moment falls in summer time, the clock read an hour more.
    let winter = local.assume_offset(time::macros::offset!(+1));
    let offset = format::dutch_offset(winter);
    local.assume_offset(offset).to_offset(time::UtcOffset::UTC)
}

/// Checks a submitted form of `kind`: the party it is recorded for and the fields, or what is
/// wrong with them. A party that is not the visitor's is refused outright.
/// `existing` is the entry being edited (its moment stays for actions and links).
pub(crate) fn parse(
    kind: EntryKind,
    form: &EntryForm,
    scope: &ApproachScope,
    ws: &Workspace,
    choices: &Choices,
    existing: Option<&Entry>,
    now: OffsetDateTime,
) -> Result<Result<(OrgId, Fields), FormErrors>, AppError> {
    let party = acting(scope, &form.party)?;
    let mut errors = FormErrors::default();
    let visibility = errors.check("visibility", Visibility::parse(&form.visibility));
    let (missing, long, body_long) = match kind {
        EntryKind::Meeting => (
            "error-meeting-title-required",
            "error-title-long",
            "error-minutes-long",
        ),
        EntryKind::Decision => (
            "error-decision-title-required",
            "error-title-long",
            "error-decision-body-long",
        ),
        EntryKind::Action => (
            "error-action-title-required",
            "error-title-long",
            "error-action-body-long",
        ),
        EntryKind::Link => (
            "error-link-title-required",
            "error-title-long",
            "error-link-body-long",
        ),
        EntryKind::Document => (
            "error-document-title-required",
            "error-title-long",
            "error-document-body-long",
        ),
    };
    let title = errors.check("title", required_line(&form.title, 200, missing, long));
    let body = errors.check("body", optional_text(&form.body, 20_000, body_long));
    let known_party = |input: &String| {
        parse_org(input).filter(|org| choices.parties.iter().any(|(o, _)| o == org))
    };
    let mut parties = Vec::new();
    for input in &form.parties {
        match known_party(input) {
            Some(org) => parties.push(org),
            None => {
                errors.add("parties", "error-entry-party-unknown");
                break;
            }
        }
    }
    let nodes = errors.check("nodes", known_nodes(ws, &form.nodes));
    let recorded = Recorded {
        party,
        own: visibility == Some(Visibility::Own),
    };
    let apply = kind_fields(kind, form, choices, existing, now, recorded, &mut errors);
    let (Some(visibility), Some(title), Some(body), Some(apply)) = (visibility, title, body, apply)
    else {
        return Ok(Err(errors));
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut fields = Fields::new(visibility, &title, now);
    fields.body = body;
    fields.parties = parties;
    fields.nodes = nodes.unwrap_or_default();
    apply(&mut fields);
    Ok(Ok((party, fields)))
}

/// What a kind's checked fields set on the entry.
type Apply = Box<dyn FnOnce(&mut Fields)>;

/// The knooppunten chosen, each one of the method's.
pub(crate) fn known_nodes(
    ws: &Workspace,
    keys: &[String],
) -> Result<Vec<String>, samenspel_domain::Invalid> {
    if keys.iter().all(|key| ws.pack.node(key).is_some()) {
        Ok(keys.to_vec())
    } else {
        Err(samenspel_domain::Invalid::new("error-entry-node-unknown"))
    }
}

/// An entry to link to, chosen from `list` (the meetings or decisions the reader sees); empty
/// means none.
pub(crate) fn linked(
    input: &str,
    list: &[(EntryId, String, OffsetDateTime)],
) -> Result<Option<EntryId>, samenspel_domain::Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .parse::<i64>()
        .ok()
        .map(EntryId)
        .filter(|id| list.iter().any(|(i, _, _)| i == id))
        .map(Some)
        .ok_or(samenspel_domain::Invalid::new("error-entry-link-unknown"))
}

/// Who records the entry, and whether only their own organisation will see it.
#[derive(Clone, Copy)]
struct Recorded {
    party: OrgId,
    own: bool,
}

/// Checks the fields of one kind; on success, what they set.
fn kind_fields(
    kind: EntryKind,
    form: &EntryForm,
    choices: &Choices,
    existing: Option<&Entry>,
    now: OffsetDateTime,
    recorded: Recorded,
    errors: &mut FormErrors,
) -> Option<Apply> {
    match kind {
        EntryKind::Meeting => {
            let meeting_kind = errors.check("meeting_kind", MeetingKind::parse(&form.meeting_kind));
            let start = errors.check("date", local_moment(&form.date, ""));
            let start = if form.start_time.trim().is_empty() {
                errors.add("start_time", "error-start-time-required");
                None
            } else {
                start.and_then(|_| {
                    errors.check("start_time", local_moment(&form.date, &form.start_time))
                })
            };
            let end = if form.end_time.trim().is_empty() {
                Some(None)
            } else {
                errors
                    .check("end_time", local_moment(&form.date, &form.end_time))
                    .map(Some)
            };
            if let (Some(start), Some(Some(end))) = (start, end)
                && end <= start
            {
                errors.add("end_time", "error-meeting-end-before-start");
            }
            let place = errors.check("place", optional_line(&form.place, 200, "error-place-long"));
            let online = errors.check("online_url", website(&form.online_url));
            let agenda = errors.check(
                "agenda",
                optional_text(&form.agenda, 5000, "error-agenda-long"),
            );
            let names = errors.check("attendee_names", attendee_names(&form.attendee_names));
            let (
                Some(meeting_kind),
                Some(start),
                Some(end),
                Some(place),
                Some(online),
                Some(agenda),
                Some(names),
            ) = (meeting_kind, start, end, place, online, agenda, names)
            else {
                return None;
            };
            Some(Box::new(move |f: &mut Fields| {
                f.meeting_kind = Some(meeting_kind);
                f.happened_at = dutch_moment(start);
                f.ends_at = end.map(dutch_moment);
                f.place = place;
                f.online_url = online;
                f.agenda = agenda;
                f.attendee_names = names;
            }))
        }
        EntryKind::Decision => {
            let day = errors.check("date", local_moment(&form.date, ""));
            let review = errors.check("review_on", optional_date(&form.review_on));
            if let (Some(day), Some(Some(review))) = (day, review)
                && review < day.date()
            {
                errors.add("review_on", "error-review-before-decision");
            }
            if form.parties.is_empty() {
                errors.add("parties", "error-decision-parties-required");
            }
            let meeting = errors.check("meeting", linked(&form.meeting, &choices.meetings));
            let (Some(day), Some(review), Some(meeting)) = (day, review, meeting) else {
                return None;
            };
            Some(Box::new(move |f: &mut Fields| {
                f.happened_at = dutch_moment(day);
                f.review_on = review;
                f.meeting = meeting;
            }))
        }
        EntryKind::Action => {
            let due = errors.check("due_on", optional_date(&form.due_on));
            let owner_party = match form.owner_party.trim() {
                "" => Some(None),
                input => {
                    let org = parse_org(input)
                        .filter(|org| choices.parties.iter().any(|(o, _)| o == org));
                    if org.is_none() {
                        errors.add("owner_party", "error-entry-party-unknown");
                    }
                    org.map(Some)
                }
            };
            let owner_user = match form.owner_user.trim() {
                "" => Some(None),
                input => {
                    let user = input
                        .parse::<i64>()
                        .ok()
                        .map(UserId)
                        .filter(|u| choices.people.iter().any(|(p, _, _, _)| p == u));
                    if user.is_none() {
                        errors.add("owner_user", "error-action-owner-unknown");
                    }
                    user.map(Some)
                }
            };
            if owner_party == Some(None) && owner_user == Some(None) {
                errors.add("owner_party", "error-action-owner-required");
            }
            let member_of = |user: UserId, org: OrgId| {
                choices
                    .people
                    .iter()
                    .any(|(p, _, o, _)| *p == user && *o == org)
            };
            if let (Some(Some(party)), Some(Some(user))) = (owner_party, owner_user)
                && !member_of(user, party)
            {
                errors.add("owner_user", "error-action-owner-not-in-party");
            }
            // An action only its own organisation sees is owned within that organisation.
            if recorded.own {
                if let Some(Some(party)) = owner_party
                    && party != recorded.party
                {
                    errors.add("owner_party", "error-action-owner-cannot-see");
                }
                if let Some(Some(user)) = owner_user
                    && !member_of(user, recorded.party)
                {
                    errors.add("owner_user", "error-action-owner-cannot-see");
                }
            }
            let status = if form.status.trim().is_empty() && existing.is_none() {
                Some(ActionStatus::Open)
            } else {
                errors.check("status", ActionStatus::parse(&form.status))
            };
            let meeting = errors.check("meeting", linked(&form.meeting, &choices.meetings));
            // When the meeting the action came from was held (its first moment, local time).
            let meeting_at = meeting.flatten().and_then(|id| {
                choices
                    .meetings
                    .iter()
                    .find(|(m, _, _)| *m == id)
                    .map(|(_, _, at)| *at)
            });
            if let (Some(Some(due)), Some(at)) = (due, meeting_at)
                && due < crate::format::local(at).date()
            {
                errors.add("due_on", "error-due-before-meeting");
            }
            let decision = errors.check("decision", linked(&form.decision, &choices.decisions));
            let (
                Some(due),
                Some(owner_party),
                Some(owner_user),
                Some(status),
                Some(meeting),
                Some(decision),
            ) = (due, owner_party, owner_user, status, meeting, decision)
            else {
                return None;
            };
            // A new action from a meeting was agreed there: it takes the meeting's moment.
            let at = existing
                .map(|e| e.happened_at)
                .or(meeting_at)
                .unwrap_or(now);
            Some(Box::new(move |f: &mut Fields| {
                f.happened_at = at;
                f.due_on = due;
                f.owner_org = owner_party;
                f.owner_user = owner_user;
                f.action_status = Some(status);
                f.meeting = meeting;
                f.decision = decision;
            }))
        }
        EntryKind::Document => {
            // Only its title, note, knooppunten and visibility change; the file stays.
            let at = existing.map(|e| e.happened_at).unwrap_or(now);
            Some(Box::new(move |f: &mut Fields| {
                f.happened_at = at;
            }))
        }
        EntryKind::Link => {
            let url = if form.url.trim().is_empty() {
                errors.add("url", "error-url-required");
                None
            } else {
                errors.check("url", website(&form.url))
            };
            let url = url?;
            let at = existing.map(|e| e.happened_at).unwrap_or(now);
            Some(Box::new(move |f: &mut Fields| {
                f.happened_at = at;
                f.url = url;
            }))
        }
    }
}

/// The first and last moment of a period filter: from the start of `from` to the end of
/// `until`, in Dutch time.
pub(crate) fn period(
    from: Option<time::Date>,
    until: Option<time::Date>,
) -> (Option<OffsetDateTime>, Option<OffsetDateTime>) {
    let start = |d: time::Date| dutch_moment(d.midnight());
    (from.map(start), until.map(|d| start(d) + Duration::days(1)))
}
