//! The claims table checked against hand-read expectations kept as data files:
//! `tests/data/seed_claims.tsv` (the seed article's claim rows) and `tests/data/said_on.tsv`
//! (when a statement was made). Each file's header comment says how its lines are read.

use std::process::Command;

mod common;
use common::csv_rows;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/seed-korea-trump-kim.txt"
);
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Columns whose cells are lists joined by "; ": an expected `a; b` needs each item among them.
const LIST_COLUMNS: &[&str] = &["hedges", "dates", "quote", "cue", "entities"];

/// Runs `claimsheet extract` with `args` and returns the CSV's header and rows.
fn extract(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .arg("extract")
        .args(args)
        .output()
        .expect("claimsheet runs");
    assert!(
        out.status.success(),
        "claimsheet failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_rows(&out.stdout)
}

/// The data lines of a tab-separated fixture: its header (the first line that is not a comment)
/// and the lines after it, comments and blank lines skipped.
fn fixture(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = format!("{DATA}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect::<Vec<_>>());
    let header = lines.next().expect("fixture header");
    (header, lines.collect())
}

/// Why one expected cell does not hold, or None when it does.
fn cell_mismatch(column: &str, expected: &str, actual: &str) -> Option<String> {
    let holds = match expected {
        "*" => true,
        "-" => actual.is_empty(),
        _ if LIST_COLUMNS.contains(&column) => {
            let items: Vec<&str> = actual.split("; ").map(str::trim).collect();
            expected
                .split("; ")
                .all(|e| items.iter().any(|i| i.contains(e.trim())))
        }
        _ if column == "verification" => actual.starts_with(expected),
        _ => actual == expected,
    };
    (!holds).then(|| format!("{column}: expected {expected:?}, got {actual:?}"))
}

/// Checks each expected row against the claim rows: the row whose kind is equal and whose claim
/// contains the expected text must hold every other expected cell. Returns the failures.
fn check(
    header: &[String],
    rows: &[Vec<String>],
    expected_header: &[String],
    expected: &[Vec<String>],
) -> Vec<String> {
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (kind, claim) = (col("kind"), col("claim"));
    let mut failures = Vec::new();
    for want in expected {
        let label = format!("{} {:?}", want[0], want[1]);
        let candidates: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r[kind] == want[0] && r[claim].contains(want[1].as_str()))
            .collect();
        if candidates.is_empty() {
            failures.push(format!("{label}: no such claim row"));
            continue;
        }
        // Of several rows with the text, the one that holds the most expected cells speaks.
        let problems = candidates
            .iter()
            .map(|r| {
                expected_header
                    .iter()
                    .zip(want)
                    .skip(2)
                    .filter_map(|(name, e)| cell_mismatch(name, e, &r[col(name)]))
                    .collect::<Vec<_>>()
            })
            .min_by_key(Vec::len)
            .unwrap_or_default();
        if !problems.is_empty() {
            failures.push(format!("{label}: {}", problems.join(", ")));
        }
    }
    failures
}

#[test]
fn seed_claim_rows_match_the_hand_read_fixture() {
    let (header, rows) = extract(&[SEED, "--date", "2025-10-19"]);
    let (expected_header, expected) = fixture("seed_claims.tsv");
    assert!(expected.len() >= 12, "the fixture lost rows");
    let failures = check(&header, &rows, &expected_header, &expected);
    assert!(
        failures.is_empty(),
        "{} of {} expected seed rows do not hold:\n{}",
        failures.len(),
        expected.len(),
        failures.join("\n")
    );
}

#[test]
fn no_claim_row_for_the_seed_furniture() {
    let (header, rows) = extract(&[SEED, "--date", "2025-10-19"]);
    let claim = header.iter().position(|h| h == "claim").expect("claim");
    for furniture in [
        "SEOUL DISMISSES",
        "Sookyung Seo",
        "skseo@hankyung.com",
        "edited this article",
    ] {
        assert!(
            rows.iter().all(|r| !r[claim].contains(furniture)),
            "a claim row holds {furniture:?}"
        );
    }
}

#[test]
fn said_on_is_the_date_of_the_reporting_frame() {
    let (expected_header, cases) = fixture("said_on.tsv");
    assert_eq!(expected_header, ["date", "text", "claim", "said_on"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let path = dir.path().join(format!("case-{i}.txt"));
        std::fs::write(&path, &case[1]).expect("write case");
        let (header, rows) = extract(&[path.to_str().expect("utf-8 path"), "--date", &case[0]]);
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        let row = rows
            .iter()
            .find(|r| r[col("kind")] != "statement" && r[col("claim")].contains(&case[2]));
        match row {
            None => failures.push(format!("{:?}: no attributed claim {:?}", case[1], case[2])),
            Some(r) => {
                let want = if case[3] == "-" { "" } else { case[3].as_str() };
                if r[col("said_on")] != want {
                    failures.push(format!(
                        "{:?}: said_on {:?}, expected {want:?}",
                        case[1],
                        r[col("said_on")]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
