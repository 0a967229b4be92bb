//! Data-driven tests of the time layer: `tests/data/time/cases.tsv`, plus the seed article and a
//! property test.
//!
//! Case file format (one expectation per line, tab-separated; `#` starts a comment line):
//!
//! ```text
//! text  date  span  type  value  [mod]  [extra ...]
//! ```
//!
//! - `date`: the publication date `YYYY-MM-DD`, or `-` for none;
//! - `span`: the exact text of the expected expression (`text#2` for its second occurrence);
//!   `!text` asserts that no expression overlaps `text`; `*none` that the text has none at all;
//! - `type`, `value`: TIMEX3 type and value (`-` when the span is negative);
//! - `mod`: the TIMEX3 modifier, `-` for none (checked only when the column is present);
//! - extras: `range=TEXT` (the expression is a range with the one spanning TEXT),
//!   `anchor=none|publication|previous:TEXT`.

use claimsheet_extract::segment::segment;
use claimsheet_extract::time::{Anchor, TimeTagger, Timex};
use claimsheet_extract::Doc;
use claimsheet_ingest::{Article, Origin};
use jiff::civil::Date;
use proptest::prelude::*;

fn run(tagger: &TimeTagger, text: &str, date: Option<Date>) -> Vec<Timex> {
    let article = Article::new("t", Origin::file("t"), text.to_string(), date, None);
    let seg = segment(&article);
    let doc = Doc::new(&article, &seg);
    tagger.tag(&doc, date)
}

/// Byte offset of the `n`th (1-based) occurrence of `needle` in `text`.
fn find_nth(text: &str, needle: &str, n: usize) -> Option<usize> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..n {
        let at = text.get(from..)?.find(needle)? + from;
        found = Some(at);
        from = at + needle.len().max(1);
    }
    found
}

/// Splits `span#n` into the span text and the occurrence number.
fn occurrence(spec: &str) -> (&str, usize) {
    match spec.rsplit_once('#') {
        Some((s, n)) if !s.is_empty() => match n.parse() {
            Ok(n) => (s, n),
            Err(_) => (spec, 1),
        },
        _ => (spec, 1),
    }
}

fn show(text: &str, found: &[Timex]) -> String {
    found
        .iter()
        .map(|t| {
            format!(
                "[{} {} {}{}]",
                t.span.slice(text),
                t.kind.as_str(),
                t.value,
                t.modifier.map(|m| format!(" mod={m}")).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_case(tagger: &TimeTagger, line: &str) -> Result<(), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 5 {
        return Err("fewer than 5 columns".into());
    }
    let (text, date_s, spec, kind, value) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
    let date = if date_s == "-" {
        None
    } else {
        Some(
            date_s
                .parse::<Date>()
                .map_err(|e| format!("bad date {date_s}: {e}"))?,
        )
    };
    let found = run(tagger, text, date);
    if spec == "*none" {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected nothing, found {}", show(text, &found)))
        };
    }
    if let Some(neg) = spec.strip_prefix('!') {
        let (neg, n) = occurrence(neg);
        let at = find_nth(text, neg, n).ok_or_else(|| format!("{neg:?} not in text"))?;
        let end = at + neg.len();
        return match found.iter().find(|t| t.span.start < end && at < t.span.end) {
            None => Ok(()),
            Some(_) => Err(format!(
                "{neg:?} should not be a timex; found {}",
                show(text, &found)
            )),
        };
    }
    let (want, n) = occurrence(spec);
    let at = find_nth(text, want, n).ok_or_else(|| format!("{want:?} not in text"))?;
    let end = at + want.len();
    let Some((idx, t)) = found
        .iter()
        .enumerate()
        .find(|(_, t)| t.span.start == at && t.span.end == end)
    else {
        return Err(format!("no timex {want:?}; found {}", show(text, &found)));
    };
    if t.kind.as_str() != kind || t.value != value {
        return Err(format!(
            "{want:?}: expected {kind} {value}, found {} {}",
            t.kind.as_str(),
            t.value
        ));
    }
    if let Some(&m) = cols.get(5) {
        let got = t.modifier.unwrap_or("-");
        if !m.is_empty() && got != m {
            return Err(format!("{want:?}: expected mod {m}, found {got}"));
        }
    }
    for extra in cols.iter().skip(6) {
        if let Some(other) = extra.strip_prefix("range=") {
            let (other, n) = occurrence(other);
            let oat = find_nth(text, other, n).ok_or_else(|| format!("{other:?} not in text"))?;
            let j = t
                .range_with
                .ok_or_else(|| format!("{want:?} is not a range"))?;
            let o = found.get(j).ok_or("range index out of bounds")?;
            if o.span.start != oat || o.range_with != Some(idx) {
                return Err(format!("{want:?}: range end is not {other:?}"));
            }
        } else if let Some(a) = extra.strip_prefix("anchor=") {
            let ok = match (a, t.anchor) {
                ("none", Anchor::None) | ("publication", Anchor::Publication) => true,
                (p, Anchor::Previous(j)) if p.starts_with("previous:") => {
                    let (prev, n) = occurrence(&p["previous:".len()..]);
                    let pat = find_nth(text, prev, n);
                    found.get(j).is_some_and(|o| Some(o.span.start) == pat)
                }
                _ => false,
            };
            if !ok {
                return Err(format!(
                    "{want:?}: expected anchor {a}, found {:?}",
                    t.anchor
                ));
            }
        } else if !extra.is_empty() {
            return Err(format!("unknown extra column {extra:?}"));
        }
    }
    Ok(())
}

#[test]
fn cases_file() {
    let data = include_str!("data/time/cases.tsv");
    let tagger = TimeTagger::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        count += 1;
        if let Err(e) = check_case(&tagger, line) {
            let text = line.split('\t').next().unwrap_or("");
            failures.push(format!("line {}: {e}\n    {text}", n + 1));
        }
    }
    assert!(count >= 300, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The seed article (2025-10-19) gives exactly the expected dates.
#[test]
fn seed_article() {
    let text = include_str!("../../../corpus/seed-korea-trump-kim.txt");
    let date: Date = "2025-10-19".parse().expect("date");
    let found = run(&TimeTagger::new(), text, Some(date));
    let got: Vec<(String, String)> = found
        .iter()
        .map(|t| (t.span.slice(text).to_string(), t.value.clone()))
        .collect();
    let want = [
        ("Saturday", "2025-10-18"),
        ("later this month", "2025-10"),
        ("earlier this year", "2025"),
        ("2025", "2025"),
        ("August", "2025-08"),
        ("2018", "2018"),
        ("2019", "2019"),
        ("later that year", "2019"),
        ("Friday", "2025-10-17"),
        ("Oct. 31", "2025-10-31"),
        ("Nov. 1", "2025-11-01"),
        ("last month", "2025-09"),
    ];
    for (s, v) in want {
        assert!(
            got.iter().any(|(gs, gv)| gs == s && gv == v),
            "missing {s}={v}; got {got:?}"
        );
    }
    for bad in ["three times", "second term"] {
        assert!(
            !got.iter()
                .any(|(gs, _)| gs.contains(bad) || bad.contains(gs.as_str())),
            "{bad} tagged; got {got:?}"
        );
    }
    // "later that year" is anchored on "2019"; the APEC dates are one range.
    let later = found
        .iter()
        .find(|t| t.span.slice(text) == "later that year")
        .expect("later that year");
    let Anchor::Previous(i) = later.anchor else {
        panic!("later that year anchored on {:?}", later.anchor)
    };
    assert_eq!(found[i].span.slice(text), "2019");
    let oct = found
        .iter()
        .position(|t| t.span.slice(text) == "Oct. 31")
        .expect("Oct. 31");
    let nov = found[oct].range_with.expect("range");
    assert_eq!(found[nov].span.slice(text), "Nov. 1");
    assert_eq!(found[nov].range_with, Some(oct));
}

/// Output never depends on the day the tool runs: without a date, relative parts stay X.
#[test]
fn no_publication_date_leaves_x() {
    let text = "Officials met on Saturday and will meet again next month.";
    let found = run(&TimeTagger::new(), text, None);
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-WXX-6", "XXXX-XX"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text: no panic, spans on char boundaries, inside the text, in order, not overlapping.
    #[test]
    fn spans_are_sane(
        text in "([A-Za-z0-9 .,:;'\"/\\-]|Oct|May|Friday|last|next|year|years|ago|the|quarter|third|1990s|2025|p\\.m\\.|é|ü|—|’|“|”|中文|\n){0,80}",
        y in 1i16..9999,
        m in 1i8..=12,
        d in 1i8..=28,
        with_date in any::<bool>(),
    ) {
        let date = if with_date { Date::new(y, m, d).ok() } else { None };
        let found = run(&TimeTagger::new(), &text, date);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.span.start < t.span.end);
            prop_assert!(t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert!(t.span.start >= last_end);
            prop_assert!(!t.value.is_empty());
            last_end = t.span.end;
        }
    }
}
