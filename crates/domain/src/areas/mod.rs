//! Areas: a municipality's wijken (districts) and buurten (neighbourhoods), identified by their
//! CBS codes. A district code carries its municipality's digits, a neighbourhood code its
//! district's, so the hierarchy can be checked from the codes alone.

use crate::Invalid;

pub mod import;

/// One district or neighbourhood to create or update, with its outline as GeoJSON geometry.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaRecord {
    District {
        code: DistrictCode,
        name: AreaName,
        geometry: Option<String>,
    },
    Neighbourhood {
        code: NeighbourhoodCode,
        name: AreaName,
        geometry: Option<String>,
    },
}

impl AreaRecord {
    /// The municipality the area lies in, from its code.
    pub fn municipality(&self) -> MunicipalityCode {
        match self {
            AreaRecord::District { code, .. } => code.municipality(),
            AreaRecord::Neighbourhood { code, .. } => code.district().municipality(),
        }
    }
}

fn digits(input: &str, prefix: &str, count: usize) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    let rest = code.strip_prefix(prefix)?;
    (rest.len() == count && rest.chars().all(|c| c.is_ascii_digit())).then(|| rest.to_owned())
}

/// A municipality's CBS code: `GM` and four digits, e.g. `GM0363`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        digits(input, "GM", 4)
            .map(|d| MunicipalityCode(format!("GM{d}")))
            .ok_or(Invalid::new("error-code-municipality"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digits(&self) -> &str {
        &self.0[2..]
    }
}

/// A district's (wijk) CBS code: `WK` and six digits, the first four being its municipality's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DistrictCode(String);

impl DistrictCode {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        digits(input, "WK", 6)
            .map(|d| DistrictCode(format!("WK{d}")))
            .ok_or(Invalid::new("error-code-district"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn municipality(&self) -> MunicipalityCode {
        MunicipalityCode(format!("GM{}", &self.0[2..6]))
    }

    fn digits(&self) -> &str {
        &self.0[2..]
    }
}

/// A neighbourhood's (buurt) CBS code: `BU` and eight digits, the first six being its
/// district's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NeighbourhoodCode(String);

impl NeighbourhoodCode {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        digits(input, "BU", 8)
            .map(|d| NeighbourhoodCode(format!("BU{d}")))
            .ok_or(Invalid::new("error-code-neighbourhood"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn district(&self) -> DistrictCode {
        DistrictCode(format!("WK{}", &self.0[2..8]))
    }
}

impl DistrictCode {
    /// True when the district lies in the municipality.
    pub fn belongs_to(&self, municipality: &MunicipalityCode) -> bool {
        self.digits().starts_with(municipality.digits())
    }
}

/// The two levels of area below a municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaKind {
    /// wijk
    District,
    /// buurt
    Neighbourhood,
}

impl AreaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::District => "district",
            AreaKind::Neighbourhood => "neighbourhood",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Invalid> {
        match input {
            "district" => Ok(AreaKind::District),
            "neighbourhood" => Ok(AreaKind::Neighbourhood),
            _ => Err(Invalid::new("error-area-kind")),
        }
    }
}

/// An area's name: trimmed, 1 to 120 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaName(String);

impl AreaName {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let name = input.trim();
        if name.is_empty() {
            return Err(Invalid::new("error-area-name-required"));
        }
        if name.chars().count() > 120 || name.chars().any(char::is_control) {
            return Err(Invalid::new("error-area-name-invalid"));
        }
        Ok(AreaName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Writes the key, as forms post it and the database keeps it.
impl std::fmt::Display for AreaKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_nest() {
        let gm = MunicipalityCode::parse(" gm0363 ").unwrap();
        assert_eq!(gm.as_str(), "GM0363");
        let wk = DistrictCode::parse("WK036301").unwrap();
        assert_eq!(wk.municipality(), gm);
        assert!(wk.belongs_to(&gm));
        assert!(!DistrictCode::parse("WK034401").unwrap().belongs_to(&gm));
        let bu = NeighbourhoodCode::parse("BU03630105").unwrap();
        assert_eq!(bu.district(), wk);
    }

    #[test]
    fn bad_codes() {
        for bad in ["", "GM36", "GM03631", "XX0363", "GM03a3"] {
            assert!(MunicipalityCode::parse(bad).is_err(), "{bad}");
        }
        assert!(DistrictCode::parse("WK0363").is_err());
        assert!(NeighbourhoodCode::parse("BU036301").is_err());
    }
}
