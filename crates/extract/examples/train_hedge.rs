//! Trains the hedge cue disambiguator (an averaged perceptron) from gold annotation JSONL and
//! writes `models/hedge.weights`.
//!
//! ```text
//! cargo run --release -p claimsheet-extract --example train_hedge -- \
//!     --out crates/extract/models/hedge.weights \
//!     /work/shared/gold/dev/wiki-weasel.jsonl /work/shared/gold/dev/factbank-timebank.jsonl
//! ```
//!
//! A file argument may end in `:even` or `:odd` to train on half of its records only (split by
//! the FNV-1a hash of the record id); `--heldout PATH` then writes the other half's gold lines
//! to PATH, for scoring with `tools/score.py`. `--epochs N` (default 5).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};

use claimsheet_extract::hedge::{model, HedgeTagger};
use claimsheet_extract::{segment, Doc, Span};
use claimsheet_ingest::{Articles, Input, Options};

fn id_half(id: &str) -> u64 {
    model::hash_str(model::SEED, id) % 2
}

/// Byte offset of each char offset of `text` (plus the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

struct Example {
    features: Vec<u64>,
    label: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out_path = String::from("crates/extract/models/hedge.weights");
    let mut heldout: Option<String> = None;
    let mut epochs = 5usize;
    let mut files: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out_path = args.next().ok_or("--out needs a path")?,
            "--heldout" => heldout = Some(args.next().ok_or("--heldout needs a path")?),
            "--epochs" => epochs = args.next().ok_or("--epochs needs a number")?.parse()?,
            _ => files.push(a),
        }
    }
    // Candidates come from a tagger without weights (every learned candidate).
    let tagger = HedgeTagger::with_weights("");
    let mut examples: Vec<Example> = Vec::new();
    let mut held = Vec::new();
    let mut held_ids: HashSet<String> = HashSet::new();
    for spec in &files {
        let (path, half) = match spec.rsplit_once(':') {
            Some((p, "even")) => (p.to_string(), Some(0)),
            Some((p, "odd")) => (p.to_string(), Some(1)),
            _ => (spec.clone(), None),
        };
        // Gold cues by id, and the held-out lines.
        let mut gold: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut keep: HashSet<String> = HashSet::new();
        let file = std::io::BufReader::new(std::fs::File::open(&path)?);
        for line in file.lines() {
            let line = line?;
            let rec: serde_json::Value = serde_json::from_str(&line)?;
            let id = rec["id"].as_str().unwrap_or_default().to_string();
            let text = rec["text"].as_str().unwrap_or_default();
            if half.is_some_and(|h| id_half(&id) != h) {
                if held_ids.insert(id) {
                    held.push(line.clone());
                }
                continue;
            }
            let map = char_to_byte(text);
            let cues = rec["cues"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| {
                            let s = map.get(c["start"].as_u64()? as usize)?;
                            let e = map.get(c["end"].as_u64()? as usize)?;
                            Some((*s, *e))
                        })
                        .collect()
                })
                .unwrap_or_default();
            gold.insert(id.clone(), cues);
            keep.insert(id);
        }
        let articles = Articles::new(vec![Input::parse(&path)], Options::default());
        for article in articles {
            let article = article?;
            if !keep.contains(&article.id) {
                continue;
            }
            let seg = segment::segment(&article);
            let doc = Doc::new(&article, &seg);
            let cues = gold.get(&article.id).cloned().unwrap_or_default();
            for cand in tagger.candidates(&doc) {
                if !cand.learned() {
                    continue;
                }
                let label = cues
                    .iter()
                    .any(|&(s, e)| cand.span.overlaps(Span::new(s, e)));
                let mut features = Vec::new();
                tagger.features(&doc, &cand, &mut features);
                examples.push(Example { features, label });
            }
        }
    }
    eprintln!(
        "{} examples, {} positive",
        examples.len(),
        examples.iter().filter(|e| e.label).count()
    );
    // Averaged perceptron.
    let mut w: HashMap<u64, f32> = HashMap::new();
    let mut total: HashMap<u64, f32> = HashMap::new();
    let mut stamp: HashMap<u64, usize> = HashMap::new();
    let mut clock = 1usize;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &k in &order {
            let ex = &examples[k];
            let score: f32 = ex
                .features
                .iter()
                .map(|f| w.get(f).copied().unwrap_or(0.0))
                .sum();
            let predicted = score >= 0.0;
            if predicted != ex.label {
                errors += 1;
                let delta = if ex.label { 1.0 } else { -1.0 };
                for f in &ex.features {
                    let wf = w.entry(*f).or_insert(0.0);
                    let t = stamp.entry(*f).or_insert(0);
                    *total.entry(*f).or_insert(0.0) += (clock - *t) as f32 * *wf;
                    *t = clock;
                    *wf += delta;
                }
            }
            clock += 1;
        }
        eprintln!("epoch {epoch}: {errors} errors");
    }
    let mut lines: Vec<(u64, f32)> = w
        .iter()
        .map(|(f, wf)| {
            let t = stamp.get(f).copied().unwrap_or(0);
            let tot = total.get(f).copied().unwrap_or(0.0) + (clock - t) as f32 * wf;
            (*f, tot / clock as f32)
        })
        .filter(|(_, a)| a.abs() > 1e-4)
        .collect();
    lines.sort_by_key(|l| l.0);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out_path)?);
    for (f, a) in &lines {
        writeln!(out, "{f:016x} {a:.4}")?;
    }
    eprintln!("{} weights written to {out_path}", lines.len());
    if let Some(path) = heldout {
        let mut h = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for line in &held {
            writeln!(h, "{line}")?;
        }
        eprintln!("{} held-out records written to {path}", held.len());
    }
    Ok(())
}
