//! Report sinks: where annotated articles go, one implementation per output format.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use claimsheet_extract::{Annotation, Article};

use crate::rows::{
    attribution_rows, claim_rows, date_rows, entity_rows, AttributionRow, ClaimRow, DateRow,
    EntityRow, List,
};
use crate::{CsvOptions, CsvWriter, ReportError};

/// A report being written: articles arrive in input order, then `finish` completes the output.
pub trait ReportSink {
    /// Adds one annotated article; returns how many claim rows it gave.
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError>;
    /// Completes and flushes the output.
    fn finish(self: Box<Self>) -> Result<(), ReportError>;
}

/// The claims table as CSV.
pub struct CsvSink<W: Write> {
    csv: CsvWriter<W>,
}

impl<W: Write> CsvSink<W> {
    /// A CSV sink on `out`; writes the header now.
    pub fn new(out: W, options: CsvOptions) -> Result<Self, ReportError> {
        Ok(CsvSink {
            csv: CsvWriter::new::<ClaimRow>(out, options)?,
        })
    }
}

impl<W: Write> ReportSink for CsvSink<W> {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        for row in &rows {
            self.csv.write_row(row)?;
        }
        Ok(rows.len())
    }

    fn finish(self: Box<Self>) -> Result<(), ReportError> {
        self.csv.finish()?.flush()?;
        Ok(())
    }
}

/// The claims table as JSONL: one claim a line, column names as keys, multi-valued cells as
/// arrays, numbers and booleans typed.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A JSONL sink on `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

fn list(cell: &List) -> serde_json::Value {
    serde_json::Value::Array(
        cell.items()
            .map(|s| serde_json::Value::String(s.to_string()))
            .collect(),
    )
}

/// A claim row as a JSON object (lists as arrays).
pub fn claim_json(row: &ClaimRow) -> serde_json::Value {
    serde_json::json!({
        "article_id": row.article_id,
        "claim_id": row.claim_id,
        "paragraph": row.paragraph,
        "sentence": row.sentence,
        "start": row.start,
        "end": row.end,
        "claim": row.claim,
        "kind": row.kind,
        "speaker": row.speaker,
        "speaker_type": row.speaker_type,
        "speaker_role": row.speaker_role,
        "cue": list(&row.cue),
        "source_chain": list(&row.source_chain),
        "anonymous": row.anonymous,
        "quote": list(&row.quote),
        "said_on": row.said_on,
        "certainty": row.certainty,
        "polarity": row.polarity,
        "hedges": list(&row.hedges),
        "verification": row.verification,
        "entities": list(&row.entities),
        "dates": list(&row.dates),
    })
}

impl<W: Write> ReportSink for JsonlSink<W> {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        for row in &rows {
            serde_json::to_writer(&mut self.out, &claim_json(row))?;
            self.out.write_all(b"\n")?;
        }
        Ok(rows.len())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ReportError> {
        self.out.flush()?;
        Ok(())
    }
}

/// Four CSV files in a folder: `claims.csv`, `entities.csv`, `dates.csv`, `attributions.csv`.
/// Join keys: `article_id` in all four; `claim_id` from attributions to claims.
pub struct TablesSink {
    claims: CsvWriter<BufWriter<File>>,
    entities: CsvWriter<BufWriter<File>>,
    dates: CsvWriter<BufWriter<File>>,
    attributions: CsvWriter<BufWriter<File>>,
}

fn create(dir: &Path, name: &str) -> Result<BufWriter<File>, ReportError> {
    let path: PathBuf = dir.join(name);
    File::create(&path).map(BufWriter::new).map_err(|e| {
        ReportError::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    })
}

impl TablesSink {
    /// Creates the folder (if needed) and the four files with their headers.
    pub fn new(dir: &Path, options: CsvOptions) -> Result<Self, ReportError> {
        if dir.exists() && !dir.is_dir() {
            return Err(ReportError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!(
                    "{} is a file, not a folder: --tables writes four files into a folder",
                    dir.display()
                ),
            )));
        }
        fs::create_dir_all(dir).map_err(|e| {
            ReportError::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", dir.display()),
            ))
        })?;
        Ok(TablesSink {
            claims: CsvWriter::new::<ClaimRow>(create(dir, "claims.csv")?, options)?,
            entities: CsvWriter::new::<EntityRow>(create(dir, "entities.csv")?, options)?,
            dates: CsvWriter::new::<DateRow>(create(dir, "dates.csv")?, options)?,
            attributions: CsvWriter::new::<AttributionRow>(
                create(dir, "attributions.csv")?,
                options,
            )?,
        })
    }
}

impl ReportSink for TablesSink {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        for row in &rows {
            self.claims.write_row(row)?;
        }
        for row in entity_rows(article, ann) {
            self.entities.write_row(&row)?;
        }
        for row in date_rows(article, ann) {
            self.dates.write_row(&row)?;
        }
        for row in attribution_rows(article, ann) {
            self.attributions.write_row(&row)?;
        }
        Ok(rows.len())
    }

    fn finish(self: Box<Self>) -> Result<(), ReportError> {
        let this = *self;
        this.claims.finish()?.flush()?;
        this.entities.finish()?.flush()?;
        this.dates.finish()?.flush()?;
        this.attributions.finish()?.flush()?;
        Ok(())
    }
}
