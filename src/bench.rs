//! `claimsheet bench`: the pipeline's speed on the user's own articles, stage by stage.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use claimsheet_extract::{Annotation, Article, Pipeline, Stage, StageTimes};
use claimsheet_report::{CsvOptions, CsvSink, ReportSink};
use cpu_time::ThreadTime;
use rayon::prelude::*;

use crate::run::{chunk_len, open_inputs};
use crate::{InputArgs, EXIT_INPUT_FAILED, EXIT_OK};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    if d.is_zero() {
        return f64::INFINITY;
    }
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Writes the claims CSV of one article into `buf` through the sink `extract` uses, the buffer
/// reused from article to article as `extract`'s buffered output is; returns the bytes written
/// so the work cannot be optimised away.
fn write_reports(article: &Article, ann: &Annotation, buf: &mut Vec<u8>) -> Result<usize> {
    buf.clear();
    let mut sink = Box::new(CsvSink::new(&mut *buf, CsvOptions::default())?);
    sink.article(article, ann)?;
    sink.finish()?;
    Ok(buf.len())
}

/// Runs the benchmark and prints its table.
pub fn bench(args: &InputArgs, runs: usize) -> Result<u8> {
    let mut failed = 0;
    let articles: Vec<Article> = open_inputs(args)?
        .filter_map(|a| match a {
            Ok(a) => Some(a),
            Err(e) => {
                failed += 1;
                eprintln!("claimsheet: error: {e}");
                None
            }
        })
        .collect();
    if articles.is_empty() {
        bail!("no article could be read");
    }
    let runs = runs.max(1);
    let pipeline = Pipeline::new();
    let refs: Vec<&Article> = articles.iter().collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let tokens: usize = articles
        .iter()
        .map(|a| claimsheet_extract::segment::segment(a).tokens.len())
        .sum();

    // Single thread: per-stage processor time (the thread's own CPU time, which other programs
    // on a shared machine disturb far less than wall time), and wall and processor totals.
    let mut per_stage: Vec<Vec<Duration>> = vec![Vec::new(); Stage::ALL.len()];
    let mut reports = Vec::new();
    let mut totals = Vec::new();
    let mut cpu_totals = Vec::new();
    let mut claims = 0;
    for _ in 0..runs {
        let mut times = StageTimes::default();
        let mut report_time = Duration::ZERO;
        let start = Instant::now();
        let cpu = ThreadTime::now();
        let mut clock = || cpu.elapsed();
        claims = 0;
        let mut written = 0;
        let mut buf = Vec::new();
        // In batches, stage by stage, as `extract` runs them.
        for batch in refs.chunks(Pipeline::BATCH) {
            let anns = pipeline.annotate_batch_clocked(batch, &mut times, &mut clock);
            let t = cpu.elapsed();
            for (a, ann) in batch.iter().zip(&anns) {
                claims += ann.claims.len();
                written += write_reports(a, ann, &mut buf)?;
            }
            report_time += cpu.elapsed().saturating_sub(t);
        }
        totals.push(start.elapsed());
        cpu_totals.push(cpu.elapsed());
        if written == 0 {
            bail!("the reports wrote nothing");
        }
        for (i, s) in Stage::ALL.iter().enumerate() {
            per_stage[i].push(times.get(*s));
        }
        reports.push(report_time);
    }
    // All threads: wall time.
    let mut wall = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let n: usize = refs
            .par_chunks(chunk_len(refs.len()))
            .map_init(Vec::new, |buf, batch| {
                let anns = pipeline.annotate_batch(batch);
                batch
                    .iter()
                    .zip(&anns)
                    .map(|(a, ann)| {
                        write_reports(a, ann, buf)
                            .map(|_| ann.claims.len())
                            .unwrap_or(0)
                    })
                    .sum::<usize>()
            })
            .sum();
        wall.push(start.elapsed());
        if n != claims {
            bail!("parallel run found {n} claims, single-thread run {claims}");
        }
    }
    let total = median(totals);
    let cpu_total = median(cpu_totals);
    let wall = median(wall);
    let secs = total.as_secs_f64().max(1e-9);
    let cpu_secs = cpu_total.as_secs_f64().max(1e-9);
    println!(
        "claimsheet bench: {} articles, {:.2} MB, {} tokens, {} claims; median of {} runs",
        articles.len(),
        bytes as f64 / 1e6,
        tokens,
        claims,
        runs
    );
    println!(
        "one thread:  {:>9.1} ms  {:>8.2} MB/s  {:>9.0} articles/s  {:>6.2} M tokens/s",
        secs * 1e3,
        mb_per_s(bytes, total),
        articles.len() as f64 / secs,
        tokens as f64 / secs / 1e6
    );
    println!(
        "one thread, processor time:  {:>9.1} ms  {:>8.2} MB/s  {:>6.2} M tokens/s",
        cpu_secs * 1e3,
        mb_per_s(bytes, cpu_total),
        tokens as f64 / cpu_secs / 1e6
    );
    println!(
        "{:>2} threads:  {:>9.1} ms  {:>8.2} MB/s  {:>9.0} articles/s  {:>6.2} M tokens/s",
        rayon::current_num_threads(),
        wall.as_secs_f64() * 1e3,
        mb_per_s(bytes, wall),
        articles.len() as f64 / wall.as_secs_f64().max(1e-9),
        tokens as f64 / wall.as_secs_f64().max(1e-9) / 1e6
    );
    println!("per stage, one thread, processor time:");
    println!("{:<12} {:>10} {:>7} {:>10}", "stage", "ms", "share", "MB/s");
    let mut rows: Vec<(&str, Duration)> = Stage::ALL
        .iter()
        .zip(per_stage)
        .map(|(s, v)| (s.name(), median(v)))
        .collect();
    rows.push(("report (csv)", median(reports)));
    for (name, d) in rows {
        println!(
            "{:<12} {:>10.2} {:>6.1}% {:>10.1}",
            name,
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / cpu_secs,
            mb_per_s(bytes, d)
        );
    }
    Ok(if failed > 0 {
        EXIT_INPUT_FAILED
    } else {
        EXIT_OK
    })
}
