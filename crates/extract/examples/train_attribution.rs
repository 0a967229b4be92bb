//! Trains the attribution models from PolNeAR-style gold JSONL and writes them to
//! `crates/extract/models/attribution.bin` and `attribution_lexicon.tsv`.
//!
//! ```text
//! cargo run --release -p claimsheet-extract --example train_attribution -- \
//!     /work/shared/gold/dev/polnear-train.jsonl [EPOCHS] [OUT_DIR] [DEV.jsonl SYSTEM_OUT.jsonl]
//! ```
//!
//! With `EPOCHS` 0 nothing is trained: the model in `OUT_DIR` is loaded. With `DEV.jsonl` and
//! `SYSTEM_OUT.jsonl` the (trained or loaded) model tags the dev articles and writes their
//! attributions (code point offsets) for `tools/score.py --layers attributions`, without a
//! rebuild of the binary; a `.txt` dev file and `-` as output print a readable listing.
//!
//! Environment (all optional; the defaults, with 16 epochs, reproduce the committed model byte
//! for byte):
//! `ATT_FEATURES` the feature set (2, the default: predicate classes and the role tagger's cue
//! layout features, lexicon headed by `#predicate-classes`; 1: the first set),
//! `ATT_BAGS` the number of differently shuffled training runs averaged into each model (3 for
//! feature set 2, 1 for set 1),
//! `ATT_CUE_BITS` / `ATT_ROLE_BITS` table sizes (20 / 18), `ATT_HOLDOUT=1` trains without every
//! tenth article (for tuning on that slice), `ATT_CUE_BIAS` a bias on the cue tagger's outside
//! score when tagging, `ATT_SPEED=N` measures the stage's CPU time on the dev file instead
//! (each timed pass repeated N times).

use std::io::{BufRead, Write};

use claimsheet_extract::attribution::learn::{self, GoldAttribution};
use claimsheet_extract::attribution::model::{self, Lexicon};
use claimsheet_extract::attribution::AttributionTagger;
use claimsheet_extract::entities::EntityTagger;
use claimsheet_extract::segment::{self, Segmentation};
use claimsheet_extract::{Article, Doc, Span};
use claimsheet_ingest::{Articles, Input, Options};

fn spans(text: &str, cp_to_byte: &[usize], v: Option<&serde_json::Value>) -> Vec<Span> {
    let mut out = Vec::new();
    for pair in v.and_then(|v| v.as_array()).into_iter().flatten() {
        let (Some(s), Some(e)) = (
            pair.get(0).and_then(|x| x.as_u64()),
            pair.get(1).and_then(|x| x.as_u64()),
        ) else {
            continue;
        };
        let (Some(&s), Some(&e)) = (cp_to_byte.get(s as usize), cp_to_byte.get(e as usize)) else {
            continue;
        };
        if s < e && e <= text.len() {
            out.push(Span::new(s, e));
        }
    }
    out
}

/// The articles of a JSONL file as the binary reads them (same layout), with their gold.
/// The articles of a gold file with their gold attributions.
type GoldArticles = Vec<(Article, Vec<GoldAttribution>)>;

fn read(path: &str) -> Result<GoldArticles, Box<dyn std::error::Error>> {
    let mut golds = std::collections::HashMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let text = rec["text"].as_str().unwrap_or_default();
        let mut cp_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        cp_to_byte.push(text.len());
        let mut gold = Vec::new();
        for a in rec["attributions"].as_array().into_iter().flatten() {
            gold.push(GoldAttribution {
                cue: spans(text, &cp_to_byte, a.get("cue")),
                source: spans(text, &cp_to_byte, a.get("source")),
                content: spans(text, &cp_to_byte, a.get("content")),
            });
        }
        let id = rec["id"].as_str().unwrap_or_default().to_string();
        golds.insert(id, gold);
    }
    let mut out = Vec::new();
    for a in Articles::new(vec![Input::parse(path)], Options::default()) {
        let a = a?;
        let g = golds.remove(&a.id).unwrap_or_default();
        out.push((a, g));
    }
    Ok(out)
}

fn cp(text: &str, spans: &[Span]) -> serde_json::Value {
    let to_cp = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    spans
        .iter()
        .map(|s| serde_json::json!([to_cp(s.start), to_cp(s.end)]))
        .collect()
}

/// Table bits from the environment (default: the committed model's).
fn bits(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/gold/dev/polnear-train.jsonl".to_string());
    let epochs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(16);
    let out_dir = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/models").to_string());
    let (lexicon_text, model) = if epochs == 0 {
        (
            std::fs::read_to_string(format!("{out_dir}/attribution_lexicon.tsv"))?,
            std::fs::read(format!("{out_dir}/attribution.bin"))?,
        )
    } else {
        let mut data = read(&path)?;
        // ATT_HOLDOUT=1 leaves every tenth article out (for tuning on a held-out slice).
        if std::env::var("ATT_HOLDOUT").is_ok_and(|v| v == "1") {
            data = data
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % 10 != 0)
                .map(|(_, x)| x)
                .collect();
        }
        let segs: Vec<Segmentation> = data.iter().map(|(a, _)| segment::segment(a)).collect();
        let docs: Vec<(Doc<'_>, Vec<GoldAttribution>)> = data
            .iter()
            .zip(&segs)
            .map(|((a, g), s)| (Doc::new(a, s), g.clone()))
            .collect();
        eprintln!("{} articles", docs.len());
        // ATT_FEATURES=1: the first feature set (no predicate classes), one bag.
        let classes = bits("ATT_FEATURES", 2) >= 2;
        let lexicon_text = learn::build_lexicon(&docs, 3, 0.05, classes);
        let lexicon = Lexicon::parse(&lexicon_text);
        eprintln!("lexicon: {} forms", lexicon.len());
        let model = learn::train(
            &docs,
            &lexicon,
            epochs,
            bits("ATT_BAGS", if classes { 3 } else { 1 }) as usize,
            (
                bits("ATT_CUE_BITS", model::CUE_BITS),
                bits("ATT_ROLE_BITS", model::ROLE_BITS),
            ),
        );
        std::fs::write(format!("{out_dir}/attribution_lexicon.tsv"), &lexicon_text)?;
        std::fs::write(format!("{out_dir}/attribution.bin"), &model)?;
        eprintln!("model: {} bytes", model.len());
        (lexicon_text, model)
    };
    if let (Some(dev), Some(sys)) = (args.get(4), args.get(5)) {
        let mut tagger = AttributionTagger::from_parts(&lexicon_text, &model);
        if let Some(b) = std::env::var("ATT_CUE_BIAS")
            .ok()
            .and_then(|b| b.parse().ok())
        {
            tagger = tagger.with_cue_bias(b);
        }
        let entities = EntityTagger::new();
        let mut out = std::io::BufWriter::new(std::fs::File::create(if sys == "-" {
            "/dev/null"
        } else {
            sys
        })?);
        let articles: Vec<Article> = if dev.ends_with(".jsonl") {
            read(dev)?.into_iter().map(|(a, _)| a).collect()
        } else {
            Articles::new(vec![Input::parse(dev)], Options::default()).collect::<Result<_, _>>()?
        };
        if std::env::var("ATT_SPEED").is_ok() {
            speed(&tagger, &entities, &articles);
            return Ok(());
        }
        let (mut spent, mut bytes) = (std::time::Duration::ZERO, 0usize);
        for a in articles {
            let seg = segment::segment(&a);
            let doc = Doc::new(&a, &seg);
            let ents = entities.tag(&doc);
            let t0 = std::time::Instant::now();
            let found = tagger.tag(&doc, &ents);
            spent += t0.elapsed();
            bytes += a.text.len();
            if sys == "-" {
                // Readable listing: cue, source, content, speaker.
                let show = |v: &[Span]| {
                    v.iter()
                        .map(|s| s.slice(&a.text))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                for (i, x) in found.iter().enumerate() {
                    println!(
                        "{i} [{}] <{}> {{{}}} speaker={:?} {:?} {:?} parent={:?}",
                        show(&x.cue),
                        show(&x.source),
                        show(&x.content),
                        x.speaker,
                        x.speaker_type,
                        x.kind,
                        x.parent
                    );
                }
                continue;
            }
            let atts: Vec<serde_json::Value> = found
                .iter()
                .map(|x| {
                    serde_json::json!({
                        "cue": cp(&a.text, &x.cue),
                        "source": cp(&a.text, &x.source),
                        "content": cp(&a.text, &x.content),
                    })
                })
                .collect();
            let rec = serde_json::json!({"id": a.id, "attributions": atts});
            writeln!(out, "{rec}")?;
        }
        let secs = spent.as_secs_f64().max(1e-9);
        eprintln!(
            "attribution: {bytes} bytes in {:.1} ms, {:.1} MB/s",
            secs * 1e3,
            bytes as f64 / secs / 1e6
        );
    }
    Ok(())
}

/// CPU seconds of this process so far (user + system, from /proc; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |r| r.1);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

/// Attribution stage speed in CPU time (the machine may be shared): three passes over the
/// articles, segmentation and entities done beforehand.
fn speed(tagger: &AttributionTagger, entities: &EntityTagger, articles: &[Article]) {
    let segs: Vec<Segmentation> = articles.iter().map(segment::segment).collect();
    let docs: Vec<Doc<'_>> = articles
        .iter()
        .zip(&segs)
        .map(|(a, s)| Doc::new(a, s))
        .collect();
    let ents: Vec<_> = docs.iter().map(|d| entities.tag(d)).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // ATT_SPEED=N repeats each timed pass N times (finer than the clock tick of /proc).
    let repeat: usize = std::env::var("ATT_SPEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    for _ in 0..3 {
        let t0 = cpu_seconds();
        let mut n = 0;
        for _ in 0..repeat {
            n = 0;
            for (d, e) in docs.iter().zip(&ents) {
                n += tagger.tag(d, e).len();
            }
        }
        let secs = (cpu_seconds() - t0).max(1e-9) / repeat as f64;
        eprintln!(
            "attribution: {n} found, {:.0} ms CPU, {:.1} MB/s",
            secs * 1e3,
            bytes as f64 / secs / 1e6
        );
    }
}
