//! CSV output of any table (claims, entities, dates, attributions).

use std::borrow::Cow;
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
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    options: CsvOptions,
}

impl<W: Write> CsvWriter<W> {
    /// Starts a CSV of table `T` on `out` and writes the header row.
    pub fn new<T: Table>(mut out: W, options: CsvOptions) -> Result<Self, ReportError> {
        if options.excel {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let terminator = if options.excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut inner = csv::WriterBuilder::new()
            .terminator(terminator)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        inner.write_record(T::COLUMNS)?;
        Ok(CsvWriter { inner, options })
    }

    /// Writes one row.
    pub fn write_row<T: Table>(&mut self, row: &T) -> Result<(), ReportError> {
        let guard_formulas = self.options.guard_formulas;
        let mut result = Ok(());
        row.for_each_cell(&mut |cell| {
            if result.is_ok() {
                result = if guard_formulas {
                    self.inner.write_field(guard(cell))
                } else {
                    self.inner.write_field(cell)
                };
            }
        });
        result?;
        self.inner.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flushes and returns the output.
    pub fn finish(self) -> Result<W, ReportError> {
        self.inner
            .into_inner()
            .map_err(|e| ReportError::Io(std::io::Error::other(e.to_string())))
    }
}

/// True when a spreadsheet could read the cell as a formula: it starts with `=`, `@`, tab or CR,
/// or with `+` or `-` followed by more (a lone "-" is text).
pub(crate) fn needs_guard(cell: &str) -> bool {
    cell.starts_with(['=', '@', '\t', '\r']) || (cell.starts_with(['+', '-']) && cell.len() > 1)
}

fn guard(cell: &str) -> Cow<'_, [u8]> {
    if needs_guard(cell) {
        let mut v = Vec::with_capacity(cell.len() + 1);
        v.push(b'\'');
        v.extend_from_slice(cell.as_bytes());
        Cow::Owned(v)
    } else {
        Cow::Borrowed(cell.as_bytes())
    }
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
}
