//! ACLED event/sub-event type and CAMEO code per event, from one documented table
//! (`data/mappings/plover_acled_cameo.tsv`, CC BY-SA 4.0: derived from the PLOVER crosswalk).

use marsad_model::{Acled, Category, Mode};
use std::collections::HashMap;
use std::str::FromStr;

const TABLE: &str = include_str!("../../../data/mappings/plover_acled_cameo.tsv");

/// One mapping row.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    /// ACLED type, where ACLED has one.
    pub acled: Option<Acled>,
    /// CAMEO code.
    pub cameo: Option<String>,
}

/// The PLOVER → ACLED/CAMEO table.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    rows: HashMap<(Category, Option<Mode>), Mapped>,
}

impl Mapping {
    /// Parses the embedded table (malformed rows are skipped; a test pins that there are none).
    pub fn load() -> Self {
        let mut rows = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            let [cat, mode, et, st, cameo] = c.as_slice() else {
                continue;
            };
            let Ok(cat) = Category::from_str(cat) else {
                continue;
            };
            let mode = match *mode {
                "-" => None,
                m => match Mode::from_str(m) {
                    Ok(m) => Some(m),
                    Err(_) => continue,
                },
            };
            let acled = (*et != "-").then(|| Acled {
                event_type: et.to_string(),
                sub_event_type: st.to_string(),
            });
            let cameo = (*cameo != "-").then(|| cameo.to_string());
            rows.insert((cat, mode), Mapped { acled, cameo });
        }
        Mapping { rows }
    }

    /// Mapping for an event: the first of its modes with a row (suicide attacks and air strikes
    /// before generic modes), else the category default.
    pub fn map(&self, cat: Category, modes: &[Mode]) -> Mapped {
        const FIRST: &[Mode] = &[Mode::SuicideAttack, Mode::Drone, Mode::Aerial, Mode::HeavyWeapons];
        let ordered = FIRST.iter().filter(|m| modes.contains(m)).chain(modes.iter());
        for m in ordered {
            if let Some(r) = self.rows.get(&(cat, Some(*m))) {
                return r.clone();
            }
        }
        self.rows.get(&(cat, None)).cloned().unwrap_or(Mapped {
            acled: None,
            cameo: None,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_a_default() {
        let m = Mapping::load();
        assert!(m.len() > 60);
        for c in Category::ALL {
            assert!(m.rows.contains_key(&(*c, None)), "{c}");
        }
    }

    #[test]
    fn shelling_and_drones() {
        let m = Mapping::load();
        let r = m.map(Category::Assault, &[Mode::HeavyWeapons, Mode::Drone]);
        assert_eq!(r.cameo.as_deref(), Some("195"));
        assert_eq!(
            r.acled.map(|a| a.sub_event_type).as_deref(),
            Some("Air/drone strike")
        );
        assert!(m.map(Category::Accuse, &[]).acled.is_none());
    }
}
