//! Values bound to a statement, one type for both databases.
//!
//! A [`Value`] is written the way its column wants it: on PostgreSQL an integer becomes `int2`,
//! `int4` or `int8` as the statement's parameter asks, text becomes `text` or `jsonb`; on SQLite
//! instants are text of one fixed width (see [`instant_text`]) so that text order is time order.

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use std::borrow::Cow;
use std::error::Error;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

/// One bound value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// NULL, of the kind the `None` it came from would have held.
    Null(Kind),
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(Cow<'a, str>),
    Time(OffsetDateTime),
    Date(Date),
    Bytes(&'a [u8]),
}

/// What kind of value a column holds, for declaring a NULL's type to PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Real,
    Bool,
    Text,
    Time,
    Date,
    Bytes,
}

/// A Rust type whose values bind as one [`Kind`]; `None` of it binds as a NULL of that kind.
pub trait Typed {
    const KIND: Kind;
}

/// How instants are written on SQLite: UTC, always six fraction digits.
const INSTANT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

const DAY: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An instant as SQLite stores it: `2026-12-07T15:44:12.123456Z`, the same width for every
/// instant, so comparing and sorting the text compares and sorts the instants.
pub fn instant_text(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(INSTANT)
        .unwrap_or_else(|_| at.unix_timestamp().to_string())
}

/// A day as both databases' text: `2026-12-07`.
pub fn day_text(day: Date) -> String {
    day.format(DAY).unwrap_or_default()
}

impl Value<'_> {
    /// The type a PostgreSQL statement declares for this value, as sqlx did: a parameter the
    /// server cannot place (`$2 IS NULL`, `SELECT $4`) still has a type.
    pub(crate) fn declared_type(&self) -> Type {
        let kind = match self {
            Value::Null(kind) => *kind,
            Value::Int(_) => Kind::Int,
            Value::Real(_) => Kind::Real,
            Value::Bool(_) => Kind::Bool,
            Value::Text(_) => Kind::Text,
            Value::Time(_) => Kind::Time,
            Value::Date(_) => Kind::Date,
            Value::Bytes(_) => Kind::Bytes,
        };
        match kind {
            Kind::Int => Type::INT8,
            Kind::Real => Type::FLOAT8,
            Kind::Bool => Type::BOOL,
            Kind::Text => Type::TEXT,
            Kind::Time => Type::TIMESTAMPTZ,
            Kind::Date => Type::DATE,
            Kind::Bytes => Type::BYTEA,
        }
    }

    pub(crate) fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        use rusqlite::types::{ToSqlOutput, Value as V, ValueRef};
        match self {
            Value::Null(_) => ToSqlOutput::Owned(V::Null),
            Value::Int(i) => ToSqlOutput::Owned(V::Integer(*i)),
            Value::Real(r) => ToSqlOutput::Owned(V::Real(*r)),
            Value::Bool(b) => ToSqlOutput::Owned(V::Integer(i64::from(*b))),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Value::Time(at) => ToSqlOutput::Owned(V::Text(instant_text(*at))),
            Value::Date(day) => ToSqlOutput::Owned(V::Text(day_text(*day))),
            Value::Bytes(bytes) => ToSqlOutput::Borrowed(ValueRef::Blob(bytes)),
        }
    }
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.to_sqlite())
    }
}

impl ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match (self, ty) {
            (Value::Null(_), _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT8) => i.to_sql(ty, out),
            // Lossless for the whole numbers an application counts with.
            #[allow(clippy::cast_precision_loss)]
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), _) => i.to_string().as_str().to_sql(ty, out),
            (Value::Real(r), &Type::FLOAT8) => r.to_sql(ty, out),
            #[allow(clippy::cast_possible_truncation)]
            (Value::Real(r), &Type::FLOAT4) => (*r as f32).to_sql(ty, out),
            (Value::Bool(b), &Type::BOOL) => b.to_sql(ty, out),
            (Value::Bool(b), _) => (if *b { "true" } else { "false" }).to_sql(ty, out),
            (Value::Text(t), &Type::JSONB) => {
                // jsonb's binary form is a version byte and the text.
                out.extend_from_slice(&[1]);
                out.extend_from_slice(t.as_bytes());
                Ok(IsNull::No)
            }
            (Value::Text(t), _) => t.as_ref().to_sql(ty, out),
            (Value::Time(at), &Type::TIMESTAMPTZ) => at.to_sql(ty, out),
            (Value::Time(at), &Type::TIMESTAMP) => {
                let utc = at.to_offset(UtcOffset::UTC);
                time::PrimitiveDateTime::new(utc.date(), utc.time()).to_sql(ty, out)
            }
            (Value::Time(at), _) => instant_text(*at).as_str().to_sql(ty, out),
            (Value::Date(day), &Type::DATE) => day.to_sql(ty, out),
            (Value::Date(day), _) => day_text(*day).as_str().to_sql(ty, out),
            (Value::Bytes(bytes), _) => bytes.to_sql(ty, out),
            (value, ty) => Err(format!("cannot bind {value:?} as {ty}").into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            fn from(v: $t) -> Self {
                Value::Int(i64::from(v))
            }
        }
    )*};
}

macro_rules! typed {
    ($kind:ident: $($t:ty),*) => {$(
        impl Typed for $t {
            const KIND: Kind = Kind::$kind;
        }
    )*};
}
typed!(Int: i64, i32, i16, u32, u16, u8, usize);
typed!(Real: f64);
typed!(Bool: bool);
typed!(Text: &str, &String, String, &serde_json::Value);
typed!(Time: OffsetDateTime);
typed!(Date: Date);
from_int!(i64, i32, i16, u32, u16, u8);

impl From<usize> for Value<'_> {
    fn from(v: usize) -> Self {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<f64> for Value<'_> {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(Cow::Borrowed(v))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(Cow::Borrowed(v))
    }
}

impl From<String> for Value<'_> {
    fn from(v: String) -> Self {
        Value::Text(Cow::Owned(v))
    }
}

impl From<OffsetDateTime> for Value<'_> {
    fn from(v: OffsetDateTime) -> Self {
        Value::Time(v)
    }
}

impl From<Date> for Value<'_> {
    fn from(v: Date) -> Self {
        Value::Date(v)
    }
}

impl<'a> From<&'a serde_json::Value> for Value<'a> {
    fn from(v: &'a serde_json::Value) -> Self {
        Value::Text(Cow::Owned(v.to_string()))
    }
}

impl<'a, T> From<Option<T>> for Value<'a>
where
    T: Into<Value<'a>> + Typed,
{
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null(T::KIND), Into::into)
    }
}

impl<'a> From<&'a Option<String>> for Value<'a> {
    fn from(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Value::Null(Kind::Text), Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn every_instant_is_written_at_one_width() {
        assert_eq!(
            instant_text(datetime!(2026-12-07 15:44:12 UTC)),
            "2026-12-07T15:44:12.000000Z"
        );
        assert_eq!(
            instant_text(datetime!(2026-12-07 16:44:12.5 +1)),
            "2026-12-07T15:44:12.500000Z"
        );
        assert!(
            instant_text(datetime!(2026-12-07 15:44:12.1 UTC))
                < instant_text(datetime!(2026-12-07 15:44:12.100001 UTC))
        );
    }
}
