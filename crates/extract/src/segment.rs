//! Sentences and tokens, with byte offsets.
//!
//! The tokenizer is a byte scanner with an ASCII fast path: words (with internal hyphens,
//! apostrophes and dots: "Kyung-wha", "O'Brien", "U.S"), numbers ("1,000", "3.5", "10:30"),
//! possessive and negation clitics split off ("Trump" "’s", "do" "n't") as CoNLL does, and one
//! token per punctuation mark (runs of the same mark, "..." or "--", stay together). Runs of
//! ideographic or other scripts without spaces are split by Unicode word boundaries (UAX #29).
//!
//! Sentences never cross a paragraph (line) boundary. Inside a paragraph a `.`, `!`, `?` or `…`
//! (with any closing quotes and brackets after it) ends a sentence unless what follows starts in
//! lower case, or the period belongs to an abbreviation: titles ("Dr.", "Gov."), months before a
//! number ("Oct. 31"), "No. 5", initials ("J. K. Rowling"), and dotted abbreviations or company
//! suffixes ("U.S.", "p.m.", "Inc.") unless the next word is a usual sentence opener ("The").

use claimsheet_ingest::{Article, ParagraphKind, Span};
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters), with internal hyphens, apostrophes and dots.
    Word,
    /// Digits, with internal `,` `.` `:` `/`.
    Number,
    /// A punctuation mark or a run of the same mark.
    Punct,
}

/// One token: a byte span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the article text.
    pub span: Span,
    /// Kind of token.
    pub kind: TokenKind,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the article text, from its first to its last token.
    pub span: Span,
    /// Index of its paragraph in [`Article::paragraphs`].
    pub paragraph: usize,
    /// Index range of its tokens in [`Segmentation::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// The sentences and tokens of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Every token of the article, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence of the article, in text order (titles, headings and bylines included: each
    /// paragraph gives at least one sentence).
    pub sentences: Vec<Sentence>,
}

/// Splits an article into sentences and tokens.
pub fn segment(article: &Article) -> Segmentation {
    let text = article.text.as_str();
    let mut seg = Segmentation {
        tokens: Vec::with_capacity(text.len() / 5),
        sentences: Vec::with_capacity(text.len() / 120),
    };
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        let body = if paragraph.kind == ParagraphKind::Body {
            paragraph.body()
        } else {
            paragraph.span
        };
        if let Some(dateline) = paragraph
            .dateline
            .filter(|_| paragraph.kind == ParagraphKind::Body)
        {
            // The dateline is a sentence of its own (never a claim).
            let first = seg.tokens.len();
            tokenize(text, dateline, &mut seg.tokens);
            if seg.tokens.len() > first {
                let span = Span::new(
                    seg.tokens[first].span.start,
                    seg.tokens[seg.tokens.len() - 1].span.end,
                );
                seg.sentences.push(Sentence {
                    span,
                    paragraph: index,
                    tokens: first..seg.tokens.len(),
                });
            }
        }
        let first = seg.tokens.len();
        tokenize(text, body, &mut seg.tokens);
        split_sentences(text, first, index, &mut seg);
    }
    seg
}

/// An ASCII byte that goes on a word (a letter or digit); [`ASCII_CLASS`] is built from it.
const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Non-ASCII characters that are punctuation rather than word characters.
fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'..='\u{201F}' // quotes
            | '\u{2010}'..='\u{2015}' // dashes
            | '\u{2026}' // ellipsis
            | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}'
            | '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            | '\u{00B7}' | '\u{2022}' | '\u{00A7}' | '\u{00B6}' | '\u{00A9}' | '\u{00AE}' | '\u{2122}'
            | '\u{00BF}' | '\u{00A1}' | '\u{3001}' | '\u{3002}' | '\u{FF0C}' | '\u{FF0E}'
            | '\u{FEFF}'
    ) || c.is_whitespace()
        || c.is_control()
}

/// Scripts written without spaces, split by UAX #29 word boundaries.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x0E00..=0x0E7F)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// True when the character at `i` is a word character (ASCII alphanumeric or a non-punctuation
/// non-ASCII character).
fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => is_word_byte(b),
        Some(_) => char_at(text, i).is_some_and(|c| !is_unicode_punct(c)),
        None => false,
    }
}

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Length of a clitic starting at the apostrophe at `i` ("'s", "’re"), if the word ends there.
fn clitic_len(text: &str, i: usize, apos_len: usize) -> Option<usize> {
    let after = i + apos_len;
    let bytes = text.as_bytes();
    let mut j = after;
    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    if word_char_at(text, j) {
        return None;
    }
    let suffix = text.get(after..j)?;
    CLITICS
        .iter()
        .any(|c| c.eq_ignore_ascii_case(suffix))
        .then_some(j - i)
}

fn apostrophe_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(b'\'') => 1,
        Some(0xE2) if text.get(i..).is_some_and(|s| s.starts_with('\u{2019}')) => 3,
        _ => 0,
    }
}

/// Appends the tokens of `span` of `text` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut i = span.start;
    while i < end {
        let b = bytes[i];
        // Control characters (NUL, BEL, ... as JSON "\u0000" escapes can carry) separate
        // tokens like spaces; they are never words or punctuation.
        if b.is_ascii_whitespace() || b.is_ascii_control() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            i = scan_number_or_word(text, i, end, out);
        } else if b < 0x80 && !is_word_byte(b) {
            // ASCII punctuation; group runs of the same mark.
            let mut j = i + 1;
            while j < end
                && bytes[j] == b
                && matches!(b, b'.' | b'-' | b'!' | b'?' | b'*' | b'=' | b'_' | b'#')
            {
                j += 1;
            }
            out.push(Token {
                span: Span::new(i, j),
                kind: TokenKind::Punct,
            });
            i = j;
        } else if b >= 0x80 {
            let Some(c) = char_at(text, i) else { break };
            let len = c.len_utf8();
            if is_unicode_punct(c) {
                if !c.is_whitespace() && !c.is_control() && c != '\u{FEFF}' && c != '\u{200B}' {
                    out.push(Token {
                        span: Span::new(i, i + len),
                        kind: TokenKind::Punct,
                    });
                }
                i += len;
            } else if is_unspaced_script(c) {
                i = scan_unspaced(text, i, end, out);
            } else {
                i = scan_word(text, i, end, out);
            }
        } else {
            i = scan_word(text, i, end, out);
        }
    }
}

fn scan_unspaced(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let mut j = start;
    while j < end {
        match char_at(text, j) {
            Some(c) if is_unspaced_script(c) => j += c.len_utf8(),
            _ => break,
        }
    }
    for (off, w) in text[start..j].split_word_bound_indices() {
        if !w.trim().is_empty() {
            out.push(Token {
                span: Span::new(start + off, start + off + w.len()),
                kind: TokenKind::Word,
            });
        }
    }
    j
}

/// Scans a word from `start`; pushes it (and a clitic, if one follows) and returns the end.
fn scan_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    // DIGIT and ALPHA bits of the word's characters so far.
    let mut seen = 0u8;
    loop {
        // The word characters of `word_char_at`, read once each: ASCII letters and digits
        // byte by byte, other characters decoded.
        while j < end {
            let b = bytes[j];
            if b < 0x80 {
                let class = ASCII_CLASS[usize::from(b)];
                if class == 0 {
                    break;
                }
                seen |= class;
                j += 1;
            } else {
                match char_at(text, j) {
                    Some(c) if is_unicode_punct(c) || is_unspaced_script(c) => break,
                    Some(c) => {
                        seen |= ALPHA;
                        j += c.len_utf8();
                    }
                    None => break,
                }
            }
        }
        if j >= end {
            break;
        }
        let apos = apostrophe_len(text, j);
        if apos > 0 {
            if let Some(clen) = clitic_len(text, j, apos) {
                // "n't": split before the n.
                push_word(out, start, j, seen);
                out.push(Token {
                    span: Span::new(j, j + clen),
                    kind: TokenKind::Word,
                });
                return j + clen;
            }
            if j + apos < end && word_char_at(text, j + apos) {
                // "n't" ending: do|n't.
                let rest = &text[j + apos..];
                if bytes[j - 1] == b'n'
                    && rest.starts_with('t')
                    && !word_char_at(text, j + apos + 1)
                    && j - 1 > start
                {
                    push_word(out, start, j - 1, seen);
                    out.push(Token {
                        span: Span::new(j - 1, j + apos + 1),
                        kind: TokenKind::Word,
                    });
                    return j + apos + 1;
                }
                j += apos;
                continue;
            }
            break;
        }
        let b = bytes[j];
        // Internal hyphen, dot (U.S, a.m) or ampersand (AT&T) between word characters.
        if matches!(b, b'-' | b'.' | b'&' | b'/')
            && j + 1 < end
            && word_char_at(text, j + 1)
            && (b != b'/' || seen & ALPHA != 0)
        {
            j += 1;
            continue;
        }
        break;
    }
    // "U.S." keeps its final dot when it has internal dots: the dot belongs to the abbreviation.
    push_word(out, start, j, seen);
    j
}

/// A digit, in [`ASCII_CLASS`] and a word's `seen` bits.
const DIGIT: u8 = 1;
/// A letter (or a non-ASCII word character), in [`ASCII_CLASS`] and a word's `seen` bits.
const ALPHA: u8 = 2;
/// [`DIGIT`] or [`ALPHA`] for each ASCII letter and digit, 0 for every other byte: one load
/// tells whether a byte goes on a word and what it adds to it.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if !is_word_byte(c) {
            0
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            ALPHA
        };
        b += 1;
    }
    t
};

/// Pushes the word `start..end` (a number when `seen` holds digits and no letter).
fn push_word(out: &mut Vec<Token>, start: usize, end: usize, seen: u8) {
    if end > start {
        let kind = if seen & DIGIT != 0 && seen & ALPHA == 0 {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
}

fn scan_number_or_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    while j < end {
        let b = bytes[j];
        let separator =
            matches!(b, b',' | b'.' | b':' | b'/') && j + 1 < end && bytes[j + 1].is_ascii_digit();
        if b.is_ascii_digit() || separator {
            j += 1;
        } else {
            break;
        }
    }
    if j < end && word_char_at(text, j)
        || (j + 1 < end && bytes[j] == b'-' && word_char_at(text, j + 1))
    {
        // "5th", "1990s", "COVID-19", "2018-19": a word.
        return scan_word(text, start, end, out);
    }
    out.push(Token {
        span: Span::new(start, j),
        kind: TokenKind::Number,
    });
    j
}

/// Titles and honorifics: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "reps", "sens", "st", "lt", "col",
    "capt", "cpt", "sgt", "rev", "hon", "pres", "supt", "adm", "maj", "cmdr", "det", "insp",
    "messrs", "mmes", "fr", "sr", "jr", "gens", "brig", "cmdr", "cpl", "pvt", "amb", "atty",
    "treas", "sec", "vol", "vs", "v", "mt", "ft", "no", "nos", "art", "fig", "figs", "p", "pp",
    "ch", "sec", "para", "approx", "ca", "cf", "dept", "est", "ext", "tel", "ave", "blvd", "rd",
    "hwy",
];
/// Month abbreviations: no break before a number ("Oct. 31").
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Abbreviations that can end a sentence; a break only before a usual sentence opener. "Del."
/// is both a title ("Del. Ana Ruiz", a delegate) and a state ("Dover, Del. The ...").
const SUFFIXES: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "al", "ag", "sa", "nv", "bhd", "assn",
    "intl", "govt", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "d.c", "l.a", "n.y", "e.g",
    "i.e", "del",
];
/// Words that often open a sentence after an abbreviation that ends one.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "as",
    "however",
    "meanwhile",
    "still",
    "also",
    "then",
    "now",
    "some",
    "many",
    "most",
    "all",
    "no",
    "one",
    "two",
    "three",
    "both",
    "each",
    "other",
    "others",
    "officials",
    "mr",
    "mrs",
    "ms",
    "dr",
    "what",
    "who",
    "why",
    "how",
    "where",
    "last",
    "earlier",
    "later",
    "despite",
    "although",
    "though",
    "because",
    "according",
    "under",
    "with",
    "without",
    "by",
    "from",
    "to",
    "not",
    "only",
    "even",
];

fn lower_ascii(s: &str, buf: &mut [u8; 16]) -> Option<usize> {
    if s.len() > buf.len() {
        return None;
    }
    for (d, b) in buf.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    Some(s.len())
}

fn in_list(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 16];
    match lower_ascii(word, &mut buf) {
        Some(n) => list.iter().any(|w| w.as_bytes() == &buf[..n]),
        None => false,
    }
}

fn is_closer(tok: &str) -> bool {
    matches!(
        tok,
        "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "}" | "\u{BB}" | "\u{203A}"
    )
}

fn is_terminator(tok: &str) -> bool {
    tok.starts_with(['.', '!', '?', '\u{2026}'])
        && tok.bytes().all(|b| matches!(b, b'.' | b'!' | b'?'))
        || tok == "\u{2026}"
}

/// Splits the tokens from `first` on (one paragraph) into sentences.
fn split_sentences(text: &str, first: usize, paragraph: usize, seg: &mut Segmentation) {
    let tokens = &seg.tokens;
    let n = tokens.len();
    if first >= n {
        return;
    }
    let tok = |i: usize| tokens[i].span.slice(text);
    let mut start = first;
    let mut i = first;
    while i < n {
        let t = tok(i);
        if !is_terminator(t) {
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets, and further terminators.
        let mut last = i;
        while last + 1 < n && (is_closer(tok(last + 1)) || is_terminator(tok(last + 1))) {
            // A closing quote only counts when it touches the terminator run.
            if tokens[last + 1].span.start != tokens[last].span.end && !is_terminator(tok(last + 1))
            {
                break;
            }
            last += 1;
        }
        if last + 1 >= n {
            break;
        }
        if is_boundary(text, tokens, i, last + 1) {
            seg.sentences.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[last].span.end),
                paragraph,
                tokens: start..last + 1,
            });
            start = last + 1;
        }
        i = last + 1;
    }
    if start < n {
        seg.sentences.push(Sentence {
            span: Span::new(tokens[start].span.start, tokens[n - 1].span.end),
            paragraph,
            tokens: start..n,
        });
    }
}

/// A name written with a small first letter and a capital after it ("iCloud", "eBay", "iOS"):
/// it can open a sentence.
fn camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && chars.next().is_some_and(char::is_uppercase)
}

/// Decides whether the terminator token at `term` ends a sentence, given the next token.
fn is_boundary(text: &str, tokens: &[Token], term: usize, next: usize) -> bool {
    let next_tok = tokens[next].span.slice(text);
    let Some(first_char) = next_tok.chars().next() else {
        return false;
    };
    if tokens[next].span.start == tokens[next - 1].span.end && first_char.is_alphanumeric() {
        // "3.5" or "U.S.A" glued: not a break.
        return false;
    }
    // A sentence starts with a capital, a digit, an opening quote or bracket, or a letter of an
    // uncased script; never with a comma, semicolon, closing mark, dash or ampersand.
    let opener = first_char.is_uppercase()
        || first_char.is_ascii_digit()
        || matches!(
            first_char,
            '"' | '\''
                | '\u{201C}'
                | '\u{2018}'
                | '('
                | '['
                | '$'
                | '#'
                | '*'
                | '\u{2022}'
                | '\u{AB}'
                | '`'
                | '\u{2026}'
        )
        || (first_char.is_alphabetic() && !first_char.is_lowercase())
        || camel_case(next_tok);
    if !opener {
        return false;
    }
    let term_tok = tokens[term].span.slice(text);
    if term_tok != "." || term == 0 {
        return true;
    }
    let prev = tokens[term - 1];
    if prev.span.end != tokens[term].span.start || prev.kind == TokenKind::Punct {
        return true;
    }
    let word = prev.span.slice(text);
    let next_is_number = tokens[next].kind == TokenKind::Number || first_char.is_ascii_digit();
    if in_list(TITLES, word) {
        // "No. 5" but "said no. The": "no" only before a number.
        return in_list(
            &[
                "no", "nos", "p", "pp", "v", "art", "fig", "ch", "sec", "vol",
            ],
            word,
        ) && !next_is_number
            && word.chars().next().is_some_and(char::is_lowercase);
    }
    if in_list(MONTHS, word) {
        return !next_is_number;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_initial {
        // "J. K. Rowling", "Donald J. Trump": an initial before a capitalised word.
        return !first_char.is_uppercase() || in_list(OPENERS, next_tok) && word != "I";
    }
    let dotted = prev.kind == TokenKind::Word
        && word.contains('.')
        && (1..=6).contains(&word.chars().filter(|c| c.is_alphabetic()).count());
    if dotted || in_list(SUFFIXES, word) {
        return in_list(OPENERS, next_tok) || matches!(next_tok, "\"" | "\u{201C}" | "(");
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|t| t.span.slice(s)).collect()
    }

    fn sents(s: &str) -> Vec<&str> {
        let a = Article::new(
            "t",
            claimsheet_ingest::Origin::file("t"),
            s.to_string(),
            None,
            Some(String::new()),
        );
        segment(&a)
            .sentences
            .iter()
            .map(|x| x.span.slice(s))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let start = x.as_ptr() as usize - s.as_ptr() as usize;
                &s[start..start + x.len()]
            })
            .collect()
    }

    #[test]
    fn words_numbers_and_clitics() {
        assert_eq!(
            toks("Trump’s trip, Kang Kyung-wha's 1,000.5 U.S. don't"),
            [
                "Trump",
                "’s",
                "trip",
                ",",
                "Kang",
                "Kyung-wha",
                "'s",
                "1,000.5",
                "U.S",
                ".",
                "do",
                "n't"
            ]
        );
        assert_eq!(
            toks("O'Brien rock'n'roll 1990s COVID-19 10:30 AT&T"),
            [
                "O'Brien",
                "rock'n'roll",
                "1990s",
                "COVID-19",
                "10:30",
                "AT&T"
            ]
        );
        assert_eq!(
            toks("wait... -- “no”"),
            ["wait", "...", "--", "“", "no", "”"]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Dr. Smith met Gov. Newsom at 5 p.m. ET on Oct. 31 in the U.S. Capitol."),
            ["Dr. Smith met Gov. Newsom at 5 p.m. ET on Oct. 31 in the U.S. Capitol."]
        );
        assert_eq!(
            sents("J. K. Rowling wrote it. Donald J. Trump read it."),
            ["J. K. Rowling wrote it.", "Donald J. Trump read it."]
        );
        assert_eq!(
            sents("It rose 3.5 percent. No. 5 fell."),
            ["It rose 3.5 percent.", "No. 5 fell."]
        );
    }

    #[test]
    fn abbreviations_that_end_sentences_split_before_openers() {
        assert_eq!(
            sents("He lives in the U.S. The rest do not."),
            ["He lives in the U.S.", "The rest do not."]
        );
        assert_eq!(
            sents("It was bought by Acme Inc. The deal closed."),
            ["It was bought by Acme Inc.", "The deal closed."]
        );
    }

    #[test]
    fn quotes_close_after_the_period() {
        assert_eq!(
            sents("“I will look into it.” He left. \"Go!\" she said."),
            ["“I will look into it.”", "He left.", "\"Go!\" she said."]
        );
        assert_eq!(
            sents("(He denied it.) Then he left..."),
            ["(He denied it.)", "Then he left..."]
        );
    }

    #[test]
    fn punctuation_after_a_period_is_no_break() {
        assert_eq!(
            sents("The Avon, Conn., company and Eric B. & Rakim left. Then more."),
            [
                "The Avon, Conn., company and Eric B. & Rakim left.",
                "Then more."
            ]
        );
        assert_eq!(
            sents("The index settled at 1678.5. Volume was low."),
            ["The index settled at 1678.5.", "Volume was low."]
        );
    }

    #[test]
    fn del_is_a_title_before_a_name_and_a_state_before_an_opener() {
        assert_eq!(
            sents("Del. Ana Ruiz voted no. She lives in Dover, Del. The vote was close."),
            [
                "Del. Ana Ruiz voted no.",
                "She lives in Dover, Del.",
                "The vote was close."
            ]
        );
    }

    #[test]
    fn a_camel_case_name_opens_a_sentence() {
        // Wikinews text (CC BY): the source of "said" ran on into the next sentence.
        assert_eq!(
            sents("\"We are going to demote the PC,\" said Steve Jobs during the keynote. iCloud and iOS 5 will be released in the fall of 2011."),
            [
                "\"We are going to demote the PC,\" said Steve Jobs during the keynote.",
                "iCloud and iOS 5 will be released in the fall of 2011."
            ]
        );
        assert_eq!(
            sents("He sold it on eBay. eBay took a fee. It was e.g. small."),
            [
                "He sold it on eBay.",
                "eBay took a fee.",
                "It was e.g. small."
            ]
        );
    }

    #[test]
    fn datelines_are_sentences_of_their_own() {
        let text = "x.\nBUDAPEST, Hungary (AP)_ Tired of waiting, they left.";
        assert_eq!(
            sents(text)[1..],
            ["BUDAPEST, Hungary (AP)_", "Tired of waiting, they left."]
        );
    }

    #[test]
    fn paragraphs_always_break() {
        assert_eq!(
            sents("SEOUL DISMISSES IMMEDIATE PROSPECT\nThe CNN report came."),
            ["SEOUL DISMISSES IMMEDIATE PROSPECT", "The CNN report came."]
        );
    }

    #[test]
    fn control_characters_are_spaces() {
        // JSON escapes like "\u0000" and "\u0007" put control characters in the text: they
        // neither join sentences nor become tokens.
        assert_eq!(
            sents("The mayor said taxes will rise.\u{0} And \u{7} bell."),
            ["The mayor said taxes will rise.", "And \u{7} bell."]
        );
        assert_eq!(toks("a\u{0}b \u{85}c\u{9f}"), ["a", "b", "c"]);
    }
}
