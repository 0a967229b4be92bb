//! Claims: the propositions an article reports or asserts, one per row of the claims table.

use claimsheet_ingest::{ParagraphKind, Span};

use crate::attribution::model::{quote_mark, QuoteMark};
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
    /// Index of the attribution this claim's source relays, if any: in "CNN reported X, citing
    /// people familiar with the matter" the claim comes from CNN's attribution and relays the
    /// "citing" one, so its source chain reads `CNN > people familiar with the matter`.
    pub relays: Option<usize>,
}

/// Longest caption or subhead: a paragraph of one sentence of at most this many words that
/// opens with a capital and has no sentence punctuation at its end.
const MAX_CAPTION_WORDS: usize = 10;

/// True when a sentence of a body paragraph states something: it has at least three words, at
/// least one of them with a lower-case letter, it is not a question, and it is no caption or
/// subhead ("The Plains of Arafat on the day of Hajj", "Group F — Sweden 1 – 0 Korea
/// Republic": a paragraph of one short sentence that opens with a capital and ends with no
/// sentence punctuation).
fn states_something(doc: &Doc<'_>, sentence: usize) -> bool {
    let s = &doc.sentences[sentence];
    let tokens = &doc.tokens[s.tokens.clone()];
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
    let has_lower = tokens.iter().any(|t| {
        t.kind == TokenKind::Word && t.span.slice(doc.text).chars().any(char::is_lowercase)
    });
    let last = tokens
        .iter()
        .rev()
        .map(|t| t.span.slice(doc.text))
        .find(|t| !matches!(*t, "\"" | "\u{201D}" | "'" | "\u{2019}" | ")"));
    let question = last == Some("?");
    let alone = |i: Option<usize>| {
        i.and_then(|i| doc.sentences.get(i))
            .is_none_or(|o| o.paragraph != s.paragraph)
    };
    let caption = words <= MAX_CAPTION_WORDS
        && alone(sentence.checked_sub(1))
        && alone(sentence.checked_add(1))
        && s.span.slice(doc.text).starts_with(char::is_uppercase)
        && !last.is_some_and(|w| matches!(w, "." | "!" | "?" | "\u{2026}" | "..." | ":" | ";"));
    words >= 3 && has_lower && !question && !caption
}

/// Every source, cue and content span of an article's attributions, sorted by start, for
/// finding those that overlap a sentence without scanning them all.
struct AttributionParts {
    spans: Vec<Span>,
    longest: usize,
}

/// The reporting frame of an attribution: its source and cue, and when the content comes
/// before them ("..., Kang told lawmakers on Friday."), the rest of the sentence after them too,
/// or when it comes after them, the words up to it ("told the court that, in her last months,");
/// when the frame opens the sentence after an adverbial ("Speaking for the company, its
/// manager said, ..."), the adverbial too.
fn frame(doc: &Doc<'_>, a: &Attribution) -> Option<Span> {
    let cue = a.cue.first()?;
    let start = a.source.iter().chain(&a.cue).map(|s| s.start).min()?;
    let start = adjunct_before(doc, start).unwrap_or(start);
    let end = a.source.iter().chain(&a.cue).map(|s| s.end).max()?;
    // A content that opens before the cue, even when the quote resumes after it ("\u{201C}X,\u{201D}
    // Ruiz told reporters at City Hall. \u{201C}Y.\u{201D}").
    let content_first = a.content.first().is_some_and(|c| c.end <= cue.start);
    let sentence = doc.sentences.partition_point(|s| s.span.end <= cue.start);
    let sentence_end = doc.sentences.get(sentence).map_or(end, |s| s.span.end);
    if content_first {
        Some(Span::new(start, sentence_end.max(end)))
    } else {
        // What stands between the cue and a content after it in the same sentence tells whom
        // and how the source told ("told the court that, over the last months,"): the frame.
        let content_start = a
            .content
            .iter()
            .map(|c| c.start)
            .filter(|&c| c >= end && c <= sentence_end)
            .min()
            .unwrap_or(end);
        Some(Span::new(start, content_start.max(end)))
    }
}

/// The start of the sentence when what stands between it and the byte `at` is an adverbial
/// phrase of a few words closed by a comma ("After the match, "); a clause that opens like one
/// is not ("At least twenty people died in the flood, officials said ...": see
/// [`crate::attribution::is_adjunct`]).
fn adjunct_before(doc: &Doc<'_>, at: usize) -> Option<usize> {
    const MAX_WORDS: usize = 8;
    let si = doc.sentences.partition_point(|s| s.span.end <= at);
    let s = doc.sentences.get(si)?;
    let before = doc.text.get(s.span.start..at)?.trim_end();
    let adverbial = before.ends_with(',')
        && before.split_whitespace().count() <= MAX_WORDS
        && crate::attribution::is_adjunct(before);
    adverbial.then_some(s.span.start)
}

impl AttributionParts {
    /// The parts of `attributions`, leaving out those marked `silent` (a refusal or an
    /// unanswered request makes no claim, so its sentence is the article's).
    fn new(doc: &Doc<'_>, attributions: &[Attribution], silent: &[bool]) -> Self {
        let mut spans: Vec<Span> = attributions
            .iter()
            .enumerate()
            .filter(|(i, _)| !silent.get(*i).copied().unwrap_or(false))
            .map(|(_, a)| a)
            .flat_map(|a| {
                a.source
                    .iter()
                    .chain(&a.cue)
                    .chain(&a.content)
                    .copied()
                    .chain(frame(doc, a))
            })
            .collect();
        spans.sort();
        let longest = spans.iter().map(Span::len).max().unwrap_or(0);
        AttributionParts { spans, longest }
    }

    /// The spans that overlap `outer`.
    fn overlapping(&self, outer: Span) -> Vec<Span> {
        let upto = self.spans.partition_point(|x| x.start < outer.end);
        let floor = outer.start.saturating_sub(self.longest);
        self.spans[..upto]
            .iter()
            .rev()
            .take_while(|x| x.start >= floor)
            .filter(|x| x.overlaps(outer))
            .copied()
            .collect()
    }
}

/// How many words a sentence must keep outside its attributions' spans to state something of its
/// own ("The CNN report came a day after ..." does; "..., according to CNN." does not).
const OWN_WORDS: usize = 4;

/// True when the sentence states something beyond the attributions in it: at least
/// [`OWN_WORDS`] words lie outside every attribution's content and reporting frame (see
/// [`frame`]) that touches the sentence, and outside quotation marks (in a sentence that
/// holds an attribution, quoted words are somebody's, even where the content was cut short:
/// "\"Our airline would like to thank the staff,\" said its chief").
fn states_beyond_attributions(doc: &Doc<'_>, sentence: usize, parts: &AttributionParts) -> bool {
    let s = &doc.sentences[sentence];
    let spans = parts.overlapping(s.span);
    if spans.is_empty() {
        return true;
    }
    // Disjoint, sorted covers, swept once with the tokens (which are in text order).
    let covers = Span::union(spans);
    let mut next = 0;
    let mut own = 0;
    let (mut opened, mut straight) = (0u32, false);
    for t in &doc.tokens[s.tokens.clone()] {
        while covers.get(next).is_some_and(|c| c.end <= t.span.start) {
            next += 1;
        }
        // Quotation marks opened in this sentence (a stray mark earlier in the paragraph
        // does not count), as the attribution layer reads them.
        if t.kind == TokenKind::Punct {
            match quote_mark(t.span.slice(doc.text)) {
                QuoteMark::Open => opened += 1,
                QuoteMark::Close => opened = opened.saturating_sub(1),
                QuoteMark::Either => straight = !straight,
                QuoteMark::None => {}
            }
        }
        let covered = covers.get(next).is_some_and(|c| c.overlaps(t.span));
        if t.kind != TokenKind::Punct && !covered && opened == 0 && !straight {
            own += 1;
            if own >= OWN_WORDS {
                return true;
            }
        }
    }
    false
}

/// A claim is the proposition: a content that opens with the complementizer "that" ("Trump
/// responded that he would ...") loses it, and the space after it.
fn without_complementizer(text: &str, span: Span) -> Span {
    let body = span.slice(text);
    match body.get(..5) {
        Some(head) if head.eq_ignore_ascii_case("that ") => {
            let rest = &body[5..];
            let skipped = body.len() - rest.trim_start().len();
            if skipped < body.len() {
                Span::new(span.start + skipped, span.end)
            } else {
                span
            }
        }
        _ => span,
    }
}

/// The extent of an attribution's content: from its first fragment's start to its last's end.
fn content_extent(a: &Attribution) -> Option<Span> {
    Some(Span::new(a.content.first()?.start, a.content.last()?.end))
}

/// The child attribution (one whose parent is `index`) that carries the same content, if any: the
/// outer source relays the inner one ("CNN reported ..., citing people familiar with the
/// matter"), so the two make one claim, whose source chain names both.
fn relayed_child(
    attributions: &[Attribution],
    children: &[Vec<usize>],
    index: usize,
) -> Option<usize> {
    let outer = content_extent(&attributions[index])?;
    children
        .get(index)
        .into_iter()
        .flatten()
        .copied()
        .find(|&b| {
            content_extent(&attributions[b]).is_some_and(|inner| {
                let shared = inner
                    .end
                    .min(outer.end)
                    .saturating_sub(inner.start.max(outer.start));
                // Nearly the same text: at least 90% of the longer of the two.
                shared * 10 >= inner.len().max(outer.len()) * 9
            })
        })
}

/// The kind of an attribution's claim. A nested attribution inside a direct quote ("President
/// Trump has said he is open to dialogue" within Kang's quote) quotes the outer speaker, not the
/// inner one: for the inner speaker it is a paraphrase, unless it carries quotation marks of its
/// own.
fn claim_kind(text: &str, attributions: &[Attribution], a: &Attribution) -> ClaimKind {
    let quoted_by_parent = a
        .parent
        .and_then(|p| attributions.get(p))
        .is_some_and(|p| matches!(p.kind, QuoteKind::Quote | QuoteKind::Mixed));
    if a.kind == QuoteKind::Quote && quoted_by_parent {
        let own_marks = a.content.iter().any(|c| {
            c.slice(text)
                .contains(['"', '\u{201C}', '\u{201D}', '\u{2018}'])
        });
        return if own_marks {
            ClaimKind::Mixed
        } else {
            ClaimKind::Paraphrase
        };
    }
    a.kind.into()
}

/// "The department did not immediately respond to a request for comment", "Officials
/// declined to say how many flights are planned": PolNeAR annotates the request, or what was
/// not said, as the content of the cue, and so does the attribution layer, but nobody claims
/// anything. True when the cue negates a verb of answering and the content is a request, call,
/// message or question; when the cue refuses to say, discuss, confirm ... (in the cue or at
/// the content's start: "declined | to confirm or deny"); or when it negates such a verb
/// ("would not say").
fn unanswered_request(text: &str, a: &Attribution) -> bool {
    const UNSAID: &[&str] = &[
        "say",
        "discuss",
        "elaborate",
        "specify",
        "confirm",
        "comment",
        "identify",
        "reveal",
        "disclose",
        "detail",
        "explain",
        "answer",
        "speculate",
    ];
    let unsaid = |w: &str| UNSAID.iter().any(|v| w.eq_ignore_ascii_case(v));
    let starts = |w: &str, p: &str| w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    // One pass over the cue's words, with no allocation.
    let (mut answering, mut refusing, mut negated, mut says) = (false, false, false, false);
    for w in a
        .cue
        .iter()
        .flat_map(|c| c.slice(text).split_whitespace())
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '\''))
    {
        answering |= ["respond", "repl", "return", "answer"]
            .iter()
            .any(|p| starts(w, p));
        refusing |= crate::attribution::refusal_word(w);
        negated |= ["not", "never", "didn't", "hasn't", "haven't", "n't"]
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n))
            || w.ends_with("n\u{2019}t");
        says = unsaid(w);
    }
    if !answering && !refusing && !says {
        return false;
    }
    let requested = a.content.iter().any(|c| {
        c.slice(text).split_whitespace().take(4).any(|w| {
            let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
            [
                "request",
                "requests",
                "calls",
                "call",
                "messages",
                "message",
                "emails",
                "email",
                "questions",
                "inquiries",
                "inquiry",
            ]
            .iter()
            .any(|r| w.eq_ignore_ascii_case(r))
        })
    });
    // "declined to say | how many", or "declined | to confirm or deny the report".
    let content_opens_unsaid = a.content.first().is_some_and(|c| {
        let mut w = c.slice(text).split_whitespace();
        w.next().is_some_and(|t| t.eq_ignore_ascii_case("to")) && w.next().is_some_and(unsaid)
    });
    let refused = refusing && (says || content_opens_unsaid);
    // "The ministry would not say how many troops were sent."
    let not_said = negated && says;
    negated && answering && requested || refused || not_said
}

/// The claims of `doc`: each attribution's content (a quote over several sentences is one claim;
/// a nested attribution is a claim of its own), and each body sentence that states something of
/// its own beyond its attributions, in text order. Only body paragraphs hold claims (never
/// titles, headings, bylines, contact lines, editor's notes, captions, datelines or questions).
pub fn find_claims(doc: &Doc<'_>, attributions: &[Attribution]) -> Vec<Claim> {
    let mut claims = Vec::new();
    let sentence_of = |offset: usize| doc.sentences.partition_point(|s| s.span.end <= offset);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); attributions.len()];
    for (i, a) in attributions.iter().enumerate() {
        if let Some(p) = a.parent.filter(|&p| p < attributions.len()) {
            children[p].push(i);
        }
    }
    // Refusals and unanswered requests claim nothing (see `unanswered_request`), and neither
    // does an attribution whose cue is no word of speech, thought or attitude
    // (`attribution::reports`): its sentence is the article's statement.
    let silent: Vec<bool> = attributions
        .iter()
        .map(|a| unanswered_request(doc.text, a) || !crate::attribution::reports(doc.text, a))
        .collect();
    let relays: Vec<Option<usize>> = (0..attributions.len())
        .map(|i| relayed_child(attributions, &children, i))
        .collect();
    let mut relayed = vec![false; attributions.len()];
    for &child in relays.iter().flatten() {
        relayed[child] = true;
    }
    for (index, a) in attributions.iter().enumerate() {
        let (Some(first), Some(last)) = (a.content.first(), a.content.last()) else {
            continue;
        };
        // "CNN reported X, citing people familiar": one claim, CNN's, whose chain names the
        // people CNN cites. A refusal or an unanswered request claims nothing.
        if relayed[index] || silent.get(index).copied().unwrap_or(false) {
            continue;
        }
        let sentence = sentence_of(first.start).min(doc.sentences.len().saturating_sub(1));
        let Some(s) = doc.sentences.get(sentence) else {
            continue;
        };
        if doc.article.paragraphs[s.paragraph].kind != ParagraphKind::Body {
            continue;
        }
        claims.push(Claim {
            span: without_complementizer(doc.text, Span::new(first.start, last.end)),
            sentence,
            paragraph: s.paragraph,
            kind: claim_kind(doc.text, attributions, a),
            attribution: Some(index),
            relays: relays[index],
        });
    }
    let parts = AttributionParts::new(doc, attributions, &silent);
    for (index, s) in doc.sentences.iter().enumerate() {
        let paragraph = &doc.article.paragraphs[s.paragraph];
        let in_dateline = paragraph.dateline.is_some_and(|d| d.contains(s.span));
        if paragraph.kind != ParagraphKind::Body || in_dateline || !states_something(doc, index) {
            continue;
        }
        if !states_beyond_attributions(doc, index, &parts) {
            continue;
        }
        {
            claims.push(Claim {
                span: s.span,
                sentence: index,
                paragraph: s.paragraph,
                kind: ClaimKind::Statement,
                attribution: None,
                relays: None,
            });
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.attribution.is_none(), c.span.end));
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use claimsheet_ingest::{Article, Origin};

    /// The claims of a one-paragraph article with the given attributions.
    fn claims_in(text: &str, attributions: &[Attribution]) -> Vec<Claim> {
        let article = Article::new(
            "t",
            Origin::file("t"),
            text.to_string(),
            None,
            Some(String::new()),
        );
        let seg = segment(&article);
        let doc = Doc::new(&article, &seg);
        find_claims(&doc, attributions)
    }

    fn claims_of(text: &str, attributions: &[Attribution]) -> Vec<(ClaimKind, String)> {
        claims_in(text, attributions)
            .into_iter()
            .map(|c| (c.kind, c.span.slice(text).to_string()))
            .collect()
    }

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).expect(part);
        Span::new(start, start + part.len())
    }

    #[test]
    fn an_unanswered_request_for_comment_is_no_claim() {
        let text = "The department did not immediately respond to a request for comment.";
        let a = Attribution {
            source: vec![span_of(text, "The department")],
            cue: vec![span_of(text, "did not immediately respond to")],
            content: vec![span_of(text, "a request for comment")],
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        // The sentence remains, as the article's own statement.
        assert_eq!(claims.len(), 1, "{claims:?}");
        assert_eq!(claims[0].0, ClaimKind::Statement);
        // A response is a claim.
        let text = "The department responded to the report with a denial.";
        let a = Attribution {
            source: vec![span_of(text, "The department")],
            cue: vec![span_of(text, "responded to")],
            content: vec![span_of(text, "the report")],
            ..Attribution::default()
        };
        assert!(claims_of(text, &[a])
            .iter()
            .any(|c| c.0 != ClaimKind::Statement && c.1 == "the report"));
    }

    #[test]
    fn a_cue_of_no_speech_thought_or_attitude_is_the_articles_statement() {
        // The tagger learned rare PolNeAR cues such as deals and deliveries.
        let text = "Harlan Air has delivered the last of its twenty jets to the navy.";
        let a = Attribution {
            source: vec![span_of(text, "Harlan Air")],
            cue: vec![span_of(text, "has delivered")],
            content: vec![span_of(text, "the last of its twenty jets to the navy")],
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(ClaimKind::Statement, text.to_string())]
        );
        // A word of attitude, or a colon before a quote, is a cue.
        for (text, cue, content) in [
            (
                "Harlan Air was pleased with the new jets.",
                "was pleased with",
                "the new jets",
            ),
            ("The mayor: \"We will rebuild.\"", ":", "We will rebuild."),
            (
                "Harlan Air announced a deal for twenty jets.",
                "announced",
                "a deal for twenty jets",
            ),
        ] {
            let a = Attribution {
                source: vec![span_of(text, text.split([' ', ':']).next().unwrap_or(""))],
                cue: vec![span_of(text, cue)],
                content: vec![span_of(text, content)],
                ..Attribution::default()
            };
            assert!(
                claims_of(text, &[a])
                    .iter()
                    .any(|c| c.0 != ClaimKind::Statement && c.1 == content),
                "{text}"
            );
        }
    }

    #[test]
    fn a_refusal_to_say_is_no_claim() {
        let text = "Officials have declined to say how many flights are planned.";
        let a = Attribution {
            source: vec![span_of(text, "Officials")],
            cue: vec![span_of(text, "have declined to say")],
            content: vec![span_of(text, "how many flights are planned")],
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        assert!(
            claims.iter().all(|c| c.0 == ClaimKind::Statement),
            "{claims:?}"
        );
        for (text, cue, content) in [
            (
                "The ministry would not say how many troops were sent.",
                "would not say",
                "how many troops were sent",
            ),
            (
                "Officials declined to confirm or deny the report.",
                "declined",
                "to confirm or deny the report",
            ),
        ] {
            let a = Attribution {
                cue: vec![span_of(text, cue)],
                content: vec![span_of(text, content)],
                ..Attribution::default()
            };
            let claims = claims_of(text, &[a]);
            assert!(
                claims.iter().all(|c| c.0 == ClaimKind::Statement),
                "{claims:?}"
            );
        }
        // A refusal of something else is a claim ("refused to sign the bill" is no refusal
        // to speak, though it is seldom an attribution).
        let text = "The governor declined to sign the bill, her office said.";
        let a = Attribution {
            source: vec![span_of(text, "her office")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "The governor declined to sign the bill")],
            ..Attribution::default()
        };
        assert!(claims_of(text, &[a])
            .iter()
            .any(|c| c.0 != ClaimKind::Statement));
    }

    #[test]
    fn an_attribution_sentence_with_nothing_else_gives_one_claim() {
        let text = "However, no preparations have begun, according to CNN.";
        let a = Attribution {
            source: vec![span_of(text, "CNN")],
            cue: vec![span_of(text, "according to")],
            content: vec![span_of(text, "no preparations have begun")],
            kind: QuoteKind::AccordingTo,
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(
                ClaimKind::AccordingTo,
                "no preparations have begun".to_string()
            )]
        );
    }

    #[test]
    fn quoted_words_cut_from_a_content_are_no_statement_of_the_article() {
        // The content lost the quote's opening words; they are still the chief's, not the
        // article's. Words outside quotation marks in the next sentence are the article's,
        // even after a stray mark earlier in the paragraph.
        for stray in ["", "Its jets had 17\" screens. "] {
            let text = format!(
                "{stray}\"Our airline would like to thank the staff for years of hard work,\" \
                 said Dana Ross, the chief executive. The airline flew its last jet in May, and \
                 Ross said the staff would be paid."
            );
            let cut = Attribution {
                source: vec![span_of(&text, "Dana Ross, the chief executive")],
                cue: vec![span_of(&text, "said")],
                content: vec![span_of(&text, "the staff for years of hard work")],
                kind: QuoteKind::Quote,
                ..Attribution::default()
            };
            let head = |part: &str, len: usize| {
                let s = span_of(&text, part);
                Span::new(s.start, s.start + len)
            };
            let paid = Attribution {
                source: vec![head("Ross said the", 4)],
                cue: vec![head("said the staff", 4)],
                content: vec![span_of(&text, "the staff would be paid")],
                kind: QuoteKind::Paraphrase,
                ..Attribution::default()
            };
            let statements: Vec<String> = claims_of(&text, &[cut, paid])
                .into_iter()
                .filter(|(k, _)| *k == ClaimKind::Statement)
                .map(|(_, c)| c)
                .collect();
            let expected = [
                stray.trim(),
                "The airline flew its last jet in May, and Ross said \
                 the staff would be paid.",
            ];
            assert_eq!(
                statements,
                expected[usize::from(stray.is_empty())..],
                "stray mark {stray:?}"
            );
        }
    }

    #[test]
    fn a_sentence_that_also_states_something_gives_two_claims() {
        let text =
            "The CNN report came a day after the ambassador downplayed speculation about a summit.";
        let a = Attribution {
            source: vec![span_of(text, "the ambassador")],
            cue: vec![span_of(text, "downplayed")],
            content: vec![span_of(text, "speculation about a summit")],
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert_eq!(claims[0].0, ClaimKind::Statement);
        assert_eq!(
            claims[1],
            (
                ClaimKind::Paraphrase,
                "speculation about a summit".to_string()
            )
        );
    }

    #[test]
    fn an_adverbial_before_the_frame_belongs_to_the_frame() {
        let text = "Speaking for the city council, its new chair Maria Lopez said, \u{201C}We will rebuild the bridge.\u{201D}";
        let a = Attribution {
            source: vec![span_of(text, "its new chair Maria Lopez")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "We will rebuild the bridge.")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, std::slice::from_ref(&a)),
            [(ClaimKind::Quote, "We will rebuild the bridge.".to_string())]
        );
        // A clause before the frame is the article's own statement.
        let text = "The vote passed easily, and its new chair Maria Lopez said, \u{201C}We will rebuild the bridge.\u{201D}";
        let a = Attribution {
            source: vec![span_of(text, "its new chair Maria Lopez")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "We will rebuild the bridge.")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert_eq!(claims[0].0, ClaimKind::Statement);
        // An adverbial of addition.
        let text = "As well as new routes to Boston, the chair said the airline would fly to Lima.";
        let a = Attribution {
            source: vec![span_of(text, "the chair")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "the airline would fly to Lima")],
            kind: QuoteKind::Paraphrase,
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(
                ClaimKind::Paraphrase,
                "the airline would fly to Lima".to_string()
            )]
        );
    }

    #[test]
    fn a_clause_that_opens_like_an_adverbial_is_the_articles_statement() {
        // Regression: "At least ..." was read as an adverbial of the frame, so the deaths
        // were neither the officials' claim nor the article's.
        for (text, opening) in [
            (
                "At least twenty people died in the flood, officials said the toll could rise.",
                "At least twenty people died in the flood",
            ),
            (
                "On Monday the toll was twenty, officials said the toll could rise.",
                "On Monday the toll was twenty",
            ),
            // A past tense without an auxiliary (the attribution layer's finite forms).
            (
                "In May the dam broke, officials said the toll could rise.",
                "In May the dam broke",
            ),
            (
                "In the end the bridge collapsed, officials said the toll could rise.",
                "In the end the bridge collapsed",
            ),
        ] {
            let a = Attribution {
                source: vec![span_of(text, "officials")],
                cue: vec![span_of(text, "said")],
                content: vec![span_of(text, "the toll could rise")],
                ..Attribution::default()
            };
            let claims = claims_of(text, &[a]);
            assert_eq!(claims.len(), 2, "{claims:?}");
            assert_eq!(claims[0].0, ClaimKind::Statement);
            assert!(claims[0].1.starts_with(opening), "{claims:?}");
        }
        // A relative clause inside the adverbial is still part of the adverbial.
        let text =
            "In a statement that was released on Friday, officials said the bridge would reopen.";
        let a = Attribution {
            source: vec![span_of(text, "officials")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "the bridge would reopen")],
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(ClaimKind::Paraphrase, "the bridge would reopen".to_string())]
        );
    }

    #[test]
    fn words_between_the_cue_and_a_later_content_belong_to_the_frame() {
        // Regression: the addressee and the circumstance between "told" and the quotation
        // made the sentence also the article's own statement (Wikinews text, CC BY).
        let text = "Mr. Tedeschi also told the court that, over the last five months of her life, \u{201C}Gloria's eczema played a devastating role.\u{201D}";
        let a = Attribution {
            source: vec![span_of(text, "Mr. Tedeschi")],
            cue: vec![span_of(text, "told")],
            content: vec![span_of(text, "Gloria's eczema played a devastating role.")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(
                ClaimKind::Quote,
                "Gloria's eczema played a devastating role.".to_string()
            )]
        );
    }

    #[test]
    fn words_after_a_postposed_cue_belong_to_the_frame() {
        let text = "\u{201C}There is no sign yet,\u{201D} Kang told Korean lawmakers during an audit session on Friday.";
        let a = Attribution {
            source: vec![span_of(text, "Kang")],
            cue: vec![span_of(text, "told")],
            content: vec![span_of(text, "There is no sign yet,")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(ClaimKind::Quote, "There is no sign yet,".to_string())]
        );
    }

    #[test]
    fn words_after_a_cue_between_two_quote_parts_belong_to_the_frame() {
        let text = "\u{201C}We have no choice,\u{201D} Ruiz told reporters at City Hall. \u{201C}The deficit is real.\u{201D}";
        let a = Attribution {
            source: vec![span_of(text, "Ruiz")],
            cue: vec![span_of(text, "told")],
            content: vec![
                span_of(text, "We have no choice,"),
                span_of(text, "The deficit is real."),
            ],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        assert_eq!(claims.len(), 1, "{claims:?}");
        assert_eq!(claims[0].0, ClaimKind::Quote);
    }

    #[test]
    fn a_quote_over_two_sentences_is_one_claim() {
        let text = "\u{201C}We are open. But there is no sign yet,\u{201D} Kang said.";
        let a = Attribution {
            source: vec![span_of(text, "Kang")],
            cue: vec![span_of(text, "said")],
            content: vec![span_of(text, "We are open. But there is no sign yet,")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        let claims = claims_of(text, &[a]);
        assert_eq!(
            claims,
            [(
                ClaimKind::Quote,
                "We are open. But there is no sign yet,".to_string()
            )]
        );
    }

    #[test]
    fn a_relayed_report_is_one_claim_of_the_outer_source_relaying_the_inner() {
        let text = "Officials are considering a meeting, CNN reported, citing people familiar with the matter.";
        let content = span_of(text, "Officials are considering a meeting");
        let cnn = Attribution {
            source: vec![span_of(text, "CNN")],
            cue: vec![span_of(text, "reported")],
            content: vec![content],
            ..Attribution::default()
        };
        let people = Attribution {
            source: vec![span_of(text, "people familiar with the matter")],
            cue: vec![span_of(text, "citing")],
            content: vec![content],
            parent: Some(0),
            ..Attribution::default()
        };
        let claims = claims_in(text, &[cnn, people]);
        assert_eq!(claims.len(), 1, "{claims:?}");
        assert_eq!(claims[0].attribution, Some(0));
        assert_eq!(claims[0].relays, Some(1));
    }

    #[test]
    fn a_nested_attribution_inside_a_quote_is_a_paraphrase_of_the_inner_speaker() {
        let text =
            "\u{201C}The president has said he is open to talks,\u{201D} Kang told lawmakers.";
        let kang = Attribution {
            source: vec![span_of(text, "Kang")],
            cue: vec![span_of(text, "told")],
            content: vec![span_of(text, "The president has said he is open to talks,")],
            kind: QuoteKind::Quote,
            ..Attribution::default()
        };
        let president = Attribution {
            source: vec![span_of(text, "The president")],
            cue: vec![span_of(text, "has said")],
            content: vec![span_of(text, "he is open to talks")],
            kind: QuoteKind::Quote,
            parent: Some(0),
            ..Attribution::default()
        };
        let claims = claims_of(text, &[kang, president]);
        assert_eq!(
            claims,
            [
                (
                    ClaimKind::Quote,
                    "The president has said he is open to talks,".to_string()
                ),
                (ClaimKind::Paraphrase, "he is open to talks".to_string())
            ]
        );
    }

    #[test]
    fn a_claim_does_not_open_with_that() {
        let text = "Trump responded that he would look into it.";
        let a = Attribution {
            source: vec![span_of(text, "Trump")],
            cue: vec![span_of(text, "responded")],
            content: vec![span_of(text, "that he would look into it")],
            ..Attribution::default()
        };
        assert_eq!(
            claims_of(text, &[a]),
            [(ClaimKind::Paraphrase, "he would look into it".to_string())]
        );
        assert_eq!(
            without_complementizer("that", Span::new(0, 4)),
            Span::new(0, 4)
        );
        assert_eq!(
            without_complementizer("thatched roofs", Span::new(0, 14)),
            Span::new(0, 14)
        );
    }

    #[test]
    fn questions_and_fragments_are_not_claims() {
        assert!(claims_of("Will the talks resume?", &[]).is_empty());
        assert!(claims_of("Photo gallery", &[]).is_empty());
        // Captions and subheads: a paragraph of one short line with no sentence punctuation
        // (Wikinews text, CC BY).
        assert!(claims_of("The Plains of Arafat on the day of Hajj", &[]).is_empty());
        assert!(claims_of("Group F \u{2014} Sweden 1 \u{2013} 0 Korea Republic", &[]).is_empty());
        assert_eq!(
            claims_of("The Plains of Arafat were crowded on the day of Hajj.", &[]).len(),
            1
        );
        assert_eq!(claims_of("The talks resumed on Monday.", &[]).len(), 1);
    }
}
