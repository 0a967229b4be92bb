//! The claims table: one [`ClaimRow`] per claim.

use claimsheet_extract::claims::ClaimKind;
use claimsheet_extract::{Annotation, Article, Span};

use crate::CharIndex;

/// The columns of the claims table, in order.
pub const COLUMNS: [&str; 18] = [
    "article_id",
    "claim_id",
    "paragraph",
    "sentence",
    "start",
    "end",
    "claim",
    "kind",
    "speaker",
    "speaker_type",
    "cue",
    "source_chain",
    "quote",
    "certainty",
    "hedges",
    "verification",
    "entities",
    "dates",
];

/// One row of the claims table. Offsets are Unicode code points into the article text, end
/// exclusive; paragraph and sentence numbers count from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRow {
    /// The article's id.
    pub article_id: String,
    /// A stable id: the same input gives the same id, whatever the thread count or input order.
    pub claim_id: String,
    /// Paragraph number (1-based, counting non-blank lines).
    pub paragraph: usize,
    /// Sentence number in the article (1-based).
    pub sentence: usize,
    /// Start of the claim text (code points).
    pub start: usize,
    /// End of the claim text (code points, exclusive).
    pub end: usize,
    /// The claim text, exactly as in the article.
    pub claim: String,
    /// `statement`, `quote`, `paraphrase`, `mixed` or `according-to`.
    pub kind: &'static str,
    /// Canonical speaker, `(article)` for the article's own statements.
    pub speaker: String,
    /// Speaker type (`person`, `media`, ... ), empty for statements.
    pub speaker_type: String,
    /// The attribution cue words, joined by "; ".
    pub cue: String,
    /// The chain of sources, outermost first, joined by " > ".
    pub source_chain: String,
    /// Directly quoted words in the claim, joined by "; ".
    pub quote: String,
    /// `certain`, `probable`, `possible` or `uncommitted`.
    pub certainty: &'static str,
    /// Hedge cues in the claim, joined by "; ".
    pub hedges: String,
    /// `unconfirmed`, `disputed`, `confirmed`, or empty.
    pub verification: String,
    /// Canonical names with types, joined by "; ": `Donald Trump (PER)`.
    pub entities: String,
    /// Time expressions with values, joined by "; ": `Saturday=2025-10-18`.
    pub dates: String,
}

impl ClaimRow {
    /// The row's cells in [`COLUMNS`] order.
    pub fn cells(&self) -> [std::borrow::Cow<'_, str>; 18] {
        use std::borrow::Cow::{Borrowed, Owned};
        [
            Borrowed(self.article_id.as_str()),
            Borrowed(self.claim_id.as_str()),
            Owned(self.paragraph.to_string()),
            Owned(self.sentence.to_string()),
            Owned(self.start.to_string()),
            Owned(self.end.to_string()),
            Borrowed(self.claim.as_str()),
            Borrowed(self.kind),
            Borrowed(self.speaker.as_str()),
            Borrowed(self.speaker_type.as_str()),
            Borrowed(self.cue.as_str()),
            Borrowed(self.source_chain.as_str()),
            Borrowed(self.quote.as_str()),
            Borrowed(self.certainty),
            Borrowed(self.hedges.as_str()),
            Borrowed(self.verification.as_str()),
            Borrowed(self.entities.as_str()),
            Borrowed(self.dates.as_str()),
        ]
    }
}

/// FNV-1a, 64 bits: a small stable hash for claim ids.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const QUOTE_OPEN: [char; 3] = ['"', '\u{201C}', '\u{201E}'];
const QUOTE_CLOSE: [char; 2] = ['"', '\u{201D}'];

/// Words in double quotation marks inside `s`.
fn quoted_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find(QUOTE_OPEN) {
        let after = &rest[open..];
        let Some(c) = after.chars().next() else { break };
        let body = &after[c.len_utf8()..];
        match body.find(QUOTE_CLOSE) {
            Some(close) => {
                let q = body[..close].trim();
                if !q.is_empty() {
                    parts.push(q);
                }
                // The closing mark may be multi-byte.
                let skip = body[close..].chars().next().map_or(1, char::len_utf8);
                rest = &body[close + skip..];
            }
            None => {
                let q = body.trim();
                if !q.is_empty() {
                    parts.push(q);
                }
                break;
            }
        }
    }
    parts
}

fn join<I: IntoIterator<Item = String>>(items: I, sep: &str) -> String {
    let mut out = String::new();
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        if item.is_empty() || seen.contains(&item) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(&item);
        seen.push(item);
    }
    out
}

/// The rows of one article's claims.
pub fn claim_rows(article: &Article, ann: &Annotation) -> Vec<ClaimRow> {
    let idx = CharIndex::new(&article.text);
    let text = article.text.as_str();
    let inside = |span: Span, claim: Span| claim.contains(span);
    ann.claims
        .iter()
        .map(|c| {
            let [start, end] = idx.span(c.span);
            let attribution = c.attribution.and_then(|i| ann.attributions.get(i));
            let (speaker, speaker_type, cue, source_chain) = match attribution {
                Some(a) => {
                    let mut chain = Vec::new();
                    let mut cur = Some(a);
                    let mut guard = 0;
                    while let Some(x) = cur {
                        chain.push(x.speaker.clone().unwrap_or_else(|| {
                            join(x.source.iter().map(|s| s.slice(text).to_string()), " ")
                        }));
                        cur = x.parent.and_then(|p| ann.attributions.get(p));
                        guard += 1;
                        if guard > 16 {
                            break;
                        }
                    }
                    chain.reverse();
                    (
                        a.speaker.clone().unwrap_or_default(),
                        a.speaker_type.as_str().to_string(),
                        join(a.cue.iter().map(|s| s.slice(text).to_string()), "; "),
                        join(chain, " > "),
                    )
                }
                None => (
                    "(article)".to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            };
            let claim_text = c.span.slice(text);
            let quote = match c.kind {
                ClaimKind::Statement | ClaimKind::Paraphrase | ClaimKind::AccordingTo => {
                    String::new()
                }
                ClaimKind::Quote | ClaimKind::Mixed => join(
                    quoted_parts(claim_text).into_iter().map(str::to_string),
                    "; ",
                ),
            };
            let sentence = ann.hedges.sentences.get(c.sentence);
            let hedges = join(
                ann.hedges
                    .cues
                    .iter()
                    .filter(|q| inside(q.span, c.span))
                    .map(|q| q.span.slice(text).to_string()),
                "; ",
            );
            let verification = sentence
                .and_then(|s| s.verification)
                .map(|(v, _)| v.as_str().to_string())
                .unwrap_or_default();
            let entities = join(
                ann.entities
                    .mentions
                    .iter()
                    .filter(|m| inside(m.span, c.span))
                    .filter_map(|m| ann.entities.referents.get(m.referent))
                    .map(|r| format!("{} ({})", r.canonical, r.kind.as_str())),
                "; ",
            );
            let dates = join(
                ann.timexes
                    .iter()
                    .filter(|t| inside(t.span, c.span))
                    .map(|t| format!("{}={}", t.span.slice(text), t.value)),
                "; ",
            );
            let hash = fnv1a(&[
                article.id.as_bytes(),
                &start.to_le_bytes(),
                &end.to_le_bytes(),
                c.kind.as_str().as_bytes(),
                &c.attribution.map_or(u64::MAX, |a| a as u64).to_le_bytes(),
            ]);
            ClaimRow {
                article_id: article.id.clone(),
                claim_id: format!("c{:012x}", hash >> 16),
                paragraph: c.paragraph + 1,
                sentence: c.sentence + 1,
                start,
                end,
                claim: claim_text.to_string(),
                kind: c.kind.as_str(),
                speaker,
                speaker_type,
                cue,
                source_chain,
                quote,
                certainty: sentence.map_or("certain", |s| s.certainty.as_str()),
                hedges,
                verification,
                entities,
                dates,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_parts_handle_curly_straight_and_unclosed() {
        assert_eq!(
            quoted_parts("keeping “the possibility open.”"),
            ["the possibility open."]
        );
        assert_eq!(quoted_parts("\"a\" and \"b\""), ["a", "b"]);
        assert_eq!(quoted_parts("“never closed"), ["never closed"]);
        assert!(quoted_parts("no quotes").is_empty());
    }
}
