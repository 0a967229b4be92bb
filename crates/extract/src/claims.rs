//! Claims: the propositions an article reports or asserts, one per row of the claims table.

use claimsheet_ingest::{ParagraphKind, Span};

use crate::attribution::{Attribution, QuoteKind};
use crate::segment::TokenKind;
use crate::Doc;

/// How a claim is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    /// The article states it itself.
    Statement,
    /// A direct quote.
    Quote,
    /// Indirect speech.
    Paraphrase,
    /// Indirect speech with quoted words.
    Mixed,
    /// "according to X".
    AccordingTo,
}

impl ClaimKind {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statement => "statement",
            ClaimKind::Quote => "quote",
            ClaimKind::Paraphrase => "paraphrase",
            ClaimKind::Mixed => "mixed",
            ClaimKind::AccordingTo => "according-to",
        }
    }
}

impl From<QuoteKind> for ClaimKind {
    fn from(k: QuoteKind) -> Self {
        match k {
            QuoteKind::Quote => ClaimKind::Quote,
            QuoteKind::Paraphrase => ClaimKind::Paraphrase,
            QuoteKind::Mixed => ClaimKind::Mixed,
            QuoteKind::AccordingTo => ClaimKind::AccordingTo,
        }
    }
}

/// One claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Byte span of the claim text: the sentence for statements, the content for attributions.
    pub span: Span,
    /// Index of the (first) sentence the claim is in.
    pub sentence: usize,
    /// Index of its paragraph in the article.
    pub paragraph: usize,
    /// How the claim is made.
    pub kind: ClaimKind,
    /// Index of the attribution the claim comes from, if any.
    pub attribution: Option<usize>,
}

/// True when a sentence of a body paragraph states something: it has at least three words, at
/// least one of them with a lower-case letter, and it is not a question.
fn states_something(doc: &Doc<'_>, sentence: usize) -> bool {
    let s = &doc.sentences[sentence];
    let tokens = &doc.tokens[s.tokens.clone()];
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
    let has_lower = tokens.iter().any(|t| {
        t.kind == TokenKind::Word && t.span.slice(doc.text).chars().any(char::is_lowercase)
    });
    let question = tokens
        .iter()
        .rev()
        .map(|t| t.span.slice(doc.text))
        .find(|t| !matches!(*t, "\"" | "\u{201D}" | "'" | "\u{2019}" | ")"))
        == Some("?");
    words >= 3 && has_lower && !question
}

/// The claims of `doc`: each attribution's content, then the article's own statements, in text
/// order. Only body paragraphs hold claims (never titles, headings, bylines, contact lines,
/// editor's notes or captions).
pub fn find_claims(doc: &Doc<'_>, attributions: &[Attribution]) -> Vec<Claim> {
    let mut claims = Vec::new();
    let sentence_of = |offset: usize| doc.sentences.partition_point(|s| s.span.end <= offset);
    for (index, a) in attributions.iter().enumerate() {
        let (Some(first), Some(last)) = (a.content.first(), a.content.last()) else {
            continue;
        };
        let sentence = sentence_of(first.start).min(doc.sentences.len().saturating_sub(1));
        let Some(s) = doc.sentences.get(sentence) else {
            continue;
        };
        if doc.article.paragraphs[s.paragraph].kind != ParagraphKind::Body {
            continue;
        }
        claims.push(Claim {
            span: Span::new(first.start, last.end),
            sentence,
            paragraph: s.paragraph,
            kind: a.kind.into(),
            attribution: Some(index),
        });
    }
    for (index, s) in doc.sentences.iter().enumerate() {
        let paragraph = &doc.article.paragraphs[s.paragraph];
        let in_dateline = paragraph.dateline.is_some_and(|d| d.contains(s.span));
        if paragraph.kind != ParagraphKind::Body || in_dateline || !states_something(doc, index) {
            continue;
        }
        // A sentence whose whole text is an attribution's content is already a claim.
        let covered = claims
            .iter()
            .any(|c| c.attribution.is_some() && c.span.contains(s.span));
        if !covered {
            claims.push(Claim {
                span: s.span,
                sentence: index,
                paragraph: s.paragraph,
                kind: ClaimKind::Statement,
                attribution: None,
            });
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.attribution.is_none(), c.span.end));
    claims
}
