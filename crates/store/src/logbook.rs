//! The logbook of an approach: meetings, decisions, actions and links, the parties and
//! knooppunten each concerns, the timeline with its filters and keyset paging, and the search
//! by the starts of words over the approach's own entries (ADR 0009), the same SQL on both.
//!
//! Every read that lists entries takes an [`Audience`] and applies the visibility rule of
//! [`samenspel_domain::logbook::Visibility::shows`] in SQL, so that no list, search or feed can
//! show an entry its reader may not see.

use crate::sql::Sql;
use crate::{ApproachId, EntryId, OrgId, Result, StoreError, UserId, params};
use samenspel_domain::logbook::{
    ActionStatus, EntryKind, MeetingKind, Visibility, search_document,
};
use time::{Date, OffsetDateTime};

/// Who reads: the person (none when anonymous) and whether they may open the approach.
#[derive(Debug, Clone, Copy)]
pub struct Audience {
    pub user: Option<UserId>,
    pub party: bool,
}

impl Audience {
    /// A reader of the public page: public entries only.
    pub const PUBLIC: Audience = Audience {
        user: None,
        party: false,
    };
}

/// The visibility rule in SQL, for an entry `e`, with the party flag at `$p` and the user at
/// `$u`.
fn visible(p: usize, u: usize) -> String {
    visible_to(&format!("${p}"), &format!("${u}"))
}

/// The visibility rule in SQL for an entry `e`: `party` is an SQL expression that is true when
/// the reader may open the approach, `user` one that gives the reader's id.
pub(crate) fn visible_to(party: &str, user: &str) -> String {
    format!(
        "(e.visibility = 'public' OR ({party} AND e.visibility = 'parties') \
         OR ({party} AND e.visibility = 'own' AND EXISTS (SELECT 1 FROM memberships vm \
             WHERE vm.organisation_id = e.organisation_id AND vm.user_id = {user} AND vm.until IS NULL)))"
    )
}

/// The fields of an entry, as recorded or edited. Fields of another kind stay empty.
#[derive(Debug, Clone)]
pub struct Fields {
    pub visibility: Visibility,
    pub title: String,
    pub body: String,
    pub happened_at: OffsetDateTime,
    pub meeting_kind: Option<MeetingKind>,
    pub ends_at: Option<OffsetDateTime>,
    pub place: String,
    pub online_url: String,
    pub agenda: String,
    pub attendee_names: Vec<String>,
    pub review_on: Option<Date>,
    pub owner_org: Option<OrgId>,
    pub owner_user: Option<UserId>,
    pub due_on: Option<Date>,
    pub action_status: Option<ActionStatus>,
    pub url: String,
    pub meeting: Option<EntryId>,
    pub decision: Option<EntryId>,
    /// The earlier decision a new decision supersedes (only when recording).
    pub supersedes: Option<EntryId>,
    /// An uploaded document (only when recording it).
    pub file: Option<StoredFile>,
    /// Attending parties (meeting) or the parties that took the decision.
    pub parties: Vec<OrgId>,
    pub nodes: Vec<String>,
}

impl Fields {
    /// An entry with only a title, a visibility and a moment; the rest empty.
    pub fn new(visibility: Visibility, title: &str, happened_at: OffsetDateTime) -> Self {
        Fields {
            visibility,
            title: title.to_owned(),
            body: String::new(),
            happened_at,
            meeting_kind: None,
            ends_at: None,
            place: String::new(),
            online_url: String::new(),
            agenda: String::new(),
            attendee_names: Vec::new(),
            review_on: None,
            owner_org: None,
            owner_user: None,
            due_on: None,
            action_status: None,
            url: String::new(),
            meeting: None,
            decision: None,
            supersedes: None,
            file: None,
            parties: Vec::new(),
            nodes: Vec::new(),
        }
    }
}

/// An uploaded file as the logbook knows it: where it is kept and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub key: String,
    pub name: String,
    pub size: i64,
    pub content_type: String,
}

/// Records an entry. A decision may supersede (`fields.supersedes`) an earlier decision of the same approach that
/// nothing superseded yet.
pub fn create(
    c: &mut Sql<'_>,
    approach: ApproachId,
    kind: EntryKind,
    organisation: OrgId,
    fields: &Fields,
    user: UserId,
    now: OffsetDateTime,
) -> Result<EntryId> {
    let supersedes = fields.supersedes;
    if let Some(earlier) = supersedes {
        let sql = "SELECT COUNT(*) FROM log_entries e WHERE e.id = $1 AND e.approach_id = $2 \
                   AND e.kind = 'decision' \
                   AND NOT EXISTS (SELECT 1 FROM log_entries l WHERE l.supersedes_id = e.id)";
        let open: i64 = c.scalar(sql, params![earlier, approach])?;
        if kind != EntryKind::Decision || open == 0 {
            return Err(StoreError::Refused("error-decision-superseded"));
        }
    }
    let sql = "INSERT INTO log_entries (approach_id, kind, organisation_id, visibility, title, body, \
               happened_at, meeting_kind, ends_at, place, online_url, agenda, attendee_names, review_on, \
               supersedes_id, owner_org_id, owner_user_id, due_on, action_status, url, meeting_id, \
               decision_id, created_by, created_at, updated_by, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
               $19, $20, $21, $22, $23, $24, $23, $24) RETURNING id";
    let names = fields.attendee_names.join("\n");
    let result: Result<EntryId> = c.scalar(
        sql,
        params![
            approach,
            kind.as_str(),
            organisation,
            fields.visibility.as_str(),
            &fields.title,
            &fields.body,
            fields.happened_at,
            fields.meeting_kind.map(MeetingKind::as_str),
            fields.ends_at,
            &fields.place,
            &fields.online_url,
            &fields.agenda,
            &names,
            fields.review_on,
            supersedes,
            fields.owner_org,
            fields.owner_user,
            fields.due_on,
            fields.action_status.map(ActionStatus::as_str),
            &fields.url,
            fields.meeting,
            fields.decision,
            user,
            now
        ],
    );
    let id = match result {
        Err(StoreError::Conflict(_)) => {
            return Err(StoreError::Refused("error-decision-superseded"));
        }
        other => other?,
    };
    if let Some(file) = &fields.file {
        let sql = "UPDATE log_entries SET file_key = $2, file_name = $3, file_size = $4, file_type = $5 \
                   WHERE id = $1";
        c.execute(
            sql,
            params![id, &file.key, &file.name, file.size, &file.content_type],
        )?;
    }
    write_links(c, id, fields)?;
    refresh_search(c, id)?;
    Ok(id)
}

/// Changes a meeting, action or link. A decision is never changed: a later one supersedes it.
pub fn update(
    c: &mut Sql<'_>,
    approach: ApproachId,
    id: EntryId,
    fields: &Fields,
    user: UserId,
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "UPDATE log_entries SET visibility = $3, title = $4, body = $5, happened_at = $6, \
               meeting_kind = $7, ends_at = $8, place = $9, online_url = $10, agenda = $11, \
               attendee_names = $12, owner_org_id = $13, owner_user_id = $14, due_on = $15, \
               action_status = $16, url = $17, meeting_id = $18, decision_id = $19, updated_by = $20, \
               updated_at = $21 WHERE id = $1 AND approach_id = $2 AND kind <> 'decision'";
    let names = fields.attendee_names.join("\n");
    let changed = c.execute(
        sql,
        params![
            id,
            approach,
            fields.visibility.as_str(),
            &fields.title,
            &fields.body,
            fields.happened_at,
            fields.meeting_kind.map(MeetingKind::as_str),
            fields.ends_at,
            &fields.place,
            &fields.online_url,
            &fields.agenda,
            &names,
            fields.owner_org,
            fields.owner_user,
            fields.due_on,
            fields.action_status.map(ActionStatus::as_str),
            &fields.url,
            fields.meeting,
            fields.decision,
            user,
            now
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    for table in ["log_entry_parties", "log_entry_nodes"] {
        let sql = format!("DELETE FROM {table} WHERE entry_id = $1");
        c.execute(&sql, params![id])?;
    }
    write_links(c, id, fields)?;
    refresh_search(c, id)
}

/// Sets an action's status. Returns the status it had.
pub fn set_action_status(
    c: &mut Sql<'_>,
    approach: ApproachId,
    id: EntryId,
    status: ActionStatus,
    user: UserId,
    now: OffsetDateTime,
) -> Result<String> {
    let sql = "SELECT action_status FROM log_entries WHERE id = $1 AND approach_id = $2 AND kind = 'action'";
    let from: Option<Option<String>> = c.optional_scalar(sql, params![id, approach])?;
    let from = from.ok_or(StoreError::NotFound)?.unwrap_or_default();
    let sql = "UPDATE log_entries SET action_status = $3, updated_by = $4, updated_at = $5 \
               WHERE id = $1 AND approach_id = $2 AND kind = 'action'";
    c.execute(sql, params![id, approach, status.as_str(), user, now])?;
    Ok(from)
}

fn write_links(c: &mut Sql<'_>, id: EntryId, fields: &Fields) -> Result<()> {
    let sql = "INSERT INTO log_entry_parties (entry_id, organisation_id) VALUES ($1, $2) \
               ON CONFLICT DO NOTHING";
    for org in &fields.parties {
        c.execute(sql, params![id, *org])?;
    }
    let sql =
        "INSERT INTO log_entry_nodes (entry_id, node_key) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    for node in &fields.nodes {
        c.execute(sql, params![id, node])?;
    }
    Ok(())
}

crate::row! {
    /// What an entry is found by: its texts, its file's name and who owns it (an action).
    struct SearchSource {
        id: EntryId,
        title: String,
        body: String,
        agenda: String,
        place: String,
        attendee_names: String,
        url: String,
        file_name: String,
        owner_party: Option<String>,
        owner_person: Option<String>,
    }
}

impl SearchSource {
    fn document(&self) -> String {
        search_document([
            self.title.as_str(),
            &self.body,
            &self.agenda,
            &self.place,
            &self.attendee_names,
            &self.url,
            &self.file_name,
            self.owner_party.as_deref().unwrap_or(""),
            self.owner_person.as_deref().unwrap_or(""),
        ])
    }
}

const SEARCH_SOURCE: &str = "SELECT e.id, e.title, e.body, e.agenda, e.place, e.attendee_names, \
    e.url, e.file_name, oo.name AS owner_party, ou.name AS owner_person FROM log_entries e \
    LEFT JOIN organisations oo ON oo.id = e.owner_org_id LEFT JOIN users ou ON ou.id = e.owner_user_id";

/// Keeps the words an entry is found by (see [`search_document`]) beside it, from the entry as
/// it is stored now.
fn refresh_search(c: &mut Sql<'_>, id: EntryId) -> Result<()> {
    let source: SearchSource = c.one(&format!("{SEARCH_SOURCE} WHERE e.id = $1"), params![id])?;
    write_search(c, &source)
}

fn write_search(c: &mut Sql<'_>, source: &SearchSource) -> Result<()> {
    let sql = "INSERT INTO log_search (entry_id, document) VALUES ($1, $2) \
               ON CONFLICT (entry_id) DO UPDATE SET document = excluded.document";
    c.execute(sql, params![source.id, source.document()])?;
    Ok(())
}

/// Whose name an entry's search words hold.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Person(UserId),
    Party(OrgId),
}

/// Writes again the search words of the entries `owner` owns (after a rename).
pub fn refresh_owned(c: &mut Sql<'_>, owner: Owner) -> Result<()> {
    let (column, id) = match owner {
        Owner::Person(user) => ("e.owner_user_id", user.0),
        Owner::Party(org) => ("e.owner_org_id", org.0),
    };
    let sql = format!("{SEARCH_SOURCE} WHERE {column} = $1");
    let sources: Vec<SearchSource> = c.all(&sql, params![id])?;
    for source in &sources {
        write_search(c, source)?;
    }
    Ok(())
}

/// Writes the search words of every entry again, a thousand at a time: the data step
/// "search-owner-words" (`migrate::DATA_STEPS`), which added owners' names to them.
pub(crate) fn rewrite_search(c: &mut Sql<'_>) -> Result<()> {
    let mut after = EntryId(0);
    loop {
        let sql = format!("{SEARCH_SOURCE} WHERE e.id > $1 ORDER BY e.id LIMIT 1000");
        let sources: Vec<SearchSource> = c.all(&sql, params![after])?;
        let Some(last) = sources.last() else {
            return Ok(());
        };
        after = last.id;
        for source in &sources {
            write_search(c, source)?;
        }
    }
}

crate::row! {
    /// One entry, whole.
    #[derive(Debug, Clone)]
    pub struct Entry {
        pub id: EntryId,
        pub approach_id: ApproachId,
        pub kind: samenspel_domain::logbook::EntryKind,
        pub organisation_id: OrgId,
        pub organisation_name: String,
        pub visibility: samenspel_domain::logbook::Visibility,
        pub title: String,
        pub body: String,
        pub happened_at: OffsetDateTime,
        pub meeting_kind: Option<samenspel_domain::logbook::MeetingKind>,
        pub ends_at: Option<OffsetDateTime>,
        pub place: String,
        pub online_url: String,
        pub agenda: String,
        pub attendee_names: String,
        pub review_on: Option<Date>,
        pub supersedes_id: Option<EntryId>,
        pub superseded_by: Option<EntryId>,
        pub owner_org_id: Option<OrgId>,
        pub owner_org_name: Option<String>,
        pub owner_user_id: Option<UserId>,
        pub owner_user_name: Option<String>,
        pub due_on: Option<Date>,
        pub action_status: Option<samenspel_domain::logbook::ActionStatus>,
        pub url: String,
        pub meeting_id: Option<EntryId>,
        pub decision_id: Option<EntryId>,
        pub created_by_name: Option<String>,
        pub created_at: OffsetDateTime,
        pub updated_at: OffsetDateTime,
        pub file_key: Option<String>,
        pub file_name: String,
        pub file_size: Option<i64>,
        pub file_type: String,
    }
}

impl Entry {
    pub fn attendees(&self) -> Vec<&str> {
        self.attendee_names
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    }
}

const ENTRY_COLUMNS: &str = "e.id, e.approach_id, e.kind, e.organisation_id, o.name AS organisation_name, \
    e.visibility, e.title, e.body, e.happened_at, e.meeting_kind, e.ends_at, e.place, e.online_url, \
    e.agenda, e.attendee_names, e.review_on, e.supersedes_id, \
    (SELECT l.id FROM log_entries l WHERE l.supersedes_id = e.id) AS superseded_by, \
    e.owner_org_id, oo.name AS owner_org_name, e.owner_user_id, ou.name AS owner_user_name, e.due_on, \
    e.action_status, e.url, e.meeting_id, e.decision_id, cb.name AS created_by_name, e.created_at, \
    e.updated_at, e.file_key, e.file_name, e.file_size, e.file_type";

const ENTRY_JOINS: &str = "JOIN organisations o ON o.id = e.organisation_id \
    LEFT JOIN organisations oo ON oo.id = e.owner_org_id \
    LEFT JOIN users ou ON ou.id = e.owner_user_id \
    LEFT JOIN users cb ON cb.id = e.created_by";

/// An entry of the approach, if the audience may see it.
pub fn get(
    c: &mut Sql<'_>,
    approach: ApproachId,
    id: EntryId,
    audience: Audience,
) -> Result<Option<Entry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM log_entries e {ENTRY_JOINS} \
         WHERE e.id = $1 AND e.approach_id = $2 AND {}",
        visible(3, 4)
    );
    c.optional(&sql, params![id, approach, audience.party, audience.user])
}

/// The parties of an entry (attending, or taking the decision): (id, name).
pub fn parties(c: &mut Sql<'_>, id: EntryId) -> Result<Vec<(OrgId, String)>> {
    let sql = "SELECT o.id, o.name FROM log_entry_parties lp JOIN organisations o ON o.id = lp.organisation_id \
               WHERE lp.entry_id = $1 ORDER BY o.name";
    c.all(sql, params![id])
}

pub fn nodes(c: &mut Sql<'_>, id: EntryId) -> Result<Vec<String>> {
    let sql = "SELECT node_key FROM log_entry_nodes WHERE entry_id = $1 ORDER BY node_key";
    c.column(sql, params![id])
}

crate::row! {
    /// An entry in a list: enough to show it on the timeline.
    #[derive(Debug, Clone)]
    pub struct Listed {
        pub id: EntryId,
        pub kind: samenspel_domain::logbook::EntryKind,
        pub title: String,
        pub visibility: samenspel_domain::logbook::Visibility,
        pub organisation_name: String,
        pub happened_at: OffsetDateTime,
        pub meeting_kind: Option<samenspel_domain::logbook::MeetingKind>,
        pub action_status: Option<samenspel_domain::logbook::ActionStatus>,
        pub due_on: Option<Date>,
        pub review_on: Option<Date>,
        pub supersedes_id: Option<EntryId>,
        pub superseded: bool,
        /// An action's owner: the party that took it on, and the person within it.
        pub owner_party_name: Option<String>,
        pub owner_person_name: Option<String>,
        /// A link's address (empty for other entries).
        pub url: String,
        /// When the entry was last changed.
        pub updated_at: OffsetDateTime,
    }
}

impl Listed {
    /// An action's owner as a line names it: the person with their party, or either alone.
    pub fn owner(&self) -> Option<String> {
        match (&self.owner_person_name, &self.owner_party_name) {
            (Some(person), Some(party)) => Some(format!("{person} ({party})")),
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
            (None, None) => None,
        }
    }

    /// Whether it is an open action past its due date on `today`.
    pub fn is_overdue(&self, today: &Date) -> bool {
        self.action_status
            .is_some_and(|s| samenspel_domain::logbook::overdue(s, self.due_on, *today))
    }

    /// Whether it is still to come (a planned meeting).
    pub fn is_upcoming(&self) -> bool {
        self.happened_at > crate::now()
    }
}

const LISTED_COLUMNS: &str = "e.id, e.kind, e.title, e.visibility, o.name AS organisation_name, \
    e.happened_at, e.meeting_kind, e.action_status, e.due_on, e.review_on, e.supersedes_id, \
    EXISTS (SELECT 1 FROM log_entries l WHERE l.supersedes_id = e.id) AS superseded, \
    oo.name AS owner_party_name, ou.name AS owner_person_name, e.url, e.updated_at";

/// What the timeline shows: every condition is optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<EntryKind>,
    /// Entries the party recorded, attended, took or owns.
    pub party: Option<OrgId>,
    pub node: Option<String>,
    /// From this moment on.
    pub from: Option<OffsetDateTime>,
    /// Before this moment.
    pub until: Option<OffsetDateTime>,
    /// Words that must all start a word of the entry.
    pub terms: Vec<String>,
}

/// Where a page of the timeline starts: after the entry with this moment and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: OffsetDateTime,
    pub id: EntryId,
}

impl Cursor {
    /// `micros.id`, for a link.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at.unix_timestamp_nanos() / 1000, self.id.0)
    }

    pub fn decode(input: &str) -> Option<Cursor> {
        let (micros, id) = input.trim().split_once('.')?;
        let micros: i128 = micros.parse().ok()?;
        let at = OffsetDateTime::from_unix_timestamp_nanos(micros.checked_mul(1000)?).ok()?;
        Some(Cursor {
            at,
            id: EntryId(id.parse().ok()?),
        })
    }
}

/// A bound value of a filter.
enum Value {
    Org(OrgId),
    Text(String),
    At(OffsetDateTime),
    Id(EntryId),
}

/// A page of the timeline, newest first: up to `limit` entries after `cursor`, and whether more
/// follow.
pub fn timeline(
    c: &mut Sql<'_>,
    approach: ApproachId,
    audience: Audience,
    filter: &Filter,
    cursor: Option<Cursor>,
    limit: i64,
) -> Result<(Vec<Listed>, bool)> {
    // $1 approach, $2 party flag, $3 user, then the filter's values in order, then the limit.
    let mut sql = format!("e.approach_id = $1 AND {}", visible(2, 3));
    let mut values: Vec<Value> = Vec::new();
    let mut add = |fragment: &str, value: Value, sql: &mut String| {
        let at = 4 + values.len();
        sql.push_str(" AND ");
        sql.push_str(&fragment.replace('?', &format!("${at}")));
        values.push(value);
    };
    if let Some(kind) = filter.kind {
        add(
            "e.kind = ?",
            Value::Text(kind.as_str().to_owned()),
            &mut sql,
        );
    }
    if let Some(org) = filter.party {
        add(
            "(e.organisation_id = ? OR e.owner_org_id = ? OR EXISTS (SELECT 1 FROM log_entry_parties fp \
             WHERE fp.entry_id = e.id AND fp.organisation_id = ?))",
            Value::Org(org),
            &mut sql,
        );
    }
    if let Some(node) = &filter.node {
        add(
            "EXISTS (SELECT 1 FROM log_entry_nodes fn WHERE fn.entry_id = e.id AND fn.node_key = ?)",
            Value::Text(node.clone()),
            &mut sql,
        );
    }
    if let Some(from) = filter.from {
        add("e.happened_at >= ?", Value::At(from), &mut sql);
    }
    if let Some(until) = filter.until {
        add("e.happened_at < ?", Value::At(until), &mut sql);
    }
    // Each term is found anywhere in the entry's words, so a part of a Dutch compound finds
    // the compound ("enquête" finds "draagvlakenquête"; ADR 0020). The words are lower-case
    // letters and digits separated by single spaces, and a term is letters and digits only, so
    // `LIKE '%term%'` needs no escaping and means the same on both databases. Only the
    // approach's own entries are read, newest first, until the page is full (ADR 0009).
    for term in &filter.terms {
        add(
            "EXISTS (SELECT 1 FROM log_search s WHERE s.entry_id = e.id AND s.document LIKE ?)",
            Value::Text(format!("%{term}%")),
            &mut sql,
        );
    }
    if let Some(cursor) = cursor {
        let at = 4 + values.len();
        sql.push_str(&format!(
            " AND (e.happened_at < ${at} OR (e.happened_at = ${at} AND e.id < ${}))",
            at + 1
        ));
        values.push(Value::At(cursor.at));
        values.push(Value::Id(cursor.id));
    }
    let limit_at = 4 + values.len();
    let sql = format!(
        "SELECT {LISTED_COLUMNS} FROM log_entries e JOIN organisations o ON o.id = e.organisation_id \
         LEFT JOIN organisations oo ON oo.id = e.owner_org_id LEFT JOIN users ou ON ou.id = e.owner_user_id \
         WHERE {sql} ORDER BY e.happened_at DESC, e.id DESC LIMIT ${limit_at}"
    );
    let mut params: Vec<crate::sql::Value<'_>> =
        vec![approach.into(), audience.party.into(), audience.user.into()];
    params.extend(values.iter().map(|value| match value {
        Value::Org(org) => crate::sql::Value::from(*org),
        Value::Text(text) => text.as_str().into(),
        Value::At(at) => (*at).into(),
        Value::Id(id) => (*id).into(),
    }));
    params.push((limit + 1).into());
    let mut rows: Vec<Listed> = c.all(&sql, &params)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit.max(0) as usize);
    Ok((rows, more))
}

/// Entries linked to `id`: the decisions and actions of a meeting, the actions of a decision.
pub fn linked(
    c: &mut Sql<'_>,
    approach: ApproachId,
    id: EntryId,
    audience: Audience,
) -> Result<Vec<Listed>> {
    let sql = format!(
        "SELECT {LISTED_COLUMNS} FROM log_entries e JOIN organisations o ON o.id = e.organisation_id \
         LEFT JOIN organisations oo ON oo.id = e.owner_org_id LEFT JOIN users ou ON ou.id = e.owner_user_id \
         WHERE e.approach_id = $1 AND (e.meeting_id = $4 OR e.decision_id = $4) AND {} \
         ORDER BY e.kind, e.happened_at, e.id",
        visible(2, 3)
    );
    c.all(&sql, params![approach, audience.party, audience.user, id])
}

/// The meetings or decisions an entry can be linked to: the newest 200 the audience sees, as
/// (id, title, moment).
pub fn choices(
    c: &mut Sql<'_>,
    approach: ApproachId,
    kind: EntryKind,
    audience: Audience,
) -> Result<Vec<(EntryId, String, OffsetDateTime)>> {
    let sql = format!(
        "SELECT e.id, e.title, e.happened_at FROM log_entries e \
         WHERE e.approach_id = $1 AND e.kind = $4 AND {} ORDER BY e.happened_at DESC, e.id DESC LIMIT 200",
        visible(2, 3)
    );
    c.all(
        &sql,
        params![approach, audience.party, audience.user, kind.as_str()],
    )
}

/// How many open actions of the approach that the audience sees are past their due date.
pub fn overdue_actions(
    c: &mut Sql<'_>,
    approach: ApproachId,
    audience: Audience,
    today: Date,
) -> Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM log_entries e WHERE e.approach_id = $1 AND e.kind = 'action' \
         AND e.action_status IN ('open', 'in-progress') AND e.due_on < $4 AND {}",
        visible(2, 3)
    );
    c.scalar(
        &sql,
        params![approach, audience.party, audience.user, today],
    )
}

/// The people who can own an action: members of the municipality and of today's parties, as
/// (person, name, organisation), by name.
pub fn people(
    c: &mut Sql<'_>,
    approach: ApproachId,
    today: Date,
) -> Result<Vec<(UserId, String, OrgId)>> {
    let sql = "SELECT u.id, u.name, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id \
               WHERE m.until IS NULL AND (m.organisation_id IN (SELECT ap.organisation_id FROM approach_parties ap \
                   WHERE ap.approach_id = $1 AND (ap.since IS NULL OR ap.since <= $2) AND (ap.until IS NULL OR ap.until >= $2)) \
                 OR m.organisation_id = (SELECT a.municipality_id FROM approaches a WHERE a.id = $1)) \
               ORDER BY u.name, u.id, m.organisation_id";
    c.all(sql, params![approach, today])
}
