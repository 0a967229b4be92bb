use std::fmt;

use jiff::civil::Date;

use crate::Span;

/// Where an article came from: the input path as the user gave it (or `-` for standard input)
/// and, for JSONL batches, the 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The path as given on the command line (or found in a folder), `-` for standard input.
    pub path: String,
    /// 1-based line number inside a JSONL file.
    pub line: Option<usize>,
}

impl Origin {
    /// An origin for a whole file.
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            line: None,
        }
    }

    /// An origin for one line of a JSONL file.
    pub fn line(path: impl Into<String>, line: usize) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => f.write_str(&self.path),
        }
    }
}

/// What a paragraph of an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The headline: the first line when it reads as a title, or the JSONL `title` when the text
    /// starts with it.
    Title,
    /// A byline ("By Sookyung Seo").
    Byline,
    /// A contact line: an e-mail address, a handle or a bare URL.
    Contact,
    /// An editor's or credits note ("Jennifer Nicholson-Breen edited this article.",
    /// "Reporting by ...; Editing by ...").
    EditorNote,
    /// A section heading, typically in capitals ("SEOUL DISMISSES IMMEDIATE PROSPECT").
    Heading,
    /// A photo or image caption line ("Photo: ...").
    Caption,
    /// A publication or update stamp ("Published October 19, 2025", "Updated 10:42 a.m. ET").
    Timestamp,
    /// A pointer to other content or a page control: "READ MORE: ...", "Related: ...",
    /// "Advertisement", "Share this article".
    Promo,
    /// Running text: the paragraphs whose sentences can hold claims.
    Body,
}

impl ParagraphKind {
    /// A short lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Title => "title",
            ParagraphKind::Byline => "byline",
            ParagraphKind::Contact => "contact",
            ParagraphKind::EditorNote => "editor_note",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Timestamp => "timestamp",
            ParagraphKind::Promo => "promo",
            ParagraphKind::Body => "body",
        }
    }
}

/// One paragraph (one non-blank line) of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The line without its line break and surrounding white space (bytes).
    pub span: Span,
    /// What the paragraph is.
    pub kind: ParagraphKind,
    /// A dateline at the start of a body paragraph ("SEOUL, Oct 5 (Reuters) -"), dash included
    /// (bytes).
    pub dateline: Option<Span>,
}

impl Paragraph {
    /// The part of the paragraph after its dateline, if any (bytes).
    pub fn body(&self) -> Span {
        match self.dateline {
            Some(d) => Span::new(d.end, self.span.end),
            None => self.span,
        }
    }
}

/// A news article as read from its input.
#[derive(Clone, Debug)]
pub struct Article {
    /// The JSONL `id`, else the path as given (`-` for standard input).
    pub id: String,
    /// Where the article came from.
    pub origin: Origin,
    /// The text exactly as given (after decoding to UTF-8; a byte-order mark is dropped). Every
    /// span claimsheet reports refers to this text.
    pub text: String,
    /// Publication date: the JSONL `date`, the HTML page's date, or the `--date` default.
    pub date: Option<jiff::civil::Date>,
    /// The title, from JSONL or HTML metadata, or the first line when it reads as a headline.
    pub title: Option<String>,
    /// The byline's names, when the article has a byline paragraph.
    pub byline: Option<String>,
    /// The JSONL `url`, if any.
    pub url: Option<String>,
    /// JSONL keys claimsheet does not use, kept as given.
    pub metadata: serde_json::Map<String, serde_json::Value>,
    /// The article's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Problems that did not stop the article from being read (lossy decoding, a bad date).
    pub warnings: Vec<String>,
    /// How many earlier articles of the run had the same id (0 for the first): a caller that
    /// sees the whole run sets it, so that ids derived from the article id (claim ids) stay
    /// distinct when an archive repeats an id.
    pub repeat: u32,
}

impl Article {
    /// An article from a text with everything else derived: layout, title and byline.
    ///
    /// `title` is a title known from metadata; when the text starts with it, the first line is
    /// marked as the title.
    pub fn new(
        id: impl Into<String>,
        origin: Origin,
        text: String,
        date: Option<Date>,
        title: Option<String>,
    ) -> Self {
        let paragraphs = crate::layout(&text, title.as_deref());
        let date = date.or_else(|| stated_publication_date(&text, &paragraphs));
        let title = title.or_else(|| {
            paragraphs
                .iter()
                .find(|p| p.kind == ParagraphKind::Title)
                .map(|p| p.span.slice(&text).to_string())
        });
        let byline = paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Byline)
            .map(|p| crate::layout::byline_names(p.span.slice(&text)).to_string());
        Article {
            id: id.into(),
            origin,
            text,
            date,
            title,
            byline,
            url: None,
            metadata: serde_json::Map::new(),
            paragraphs,
            warnings: Vec::new(),
            repeat: 0,
        }
    }
}

/// The publication date a text states in its stamp lines near the top ("Published October 19,
/// 2025"): a publication stamp before an update stamp ("Updated ...").
fn stated_publication_date(text: &str, paragraphs: &[Paragraph]) -> Option<Date> {
    let stamps: Vec<&str> = paragraphs
        .iter()
        .take(12)
        .filter(|p| p.kind == ParagraphKind::Timestamp)
        .map(|p| p.span.slice(text))
        .collect();
    let update = |line: &str| {
        let lower = line.to_lowercase();
        ["updated", "last updated", "modified", "last modified"]
            .iter()
            .any(|w| lower.starts_with(w))
    };
    stamps
        .iter()
        .filter(|l| !update(l))
        .chain(stamps.iter().filter(|l| update(l)))
        .find_map(|l| crate::layout::stated_date(l))
}
