//! The report as an XLSX workbook: one sheet per table, frozen header, autofilter, column widths,
//! wrapped claim text. Strings are always written as strings (never formulas); counts and offsets
//! as numbers.

use std::path::PathBuf;

use claimsheet_extract::{Annotation, Article};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

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

/// One table being written to one or more sheets (a new sheet every million rows).
struct SheetSet {
    name: &'static str,
    columns: &'static [&'static str],
    sheets: Vec<Worksheet>,
    row: u32,
}

impl SheetSet {
    fn new<T: Table>() -> Result<Self, ReportError> {
        let mut set = SheetSet {
            name: T::NAME,
            columns: T::COLUMNS,
            sheets: Vec::new(),
            row: 0,
        };
        set.add_sheet()?;
        Ok(set)
    }

    fn add_sheet(&mut self) -> Result<(), ReportError> {
        let mut ws = Worksheet::new();
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
        self.sheets.push(ws);
        self.row = 1;
        Ok(())
    }

    fn write<T: Table>(&mut self, row: &T, wrap: &Format) -> Result<(), ReportError> {
        if self.row >= MAX_ROWS {
            self.add_sheet()?;
        }
        let r = self.row;
        let columns = self.columns;
        let Some(ws) = self.sheets.last_mut() else {
            return Ok(());
        };
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

    fn finish(mut self, workbook: &mut Workbook) -> Result<(), ReportError> {
        let last_col = self.columns.len().saturating_sub(1) as u16;
        let sheets = std::mem::take(&mut self.sheets);
        let count = sheets.len();
        for (i, mut ws) in sheets.into_iter().enumerate() {
            let last_row = if i + 1 == count {
                self.row.saturating_sub(1)
            } else {
                MAX_ROWS - 1
            };
            ws.autofilter(0, 0, last_row.max(1), last_col)?;
            workbook.push_worksheet(ws);
        }
        Ok(())
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

/// The report as an XLSX workbook with sheets claims, entities, dates, attributions.
pub struct XlsxSink {
    path: PathBuf,
    claims: SheetSet,
    entities: SheetSet,
    dates: SheetSet,
    attributions: SheetSet,
    wrap: Format,
}

impl XlsxSink {
    /// A workbook to be saved at `path` when finished.
    pub fn new(path: PathBuf) -> Result<Self, ReportError> {
        Ok(XlsxSink {
            path,
            claims: SheetSet::new::<ClaimRow>()?,
            entities: SheetSet::new::<EntityRow>()?,
            dates: SheetSet::new::<DateRow>()?,
            attributions: SheetSet::new::<AttributionRow>()?,
            wrap: Format::new().set_text_wrap(),
        })
    }
}

impl ReportSink for XlsxSink {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        for row in &rows {
            self.claims.write(row, &self.wrap)?;
        }
        for row in entity_rows(article, ann) {
            self.entities.write(&row, &self.wrap)?;
        }
        for row in date_rows(article, ann) {
            self.dates.write(&row, &self.wrap)?;
        }
        for row in attribution_rows(article, ann) {
            self.attributions.write(&row, &self.wrap)?;
        }
        Ok(rows.len())
    }

    fn finish(self: Box<Self>) -> Result<(), ReportError> {
        let this = *self;
        let mut workbook = Workbook::new();
        this.claims.finish(&mut workbook)?;
        this.entities.finish(&mut workbook)?;
        this.dates.finish(&mut workbook)?;
        this.attributions.finish(&mut workbook)?;
        workbook.save(&this.path).map_err(|e| {
            ReportError::Io(std::io::Error::other(format!(
                "{}: {e}",
                this.path.display()
            )))
        })?;
        Ok(())
    }
}
