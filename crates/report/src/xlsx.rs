//! The report as an XLSX workbook: one sheet per table, frozen header, autofilter, column widths,
//! wrapped claim text. Strings are always written as strings (never formulas); counts and offsets
//! as numbers.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use claimsheet_extract::{Annotation, Article};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

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
                ws.write_string_with_format(r, col, text.as_ref(), wrap)?;
            } else {
                ws.write_string(r, col, text.as_ref())?;
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

/// A cell's text within Excel's limit, cut at a character boundary with a marker. Excel counts
/// UTF-16 code units (an emoji is two); a UTF-8 text has at least as many bytes as units, so
/// most cells are passed on by their byte length alone.
fn clip(cell: &str) -> Cow<'_, str> {
    if cell.len() <= MAX_CELL_CHARS || cell.encode_utf16().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(cell);
    }
    const MARK: &str = " … [cut: too long]";
    let room = MAX_CELL_CHARS - MARK.encode_utf16().count();
    let mut units = 0;
    let mut end = 0;
    for (at, c) in cell.char_indices() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        end = at + c.len_utf8();
    }
    let mut out = cell.get(..end).unwrap_or("").to_string();
    out.push_str(MARK);
    Cow::Owned(out)
}

/// The report as an XLSX workbook with sheets claims, entities, dates, attributions (and, past
/// Excel's row limit, `claims (2)` and so on after them).
pub struct XlsxSink {
    path: PathBuf,
    /// The output, created before any work so that a path that cannot be written is an error
    /// at the start of a run, not at its end.
    file: File,
    workbook: Workbook,
    claims: SheetSet,
    entities: SheetSet,
    dates: SheetSet,
    attributions: SheetSet,
    wrap: Format,
}

impl XlsxSink {
    /// A workbook to be saved at `path` when finished. The file is created now: a path that
    /// cannot be written is an error here, before any work.
    ///
    /// Rows wait in temporary files (in `$TMPDIR`) until the workbook is saved; a temporary
    /// directory that cannot be written is an error here too.
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
        let file = File::create(&path).map_err(|e| {
            ReportError::Io(std::io::Error::new(
                e.kind(),
                format!("cannot create {}: {e}", path.display()),
            ))
        })?;
        let mut workbook = Workbook::new();
        // Same input, same bytes: the document's creation time would be the run's clock.
        let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        Ok(XlsxSink {
            path,
            file,
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
        let name = this.path.display();
        let mut out = BufWriter::with_capacity(1 << 16, this.file);
        workbook
            .save_to_writer(&mut out)
            .map_err(|e| ReportError::Io(std::io::Error::other(format!("{name}: {e}"))))?;
        out.flush()
            .map_err(|e| ReportError::Io(std::io::Error::new(e.kind(), format!("{name}: {e}"))))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_cell_of_multibyte_text_within_the_limit_is_not_marked_cut() {
        // The limit was compared with the byte length: a 16,000-character Korean claim (48,000
        // bytes) was written whole with "[cut: too long]" after it.
        let korean = "강경화 ".repeat(4_000);
        assert_eq!(clip(&korean), korean.as_str());
        // Past the limit, the cut keeps Excel's count (UTF-16 units; an emoji is two) and
        // ends on a character boundary.
        let emoji = "😀".repeat(20_000);
        let cut = clip(&emoji);
        assert!(cut.ends_with(" … [cut: too long]"));
        assert!(cut.encode_utf16().count() <= MAX_CELL_CHARS);
        assert!(cut.encode_utf16().count() > MAX_CELL_CHARS - 30);
        let ascii = "a".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(clip(&ascii).encode_utf16().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn the_same_report_twice_is_the_same_workbook() {
        // The workbook recorded the clock as its creation time: two runs a second apart on
        // the same input gave different files (checksums, diffs and caches saw a change).
        let dir = tempfile::tempdir().expect("temp dir");
        let save = |name: &str| {
            let path = dir.path().join(name);
            let sink = Box::new(XlsxSink::new(path.clone()).expect("sink"));
            sink.finish().expect("saved");
            std::fs::read(path).expect("read back")
        };
        let first = save("a.xlsx");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert!(first == save("b.xlsx"), "the two workbooks differ");
    }

    #[test]
    fn an_output_path_that_cannot_be_written_fails_before_any_work() {
        // The path was first opened when the workbook was saved, after the whole run.
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-such-folder").join("claims.xlsx");
        let err = XlsxSink::new(missing.clone())
            .err()
            .expect("refused at once");
        assert!(
            err.to_string().contains("cannot write output")
                && std::error::Error::source(&err)
                    .is_some_and(|s| s.to_string().contains("no-such-folder")),
            "{err}"
        );
        // A folder is no file either.
        assert!(XlsxSink::new(dir.path().to_path_buf()).is_err());
    }
}
