//! Hedge layer tests: cases as data (`tests/data/hedge/cases.txt`), and a property test.

use claimsheet_extract::hedge::{HedgeTagger, Hedges};
use claimsheet_extract::{segment, Doc};
use claimsheet_ingest::{parse_date, Article, Origin};
use proptest::prelude::*;

fn tag(tagger: &HedgeTagger, text: &str, date: Option<&str>) -> (Article, Hedges, Vec<String>) {
    let article = Article::new(
        "t",
        Origin::file("t"),
        text.to_string(),
        date.and_then(parse_date),
        Some(String::new()),
    );
    let seg = segment::segment(&article);
    let doc = Doc::new(&article, &seg);
    let hedges = tagger.tag(&doc);
    let sentences = seg
        .sentences
        .iter()
        .map(|s| s.span.slice(&article.text).to_string())
        .collect();
    (article, hedges, sentences)
}

fn sentence_index(sentences: &[String], start: &str, case: usize) -> usize {
    sentences
        .iter()
        .position(|s| s.starts_with(start))
        .unwrap_or_else(|| panic!("case {case}: no sentence starts with {start:?}: {sentences:?}"))
}

fn split(v: &str) -> Vec<&str> {
    v.split(" | ").map(str::trim).collect()
}

#[test]
fn cases_from_data() {
    let tagger = HedgeTagger::new();
    let data = include_str!("data/hedge/cases.txt");
    std::panic::set_hook(Box::new(|_| {}));
    let mut checked = 0;
    let mut failures: Vec<String> = Vec::new();
    for (case, block) in data.split("\n---").enumerate() {
        let mut text: Option<String> = None;
        let mut date = None;
        let mut checks = Vec::new();
        for line in block.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (key, value) = line.split_once(": ").expect("key: value");
            match key {
                "text" => text = Some(value.to_string()),
                "file" => {
                    let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), value);
                    text = Some(std::fs::read_to_string(&path).expect("case file"));
                }
                "date" => date = Some(value.to_string()),
                _ => checks.push((key, value)),
            }
        }
        let Some(text) = text else { continue };
        let (article, hedges, sentences) = tag(&tagger, &text, date.as_deref());
        let t = article.text.as_str();
        let cues: Vec<(&str, &str)> = hedges
            .cues
            .iter()
            .map(|c| (c.span.slice(t), c.class.as_str()))
            .collect();
        let signals: Vec<(&str, bool)> = hedges
            .cues
            .iter()
            .map(|c| (c.span.slice(t), c.signal))
            .collect();
        for (key, value) in checks {
            let v = split(value);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match key {
                "cue" => assert!(
                    cues.contains(&(v[0], v[1])),
                    "case {case}: no cue {v:?} in {cues:?}"
                ),
                "signal" | "uncertainty" => {
                    let want = (v[0], key == "signal");
                    assert!(
                        signals.contains(&want),
                        "case {case}: no {key} {:?} in {signals:?}",
                        v[0]
                    );
                }
                "nocue" => {
                    let at = t.find(v[0]).expect("nocue text in the case");
                    let span = claimsheet_extract::Span::new(at, at + v[0].len());
                    assert!(
                        !hedges.cues.iter().any(|c| c.span.overlaps(span)),
                        "case {case}: a cue overlaps {:?}: {cues:?}",
                        v[0]
                    );
                }
                "certainty" => {
                    let s = sentence_index(&sentences, v[0], case);
                    assert_eq!(
                        hedges.sentences[s].certainty.as_str(),
                        v[1],
                        "case {case}: {v:?}"
                    );
                }
                "polarity" => {
                    let s = sentence_index(&sentences, v[0], case);
                    assert_eq!(
                        hedges.sentences[s].polarity.as_str(),
                        v[1],
                        "case {case}: {v:?}"
                    );
                }
                "verification" => {
                    let s = sentence_index(&sentences, v[0], case);
                    let by = sentence_index(&sentences, v[2], case);
                    let got = hedges.sentences[s]
                        .verification
                        .map(|(x, i)| (x.as_str(), i));
                    assert_eq!(got, Some((v[1], by)), "case {case}: {v:?}");
                }
                "noverification" => {
                    let s = sentence_index(&sentences, v[0], case);
                    assert_eq!(hedges.sentences[s].verification, None, "case {case}: {v:?}");
                }
                other => panic!("case {case}: unknown key {other}"),
            }));
            if let Err(e) = outcome {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(msg.replace('\n', " "));
            }
            checked += 1;
        }
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 80, "only {checked} checks ran");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_text_never_panics(
        text in "([a-zA-Z]{1,9}|[0-9]{1,4}|[ .,;:!?'\"’“”\\-\n]|é|ü|日本|—|…|May|may|could|if|not|denied|is set to|whether|no sign yet|the reported| ){0,80}",
        dated in any::<bool>(),
    ) {
        let tagger = HedgeTagger::new();
        let (article, hedges, sentences) = tag(&tagger, &text, dated.then_some("2025-01-01"));
        let t = article.text.as_str();
        let mut last = 0;
        for c in &hedges.cues {
            prop_assert!(c.span.start < c.span.end && c.span.end <= t.len());
            prop_assert!(t.is_char_boundary(c.span.start) && t.is_char_boundary(c.span.end));
            prop_assert!(c.span.start >= last, "cues out of order");
            last = c.span.end;
        }
        prop_assert_eq!(hedges.sentences.len(), sentences.len());
        for h in &hedges.sentences {
            for &ci in &h.cues {
                prop_assert!(ci < hedges.cues.len());
            }
            if let Some((_, by)) = h.verification {
                prop_assert!(by < sentences.len());
            }
        }
    }
}

#[test]
fn inflected_entries_include_the_base_verb() {
    use claimsheet_extract::hedge::lexicon::{expand, stemmer};
    let st = stemmer();
    for (pattern, form) in [
        ("assum*", "assume"),
        ("speculat*", "speculate"),
        ("indicat*", "indicate"),
        ("assum*", "assumed"),
        ("expect*", "expecting"),
        ("rule* out", "ruled out"),
        ("estimat*", "estimated"),
    ] {
        let forms = expand(&st, pattern);
        assert!(forms.iter().any(|f| f == form), "{pattern}: {forms:?}");
    }
    // The stemmer check keeps out words of another stem.
    assert!(!expand(&st, "plan* to").iter().any(|f| f == "plane to"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// The word hash reads words case-insensitively, and its scan flags hyphens and non-ASCII
    /// bytes, for every length (the eight-byte chunks and the short tail).
    #[test]
    fn word_hash_ignores_ascii_case(
        word in "[a-zA-Z0-9'\\-é’]{0,40}",
        before in "[a-z é]{0,9}",
        after in "[A-Z ’]{0,12}",
    ) {
        use claimsheet_extract::hedge::lexicon::{hash_scan, hash_scan_at, word_hash};
        // Read in place from a longer text (the masked eight-byte loads), the same scan.
        let text = format!("{before}{word}{after}");
        let at = before.len();
        prop_assert_eq!(
            hash_scan_at(text.as_bytes(), at, at + word.len()),
            hash_scan(word.as_bytes())
        );
        prop_assert_eq!(word_hash(&word), word_hash(&word.to_ascii_lowercase()));
        prop_assert_eq!(word_hash(&word), word_hash(&word.to_ascii_uppercase()));
        let (_, high, hyphen) = hash_scan(word.as_bytes());
        prop_assert_eq!(high, !word.is_ascii());
        prop_assert_eq!(hyphen, word.contains('-'));
        if word.len() > 1 && word.is_ascii() {
            // Distinct words hash apart (no byte is lost in the tail loads).
            let mut other = word.to_ascii_lowercase().into_bytes();
            let last = other.len() - 1;
            other[last] = if other[last] == b'x' { b'y' } else { b'x' };
            let other = String::from_utf8(other).unwrap_or_default();
            prop_assert_ne!(word_hash(&word.to_ascii_lowercase()), word_hash(&other));
        }
    }
}
