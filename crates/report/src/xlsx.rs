//! The report as an XLSX workbook: one sheet per table, frozen header, autofilter, column widths,
//! wrapped claim text. Strings are always written as strings (never formulas); counts and offsets
//! as numbers.

use std::path::PathBuf;

use claimsheet_extract::{Annotation, Article};
use rust_xlsxwriter::{Format, Workbook};

use crate::rows::{
    attribution_rows, claim_rows, date_rows, entity_rows, AttributionRow, ClaimRow, DateRow,
    EntityRow, Table,
};
use crate::sink::ReportSink;
use crate::ReportError;

/// Excel's limit on characters in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on rows in a sheet (the header included).
const MAX_ROWS: u32 = 1_048_576;

/// Columns written as numbers.
const NUMERIC: &[&str] = &[
    "paragraph",
    "sentence",
    "start",
    "end",
    "mentions",
    "index",
    "ref",
];
/// Columns with long text: wide and wrapped.
const WIDE: &[&str] = &["claim", "content", "source", "quote"];

impl From<rust_xlsxwriter::XlsxError> for ReportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ReportError::Io(std::io::Error::other(e.to_string()))
    }
}

/// One table being written to one or more sheets of the workbook (a new sheet every million
/// rows). Sheets are in rust_xlsxwriter's constant-memory mode: each row goes to a temporary file
/// as soon as the next one starts, so a workbook for an archive costs disk, not memory.
struct SheetSet {
    name: &'static str,
    columns: &'static [&'static str],
    /// The sheets' indices in the workbook.
    sheets: Vec<usize>,
    row: u32,
}

impl SheetSet {
    fn new<T: Table>(workbook: &mut Workbook) -> Result<Self, ReportError> {
        let mut set = SheetSet {
            name: T::NAME,
            columns: T::COLUMNS,
            sheets: Vec::new(),
            row: 0,
        };
        set.add_sheet(workbook)?;
        Ok(set)
    }

    fn add_sheet(&mut self, workbook: &mut Workbook) -> Result<(), ReportError> {
        let index = workbook.worksheets().len();
        let ws = workbook.add_worksheet_with_constant_memory();
        let name = if self.sheets.is_empty() {
            self.name.to_string()
        } else {
            format!("{} ({})", self.name, self.sheets.len() + 1)
        };
        ws.set_name(name)?;
        let bold = Format::new().set_bold();
        for (c, col) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *col, &bold)?;
            let width = if WIDE.contains(col) {
                70.0
            } else if NUMERIC.contains(col) {
                9.0
            } else {
                18.0
            };
            ws.set_column_width(c as u16, width)?;
        }
        ws.set_freeze_panes(1, 0)?;
        self.sheets.push(index);
        self.row = 1;
        Ok(())
    }

    fn write<T: Table>(
        &mut self,
        workbook: &mut Workbook,
        row: &T,
        wrap: &Format,
    ) -> Result<(), ReportError> {
        if self.row >= MAX_ROWS {
            self.finish_sheet(workbook, MAX_ROWS - 1)?;
            self.add_sheet(workbook)?;
        }
        let r = self.row;
        let columns = self.columns;
        let Some(&index) = self.sheets.last() else {
            return Ok(());
        };
        let ws = workbook.worksheet_from_index(index)?;
        for (c, cell) in row.cells().iter().enumerate() {
            let col = c as u16;
            let name = columns.get(c).copied().unwrap_or("");
            if NUMERIC.contains(&name) {
                if let Ok(n) = cell.parse::<f64>() {
                    ws.write_number(r, col, n)?;
                    continue;
                }
            }
            if cell.is_empty() {
                continue;
            }
            let text = clip(cell);
            if WIDE.contains(&name) {
                ws.write_string_with_format(r, col, text, wrap)?;
            } else {
                ws.write_string(r, col, text)?;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Sets the autofilter of the current sheet, whose last row is `last_row`.
    fn finish_sheet(&self, workbook: &mut Workbook, last_row: u32) -> Result<(), ReportError> {
        let last_col = self.columns.len().saturating_sub(1) as u16;
        if let Some(&index) = self.sheets.last() {
            workbook
                .worksheet_from_index(index)?
                .autofilter(0, 0, last_row.max(1), last_col)?;
        }
        Ok(())
    }

    fn finish(self, workbook: &mut Workbook) -> Result<(), ReportError> {
        self.finish_sheet(workbook, self.row.saturating_sub(1))
    }
}

/// A cell's text within Excel's limit, cut at a character boundary with a marker.
fn clip(cell: &str) -> String {
    if cell.len() <= MAX_CELL_CHARS {
        return cell.to_string();
    }
    let mut out: String = cell.chars().take(MAX_CELL_CHARS - 20).collect();
    out.push_str(" … [cut: too long]");
    out
}

/// The report as an XLSX workbook with sheets claims, entities, dates, attributions (and, past
/// Excel's row limit, `claims (2)` and so on after them).
pub struct XlsxSink {
    path: PathBuf,
    workbook: Workbook,
    claims: SheetSet,
    entities: SheetSet,
    dates: SheetSet,
    attributions: SheetSet,
    wrap: Format,
}

impl XlsxSink {
    /// A workbook to be saved at `path` when finished.
    ///
    /// Rows wait in temporary files (in `$TMPDIR`) until the workbook is saved; a temporary
    /// directory that cannot be written is an error here, before any work.
    pub fn new(path: PathBuf) -> Result<Self, ReportError> {
        // rust_xlsxwriter opens each sheet's temporary file with `unwrap`: check first that one
        // can be made, so that a full or read-only temporary directory is an error, not a panic.
        tempfile::tempfile().map_err(|e| {
            ReportError::Io(std::io::Error::new(
                e.kind(),
                format!(
                    "{}: the temporary directory {} cannot hold the workbook's rows: {e}",
                    path.display(),
                    std::env::temp_dir().display()
                ),
            ))
        })?;
        let mut workbook = Workbook::new();
        Ok(XlsxSink {
            path,
            claims: SheetSet::new::<ClaimRow>(&mut workbook)?,
            entities: SheetSet::new::<EntityRow>(&mut workbook)?,
            dates: SheetSet::new::<DateRow>(&mut workbook)?,
            attributions: SheetSet::new::<AttributionRow>(&mut workbook)?,
            workbook,
            wrap: Format::new().set_text_wrap(),
        })
    }
}

impl ReportSink for XlsxSink {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        let book = &mut self.workbook;
        for row in &rows {
            self.claims.write(book, row, &self.wrap)?;
        }
        for row in entity_rows(article, ann) {
            self.entities.write(book, &row, &self.wrap)?;
        }
        for row in date_rows(article, ann) {
            self.dates.write(book, &row, &self.wrap)?;
        }
        for row in attribution_rows(article, ann) {
            self.attributions.write(book, &row, &self.wrap)?;
        }
        Ok(rows.len())
    }

    fn finish(self: Box<Self>) -> Result<(), ReportError> {
        let mut this = *self;
        let workbook = &mut this.workbook;
        this.claims.finish(workbook)?;
        this.entities.finish(workbook)?;
        this.dates.finish(workbook)?;
        this.attributions.finish(workbook)?;
        workbook.save(&this.path).map_err(|e| {
            ReportError::Io(std::io::Error::other(format!(
                "{}: {e}",
                this.path.display()
            )))
        })?;
        Ok(())
    }
}
