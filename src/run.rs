//! The `extract` and `annotate` commands: read articles, run the pipeline in parallel, write the
//! output in input order.

use std::collections::HashMap;
use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use claimsheet_extract::{Annotation, Article, Pipeline};
use claimsheet_ingest::{folder_reads, Articles, IngestError, Input, Options};
use claimsheet_report::{
    CsvOptions, CsvSink, HtmlSink, JsonlSink, ReportSink, TablesSink, XlsxSink,
};
use rayon::prelude::*;

use crate::{ExtractArgs, Format, InputArgs, EXIT_INPUT_FAILED, EXIT_OK};

/// How many articles are read ahead and annotated in parallel at a time.
const BATCH: usize = 256;

/// Counts for the closing summary on stderr.
#[derive(Debug, Default)]
pub struct Summary {
    pub read: usize,
    pub written: usize,
    pub failed: usize,
    pub warnings: usize,
}

impl Summary {
    fn report(&self, what: &str) {
        eprintln!(
            "claimsheet: {} articles read, {} written ({what}), {} failed, {} warnings",
            self.read, self.written, self.failed, self.warnings
        );
    }

    fn exit_code(&self) -> u8 {
        if self.failed > 0 {
            EXIT_INPUT_FAILED
        } else {
            EXIT_OK
        }
    }
}

/// Builds the article reader for the input arguments and sets the thread count.
pub fn open_inputs(args: &InputArgs) -> Result<Articles> {
    if let Some(n) = args.threads {
        // Fails only when the pool was already built; the first setting stands.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let inputs = args.inputs.iter().map(|s| Input::parse(s)).collect();
    Ok(Articles::new(
        inputs,
        Options {
            default_date: args.date,
            max_article_bytes: args.max_article_bytes,
        },
    ))
}

/// The names `--tables DIR` writes.
const TABLE_FILES: [&str; 4] = [
    "claims.csv",
    "entities.csv",
    "dates.csv",
    "attributions.csv",
];

/// Refuses, before anything is created, an output that is one of the inputs (same canonical path,
/// or the same file through a hard link) or that an input folder would read: creating it would
/// truncate the input before it is read.
fn check_outputs_spare_inputs(inputs: &[String], outputs: &[PathBuf]) -> Result<()> {
    let inputs: Vec<(&str, PathBuf, fs::Metadata)> = inputs
        .iter()
        .filter(|s| s.as_str() != "-")
        .filter_map(|s| {
            let canon = fs::canonicalize(s).ok()?;
            let meta = fs::metadata(&canon).ok()?;
            Some((s.as_str(), canon, meta))
        })
        .collect();
    for out in outputs {
        let Some(canon) = canonical_output(out) else {
            continue;
        };
        let out_meta = fs::metadata(&canon).ok();
        for (name, input, meta) in &inputs {
            if meta.is_dir() {
                if folder_reads(input, &canon) {
                    bail!(
                        "output {} lies in the input folder {name}, which would read it: write the output outside that folder",
                        out.display()
                    );
                }
            } else if canon == *input || out_meta.as_ref().is_some_and(|m| same_file(m, meta)) {
                bail!(
                    "output {} is the input {name}: refusing to overwrite it before it is read (write the output to another file)",
                    out.display()
                );
            }
        }
    }
    Ok(())
}

/// The canonical path of an output file, or of its folder joined with its name when the file
/// does not exist yet; `None` when the folder does not exist either (creating it fails anyway).
fn canonical_output(path: &Path) -> Option<PathBuf> {
    if let Ok(canon) = fs::canonicalize(path) {
        return Some(canon);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(parent).ok()?.join(path.file_name()?))
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// How many of `n` articles one thread annotates at a time: [`Pipeline::BATCH`], or fewer so
/// that every thread gets a share.
pub(crate) fn chunk_len(n: usize) -> usize {
    n.div_ceil(rayon::current_num_threads().max(1))
        .clamp(1, Pipeline::BATCH)
}

/// Annotates `articles` on every thread, in chunks of at most [`Pipeline::BATCH`] that each
/// thread runs stage by stage ([`Pipeline::annotate_batch`]); results in input order.
fn annotate_parallel(pipeline: &Pipeline, articles: &[&Article]) -> Vec<Annotation> {
    articles
        .par_chunks(chunk_len(articles.len()))
        .flat_map_iter(|c| pipeline.annotate_batch(c))
        .collect()
}

/// Reads every article, annotates batches in parallel and hands each result, in input order, to
/// `write`. Input errors and warnings go to stderr as they are met.
fn for_each_annotated(
    args: &InputArgs,
    mut write: impl FnMut(&Article, &Annotation) -> Result<()>,
) -> Result<Summary> {
    let mut articles = open_inputs(args)?;
    let pipeline = Pipeline::new();
    let mut summary = Summary::default();
    let progress = progress_bar();
    let mut batch: Vec<Result<Article, IngestError>> = Vec::with_capacity(BATCH);
    // How many articles had each id so far (by a 64-bit hash of the id: 16 bytes an article,
    // so an archive of millions stays small).
    let mut ids: HashMap<u64, u32> = HashMap::new();
    loop {
        batch.clear();
        batch.extend(articles.by_ref().take(BATCH));
        if batch.is_empty() {
            break;
        }
        let ok: Vec<&Article> = batch.iter().filter_map(|a| a.as_ref().ok()).collect();
        let mut annotated = annotate_parallel(&pipeline, &ok).into_iter();
        for item in batch.iter_mut() {
            let ann = if item.is_ok() { annotated.next() } else { None };
            match (item, ann) {
                (Ok(article), Some(ann)) => {
                    summary.read += 1;
                    for w in &article.warnings {
                        summary.warnings += 1;
                        say(
                            &progress,
                            &format!("claimsheet: warning: {}: {w}", article.origin),
                        );
                    }
                    let seen = ids.entry(id_hash(&article.id)).or_insert(0);
                    article.repeat = *seen;
                    *seen = seen.saturating_add(1);
                    if article.repeat > 0 {
                        summary.warnings += 1;
                        say(
                            &progress,
                            &format!(
                                "claimsheet: warning: {}: id {:?} repeats an earlier article's id: the rows of both share that article_id (their claim ids differ)",
                                article.origin, article.id
                            ),
                        );
                    }
                    write(article, &ann)?;
                    summary.written += 1;
                }
                (Err(e), _) => {
                    summary.failed += 1;
                    say(&progress, &format!("claimsheet: error: {e}"));
                }
                // Every Ok article was annotated above.
                (Ok(_), None) => {}
            }
        }
        if let Some(p) = &progress {
            p.set_position((summary.read + summary.failed) as u64);
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let skipped = articles.skipped();
    if !skipped.is_empty() {
        eprintln!(
            "claimsheet: note: {} file(s) in folders skipped for their extension (first: {})",
            skipped.len(),
            skipped[0]
        );
    }
    Ok(summary)
}

/// A stable 64-bit hash of an article id (SipHash with fixed keys).
fn id_hash(id: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Prints a line on stderr: above the progress line when there is one (written straight to
/// the terminal, it would be glued to the spinner's line).
fn say(progress: &Option<indicatif::ProgressBar>, line: &str) {
    match progress {
        Some(p) => p.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

fn progress_bar() -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} articles {per_sec} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    Some(bar)
}

/// `claimsheet extract`: the claims table (CSV, JSONL, XLSX or HTML), or the four tables.
pub fn extract(args: &ExtractArgs) -> Result<u8> {
    let csv_options = CsvOptions {
        excel: args.excel,
        guard_formulas: !args.no_formula_guard,
    };
    let outputs: Vec<PathBuf> = match (&args.tables, &args.output) {
        (Some(dir), _) => TABLE_FILES.iter().map(|f| dir.join(f)).collect(),
        (None, Some(path)) => vec![path.clone()],
        (None, None) => Vec::new(),
    };
    check_outputs_spare_inputs(&args.input.inputs, &outputs)?;
    let mut sink: Box<dyn ReportSink> = if let Some(dir) = &args.tables {
        Box::new(TablesSink::new(dir, csv_options)?)
    } else {
        match args.format {
            Format::Csv => Box::new(CsvSink::new(
                open_output(args.output.as_deref())?,
                csv_options,
            )?),
            Format::Jsonl => Box::new(JsonlSink::new(open_output(args.output.as_deref())?)),
            Format::Html => Box::new(HtmlSink::new(open_output(args.output.as_deref())?)),
            Format::Xlsx => match &args.output {
                Some(path) => Box::new(XlsxSink::new(path.clone())?),
                None => bail!("--format xlsx needs an output file: -o FILE.xlsx"),
            },
        }
    };
    let mut rows = 0usize;
    let summary = for_each_annotated(&args.input, |article, ann| {
        rows += sink.article(article, ann)?;
        Ok(())
    })?;
    sink.finish()?;
    summary.report(&format!("{rows} claim rows"));
    Ok(summary.exit_code())
}

/// `claimsheet annotate`: annotation JSONL.
pub fn annotate(args: &InputArgs, output: Option<&Path>) -> Result<u8> {
    let outputs: Vec<PathBuf> = output.map(Path::to_path_buf).into_iter().collect();
    check_outputs_spare_inputs(&args.inputs, &outputs)?;
    let mut out = open_output(output)?;
    let summary = for_each_annotated(args, |article, ann| {
        claimsheet_report::write_annotation(&mut out, article, ann)?;
        Ok(())
    })?;
    out.flush().context("cannot write output")?;
    summary.report("annotation records");
    Ok(summary.exit_code())
}
