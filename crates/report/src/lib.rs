//! Output for claimsheet: annotation JSONL (the gold format, code point offsets) and the report
//! tables (claims, entities, dates, attributions) as CSV, JSONL, XLSX and a self-contained HTML
//! page, each written by a [`ReportSink`].
//!
//! The extraction layers work in byte offsets; this crate converts them to Unicode code point
//! offsets ([`CharIndex`]) once, when writing.

mod annotation;
mod html;
mod offsets;
mod rows;
mod sink;
mod table;
mod xlsx;

pub use annotation::{annotation_record, write_annotation};
pub use html::HtmlSink;
pub use offsets::CharIndex;
pub use rows::{
    attribution_rows, claim_rows, date_rows, entity_rows, AttributionRow, ClaimRow, DateRow,
    EntityRow, List, ListItem, Table, COLUMNS,
};
pub use sink::{claim_json, CsvSink, JsonlSink, ReportSink, TablesSink};
pub use table::{CsvOptions, CsvWriter};
pub use xlsx::XlsxSink;

/// Why writing a report failed. The message names the step; the underlying error is the
/// [`source`](std::error::Error::source) (printed after it by an error chain, as the binary does).
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing to the output failed.
    #[error("cannot write output")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV")]
    Csv(#[from] csv::Error),
    /// JSON serialisation failed.
    #[error("cannot write JSON")]
    Json(#[from] serde_json::Error),
}

impl ReportError {
    /// The kind of the I/O error underneath, whichever writer met it.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            ReportError::Io(e) => Some(e.kind()),
            ReportError::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            },
            ReportError::Json(e) => e.io_error_kind(),
        }
    }
}
