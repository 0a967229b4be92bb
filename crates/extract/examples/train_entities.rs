//! Trains the entity tagger's averaged perceptron and writes `models/entities.bin`.
//!
//! ```text
//! cargo run --release -p claimsheet-extract --example train_entities -- \
//!     --train ../shared/gold/dev/conll-train.jsonl [--train more.jsonl] \
//!     [--unlabeled ../shared/gold/dev/polnear-train.jsonl] \
//!     [--eval ../shared/gold/dev/conll-testa.jsonl] [--epochs 12] [--min 2.0] \
//!     [--bags 1] [--seed-offset 0] [--out crates/extract/models/entities.bin] [--dump DIR]
//! ```
//!
//! The committed model (`models/entities.bin`, `entities-names.txt`, `entities-case.bin`) is
//! reproduced, byte for byte, by (from the repository root, `D=../shared/gold/dev`):
//!
//! ```text
//! cargo run --release -p claimsheet-extract --example train_entities -- \
//!     --train $D/conll-train.jsonl --train $D/wikigold.jsonl:even \
//!     --unlabeled $D/polnear-train.jsonl --unlabeled $D/polnear-dev.jsonl \
//!     --unlabeled $D/timebank.jsonl --unlabeled $D/wiki-weasel.jsonl --epochs 12 --min 2.0
//! ```
//!
//! (the odd WikiGold records, GUM and MEANTIME stay held out for scoring). The model depends
//! on everything that shapes the training documents (ingest layout, segmentation, the
//! gazetteers): after a change there, retrain and commit the three files together.
//! `--bench FILE` (alone) times the committed tagger on FILE instead of training.
//! A file name may end in `:even` or `:odd` to use every other record only.
//! `--unlabeled` files only add to the corpus case table (how often each word is capitalised
//! inside sentences); their entities are not read. Gold offsets are code points; they are converted to byte offsets. With `--eval`, exact-span
//! precision, recall and F1 per type on that file are printed after every epoch (a quick check;
//! the reference figures come from `claimsheet annotate` and `score.py`). With `--dump DIR`,
//! the final model's entities on every `--eval` file are written to `DIR/<file name>` as
//! system records for `score.py`.
//!
//! The documents are shuffled before every epoch, with seed `epoch + 1 + N` (`--seed-offset
//! N`, default 0). With `--bags K` (default 1), the model is trained K times from zero, bag
//! `b` with seeds `epoch + 1 + N + 1000 b`, and the averaged weights of the K runs are averaged
//! again before pruning and export (bagging of the order, as `ATT_BAGS` does for attribution):
//! single runs differ a good deal from one shuffle to the next, their mean much less.
//! `--bags 1 --seed-offset 1000` is therefore bag 1 of a `--bags K` run on its own.

use std::collections::HashMap;
use std::time::Instant;

use claimsheet_extract::entities::{EntityTagger, EntityType, Trainer};
use claimsheet_extract::{segment, Article, Doc, Span};
use claimsheet_ingest::Origin;

struct Record {
    id: String,
    article: Article,
    gold: Vec<(Span, EntityType)>,
}

/// Reads gold records. `path:even` / `path:odd` keep every other record (0-based even or odd
/// line numbers), to train on one half of a file and score the other.
fn load(path: &str) -> Vec<Record> {
    let (path, keep) = match path.rsplit_once(':') {
        Some((p, "even")) => (p, Some(0)),
        Some((p, "odd")) => (p, Some(1)),
        _ => (path, None),
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if keep.is_some_and(|k| n % 2 != k) {
            continue;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(t) = v["text"].as_str() else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        let title_in_text = v["title_in_text"].as_bool().unwrap_or(true);
        let title = v["title"].as_str().map(str::to_string);
        let layout_title = if title_in_text {
            title
        } else {
            Some(String::new())
        };
        let article = Article::new(
            id.clone(),
            Origin::line(path, n + 1),
            t.to_string(),
            None,
            layout_title,
        );
        // Code point -> byte offsets.
        let mut bytes: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        bytes.push(t.len());
        let mut gold = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(en)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            let ty = match e["type"].as_str() {
                Some("PER") => EntityType::Per,
                Some("ORG") => EntityType::Org,
                Some("LOC") => EntityType::Loc,
                Some("MISC") => EntityType::Misc,
                _ => continue,
            };
            if let (Some(&a), Some(&b)) = (bytes.get(s as usize), bytes.get(en as usize)) {
                gold.push((Span::new(a, b), ty));
            }
        }
        out.push(Record { id, article, gold });
    }
    out
}

fn eval(tagger: &EntityTagger, recs: &[Record]) -> f64 {
    let mut counts: HashMap<&str, [usize; 3]> = HashMap::new();
    let mut confusion: HashMap<(String, String), usize> = HashMap::new();
    for r in recs {
        let seg = segment::segment(&r.article);
        let doc = Doc {
            article: &r.article,
            text: &r.article.text,
            tokens: &seg.tokens,
            sentences: &seg.sentences,
        };
        let e = tagger.tag(&doc);
        let sys: Vec<(Span, &str)> = e
            .mentions
            .iter()
            .map(|m| (m.span, m.kind.as_str()))
            .collect();
        for (s, t) in &sys {
            counts.entry(t).or_default()[0] += 1;
            if r.gold.iter().any(|(g, gt)| g == s && gt.as_str() == *t) {
                counts.entry(t).or_default()[2] += 1;
            } else if let Some((_, gt)) = r.gold.iter().find(|(g, _)| g == s) {
                *confusion
                    .entry((gt.as_str().into(), t.to_string()))
                    .or_default() += 1;
            }
        }
        for (_, t) in &r.gold {
            counts.entry(t.as_str()).or_default()[1] += 1;
        }
    }
    let f = |c: [usize; 3]| {
        let p = c[2] as f64 / c[0].max(1) as f64;
        let r = c[2] as f64 / c[1].max(1) as f64;
        (
            100.0 * p,
            100.0 * r,
            if p + r > 0.0 {
                200.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let mut all = [0; 3];
    let mut three = [0; 3];
    for t in ["PER", "ORG", "LOC", "MISC"] {
        let c = counts.get(t).copied().unwrap_or_default();
        let (p, r, f1) = f(c);
        eprintln!(
            "  {t:5} P {p:6.2} R {r:6.2} F {f1:6.2}  ({} sys, {} gold)",
            c[0], c[1]
        );
        for k in 0..3 {
            all[k] += c[k];
            if t != "MISC" {
                three[k] += c[k];
            }
        }
    }
    let (_, _, f3) = f(three);
    let (_, _, f4) = f(all);
    eprintln!("  micro PER+ORG+LOC F {f3:.2}   all four F {f4:.2}");
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by_key(|c| std::cmp::Reverse(c.1));
    let list: Vec<String> = conf
        .iter()
        .take(8)
        .map(|((g, s), n)| format!("{g}->{s} {n}"))
        .collect();
    eprintln!("  same span, wrong type: {}", list.join(", "));
    f4
}

/// Writes the tagger's entities on `recs` as system records (code point offsets) for
/// `score.py`.
fn dump(tagger: &EntityTagger, recs: &[Record], path: &str) {
    let mut out = String::new();
    for r in recs {
        let seg = segment::segment(&r.article);
        let doc = Doc::new(&r.article, &seg);
        let e = tagger.tag(&doc);
        let text = &r.article.text;
        let cp = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
        let ents: Vec<serde_json::Value> = e
            .mentions
            .iter()
            .map(|m| {
                serde_json::json!({
                    "start": cp(m.span.start),
                    "end": cp(m.span.end),
                    "type": m.kind.as_str(),
                })
            })
            .collect();
        let rec = serde_json::json!({ "id": r.id, "text": text, "entities": ents });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
}

/// Processor time (user + system) of this process so far, from `/proc/self/stat` (Linux; 0
/// elsewhere), in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the ")".
    let field = |k: usize| f.get(k).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    let ticks = field(11) + field(12);
    ticks / 100.0
}

/// Times the committed tagger alone on the articles of `path` (segmentation done beforehand):
/// best and median of seven runs, in MB/s and tokens/s. The best run is the figure least
/// disturbed by other work on a shared machine.
fn bench(path: &str) {
    let recs = load(path);
    let segs: Vec<_> = recs.iter().map(|r| segment::segment(&r.article)).collect();
    let bytes: usize = recs.iter().map(|r| r.article.text.len()).sum();
    let tokens: usize = segs.iter().map(|s| s.tokens.len()).sum();
    let tagger = EntityTagger::new();
    let mut times = Vec::new();
    let mut n = 0;
    let cpu0 = cpu_seconds();
    for _ in 0..7 {
        let t = Instant::now();
        for (r, seg) in recs.iter().zip(&segs) {
            n += tagger.tag(&Doc::new(&r.article, seg)).mentions.len();
        }
        times.push(t.elapsed().as_secs_f64());
    }
    let cpu = (cpu_seconds() - cpu0) / 7.0;
    times.sort_by(f64::total_cmp);
    if cpu > 0.0 {
        eprintln!(
            "cpu   : {:.1} ms, {:.1} MB/s (processor time of this process, mean of the runs)",
            cpu * 1e3,
            bytes as f64 / cpu / 1e6
        );
    }
    for (what, t) in [("best", times[0]), ("median", times[3])] {
        eprintln!(
            "{what:6}: {:.1} ms, {:.1} MB/s, {:.2} M tokens/s",
            t * 1e3,
            bytes as f64 / t / 1e6,
            tokens as f64 / t / 1e6
        );
    }
    eprintln!("({} mentions per run)", n / 7);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        bench(args.get(1).map_or("", String::as_str));
        return;
    }
    let mut train = Vec::new();
    let mut evals = Vec::new();
    let mut unlabeled = Vec::new();
    let mut epochs = 10;
    let mut min = 0.5f32;
    let mut out = "crates/extract/models/entities.bin".to_string();
    let mut dump_dir = None;
    let mut bags = 1usize;
    let mut seed_offset = 0u64;
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--train" => train.push(v),
            "--eval" => evals.push(v),
            "--unlabeled" => unlabeled.push(v),
            "--epochs" => epochs = v.parse().expect("--epochs N"),
            "--min" => min = v.parse().expect("--min X"),
            "--out" => out = v,
            "--dump" => dump_dir = Some(v),
            "--bags" => bags = v.parse().expect("--bags K"),
            "--seed-offset" => seed_offset = v.parse().expect("--seed-offset N"),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    let t = Instant::now();
    let committed = EntityTagger::new();
    eprintln!(
        "committed model: loaded in {:.1?} (model present: {})",
        t.elapsed(),
        committed.has_model()
    );
    let mut trainer = Trainer::new();
    for path in &train {
        for r in load(path) {
            trainer.add(r.article, r.gold);
        }
    }
    for path in &unlabeled {
        for r in load(path) {
            trainer.add_unlabeled(&r.article);
        }
    }
    trainer.prepare();
    let case_out = out.replace("entities.bin", "entities-case.bin");
    std::fs::write(&case_out, trainer.case_table()).unwrap_or_else(|e| panic!("{case_out}: {e}"));
    eprintln!("wrote {case_out}");
    let names_out = out.replace("entities.bin", "entities-names.txt");
    std::fs::write(&names_out, trainer.names()).unwrap_or_else(|e| panic!("{names_out}: {e}"));
    eprintln!("wrote {names_out}");
    let eval_sets: Vec<(String, Vec<Record>)> =
        evals.iter().map(|p| (p.clone(), load(p))).collect();
    eprintln!("{} training documents", trainer.len());
    for bag in 0..bags.max(1) {
        if bag > 0 {
            trainer.next_bag();
        }
        for epoch in 0..epochs {
            let t = Instant::now();
            let seed = epoch as u64 + 1 + seed_offset + 1000 * bag as u64;
            let mistakes = trainer.epoch(seed);
            eprintln!(
                "bag {bag} epoch {epoch} (seed {seed}): {mistakes} token mistakes ({:.1?})",
                t.elapsed()
            );
            // With bags, the figures after a bag's last epoch are those of the mean so far.
            let check = epoch + 1 == epochs || (bags <= 1 && epoch % 3 == 2);
            if !eval_sets.is_empty() && check {
                let tagger = EntityTagger::with_model_and_names(
                    &trainer.export(min),
                    &trainer.names(),
                    trainer.case_table(),
                );
                for (p, recs) in &eval_sets {
                    eprintln!(" {p}");
                    eval(&tagger, recs);
                }
            }
        }
    }
    let bytes = trainer.export(min);
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!("wrote {out}: {} bytes", bytes.len());
    if let Some(dir) = dump_dir {
        let tagger =
            EntityTagger::with_model_and_names(&bytes, &trainer.names(), trainer.case_table());
        for (p, recs) in &eval_sets {
            let name = p.rsplit('/').next().unwrap_or(p);
            let path = format!("{dir}/{name}");
            dump(&tagger, recs, &path);
            eprintln!("wrote {path}");
        }
    }
}
