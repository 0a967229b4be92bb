//! Any bytes, read as a plain-text article and as an HTML page, go through the whole pipeline
//! and every report without a panic, and every span the layers give lies inside the text on
//! character boundaries.

#![no_main]

use std::sync::OnceLock;

use claimsheet_extract::{Annotation, Article, Pipeline, Span};
use claimsheet_ingest::{html_to_article_parts, parse_date, Origin};
use claimsheet_report::{annotation_record, claim_rows, CsvOptions, CsvWriter, ReportSink};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside the text");
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} not on character boundaries"
    );
}

fn check(article: &Article, ann: &Annotation) {
    let text = article.text.as_str();
    for t in &ann.segmentation.tokens {
        check_span(text, t.span, "token");
    }
    for m in &ann.entities.mentions {
        check_span(text, m.span, "entity");
    }
    for t in &ann.timexes {
        check_span(text, t.span, "timex");
    }
    for c in &ann.hedges.cues {
        check_span(text, c.span, "hedge cue");
    }
    for a in &ann.attributions {
        for s in a.source.iter().chain(&a.cue).chain(&a.content) {
            check_span(text, *s, "attribution part");
        }
    }
    for c in &ann.claims {
        check_span(text, c.span, "claim");
    }
}

fn run(text: String, date: &str) {
    let article = Article::new("fuzz", Origin::file("fuzz"), text, parse_date(date), None);
    let ann = pipeline().annotate(&article);
    check(&article, &ann);
    let mut csv = Vec::new();
    if let Ok(mut w) = CsvWriter::new::<claimsheet_report::ClaimRow>(&mut csv, CsvOptions::default())
    {
        for row in claim_rows(&article, &ann) {
            let _ = w.write_row(&row);
        }
    }
    let _ = annotation_record(&article, &ann);
    let mut page = Vec::new();
    let mut sink = Box::new(claimsheet_report::HtmlSink::new(&mut page));
    let _ = sink.article(&article, &ann);
    let _ = sink.finish();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let html = html_to_article_parts(&text).text;
    run(text, "2025-10-19");
    run(html, "2024-02-29");
});
