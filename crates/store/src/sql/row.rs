//! Reading rows into Rust types, one way for both databases.
//!
//! A column is first read as a [`Cell`] (what the database holds, whichever database), then a
//! [`FromCell`] type takes it. Enum-valued columns decode into the domain's types here, once:
//! an unknown value is an error that names the column, never a silent default.

use crate::{Result, StoreError};
use postgres::types::{FromSql, Type};
use std::error::Error;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

/// One column's value as read.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(&'a str),
    Blob(&'a [u8]),
    Time(OffsetDateTime),
    Date(Date),
}

/// A Rust type that can be read from a column.
pub trait FromCell: Sized {
    /// `None` when the cell cannot be this type; the caller names the column in the error.
    fn from_cell(cell: Cell<'_>) -> Option<Self>;
}

/// A type read from a whole row, by column name.
pub trait FromRow: Sized {
    fn from_row(row: &Row<'_>) -> Result<Self>;
}

/// A row of either database.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    /// The column at `index`, as `T`.
    pub fn at<T: FromCell>(&self, index: usize) -> Result<T> {
        let cell = self.cell(index)?;
        T::from_cell(cell).ok_or_else(|| self.mismatch(index, &cell))
    }

    /// The column called `name`, as `T`.
    pub fn get<T: FromCell>(&self, name: &str) -> Result<T> {
        let index = self.index(name)?;
        self.at(index)
    }

    fn index(&self, name: &str) -> Result<usize> {
        let found = match self {
            Row::Sqlite(row) => row.as_ref().column_index(name).ok(),
            Row::Postgres(row) => row.columns().iter().position(|c| c.name() == name),
        };
        found.ok_or_else(|| StoreError::Decode(format!("no column {name:?} in the row")))
    }

    fn name(&self, index: usize) -> String {
        match self {
            Row::Sqlite(row) => row.as_ref().column_name(index).unwrap_or("?").to_owned(),
            Row::Postgres(row) => row
                .columns()
                .get(index)
                .map_or("?", |c| c.name())
                .to_owned(),
        }
    }

    fn mismatch(&self, index: usize, cell: &Cell<'_>) -> StoreError {
        StoreError::Decode(format!("column {:?} holds {cell:?}", self.name(index)))
    }

    fn cell(&self, index: usize) -> Result<Cell<'_>> {
        match self {
            Row::Sqlite(row) => {
                use rusqlite::types::ValueRef;
                let value = row.get_ref(index).map_err(StoreError::from)?;
                Ok(match value {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(i) => Cell::Int(i),
                    ValueRef::Real(r) => Cell::Real(r),
                    ValueRef::Text(t) => Cell::Text(std::str::from_utf8(t).map_err(|_| {
                        StoreError::Decode(format!("column {:?} is not UTF-8", self.name(index)))
                    })?),
                    ValueRef::Blob(b) => Cell::Blob(b),
                })
            }
            Row::Postgres(row) => {
                let raw: Raw<'_> = row.try_get(index).map_err(StoreError::from)?;
                raw.0.map_err(|error| {
                    StoreError::Decode(format!("column {:?}: {error}", self.name(index)))
                })
            }
        }
    }
}

/// A PostgreSQL column read as a [`Cell`], whatever its type.
struct Raw<'a>(std::result::Result<Cell<'a>, Box<dyn Error + Sync + Send>>);

impl<'a> FromSql<'a> for Raw<'a> {
    fn from_sql(
        ty: &Type,
        raw: &'a [u8],
    ) -> std::result::Result<Self, Box<dyn Error + Sync + Send>> {
        let cell = match *ty {
            Type::INT2 => i16::from_sql(ty, raw).map(|v| Cell::Int(v.into())),
            Type::INT4 => i32::from_sql(ty, raw).map(|v| Cell::Int(v.into())),
            Type::INT8 => i64::from_sql(ty, raw).map(Cell::Int),
            Type::FLOAT4 => f32::from_sql(ty, raw).map(|v| Cell::Real(v.into())),
            Type::FLOAT8 => f64::from_sql(ty, raw).map(Cell::Real),
            Type::BOOL => bool::from_sql(ty, raw).map(Cell::Bool),
            Type::TIMESTAMPTZ => OffsetDateTime::from_sql(ty, raw).map(Cell::Time),
            Type::TIMESTAMP => {
                PrimitiveDateTime::from_sql(ty, raw).map(|t| Cell::Time(t.assume_utc()))
            }
            Type::DATE => Date::from_sql(ty, raw).map(Cell::Date),
            Type::BYTEA => Ok(Cell::Blob(raw)),
            Type::JSONB => match raw.split_first() {
                Some((1, text)) => std::str::from_utf8(text)
                    .map(Cell::Text)
                    .map_err(Into::into),
                _ => Err("unknown jsonb version".into()),
            },
            _ => <&str>::from_sql(ty, raw).map(Cell::Text),
        };
        Ok(Raw(cell))
    }

    fn from_sql_null(_: &Type) -> std::result::Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(Raw(Ok(Cell::Null)))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

impl FromCell for i64 {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Int(i) => Some(i),
            Cell::Bool(b) => Some(i64::from(b)),
            _ => None,
        }
    }
}

impl FromCell for i32 {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        i64::from_cell(cell).and_then(|i| i32::try_from(i).ok())
    }
}

impl FromCell for u32 {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        i64::from_cell(cell).and_then(|i| u32::try_from(i).ok())
    }
}

impl FromCell for usize {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        i64::from_cell(cell).and_then(|i| usize::try_from(i).ok())
    }
}

impl FromCell for f64 {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Real(r) => Some(r),
            // Whole numbers a sum or an average over integers may give.
            #[allow(clippy::cast_precision_loss)]
            Cell::Int(i) => Some(i as f64),
            _ => None,
        }
    }
}

impl FromCell for bool {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Bool(b) => Some(b),
            Cell::Int(i) => Some(i != 0),
            _ => None,
        }
    }
}

impl FromCell for String {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Text(t) => Some(t.to_owned()),
            _ => None,
        }
    }
}

impl FromCell for Vec<u8> {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Blob(b) => Some(b.to_vec()),
            Cell::Text(t) => Some(t.as_bytes().to_vec()),
            _ => None,
        }
    }
}

impl FromCell for serde_json::Value {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Text(t) => serde_json::from_str(t).ok(),
            _ => None,
        }
    }
}

impl FromCell for OffsetDateTime {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Time(at) => Some(at),
            // Written by this layer at one width, or earlier by another as RFC 3339 text.
            Cell::Text(t) => OffsetDateTime::parse(t, &Rfc3339).ok().or_else(|| {
                let plain = format_description!(
                    "[year]-[month]-[day] [hour]:[minute]:[second][optional [.[subsecond]]]"
                );
                PrimitiveDateTime::parse(t, plain)
                    .ok()
                    .map(PrimitiveDateTime::assume_utc)
            }),
            _ => None,
        }
    }
}

impl FromCell for Date {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Date(day) => Some(day),
            Cell::Text(t) => Date::parse(t, format_description!("[year]-[month]-[day]")).ok(),
            _ => None,
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Null => Some(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// Makes a domain type that is stored as its text key (`parse` / `as_str`) a column type, so
/// rows decode into it directly.
#[macro_export]
macro_rules! text_column {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::sql::FromCell for $t {
            fn from_cell(cell: $crate::sql::Cell<'_>) -> Option<Self> {
                match cell {
                    $crate::sql::Cell::Text(text) => <$t>::parse(text).ok(),
                    _ => None,
                }
            }
        }

        impl From<$t> for $crate::sql::Value<'_> {
            fn from(value: $t) -> Self {
                $crate::sql::Value::Text(std::borrow::Cow::Borrowed(value.as_str()))
            }
        }

        impl $crate::sql::Typed for $t {
            const KIND: $crate::sql::Kind = $crate::sql::Kind::Text;
        }
    )*};
}

// The domain's closed sets of values, kept as their keys: a key the domain does not know is a
// decoding error, never a silent default.
text_column!(
    samenspel_domain::approaches::ApproachStatus,
    samenspel_domain::approaches::DirectorRole,
    samenspel_domain::approaches::Intensity,
    samenspel_domain::approaches::NodeStatus,
    samenspel_domain::approaches::PartyRole,
    samenspel_domain::approaches::PositionKind,
    samenspel_domain::approaches::SteeringForm,
    samenspel_domain::areas::AreaKind,
    samenspel_domain::logbook::ActionStatus,
    samenspel_domain::logbook::EntryKind,
    samenspel_domain::logbook::MailFrequency,
    samenspel_domain::logbook::MeetingKind,
    samenspel_domain::logbook::Visibility,
    samenspel_domain::organisations::OrgKind,
    samenspel_domain::organisations::OrgRole,
);

impl FromCell for samenspel_domain::Language {
    fn from_cell(cell: Cell<'_>) -> Option<Self> {
        match cell {
            Cell::Text(text) => samenspel_domain::Language::from_code(text),
            _ => None,
        }
    }
}

macro_rules! tuple_rows {
    ($(($($t:ident $i:tt),+)),* $(,)?) => {$(
        impl<$($t: FromCell),+> FromRow for ($($t,)+) {
            fn from_row(row: &Row<'_>) -> Result<Self> {
                Ok(($(row.at::<$t>($i)?,)+))
            }
        }
    )*};
}

tuple_rows!(
    (A 0),
    (A 0, B 1),
    (A 0, B 1, C 2),
    (A 0, B 1, C 2, D 3),
    (A 0, B 1, C 2, D 3, E 4),
    (A 0, B 1, C 2, D 3, E 4, F 5),
);

/// One value read from a one-column row.
pub struct One<T>(pub T);

impl<T: FromCell> FromRow for One<T> {
    fn from_row(row: &Row<'_>) -> Result<Self> {
        row.at(0).map(One)
    }
}

/// Declares a struct read from a row by column name: each field takes the column of its name.
///
/// ```ignore
/// row! {
///     /// An area as stored.
///     #[derive(Debug, Clone)]
///     pub struct AreaRow { pub id: AreaId, pub name: String }
/// }
/// ```
#[macro_export]
macro_rules! row {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $(
                $(#[$field_meta])*
                $field_vis $field: $ty,
            )*
        }

        impl $crate::sql::FromRow for $name {
            fn from_row(row: &$crate::sql::Row<'_>) -> $crate::Result<Self> {
                Ok($name {
                    $($field: row.get(stringify!($field))?,)*
                })
            }
        }
    };
}
