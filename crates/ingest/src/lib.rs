//! Reading news articles for claimsheet.
//!
//! This crate turns inputs (plain text files, JSONL batches, HTML pages, folders and standard
//! input) into [`Article`]s: an id, the text exactly as given, an optional publication date and
//! title, and the article's layout as [`Paragraph`]s with their [`ParagraphKind`] (title, byline,
//! contact line, editor's note, heading, body, with datelines marked inside body paragraphs).
//!
//! Bad input never stops a run: [`Articles`] yields one `Result` per article, and an error names
//! the input (and line) it came from, so the caller can report it and go on with the rest.
//!
//! Every offset in this crate is a **byte** offset into [`Article::text`] (see [`Span`]).

mod article;
mod decode;
mod error;
mod html;
mod layout;
mod read;
mod span;

pub use article::{Article, Origin, Paragraph, ParagraphKind};
pub use error::IngestError;
pub use html::{html_to_article_parts, HtmlParts};
pub use layout::layout;
pub use read::{folder_reads, parse_date, Articles, Input, Options};
pub use span::Span;
