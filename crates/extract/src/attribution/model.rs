//! The learned part of attribution: hashed-feature averaged perceptrons over tokens.
//!
//! Two greedy left-to-right taggers share one token view ([`TokView`]):
//!
//! - the **cue tagger** marks cue tokens (`O`, `B`, `I`) in each sentence;
//! - the **role tagger** runs once per cue over the cue's sentence and marks the source and the
//!   content relative to that cue (`O`, `S-B`, `S-I`, `C-B`, `C-I`).
//!
//! Features are hashed (FNV-1a over a template id and lowercased bytes) into a fixed table, so
//! feature extraction allocates nothing per token. The cue lexicon (word form -> lemma id, lemmas
//! found with the Snowball English stemmer over the training cues) gives a lemma feature that
//! generalises over inflections. The training code lives here too, so that
//! `examples/train_attribution.rs` reproduces the committed model exactly.

use std::collections::HashMap;

use claimsheet_ingest::Span;

use crate::segment::TokenKind;
use crate::Doc;

pub mod predicates;

/// Bits of the hashed feature table.
pub const BITS: u32 = 20;
const MASK: u64 = (1 << BITS) - 1;

/// Bits of the cue model's table.
pub const CUE_BITS: u32 = 20;

/// Bits of the role model's table (below [`BITS`]: a table that stays in cache, at no loss of
/// accuracy on held-out data).
pub const ROLE_BITS: u32 = 18;

/// Number of cue tags: `O`, `B`, `I`.
pub const CUE_TAGS: usize = 3;
/// Number of role tags: `O`, `S-B`, `S-I`, `C-B`, `C-I`.
pub const ROLE_TAGS: usize = 5;

/// Role tag: outside.
pub const R_O: usize = 0;
/// Role tag: first token of a source fragment.
pub const R_SB: usize = 1;
/// Role tag: inside a source fragment.
pub const R_SI: usize = 2;
/// Role tag: first token of a content fragment.
pub const R_CB: usize = 3;
/// Role tag: inside a content fragment.
pub const R_CI: usize = 4;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = FNV_OFFSET ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ a).wrapping_mul(FNV_PRIME);
    h = h.rotate_left(23);
    h = (h ^ b).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 29;
    h & MASK
}

/// Quote mark role of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QuoteMark {
    /// Not a quotation mark.
    #[default]
    None,
    /// An opening mark (“).
    Open,
    /// A closing mark (”).
    Close,
    /// A mark that opens or closes (" or '').
    Either,
}

/// What the taggers know about one token.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokView {
    /// Hash of the lowercased token text (quote marks normalised).
    pub word: u64,
    /// Hash of the last three bytes of the lowercased word.
    pub suffix: u64,
    /// Cue lemma id from the lexicon (0: none).
    pub lemma: u32,
    /// Predicate class from the hand-written lexicon ([`predicates`]; 0: none).
    pub class: u8,
    /// Whether the model uses the second feature set (predicate classes, cue layout in the
    /// role tagger): set for every token when the lexicon says so ([`Lexicon::classes`]).
    pub ext: bool,
    /// Shape class: 0 lower, 1 capitalised, 2 all caps, 3 number, 4 punctuation, 5 other.
    pub shape: u8,
    /// Quote mark role.
    pub quote: QuoteMark,
    /// Whether the token lies inside a quotation (marks excluded).
    pub in_quote: bool,
    /// A colon or dash: punctuation that can introduce or close a quote.
    pub punct_cue: bool,
    /// Whether the token's sentence holds a quotation mark or quoted words.
    pub sent_quoted: bool,
}

/// How far ahead of a token the cue tagger looks for a lexicon word when it is trained: a cue
/// can open up to three tokens before its predicate ("has also been saying"), so training sees
/// those tokens as candidates and learns when they are outside any cue.
pub const TRAIN_REACH: usize = 3;

/// How far ahead of a token the cue tagger looks for a lexicon word when it tags. Fewer
/// candidates than in training: the tokens two and three before a lexicon word are nearly
/// always outside any cue, and skipping them saves about a tenth of the stage's time. On the
/// held-out tenth of polnear-train, full attribution F1 went from 65.09 to 65.31.
pub const TAG_REACH: usize = 1;

/// Whether the cue tagger looks at token `i` at all: a lexicon word within the next `reach`
/// tokens ([`TRAIN_REACH`], [`TAG_REACH`]), a colon or dash, or the continuation of a cue.
/// Every other token is outside any cue, which keeps the tagger fast.
pub fn cue_candidate(v: &[TokView], i: usize, sent_end: usize, prev: usize, reach: usize) -> bool {
    if prev != 0 {
        return true;
    }
    let end = (i + 1 + reach).min(sent_end);
    match v.get(i..end) {
        Some(w) => {
            w.first().is_some_and(|t| t.punct_cue)
                || w.iter().any(|t| t.lemma & STRONG != 0 || t.class != 0)
        }
        None => false,
    }
}

const QUOTE_HASH: u64 = 0x51;

fn shape_of(s: &str, kind: TokenKind) -> u8 {
    match kind {
        TokenKind::Number => 3,
        TokenKind::Punct => 4,
        TokenKind::Word => {
            let mut chars = s.chars();
            match chars.next() {
                Some(c) if c.is_uppercase() => {
                    if s.len() > 1 && s.chars().all(|c| !c.is_lowercase()) {
                        2
                    } else {
                        1
                    }
                }
                Some(c) if c.is_lowercase() => 0,
                _ => 5,
            }
        }
    }
}

/// Quote mark role of a token's text, with the next token (for `''` pairs).
pub(crate) fn quote_mark(s: &str) -> QuoteMark {
    match s {
        "\u{201C}" | "\u{201E}" | "\u{AB}" | "``" => QuoteMark::Open,
        "\u{201D}" | "\u{BB}" => QuoteMark::Close,
        "\"" => QuoteMark::Either,
        _ => QuoteMark::None,
    }
}

/// Word form -> lemma id lexicon of cue words. Lemma ids with the top bit set are *strong*:
/// lemmas that are cue words in at least [`STRONG_PERMILLE`] of their training occurrences.
///
/// Forms are keyed by the same lowercased FNV-1a hash as [`TokView::word`], so a token's
/// lemma costs one probe with the hash the token view computes anyway.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    forms: HashMap<u64, Entry, IdBuild>,
    classes: bool,
}

/// First line of a lexicon whose model uses the predicate classes ([`predicates`]) and the
/// second feature set; a lexicon without it gives the first feature set only.
pub const CLASSES_HEADER: &str = "#predicate-classes";

/// What the lexicon knows about one word form.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    /// Cue lemma id (0: none; [`STRONG`] bit for strong lemmas).
    pub lemma: u32,
    /// Predicate class ([`predicates`]; 0: none).
    pub class: u8,
}

/// Identity hasher for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdBuild;

/// The identity hasher state.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHash(u64);

impl std::hash::Hasher for IdHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

impl std::hash::BuildHasher for IdBuild {
    type Hasher = IdHash;
    fn build_hasher(&self) -> IdHash {
        IdHash(0)
    }
}

/// Cue ratio (per mille) from which a lemma makes its neighbours cue candidates.
pub const STRONG_PERMILLE: u32 = 90;
/// Bit marking a strong lemma id.
pub const STRONG: u32 = 1 << 31;

impl Lexicon {
    /// Parses `form<TAB>lemma_id<TAB>cue ratio per mille` lines; bad lines are skipped. When
    /// the text opens with [`CLASSES_HEADER`], the predicate classes ([`predicates`]) are added
    /// first, and a line with lemma id 0 removes the class of its form (a word the training
    /// data shows to be rarely a cue).
    pub fn parse(text: &str) -> Self {
        let mut forms: HashMap<u64, Entry, IdBuild> = HashMap::with_hasher(IdBuild);
        let classes = text
            .lines()
            .next()
            .is_some_and(|l| l.trim() == CLASSES_HEADER);
        if classes {
            for (form, class) in predicates::forms() {
                forms.insert(
                    fnv_bytes(FNV_OFFSET, form.as_bytes()),
                    Entry { lemma: 0, class },
                );
            }
        }
        for line in text.lines() {
            let mut parts = line.split('\t');
            let (Some(form), Some(id)) = (parts.next(), parts.next()) else {
                continue;
            };
            let ratio: u32 = parts
                .next()
                .and_then(|r| r.trim().parse().ok())
                .unwrap_or(0);
            if let Ok(id) = id.trim().parse::<u32>() {
                let id = id & !STRONG | if ratio >= STRONG_PERMILLE { STRONG } else { 0 };
                let e = forms
                    .entry(fnv_bytes(FNV_OFFSET, form.as_bytes()))
                    .or_default();
                if id == 0 {
                    e.class = 0;
                } else {
                    e.lemma = id;
                }
            }
        }
        Lexicon { forms, classes }
    }

    /// The lemma id of a word (case-insensitive for ASCII), 0 when unknown.
    pub fn lemma(&self, word: &str) -> u32 {
        self.lemma_of_hash(fnv_bytes(FNV_OFFSET, word.as_bytes()))
    }

    /// The lemma id of a word given by its lowercased FNV-1a hash ([`TokView::word`]).
    pub fn lemma_of_hash(&self, hash: u64) -> u32 {
        self.entry_of_hash(hash).lemma
    }

    /// The lexicon entry (lemma and predicate class) of a word given by its lowercased
    /// FNV-1a hash.
    pub fn entry_of_hash(&self, hash: u64) -> Entry {
        self.forms.get(&hash).copied().unwrap_or_default()
    }

    /// Whether the model uses the predicate classes and the second feature set.
    pub fn classes(&self) -> bool {
        self.classes
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// Builds the token view of a document, quote state included.
///
/// Quotation state is tracked per paragraph: an unclosed quote ends at the end of its
/// paragraph, so a stray mark never spreads further.
pub fn token_view(doc: &Doc<'_>, lexicon: &Lexicon, out: &mut Vec<TokView>) {
    out.clear();
    out.reserve(doc.tokens.len());
    for t in doc.tokens {
        let s = t.span.slice(doc.text);
        let mut quote = quote_mark(s);
        let word = if quote != QuoteMark::None {
            QUOTE_HASH
        } else {
            fnv_bytes(FNV_OFFSET, s.as_bytes())
        };
        if s == "'" {
            quote = QuoteMark::None;
        }
        let b = s.as_bytes();
        let suffix = fnv_bytes(FNV_OFFSET, b.get(b.len().saturating_sub(3)..).unwrap_or(b));
        let entry = if t.kind == TokenKind::Word && s.len() <= 32 {
            lexicon.entry_of_hash(word)
        } else {
            Entry::default()
        };
        out.push(TokView {
            word,
            suffix,
            lemma: entry.lemma,
            class: entry.class,
            ext: lexicon.classes,
            shape: shape_of(s, t.kind),
            quote,
            in_quote: false,
            sent_quoted: false,
            punct_cue: matches!(s, ":" | "-" | "--" | "\u{2013}" | "\u{2014}" | "\u{2015}"),
        });
    }
    // '' pairs (PTB style, two adjacent apostrophes) act as either-marks on their first token.
    for i in 0..doc.tokens.len().saturating_sub(1) {
        let (a, b) = (doc.tokens[i], doc.tokens[i + 1]);
        if a.span.slice(doc.text) == "'"
            && b.span.slice(doc.text) == "'"
            && a.span.end == b.span.start
        {
            out[i].quote = QuoteMark::Either;
            out[i].word = QUOTE_HASH;
            out[i + 1].word = QUOTE_HASH;
        }
    }
    // Quote state per sentence run of one paragraph.
    let mut para = usize::MAX;
    let mut open = false;
    for s in doc.sentences {
        if s.paragraph != para {
            para = s.paragraph;
            open = false;
        }
        let mut quoted = false;
        for i in s.tokens.clone() {
            let Some(v) = out.get_mut(i) else { break };
            match v.quote {
                QuoteMark::Open => open = true,
                QuoteMark::Close => open = false,
                QuoteMark::Either => open = !open,
                QuoteMark::None => v.in_quote = open,
            }
            quoted |= v.in_quote || v.quote != QuoteMark::None;
        }
        if quoted {
            for v in out.get_mut(s.tokens.clone()).into_iter().flatten() {
                v.sent_quoted = true;
            }
        }
    }
}

/// Token `j` of `v` when it lies inside the sentence `sent` (a negative or outside index gives
/// `None`).
fn in_sentence<'v>(
    v: &'v [TokView],
    sent: &std::ops::Range<usize>,
    j: isize,
) -> Option<&'v TokView> {
    let j = usize::try_from(j).ok()?;
    if sent.contains(&j) {
        v.get(j)
    } else {
        None
    }
}

/// Hashed features of one token for the cue tagger (previous tag excluded).
pub fn cue_features(v: &[TokView], i: usize, sent: std::ops::Range<usize>, out: &mut Vec<u64>) {
    out.clear();
    let get = |j: isize| in_sentence(v, &sent, j);
    let ii = i as isize;
    let Some(t) = get(ii) else { return };
    let w = |j: isize| get(j).map_or(7, |x| x.word);
    let l = |j: isize| get(j).map_or(u64::MAX, |x| u64::from(x.lemma));
    let shape = |j: isize| get(j).map_or(9, |x| u64::from(x.shape));
    let (w_2, w_1, w1, w2) = (w(ii - 2), w(ii - 1), w(ii + 1), w(ii + 2));
    let (s_1, s1) = (shape(ii - 1), shape(ii + 1));
    let lemma = u64::from(t.lemma);
    // A quotation mark shortly after, a quote just before.
    let mut quote_near = 0u64;
    for k in 1..=3 {
        if get(ii + k).is_some_and(|x| x.quote != QuoteMark::None) {
            quote_near |= 1;
        }
        if get(ii - k).is_some_and(|x| x.quote != QuoteMark::None) {
            quote_near |= 2;
        }
    }
    let pos = bucket(i.saturating_sub(sent.start) as isize);
    let to_end = bucket(sent.end.saturating_sub(i + 1) as isize);
    let in_quote = u64::from(t.in_quote);
    // Built as one array, so that the features are written with a single capacity check.
    out.extend_from_slice(&[
        mix(1, 0, 0),
        mix(2, t.word, 0),
        mix(3, lemma, 0),
        mix(4, t.suffix, u64::from(t.shape)),
        mix(5, w_1, 0),
        mix(6, w1, 0),
        mix(7, w_2, 0),
        mix(8, w2, 0),
        mix(9, w_1, t.word),
        mix(10, t.word, w1),
        mix(11, l(ii - 1), lemma),
        mix(12, lemma, w1),
        mix(13, in_quote, lemma),
        mix(14, u64::from(t.shape), u64::from(i == sent.start)),
        mix(15, l(ii + 1), lemma),
        mix(16, w_1, w1),
        mix(17, t.word, in_quote),
        mix(18, lemma, w2),
        mix(19, quote_near, lemma),
        mix(20, quote_near, t.word),
        mix(21, w_2, w_1 ^ t.word.rotate_left(7)),
        mix(22, pos, lemma),
        // Generalisations over the lemma: the shape of the neighbours ("Name said", "said
        // Name"), the word before ("the talks", "he said"), the room left for a content, and
        // whether the sentence quotes anyone.
        mix(23, s_1, lemma),
        mix(24, s1, lemma),
        mix(25, w_1, lemma),
        mix(26, to_end, lemma),
        mix(27, u64::from(t.sent_quoted), lemma | in_quote << 40),
    ]);
    if !t.ext {
        return;
    }
    // Predicate classes: unseen words share the weights of their class, and a class word
    // nearby marks auxiliaries ("is demanding") and particles ("accusing her of").
    let c = |j: isize| get(j).map_or(99, |x| u64::from(x.class));
    let class = u64::from(t.class);
    out.extend_from_slice(&[
        mix(70, class, 0),
        mix(71, class, w1),
        mix(72, class, s_1 | s1 << 8),
        mix(73, class, w_1),
        mix(74, c(ii - 1), t.word),
        mix(75, c(ii + 1), t.word),
        mix(76, c(ii - 2), t.word),
        mix(77, class, quote_near | pos << 4),
        mix(
            78,
            class,
            to_end | u64::from(t.sent_quoted) << 8 | in_quote << 9,
        ),
        mix(79, class, t.suffix),
    ]);
}

fn bucket(d: isize) -> u64 {
    let a = d.unsigned_abs();
    let b: u64 = match a {
        0..=4 => a as u64,
        5..=7 => 5,
        8..=12 => 6,
        13..=20 => 7,
        _ => 8,
    };
    if d < 0 {
        b + 16
    } else {
        b
    }
}

/// Context of one cue for the role tagger.
#[derive(Clone, Copy, Debug)]
pub struct CueCtx {
    /// First cue token.
    pub start: usize,
    /// One past the last cue token.
    pub end: usize,
    /// Lemma id of the cue's head (last lemma in the cue, else its last word).
    pub head: u64,
    /// Whether the second feature set is in use ([`TokView::ext`]).
    pub ext: bool,
}

impl CueCtx {
    /// The cue context of tokens `start..end`.
    pub fn new(v: &[TokView], start: usize, end: usize) -> Self {
        let mut head = 0;
        let mut ext = false;
        for t in v.get(start..end).unwrap_or(&[]) {
            ext |= t.ext;
            head = if t.lemma != 0 {
                u64::from(t.lemma) | 1 << 40
            } else if head >> 40 == 0 && t.shape != 4 {
                t.word
            } else {
                head
            };
        }
        CueCtx {
            start,
            end,
            head,
            ext,
        }
    }
}

/// The tokens the role tagger looks at for `cue`: its sentence, at most 30 tokens before the
/// cue and 50 after it. Tokens outside are in no role (quotes are extended by rules later).
pub fn role_window(sent: std::ops::Range<usize>, cue: &CueCtx) -> std::ops::Range<usize> {
    sent.start.max(cue.start.saturating_sub(30))..sent.end.min(cue.end + 50)
}

/// Per-sentence counts used by role features: commas and other cues before each token.
pub fn prefix_counts(
    v: &[TokView],
    sent: std::ops::Range<usize>,
    is_cue: &[bool],
    commas: &mut Vec<u16>,
    cues: &mut Vec<u16>,
) {
    commas.clear();
    cues.clear();
    let (mut c, mut q) = (0u16, 0u16);
    for i in sent {
        commas.push(c);
        cues.push(q);
        if v.get(i)
            .is_some_and(|t| t.shape == 4 && t.word != QUOTE_HASH)
        {
            c = c.saturating_add(1);
        }
        if is_cue.get(i).copied().unwrap_or(false) {
            q = q.saturating_add(1);
        }
    }
    commas.push(c);
    cues.push(q);
}

/// Hashed features of token `i` for the role tagger, relative to `cue`.
#[allow(clippy::too_many_arguments)]
pub fn role_features(
    v: &[TokView],
    i: usize,
    sent: std::ops::Range<usize>,
    cue: CueCtx,
    commas: &[u16],
    cues: &[u16],
    out: &mut Vec<u64>,
) {
    out.clear();
    let Some(t) = v.get(i) else { return };
    let get = |j: isize| in_sentence(v, &sent, j);
    let ii = i as isize;
    let w = |j: isize| get(j).map_or(7, |x| x.word);
    let rel: isize = if i < cue.start {
        i as isize - cue.start as isize
    } else if i >= cue.end {
        (i - cue.end) as isize + 1
    } else {
        0
    };
    let side: u64 = if rel < 0 {
        1
    } else if rel > 0 {
        2
    } else {
        3
    };
    let b = bucket(rel);
    let off = |j: usize| j.saturating_sub(sent.start);
    let at = |a: &[u16], j: usize| a.get(off(j)).copied().unwrap_or(0);
    let (lo, hi) = if i < cue.start {
        (i, cue.start)
    } else {
        (cue.end, i)
    };
    let comma_between = u64::from(at(commas, hi).saturating_sub(at(commas, lo)).min(3));
    let cue_between = if i < cue.start {
        at(cues, cue.start).saturating_sub(at(cues, i + 1))
    } else {
        at(cues, i).saturating_sub(at(cues, cue.end))
    };
    let cue_between = u64::from(cue_between.min(2));
    let cq = v.get(cue.start).map_or(0, |x| u64::from(x.in_quote));
    let tq = u64::from(t.in_quote) | u64::from(t.quote != QuoteMark::None) << 1;
    let before = w(cue.start as isize - 1);
    let after = w(cue.end as isize);
    let (w_1, w1) = (w(ii - 1), w(ii + 1));
    let shape = u64::from(t.shape);
    let to_end = bucket(sent.end.saturating_sub(i + 1) as isize);
    let cues_after = u64::from(at(cues, sent.end).saturating_sub(at(cues, i + 1)).min(2));
    let quote_before = v
        .get(i.wrapping_sub(1))
        .is_some_and(|p| p.quote != QuoteMark::None);
    // Built as one array, so that the features are written with a single capacity check.
    out.extend_from_slice(&[
        mix(31, 0, side),
        mix(32, b, 0),
        mix(33, t.word, side),
        mix(34, shape, b),
        mix(35, cue.head, b),
        mix(36, cue.head, side | comma_between << 4),
        mix(37, comma_between, side | cue_between << 4),
        mix(38, tq | cq << 2, side),
        mix(39, w_1, side),
        mix(40, w1, side),
        mix(41, before, side | tq << 4),
        mix(42, after, side | tq << 4),
        mix(43, t.word, b),
        mix(44, cue.head, t.word),
        mix(45, shape, side | comma_between << 4),
        mix(46, t.suffix, side),
        mix(47, u64::from(i == sent.start), side),
        mix(48, u64::from(i + 1 == sent.end), side | tq << 4),
        mix(49, before, after),
        mix(50, cue.head, tq | side << 4 | cue_between << 8),
        mix(51, w_1, t.word),
        mix(52, to_end, side),
        mix(53, to_end, side | b << 4),
        mix(54, cues_after, side | cue_between << 4),
        mix(55, w1, t.word | side),
        mix(56, u64::from(quote_before), side | tq << 4),
    ]);
    if !cue.ext {
        return;
    }
    // The layout around the cue, in general terms: what precedes it (a comma or a closing
    // quote: content before, "..., said X"), the shape of the word after it and the room left
    // to the sentence end (a short phrase after the cue is its source).
    let after_shape = get(cue.end as isize).map_or(9, |x| u64::from(x.shape));
    let room = bucket(sent.end.saturating_sub(cue.end) as isize);
    out.push(mix(
        94,
        before,
        side | after_shape << 4 | room << 8 | cue_between << 16,
    ));
}

/// Hashed feature of the previous tag, combined with the token word.
pub fn prev_features(prev: usize, v: &TokView, extra: u64, out: &mut Vec<u64>) {
    let prev = prev as u64;
    out.extend_from_slice(&[
        mix(60, prev, 0),
        mix(61, prev, v.word),
        mix(62, prev, extra),
    ]);
}

/// A linear model over hashed features: a dense table of `2^bits` rows of one weight per tag,
/// quantised to 8 bits so that the table stays in the core's cache. The 8-bit codes are
/// square-root companded (small weights keep their precision) and decoded through a
/// 256-entry table.
#[derive(Clone, Debug)]
pub struct Perceptron {
    ntags: usize,
    bits: u32,
    scale: f32,
    weights: Vec<i8>,
    decode: [f32; 256],
}

impl Default for Perceptron {
    fn default() -> Self {
        Perceptron {
            ntags: 0,
            bits: 0,
            scale: 1.0,
            weights: Vec::new(),
            decode: [0.0; 256],
        }
    }
}

/// The decoding table of 8-bit codes for the largest magnitude `scale`.
fn decode_table(scale: f32) -> [f32; 256] {
    let mut t = [0f32; 256];
    for (b, slot) in t.iter_mut().enumerate() {
        let q = f32::from(b as u8 as i8);
        *slot = q.signum() * scale * (q.abs() / 127.0).powi(2);
    }
    t
}

/// The 8-bit code of weight `x` for the largest magnitude `scale`.
fn encode(x: f32, scale: f32) -> i8 {
    let m = (x.abs() / scale).clamp(0.0, 1.0).sqrt() * 127.0;
    (x.signum() * m.round()) as i8
}

impl Perceptron {
    /// Number of tags.
    pub fn ntags(&self) -> usize {
        self.ntags
    }

    /// True when the model has no weights (untrained).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Writes the scores of `feats` to `scores` (one per tag, at most 8).
    ///
    /// Two passes: the rows of all features are fetched first (independent loads, so the
    /// cache misses overlap), then decoded and summed. The summing loop is compiled for each
    /// usual number of tags (the cue and role models' 3 and 5), so that it is unrolled and
    /// keeps its sums in registers; every tag's sum adds the same weights in the same order
    /// whatever the number.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let mut acc = [0f32; 8];
        match self.ntags {
            3 => self.sum::<3>(feats, &mut acc),
            5 => self.sum::<5>(feats, &mut acc),
            _ => self.sum_any(feats, &mut acc),
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s = a;
        }
    }

    /// The rows of `chunk` (at most 64 features), 8 bytes each.
    #[inline]
    fn rows(&self, chunk: &[u64], nt: usize, rows: &mut [[i8; 8]; 64]) {
        let mask = (1u64 << self.bits) - 1;
        for (slot, &f) in rows.iter_mut().zip(chunk) {
            let base = ((f & mask) as usize) * nt;
            // The table has 8 bytes of padding, so a whole row reads as 8 bytes.
            *slot = self
                .weights
                .get(base..base + 8)
                .and_then(|r| <[i8; 8]>::try_from(r).ok())
                .unwrap_or([0; 8]);
        }
    }

    /// [`Perceptron::score`]'s sums for a model of `N` tags.
    #[inline]
    fn sum<const N: usize>(&self, feats: &[u64], acc: &mut [f32; 8]) {
        let mut sums = [0f32; N];
        let mut rows = [[0i8; 8]; 64];
        for chunk in feats.chunks(64) {
            self.rows(chunk, N, &mut rows);
            for row in rows.iter().take(chunk.len()) {
                for t in 0..N {
                    sums[t] += self.decode[usize::from(row[t] as u8)];
                }
            }
        }
        acc[..N].copy_from_slice(&sums);
    }

    /// [`Perceptron::score`]'s sums for any number of tags.
    fn sum_any(&self, feats: &[u64], acc: &mut [f32; 8]) {
        let nt = self.ntags.min(8);
        let mut rows = [[0i8; 8]; 64];
        for chunk in feats.chunks(64) {
            self.rows(chunk, nt, &mut rows);
            for row in rows.iter().take(chunk.len()) {
                for (a, w) in acc.iter_mut().zip(row).take(nt) {
                    *a += self.decode[usize::from(*w as u8)];
                }
            }
        }
    }

    /// Quantises float weights (`ntags` per row, `2^bits` rows): the largest magnitude maps
    /// to code 127.
    pub fn from_floats(ntags: usize, bits: u32, w: &[f32]) -> Self {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max } else { 1.0 };
        let mut weights: Vec<i8> = w.iter().map(|x| encode(*x, scale)).collect();
        weights.extend_from_slice(&[0; 8]);
        Perceptron {
            ntags,
            bits,
            scale,
            weights,
            decode: decode_table(scale),
        }
    }

    /// Reads a model written by [`Perceptron::write`]; `None` when malformed.
    pub fn read(bytes: &[u8], pos: &mut usize) -> Option<Self> {
        let u32_at = |p: &mut usize| -> Option<u32> {
            let b = bytes.get(*p..*p + 4)?;
            *p += 4;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let head = u32_at(pos)?;
        // The top bit of the tag count marks row keys written as varint deltas.
        let delta = head & DELTA_KEYS != 0;
        let ntags = (head & !DELTA_KEYS) as usize;
        let bits = u32_at(pos)?;
        let scale = f32::from_bits(u32_at(pos)?);
        let rows = u32_at(pos)? as usize;
        if ntags == 0 || ntags > 8 || !scale.is_finite() || scale <= 0.0 || bits == 0 || bits > BITS
        {
            return None;
        }
        // Eight bytes of padding after the last row (see `score`).
        let mut weights = vec![0i8; (1usize << bits) * ntags + 8];
        let mut last = 0usize;
        for _ in 0..rows {
            let key = if delta {
                let mut d = 0usize;
                let mut shift = 0;
                loop {
                    let b = *bytes.get(*pos)?;
                    *pos += 1;
                    d |= usize::from(b & 0x7f).checked_shl(shift)?;
                    shift += 7;
                    if b & 0x80 == 0 || shift > 28 {
                        break;
                    }
                }
                last = last.checked_add(d)?;
                last
            } else {
                u32_at(pos)? as usize
            };
            let row = bytes.get(*pos..*pos + ntags)?;
            *pos += ntags;
            if let Some(slot) = weights.get_mut(key * ntags..key * ntags + ntags) {
                for (s, b) in slot.iter_mut().zip(row) {
                    *s = *b as i8;
                }
            }
        }
        Some(Perceptron {
            ntags,
            bits,
            scale,
            weights,
            decode: decode_table(scale),
        })
    }

    /// Appends the model (its non-zero rows, keys as varint deltas) to `out`.
    pub fn write(&self, out: &mut Vec<u8>) {
        let nt = self.ntags.max(1);
        let rows: Vec<usize> = (0..(1usize << self.bits))
            .filter(|&k| self.weights[k * nt..k * nt + nt].iter().any(|w| *w != 0))
            .collect();
        out.extend_from_slice(&(self.ntags as u32 | DELTA_KEYS).to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut last = 0;
        for k in rows {
            let mut d = k - last;
            last = k;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            for w in &self.weights[k * nt..k * nt + nt] {
                out.push(*w as u8);
            }
        }
    }
}

/// Flag in a written model's tag count: row keys are varint deltas (else 4-byte keys).
const DELTA_KEYS: u32 = 1 << 31;

/// Index of the best score (first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// An averaged perceptron being trained.
#[derive(Debug)]
pub struct Trainer {
    ntags: usize,
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    clock: u32,
}

impl Trainer {
    /// A zero model with `ntags` tags and `2^bits` rows (`bits` at most [`BITS`]).
    pub fn new(ntags: usize, bits: u32) -> Self {
        let bits = bits.min(BITS);
        let n = (1usize << bits) * ntags;
        Trainer {
            ntags,
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            clock: 0,
        }
    }

    /// Scores of `feats` under the current weights.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let mask = (1u64 << self.bits) - 1;
        for &f in feats {
            let base = ((f & mask) as usize) * self.ntags;
            for (t, s) in scores.iter_mut().enumerate() {
                *s += self.w[base + t];
            }
        }
    }

    /// One example: predicted `guess`, gold `truth`.
    pub fn update(&mut self, feats: &[u64], guess: usize, truth: usize) {
        self.clock += 1;
        if guess == truth {
            return;
        }
        let mask = (1u64 << self.bits) - 1;
        for &f in feats {
            for (t, d) in [(truth, 1.0f32), (guess, -1.0)] {
                let k = ((f & mask) as usize) * self.ntags + t;
                self.total[k] += f64::from(self.w[k]) * f64::from(self.clock - self.stamp[k]);
                self.stamp[k] = self.clock;
                self.w[k] += d;
            }
        }
    }

    /// The averaged model, weights below `min` dropped, quantised.
    pub fn finish(self, min: f32) -> Perceptron {
        let (ntags, bits) = (self.ntags, self.bits);
        let mut weights = self.averaged();
        for w in &mut weights {
            if w.abs() < min {
                *w = 0.0;
            }
        }
        Perceptron::from_floats(ntags, bits, &weights)
    }

    /// The averaged float weights (`ntags` per row).
    pub fn averaged(mut self) -> Vec<f32> {
        let clock = f64::from(self.clock.max(1));
        let mut weights = vec![0.0f32; self.w.len()];
        for (k, slot) in weights.iter_mut().enumerate() {
            self.total[k] += f64::from(self.w[k]) * f64::from(self.clock - self.stamp[k]);
            *slot = (self.total[k] / clock) as f32;
        }
        weights
    }
}

/// Token index range `[a, b)` of the tokens that overlap byte span `s`.
pub fn token_range(doc: &Doc<'_>, s: Span) -> Option<(usize, usize)> {
    let a = doc.tokens.partition_point(|t| t.span.end <= s.start);
    let b = doc.tokens.partition_point(|t| t.span.start < s.end);
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_classes_come_with_the_lexicon_header() {
        let plain = Lexicon::parse("said\t3\t900\n");
        assert!(!plain.classes());
        let h = |w: &str| fnv_bytes(FNV_OFFSET, w.as_bytes());
        assert_eq!(plain.entry_of_hash(h("pledged")).class, 0);
        assert_eq!(plain.lemma("said") & !STRONG, 3);
        let text = format!("{CLASSES_HEADER}\nsaid\t3\t900\nfiled\t0\t20\n");
        let lex = Lexicon::parse(&text);
        assert!(lex.classes());
        // An unseen form of a class word gets its class; a known non-cue loses it.
        assert_eq!(lex.entry_of_hash(h("pledged")).class, predicates::INTENT);
        assert_eq!(lex.entry_of_hash(h("Mocked")).class, predicates::EVAL);
        assert_eq!(lex.entry_of_hash(h("filed")).class, 0);
        assert_eq!(lex.entry_of_hash(h("said")).class, predicates::SAY);
        assert_ne!(lex.lemma("said") & STRONG, 0);
    }

    #[test]
    fn models_round_trip_with_delta_keys() {
        let mut w = vec![0f32; (1 << 10) * 3];
        w[3] = 1.0;
        w[3 * 200 + 2] = -0.5;
        w[3 * 1023 + 1] = 0.25;
        let m = Perceptron::from_floats(3, 10, &w);
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        let mut pos = 0;
        let r = Perceptron::read(&bytes, &mut pos).expect("model reads back");
        assert_eq!(pos, bytes.len());
        assert_eq!(r.weights, m.weights);
        let mut s = [0f32; 3];
        r.score(&[1, 200, 1023], &mut s);
        assert!(s[0] > 0.9 && s[2] < -0.4 && s[1] > 0.2);
    }
}
