//! `claimsheet`: reads English news articles and writes a spreadsheet of the claims in them.

mod bench;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// The allocator of the whole program (see Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status: everything read and written.
pub const EXIT_OK: u8 = 0;
/// Exit status: some inputs (or JSONL lines) failed; the others were written.
pub const EXIT_INPUT_FAILED: u8 = 1;
/// Exit status: bad usage, or the output could not be written.
pub const EXIT_FATAL: u8 = 2;

const AFTER_HELP: &str = "\
Offsets: every start/end the tool writes is a Unicode code point offset into the article text as
given (after decoding), end exclusive: Python's str indices, not bytes.

Inputs: .txt/.text files (one article each), .jsonl/.ndjson files (one article a line: id, text,
optional date YYYY-MM-DD, title, url; other keys are kept), .html/.htm pages, folders (read
recursively in sorted order), and - for standard input (JSONL if its first line is a JSON object
with a text, otherwise one article).

Exit status: 0 all inputs read and written; 1 some inputs or lines failed (each is named on stderr,
the rest were written); 2 bad usage or the output could not be written. A reader that closes the
pipe early (| head) ends the run quietly, with 0.";

/// Reads English news articles and writes a spreadsheet of the claims in them.
#[derive(Parser, Debug)]
#[command(name = "claimsheet", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Writes the claims table as CSV (the main job).
    Extract(ExtractArgs),
    /// Writes one annotation record per article (JSONL, the gold format of shared/gold).
    Annotate(AnnotateArgs),
    /// Runs the pipeline over the inputs in memory and prints its speed, stage by stage.
    Bench(BenchArgs),
}

/// Options shared by every command that reads articles.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Input files, folders, or - for standard input.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for articles whose input carries none.
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<jiff::civil::Date>,
    /// Largest article accepted, in bytes; larger ones are refused with a message.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_article_bytes: u64,
    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, short = 'j', value_parser = parse_threads)]
    pub threads: Option<usize>,
}

/// Output format of `extract`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The claims table as CSV.
    Csv,
    /// The claims table as JSONL, one claim a line, lists as arrays.
    Jsonl,
    /// A workbook with sheets claims, entities, dates, attributions (needs -o).
    Xlsx,
    /// One self-contained HTML page: the articles with their claims marked, and a table.
    Html,
}

/// Options of `extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output file, or - for standard output (the default).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write claims.csv, entities.csv, dates.csv and attributions.csv into this folder instead.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "format"])]
    tables: Option<PathBuf>,
    /// Excel-friendly CSV: UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    excel: bool,
    /// Do not prefix cells that start with = + - @ tab or CR with an apostrophe.
    #[arg(long)]
    no_formula_guard: bool,
}

#[derive(Args, Debug)]
struct AnnotateArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output file, or - for standard output (the default).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct BenchArgs {
    #[command(flatten)]
    input: InputArgs,
    /// How many timed passes over the inputs; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

/// The most worker threads `-j` accepts: the pool's threads are all started at once, and a slip
/// of the finger (`-j 100000`) spent minutes starting them.
const MAX_THREADS: usize = 1024;

fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("{s:?} is not a number of threads"))?;
    if n > MAX_THREADS {
        return Err(format!(
            "{n} threads is more than the {MAX_THREADS} allowed"
        ));
    }
    Ok(n)
}

fn parse_date_arg(s: &str) -> Result<jiff::civil::Date, String> {
    claimsheet_ingest::parse_date(s)
        .ok_or_else(|| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

/// `-o -` is standard output, as `-` is standard input.
fn dash_is_stdout(output: &mut Option<PathBuf>) {
    if output.as_deref() == Some(std::path::Path::new("-")) {
        *output = None;
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(mut a) => {
            dash_is_stdout(&mut a.output);
            run::extract(&a)
        }
        Command::Annotate(mut a) => {
            dash_is_stdout(&mut a.output);
            run::annotate(&a.input, a.output.as_deref())
        }
        Command::Bench(a) => bench::bench(&a.input, a.runs),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`claimsheet extract big.jsonl | head`): stop quietly, as
        // Unix tools do, rather than report an error nobody asked about.
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimsheet: error: {e:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// True when the error, or one of its causes, is a write to a pipe whose reader has closed.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<claimsheet_report::ReportError>()
                    .and_then(claimsheet_report::ReportError::io_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
