//! Time expressions resolved against the publication date: relative days ("أمس", "الليلة الماضية"),
//! weekdays ("يوم الخميس الماضي"), calendar dates ("19 يوليو 2015", "في نوفمبر 2020"), years and
//! seasons ("خريف عام 2020"), parts of a month or year ("في نهاية يوليو", "مطلع العام"), months and
//! years counted from publication ("الشهر الماضي"), spans back from it ("قبل أسبوعين", "قبل ثلاثة
//! أشهر"), clock times with their zone ("الساعة التاسعة صباحًا في موسكو").

use crate::lexicons::Lexicons;
use jiff::civil::{Date, Weekday};
use marsad_model::DatePrecision;
use marsad_text::{Analysis, TokenKind};
use std::ops::Range;

/// One resolved (or partly resolved) time expression.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// What `date` pins down.
    pub precision: Option<DatePrecision>,
    /// `HH:MM`.
    pub time: Option<String>,
    /// IANA zone of `time`.
    pub tz: Option<String>,
    /// The resolved day, month or year start, for comparisons with the publication date.
    pub day: Option<Date>,
}

/// What one token contributes.
#[derive(Debug, Clone, PartialEq)]
enum Word {
    Month(i8),
    Weekday(i8),
    Rel(i32),
    Past,
    Season,
    Year,
    Hour(i8),
    AmPm(i8),
    Zone(String),
    HijriMonth(i8),
    Num(i64),
    /// A number word ("ثلاثة"): counts units, never a day or a year.
    Count(i64),
    /// Start, middle or end of a month or year ("مطلع", "نهاية").
    Edge,
    /// "قبل": a span back from publication follows.
    Ago,
    /// An amount of time; `per` when it is a plural unit that needs a number before it.
    Amount {
        unit: Unit,
        n: i64,
        per: bool,
    },
    /// Months (or years) from the publication month (year).
    MonthRel(i32),
    YearRel(i16),
    /// "الشهر" after an edge word: the publication month.
    MonthBare,
    Other,
}

/// Unit of an [`Word::Amount`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Days,
    Months,
    Years,
}

fn classify(a: &Analysis<'_>, lex: &Lexicons) -> Vec<(Range<usize>, Word)> {
    let mut out: Vec<(Range<usize>, Word)> = Vec::new();
    for h in lex.time.find(a) {
        let row = &lex.time.rows[h.entry];
        let n: i64 = row.value.parse().unwrap_or(0);
        let first = &a.tokens[h.tokens.start].key;
        let w = match row.kind.as_str() {
            "month" => Word::Month(n as i8),
            // A weekday is written with its article ("الأحد", "وبالأمس الخميس") or after
            // "يوم": "بأحد المساجد" is "in one of the mosques", "جمعة" a name.
            "weekday" if !first.contains("ال") && !after_yawm(a, h.tokens.start) => Word::Other,
            "weekday" => Word::Weekday(n as i8),
            // "اليوم" only as a whole word: "يوم الخميس" is a weekday, not today.
            "rel" if n == 0 && !first.ends_with("اليوم") => Word::Other,
            "rel" => Word::Rel(n as i32),
            "past" => Word::Past,
            "season" => Word::Season,
            "year" => Word::Year,
            "hour" => Word::Hour(n as i8),
            "ampm" => Word::AmPm(n as i8),
            "zone" => Word::Zone(row.value.clone()),
            "hmonth" => Word::HijriMonth(n as i8),
            "edge" => Word::Edge,
            "ago" => Word::Ago,
            "days" | "days_per" | "months" | "months_per" | "years" | "years_per" => {
                let unit = match row.kind.as_bytes()[0] {
                    b'd' => Unit::Days,
                    b'm' => Unit::Months,
                    _ => Unit::Years,
                };
                Word::Amount {
                    unit,
                    n,
                    per: row.kind.ends_with("_per"),
                }
            }
            "month_rel" => Word::MonthRel(n as i32),
            "year_rel" => Word::YearRel(n as i16),
            "month_bare" => Word::MonthBare,
            _ => Word::Other,
        };
        out.push((h.tokens, w));
    }
    for (i, t) in a.tokens.iter().enumerate() {
        if t.kind == TokenKind::Number
            && let Ok(n) = t.key.parse::<i64>()
        {
            out.push((i..i + 1, Word::Num(n)));
        }
    }
    for m in &a.numbers {
        let word = m.tokens.clone().all(|i| a.tokens[i].kind != TokenKind::Number);
        if word && !m.ordinal && m.value.fract() == 0.0 && (1.0..=100.0).contains(&m.value) {
            out.push((m.tokens.clone(), Word::Count(m.value as i64)));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Finds and resolves time expressions in the whole text.
pub fn find_times(a: &Analysis<'_>, lex: &Lexicons, published: Option<Date>) -> Vec<TimeExpr> {
    let words = classify(a, lex);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (expr, used) = parse_at(a, &words[i..], published);
        if let Some(e) = expr {
            out.push(e);
        }
        i += used.max(1);
    }
    out
}

fn adjacent(a: &Range<usize>, b: &Range<usize>, gap: usize) -> bool {
    b.start >= a.end && b.start - a.end <= gap
}

fn expr(tokens: Range<usize>, day: Option<Date>, precision: DatePrecision) -> TimeExpr {
    let date = day.map(|d| match precision {
        DatePrecision::Year => format!("{:04}", d.year()),
        DatePrecision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        _ => d.to_string(),
    });
    TimeExpr {
        tokens,
        date,
        precision: Some(precision),
        time: None,
        tz: None,
        day,
    }
}

/// Parses the expression starting at `w[0]`; returns it (if any) and how many words it used.
fn parse_at(a: &Analysis<'_>, w: &[(Range<usize>, Word)], pubd: Option<Date>) -> (Option<TimeExpr>, usize) {
    let (r0, w0) = &w[0];
    let next = |k: usize, gap: usize| w.get(k).filter(|(r, _)| adjacent(&w[k - 1].0, r, gap));
    match w0 {
        Word::Num(d) if (1..=30).contains(d) && matches!(next(1, 1), Some((_, Word::HijriMonth(_)))) => {
            hijri(w, *d, pubd)
        }
        Word::Num(d) if (1..=31).contains(d) => {
            let Some((r1, Word::Month(m))) = next(1, 1) else {
                return (None, 1);
            };
            let (year, used, end) = match next(2, 1) {
                Some((r2, Word::Num(y))) if (1900..2100).contains(y) => (Some(*y as i16), 3, r2.end),
                _ => (None, 2, r1.end),
            };
            let y = year.or_else(|| pubd.map(|p| infer_year(p, *m)));
            let day = y.and_then(|y| Date::new(y, *m, *d as i8).ok());
            (Some(expr(r0.start..end, day, DatePrecision::Day)), used)
        }
        Word::Month(m) => {
            // A month name alone is no date (مارس is also a verb): a year or "الماضي" must follow.
            let Some((day, used, end)) = month_with_year(w, 1, *m, 2, pubd) else {
                return (None, 1);
            };
            (Some(expr(r0.start..end, day, DatePrecision::Month)), used)
        }
        Word::Season | Word::Year => {
            let mut k = 1;
            if matches!(next(k, 1), Some((_, Word::Year))) {
                k += 1;
            }
            match next(k, 1) {
                Some((r, Word::Num(y))) if (1900..2100).contains(y) => {
                    let day = Date::new(*y as i16, 1, 1).ok();
                    (Some(expr(r0.start..r.end, day, DatePrecision::Year)), k + 1)
                }
                _ => (None, 1),
            }
        }
        Word::Num(y) if (1990..2100).contains(y) && year_context(a, r0) => {
            let day = Date::new(*y as i16, 1, 1).ok();
            (Some(expr(r0.clone(), day, DatePrecision::Year)), 1)
        }
        Word::Rel(n) => {
            let day = pubd.and_then(|p| p.checked_add(jiff::Span::new().days(*n)).ok());
            (Some(expr(r0.clone(), day, DatePrecision::Day)), 1)
        }
        Word::Weekday(_) if after_prayer(a, r0) => (None, 1),
        Word::Weekday(wd) => {
            let strict = matches!(next(1, 0), Some((_, Word::Past)));
            let day = pubd.and_then(|p| last_weekday(p, *wd, strict));
            let used = if strict { 2 } else { 1 };
            let end = w[used - 1].0.end;
            (Some(expr(r0.start..end, day, DatePrecision::Day)), used)
        }
        Word::Hour(h) => clock(a, w, *h, pubd),
        Word::Edge => edge(w, pubd),
        Word::Ago => ago(w, pubd),
        Word::MonthRel(n) => {
            let day = pubd.and_then(|p| month_start(p, *n));
            (Some(expr(r0.clone(), day, DatePrecision::Month)), 1)
        }
        Word::YearRel(n) => (
            Some(expr(r0.clone(), year_start(pubd, *n), DatePrecision::Year)),
            1,
        ),
        _ => (None, 1),
    }
}

/// Month `m` (named by `w[k - 1]`) with the word after it, within `gap` tokens: a year ("يوليو
/// 2015") or "الماضي" (the latest such month). Returns the month's first day, the words used and
/// the expression's end; none when neither follows.
fn month_with_year(
    w: &[(Range<usize>, Word)],
    k: usize,
    m: i8,
    gap: usize,
    pubd: Option<Date>,
) -> Option<(Option<Date>, usize, usize)> {
    let (r, x) = w.get(k).filter(|(r, _)| adjacent(&w[k - 1].0, r, gap))?;
    let year = match x {
        Word::Num(y) if (1900..2100).contains(y) => Some(*y as i16),
        Word::Past => pubd.map(|p| infer_year(p, m)),
        _ => return None,
    };
    Some((year.and_then(|y| Date::new(y, m, 1).ok()), k + 1, r.end))
}

/// The first day of the year `n` years from publication.
fn year_start(pubd: Option<Date>, n: i16) -> Option<Date> {
    pubd.and_then(|p| Date::new(p.year() + n, 1, 1).ok())
}

/// The first day of the month `n` months from `p`'s.
fn month_start(p: Date, n: i32) -> Option<Date> {
    p.first_of_month().checked_add(jiff::Span::new().months(n)).ok()
}

/// "في نهاية يوليو (تموز)", "مطلع عام 2015", "أواخر الشهر الماضي", "منتصف العام": the month or
/// year the edge word belongs to, at that precision (the part of it is not a day).
fn edge(w: &[(Range<usize>, Word)], pubd: Option<Date>) -> (Option<TimeExpr>, usize) {
    let r0 = &w[0].0;
    let Some((r1, w1)) = w.get(1).filter(|(r, _)| adjacent(r0, r, 0)) else {
        return (None, 1);
    };
    let after = |k: usize| w.get(k).filter(|(r, _)| adjacent(&w[k - 1].0, r, 1));
    let month = |n: i32| pubd.and_then(|p| month_start(p, n));
    let (day, precision, used, end) = match w1 {
        // "نهاية يوليو": after an edge word a month name alone is the latest such month.
        Word::Month(m) => {
            let latest = || {
                (
                    pubd.and_then(|p| Date::new(infer_year(p, *m), *m, 1).ok()),
                    2,
                    r1.end,
                )
            };
            let (day, used, end) = month_with_year(w, 2, *m, 1, pubd).unwrap_or_else(latest);
            (day, DatePrecision::Month, used, end)
        }
        Word::MonthBare => (month(0), DatePrecision::Month, 2, r1.end),
        Word::MonthRel(n) => (month(*n), DatePrecision::Month, 2, r1.end),
        Word::YearRel(n) => (year_start(pubd, *n), DatePrecision::Year, 2, r1.end),
        Word::Num(y) if (1900..2100).contains(y) => {
            (Date::new(*y as i16, 1, 1).ok(), DatePrecision::Year, 2, r1.end)
        }
        Word::Year => match after(2) {
            Some((r2, Word::Num(y))) if (1900..2100).contains(y) => {
                (Date::new(*y as i16, 1, 1).ok(), DatePrecision::Year, 3, r2.end)
            }
            // "مطلع العام": this year.
            _ => (year_start(pubd, 0), DatePrecision::Year, 2, r1.end),
        },
        _ => return (None, 1),
    };
    (Some(expr(r0.start..end, day, precision)), used)
}

/// "قبل أسبوعين", "قبل ثلاثة أشهر", "قبل عامين": publication minus the span, to the day for days
/// and weeks, to the month or year for longer spans. A plural unit without a number ("قبل أيام",
/// a few days ago) gives no date.
fn ago(w: &[(Range<usize>, Word)], pubd: Option<Date>) -> (Option<TimeExpr>, usize) {
    let r0 = &w[0].0;
    let next = |k: usize| w.get(k).filter(|(r, _)| adjacent(&w[k - 1].0, r, 0));
    let (unit, amount, used) = match next(1) {
        Some((_, Word::Amount { unit, n, per: false })) => (*unit, *n, 2),
        Some((_, Word::Num(c) | Word::Count(c))) if (1..=100).contains(c) => match next(2) {
            Some((_, Word::Amount { unit, n, per: true })) => (*unit, c * n, 3),
            _ => return (None, 1),
        },
        _ => return (None, 1),
    };
    let end = w[used - 1].0.end;
    let Some(p) = pubd else {
        return (None, used);
    };
    let (day, precision) = match unit {
        Unit::Days => (
            p.checked_sub(jiff::Span::new().days(amount)).ok(),
            DatePrecision::Day,
        ),
        Unit::Months => (month_start(p, -(amount as i32)), DatePrecision::Month),
        Unit::Years => (
            Date::new(p.year() - amount as i16, 1, 1).ok(),
            DatePrecision::Year,
        ),
    };
    (Some(expr(r0.start..end, day, precision)), used)
}

/// True when the token before `i` is "يوم" (with or without a conjunction).
fn after_yawm(a: &Analysis<'_>, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| ["يوم", "ويوم", "ليوم"].contains(&a.tokens[p].key.as_str()))
}

/// "صلاة الجمعة" names the Friday prayer, not a day.
fn after_prayer(a: &Analysis<'_>, r: &Range<usize>) -> bool {
    r.start
        .checked_sub(1)
        .is_some_and(|i| ["صلاه", "لصلاه", "وصلاه", "خطبه"].contains(&a.tokens[i].key.as_str()))
}

/// "15 رمضان 1436 هـ": a Hijri day, month and (optional) year, converted with the arithmetic
/// (tabular) Islamic calendar; without a year, the latest such day not after publication.
fn hijri(w: &[(Range<usize>, Word)], d: i64, pubd: Option<Date>) -> (Option<TimeExpr>, usize) {
    let (r0, (r1, m)) = match (&w[0], &w[1]) {
        ((r0, _), (r1, Word::HijriMonth(m))) => (r0, (r1, *m)),
        _ => return (None, 1),
    };
    let year = w
        .get(2)
        .filter(|(r, _)| adjacent(r1, r, 1))
        .and_then(|(r, x)| match x {
            Word::Num(y) if (1300..1600).contains(y) => Some((r.end, *y)),
            _ => None,
        });
    let (end, used, day) = match year {
        Some((end, y)) => (end, 3, hijri_to_date(y, m, d)),
        None => (r1.end, 2, pubd.and_then(|p| latest_hijri(p, m, d))),
    };
    (Some(expr(r0.start..end, day, DatePrecision::Day)), used)
}

/// Julian day number of 1 Muharram 1 AH in the civil tabular calendar, and of 1970-01-01.
const HIJRI_EPOCH: i64 = 1_948_440;
const UNIX_EPOCH_JD: i64 = 2_440_588;

/// The Gregorian date of a day of the tabular Islamic calendar (±1 day of the observed calendars).
pub fn hijri_to_date(y: i64, m: i8, d: i64) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || y < 1 {
        return None;
    }
    let m = i64::from(m);
    let jd = d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 + HIJRI_EPOCH - 1;
    let epoch = Date::new(1970, 1, 1).ok()?;
    epoch.checked_add(jiff::Span::new().days(jd - UNIX_EPOCH_JD)).ok()
}

/// The Hijri year of a Gregorian date, approximately (enough to pick the latest month/day).
fn hijri_year_of(p: Date) -> i64 {
    let days = i64::from(
        p.since(Date::new(1970, 1, 1).unwrap_or_default())
            .map(|s| s.get_days())
            .unwrap_or(0),
    );
    (30 * (days + UNIX_EPOCH_JD - HIJRI_EPOCH) + 10646) / 10631
}

/// The latest Hijri day `d` of month `m` not after `p`.
fn latest_hijri(p: Date, m: i8, d: i64) -> Option<Date> {
    let y = hijri_year_of(p);
    [y + 1, y, y - 1]
        .into_iter()
        .filter_map(|y| hijri_to_date(y, m, d))
        .find(|x| *x <= p)
}

/// A 4-digit year counts alone after في، منذ، حرب، عام.
fn year_context(a: &Analysis<'_>, r: &Range<usize>) -> bool {
    let Some(prev) = r.start.checked_sub(1).map(|i| &a.tokens[i]) else {
        return false;
    };
    let k = prev.key.strip_prefix('و').unwrap_or(&prev.key);
    ["في", "منذ", "حرب", "الحرب", "عام", "العام", "خلال"].contains(&k)
}

/// "الساعة التاسعة صباحًا في موسكو": hour, optional am/pm, optional zone.
fn clock(
    a: &Analysis<'_>,
    w: &[(Range<usize>, Word)],
    h: i8,
    pubd: Option<Date>,
) -> (Option<TimeExpr>, usize) {
    let r0 = &w[0].0;
    let after_sa3a = r0
        .start
        .checked_sub(1)
        .is_some_and(|i| a.tokens[i].key.ends_with("الساعه") || a.tokens[i].key == "ساعه");
    if !after_sa3a {
        return (None, 1);
    }
    let mut hour = h;
    let mut used = 1;
    let mut end = r0.end;
    if let Some((r, Word::AmPm(add))) = w.get(1).filter(|(r, _)| adjacent(&w[0].0, r, 0)) {
        hour = match *add {
            // "ليلا": midnight at twelve, early hours stay, evening hours are afternoon hours.
            24 if hour == 12 => 0,
            24 if hour >= 5 => hour + 12,
            12 if hour < 12 => hour + 12,
            _ => hour,
        };
        used = 2;
        end = r.end;
    }
    let mut tz = None;
    if let Some((r, Word::Zone(z))) = w.get(used).filter(|(r, _)| adjacent(&w[used - 1].0, r, 1)) {
        tz = Some(z.clone());
        used += 1;
        end = r.end;
    }
    let mut e = expr(r0.start.saturating_sub(1)..end, pubd, DatePrecision::Hour);
    e.date = None;
    e.day = None;
    e.time = Some(format!("{hour:02}:00"));
    e.tz = tz;
    (Some(e), used)
}

/// The year of month `m` mentioned without one: this year, or last year if the month is still ahead.
fn infer_year(p: Date, m: i8) -> i16 {
    if m > p.month() { p.year() - 1 } else { p.year() }
}

/// The most recent `wd` (1 = Monday) on or before `p` (strictly before when `strict`).
fn last_weekday(p: Date, wd: i8, strict: bool) -> Option<Date> {
    let target = Weekday::from_monday_one_offset(wd).ok()?;
    let mut d = if strict { p.yesterday().ok()? } else { p };
    for _ in 0..7 {
        if d.weekday() == target {
            return Some(d);
        }
        d = d.yesterday().ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{Lang, analyze};

    fn times(text: &str, pubd: &str) -> Vec<TimeExpr> {
        let a = analyze(text, Some(Lang::Ar));
        let p: Date = pubd.parse().ok().unwrap_or_default();
        find_times(&a, &Lexicons::load(), Some(p))
    }

    #[test]
    fn relative_days() {
        let t = times("وتكررت الأعمال العدائية الليلة الماضية مرة أخرى", "2022-09-13");
        assert_eq!(t[0].date.as_deref(), Some("2022-09-12"));
        let t = times("قتل 18 شخصا أمس الثلاثاء", "2015-07-22");
        assert_eq!(t[0].date.as_deref(), Some("2015-07-21"));
    }

    #[test]
    fn weekday_past() {
        let t = times("أثناء صلاة ظهر يوم الخميس الماضي", "2015-08-09");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].date.as_deref(), Some("2015-08-06"));
    }

    #[test]
    fn weekdays_need_their_article() {
        assert!(times("وقع التفجير بأحد المساجد", "2015-08-09").is_empty());
        let t = times("وقع التفجير يوم أحد", "2015-08-12");
        assert_eq!(t[0].date.as_deref(), Some("2015-08-09"));
    }

    #[test]
    fn months_and_years() {
        let t = times(
            "في نوفمبر 2020 وفي خريف عام 2020 و في 19 يوليو 2015م",
            "2022-09-13",
        );
        let d: Vec<_> = t.iter().filter_map(|e| e.date.clone()).collect();
        assert_eq!(d, vec!["2020-11", "2020", "2015-07-19"]);
    }

    #[test]
    fn parts_of_months_and_years() {
        let d = |text: &str| {
            times(text, "2015-08-06")
                .into_iter()
                .filter_map(|e| e.date)
                .collect::<Vec<_>>()
        };
        assert_eq!(d("مددت في نهاية يوليو (تموز) حالة الطوارئ"), ["2015-07"]);
        assert_eq!(d("في أواخر ديسمبر"), ["2014-12"]);
        assert_eq!(d("في مطلع عام 2014"), ["2014"]);
        assert_eq!(d("منذ مطلع العام"), ["2015"]);
        assert_eq!(d("غارة في بداية الشهر"), ["2015-08"]);
        assert_eq!(d("في منتصف الشهر الماضي"), ["2015-07"]);
        assert_eq!(d("الشهر الماضي"), ["2015-07"]);
        assert_eq!(d("في العام الماضي"), ["2014"]);
        // A bare month name stays ambiguous (مارس is also a verb).
        assert!(d("مارس الضغط").is_empty());
    }

    #[test]
    fn spans_back_from_publication() {
        let d = |text: &str| {
            times(text, "2015-07-21")
                .into_iter()
                .map(|e| (e.date.unwrap_or_default(), e.precision))
                .collect::<Vec<_>>()
        };
        let day = Some(DatePrecision::Day);
        assert_eq!(d("مفاوضات مباشرة قبل أسبوعين"), [("2015-07-07".into(), day)]);
        assert_eq!(d("قبل ثلاثة أيام"), [("2015-07-18".into(), day)]);
        assert_eq!(d("قبل 5 أيام"), [("2015-07-16".into(), day)]);
        assert_eq!(
            d("قبل ثلاثة أشهر"),
            [("2015-04".into(), Some(DatePrecision::Month))]
        );
        assert_eq!(d("قبل عامين"), [("2013".into(), Some(DatePrecision::Year))]);
        // "a few days ago" has no date; "قبل" alone is "before".
        assert!(d("قبل أيام").is_empty());
        assert!(d("قبل الهجوم").is_empty());
    }

    #[test]
    fn night_hours() {
        let clock = |text: &str| {
            times(text, "2022-09-13")
                .into_iter()
                .find_map(|e| e.time)
                .unwrap_or_default()
        };
        assert_eq!(clock("الساعة الثانية عشرة ليلا"), "00:00");
        assert_eq!(clock("الساعة الحادية عشرة ليلا"), "23:00");
        assert_eq!(clock("الساعة الثانية ليلا"), "02:00");
        assert_eq!(clock("الساعة الثامنة مساء"), "20:00");
    }

    #[test]
    fn hijri_dates() {
        assert_eq!(
            hijri_to_date(1436, 9, 1).map(|d| d.to_string()).as_deref(),
            Some("2015-06-18")
        );
        let t = times("وقع الهجوم في 9 رمضان 1436 هـ", "2015-07-01");
        assert_eq!(t[0].date.as_deref(), Some("2015-06-26"));
        let t = times("يوم 10 شوال", "2015-08-06");
        assert_eq!(t[0].date.as_deref(), Some("2015-07-27"));
        let t = times("خلال صلاة الجمعة", "2015-08-06");
        assert!(t.is_empty());
    }

    #[test]
    fn clock_with_zone() {
        let t = times(
            "أن يدخل حيز التنفيذ اليوم الساعة التاسعة صباحًا في موسكو",
            "2022-09-13",
        );
        let c = t.iter().find(|e| e.time.is_some());
        assert_eq!(c.and_then(|e| e.time.clone()).as_deref(), Some("09:00"));
        assert_eq!(c.and_then(|e| e.tz.clone()).as_deref(), Some("Europe/Moscow"));
    }
}
