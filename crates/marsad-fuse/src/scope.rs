//! What incremental fusion must look at again: the category and day ranges new reports can link into.

use crate::sides::{Facts, day_number};
use crate::{FusionConfig, Report};
use marsad_model::Category;
use std::collections::BTreeMap;

/// A category and an inclusive range of days (`YYYY-MM-DD`) whose fused events new reports can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// The PLOVER category.
    pub category: Category,
    /// First day.
    pub since: String,
    /// Last day.
    pub until: String,
}

/// `date` plus `days` (negative: minus), for `YYYY-MM-DD` dates.
pub fn add_days(date: &str, days: i64) -> Option<String> {
    let d: jiff::civil::Date = date.parse().ok()?;
    let span = jiff::Span::new().try_days(days).ok()?;
    d.checked_add(span).ok().map(|x| x.to_string())
}

fn day_string(n: i64) -> Option<String> {
    add_days("1970-01-01", n)
}

/// The slices new `reports` can touch: for each category, the days within twice the date window of
/// a report's day (a group spans at most one window, so a group a new report joins or breaks lies
/// there), overlapping ranges merged. Reports fusion leaves alone are ignored.
pub fn slices(reports: &[Report<'_>], cfg: &FusionConfig) -> Vec<Slice> {
    let reach = 2 * cfg.date_window_days;
    let mut days: BTreeMap<Category, Vec<i64>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        if !crate::link::eligible(r, cfg) {
            continue;
        }
        if let Some(d) = Facts::of(i, r).day_for(true) {
            days.entry(r.event.event).or_default().push(d);
        }
    }
    let mut out = Vec::new();
    for (category, mut list) in days {
        list.sort_unstable();
        let mut ranges: Vec<(i64, i64)> = Vec::new();
        for d in list {
            match ranges.last_mut() {
                Some(last) if d - reach <= last.1 + 1 => last.1 = d + reach,
                _ => ranges.push((d - reach, d + reach)),
            }
        }
        out.extend(ranges.into_iter().filter_map(|(a, b)| {
            Some(Slice {
                category,
                since: day_string(a)?,
                until: day_string(b)?,
            })
        }));
    }
    out
}

/// True when `date` is a day-precise date (`YYYY-MM-DD`).
pub fn is_day(date: &str) -> bool {
    day_number(date).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Entity, Event, Status};

    #[test]
    fn days_add_up() {
        assert_eq!(add_days("2022-09-13", 30).as_deref(), Some("2022-10-13"));
        assert_eq!(add_days("2016-03-01", -1).as_deref(), Some("2016-02-29"));
        assert!(add_days("2022-09", 1).is_none());
    }

    #[test]
    fn slices_merge_close_days_per_category() {
        let mk = |id: &str, date: &str| {
            let mut e = Event::new(id, Category::Assault);
            e.date = Some(date.into());
            e.status = Status::Asserted;
            e.actor = vec![Entity {
                country: Some("SAU".into()),
                ..Entity::default()
            }];
            e
        };
        let events = [
            mk("a", "2015-07-20"),
            mk("b", "2015-07-22"),
            mk("c", "2015-08-10"),
        ];
        let reports: Vec<Report<'_>> = events
            .iter()
            .map(|e| Report {
                doc_id: "d",
                published: None,
                event: e,
            })
            .collect();
        let s = slices(&reports, &FusionConfig::default());
        let got: Vec<(&str, &str)> = s.iter().map(|x| (x.since.as_str(), x.until.as_str())).collect();
        assert_eq!(got, [("2015-07-18", "2015-07-24"), ("2015-08-08", "2015-08-12")]);
    }
}
