//! Reading the CBS/PDOK neighbourhood files: CSV (semicolon or comma separated, with columns
//! gemeentecode, wijkcode, wijknaam, buurtcode, buurtnaam) and GeoJSON (a FeatureCollection
//! whose properties carry those codes and names, with the outline as geometry).
//!
//! A file is read whole before anything is stored: either every row is good and the records
//! come back, or every bad row comes back with its line (CSV) or feature number (GeoJSON) and
//! the reason, and nothing is imported.

use super::{AreaName, AreaRecord, DistrictCode, MunicipalityCode, NeighbourhoodCode};
use std::collections::{BTreeMap, BTreeSet};

/// Which municipalities a file may speak of.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// One municipality's own file: a row of another municipality is an error.
    One(&'a MunicipalityCode),
    /// A file of the whole country (or a region), imported by a platform administrator.
    All,
}

impl Scope<'_> {
    fn is_other(&self, code: &MunicipalityCode) -> bool {
        matches!(self, Scope::One(own) if *own != code)
    }

    fn excludes(&self, district: &DistrictCode) -> bool {
        matches!(self, Scope::One(own) if !district.belongs_to(own))
    }
}

/// Why one row of a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line number (CSV, counting the header as line 1) or feature number (GeoJSON, from 1).
    pub row: usize,
    /// Message key in the locales.
    pub key: &'static str,
    /// The offending value, shown next to the message.
    pub value: String,
}

fn error(row: usize, key: &'static str, value: &str) -> RowError {
    RowError {
        row,
        key,
        value: value.chars().take(80).collect(),
    }
}

/// The records of a file, districts and neighbourhoods each once, in code order.
#[derive(Debug, Default)]
struct Collected {
    districts: BTreeMap<String, AreaRecord>,
    neighbourhoods: BTreeMap<String, AreaRecord>,
    errors: Vec<RowError>,
}

impl Collected {
    /// Adds one row's codes and names; `geometry` belongs to the smallest area the row names.
    fn add(&mut self, row: usize, fields: &Fields<'_>, scope: Scope<'_>, geometry: Option<String>) {
        if let Some(gm) = fields.gemeentecode.filter(|v| !v.trim().is_empty()) {
            match MunicipalityCode::parse(gm) {
                Ok(code) if scope.is_other(&code) => {
                    return self
                        .errors
                        .push(error(row, "error-import-other-municipality", gm));
                }
                Ok(_) => {}
                Err(invalid) => return self.errors.push(error(row, invalid.key, gm)),
            }
        }
        let wijk = fields.wijkcode.filter(|v| !v.trim().is_empty());
        let buurt = fields.buurtcode.filter(|v| !v.trim().is_empty());
        if wijk.is_none() && buurt.is_none() {
            return self.errors.push(error(row, "error-import-no-code", ""));
        }
        let district = match wijk.map(DistrictCode::parse) {
            Some(Ok(code)) if scope.excludes(&code) => {
                return self.errors.push(error(
                    row,
                    "error-import-other-municipality",
                    code.as_str(),
                ));
            }
            Some(Ok(code)) => Some(code),
            Some(Err(invalid)) => {
                return self
                    .errors
                    .push(error(row, invalid.key, wijk.unwrap_or("")));
            }
            None => None,
        };
        if let Some(code) = buurt {
            let code = match NeighbourhoodCode::parse(code) {
                Ok(parsed) => parsed,
                Err(invalid) => return self.errors.push(error(row, invalid.key, code)),
            };
            if scope.excludes(&code.district()) {
                return self.errors.push(error(
                    row,
                    "error-import-other-municipality",
                    code.as_str(),
                ));
            }
            if district.as_ref().is_some_and(|d| *d != code.district()) {
                return self
                    .errors
                    .push(error(row, "error-import-wrong-district", code.as_str()));
            }
            let name = match AreaName::parse(fields.buurtnaam.unwrap_or("")) {
                Ok(name) => name,
                Err(invalid) => return self.errors.push(error(row, invalid.key, code.as_str())),
            };
            if let (Some(district), Some(wijknaam)) =
                (&district, fields.wijknaam.filter(|v| !v.trim().is_empty()))
            {
                self.add_district(row, district, wijknaam, None);
            }
            self.neighbourhoods.insert(
                code.as_str().to_owned(),
                AreaRecord::Neighbourhood {
                    code,
                    name,
                    geometry,
                },
            );
        } else if let Some(district) = &district {
            self.add_district(row, district, fields.wijknaam.unwrap_or(""), geometry);
        }
    }

    fn add_district(
        &mut self,
        row: usize,
        code: &DistrictCode,
        name: &str,
        geometry: Option<String>,
    ) {
        let name = match AreaName::parse(name) {
            Ok(name) => name,
            Err(invalid) => return self.errors.push(error(row, invalid.key, code.as_str())),
        };
        let entry = self
            .districts
            .entry(code.as_str().to_owned())
            .or_insert_with(|| AreaRecord::District {
                code: code.clone(),
                name: name.clone(),
                geometry: None,
            });
        if let AreaRecord::District {
            geometry: stored, ..
        } = entry
            && geometry.is_some()
        {
            *stored = geometry;
        }
    }

    /// Every neighbourhood's district must be in the file, or already be stored (`known`).
    fn finish(
        mut self,
        known: &BTreeSet<String>,
        rows_of: &BTreeMap<String, usize>,
    ) -> Result<Vec<AreaRecord>, Vec<RowError>> {
        for (code, record) in &self.neighbourhoods {
            if let AreaRecord::Neighbourhood { code: parsed, .. } = record {
                let district = parsed.district();
                if !self.districts.contains_key(district.as_str())
                    && !known.contains(district.as_str())
                {
                    let row = rows_of.get(code).copied().unwrap_or(0);
                    self.errors
                        .push(error(row, "error-import-district-missing", code));
                }
            }
        }
        if self.errors.is_empty() {
            Ok(self
                .districts
                .into_values()
                .chain(self.neighbourhoods.into_values())
                .collect())
        } else {
            self.errors.sort_by_key(|e| e.row);
            Err(self.errors)
        }
    }
}

#[derive(Default)]
struct Fields<'a> {
    gemeentecode: Option<&'a str>,
    wijkcode: Option<&'a str>,
    wijknaam: Option<&'a str>,
    buurtcode: Option<&'a str>,
    buurtnaam: Option<&'a str>,
}

/// Reads a CSV file. `known_districts` are district codes already stored.
pub fn read_csv(
    content: &str,
    scope: Scope<'_>,
    known_districts: &BTreeSet<String>,
) -> Result<Vec<AreaRecord>, Vec<RowError>> {
    let content = content.trim_start_matches('\u{feff}');
    let header = content.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(content.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![error(1, "error-import-unreadable", "")]),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (gm, wk, wn, bu, bn) = (
        column("gemeentecode"),
        column("wijkcode"),
        column("wijknaam"),
        column("buurtcode"),
        column("buurtnaam"),
    );
    if wk.is_none() && bu.is_none() {
        return Err(vec![error(1, "error-import-columns", header)]);
    }
    let mut collected = Collected::default();
    let mut rows_of = BTreeMap::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                collected
                    .errors
                    .push(error(line, "error-import-unreadable", ""));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let get = |i: Option<usize>| i.and_then(|i| record.get(i));
        let fields = Fields {
            gemeentecode: get(gm),
            wijkcode: get(wk),
            wijknaam: get(wn),
            buurtcode: get(bu),
            buurtnaam: get(bn),
        };
        if let Some(code) = fields.buurtcode {
            rows_of.insert(code.trim().to_ascii_uppercase(), line);
        }
        collected.add(line, &fields, scope, None);
    }
    collected.finish(known_districts, &rows_of)
}

/// Reads a GeoJSON FeatureCollection.
pub fn read_geojson(
    content: &str,
    scope: Scope<'_>,
    known_districts: &BTreeSet<String>,
) -> Result<Vec<AreaRecord>, Vec<RowError>> {
    let collection: geojson::FeatureCollection = match content.parse::<geojson::GeoJson>() {
        Ok(geojson::GeoJson::FeatureCollection(collection)) => collection,
        _ => return Err(vec![error(0, "error-import-not-feature-collection", "")]),
    };
    let mut collected = Collected::default();
    let mut rows_of = BTreeMap::new();
    for (index, feature) in collection.features.iter().enumerate() {
        let number = index + 1;
        let text = |name: &str| -> Option<String> {
            feature.property(name).and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        };
        let (gm, wk, wn, bu, bn) = (
            text("gemeentecode"),
            text("wijkcode"),
            text("wijknaam"),
            text("buurtcode"),
            text("buurtnaam"),
        );
        let geometry = match &feature.geometry {
            None => None,
            Some(geometry) => match valid_outline(geometry) {
                Ok(()) => Some(geometry.to_string()),
                Err(key) => {
                    collected.errors.push(error(
                        number,
                        key,
                        bu.as_deref().or(wk.as_deref()).unwrap_or(""),
                    ));
                    continue;
                }
            },
        };
        let fields = Fields {
            gemeentecode: gm.as_deref(),
            wijkcode: wk.as_deref(),
            wijknaam: wn.as_deref(),
            buurtcode: bu.as_deref(),
            buurtnaam: bn.as_deref(),
        };
        if let Some(code) = &bu {
            rows_of.insert(code.trim().to_ascii_uppercase(), number);
        }
        collected.add(number, &fields, scope, geometry);
    }
    collected.finish(known_districts, &rows_of)
}

/// An outline is a Polygon or MultiPolygon in longitude/latitude (WGS 84) whose rings are
/// closed and have at least four positions.
fn valid_outline(geometry: &geojson::Geometry) -> Result<(), &'static str> {
    use geojson::GeometryValue;
    let polygons: Vec<&geojson::PolygonType> = match &geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
        _ => return Err("error-import-geometry-type"),
    };
    for rings in polygons {
        if rings.is_empty() {
            return Err("error-import-geometry-invalid");
        }
        for ring in rings {
            let closed = ring.len() >= 4 && ring.first() == ring.last();
            let in_range = ring.iter().map(geojson::Position::as_slice).all(|p| {
                p.len() >= 2
                    && p[0].is_finite()
                    && p[1].is_finite()
                    && (-180.0..=180.0).contains(&p[0])
                    && (-90.0..=90.0).contains(&p[1])
            });
            if !closed || !in_range {
                return Err("error-import-geometry-invalid");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    static GM: std::sync::LazyLock<MunicipalityCode> =
        std::sync::LazyLock::new(|| MunicipalityCode::parse("GM9901").unwrap());

    fn gm() -> Scope<'static> {
        Scope::One(&GM)
    }

    #[test]
    fn reads_a_semicolon_csv() {
        let csv = "gemeentecode;gemeentenaam;wijkcode;wijknaam;buurtcode;buurtnaam\n\
                   GM9901;Zonnedal;WK990101;Centrum;BU99010101;Oude Dorp\n\
                   GM9901;Zonnedal;WK990101;Centrum;BU99010102;Molenbuurt\n\
                   GM9901;Zonnedal;WK990102;Noord;;\n";
        let records = read_csv(csv, gm(), &BTreeSet::new()).expect("valid file");
        assert_eq!(
            records.len(),
            4,
            "two districts and two neighbourhoods: {records:?}"
        );
        assert!(
            matches!(&records[0], AreaRecord::District { code, .. } if code.as_str() == "WK990101")
        );
    }

    #[test]
    fn reads_a_comma_csv_with_a_byte_order_mark() {
        let csv = "\u{feff}GemeenteCode,WijkCode,WijkNaam,BuurtCode,BuurtNaam\nGM9901,WK990101,Centrum,BU99010101,\"Oude Dorp, west\"\n";
        let records = read_csv(csv, gm(), &BTreeSet::new()).expect("valid file");
        assert!(records.iter().any(|r| matches!(r, AreaRecord::Neighbourhood { name, .. } if name.as_str() == "Oude Dorp, west")));
    }

    #[test]
    fn lists_every_bad_row() {
        let csv = "gemeentecode;wijkcode;wijknaam;buurtcode;buurtnaam\n\
                   GM9901;WK990101;Centrum;BU99010101;Oude Dorp\n\
                   GM9901;WK9901;Kapot;;\n\
                   GM0363;WK036301;Elders;;\n\
                   GM9901;;;BU99010201;Zonder wijk\n\
                   GM9901;WK990101;Centrum;BU99020101;Verkeerde wijk\n\
                   GM9901;WK990103;;;\n";
        let errors = read_csv(csv, gm(), &BTreeSet::new()).expect_err("bad file");
        let found: Vec<_> = errors.iter().map(|e| (e.row, e.key)).collect();
        assert_eq!(
            found,
            vec![
                (3, "error-code-district"),
                (4, "error-import-other-municipality"),
                (5, "error-import-district-missing"),
                (6, "error-import-other-municipality"),
                (7, "error-area-name-required"),
            ]
        );
    }

    #[test]
    fn a_national_file_may_name_every_municipality() {
        let csv = "gemeentecode;wijkcode;wijknaam;buurtcode;buurtnaam\n\
                   GM9901;WK990101;Centrum;BU99010101;Oude Dorp\n\
                   GM0363;WK036301;Burgwallen;BU03630101;Kop Zeedijk\n";
        let records = read_csv(csv, Scope::All, &BTreeSet::new()).expect("valid file");
        let municipalities: BTreeSet<_> = records
            .iter()
            .map(|r| r.municipality().as_str().to_owned())
            .collect();
        assert_eq!(municipalities.len(), 2);
        assert!(read_csv(csv, gm(), &BTreeSet::new()).is_err());
    }

    #[test]
    fn a_stored_district_may_be_left_out() {
        let csv = "gemeentecode;buurtcode;buurtnaam\nGM9901;BU99010201;Nieuwbouw\n";
        let known: BTreeSet<String> = ["WK990102".to_owned()].into();
        assert_eq!(read_csv(csv, gm(), &known).expect("valid").len(), 1);
    }

    #[test]
    fn missing_columns_are_named() {
        let errors =
            read_csv("naam;code\nx;y\n", gm(), &BTreeSet::new()).expect_err("no code columns");
        assert_eq!(errors[0].key, "error-import-columns");
    }

    #[test]
    fn reads_geojson_with_outlines() {
        let square = "[[[5.1,52.0],[5.2,52.0],[5.2,52.1],[5.1,52.1],[5.1,52.0]]]";
        let json = format!(
            r#"{{"type":"FeatureCollection","features":[
              {{"type":"Feature","properties":{{"gemeentecode":"GM9901","wijkcode":"WK990101","wijknaam":"Centrum"}},"geometry":{{"type":"Polygon","coordinates":{square}}}}},
              {{"type":"Feature","properties":{{"gemeentecode":"GM9901","wijkcode":"WK990101","buurtcode":"BU99010101","buurtnaam":"Oude Dorp"}},"geometry":{{"type":"MultiPolygon","coordinates":[{square}]}}}}
            ]}}"#
        );
        let records = read_geojson(&json, gm(), &BTreeSet::new()).expect("valid");
        assert_eq!(records.len(), 2);
        assert!(records.iter().all(|r| matches!(
            r,
            AreaRecord::District {
                geometry: Some(_),
                ..
            } | AreaRecord::Neighbourhood {
                geometry: Some(_),
                ..
            }
        )));
    }

    #[test]
    fn refuses_bad_geometry_and_other_documents() {
        let open_ring = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"wijkcode":"WK990101","wijknaam":"Centrum"},"geometry":{"type":"Polygon","coordinates":[[[5.1,52.0],[5.2,52.0],[5.2,52.1]]]}}]}"#;
        let errors = read_geojson(open_ring, gm(), &BTreeSet::new()).expect_err("open ring");
        assert_eq!(
            (errors[0].row, errors[0].key),
            (1, "error-import-geometry-invalid")
        );
        let point = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"wijkcode":"WK990101","wijknaam":"Centrum"},"geometry":{"type":"Point","coordinates":[5.1,52.0]}}]}"#;
        assert_eq!(
            read_geojson(point, gm(), &BTreeSet::new()).expect_err("point")[0].key,
            "error-import-geometry-type"
        );
        assert_eq!(
            read_geojson("[1,2]", gm(), &BTreeSet::new()).expect_err("not geojson")[0].key,
            "error-import-not-feature-collection"
        );
    }
}
