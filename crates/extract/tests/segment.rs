//! Sentence segmentation cases from `tests/data/segment/sentences.tsv`.

use claimsheet_extract::segment::segment;
use claimsheet_ingest::{Article, Origin};

#[test]
fn sentence_cases() {
    let data = include_str!("data/segment/sentences.tsv");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((input, expected)) = line.split_once('\t') else {
            panic!("line {}: no tab", n + 1);
        };
        cases += 1;
        let text = input.replace("\\n", "\n");
        // An empty title: the first line is never taken for a headline in these cases.
        let article = Article::new(
            "case",
            Origin::file("case"),
            text.clone(),
            None,
            Some(String::new()),
        );
        let got: Vec<&str> = segment(&article)
            .sentences
            .iter()
            .map(|s| s.span.slice(&text))
            .collect();
        let want: Vec<&str> = expected.split(" || ").collect();
        if got != want {
            failures.push(format!(
                "line {}: {input:?}\n  want {want:?}\n  got  {got:?}",
                n + 1
            ));
        }
    }
    assert!(cases >= 40, "the case file has its cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
