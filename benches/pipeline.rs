//! Criterion benches: each stage of the pipeline and the whole pipeline on the bundled corpus.
//! Every timed closure checks its result, so a stage that silently does nothing fails the bench.

use std::hint::black_box;

use claimsheet_extract::segment::segment;
use claimsheet_extract::{Article, Doc, Pipeline};
use claimsheet_ingest::{Articles, Input, Options};
use claimsheet_report::ReportSink;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<claimsheet_ingest::Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let options = Options {
        default_date: claimsheet_ingest::parse_date("2025-10-19"),
        ..Options::default()
    };
    let articles: Vec<_> = Articles::new(vec![Input::parse(dir)], options)
        .filter_map(Result::ok)
        .collect();
    assert!(!articles.is_empty(), "the corpus has articles");
    articles
}

fn stages(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let pipeline = Pipeline::new();
    let segs: Vec<_> = articles.iter().map(segment).collect();
    let expected_sentences: usize = segs.iter().map(|s| s.sentences.len()).sum();
    let docs: Vec<Doc<'_>> = articles
        .iter()
        .zip(&segs)
        .map(|(a, s)| Doc::new(a, s))
        .collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| segment(black_box(a)).sentences.len())
                .sum();
            assert_eq!(n, expected_sentences);
        })
    });
    let time = claimsheet_extract::time::TimeTagger::new();
    let timexes: usize = docs.iter().map(|d| time.tag(d, d.article.date).len()).sum();
    g.bench_function("time", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| time.tag(black_box(d), d.article.date).len())
                .sum();
            assert_eq!(n, timexes);
        })
    });
    let entities = claimsheet_extract::entities::EntityTagger::new();
    let mentions: usize = docs.iter().map(|d| entities.tag(d).mentions.len()).sum();
    g.bench_function("entities", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| entities.tag(black_box(d)).mentions.len())
                .sum();
            assert_eq!(n, mentions);
        })
    });
    let hedge = claimsheet_extract::hedge::HedgeTagger::new();
    let sentences: usize = docs.iter().map(|d| hedge.tag(d).sentences.len()).sum();
    assert_eq!(
        sentences, expected_sentences,
        "one hedge verdict per sentence"
    );
    g.bench_function("hedge", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| hedge.tag(black_box(d)).sentences.len())
                .sum();
            assert_eq!(n, expected_sentences);
        })
    });
    let attribution = claimsheet_extract::attribution::AttributionTagger::new();
    let ents: Vec<_> = docs.iter().map(|d| entities.tag(d)).collect();
    let attributions: usize = docs
        .iter()
        .zip(&ents)
        .map(|(d, e)| attribution.tag(d, e).len())
        .sum();
    g.bench_function("attribution", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&ents)
                .map(|(d, e)| attribution.tag(black_box(d), e).len())
                .sum();
            assert_eq!(n, attributions);
        })
    });
    g.finish();

    let claims: usize = articles
        .iter()
        .map(|a| pipeline.annotate(a).claims.len())
        .sum();
    assert!(claims > 0, "the corpus gives claims");
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("annotate+csv", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            let mut rows = 0;
            for a in &articles {
                let ann = pipeline.annotate(black_box(a));
                buf.clear();
                let mut sink = Box::new(
                    claimsheet_report::CsvSink::new(
                        &mut buf,
                        claimsheet_report::CsvOptions::default(),
                    )
                    .expect("CSV header"),
                );
                rows += sink.article(a, &ann).expect("CSV rows");
                sink.finish().expect("CSV written");
                assert!(
                    buf.len() > 300 || ann.claims.is_empty(),
                    "rows were written"
                );
            }
            assert_eq!(rows, claims);
        })
    });
    // Stage by stage over batches, as `extract` runs it.
    let refs: Vec<&Article> = articles.iter().collect();
    g.bench_function("annotate batches", |b| {
        b.iter(|| {
            let n: usize = refs
                .chunks(Pipeline::BATCH)
                .map(|batch| {
                    pipeline
                        .annotate_batch(black_box(batch))
                        .iter()
                        .map(|a| a.claims.len())
                        .sum::<usize>()
                })
                .sum();
            assert_eq!(n, claims);
        })
    });
    g.finish();
}

#[allow(missing_docs)]
mod group {
    use super::*;
    criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
    }
}
criterion_main!(group::benches);
