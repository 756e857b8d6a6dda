//! The initiative registry: an initiative's profile in a municipality's registry, its themes,
//! areas and track record; mapping an initiative that has no account yet; verification; and the
//! registry's search with its counts.
//!
//! An initiative is an organisation of kind `initiative`; its profile has the same id.

use crate::sql::Sql;
use crate::{AreaId, Backend, OrgId, ProjectId, Result, StoreError, UserId, params};
use samenspel_domain::initiatives::{Profile, Project, join_keys};
use samenspel_domain::organisations::OrgName;
use time::OffsetDateTime;

crate::row! {
    /// A profile as stored, with the names that go with it.
    #[derive(Debug, Clone)]
    pub struct ProfileRow {
        pub id: OrgId,
        pub name: String,
        pub municipality_id: OrgId,
        pub municipality_name: String,
        pub description: String,
        pub legal_form: String,
        pub character: String,
        pub has_volunteers: bool,
        pub has_paid_staff: bool,
        pub member_count: Option<i32>,
        pub themes: String,
        pub core_roles: String,
        pub support_needed: String,
        pub support_note: String,
        pub does_not_do: String,
        pub contact_name: String,
        pub contact_email: String,
        pub contact_phone: String,
        pub website: String,
        pub founded_year: Option<i32>,
        pub is_public: bool,
        pub mapped_by_name: Option<String>,
        pub verified_by_name: Option<String>,
        pub verified_at: Option<OffsetDateTime>,
        pub claimed: bool,
        pub updated_at: OffsetDateTime,
        /// The organisation that put it in the registry.
        pub mapped_by: Option<OrgId>,
    }
}

impl ProfileRow {
    /// Whether `verifier` may mark the profile as checked: the municipality whose registry it
    /// is, or an organisation that did not map it itself (a check is someone else's look).
    pub fn may_be_verified_by(&self, verifier: OrgId) -> bool {
        verifier == self.municipality_id || self.mapped_by != Some(verifier)
    }
}

/// The themes of an initiative as one space-separated text. Backend-specific: SQLite's
/// `group_concat` is PostgreSQL's `string_agg`.
fn themes_of(c: &Sql<'_>, id_column: &str) -> String {
    let agg = match c.backend() {
        Backend::Sqlite => "group_concat(t.theme, ' ')",
        Backend::Postgres => "string_agg(t.theme, ' ')",
    };
    format!(
        "COALESCE((SELECT {agg} FROM initiative_themes t WHERE t.initiative_id = {id_column}), '')"
    )
}

const CLAIMED: &str = "EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = p.organisation_id AND m.until IS NULL)";

/// The columns of [`ProfileRow`] and the tables they come from, to which a `WHERE` is added.
fn profile_select(c: &Sql<'_>) -> String {
    format!(
        "SELECT p.organisation_id AS id, o.name, p.municipality_id, mo.name AS municipality_name, \
         p.description, p.legal_form, p.character, p.has_volunteers, p.has_paid_staff, p.member_count, \
         {themes} AS themes, p.core_roles, p.support_needed, p.support_note, p.does_not_do, \
         p.contact_name, p.contact_email, p.contact_phone, p.website, p.founded_year, p.is_public, \
         mb.name AS mapped_by_name, vb.name AS verified_by_name, p.verified_at, {CLAIMED} AS claimed, \
         p.updated_at, p.mapped_by \
         FROM initiative_profiles p JOIN organisations o ON o.id = p.organisation_id \
         JOIN organisations mo ON mo.id = p.municipality_id \
         LEFT JOIN organisations mb ON mb.id = p.mapped_by \
         LEFT JOIN organisations vb ON vb.id = p.verified_by",
        themes = themes_of(c, "p.organisation_id"),
    )
}

pub fn profile(c: &mut Sql<'_>, id: OrgId) -> Result<Option<ProfileRow>> {
    let sql = format!("{} WHERE p.organisation_id = $1", profile_select(c));
    c.optional(&sql, params![id])
}

/// An initiative that has no account yet, mapped into a municipality's registry.
pub struct Mapping<'a> {
    pub name: &'a OrgName,
    pub municipality: OrgId,
    /// The municipality itself, or a facilitator organisation working there.
    pub mapped_by: OrgId,
    /// The person who mapped it.
    pub creator: UserId,
    pub profile: &'a Profile,
    pub areas: &'a [AreaId],
}

/// Creates the initiative with its profile. It has no members until someone accepts an
/// invitation to claim it.
pub fn map(c: &mut Sql<'_>, mapping: &Mapping<'_>, now: OffsetDateTime) -> Result<OrgId> {
    let sql = "INSERT INTO organisations (kind, name, created_by, created_at, updated_at) \
               VALUES ('initiative', $1, $2, $3, $3) RETURNING id";
    let org: OrgId = c.scalar(sql, params![mapping.name.as_str(), mapping.creator, now])?;
    save(
        c,
        org,
        mapping.municipality,
        mapping.profile,
        mapping.areas,
        now,
    )?;
    let sql = "UPDATE initiative_profiles SET mapped_by = $2 WHERE organisation_id = $1";
    c.execute(sql, params![org, mapping.mapped_by])?;
    Ok(org)
}

/// Creates or replaces an initiative's profile, its themes and its areas. Areas must lie in the
/// municipality; an unknown one is refused.
pub fn save(
    c: &mut Sql<'_>,
    org: OrgId,
    municipality: OrgId,
    profile: &Profile,
    areas: &[AreaId],
    now: OffsetDateTime,
) -> Result<()> {
    let sql = "INSERT INTO initiative_profiles (organisation_id, municipality_id, description, legal_form, character, \
               has_volunteers, has_paid_staff, member_count, core_roles, support_needed, support_note, does_not_do, \
               contact_name, contact_email, contact_phone, website, founded_year, is_public, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) \
               ON CONFLICT (organisation_id) DO UPDATE SET municipality_id = excluded.municipality_id, \
               description = excluded.description, legal_form = excluded.legal_form, character = excluded.character, \
               has_volunteers = excluded.has_volunteers, has_paid_staff = excluded.has_paid_staff, \
               member_count = excluded.member_count, core_roles = excluded.core_roles, \
               support_needed = excluded.support_needed, support_note = excluded.support_note, \
               does_not_do = excluded.does_not_do, contact_name = excluded.contact_name, \
               contact_email = excluded.contact_email, contact_phone = excluded.contact_phone, \
               website = excluded.website, founded_year = excluded.founded_year, is_public = excluded.is_public, \
               updated_at = excluded.updated_at";
    let core_roles = join_keys(&profile.core_roles, |r| r.as_str());
    let support = join_keys(&profile.support_needed, |s| s.as_str());
    c.execute(
        sql,
        params![
            org,
            municipality,
            &profile.description,
            profile.legal_form.as_str(),
            profile.character.as_str(),
            profile.has_volunteers,
            profile.has_paid_staff,
            profile.member_count,
            &core_roles,
            &support,
            &profile.support_note,
            &profile.does_not_do,
            &profile.contact_name,
            &profile.contact_email,
            &profile.contact_phone,
            &profile.website,
            profile.founded_year,
            profile.public,
            now
        ],
    )?;

    let sql = "DELETE FROM initiative_themes WHERE initiative_id = $1";
    c.execute(sql, params![org])?;
    for theme in &profile.themes {
        let sql = "INSERT INTO initiative_themes (initiative_id, theme) VALUES ($1, $2)";
        c.execute(sql, params![org, theme.as_str()])?;
    }

    let sql = "DELETE FROM initiative_areas WHERE initiative_id = $1";
    c.execute(sql, params![org])?;
    for area in areas {
        let sql = "INSERT INTO initiative_areas (initiative_id, area_id) \
                   SELECT $1, id FROM areas WHERE id = $2 AND municipality_id = $3 ON CONFLICT DO NOTHING";
        let added = c.execute(sql, params![org, area, municipality])?;
        if added == 0 {
            return Err(StoreError::Refused("error-area-unknown"));
        }
    }
    Ok(())
}

crate::row! {
    /// The areas an initiative is active in, by code.
    #[derive(Debug, Clone)]
    pub struct ActiveArea {
        pub id: AreaId,
        pub code: String,
        pub name: String,
    }
}

pub fn areas_of(c: &mut Sql<'_>, initiative: OrgId) -> Result<Vec<ActiveArea>> {
    let sql = "SELECT a.id, a.code, a.name FROM initiative_areas ia JOIN areas a ON a.id = ia.area_id \
               WHERE ia.initiative_id = $1 ORDER BY a.code";
    c.all(sql, params![initiative])
}

/// Records that the municipality or a facilitator checked the profile.
pub fn verify(c: &mut Sql<'_>, initiative: OrgId, by: OrgId, now: OffsetDateTime) -> Result<()> {
    let sql = "UPDATE initiative_profiles SET verified_by = $2, verified_at = $3 WHERE organisation_id = $1";
    let changed = c.execute(sql, params![initiative, by, now])?;
    if changed == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

crate::row! {
    /// One earlier project of the track record.
    #[derive(Debug, Clone)]
    pub struct ProjectRow {
        pub id: ProjectId,
        pub year: i32,
        pub title: String,
        pub result: String,
    }
}

/// The track record, most recent first.
pub fn projects(c: &mut Sql<'_>, initiative: OrgId) -> Result<Vec<ProjectRow>> {
    let sql = "SELECT id, year, title, result FROM initiative_projects WHERE initiative_id = $1 \
               ORDER BY year DESC, id DESC";
    c.all(sql, params![initiative])
}

pub fn add_project(
    c: &mut Sql<'_>,
    initiative: OrgId,
    project: &Project,
    now: OffsetDateTime,
) -> Result<ProjectId> {
    let sql = "INSERT INTO initiative_projects (initiative_id, year, title, result, created_at) \
               VALUES ($1, $2, $3, $4, $5) RETURNING id";
    c.scalar(
        sql,
        params![
            initiative,
            project.year,
            &project.title,
            &project.result,
            now
        ],
    )
}

pub fn remove_project(c: &mut Sql<'_>, initiative: OrgId, project: ProjectId) -> Result<bool> {
    let sql = "DELETE FROM initiative_projects WHERE id = $1 AND initiative_id = $2";
    let removed = c.execute(sql, params![project, initiative])?;
    Ok(removed == 1)
}

/// What the registry is narrowed to. Empty strings and zero mean "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Words in the name or the description.
    pub text: String,
    pub theme: String,
    /// A district (also matching initiatives active in its neighbourhoods) or a neighbourhood.
    pub area: Option<AreaId>,
    pub character: String,
    pub legal_form: String,
    /// `yes`, `no` or empty.
    pub verified: String,
}

/// How the registry is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Newest,
    Founded,
    Members,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Name, Sort::Newest, Sort::Founded, Sort::Members];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Newest => "newest",
            Sort::Founded => "founded",
            Sort::Members => "members",
        }
    }

    pub fn parse(input: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == input)
            .unwrap_or_default()
    }

    fn order_by(self) -> &'static str {
        match self {
            Sort::Name => "o.name, o.id",
            Sort::Newest => "p.created_at DESC, o.id DESC",
            Sort::Founded => "COALESCE(p.founded_year, 9999), o.name, o.id",
            Sort::Members => "COALESCE(p.member_count, -1) DESC, o.name, o.id",
        }
    }
}

/// The registry's conditions for a filter: only the parts the filter uses, so that no row pays
/// for a condition that is off. `$1` is the municipality, `$2` the area when there is one, then
/// the texts in order. The SQL comes from fixed fragments; every value is bound.
struct Conditions {
    sql: String,
    area: Option<AreaId>,
    texts: Vec<String>,
    /// Whether `sql` refers to the organisation's name (`o.name`).
    by_name: bool,
}

impl Conditions {
    /// The values for the placeholders of [`Conditions::sql`], in order.
    fn values(&self, municipality: OrgId) -> Vec<crate::sql::Value<'_>> {
        let mut values = vec![municipality.into()];
        values.extend(self.area.map(Into::into));
        values.extend(self.texts.iter().map(Into::into));
        values
    }

    fn new(filter: &Filter) -> Self {
        let mut sql = String::from("p.municipality_id = $1");
        let mut next = 2;
        if filter.area.is_some() {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM initiative_areas fa JOIN areas far ON far.id = fa.area_id \
                 WHERE fa.initiative_id = p.organisation_id AND (far.id = $2 OR far.parent_id = $2))",
            );
            next = 3;
        }
        let mut texts = Vec::new();
        let mut add = |fragment: &str, value: String| {
            sql.push_str(" AND ");
            sql.push_str(&fragment.replace('?', &format!("${next}")));
            next += 1;
            texts.push(value);
        };
        let pattern = like_pattern(&filter.text);
        let by_name = !pattern.is_empty();
        if by_name {
            add(
                "(lower(o.name) LIKE ? OR lower(p.description) LIKE ?)",
                pattern,
            );
        }
        if !filter.theme.is_empty() {
            add(
                "EXISTS (SELECT 1 FROM initiative_themes ft WHERE ft.initiative_id = p.organisation_id AND ft.theme = ?)",
                filter.theme.clone(),
            );
        }
        if !filter.character.is_empty() {
            add("p.character = ?", filter.character.clone());
        }
        if !filter.legal_form.is_empty() {
            add("p.legal_form = ?", filter.legal_form.clone());
        }
        match filter.verified.as_str() {
            "yes" => sql.push_str(" AND p.verified_at IS NOT NULL"),
            "no" => sql.push_str(" AND p.verified_at IS NULL"),
            _ => {}
        }
        Conditions {
            sql,
            area: filter.area,
            texts,
            by_name,
        }
    }

    /// The join that the conditions need when they search by name (`o`); without a text to
    /// search for, counting goes faster without it.
    fn names_joined(&self) -> &'static str {
        if self.by_name {
            "JOIN organisations o ON o.id = p.organisation_id"
        } else {
            ""
        }
    }

    /// The number of the next free placeholder, for `LIMIT` and `OFFSET`.
    fn next_placeholder(&self) -> usize {
        2 + usize::from(self.area.is_some()) + self.texts.len()
    }
}

/// Binds a filter's values in the order of its [`Conditions`].
/// `%words%`, lower-cased, with LIKE's wildcards taken literally; empty for no text.
fn like_pattern(text: &str) -> String {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return String::new();
    }
    let escaped: String = text
        .chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect();
    format!("%{escaped}%")
}

crate::row! {
    /// One initiative in the registry's list.
    #[derive(Debug, Clone)]
    pub struct Listed {
        pub id: OrgId,
        pub name: String,
        pub description: String,
        pub legal_form: String,
        pub character: String,
        pub member_count: Option<i32>,
        pub founded_year: Option<i32>,
        pub themes: String,
        pub verified_at: Option<OffsetDateTime>,
        pub mapped_by_name: Option<String>,
        pub claimed: bool,
        pub is_public: bool,
    }
}

/// A page of the registry: `limit` of the matching initiatives after skipping `offset`. How
/// many match in all is [`Counts::total`].
pub fn search(
    c: &mut Sql<'_>,
    municipality: OrgId,
    filter: &Filter,
    sort: Sort,
    limit: i64,
    offset: i64,
) -> Result<Vec<Listed>> {
    let conditions = Conditions::new(filter);
    let (limit_at, offset_at) = (
        conditions.next_placeholder(),
        conditions.next_placeholder() + 1,
    );
    // The page is chosen first, so that only its rows get their themes and names.
    let sql = format!(
        "SELECT p.organisation_id AS id, o.name, p.description, p.legal_form, p.character, p.member_count, \
         p.founded_year, {themes} AS themes, p.verified_at, mb.name AS mapped_by_name, {CLAIMED} AS claimed, \
         p.is_public \
         FROM (SELECT p.organisation_id AS id FROM initiative_profiles p JOIN organisations o ON o.id = p.organisation_id \
               WHERE {conditions} ORDER BY {order} LIMIT ${limit_at} OFFSET ${offset_at}) page \
         JOIN initiative_profiles p ON p.organisation_id = page.id \
         JOIN organisations o ON o.id = p.organisation_id \
         LEFT JOIN organisations mb ON mb.id = p.mapped_by \
         ORDER BY {order}",
        themes = themes_of(c, "p.organisation_id"),
        conditions = conditions.sql,
        order = sort.order_by(),
    );
    let mut values = conditions.values(municipality);
    values.push(limit.into());
    values.push(offset.into());
    c.all(&sql, &values)
}

/// How many initiatives match, how many of them work on each theme, and how many are active
/// in each area (a district counts the initiatives of its neighbourhoods too).
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub total: i64,
    pub themes: Vec<(String, i64)>,
    pub areas: Vec<(AreaId, i64)>,
}

crate::row! {
    /// One count of [`counts`]: which part it belongs to, and its theme or area.
    struct CountRow {
        part: i64,
        theme: Option<String>,
        area: Option<AreaId>,
        n: i64,
    }
}

pub fn counts(c: &mut Sql<'_>, municipality: OrgId, filter: &Filter) -> Result<Counts> {
    let conditions = Conditions::new(filter);
    // One statement: the matching initiatives are found once and counted four ways. An
    // initiative is linked to an area once; a district counts those of the district itself or
    // of any of its neighbourhoods, once each. The joins are written as CROSS JOIN … WHERE so
    // that SQLite goes from the few matching initiatives to their themes and areas rather than
    // through every theme and area of the country (PostgreSQL plans them as ordinary joins).
    let sql = format!(
        "WITH m AS (SELECT p.organisation_id FROM initiative_profiles p {names} WHERE {conditions}) \
         SELECT 0 AS part, CAST(NULL AS TEXT) AS theme, CAST(NULL AS BIGINT) AS area, COUNT(*) AS n FROM m \
         UNION ALL \
         SELECT 1, t.theme, NULL, COUNT(*) FROM m CROSS JOIN initiative_themes t \
         WHERE t.initiative_id = m.organisation_id GROUP BY t.theme \
         UNION ALL \
         SELECT 2, NULL, ia.area_id, COUNT(*) FROM m CROSS JOIN initiative_areas ia \
         WHERE ia.initiative_id = m.organisation_id GROUP BY ia.area_id \
         UNION ALL \
         SELECT 3, NULL, COALESCE(a.parent_id, a.id), COUNT(DISTINCT ia.initiative_id) \
         FROM m CROSS JOIN initiative_areas ia CROSS JOIN areas a \
         WHERE ia.initiative_id = m.organisation_id AND a.id = ia.area_id \
         GROUP BY COALESCE(a.parent_id, a.id)",
        names = conditions.names_joined(),
        conditions = conditions.sql,
    );
    let rows: Vec<CountRow> = c.all(&sql, &conditions.values(municipality))?;
    let mut counts = Counts::default();
    let mut districts = Vec::new();
    for row in rows {
        match (row.part, row.theme, row.area) {
            (0, _, _) => counts.total = row.n,
            (1, Some(theme), _) => counts.themes.push((theme, row.n)),
            (2, _, Some(area)) => counts.areas.push((area, row.n)),
            (3, _, Some(district)) => districts.push((district, row.n)),
            _ => {}
        }
    }
    counts.themes.sort();
    let district_ids: std::collections::HashSet<AreaId> =
        districts.iter().map(|(id, _)| *id).collect();
    counts.areas.retain(|(id, _)| !district_ids.contains(id));
    counts.areas.extend(districts);
    Ok(counts)
}

/// Every matching profile in full, for the CSV export, by name.
pub fn export(
    c: &mut Sql<'_>,
    municipality: OrgId,
    filter: &Filter,
) -> Result<Vec<(ProfileRow, Vec<String>)>> {
    let conditions = Conditions::new(filter);
    let sql = format!(
        "{} WHERE {} ORDER BY o.name, o.id",
        profile_select(c),
        conditions.sql
    );
    let rows: Vec<ProfileRow> = c.all(&sql, &conditions.values(municipality))?;
    let sql = "SELECT ia.initiative_id, a.code FROM initiative_areas ia JOIN areas a ON a.id = ia.area_id \
               WHERE a.municipality_id = $1 ORDER BY a.code";
    let pairs: Vec<(OrgId, String)> = c.all(sql, params![municipality])?;
    let mut by_initiative: std::collections::HashMap<OrgId, Vec<String>> = Default::default();
    for (id, code) in pairs {
        by_initiative.entry(id).or_default().push(code);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let codes = by_initiative.remove(&row.id).unwrap_or_default();
            (row, codes)
        })
        .collect())
}
