//! Inputs to articles: files, folders, JSONL batches and standard input.

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::decode::{decode, decode_html};
use crate::{Article, IngestError, Origin};

/// One input named by the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (read recursively, in sorted order).
    Path(PathBuf),
    /// Standard input (`-` on the command line): JSONL when its first line is a JSON object with
    /// a `text`, otherwise one plain-text article.
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else is a path.
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Reading options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Publication date for articles whose input carries none.
    pub default_date: Option<Date>,
    /// Largest article accepted, in bytes; larger ones are refused with [`IngestError::TooLarge`].
    pub max_article_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_date: None,
            max_article_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Parses a publication date: `YYYY-MM-DD`, or an ISO timestamp that starts with one.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    day.parse::<Date>().ok()
}

/// What kind of file a path holds, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    Text,
    Jsonl,
    Html,
}

fn file_kind(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(FileKind::Text),
        "jsonl" | "ndjson" => Some(FileKind::Jsonl),
        "html" | "htm" | "xhtml" => Some(FileKind::Html),
        _ => None,
    }
}

/// True when reading `folder` would read `file`: `file` lies under `folder`, no folder or file
/// on the way is hidden (a name starting with `.`), and its extension is one claimsheet reads.
/// Both paths are compared as given: canonicalize them first.
pub fn folder_reads(folder: &Path, file: &Path) -> bool {
    let Ok(inside) = file.strip_prefix(folder) else {
        return false;
    };
    let hidden = inside
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && inside.components().next().is_some() && file_kind(file).is_some()
}

/// A JSONL source being read line by line.
struct JsonlSource {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    /// Whether a non-blank line was met: a file with none is an empty input.
    any: bool,
}

/// An iterator over the articles of a list of inputs, in input order: each file in the order
/// given, each folder's files sorted by path, each JSONL file line by line (streamed, so archives
/// of any size run in bounded memory).
///
/// It yields `Err` for an input or line that cannot be read and goes on with the rest.
pub struct Articles {
    pending: VecDeque<Pending>,
    current: Option<JsonlSource>,
    options: Options,
    skipped: Vec<String>,
}

enum Pending {
    Input(Input),
    File(PathBuf, Option<FileKind>),
    /// A file or subfolder of a folder that could not be read: reported in its place.
    Failed(IngestError),
}

impl Articles {
    /// Articles from `inputs`, read lazily.
    pub fn new(inputs: Vec<Input>, options: Options) -> Self {
        Articles {
            pending: inputs.into_iter().map(Pending::Input).collect(),
            current: None,
            options,
            skipped: Vec::new(),
        }
    }

    /// Files found in folders and skipped because their extension is not one claimsheet reads.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    fn expand_folder(&mut self, dir: &Path) -> Result<(), IngestError> {
        let mut files = Vec::new();
        let mut visited = std::collections::HashSet::new();
        if let Ok(canon) = fs::canonicalize(dir) {
            visited.insert(canon);
        }
        walk(dir, &mut files, &mut visited).map_err(|source| IngestError::Io {
            origin: Origin::file(dir.display().to_string()),
            source,
        })?;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut found = Vec::new();
        let mut failed = 0;
        for (f, problem) in files {
            if let Some(source) = problem {
                failed += 1;
                found.push(Pending::Failed(IngestError::Io {
                    origin: Origin::file(f.display().to_string()),
                    source,
                }));
                continue;
            }
            match file_kind(&f) {
                Some(kind) => found.push(Pending::File(f, Some(kind))),
                None => self.skipped.push(f.display().to_string()),
            }
        }
        if found.len() == failed {
            // Nothing to read: the folder's own failure, then its parts'.
            for p in found.into_iter().rev() {
                self.pending.push_front(p);
            }
            return Err(IngestError::EmptyFolder {
                path: dir.display().to_string(),
            });
        }
        for p in found.into_iter().rev() {
            self.pending.push_front(p);
        }
        Ok(())
    }

    fn open_file(
        &mut self,
        path: &Path,
        kind: Option<FileKind>,
    ) -> Option<Result<Article, IngestError>> {
        let name = path.display().to_string();
        let origin = Origin::file(&name);
        match kind {
            Some(FileKind::Jsonl) => match fs::File::open(path) {
                Ok(f) => {
                    self.current = Some(JsonlSource {
                        path: name,
                        reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                        line: 0,
                        any: false,
                    });
                    None
                }
                Err(source) => Some(Err(IngestError::Io { origin, source })),
            },
            Some(FileKind::Text | FileKind::Html) => {
                let bytes = match read_limited(path, self.options.max_article_bytes, &origin) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
                Some(self.article_from_bytes(&bytes, origin, kind == Some(FileKind::Html)))
            }
            // A file named on the command line with another extension is read as standard
            // input is: JSONL when its first line is a record (`articles.json`), HTML when it
            // opens like a page, else one text article.
            None => match fs::File::open(path) {
                Ok(f) => {
                    let json = path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
                    let reader = Box::new(BufReader::with_capacity(1 << 16, f));
                    self.read_source(reader, &name, json)
                }
                Err(source) => Some(Err(IngestError::Io { origin, source })),
            },
        }
    }

    /// Standard input: JSONL when its first non-blank line is a JSON object with a `text`
    /// (then streamed line by line, like a file), else one text article read up to the limit.
    /// Memory stays bounded by the limit either way.
    fn read_stdin(&mut self) -> Option<Result<Article, IngestError>> {
        let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
        self.read_stream(Box::new(stdin), "-")
    }

    /// [`Articles::read_stdin`] for any stream named `name`.
    fn read_stream(
        &mut self,
        reader: Box<dyn BufRead + Send>,
        name: &str,
    ) -> Option<Result<Article, IngestError>> {
        self.read_source(reader, name, false)
    }

    /// [`Articles::read_stream`]; when `json_only`, a stream that is not JSONL is refused (a
    /// `.json` file holding one JSON document is no article).
    fn read_source(
        &mut self,
        mut reader: Box<dyn BufRead + Send>,
        name: &str,
        json_only: bool,
    ) -> Option<Result<Article, IngestError>> {
        let origin = Origin::file(name);
        let limit = self.options.max_article_bytes;
        let io = |source| IngestError::Io {
            origin: Origin::file(name),
            source,
        };
        // A UTF-8 byte-order mark (Windows tools write one) is no part of the text, and must
        // not hide a JSONL stream's first `{`.
        if let Ok(buf) = reader.fill_buf() {
            if buf.starts_with(UTF8_BOM) {
                reader.consume(UTF8_BOM.len());
            }
        }
        // Leading white space is kept: it is part of a text article.
        let mut head = Vec::new();
        let first = loop {
            let buf = match reader.fill_buf() {
                Ok(buf) => buf,
                Err(source) => return Some(Err(io(source))),
            };
            if buf.is_empty() {
                break None;
            }
            if let Some(p) = buf.iter().position(|b| !b.is_ascii_whitespace()) {
                let byte = buf[p];
                head.extend_from_slice(&buf[..p]);
                reader.consume(p);
                break Some(byte);
            }
            let n = buf.len();
            head.extend_from_slice(buf);
            reader.consume(n);
            if head.len() as u64 > limit {
                break None;
            }
        };
        if first == Some(b'{') {
            match read_line_capped(&mut reader, &mut head, jsonl_line_cap(limit)) {
                Ok(_) => {}
                Err(source) => return Some(Err(io(source))),
            }
            if stdin_is_jsonl(&head) {
                self.current = Some(JsonlSource {
                    path: name.to_string(),
                    reader: Box::new(std::io::Cursor::new(head).chain(reader)),
                    line: 0,
                    any: false,
                });
                return None;
            }
        }
        if json_only {
            return Some(Err(IngestError::Json {
                origin,
                message: "a .json input must be JSONL: one JSON object with a \"text\" a line"
                    .to_string(),
            }));
        }
        let room = limit.saturating_add(1).saturating_sub(head.len() as u64);
        if let Err(source) = reader.by_ref().take(room).read_to_end(&mut head) {
            return Some(Err(io(source)));
        }
        if head.len() as u64 > limit {
            // Count the rest without keeping it, to name the real size.
            let rest = match std::io::copy(&mut reader, &mut std::io::sink()) {
                Ok(n) => n,
                Err(source) => return Some(Err(io(source))),
            };
            return Some(Err(IngestError::TooLarge {
                origin,
                bytes: head.len() as u64 + rest,
                limit,
            }));
        }
        let html = looks_like_html(&head);
        Some(self.article_from_bytes(&head, origin, html))
    }

    fn article_from_bytes(
        &self,
        bytes: &[u8],
        origin: Origin,
        html: bool,
    ) -> Result<Article, IngestError> {
        let (text, warning) = if html {
            decode_html(bytes, &origin)?
        } else {
            decode(bytes, &origin)?
        };
        let mut warnings: Vec<String> = warning.into_iter().collect();
        let (text, title, date, byline, url) = if html {
            let parts = crate::html_to_article_parts(&text);
            let date = parts.date.as_deref().and_then(|d| {
                let parsed = parse_date(d);
                if parsed.is_none() {
                    warnings.push(format!(
                        "the page's date {d:?} is not YYYY-MM-DD or an ISO timestamp; ignored"
                    ));
                }
                parsed
            });
            (parts.text, parts.title, date, parts.byline, parts.url)
        } else {
            (text, None, None, None, None)
        };
        if text.trim().is_empty() {
            return Err(IngestError::Empty { origin });
        }
        let id = origin.path.clone();
        // The page's date, else the date its text states, else the default.
        let mut article = Article::new(id, origin, text, date, title);
        if article.date.is_none() {
            article.date = self.options.default_date;
        }
        // The page's own byline line wins over its author meta.
        if article.byline.is_none() {
            article.byline = byline;
        }
        article.url = url;
        article.warnings.extend(warnings);
        Ok(article)
    }

    fn next_jsonl(&mut self) -> Option<Result<Article, IngestError>> {
        let limit = self.options.max_article_bytes;
        let cap = jsonl_line_cap(limit);
        let default_date = self.options.default_date;
        let src = self.current.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            src.line += 1;
            let origin = Origin::line(&src.path, src.line);
            // At most `cap + 1` bytes of a line are kept; an over-long line is refused by its
            // number, the rest of it skipped, and the next lines still run.
            let read = read_line_capped(&mut src.reader, &mut buf, cap).and_then(|n| {
                if buf.len() as u64 > cap && !buf.ends_with(b"\n") {
                    skip_line(&mut src.reader).map(|rest| n as u64 + rest)
                } else {
                    Ok(n as u64)
                }
            });
            let total = match read {
                Ok(0) => {
                    let any = src.any;
                    let path = std::mem::take(&mut src.path);
                    self.current = None;
                    // A file with no record at all is an empty input, as an empty text is.
                    return (!any).then(|| {
                        Err(IngestError::Empty {
                            origin: Origin::file(path),
                        })
                    });
                }
                Ok(n) => n,
                Err(source) => {
                    self.current = None;
                    return Some(Err(IngestError::Io { origin, source }));
                }
            };
            // A UTF-8 byte-order mark before the first record (Windows tools write one).
            if src.line == 1 && buf.starts_with(UTF8_BOM) {
                buf.drain(..UTF8_BOM.len());
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            src.any = true;
            if total > cap {
                return Some(Err(IngestError::TooLarge {
                    origin,
                    bytes: total,
                    limit,
                }));
            }
            return Some(jsonl_article(&buf, origin, default_date, limit));
        }
    }
}

/// The UTF-8 byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The longest JSONL line read whole: an article at the limit may double in size when escaped.
fn jsonl_line_cap(limit: u64) -> u64 {
    limit.saturating_mul(2).saturating_add(4096)
}

/// Appends one line (up to and including `\n`) to `buf`, but at most `cap + 1` bytes of it.
/// Returns the number of bytes appended.
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: u64,
) -> std::io::Result<usize> {
    reader.take(cap.saturating_add(1)).read_until(b'\n', buf)
}

/// Skips the rest of a line (through its `\n`) without keeping it; returns the bytes skipped.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (n, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(p) => (p + 1, true),
            None => (buf.len(), false),
        };
        reader.consume(n);
        skipped += n as u64;
        if done {
            return Ok(skipped);
        }
    }
}

impl Iterator for Articles {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let pending = self.pending.pop_front()?;
            let item = match pending {
                Pending::Input(Input::Stdin) => self.read_stdin(),
                Pending::Input(Input::Path(path)) => match fs::metadata(&path) {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        Some(Err(IngestError::NotFound {
                            path: path.display().to_string(),
                        }))
                    }
                    Err(source) => Some(Err(IngestError::Io {
                        origin: Origin::file(path.display().to_string()),
                        source,
                    })),
                    Ok(meta) if meta.is_dir() => self.expand_folder(&path).err().map(Err),
                    Ok(_) => {
                        let kind = file_kind(&path);
                        self.open_file(&path, kind)
                    }
                },
                Pending::File(path, kind) => self.open_file(&path, kind),
                Pending::Failed(e) => Some(Err(e)),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

/// Collects the files under `dir` (hidden names skipped), each with the error met on the way
/// to it, if any: a subfolder that cannot be listed or a link that leads nowhere is reported in
/// its place and the rest of the folder is still read. Links to folders are followed once
/// (`visited` holds the canonical folders read, so a link loop ends). Fails only when `dir`
/// itself cannot be listed.
fn walk(
    dir: &Path,
    out: &mut Vec<(PathBuf, Option<std::io::Error>)>,
    visited: &mut std::collections::HashSet<PathBuf>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push((dir.to_path_buf(), Some(e)));
                continue;
            }
        };
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let ty = match entry.file_type() {
            Ok(t) => t,
            Err(e) => {
                out.push((path, Some(e)));
                continue;
            }
        };
        // A link counts as what it leads to.
        let meta = if ty.is_symlink() {
            match fs::metadata(&path) {
                Ok(m) => m.file_type(),
                // A broken link named like an article is an article that cannot be read;
                // any other is skipped like the file it would be.
                Err(e) => {
                    let problem = file_kind(&path).map(|_| e);
                    out.push((path, problem));
                    continue;
                }
            }
        } else {
            ty
        };
        if meta.is_dir() {
            // Each folder once: a link back up (or to a folder read already) adds nothing.
            if let Ok(canon) = fs::canonicalize(&path) {
                if !visited.insert(canon) {
                    continue;
                }
            }
            if let Err(e) = walk(&path, out, visited) {
                out.push((path, Some(e)));
            }
        } else if meta.is_file() {
            out.push((path, None));
        }
    }
    Ok(())
}

fn read_limited(path: &Path, limit: u64, origin: &Origin) -> Result<Vec<u8>, IngestError> {
    let io = |source| IngestError::Io {
        origin: origin.clone(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > limit {
        return Err(IngestError::TooLarge {
            origin: origin.clone(),
            bytes: len,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            origin: origin.clone(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut head = head.trim_start_matches('\u{feff}').trim_start();
    // Browsers' "save page" and many CMSs open with comments ("<!-- saved from url=... -->").
    while let Some(rest) = head.strip_prefix("<!--") {
        match rest.find("-->") {
            Some(end) => head = rest[end + 3..].trim_start(),
            None => return false,
        }
    }
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|p| head.starts_with(p))
}

fn stdin_is_jsonl(bytes: &[u8]) -> bool {
    let first = bytes
        .split(|&b| b == b'\n')
        .find(|l| !l.iter().all(u8::is_ascii_whitespace));
    match first {
        Some(line) => matches!(
            serde_json::from_slice::<Value>(line),
            Ok(Value::Object(ref m)) if m.get("text").is_some_and(Value::is_string)
        ),
        None => false,
    }
}

fn jsonl_article(
    line: &[u8],
    origin: Origin,
    default_date: Option<Date>,
    limit: u64,
) -> Result<Article, IngestError> {
    let (decoded, warning) = match std::str::from_utf8(line) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(e) => (
            String::from_utf8_lossy(line),
            Some(format!(
                "invalid UTF-8 at byte {} of the line: replaced with U+FFFD",
                e.valid_up_to()
            )),
        ),
    };
    let value: Value = serde_json::from_str(&decoded).map_err(|e| IngestError::Json {
        origin: origin.clone(),
        message: e.to_string(),
    })?;
    let Value::Object(mut map) = value else {
        return Err(IngestError::Json {
            origin,
            message: "the line is JSON but not an object".to_string(),
        });
    };
    let Some(Value::String(text)) = map.remove("text") else {
        return Err(IngestError::MissingText { origin });
    };
    if text.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            origin,
            bytes: text.len() as u64,
            limit,
        });
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty { origin });
    }
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let id = match map.remove("id") {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => origin.to_string(),
        Some(other) => {
            warnings.push(format!(
                "id {other} is not a string or a number: the article's id is its place, {origin}"
            ));
            origin.to_string()
        }
    };
    let date = match map.remove("date") {
        Some(Value::String(s)) => match parse_date(&s) {
            Some(d) => Some(d),
            None => {
                warnings.push(format!("date {s:?} is not YYYY-MM-DD; ignored"));
                None
            }
        },
        Some(Value::Null) | None => None,
        Some(other) => {
            warnings.push(format!("date {other} is not a YYYY-MM-DD string; ignored"));
            None
        }
    };
    let title = take_string(&mut map, "title");
    let url = take_string(&mut map, "url");
    // A title that is not the first line of the text is metadata only.
    let title_in_text = match map.get("title_in_text") {
        Some(Value::Bool(b)) => *b,
        _ => true,
    };
    let layout_title = if title_in_text {
        title.clone()
    } else {
        Some(String::new())
    };
    // The record's date, else the date its text states, else the default.
    let mut article = Article::new(id, origin, text, date, layout_title);
    if article.date.is_none() {
        article.date = default_date;
    }
    article.title = title;
    article.url = url;
    article.metadata = map;
    article.warnings = warnings;
    Ok(article)
}

fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            map.insert(key.to_string(), other);
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_from_days_and_timestamps() {
        assert_eq!(
            parse_date("2025-10-19"),
            Some(jiff::civil::date(2025, 10, 19))
        );
        assert_eq!(
            parse_date("2025-10-19T08:00:00Z"),
            Some(jiff::civil::date(2025, 10, 19))
        );
        assert_eq!(parse_date("2025-13-19"), None);
        assert_eq!(parse_date("19 Oct 2025"), None);
        assert_eq!(parse_date("2025-10-1x"), None);
        assert_eq!(parse_date("ü"), None);
    }

    #[test]
    fn jsonl_records_keep_unknown_keys_as_metadata() {
        let a = jsonl_article(
            br#"{"id": 7, "text": "Hello there.", "date": "2024-01-02", "source": "wire"}"#,
            Origin::line("a.jsonl", 1),
            None,
            1000,
        )
        .expect("reads");
        assert_eq!(a.id, "7");
        assert_eq!(a.date, Some(jiff::civil::date(2024, 1, 2)));
        assert_eq!(
            a.metadata.get("source"),
            Some(&Value::String("wire".into()))
        );
    }

    #[test]
    fn a_stated_publication_date_comes_before_the_default() {
        let default = Some(jiff::civil::date(2030, 1, 1));
        let read = |line: &[u8]| {
            jsonl_article(line, Origin::line("a.jsonl", 1), default, 1000)
                .expect("reads")
                .date
                .map(|d| d.to_string())
        };
        let stamped = br#"{"text": "Bridge to close\nUpdated October 20, 2025\nPublished October 19, 2025\nThe mayor said the bridge will close."}"#;
        assert_eq!(
            read(stamped).as_deref(),
            Some("2025-10-19"),
            "publication, not update"
        );
        let dated = br#"{"text": "Bridge to close\nPublished October 19, 2025\nThe mayor spoke.", "date": "2025-10-21"}"#;
        assert_eq!(
            read(dated).as_deref(),
            Some("2025-10-21"),
            "the record's date wins"
        );
        let plain = br#"{"text": "The mayor said the bridge will close."}"#;
        assert_eq!(
            read(plain).as_deref(),
            Some("2030-01-01"),
            "else the default"
        );
    }

    #[test]
    fn a_dated_body_sentence_is_no_publication_date() {
        // "Published on March 3, 2021, the study found ..." was a publication stamp: the
        // article was dated 2021-03-03 instead of the default.
        let line = br#"{"text": "Study links sleep to memory\nPublished on March 3, 2021, the study found that 40% of adults sleep too little."}"#;
        let a = jsonl_article(
            line,
            Origin::line("a.jsonl", 1),
            Some(jiff::civil::date(2025, 10, 19)),
            1000,
        )
        .expect("reads");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2025-10-19"));
    }

    /// A reader that counts the bytes taken from it.
    struct Counting<R> {
        inner: R,
        taken: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.taken
                .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
            Ok(n)
        }
    }

    fn articles(limit: u64) -> Articles {
        Articles::new(
            Vec::new(),
            Options {
                default_date: None,
                max_article_bytes: limit,
            },
        )
    }

    #[test]
    fn stdin_text_over_the_limit_is_refused_without_reading_it_all_into_memory() {
        // stdin was read whole with read_to_end before any size check.
        let mut a = articles(1000);
        let big = std::io::Cursor::new(b"\n  The minister spoke.".to_vec())
            .chain(std::io::repeat(b'a').take(1_000_000));
        let e = a
            .read_stream(Box::new(BufReader::new(big)), "-")
            .expect("an item")
            .expect_err("too large");
        assert_eq!(
            e.to_string(),
            "-: article is 1000022 bytes, over the limit of 1000 bytes (raise it with --max-article-bytes)"
        );
        // Under the limit the text is kept exactly, leading blank lines too.
        let mut a = articles(1000);
        let text = b"\n\n{not json} The minister spoke on Monday.\n";
        let art = a
            .read_stream(Box::new(&text[..]), "-")
            .expect("an item")
            .expect("reads");
        assert_eq!(art.text.as_bytes(), text);
    }

    #[test]
    fn stdin_jsonl_is_streamed_line_by_line() {
        // stdin JSONL was read whole into memory before the first record.
        let taken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let line = "{\"id\": \"a\", \"text\": \"The minister spoke on Monday.\"}\n";
        let lines = line.repeat(100_000);
        let reader = Counting {
            inner: std::io::Cursor::new(lines.into_bytes()),
            taken: taken.clone(),
        };
        let mut a = articles(1000);
        assert!(a
            .read_stream(Box::new(BufReader::with_capacity(4096, reader)), "-")
            .is_none());
        let first = a.next().expect("an item").expect("reads");
        assert_eq!(first.text, "The minister spoke on Monday.");
        assert_eq!(first.origin.to_string(), "-:1");
        assert!(taken.load(std::sync::atomic::Ordering::Relaxed) <= 8192);
        let second = a.next().expect("an item").expect("reads");
        assert_eq!(second.origin.to_string(), "-:2");
    }

    #[test]
    fn over_long_jsonl_line_is_refused_by_number_and_the_next_lines_run() {
        // A JSONL line was read whole before its size was checked.
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(50_000));
        let input = format!(
            "{{\"text\": \"First.\"}}\n{long}{{\"text\": \"Third.\"}}\n{}",
            "y".repeat(30_000)
        );
        let mut a = articles(1000);
        assert!(a
            .read_stream(Box::new(std::io::Cursor::new(input.into_bytes())), "in")
            .is_none());
        assert_eq!(a.next().expect("1").expect("first").text, "First.");
        let e = a.next().expect("2").expect_err("too long");
        assert_eq!(
            e.to_string(),
            format!(
                "in:2: article is {} bytes, over the limit of 1000 bytes (raise it with --max-article-bytes)",
                long.len()
            )
        );
        assert_eq!(a.next().expect("3").expect("third").text, "Third.");
        let e = a.next().expect("4").expect_err("too long, no newline");
        assert!(
            e.to_string().starts_with("in:4: article is 30000 bytes"),
            "{e}"
        );
        assert!(a.next().is_none());
    }

    #[test]
    fn jsonl_with_a_byte_order_mark_reads_its_first_record() {
        // Windows tools write a UTF-8 BOM: the first record of a file failed ("not a JSON
        // object"), and standard input was read as one text article holding the JSON.
        let input = "\u{feff}{\"id\": \"a\", \"text\": \"The minister spoke.\"}\n{\"id\": \"b\", \"text\": \"The mayor spoke.\"}\n";
        for name in ["a.jsonl", "-"] {
            let mut a = articles(1000);
            let reader = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
            if name == "-" {
                assert!(
                    a.read_stream(reader, name).is_none(),
                    "standard input is JSONL"
                );
            } else {
                a.current = Some(JsonlSource {
                    path: name.to_string(),
                    reader,
                    line: 0,
                    any: false,
                });
            }
            let first = a.next().expect("an item").expect("first record reads");
            assert_eq!(
                (first.id.as_str(), first.text.as_str()),
                ("a", "The minister spoke.")
            );
            assert_eq!(a.next().expect("an item").expect("second").id, "b");
            assert!(a.next().is_none());
        }
        // A text article on standard input loses the mark, as a file does.
        let mut a = articles(1000);
        let text = Box::new(&b"\xEF\xBB\xBFThe minister spoke."[..]);
        let art = a.read_stream(text, "-").expect("an item").expect("reads");
        assert_eq!(art.text, "The minister spoke.");
    }

    #[test]
    fn an_html_page_declaring_latin1_is_read_in_it() {
        // A page declaring windows-1252 was read as UTF-8: "Jos\u{FFFD} M\u{FFFD}ller", with a
        // warning, where a browser shows "José Müller".
        let a = articles(1000);
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owner speaks</title></head><body><p>Jos\xe9 M\xfcller said prices would rise \x93soon\x94.</p></body></html>";
        let art = a
            .article_from_bytes(page, Origin::file("p.html"), true)
            .expect("reads");
        assert_eq!(
            art.text,
            "Jos\u{e9} M\u{fc}ller said prices would rise \u{201C}soon\u{201D}."
        );
        assert_eq!(art.title.as_deref(), Some("Caf\u{e9} owner speaks"));
        assert!(art.warnings.is_empty(), "{:?}", art.warnings);
    }

    #[test]
    fn a_page_date_that_is_no_iso_date_is_named_in_a_warning() {
        // An unreadable page date was dropped silently: the article took --date unannounced.
        let a = articles(1000);
        let page = br#"<html><head><meta name="date" content="Sun, 19 Oct 2025"></head><body><p>The minister spoke on Monday.</p></body></html>"#;
        let art = a
            .article_from_bytes(page, Origin::file("p.html"), true)
            .expect("reads");
        assert_eq!(art.date, None);
        assert_eq!(
            art.warnings,
            ["the page's date \"Sun, 19 Oct 2025\" is not YYYY-MM-DD or an ISO timestamp; ignored"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_follows_links_to_folders_and_names_broken_links() {
        // Links to folders were skipped without a word (an archive of linked year folders
        // read nothing: "folder holds no articles"); a broken link was dropped silently; and
        // one subfolder that could not be listed failed the whole folder.
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("archive");
        let outside = dir.path().join("2019");
        fs::create_dir_all(root.join("sub")).expect("mkdir");
        fs::create_dir_all(&outside).expect("mkdir");
        let article = "The minister said the bridge will close.";
        fs::write(root.join("a.txt"), article).expect("write");
        fs::write(root.join("sub").join("b.txt"), article).expect("write");
        fs::write(outside.join("c.txt"), article).expect("write");
        symlink(&outside, root.join("linked")).expect("link");
        symlink("..", root.join("sub").join("up")).expect("loop");
        symlink("nowhere.txt", root.join("broken.txt")).expect("broken link");
        symlink("nowhere.md", root.join("notes.md")).expect("broken non-article link");
        symlink("self", root.join("self")).expect("self loop");
        let mut articles = Articles::new(vec![Input::Path(root.clone())], Options::default());
        let items: Vec<Result<Article, IngestError>> = articles.by_ref().collect();
        let name = |p: &Path| p.display().to_string();
        let read: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|a| a.id.clone())
            .collect();
        assert_eq!(
            read,
            [
                name(&root.join("a.txt")),
                name(&root.join("linked").join("c.txt")),
                name(&root.join("sub").join("b.txt")),
            ]
        );
        let failed: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(|e| e.path().to_string())
            .collect();
        assert_eq!(failed, [name(&root.join("broken.txt"))]);
        // Other links that lead nowhere are skipped like other files, and said to be.
        assert_eq!(
            articles.skipped(),
            [name(&root.join("notes.md")), name(&root.join("self"))]
        );
    }

    #[test]
    fn a_json_file_of_records_is_read_as_jsonl() {
        // A JSONL archive named `.json` was read as one text article: rows of JSON syntax
        // ('"id"": ""a3"", ""text"": ""'), no warning.
        let dir = tempfile::tempdir().expect("temp dir");
        let records = dir.path().join("articles.json");
        fs::write(
            &records,
            "{\"id\": \"a\", \"text\": \"The minister spoke.\"}\n{\"id\": \"b\", \"text\": \"The mayor spoke.\"}\n",
        )
        .expect("write");
        let array = dir.path().join("array.json");
        fs::write(
            &array,
            "[{\"id\": \"a\", \"text\": \"The minister spoke.\"}]",
        )
        .expect("write");
        let plain = dir.path().join("notes.md");
        fs::write(&plain, "The minister spoke on Monday.\n").expect("write");
        let items: Vec<Result<Article, IngestError>> = Articles::new(
            [&records, &array, &plain]
                .iter()
                .map(|p| Input::Path(p.to_path_buf()))
                .collect(),
            Options::default(),
        )
        .collect();
        let ok = |i: usize| {
            items[i]
                .as_ref()
                .map(|a| (a.id.clone(), a.text.clone()))
                .ok()
        };
        assert_eq!(items.len(), 4);
        assert_eq!(ok(0), Some(("a".into(), "The minister spoke.".into())));
        assert_eq!(ok(1), Some(("b".into(), "The mayor spoke.".into())));
        let e = items[2].as_ref().expect_err("a JSON array is refused");
        assert!(e.to_string().contains("must be JSONL"), "{e}");
        // Other extensions given by name are still one text article.
        assert_eq!(
            ok(3).map(|(_, t)| t),
            Some("The minister spoke on Monday.\n".to_string())
        );
    }

    #[test]
    fn the_largest_article_limit_means_no_limit() {
        // `--max-article-bytes 18446744073709551615` (no limit, a user's way) overflowed
        // `limit + 1`: every text article read as "empty input, no text" (a panic in debug).
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.txt");
        fs::write(&file, "The minister spoke on Monday.").expect("write");
        let mut a = Articles::new(
            vec![Input::Path(file)],
            Options {
                default_date: None,
                max_article_bytes: u64::MAX,
            },
        );
        assert_eq!(
            a.next().expect("an item").expect("reads").text,
            "The minister spoke on Monday."
        );
        let mut a = articles(u64::MAX);
        let art = a
            .read_stream(Box::new(&b"The mayor spoke."[..]), "-")
            .expect("an item")
            .expect("reads");
        assert_eq!(art.text, "The mayor spoke.");
    }

    #[test]
    fn a_saved_page_opening_with_a_comment_is_read_as_html() {
        // A page saved by a browser opens with "<!-- saved from url=... -->": on standard
        // input (or with an unknown extension) it was read as text, tags and all.
        let page = b"<!-- saved from url=(0026)https://example.com/news -->\n<html><head><title>Bridge</title></head><body><p>The minister spoke on Monday.</p></body></html>";
        let mut a = articles(10_000);
        let art = a
            .read_stream(Box::new(&page[..]), "-")
            .expect("an item")
            .expect("reads");
        assert_eq!(art.text, "The minister spoke on Monday.");
        assert_eq!(art.title.as_deref(), Some("Bridge"));
    }

    #[test]
    fn an_id_of_another_type_is_named_in_a_warning() {
        // {"id": ["x"]} or {"id": true} was replaced by the line's place without a word.
        for (id, shown) in [
            (r#"["x"]"#, r#"["x"]"#),
            ("true", "true"),
            (r#"{"n":1}"#, r#"{"n":1}"#),
        ] {
            let line = format!(r#"{{"id": {id}, "text": "The minister spoke."}}"#);
            let a = jsonl_article(line.as_bytes(), Origin::line("a.jsonl", 6), None, 1000)
                .expect("reads");
            assert_eq!(a.id, "a.jsonl:6");
            assert_eq!(
                a.warnings,
                [format!(
                    "id {shown} is not a string or a number: the article's id is its place, a.jsonl:6"
                )]
            );
        }
        let a = jsonl_article(
            br#"{"id": null, "text": "x y"}"#,
            Origin::line("a.jsonl", 1),
            None,
            1000,
        )
        .expect("reads");
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn an_empty_jsonl_file_is_an_empty_input() {
        // An empty or blank .jsonl (a failed export) gave no article and no error: "0 failed",
        // exit 0, where an empty .txt is "empty input, no text".
        let dir = tempfile::tempdir().expect("temp dir");
        let empty = dir.path().join("empty.jsonl");
        let blank = dir.path().join("blank.jsonl");
        fs::write(&empty, "").expect("write");
        fs::write(&blank, "\n  \n\t\n").expect("write");
        let items: Vec<Result<Article, IngestError>> = Articles::new(
            vec![Input::Path(empty.clone()), Input::Path(blank.clone())],
            Options::default(),
        )
        .collect();
        let errors: Vec<String> = items
            .iter()
            .map(|i| {
                i.as_ref()
                    .map(|a| a.id.clone())
                    .unwrap_or_else(|e| e.to_string())
            })
            .collect();
        assert_eq!(
            errors,
            [
                format!("{}: empty input, no text", empty.display()),
                format!("{}: empty input, no text", blank.display()),
            ]
        );
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let e =
            jsonl_article(b"{not json", Origin::line("a.jsonl", 3), None, 1000).expect_err("bad");
        assert!(
            e.to_string().starts_with("a.jsonl:3: not a JSON object"),
            "{e}"
        );
        let e = jsonl_article(br#"{"id": "x"}"#, Origin::line("a.jsonl", 4), None, 1000)
            .expect_err("no text");
        assert_eq!(e.to_string(), "a.jsonl:4: record has no \"text\" string");
    }
}
