//! Token features of the entity tagger: hashed, computed once per token of a document.
//!
//! Every feature is a 64-bit hash of a template number and its values, so that the model is a
//! table from hashes to weight rows. Nothing here allocates per token: a document gets one
//! [`TokInfo`] vector and two small per-document hash maps (case evidence, tagging history).

use std::ops::Range;

use crate::segment::{Token, TokenKind};
use crate::Doc;

use super::gazetteer::{self, Gazetteer, HashMapId};

/// Number of tags: O, then B, I, L, U for each of the four types.
pub(crate) const NT: usize = 17;

/// The FxHash step.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Hash of a byte string with ASCII letters lowercased.
#[inline]
pub(crate) fn hash_lower(bytes: &[u8]) -> u64 {
    let mut h = LOWER_SEED;
    for &b in bytes {
        h = mix(h, b.to_ascii_lowercase() as u64);
    }
    mix(h, bytes.len() as u64)
}

/// Hash of a sequence of token hashes (multi-word gazetteer keys).
#[inline]
pub(crate) fn hash_seq(h: u64, next: u64) -> u64 {
    mix(mix(h, 0x5bd1_e995), next)
}

/// Token flags.
pub(crate) mod flag {
    /// First character upper case.
    pub const CAP: u16 = 1;
    /// Every letter upper case (two letters or more).
    pub const ALLCAPS: u16 = 1 << 1;
    /// First character lower case.
    pub const LOWER: u16 = 1 << 2;
    /// First character a digit.
    pub const DIGIT: u16 = 1 << 3;
    /// Punctuation.
    pub const PUNCT: u16 = 1 << 4;
    /// First token of its sentence (after opening quotes and brackets).
    pub const SENT_START: u16 = 1 << 5;
    /// The sentence is an all-caps line (a heading).
    pub const CAPS_LINE: u16 = 1 << 6;
    /// Has an internal hyphen.
    pub const HYPHEN: u16 = 1 << 7;
    /// Possessive clitic.
    pub const POSS: u16 = 1 << 8;
}

/// What the tagger knows about one token before tagging.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokInfo {
    /// Hash of the lowercased token.
    pub lower: u64,
    /// Hash of the compressed word shape ("Xx-x", "XX", "d").
    pub shape: u64,
    /// Hash of the last 3 characters (lowercased, as in [`affixes`]) of a word that can start
    /// a name, once filled; 0 otherwise. The other affixes are read only by the token's own
    /// features ([`intrinsic_features`]), which compute them from the word.
    pub suf3: u64,
    /// [`flag`] bits.
    pub flags: u16,
    /// [`gazetteer`] bits.
    pub gaz: u32,
    /// Document case evidence for the lowercased form: bit 0 seen in lower case, bit 1 seen
    /// capitalised inside a sentence of a mixed-case line.
    pub docc: u8,
    /// Case profile of the word in a large unlabeled corpus: 0 unknown, 1 mostly lower case,
    /// 2 mixed, 3 mostly capitalised, 4 always capitalised (see [`CaseTable`]).
    pub casep: u8,
    /// True once [`Filler::fill`] has set the shape, the suffix and the case profile.
    pub filled: bool,
}

/// How often words are capitalised inside sentences of a large unlabeled news corpus, keyed by
/// the hash of the lowercased word (`models/entities-case.bin`: `u32` count, then sorted
/// `u64` keys, then one `u8` class each).
#[derive(Debug, Default)]
pub(crate) struct CaseTable(HashMapId<u8>);

impl CaseTable {
    /// Parses the table; a malformed file gives an empty table.
    pub(crate) fn parse(b: &[u8]) -> Self {
        let mut map = HashMapId::default();
        let n = b
            .get(..4)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u32::from_le_bytes) as usize;
        let keys = b.get(4..4 + 8 * n);
        let classes = b.get(4 + 8 * n..4 + 9 * n);
        if let (Some(keys), Some(classes)) = (keys, classes) {
            map.reserve(n);
            for (k, &c) in keys.chunks_exact(8).zip(classes) {
                if let Ok(k) = k.try_into() {
                    map.insert(u64::from_le_bytes(k), c);
                }
            }
        }
        CaseTable(map)
    }

    /// Builds the table from counts (lowercased-word hash -> [capitalised, lower case]) and
    /// writes it in the file format.
    pub(crate) fn build(counts: &HashMapId<[u32; 2]>, min: u32) -> Vec<u8> {
        let mut rows: Vec<(u64, u8)> = counts
            .iter()
            .filter(|(_, c)| c[0] + c[1] >= min)
            .map(|(&k, c)| {
                let r = c[0] as f32 / (c[0] + c[1]) as f32;
                let class = if r < 0.1 {
                    1
                } else if r < 0.5 {
                    2
                } else if r < 0.9 {
                    3
                } else {
                    4
                };
                (k, class)
            })
            .collect();
        rows.sort_unstable();
        let mut out = Vec::with_capacity(4 + rows.len() * 9);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for r in &rows {
            out.extend_from_slice(&r.0.to_le_bytes());
        }
        out.extend(rows.iter().map(|r| r.1));
        out
    }

    /// The case class of `word` (0 when the corpus did not have it often enough).
    pub(crate) fn class_of(&self, word: &str) -> u8 {
        self.0
            .get(&hash_lower(word.as_bytes()))
            .copied()
            .unwrap_or(0)
    }

    /// Counts capitalised and lower-case occurrences of the words of `doc` inside sentences of
    /// mixed-case lines.
    pub(crate) fn count(doc: &Doc<'_>, counts: &mut HashMapId<[u32; 2]>) {
        let mut toks = Vec::new();
        prepare_basic(doc, &mut toks);
        for t in &toks {
            let f = t.flags;
            if f & (flag::SENT_START | flag::CAPS_LINE | flag::PUNCT | flag::DIGIT) != 0 {
                continue;
            }
            if f & flag::CAP != 0 {
                counts.entry(t.lower).or_default()[0] += 1;
            } else if f & flag::LOWER != 0 {
                counts.entry(t.lower).or_default()[1] += 1;
            }
        }
    }
}

impl TokInfo {
    /// True when the greedy tagger must give this token O outside an entity: lowercase words and
    /// punctuation never start a name.
    #[inline]
    pub fn never_starts(&self) -> bool {
        self.flags & (flag::LOWER | flag::PUNCT) != 0
    }
}

/// Seed of [`shape_hash`].
const SHAPE_SEED: u64 = 0xcbf2_9ce4_8422_2325;

fn shape_hash(bytes: &[u8]) -> u64 {
    let mut h = SHAPE_SEED;
    let mut last = 0u8;
    let mut run = 0u8;
    let mut n = 0;
    for &b in bytes {
        let c = if b.is_ascii_uppercase() {
            b'X'
        } else if b.is_ascii_lowercase() || b >= 0x80 {
            b'x'
        } else if b.is_ascii_digit() {
            b'd'
        } else {
            b
        };
        if c == last {
            run = run.saturating_add(1);
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = c;
        h = mix(h, c as u64);
        n += 1;
        if n > 12 {
            break;
        }
    }
    h
}

/// Byte index of the end of the first `k` characters (or the whole string).
fn char_prefix_end(s: &str, k: usize) -> usize {
    s.char_indices().nth(k).map_or(s.len(), |(i, _)| i)
}

/// Byte index of the start of the last `k` characters (or 0).
fn char_suffix_start(s: &str, k: usize) -> usize {
    s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
}

/// Computes the per-token information of a whole document.
pub(crate) fn prepare(doc: &Doc<'_>, gaz: &Gazetteer, case: &CaseTable, out: &mut Vec<TokInfo>) {
    prepare_basic(doc, out);
    let filler = Filler {
        words: Words::of(doc),
        case,
    };
    for (i, t) in out.iter_mut().enumerate() {
        filler.fill(i, t);
    }
    gazetteer::mark(gaz, doc.sentences, out);
}

/// Like [`prepare`], but without the token shapes, affixes and corpus case profiles: the
/// tagger fills them in ([`Filler`]) only for the tokens it scores and their neighbours (the
/// only ones its features read).
pub(crate) fn prepare_for_tagging(doc: &Doc<'_>, gaz: &Gazetteer, out: &mut Vec<TokInfo>) {
    prepare_basic(doc, out);
    gazetteer::mark(gaz, doc.sentences, out);
}

/// The text of each token of a document (the affix features read it).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
}

impl<'a> Words<'a> {
    /// The words of `doc`.
    pub(crate) fn of(doc: &Doc<'a>) -> Self {
        Words {
            text: doc.text,
            tokens: doc.tokens,
        }
    }

    /// The text of token `i` ("" when there is none).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }
}

/// True when a token gets affix features: a word that can start a name (no punctuation, no
/// lower-case word: those are never scored outside a name).
#[inline]
fn has_affixes(info: &TokInfo) -> bool {
    info.flags & (flag::PUNCT | flag::LOWER) == 0
}

/// Hash of the bytes of a word in `range` (lowercased), told apart by `tag` (`k` for a prefix
/// of `k` characters, `16 + k` for a suffix).
#[inline]
fn affix_hash(bytes: &[u8], range: std::ops::Range<usize>, tag: u64) -> u64 {
    mix(hash_lower(bytes.get(range).unwrap_or(bytes)), tag)
}

/// Byte range of the last `k` characters of `s` (all of it when shorter).
#[inline]
fn suffix_range(s: &str, k: usize) -> std::ops::Range<usize> {
    let b = if s.is_ascii() {
        s.len().saturating_sub(k)
    } else {
        char_suffix_start(s, k)
    };
    b..s.len()
}

/// Hashes of the first and of the last 1..=4 characters of `s` (lowercased).
pub(crate) fn affixes(s: &str) -> ([u64; 4], [u64; 4]) {
    let bytes = s.as_bytes();
    let (mut pre, mut suf) = ([0; 4], [0; 4]);
    for k in 1..=4 {
        let e = if s.is_ascii() {
            k.min(bytes.len())
        } else {
            char_prefix_end(s, k)
        };
        pre[k - 1] = affix_hash(bytes, 0..e, k as u64);
        suf[k - 1] = affix_hash(bytes, suffix_range(s, k), 16 + k as u64);
    }
    (pre, suf)
}

/// Fills in the parts of a [`TokInfo`] that only the features of scored tokens and their
/// neighbours read: the shape, the suffix and the corpus case profile.
pub(crate) struct Filler<'a> {
    /// The text of each token.
    pub words: Words<'a>,
    /// The corpus case table.
    pub case: &'a CaseTable,
}

impl Filler<'_> {
    /// Fills token `i` (once).
    #[inline]
    pub(crate) fn fill(&self, i: usize, info: &mut TokInfo) {
        if info.filled {
            return;
        }
        info.filled = true;
        if i >= self.words.tokens.len() {
            return;
        }
        let s = self.words.get(i);
        let bytes = s.as_bytes();
        info.shape = shape_hash(bytes);
        // The suffix only for words that can start a name (the others are never scored
        // outside one).
        if has_affixes(info) {
            info.suf3 = affix_hash(bytes, suffix_range(s, 3), 16 + 3);
        }
        if info.flags & (flag::PUNCT | flag::DIGIT) == 0 {
            info.casep = self.case.0.get(&info.lower).copied().unwrap_or(0);
        }
    }
}

/// A small set of 64-bit hashes that may answer "maybe" for hashes not in it (never "no" for
/// one in it): a one-probe filter in front of a hash map that most lookups miss.
pub(crate) struct Bloom(Box<[u64; BLOOM_WORDS]>);

const BLOOM_WORDS: usize = 1 << 11;

impl Default for Bloom {
    fn default() -> Self {
        Bloom(Box::new([0; BLOOM_WORDS]))
    }
}

impl std::fmt::Debug for Bloom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bloom")
    }
}

impl Clone for Bloom {
    fn clone(&self) -> Self {
        Bloom(self.0.clone())
    }
}

impl Bloom {
    #[inline]
    fn bits(h: u64) -> [(usize, u64); 2] {
        let a = (h >> 40) as usize & (BLOOM_WORDS * 64 - 1);
        let b = (h >> 17) as usize & (BLOOM_WORDS * 64 - 1);
        [(a / 64, 1 << (a % 64)), (b / 64, 1 << (b % 64))]
    }

    /// Adds `h`.
    #[inline]
    pub(crate) fn insert(&mut self, h: u64) {
        for (w, m) in Self::bits(h) {
            if let Some(x) = self.0.get_mut(w) {
                *x |= m;
            }
        }
    }

    /// False when `h` was never added.
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        Self::bits(h)
            .iter()
            .all(|&(w, m)| self.0.get(w).is_some_and(|x| x & m != 0))
    }

    /// Forgets everything.
    pub(crate) fn clear(&mut self) {
        self.0.fill(0);
    }
}

/// Token information without the gazetteers, the corpus case table, the shapes and the
/// affixes ([`Filler`]).
fn prepare_basic(doc: &Doc<'_>, out: &mut Vec<TokInfo>) {
    let text = doc.text;
    out.clear();
    out.reserve(doc.tokens.len());
    out.extend(doc.tokens.iter().map(|t| token_basic(text, t)));
    // Sentence starts and all-caps lines.
    for s in doc.sentences {
        let r = s.tokens.start.min(out.len())..s.tokens.end.min(out.len());
        mark_sentence(text, doc.tokens, r, out);
    }
    // Document case evidence. Only words seen capitalised go in the map (the few that can be
    // names); a lowercase word not in it has evidence 1 (seen in lower case) and nothing else.
    EVIDENCE_FILTER.with(|seen| {
        let mut seen = seen.borrow_mut();
        seen.clear();
        doc_evidence(out, &mut seen);
    });
}

/// Sets [`TokInfo::docc`]; `seen` is an empty scratch filter.
fn doc_evidence(out: &mut [TokInfo], seen: &mut Bloom) {
    let mut evidence: HashMapId<u8> =
        HashMapId::with_capacity_and_hasher(out.len() / 8, Default::default());
    for t in out.iter() {
        let f = t.flags;
        if f & flag::CAP != 0 {
            let mid = f & (flag::SENT_START | flag::CAPS_LINE) == 0;
            *evidence.entry(t.lower).or_default() |= if mid { 2 } else { 0 };
            seen.insert(t.lower);
        }
    }
    for t in out.iter_mut() {
        if t.flags & flag::LOWER != 0 {
            t.docc = 1;
            if !seen.may_contain(t.lower) {
                continue;
            }
            if let Some(e) = evidence.get_mut(&t.lower) {
                *e |= 1;
                t.docc |= *e & 2;
            }
        }
    }
    for t in out.iter_mut() {
        if t.flags & flag::CAP != 0 {
            t.docc = evidence.get(&t.lower).copied().unwrap_or(0);
        }
    }
}

thread_local! {
    /// The filter of capitalised words of [`prepare_basic`], kept between documents.
    static EVIDENCE_FILTER: std::cell::RefCell<Bloom> = std::cell::RefCell::new(Bloom::default());
}

/// Seed of [`hash_lower`].
const LOWER_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
/// The lowercase hash and the flags of a token.
fn token_basic(text: &str, t: &Token) -> TokInfo {
    let s = t.span.slice(text);
    if s.is_ascii() && !s.is_empty() {
        token_basic_ascii(s.as_bytes(), t.kind)
    } else {
        token_basic_unicode(s, t.kind)
    }
}

/// [`token_basic`] for ASCII tokens: one pass over the bytes (the same values as
/// [`token_basic_unicode`]).
fn token_basic_ascii(bytes: &[u8], kind: TokenKind) -> TokInfo {
    let mut info = TokInfo::default();
    let mut h = LOWER_SEED;
    let (mut letters, mut lower, mut hyphen) = (0usize, false, false);
    for &b in bytes {
        h = mix(h, b.to_ascii_lowercase() as u64);
        letters += b.is_ascii_alphabetic() as usize;
        lower |= b.is_ascii_lowercase();
        hyphen |= b == b'-';
    }
    info.lower = mix(h, bytes.len() as u64);
    let first = bytes.first().copied().unwrap_or(b' ');
    match kind {
        TokenKind::Punct => info.flags |= flag::PUNCT,
        TokenKind::Number => info.flags |= flag::DIGIT,
        TokenKind::Word => {
            if first.is_ascii_uppercase() {
                info.flags |= flag::CAP;
            } else if first.is_ascii_lowercase() {
                info.flags |= flag::LOWER;
            } else if first.is_ascii_digit() {
                info.flags |= flag::DIGIT;
            }
            if letters >= 2 && !lower {
                info.flags |= flag::ALLCAPS;
            }
            if hyphen {
                info.flags |= flag::HYPHEN;
            }
            if matches!(bytes, b"'s" | b"'") {
                info.flags |= flag::POSS;
            }
        }
    }
    info
}

fn token_basic_unicode(s: &str, kind: TokenKind) -> TokInfo {
    let bytes = s.as_bytes();
    let mut info = TokInfo {
        lower: hash_lower(bytes),
        ..TokInfo::default()
    };
    let first = s.chars().next().unwrap_or(' ');
    match kind {
        TokenKind::Punct => info.flags |= flag::PUNCT,
        TokenKind::Number => info.flags |= flag::DIGIT,
        TokenKind::Word => {
            if first.is_uppercase() {
                info.flags |= flag::CAP;
            } else if first.is_lowercase() {
                info.flags |= flag::LOWER;
            } else if first.is_ascii_digit() {
                info.flags |= flag::DIGIT;
            }
            let mut letters = 0;
            let mut lower = false;
            for c in s.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    lower |= c.is_lowercase();
                }
            }
            if letters >= 2 && !lower {
                info.flags |= flag::ALLCAPS;
            }
            if bytes.contains(&b'-') {
                info.flags |= flag::HYPHEN;
            }
            if matches!(s, "'s" | "\u{2019}s" | "'" | "\u{2019}") {
                info.flags |= flag::POSS;
            }
        }
    }
    info
}

fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "(" | "[" | "\u{201C}" | "\u{2018}" | "-" | "--" | "\u{2014}" | "\u{2013}"
    )
}

fn mark_sentence(text: &str, tokens: &[Token], r: Range<usize>, out: &mut [TokInfo]) {
    let mut words = 0;
    let mut caps = true;
    for i in r.clone() {
        let f = out[i].flags;
        if f & (flag::CAP | flag::LOWER) != 0 && f & flag::POSS == 0 {
            words += 1;
            if f & flag::ALLCAPS == 0 && (f & flag::LOWER != 0 || tokens[i].span.len() > 1) {
                caps = false;
            }
        }
    }
    let caps_line = caps && words >= 2;
    let mut start = true;
    for i in r {
        if caps_line {
            out[i].flags |= flag::CAPS_LINE;
        }
        if start {
            let s = tokens[i].span.slice(text);
            if !is_opener(s) {
                out[i].flags |= flag::SENT_START;
                start = false;
            }
        }
    }
}

/// Feature templates.
mod tpl {
    pub const BIAS: u64 = 1;
    pub const W0: u64 = 2;
    pub const WM1: u64 = 3;
    pub const WP1: u64 = 4;
    pub const WM2: u64 = 5;
    pub const WP2: u64 = 6;
    pub const S0: u64 = 7;
    pub const SM1: u64 = 8;
    pub const SP1: u64 = 9;
    pub const SM1S0: u64 = 10;
    pub const S0SP1: u64 = 11;
    pub const WM1W0: u64 = 12;
    pub const W0WP1: u64 = 13;
    pub const PRE: u64 = 14;
    pub const SUF: u64 = 15;
    pub const POS_S0: u64 = 16;
    pub const GAZ0: u64 = 17;
    pub const GAZM1: u64 = 18;
    pub const GAZP1: u64 = 19;
    pub const DOCC: u64 = 20;
    pub const W0CASE: u64 = 21;
    pub const WM1S0: u64 = 22;
    pub const S0WP1: u64 = 23;
    pub const FLAGS: u64 = 24;
    pub const P1: u64 = 30;
    pub const P2P1: u64 = 31;
    pub const P1S0: u64 = 32;
    pub const P1W0: u64 = 33;
    pub const HIST: u64 = 34;
    pub const HIST_CASE: u64 = 35;
    pub const GAZ0CASE: u64 = 36;
    pub const WM2WM1: u64 = 37;
    pub const WP1WP2: u64 = 38;
    pub const SUFM1: u64 = 39;
    pub const SUFP1: u64 = 40;
    pub const POS_S0_WP1: u64 = 41;
    pub const CASEP: u64 = 42;
    pub const CASEP_M1: u64 = 43;
    pub const CASEP_P1: u64 = 44;
}

const BOS: u64 = 0x0123_4567;
const EOS: u64 = 0x89ab_cdef;

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(mix(t.wrapping_mul(0x9e37_79b9), a), 0x7f)
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(t.wrapping_mul(0x9e37_79b9), a), b), 0x3f)
}

/// Position class: 0 mid-sentence, 1 sentence start, 2 all-caps line.
#[inline]
fn pos_class(f: u16) -> u64 {
    if f & flag::CAPS_LINE != 0 {
        2
    } else if f & flag::SENT_START != 0 {
        1
    } else {
        0
    }
}

/// Case class: 0 lower, 1 capitalised, 2 all caps, 3 other.
#[inline]
fn case_class(f: u16) -> u64 {
    if f & flag::ALLCAPS != 0 {
        2
    } else if f & flag::CAP != 0 {
        1
    } else if f & flag::LOWER != 0 {
        0
    } else {
        3
    }
}

/// The shape of a token as the features see it (all-caps lines marked).
#[inline]
fn shape_of(x: &TokInfo) -> u64 {
    if x.flags & flag::CAPS_LINE != 0 {
        mix(x.shape, 99)
    } else {
        x.shape
    }
}

/// A key that determines every feature of [`intrinsic_features`]: equal keys give equal
/// features, so their summed weights can be cached per word.
#[inline]
pub(crate) fn intrinsic_key(me: &TokInfo) -> u64 {
    mix(
        mix(
            mix(me.lower, me.shape),
            me.flags as u64 | (me.gaz as u64) << 16,
        ),
        me.docc as u64 | (me.casep as u64) << 8,
    )
}

/// Appends the features of a token that depend on the token alone (its word, shape, affixes,
/// case, position class, gazetteer bits and document evidence); `word` is its text.
pub(crate) fn intrinsic_features(me: &TokInfo, word: &str, out: &mut Vec<u64>) {
    let f = me.flags;
    let pc = pos_class(f);
    let cc = case_class(f);
    let s0 = shape_of(me);
    out.push(f1(tpl::BIAS, 0));
    out.push(f1(tpl::W0, me.lower));
    out.push(f1(tpl::S0, s0));
    if has_affixes(me) {
        let (pre, suf) = affixes(word);
        for (p, s) in pre.into_iter().zip(suf) {
            out.push(f1(tpl::PRE, p));
            out.push(f1(tpl::SUF, s));
        }
    }
    out.push(f2(tpl::POS_S0, pc, s0));
    out.push(f2(tpl::W0CASE, me.lower, cc * 4 + pc));
    out.push(f2(tpl::DOCC, me.docc as u64, cc * 4 + pc));
    out.push(f2(tpl::CASEP, me.casep as u64, cc * 4 + pc));
    out.push(f1(tpl::FLAGS, (f & !(flag::SENT_START)) as u64));
    let mut g = me.gaz;
    while g != 0 {
        let b = g.trailing_zeros();
        out.push(f1(tpl::GAZ0, b as u64));
        g &= g - 1;
    }
    if me.gaz != 0 {
        out.push(f2(tpl::GAZ0CASE, me.gaz as u64, cc * 4 + pc));
    }
}

/// Appends the features of token `i` that depend on its neighbours but not on earlier tags.
/// `r` is its sentence.
pub(crate) fn context_features(t: &[TokInfo], r: &Range<usize>, i: usize, out: &mut Vec<u64>) {
    let me = &t[i];
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < r.start as isize {
            BOS
        } else if j >= r.end as isize {
            EOS
        } else {
            t[j as usize].lower
        }
    };
    let sh = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < r.start as isize {
            BOS
        } else if j >= r.end as isize {
            EOS
        } else {
            shape_of(&t[j as usize])
        }
    };
    let f = me.flags;
    let pc = pos_class(f);
    let cc = case_class(f);
    let s0 = shape_of(me);
    let (wm1, wp1) = (w(-1), w(1));
    let (wm2, wp2) = (w(-2), w(2));
    let (sm1, sp1) = (sh(-1), sh(1));
    out.push(f1(tpl::WM1, wm1));
    out.push(f1(tpl::WP1, wp1));
    out.push(f1(tpl::WM2, wm2));
    out.push(f1(tpl::WP2, wp2));
    out.push(f1(tpl::SM1, sm1));
    out.push(f1(tpl::SP1, sp1));
    out.push(f2(tpl::SM1S0, sm1, s0));
    out.push(f2(tpl::S0SP1, s0, sp1));
    out.push(f2(tpl::WM1W0, wm1, me.lower));
    out.push(f2(tpl::W0WP1, me.lower, wp1));
    out.push(f2(tpl::WM1S0, wm1, s0));
    out.push(f2(tpl::WM2WM1, wm2, wm1));
    out.push(f2(tpl::WP1WP2, wp1, wp2));
    if i > r.start && t[i - 1].suf3 != 0 {
        out.push(f1(tpl::SUFM1, t[i - 1].suf3));
    }
    if i + 1 < r.end && t[i + 1].suf3 != 0 {
        out.push(f1(tpl::SUFP1, t[i + 1].suf3));
    }
    out.push(f2(tpl::S0WP1, s0, wp1));
    out.push(f2(tpl::POS_S0_WP1, pc * 31 + (s0 & 0xffff), wp1));
    if i > r.start {
        out.push(f2(tpl::CASEP_M1, t[i - 1].casep as u64, cc));
    }
    if i + 1 < r.end {
        out.push(f2(tpl::CASEP_P1, t[i + 1].casep as u64, cc));
    }
    let gz = |t: u64, g: u32, out: &mut Vec<u64>| {
        let mut g = g;
        while g != 0 {
            let b = g.trailing_zeros();
            out.push(f1(t, b as u64));
            g &= g - 1;
        }
    };
    if i > r.start {
        gz(tpl::GAZM1, t[i - 1].gaz, out);
    }
    if i + 1 < r.end {
        gz(tpl::GAZP1, t[i + 1].gaz, out);
    }
}

/// Appends the features of token `i` that depend on the two previous tags and on the type last
/// given to the same word in the document (`hist`: 0 none, 1 + type otherwise).
#[inline]
pub(crate) fn dynamic_features(me: &TokInfo, p1: u8, p2: u8, hist: u8, out: &mut Vec<u64>) {
    out.push(f1(tpl::P1, p1 as u64));
    out.push(f2(tpl::P2P1, p2 as u64, p1 as u64));
    out.push(f2(tpl::P1S0, p1 as u64, me.shape));
    out.push(f2(tpl::P1W0, p1 as u64, me.lower));
    out.push(f1(tpl::HIST, hist as u64));
    out.push(f2(
        tpl::HIST_CASE,
        hist as u64,
        case_class(me.flags) * 4 + pos_class(me.flags),
    ));
}

/// Type of a tag (0..4) or `None` for O.
#[inline]
pub(crate) fn tag_type(tag: u8) -> Option<u8> {
    (tag != 0).then(|| (tag - 1) / 4)
}

/// Position of a tag inside its entity: 0 B, 1 I, 2 L, 3 U.
#[inline]
pub(crate) fn tag_pos(tag: u8) -> u8 {
    (tag.wrapping_sub(1)) % 4
}

/// Builds a tag from a type and a position.
#[inline]
pub(crate) fn make_tag(ty: u8, pos: u8) -> u8 {
    1 + ty * 4 + pos
}

/// True when `tag` may follow `prev` (BILOU constraints); `last` is true on a sentence's last
/// token.
#[cfg(test)]
pub(crate) fn allowed(prev: u8, tag: u8, last: bool) -> bool {
    let open = prev != 0 && tag_pos(prev) <= 1;
    let ok = if open {
        tag != 0 && tag_type(tag) == tag_type(prev) && (tag_pos(tag) == 1 || tag_pos(tag) == 2)
    } else {
        tag == 0 || tag_pos(tag) == 0 || tag_pos(tag) == 3
    };
    ok && !(last && tag != 0 && tag_pos(tag) <= 1)
}
