//! CSV output of any table (claims, entities, dates, attributions).

use std::io::Write;

use crate::rows::Table;
use crate::ReportError;

/// How the CSV is written.
#[derive(Clone, Copy, Debug)]
pub struct CsvOptions {
    /// Excel flavour: a UTF-8 byte-order mark and CRLF line ends.
    pub excel: bool,
    /// Neutralise formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a
    /// leading apostrophe (OWASP's advice). On by default.
    pub guard_formulas: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            excel: false,
            guard_formulas: true,
        }
    }
}

/// Writes the rows of one table as RFC 4180 CSV, header first.
///
/// The bytes are those of the `csv` crate's writer with `QuoteStyle::Necessary` (a cell is
/// quoted when it holds a comma, a double quote, `\r` or `\n`, whichever line end the file
/// uses; quotes inside are doubled), written straight into one reused buffer: a row
/// costs a few copies, no per-byte state machine.
pub struct CsvWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    options: CsvOptions,
    /// Cells in a row: the header's count, which every row must have.
    columns: usize,
}

/// Buffered bytes that are handed to the output in one write.
const FLUSH_AT: usize = 32 << 10;

impl<W: Write> CsvWriter<W> {
    /// Starts a CSV of table `T` on `out` and writes the header row.
    pub fn new<T: Table>(mut out: W, options: CsvOptions) -> Result<Self, ReportError> {
        if options.excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut w = CsvWriter {
            out,
            buf: Vec::with_capacity(8 << 10),
            options,
            columns: T::COLUMNS.len(),
        };
        for (i, name) in T::COLUMNS.iter().enumerate() {
            if i > 0 {
                w.buf.push(b',');
            }
            w.cell(false, name.as_bytes());
        }
        w.end_row()?;
        Ok(w)
    }

    /// Appends one cell, after an apostrophe when `guard`, quoted when needed.
    #[inline]
    fn cell(&mut self, guard: bool, cell: &[u8]) {
        let quoted = needs_quotes(cell);
        // Room for the quotes and the apostrophe: one capacity check for the whole cell.
        self.buf.reserve(cell.len() + 3);
        if quoted {
            self.buf.push(b'"');
        }
        if guard {
            self.buf.push(b'\'');
        }
        if !quoted {
            self.buf.extend_from_slice(cell);
            return;
        }
        let mut rest = cell;
        while let Some(q) = find_quote(rest) {
            let (head, tail) = rest.split_at(q + 1);
            self.buf.extend_from_slice(head);
            self.buf.push(b'"');
            rest = tail;
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// Ends the row and hands the buffer to the output once it is full enough.
    fn end_row(&mut self) -> Result<(), ReportError> {
        if self.options.excel {
            self.buf.extend_from_slice(b"\r\n");
        } else {
            self.buf.push(b'\n');
        }
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes one row.
    pub fn write_row<T: Table>(&mut self, row: &T) -> Result<(), ReportError> {
        let guard_formulas = self.options.guard_formulas;
        let mark = self.buf.len();
        let mut cells = 0;
        row.for_each_cell(&mut |cell| {
            if cells > 0 {
                self.buf.push(b',');
            }
            cells += 1;
            self.cell(guard_formulas && needs_guard(cell), cell.as_bytes());
        });
        if cells != self.columns {
            self.buf.truncate(mark);
            return Err(ReportError::Io(std::io::Error::other(format!(
                "a row of {cells} cells in a table of {} columns",
                self.columns
            ))));
        }
        self.end_row()
    }

    /// Flushes and returns the output.
    pub fn finish(mut self) -> Result<W, ReportError> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()?;
        Ok(self.out)
    }
}

/// True when `cell` holds a byte that makes it need quotes: a comma, a double quote, `\r` or
/// `\n` (the `csv` crate quotes both whatever the line end, as readers take either for one).
/// Sixteen bytes at a time, without a branch inside a block, so that the compiler tests each
/// block with vector compares.
#[inline]
fn needs_quotes(cell: &[u8]) -> bool {
    let special = |b: u8| (b == b',') | (b == b'"') | (b == b'\n') | (b == b'\r');
    let mut blocks = cell.chunks_exact(16);
    for block in &mut blocks {
        if let Ok(block) = <&[u8; 16]>::try_from(block) {
            if block.iter().fold(false, |q, &b| q | special(b)) {
                return true;
            }
        }
    }
    // The last bytes as one zero-padded block (a zero byte is never special): most cells are
    // shorter than a block, and a byte-by-byte loop over them would cost more than the copy.
    let rest = blocks.remainder();
    let mut last = [0u8; 16];
    if let Some(head) = last.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    last.iter().fold(false, |q, &b| q | special(b))
}

/// The offset of the first double quote in `bytes`: whole 16-byte blocks are skipped with one
/// vector test each.
#[inline]
fn find_quote(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    for block in bytes.chunks_exact(16) {
        if let Ok(block) = <&[u8; 16]>::try_from(block) {
            if block.iter().fold(false, |q, &b| q | (b == b'"')) {
                break;
            }
        }
        from += 16;
    }
    let tail = bytes.get(from..)?;
    tail.iter().position(|&b| b == b'"').map(|i| from + i)
}

/// True when a spreadsheet could read the cell as a formula: it starts with `=`, `@`, tab or CR,
/// or with `+` or `-` followed by more (a lone "-" is text).
pub(crate) fn needs_guard(cell: &str) -> bool {
    cell.starts_with(['=', '@', '\t', '\r']) || (cell.starts_with(['+', '-']) && cell.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_rules() {
        for cell in ["=1+1", "+44 20", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(needs_guard(cell), "{cell:?}");
        }
        for cell in ["-", "+", "plain", "", "2025-10-18", "(article)"] {
            assert!(!needs_guard(cell), "{cell:?}");
        }
    }

    use crate::ClaimRow;

    #[test]
    fn formulas_are_guarded_and_excel_gets_bom_and_crlf() {
        let row = ClaimRow {
            article_id: "a",
            claim_id: "c1".into(),
            paragraph: 1,
            sentence: 1,
            start: 0,
            end: 5,
            claim: "=HYPERLINK(\"x\")\nsecond line",
            kind: "statement",
            speaker: "(article)".into(),
            speaker_type: "",
            speaker_role: "",
            cue: crate::List::new("; "),
            source_chain: crate::List::new(" > "),
            anonymous: false,
            quote: crate::List::new("; "),
            said_on: "",
            certainty: "certain",
            polarity: "positive",
            hedges: crate::List::new("; "),
            verification: "".into(),
            entities: {
                let mut l = crate::List::new("; ");
                l.push("Kang Kyung-wha (PER)");
                l
            },
            dates: crate::List::new("; "),
        };
        let mut w = CsvWriter::new::<ClaimRow>(
            Vec::new(),
            CsvOptions {
                excel: true,
                guard_formulas: true,
            },
        )
        .expect("header");
        w.write_row(&row).expect("row");
        let out = String::from_utf8(w.finish().expect("finish")).expect("utf8");
        assert!(out.starts_with('\u{feff}'));
        assert!(out.contains("\r\n"));
        assert!(
            out.contains("\"'=HYPERLINK(\"\"x\"\")\nsecond line\""),
            "{out}"
        );
    }

    /// Three cells of any text, for comparing writers.
    struct Three([String; 3]);

    impl Table for Three {
        const COLUMNS: &'static [&'static str] = &["a", "b,c", "d\"e"];
        const NAME: &'static str = "three";

        fn cells(&self) -> Vec<std::borrow::Cow<'_, str>> {
            self.0
                .iter()
                .map(|c| std::borrow::Cow::Borrowed(c.as_str()))
                .collect()
        }
    }

    /// What the `csv` crate writes for the same rows: the bytes this writer must keep.
    fn reference(rows: &[Three], options: CsvOptions) -> Vec<u8> {
        let mut out = Vec::new();
        if options.excel {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(if options.excel {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        w.write_record(Three::COLUMNS).expect("header");
        for row in rows {
            let cells: Vec<String> = row
                .0
                .iter()
                .map(|c| {
                    if options.guard_formulas && needs_guard(c) {
                        format!("'{c}")
                    } else {
                        c.clone()
                    }
                })
                .collect();
            w.write_record(&cells).expect("row");
        }
        w.into_inner().expect("flush")
    }

    #[test]
    fn bytes_match_the_csv_crate_for_quotes_commas_line_ends_and_formulas() {
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"no\"",
            "\"",
            "\"\"",
            "two\nlines",
            "cr\ronly",
            "crlf\r\nend",
            "=SUM(A1)",
            "-\"x\",y",
            "+1",
            "-",
            "@x\n",
            "\tTab",
            "Kang Kyung-wha (강경화) said “no sign yet” – ",
            "trailing space ",
            " ",
        ];
        let mut rows = Vec::new();
        for (i, a) in cells.iter().enumerate() {
            let b = cells[(i * 7 + 3) % cells.len()];
            let c = cells[(i * 5 + 1) % cells.len()];
            rows.push(Three([a.to_string(), b.to_string(), c.to_string()]));
        }
        // Enough rows to pass the flush threshold more than once.
        let long = "x,\"y\"\n".repeat(4000);
        rows.push(Three([long.clone(), long.clone(), "=end".into()]));
        rows.push(Three([long.clone(), "".into(), long]));
        for excel in [false, true] {
            for guard_formulas in [false, true] {
                let options = CsvOptions {
                    excel,
                    guard_formulas,
                };
                let mut w = CsvWriter::new::<Three>(Vec::new(), options).expect("header");
                for row in &rows {
                    w.write_row(row).expect("row");
                }
                let ours = w.finish().expect("finish");
                assert!(
                    ours == reference(&rows, options),
                    "excel {excel}, guard {guard_formulas}"
                );
            }
        }
    }

    /// A table whose rows have one cell too few.
    struct Short;

    impl Table for Short {
        const COLUMNS: &'static [&'static str] = &["a", "b"];
        const NAME: &'static str = "short";

        fn cells(&self) -> Vec<std::borrow::Cow<'_, str>> {
            vec![std::borrow::Cow::Borrowed("only")]
        }
    }

    #[test]
    fn a_row_with_the_wrong_cell_count_is_an_error_and_writes_nothing() {
        let mut w = CsvWriter::new::<Short>(Vec::new(), CsvOptions::default()).expect("header");
        assert!(w.write_row(&Short).is_err());
        let out = w.finish().expect("finish");
        assert_eq!(out, b"a,b\n");
    }
}
