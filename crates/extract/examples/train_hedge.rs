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
//!
//! `--folds DIR` runs the held-out protocol instead: each half (even, odd) of every file's
//! records (split by id hash) is tagged by a model trained on the other half of that file and
//! all of the other files; the pooled predictions of each file go to `DIR/<file name>`
//! (annotation records with `id` and `cues`, the news signals left out as in `claimsheet
//! annotate`), to score with `tools/score.py GOLD DIR/<file name> --layers cues`. `--szeged`
//! keeps only the Szeged-class cues in those predictions.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use claimsheet_extract::hedge::{model, HedgeTagger};
use claimsheet_extract::{segment, Doc, Span};
use claimsheet_ingest::{Article, Articles, Input, Options};

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
    /// Hash of the record id (documents stay together in the calibration split).
    doc: u64,
}

/// One gold record: the article, its gold cue byte spans, its JSON line.
type Record = (Article, Vec<(usize, usize)>, String);

/// One gold file and its records.
struct File {
    path: String,
    records: Vec<Record>,
}

fn load(path: &str) -> Result<File, Box<dyn std::error::Error>> {
    let mut gold: HashMap<String, (Vec<(usize, usize)>, String)> = HashMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    for line in file.lines() {
        let line = line?;
        let rec: serde_json::Value = serde_json::from_str(&line)?;
        let id = rec["id"].as_str().unwrap_or_default().to_string();
        let text = rec["text"].as_str().unwrap_or_default();
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
        gold.insert(id, (cues, line));
    }
    let mut records = Vec::new();
    for article in Articles::new(vec![Input::parse(path)], Options::default()) {
        let article = article?;
        if let Some((cues, line)) = gold.remove(&article.id) {
            records.push((article, cues, line));
        }
    }
    Ok(File {
        path: path.to_string(),
        records,
    })
}

/// The training examples of the records of `file` in half `half` (all when `None`).
fn examples(tagger: &HedgeTagger, file: &File, half: Option<u64>, out: &mut Vec<Example>) {
    for (article, cues, _) in &file.records {
        if half.is_some_and(|h| id_half(&article.id) != h) {
            continue;
        }
        let seg = segment::segment(article);
        let doc = Doc::new(article, &seg);
        for cand in tagger.candidates(&doc) {
            if !cand.learned() {
                continue;
            }
            let label = cues
                .iter()
                .any(|&(s, e)| cand.span.overlaps(Span::new(s, e)));
            let mut features = Vec::new();
            tagger.features(&doc, &cand, &mut features);
            out.push(Example {
                features,
                label,
                doc: model::hash_str(model::SEED, &article.id),
            });
        }
    }
}

/// Shuffling seeds: one averaged perceptron per seed, their weights averaged (the result of a
/// single perceptron moves by about a point of F1 with the order of its examples).
const SEEDS: [u64; 5] = [
    0x2545_f491_4f6c_dd1d,
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
    0x94d0_49bb_1331_11eb,
    0xd6e8_feb8_6659_fd93,
];

/// The mean of one averaged perceptron per seed of [`SEEDS`] over `examples`.
fn perceptron(examples: &[&Example], epochs: usize) -> HashMap<u64, f32> {
    let mut sum: HashMap<u64, f32> = HashMap::new();
    for seed in SEEDS {
        for (f, w) in perceptron_seeded(examples, epochs, seed) {
            *sum.entry(f).or_insert(0.0) += w / SEEDS.len() as f32;
        }
    }
    sum
}

/// An averaged perceptron over `examples` shuffled from `seed`: the averaged weights.
fn perceptron_seeded(examples: &[&Example], epochs: usize, seed: u64) -> HashMap<u64, f32> {
    let mut w: HashMap<u64, f32> = HashMap::new();
    let mut total: HashMap<u64, f32> = HashMap::new();
    let mut stamp: HashMap<u64, usize> = HashMap::new();
    let mut clock = 1usize;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &k in &order {
            let ex = examples[k];
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
        if seed == SEEDS[0] {
            eprintln!("epoch {epoch}: {errors} errors");
        }
    }
    w.iter()
        .map(|(f, wf)| {
            let t = stamp.get(f).copied().unwrap_or(0);
            let tot = total.get(f).copied().unwrap_or(0.0) + (clock - t) as f32 * wf;
            (*f, tot / clock as f32)
        })
        .filter(|(_, a)| a.abs() > 1e-4)
        .collect()
}

/// The decision threshold: a perceptron trained for accuracy is too strict for F1, so a bias
/// is chosen by a 4-fold split of the training documents (each quarter scored by a model
/// trained on the other three): the one with the best F1 over those held-out candidates,
/// averaged with its neighbours (a flat optimum is more likely to carry over).
fn calibrate(examples: &[Example], epochs: usize) -> f32 {
    let mut scored: Vec<(f32, bool)> = Vec::new();
    let part = |e: &Example| (e.doc >> 1) % 4;
    for k in 0..4u64 {
        let train: Vec<&Example> = examples.iter().filter(|e| part(e) != k).collect();
        let w = perceptron(&train, epochs);
        for e in examples.iter().filter(|e| part(e) == k) {
            let score: f32 = e
                .features
                .iter()
                .map(|f| w.get(f).copied().unwrap_or(0.0))
                .sum();
            scored.push((score, e.label));
        }
    }
    let gold = scored.iter().filter(|s| s.1).count() as f32;
    let f1s: Vec<f32> = (0..=48)
        .map(|step| {
            let bias = step as f32 * 0.25;
            let (mut tp, mut sys) = (0.0f32, 0.0f32);
            for &(score, label) in &scored {
                if score + bias >= 0.0 {
                    sys += 1.0;
                    tp += f32::from(u8::from(label));
                }
            }
            if sys + gold > 0.0 {
                2.0 * tp / (sys + gold)
            } else {
                0.0
            }
        })
        .collect();
    let mut best = (f32::MIN, 0.0f32);
    for i in 0..f1s.len() {
        let window = &f1s[i.saturating_sub(2)..(i + 3).min(f1s.len())];
        let mean = window.iter().sum::<f32>() / window.len() as f32;
        if mean > best.0 + 1e-6 {
            best = (mean, i as f32 * 0.25);
        }
    }
    eprintln!(
        "calibration: bias {} (held-out candidate F1 {:.3})",
        best.1, best.0
    );
    best.1
}

/// The averaged perceptron over `examples` with its calibrated bias; the weights in the
/// `models/hedge.weights` format.
fn train(examples: &[Example], epochs: usize) -> String {
    eprintln!(
        "{} examples, {} positive",
        examples.len(),
        examples.iter().filter(|e| e.label).count()
    );
    let bias = calibrate(examples, epochs);
    let all: Vec<&Example> = examples.iter().collect();
    let w = perceptron(&all, epochs);
    // The base features are the first half of every example's features (the domain copies
    // follow); each is written with its news and encyclopedic weight.
    let mut base: Vec<u64> = examples
        .iter()
        .flat_map(|e| {
            e.features
                .get(..e.features.len() / 2)
                .unwrap_or(&[])
                .iter()
                .copied()
        })
        .collect();
    base.sort_unstable();
    base.dedup();
    let bias_key = (model::SEED ^ 102).wrapping_mul(0x0000_0100_0000_01b3);
    let mut out = String::new();
    for b in base {
        let get = |f: u64| w.get(&f).copied().unwrap_or(0.0);
        let extra = if b == bias_key { bias } else { 0.0 };
        let [news, wiki] = model::DOMAINS.map(|d| get(b) + get(b ^ d) + extra);
        if news.abs() > 1e-4 || wiki.abs() > 1e-4 {
            out.push_str(&format!("{b:016x} {news:.4} {wiki:.4}\n"));
        }
    }
    out
}

/// `weights` with `bias` added to the weights of the shared bias feature (which every
/// candidate has): a lower or higher decision threshold.
fn shift(weights: &str, bias: f32) -> String {
    let key = (model::SEED ^ 102).wrapping_mul(0x0000_0100_0000_01b3);
    let line = format!("{key:016x} ");
    let mut found = false;
    let mut out = String::new();
    for l in weights.lines() {
        if let Some(rest) = l.strip_prefix(&line) {
            let w: Vec<f32> = rest
                .split_ascii_whitespace()
                .map(|x| x.parse().unwrap_or(0.0))
                .collect();
            let (a, b) = (
                w.first().copied().unwrap_or(0.0),
                w.get(1).copied().unwrap_or(0.0),
            );
            out.push_str(&format!("{line}{:.4} {:.4}\n", a + bias, b + bias));
            found = true;
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    if !found {
        out.push_str(&format!("{line}{bias:.4} {bias:.4}\n"));
    }
    out
}

/// The held-out protocol: each half of every file tagged by a model trained on the other half
/// of that file and all other files; the pooled predictions of each file written to `dir`.
fn folds(
    files: &[File],
    dir: &str,
    epochs: usize,
    szeged: bool,
    bias: f32,
) -> Result<(), Box<dyn std::error::Error>> {
    let plain = HedgeTagger::with_weights("");
    let mut outputs: Vec<Vec<String>> = vec![Vec::new(); files.len()];
    for (target, out) in outputs.iter_mut().enumerate() {
        for half in 0..2u64 {
            let mut ex = Vec::new();
            for (i, f) in files.iter().enumerate() {
                let only = (i == target).then_some(1 - half);
                examples(&plain, f, only, &mut ex);
            }
            let mut weights = train(&ex, epochs);
            if bias != 0.0 {
                weights = shift(&weights, bias);
            }
            let tagger = HedgeTagger::with_weights(&weights);
            let Some(f) = files.get(target) else { continue };
            for (article, _, _) in &f.records {
                if id_half(&article.id) != half {
                    continue;
                }
                let seg = segment::segment(article);
                let doc = Doc::new(article, &seg);
                let hedges = tagger.tag(&doc);
                let text = article.text.as_str();
                let cues: Vec<serde_json::Value> = hedges
                    .cues
                    .iter()
                    .filter(|c| {
                        if szeged {
                            c.class.is_szeged()
                        } else {
                            !c.signal
                        }
                    })
                    .map(|c| {
                        let start = text.get(..c.span.start).map_or(0, |t| t.chars().count());
                        let end = text.get(..c.span.end).map_or(0, |t| t.chars().count());
                        serde_json::json!({
                            "start": start, "end": end, "class": c.class.as_str(),
                            "text": c.span.slice(text),
                        })
                    })
                    .collect();
                let rec = serde_json::json!({ "id": article.id, "cues": cues });
                out.push(rec.to_string());
            }
        }
    }
    std::fs::create_dir_all(dir)?;
    for (f, out) in files.iter().zip(&outputs) {
        let name = std::path::Path::new(&f.path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("out.jsonl");
        let path = format!("{dir}/{name}");
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for line in out {
            writeln!(w, "{line}")?;
        }
        eprintln!("{} held-out records written to {path}", out.len());
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out_path = String::from("crates/extract/models/hedge.weights");
    let mut heldout: Option<String> = None;
    let mut fold_dir: Option<String> = None;
    let mut szeged = false;
    let mut bias = 0.0f32;
    let mut epochs = 5usize;
    let mut specs: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out_path = args.next().ok_or("--out needs a path")?,
            "--heldout" => heldout = Some(args.next().ok_or("--heldout needs a path")?),
            "--folds" => fold_dir = Some(args.next().ok_or("--folds needs a directory")?),
            "--szeged" => szeged = true,
            "--bias" => bias = args.next().ok_or("--bias needs a number")?.parse()?,
            "--epochs" => epochs = args.next().ok_or("--epochs needs a number")?.parse()?,
            _ => specs.push(a),
        }
    }
    let mut files = Vec::new();
    let mut halves = Vec::new();
    for spec in &specs {
        let (path, half) = match spec.rsplit_once(':') {
            Some((p, "even")) => (p, Some(0)),
            Some((p, "odd")) => (p, Some(1)),
            _ => (spec.as_str(), None),
        };
        files.push(load(path)?);
        halves.push(half);
    }
    if let Some(dir) = fold_dir {
        return folds(&files, &dir, epochs, szeged, bias);
    }
    // Candidates come from a tagger without weights (every learned candidate).
    let tagger = HedgeTagger::with_weights("");
    let mut ex = Vec::new();
    let mut held = Vec::new();
    for (f, half) in files.iter().zip(&halves) {
        examples(&tagger, f, *half, &mut ex);
        if let Some(h) = half {
            for (article, _, line) in &f.records {
                if id_half(&article.id) != *h {
                    held.push(line.clone());
                }
            }
        }
    }
    let weights = train(&ex, epochs);
    std::fs::write(&out_path, &weights)?;
    eprintln!("{} weights written to {out_path}", weights.lines().count());
    if let Some(path) = heldout {
        let mut h = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for line in &held {
            writeln!(h, "{line}")?;
        }
        eprintln!("{} held-out records written to {path}", held.len());
    }
    Ok(())
}
