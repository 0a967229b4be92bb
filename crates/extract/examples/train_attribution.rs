//! Trains the attribution models from PolNeAR-style gold JSONL and writes them to
//! `crates/extract/models/attribution.bin` and `attribution_lexicon.tsv`.
//!
//! ```text
//! cargo run --release -p claimsheet-extract --example train_attribution -- \
//!     /work/shared/gold/dev/polnear-train.jsonl [EPOCHS] [OUT_DIR]
//! ```

use std::io::BufRead;

use claimsheet_extract::attribution::learn::{self, GoldAttribution};
use claimsheet_extract::attribution::model::Lexicon;
use claimsheet_extract::segment::{self, Segmentation};
use claimsheet_extract::{Article, Doc, Span};
use claimsheet_ingest::Origin;

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
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut articles = Vec::new();
    let mut golds = Vec::new();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let text = rec["text"].as_str().unwrap_or_default().to_string();
        let mut cp_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        cp_to_byte.push(text.len());
        let mut gold = Vec::new();
        for a in rec["attributions"].as_array().into_iter().flatten() {
            gold.push(GoldAttribution {
                cue: spans(&text, &cp_to_byte, a.get("cue")),
                source: spans(&text, &cp_to_byte, a.get("source")),
                content: spans(&text, &cp_to_byte, a.get("content")),
            });
        }
        let title = rec["title"].as_str().map(str::to_string);
        let id = rec["id"].as_str().unwrap_or_default().to_string();
        articles.push(Article::new(id, Origin::file(&path), text, None, title));
        golds.push(gold);
    }
    let segs: Vec<Segmentation> = articles.iter().map(segment::segment).collect();
    let docs: Vec<(Doc<'_>, Vec<GoldAttribution>)> = articles
        .iter()
        .zip(&segs)
        .zip(golds)
        .map(|((a, s), g)| (Doc::new(a, s), g))
        .collect();
    eprintln!("{} articles", docs.len());
    let lexicon_text = learn::build_lexicon(&docs, 3, 0.05);
    let lexicon = Lexicon::parse(&lexicon_text);
    eprintln!("lexicon: {} forms", lexicon.len());
    let model = learn::train(&docs, &lexicon, epochs);
    std::fs::write(format!("{out_dir}/attribution_lexicon.tsv"), lexicon_text)?;
    std::fs::write(format!("{out_dir}/attribution.bin"), &model)?;
    eprintln!("model: {} bytes", model.len());
    Ok(())
}
