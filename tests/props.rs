//! Property tests: no input makes any stage panic, and every span is valid.
//!
//! Bounded by a fixed case count, so they run in CI in seconds (set PROPTEST_CASES to run more).

use claimsheet_extract::{Article, Pipeline, Span};
use claimsheet_ingest::{html_to_article_parts, Articles, Input, Options, Origin};
use proptest::prelude::*;

/// Text that looks like news often enough to reach every rule: words, names, abbreviations,
/// quotes of every kind, numbers, dates, dashes, multi-byte characters and line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kang Kyung-wha".to_string()),
        Just("said".to_string()),
        Just("U.S.".to_string()),
        Just("Dr.".to_string()),
        Just("Oct. 31".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'s".to_string()),
        Just("’".to_string()),
        Just("...".to_string()),
        Just(" – ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("(AP)_ ".to_string()),
        Just("SEOUL, Oct 5 (Reuters) - ".to_string()),
        Just("By ".to_string()),
        Just("강경화".to_string()),
        Just("according to".to_string()),
        Just("may".to_string()),
        Just("2025".to_string()),
        Just("1,000.5".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// One pipeline for every case: building it loads the models.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

fn check_article(text: String, date: bool) {
    let pipeline = pipeline();
    let article = Article::new(
        "prop",
        Origin::file("prop"),
        text,
        date.then(|| jiff::civil::date(2025, 10, 19)),
        None,
    );
    let t = article.text.as_str();
    for p in &article.paragraphs {
        check_span(t, p.span, "paragraph");
    }
    let ann = pipeline.annotate(&article);
    let mut last_end = 0;
    for tok in &ann.segmentation.tokens {
        check_span(t, tok.span, "token");
        assert!(!tok.span.is_empty(), "empty token");
    }
    for w in ann.segmentation.tokens.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "tokens overlap or are out of order"
        );
    }
    for s in &ann.segmentation.sentences {
        check_span(t, s.span, "sentence");
        assert!(s.span.start >= last_end, "sentences out of order");
        last_end = s.span.end;
        let p = &article.paragraphs[s.paragraph];
        assert!(p.span.contains(s.span), "sentence outside its paragraph");
    }
    for x in &ann.timexes {
        check_span(t, x.span, "timex");
    }
    for m in &ann.entities.mentions {
        check_span(t, m.span, "entity");
        assert!(m.referent < ann.entities.referents.len());
    }
    for c in &ann.hedges.cues {
        check_span(t, c.span, "cue");
    }
    assert_eq!(ann.hedges.sentences.len(), ann.segmentation.sentences.len());
    for a in &ann.attributions {
        for s in a.source.iter().chain(&a.cue).chain(&a.content) {
            check_span(t, *s, "attribution");
        }
    }
    for c in &ann.claims {
        check_span(t, c.span, "claim");
    }
    // The report never panics either, and its offsets are code points within the text.
    let chars = t.chars().count();
    for row in claimsheet_report::claim_rows(&article, &ann) {
        assert!(row.start <= row.end && row.end <= chars);
    }
    let rec = claimsheet_report::annotation_record(&article, &ann);
    assert!(rec["sentences"].is_array());
}

/// Annotating articles together, stage by stage, gives each the annotation it gets alone.
fn check_batch(texts: Vec<String>) {
    let pipeline = pipeline();
    let articles: Vec<Article> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let id = format!("batch-{i}");
            let date = Some(jiff::civil::date(2025, 10, 19));
            Article::new(&id, Origin::file(&id), text, date, None)
        })
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    let batch = pipeline.annotate_batch(&refs);
    assert_eq!(batch.len(), articles.len());
    for (a, together) in articles.iter().zip(&batch) {
        let alone = pipeline.annotate(a);
        assert_eq!(format!("{alone:?}"), format!("{together:?}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_batch_annotates_each_article_as_alone(texts in prop::collection::vec(newsish(), 0..5)) {
        check_batch(texts);
    }

    #[test]
    fn pipeline_never_panics_on_newsish_text(text in newsish(), date in any::<bool>()) {
        check_article(text, date);
    }

    #[test]
    fn pipeline_never_panics_on_arbitrary_text(text in any::<String>()) {
        check_article(text, true);
    }

    #[test]
    fn html_reader_never_panics(html in "(<[a-z/!]{0,6}[^>]{0,10}>?|&[a-z#0-9]{0,6};?|[^<&]{0,10}){0,30}") {
        let parts = html_to_article_parts(&html);
        prop_assert!(!parts.text.contains("\n\n"));
    }

    #[test]
    fn any_bytes_as_a_file_give_an_article_or_a_named_error(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop_oneof![Just("txt"), Just("jsonl"), Just("html")]) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(format!("input.{ext}"));
        std::fs::write(&path, &bytes).expect("write");
        for item in Articles::new(vec![Input::Path(path.clone())], Options::default()) {
            match item {
                Ok(a) => check_article(a.text, false),
                Err(e) => prop_assert!(e.to_string().contains("input."), "error names the input: {e}"),
            }
        }
    }
}
