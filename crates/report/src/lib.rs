//! Output for claimsheet: annotation JSONL (the gold format, code point offsets) and the claims
//! table as CSV.
//!
//! The extraction layers work in byte offsets; this crate converts them to Unicode code point
//! offsets ([`CharIndex`]) once, when writing.

mod annotation;
mod offsets;
mod rows;
mod table;

pub use annotation::{annotation_record, write_annotation};
pub use offsets::CharIndex;
pub use rows::{claim_rows, ClaimRow, COLUMNS};
pub use table::{CsvOptions, CsvWriter};

/// Why writing a report failed.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing to the output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON serialisation failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}
