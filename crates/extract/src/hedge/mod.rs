//! Hedging and uncertainty cues, and the certainty, polarity and verification of sentences.
//!
//! 1. **Candidates**: every surface form of the [`lexicon`] (inflections checked with the
//!    Snowball stemmer, `be`/`have` forms, multi-word cues) becomes a sequence of word hashes
//!    (ASCII-lowercased, curly apostrophes read as straight ones, clitics split as the tokenizer
//!    splits them); the tokens of each sentence (hyphenated words part by part) are matched
//!    against them by hash lookup, leftmost longest. One hash and one lookup per token: no
//!    allocation, no regex.
//! 2. **Context**: rules drop the classic traps ("May 5", "you may", "could not be reached",
//!    "the expected profits", "if necessary", "the will"), then an averaged perceptron
//!    ([`model`]) over the words around each Szeged-type candidate decides whether it is a cue
//!    (trained by `examples/train_hedge.rs` on the dev gold; weights in `models/hedge.weights`).
//!    claimsheet's news cues (weasel, unverified, denial, plan) are decided by the lexicon alone;
//!    those that are not uncertainty cues in the Szeged sense (denials, plans, "sources said",
//!    "have not been confirmed") are marked [`Cue::signal`].
//! 3. **Sentences**: certainty is the weakest commitment among the sentence's cues; polarity is
//!    negative with a negation word or a denial; verification comes from unverified, denial and
//!    confirmation statements, and a statement that refers back ("the reported discussions",
//!    "the claims") also marks the earlier sentence it points to, found by the overlap of
//!    content words, a reporting source and the kind of cue the referring noun names.

use claimsheet_ingest::Span;

use crate::segment::TokenKind;
use crate::Doc;

pub mod lexicon;
pub mod model;

use lexicon::Decide;

/// Class of an uncertainty cue: the Szeged / CoNLL-2010 classes, then claimsheet's news classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Epistemic modality, probable: "likely", "probably", "should".
    Probable,
    /// Epistemic modality, possible: "may", "might", "could", "possible".
    Possible,
    /// Doxastic: "believe", "think", "expect", "speculation", "suspect".
    Doxastic,
    /// Condition: "if", "unless", "provided that".
    Condition,
    /// Investigation: "consider", "examine", "whether", "study".
    Investigation,
    /// Weasel and vague attribution: "reportedly", "some say", "critics say".
    Weasel,
    /// Unverified: "have not been independently confirmed", "alleged", "unconfirmed".
    Unverified,
    /// Denial and dismissal: "denied", "dismissed", "downplayed", "no sign yet".
    Denial,
    /// Plans and schedules: "is set to", "is scheduled for", "plans to", "upcoming".
    Plan,
}

impl CueClass {
    /// How firmly the writer states a proposition under a cue of this class (FactBank's scale,
    /// the writer's view): "likely", and a schedule or plan the writer reports ("is set to
    /// reopen in May"), make it probable; "possible" possible; someone's belief, an open
    /// question ("whether"), a condition, or a vague or unverified source leave the writer
    /// uncommitted; a denial states its (negative)
    /// proposition as certain. [`Cue::certainty`] refines this for the cue's own words.
    pub const fn certainty(self) -> Certainty {
        match self {
            CueClass::Probable | CueClass::Plan => Certainty::Probable,
            CueClass::Possible => Certainty::Possible,
            CueClass::Denial => Certainty::Certain,
            CueClass::Doxastic
            | CueClass::Investigation
            | CueClass::Condition
            | CueClass::Weasel
            | CueClass::Unverified => Certainty::Uncommitted,
        }
    }

    /// True for the Szeged / CoNLL-2010 uncertainty classes (probable, possible, doxastic,
    /// condition, investigation); false for claimsheet's news classes.
    pub const fn is_szeged(self) -> bool {
        matches!(
            self,
            CueClass::Probable
                | CueClass::Possible
                | CueClass::Doxastic
                | CueClass::Condition
                | CueClass::Investigation
        )
    }

    /// The class name in annotation output: the Szeged names for the first five (verbatim, with
    /// the corpus's spaces), `news_*` names for the rest.
    pub const fn as_str(self) -> &'static str {
        match self {
            CueClass::Probable => "speculation_modal_probable_",
            CueClass::Possible => "speculation_modal_possible_",
            CueClass::Doxastic => "speculation_hypo_doxastic _",
            CueClass::Condition => "speculation_hypo_condition _",
            CueClass::Investigation => "speculation_hypo_investigation _",
            CueClass::Weasel => "news_weasel",
            CueClass::Unverified => "news_unverified",
            CueClass::Denial => "news_denial",
            CueClass::Plan => "news_plan",
        }
    }
}

/// One hedging or uncertainty cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte span of the cue (may span several words: "no sign yet").
    pub span: Span,
    /// Its class.
    pub class: CueClass,
    /// True for a news signal (denial, plan, vague attribution with a saying verb, a statement
    /// about verification: [`lexicon::Decide::Signal`]), which is not an uncertainty cue in the
    /// Szeged / CoNLL-2010 sense; false for an uncertainty cue.
    pub signal: bool,
}

impl Cue {
    /// How firmly the writer states a proposition under this cue: its class's
    /// [`CueClass::certainty`], except that an option being weighed ("are considering arranging
    /// a meeting") is possible, where an open question ("whether") leaves the writer uncommitted.
    pub fn certainty(&self, text: &str) -> Certainty {
        let words = self.span.slice(text);
        let weighs = words.split_whitespace().any(|w| {
            w.get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("consider"))
        });
        if self.class == CueClass::Investigation && weighs {
            Certainty::Possible
        } else {
            self.class.certainty()
        }
    }
}

/// How firmly a sentence states what it states (FactBank's scale).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Certainty {
    /// Stated as fact.
    #[default]
    Certain,
    /// Stated as probable.
    Probable,
    /// Stated as possible.
    Possible,
    /// The writer does not commit to it (reported, conditional, under consideration).
    Uncommitted,
}

impl Certainty {
    /// The weaker of two certainties (uncommitted < possible < probable < certain).
    pub fn weaker(self, other: Certainty) -> Certainty {
        if rank(other) < rank(self) {
            other
        } else {
            self
        }
    }

    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Possible => "possible",
            Certainty::Uncommitted => "uncommitted",
        }
    }
}

/// Whether a sentence asserts or denies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// Asserts.
    #[default]
    Positive,
    /// Denies ("no logistical preparations ... have begun").
    Negative,
}

impl Polarity {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// Verification status of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verification {
    /// Not confirmed ("have not been independently confirmed").
    Unconfirmed,
    /// Denied or contested.
    Disputed,
    /// Confirmed.
    Confirmed,
}

impl Verification {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verification::Unconfirmed => "unconfirmed",
            Verification::Disputed => "disputed",
            Verification::Confirmed => "confirmed",
        }
    }
}

/// The hedging verdict on one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceHedge {
    /// Certainty of the sentence.
    pub certainty: Certainty,
    /// Polarity of the sentence.
    pub polarity: Polarity,
    /// Indexes of its cues in [`Hedges::cues`].
    pub cues: Vec<usize>,
    /// Verification status, and the index of the sentence that gave the verdict.
    pub verification: Option<(Verification, usize)>,
}

/// The hedge layer of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hedges {
    /// Cues in text order.
    pub cues: Vec<Cue>,
    /// One verdict per sentence of the segmentation, same order.
    pub sentences: Vec<SentenceHedge>,
}

/// One lexicon match in an article, before the decision in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span of the match.
    pub span: Span,
    /// Index of the lexicon entry in [`lexicon::ENTRIES`].
    pub entry: usize,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

impl Candidate {
    /// True when the learned disambiguator decides this candidate.
    pub fn learned(&self) -> bool {
        lexicon::ENTRIES
            .get(self.entry)
            .is_some_and(|e| e.2 == Decide::Learned)
    }

    /// True when this candidate is a news signal, not an uncertainty cue.
    pub fn signal(&self) -> bool {
        lexicon::ENTRIES
            .get(self.entry)
            .is_some_and(|e| e.2 == Decide::Signal)
    }
}

const WEIGHT_BITS_MASK: usize = (1 << 18) - 1;

/// Size in bits of [`HedgeTagger::first_bits`].
const FIRST_BITS: usize = 1 << 14;

/// The bit of word hash `h` in [`HedgeTagger::first_bits`] (bits apart from the table's).
fn first_bit(h: u64) -> usize {
    (h >> 44) as usize & (FIRST_BITS - 1)
}

/// Per-sentence facts gathered while matching.
#[derive(Clone, Copy, Debug)]
struct SentenceFlags {
    info: model::SentenceInfo,
    negative: bool,
    /// A confirmation word ("confirmed", "verified", "corroborated").
    confirm: bool,
}

/// Word hashes of the function words behind [`SentenceFlags`].
#[derive(Clone, Debug)]
struct FlagWords {
    cond: Vec<u64>,
    said: Vec<u64>,
    negation: Vec<u64>,
    confirm: Vec<u64>,
    no: u64,
    not: u64,
    only: u64,
    /// A 4,096-bit filter of all the hashes above: most words skip the list checks.
    bits: [u64; 64],
}

impl FlagWords {
    fn bit(h: u64) -> (usize, u64) {
        let b = (h >> 32) as usize & 4095;
        (b >> 6, 1 << (b & 63))
    }

    fn maybe(&self, h: u64) -> bool {
        let (i, m) = Self::bit(h);
        self.bits.get(i).is_some_and(|w| w & m != 0)
    }
}

impl FlagWords {
    fn new() -> Self {
        let h = |list: &[&str]| {
            list.iter()
                .map(|w| lexicon::word_hash(w))
                .collect::<Vec<_>>()
        };
        let mut words = FlagWords {
            cond: h(&["if", "unless", "provided", "otherwise"]),
            said: h(&["said", "says", "say", "told", "according"]),
            negation: h(NEGATIONS),
            confirm: h(CONFIRMS),
            no: lexicon::word_hash("no"),
            not: lexicon::word_hash("not"),
            only: lexicon::word_hash("only"),
            bits: [0; 64],
        };
        let all: Vec<u64> = [&words.cond, &words.said, &words.negation, &words.confirm]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        for h in all {
            let (i, m) = Self::bit(h);
            if let Some(w) = words.bits.get_mut(i) {
                *w |= m;
            }
        }
        words
    }
}

/// Finds uncertainty cues and judges sentence certainty.
#[derive(Debug)]
pub struct HedgeTagger {
    /// Every surface form of the lexicon as a sequence of word hashes ([`lexicon::sequences`]),
    /// grouped by first word, longest first, stored flat: `(offset into seq_words, length,
    /// entry)`.
    seq_meta: Vec<(u32, u32, u32)>,
    /// The word hashes of every sequence, one after another (a group's words are contiguous).
    seq_words: Vec<u64>,
    /// Open-addressing table (linear probing, at most a quarter full) of the first word hashes:
    /// `(hash, from, to)`, the range of [`HedgeTagger::seq_meta`] that starts with that word;
    /// hash 0 marks an empty slot. One probe for most words, in a table that stays in cache.
    first_table: Vec<(u64, u32, u32)>,
    /// A 16,384-bit (2 KB) filter of the first word hashes, tried before the table: most words
    /// start no cue and stop here, in a filter that stays in L1 between stages.
    first_bits: Vec<u64>,
    /// Hashes of the function words the sentence flags look for.
    words: FlagWords,
    /// Hash of each lexicon entry's pattern (the disambiguator's key for it).
    entry_key: Vec<u64>,
    weights: model::Weights,
    /// A 262,144-bit filter of the weight keys (32 KB, stays in L1), tried before the table.
    weight_bits: Vec<u64>,
}

impl Default for HedgeTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl HedgeTagger {
    /// A tagger with its lexicons built and the committed disambiguator loaded.
    pub fn new() -> Self {
        Self::with_weights(model::WEIGHTS)
    }

    /// A tagger whose disambiguator reads `weights` (the `models/hedge.weights` format: one
    /// `hexhash news-weight encyclopedic-weight` line per base feature, see
    /// [`model::Weights`]). Empty weights accept every learned candidate.
    pub fn with_weights(weights: &str) -> Self {
        let (sequences, first_word) = lexicon::sequences();
        let mut seq_meta = Vec::with_capacity(sequences.len());
        let mut seq_words = Vec::new();
        for seq in &sequences {
            seq_meta.push((seq_words.len() as u32, seq.words.len() as u32, seq.entry));
            seq_words.extend_from_slice(&seq.words);
        }
        let size = (first_word.len() * 4).next_power_of_two().max(16);
        let mut first_table = vec![(0u64, 0u32, 0u32); size];
        let mut first_bits = vec![0u64; FIRST_BITS / 64];
        for &h in first_word.keys() {
            let b = first_bit(h);
            if let Some(w) = first_bits.get_mut(b >> 6) {
                *w |= 1 << (b & 63);
            }
        }
        for (&h, &(from, to)) in &first_word {
            let mut i = (h >> 20) as usize & (size - 1);
            while first_table.get(i).is_some_and(|e| e.0 != 0) {
                i = (i + 1) & (size - 1);
            }
            if let Some(slot) = first_table.get_mut(i) {
                *slot = (h, from, to);
            }
        }
        let entry_key = lexicon::ENTRIES
            .iter()
            .map(|(p, _, _)| model::hash_str(model::SEED, p))
            .collect();
        let weights = model::parse_weights(weights);
        let mut weight_bits = vec![0u64; (WEIGHT_BITS_MASK + 1) / 64];
        for f in weights.keys() {
            let bit = (f >> 40) as usize & WEIGHT_BITS_MASK;
            weight_bits[bit >> 6] |= 1 << (bit & 63);
        }
        HedgeTagger {
            weight_bits,
            words: FlagWords::new(),
            seq_meta,
            seq_words,
            first_table,
            first_bits,
            entry_key,
            weights,
        }
    }

    /// The lexicon matches of `doc` that survive the context rules, in text order, without
    /// overlaps.
    pub fn candidates(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        self.scan(doc, &mut Vec::new())
    }

    /// [`HedgeTagger::candidates`], and the flags of every sentence into `flags`, in one pass.
    fn scan(&self, doc: &Doc<'_>, flags: &mut Vec<SentenceFlags>) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        flags.clear();
        let mut stream: Vec<(u64, Span, usize)> = Vec::new();
        let bytes = doc.text.as_bytes();
        for (si, sent) in doc.sentences.iter().enumerate() {
            stream.clear();
            for ti in sent.tokens.clone() {
                let Some(t) = doc.tokens.get(ti) else {
                    continue;
                };
                if t.kind != TokenKind::Word {
                    stream.push((0, t.span, ti));
                    continue;
                }
                let Some(word) = bytes.get(t.span.start..t.span.end) else {
                    continue;
                };
                let (hash, high, hyphen) = lexicon::hash_scan_at(bytes, t.span.start, t.span.end);
                if hyphen && word.len() > 2 {
                    // Hyphenated words match part by part ("no-sign-yet").
                    let mut at = t.span.start;
                    for part in word.split(|&b| b == b'-') {
                        if !part.is_empty() {
                            let span = Span::new(at, at + part.len());
                            stream.push((lexicon::word_hash_bytes(part), span, ti));
                        }
                        at += part.len() + 1;
                    }
                } else {
                    let hash = if high {
                        lexicon::word_hash_bytes(word)
                    } else {
                        hash
                    };
                    stream.push((hash, t.span, ti));
                }
            }
            flags.push(self.flags(doc, &stream));
            let mut k = 0;
            while k < stream.len() {
                let mut advanced = false;
                let h = stream[k].0;
                if let Some((from, to)) = self.first_range(h) {
                    for &(off, n, entry) in
                        self.seq_meta.get(from as usize..to as usize).unwrap_or(&[])
                    {
                        let (off, n) = (off as usize, n as usize);
                        let Some(window) = stream.get(k..k + n) else {
                            continue;
                        };
                        let Some(words) = self.seq_words.get(off..off + n) else {
                            continue;
                        };
                        // The first word matched already.
                        if !window.iter().zip(words).skip(1).all(|(a, b)| a.0 == *b) {
                            continue;
                        }
                        let (first, last) = (window[0], window[n - 1]);
                        let cand = Candidate {
                            span: Span::new(first.1.start, last.1.end),
                            entry: entry as usize,
                            sentence: si,
                            first: first.2,
                            last: last.2,
                        };
                        if blocked(doc, &cand) {
                            continue;
                        }
                        out.push(cand);
                        k += n;
                        advanced = true;
                        break;
                    }
                }
                if !advanced {
                    k += 1;
                }
            }
        }
        out
    }

    /// The range of [`HedgeTagger::seq_meta`] that starts with word hash `h`.
    #[inline]
    fn first_range(&self, h: u64) -> Option<(u32, u32)> {
        let b = first_bit(h);
        if h == 0
            || self
                .first_bits
                .get(b >> 6)
                .is_none_or(|w| w & (1 << (b & 63)) == 0)
        {
            return None;
        }
        let mask = self.first_table.len().wrapping_sub(1);
        let mut i = (h >> 20) as usize & mask;
        loop {
            let &(key, from, to) = self.first_table.get(i)?;
            if key == h {
                return Some((from, to));
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Conditional, reporting and negation words of one sentence's word stream.
    fn flags(&self, doc: &Doc<'_>, stream: &[(u64, Span, usize)]) -> SentenceFlags {
        let w = &self.words;
        let mut f = SentenceFlags {
            info: model::SentenceInfo {
                first_cond: usize::MAX,
                last_cond: usize::MAX,
                said: false,
                question: false,
            },
            negative: false,
            confirm: false,
        };
        for (k, &(h, span, ti)) in stream.iter().enumerate() {
            if h != 0 && !w.maybe(h) {
                continue;
            }
            if h == 0 {
                f.info.question |= doc.text.as_bytes().get(span.start) == Some(&b'?');
                continue;
            }
            if w.cond.contains(&h) {
                if f.info.first_cond == usize::MAX {
                    f.info.first_cond = ti;
                }
                f.info.last_cond = ti;
            } else if w.said.contains(&h) {
                f.info.said = true;
            } else if w.negation.contains(&h) {
                // "No. 5", "not only".
                let next = stream.get(k + 1);
                let no_dot = h == w.no
                    && next.is_some_and(|n| {
                        n.0 == 0 && doc.text.as_bytes().get(n.1.start) == Some(&b'.')
                    });
                let not_only = h == w.not && next.is_some_and(|n| n.0 == w.only);
                f.negative |= !(no_dot || not_only);
            } else if w.confirm.contains(&h) {
                f.confirm = true;
            }
        }
        f
    }

    /// The disambiguator's features of `cand`, appended to `out` (hashes).
    pub fn features(&self, doc: &Doc<'_>, cand: &Candidate, out: &mut Vec<u64>) {
        let key = self.entry_key.get(cand.entry).copied().unwrap_or(0);
        model::features(doc, cand, key, out);
    }

    /// The disambiguator's score of `cand` (a cue when `>= 0`).
    pub fn score(&self, doc: &Doc<'_>, cand: &Candidate) -> f32 {
        self.score_in(doc, cand, &model::sentence_info(doc, cand.sentence))
    }

    fn score_in(&self, doc: &Doc<'_>, cand: &Candidate, info: &model::SentenceInfo) -> f32 {
        let key = self.entry_key.get(cand.entry).copied().unwrap_or(0);
        let mut buf = [0u64; model::MAX_FEATURES];
        let n = model::base_features_into(doc, cand, key, info, &mut buf);
        let d = model::domain(doc);
        buf[..n]
            .iter()
            .filter(|&&f| {
                let bit = (f >> 40) as usize & WEIGHT_BITS_MASK;
                self.weight_bits
                    .get(bit >> 6)
                    .is_some_and(|w| w & (1 << (bit & 63)) != 0)
            })
            .map(|f| {
                self.weights
                    .get(f)
                    .and_then(|w| w.get(d))
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum()
    }

    /// The hedge layer of `doc`.
    pub fn tag(&self, doc: &Doc<'_>) -> Hedges {
        let mut hedges = Hedges {
            cues: Vec::new(),
            sentences: vec![SentenceHedge::default(); doc.sentences.len()],
        };
        let mut flags = Vec::with_capacity(doc.sentences.len());
        let cands = self.scan(doc, &mut flags);
        for cand in &cands {
            let Some(f) = flags.get(cand.sentence) else {
                continue;
            };
            if cand.learned() && self.score_in(doc, cand, &f.info) < 0.0 {
                continue;
            }
            let class = refine_class(doc, cand, &f.info);
            if let Some(s) = hedges.sentences.get_mut(cand.sentence) {
                s.cues.push(hedges.cues.len());
            }
            hedges.cues.push(Cue {
                span: cand.span,
                class,
                signal: cand.signal(),
            });
        }
        sentence_verdicts(doc, &flags, &mut hedges);
        hedges
    }
}

// ---------------------------------------------------------------------------------------------
// Word helpers (no allocation).

/// The text of token `i` of `doc`, or "" outside the article.
pub(crate) fn tok<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    doc.tokens
        .get(i)
        .and_then(|t| doc.text.get(t.span.start..t.span.end))
        .unwrap_or("")
}

/// Token `i` if it lies inside sentence `s`.
pub(crate) fn tok_in<'a>(doc: &Doc<'a>, s: usize, i: Option<usize>) -> Option<&'a str> {
    let i = i?;
    let range = &doc.sentences.get(s)?.tokens;
    range.contains(&i).then(|| tok(doc, i))
}

fn is(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn prev(i: usize, k: usize) -> Option<usize> {
    i.checked_sub(k)
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those",
    "that", "free", "own",
];
const MONTH_CONTEXT: &[&str] = &[
    "in", "last", "next", "this", "early", "late", "mid", "since", "until", "by", "of", "from",
    "through", "during", "between", "and", "to", "on", "before", "after",
];

/// True when token `i`..`j` of sentence `s` equal `words` (case-insensitive).
fn phrase_at(doc: &Doc<'_>, s: usize, i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tok_in(doc, s, Some(i + k)).is_some_and(|t| t.eq_ignore_ascii_case(w)))
}

/// True when sentence `s` holds the word sequence `words`.
fn sentence_has(doc: &Doc<'_>, s: usize, words: &[&str]) -> bool {
    let Some(sent) = doc.sentences.get(s) else {
        return false;
    };
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    // The first word by length before any comparison: most tokens stop there.
    sent.tokens.clone().any(|i| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.span.end - t.span.start == first.len())
            && tok(doc, i).eq_ignore_ascii_case(first)
            && phrase_at(doc, s, i + 1, rest)
    })
}

/// Phrases that put a "could" in the past (ability, not possibility).
const PAST_ABILITY: &[&[&str]] = &[
    &["as", "a", "child"],
    &["as", "a", "boy"],
    &["as", "a", "girl"],
    &["as", "a", "teenager"],
    &["when", "he", "was"],
    &["when", "she", "was"],
    &["when", "i", "was"],
    &["when", "they", "were"],
    &["when", "we", "were"],
    &["years", "ago"],
    &["back", "then"],
    &["in", "those", "days"],
    &["in", "his", "youth"],
    &["in", "her", "youth"],
    &["used", "to"],
];

/// The context rules: true when the candidate is not a cue here.
fn blocked(doc: &Doc<'_>, c: &Candidate) -> bool {
    let Some((pattern, _, decide)) = lexicon::ENTRIES.get(c.entry) else {
        return true;
    };
    let s = c.sentence;
    let Some(first_tok) = doc.tokens.get(c.first) else {
        return true;
    };
    let surface = tok(doc, c.first);
    if *decide == Decide::Learned && !pattern.contains(' ') {
        // A piece of a hyphenated compound ("lower-than-expected", "if-it-bleeds").
        let last_end = doc.tokens.get(c.last).map_or(0, |t| t.span.end);
        if first_tok.span.start != c.span.start || last_end != c.span.end {
            return true;
        }
    }
    let p1 = tok_in(doc, s, prev(c.first, 1)).unwrap_or("");
    let p2 = tok_in(doc, s, prev(c.first, 2)).unwrap_or("");
    let n1 = tok_in(doc, s, Some(c.last + 1)).unwrap_or("");
    let n2 = tok_in(doc, s, Some(c.last + 2)).unwrap_or("");
    let n1_number = doc
        .tokens
        .get(c.last + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && !n1.is_empty();
    let initial = doc
        .sentences
        .get(s)
        .is_some_and(|x| x.tokens.start == c.first);
    match *pattern {
        "may" => {
            // The month: "May 5", "in May", "1 May", "Derrick May"; permission: "you may".
            let capital = surface.starts_with('M');
            let p1_number = c.first > 0
                && doc
                    .tokens
                    .get(c.first - 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                && !p1.is_empty();
            (capital && (!initial || n1_number || is(n1, &["i", "we"])))
                || n1_number
                || p1_number
                || (capital && is(p1, MONTH_CONTEXT))
                || is(p1, &["you"])
                || (n1.is_empty() && !p1.is_empty())
        }
        "might" | "will" | "can" => {
            is(p1, DETERMINERS) || (surface.starts_with(['W', 'C']) && !initial)
        }
        "could" => {
            phrase_at(doc, s, c.last + 1, &["be", "reached"])
                || phrase_at(doc, s, c.last + 1, &["not", "be", "reached"])
                || phrase_at(doc, s, c.last + 1, &["n't", "be", "reached"])
                || PAST_ABILITY.iter().any(|ph| sentence_has(doc, s, ph))
        }
        "expect*" => {
            // "the expected profits", "as expected", "than expected".
            let lower = surface.to_ascii_lowercase();
            (lower == "expected" || lower == "expecting")
                && (is(p1, &["as", "than"])
                    || (is(p1, DETERMINERS)
                        && doc
                            .tokens
                            .get(c.last + 1)
                            .is_some_and(|t| t.kind == TokenKind::Word)
                        && !is(n1, &["to", "that", "by", "of"])))
        }
        "if" => {
            is(
                n1,
                &[
                    "necessary",
                    "needed",
                    "any",
                    "not",
                    "applicable",
                    "appropriate",
                    "required",
                    "possible",
                ],
            ) || is(p1, &["even"])
                || phrase_at(doc, s, c.last + 1, &["and", "only", "if"])
                || (is(p1, &["only"]) && is(p2, &["and"]))
        }
        // "are considering arranging": under consideration; "considering that": given that.
        "considering" => {
            let be = [
                "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am",
            ];
            !(is(p1, &be) || is(p2, &be))
        }
        // "until Dec. 31", "until 5 p.m.": a time bound, not a condition.
        "until" => {
            n1_number
                || crate::time::lexicon::is_calendar_word(n1)
                || is(
                    n1,
                    &[
                        "today", "tomorrow", "tonight", "now", "then", "recently", "late", "early",
                        "mid", "next", "last", "this", "noon", "midnight",
                    ],
                )
        }
        "look*" => !(is(n1, &["like", "set", "forward", "likely", "as"]) || is(n2, &["like"])),
        _ => false,
    }
}

/// The class of a candidate in its sentence.
fn refine_class(doc: &Doc<'_>, c: &Candidate, info: &model::SentenceInfo) -> CueClass {
    let Some((pattern, class, _)) = lexicon::ENTRIES.get(c.entry) else {
        return CueClass::Possible;
    };
    let s = c.sentence;
    let n1 = tok_in(doc, s, Some(c.last + 1)).unwrap_or("");
    let conditional = info.first_cond != usize::MAX;
    match *pattern {
        "could" | "might" | "may" | "should" if conditional => CueClass::Condition,
        "would" | "will" | "won't" | "wouldn't" if !conditional => CueClass::Probable,
        "consider*" => {
            let ing = n1.len() > 4 && n1.to_ascii_lowercase().ends_with("ing");
            if ing
                || is(
                    n1,
                    &["whether", "how", "what", "a", "an", "options", "plans"],
                )
            {
                CueClass::Investigation
            } else {
                CueClass::Doxastic
            }
        }
        _ => *class,
    }
}

// ---------------------------------------------------------------------------------------------
// Sentence verdicts.

/// Rank of a certainty: lower is weaker.
fn rank(c: Certainty) -> u8 {
    match c {
        Certainty::Certain => 3,
        Certainty::Probable => 2,
        Certainty::Possible => 1,
        Certainty::Uncommitted => 0,
    }
}

const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot",
];

/// Nouns that name a claim: rejecting or dismissing one disputes it ("dismissed the report"),
/// rejecting anything else does not ("rejected outreach").
const CLAIM_NOUNS: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "speculation",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "suggestion",
    "suggestions",
    "account",
    "accounts",
    "story",
    "stories",
    "idea",
    "prospect",
    "prospects",
    "assertion",
    "assertions",
    "charge",
    "charges",
    "notion",
    "possibility",
    "talk",
];

/// Whether the denial cue at `span` disputes a claim: "deny" and multi-word denials ("no sign
/// yet", "ruled out") always do; "rejected", "dismissed", "downplayed" when a claim noun follows
/// within four words.
fn denial_disputes(doc: &Doc<'_>, span: Span) -> bool {
    let text = span.slice(doc.text);
    if text.contains(' ') || text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("den")) {
        return true;
    }
    let next = doc.tokens.partition_point(|t| t.span.start < span.end);
    (next..next + 4).any(|i| {
        doc.tokens
            .get(i)
            .and_then(|t| doc.text.get(t.span.start..t.span.end))
            .is_some_and(|w| is(w, CLAIM_NOUNS))
    })
}

/// Words that state a confirmation ("officials confirmed the talks").
const CONFIRMS: &[&str] = &[
    "confirmed",
    "confirms",
    "verified",
    "corroborated",
    "confirm",
];

/// Nouns that refer back to reported content, and the kind of cue they name.
const REFERRING: &[(&str, Option<CueClass>)] = &[
    ("reported", None),
    ("report", None),
    ("reports", None),
    ("claim", None),
    ("claims", None),
    ("allegation", Some(CueClass::Unverified)),
    ("allegations", Some(CueClass::Unverified)),
    ("account", None),
    ("accounts", None),
    ("discussions", Some(CueClass::Investigation)),
    ("deliberations", Some(CueClass::Investigation)),
    ("talks", Some(CueClass::Investigation)),
    ("considerations", Some(CueClass::Investigation)),
    ("plans", Some(CueClass::Plan)),
    ("plan", Some(CueClass::Plan)),
    ("speculation", Some(CueClass::Doxastic)),
    ("rumors", Some(CueClass::Possible)),
    ("rumours", Some(CueClass::Possible)),
    ("information", None),
    ("details", None),
];
const REFERRING_DETS: &[&str] = &["the", "these", "those", "such", "this", "that"];
const REPORTING: &[&str] = &[
    "reported",
    "reports",
    "according",
    "citing",
    "said",
    "says",
    "told",
    "announced",
];
const STOP: &[&str] = &[
    "the",
    "and",
    "that",
    "this",
    "with",
    "from",
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "for",
    "not",
    "will",
    "would",
    "about",
    "their",
    "there",
    "they",
    "them",
    "which",
    "within",
    "into",
    "than",
    "then",
    "also",
    "after",
    "before",
    "during",
    "independently",
    "confirmed",
    "verified",
    "denied",
    "report",
    "reported",
    "reports",
    "according",
    "said",
    "says",
    "internal",
];

/// The referring expression of sentence `s`: (found, the cue class its noun names).
fn referring(doc: &Doc<'_>, s: usize) -> Option<Option<CueClass>> {
    let sent = doc.sentences.get(s)?;
    let mut found: Option<Option<CueClass>> = None;
    let mut after_det = false;
    for i in sent.tokens.clone() {
        let t = tok(doc, i);
        if is(t, REFERRING_DETS) {
            after_det = true;
            continue;
        }
        if after_det {
            if let Some((_, class)) = REFERRING.iter().find(|(w, _)| w.eq_ignore_ascii_case(t)) {
                let prev_class = found.flatten();
                found = Some(class.or(prev_class));
                continue;
            }
            // Adjectives may sit between the determiner and the noun.
            if doc.tokens.get(i).is_some_and(|x| x.kind == TokenKind::Word)
                && t.chars().next().is_some_and(char::is_lowercase)
                && found.is_none()
            {
                continue;
            }
        }
        after_det = false;
        if found.is_some() {
            // Later nouns can still name the class ("the reported internal discussions").
            if let Some((_, Some(class))) =
                REFERRING.iter().find(|(w, _)| w.eq_ignore_ascii_case(t))
            {
                found = Some(Some(*class));
            }
        }
    }
    found
}

fn content_stems(doc: &Doc<'_>, s: usize, stemmer: &rust_stemmers::Stemmer) -> Vec<String> {
    let Some(sent) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for i in sent.tokens.clone() {
        let t = tok(doc, i);
        if t.len() < 4
            || doc.tokens.get(i).is_some_and(|x| x.kind != TokenKind::Word)
            || is(t, STOP)
        {
            continue;
        }
        let stem = stemmer.stem(&t.to_lowercase()).into_owned();
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

/// How many sentences back a verification statement may refer: longer than almost any news
/// story, and it keeps a long input linear.
const MAX_LOOKBACK: usize = 60;

/// The earlier sentence that verification statement `v` refers back to (at most
/// [`MAX_LOOKBACK`] sentences back).
fn antecedent(doc: &Doc<'_>, hedges: &Hedges, v: usize) -> Option<usize> {
    if pronoun_subject(doc, v) {
        // "This could not be independently verified.": the sentence just before.
        return v.checked_sub(1);
    }
    let named = referring(doc, v)?;
    let stemmer = lexicon::stemmer();
    let own = content_stems(doc, v, &stemmer);
    let mut best: Option<(i32, usize)> = None;
    for s in v.saturating_sub(MAX_LOOKBACK)..v {
        let stems = content_stems(doc, s, &stemmer);
        let overlap = own.iter().filter(|x| stems.contains(x)).count() as i32;
        let Some(sent) = doc.sentences.get(s) else {
            continue;
        };
        let reporting = sent.tokens.clone().any(|i| is(tok(doc, i), REPORTING));
        let class_match = named.is_some_and(|class| {
            hedges.sentences.get(s).is_some_and(|h| {
                h.cues
                    .iter()
                    .any(|&ci| hedges.cues.get(ci).is_some_and(|c| c.class == class))
            })
        });
        let score = overlap + 2 * i32::from(reporting) + 2 * i32::from(class_match);
        if score >= 3 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, s));
        }
    }
    best.map(|(_, s)| s)
}

/// Whether sentence `v` opens with a bare demonstrative or "it" as its subject, right before a
/// verb ("This could not be verified", "That has been denied", "It has not been confirmed"),
/// and does not extrapose its content ("It could not be confirmed that ...", "whether ...").
fn pronoun_subject(doc: &Doc<'_>, v: usize) -> bool {
    let Some(sent) = doc.sentences.get(v) else {
        return false;
    };
    let mut words = sent
        .tokens
        .clone()
        .filter(|&i| doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word));
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let verb_next = is(
        tok(doc, b),
        &[
            "could", "can", "cannot", "has", "have", "had", "was", "were", "is", "are", "remains",
            "remain", "would",
        ],
    );
    let extraposed = sent
        .tokens
        .clone()
        .any(|i| is(tok(doc, i), &["that", "whether", "if"]));
    is(tok(doc, a), &["this", "that", "it", "these", "those"]) && verb_next && !extraposed
}

fn sentence_verdicts(doc: &Doc<'_>, flags: &[SentenceFlags], hedges: &mut Hedges) {
    let n = hedges.sentences.len();
    let mut verdicts: Vec<Option<Verification>> = vec![None; n];
    for (s, slot) in verdicts.iter_mut().enumerate() {
        let mut certainty = Certainty::Certain;
        let mut unverified = false;
        let mut denial = false;
        let mut disputes = false;
        if let Some(h) = hedges.sentences.get(s) {
            for &ci in &h.cues {
                let Some(cue) = hedges.cues.get(ci) else {
                    continue;
                };
                let c = cue.certainty(doc.text);
                if rank(c) < rank(certainty) {
                    certainty = c;
                }
                unverified |= cue.class == CueClass::Unverified
                    && !is(
                        cue.span.slice(doc.text),
                        &["alleged", "allegedly", "allegation", "allegations"],
                    );
                if cue.class == CueClass::Denial {
                    denial = true;
                    disputes |= denial_disputes(doc, cue.span);
                }
            }
        }
        let neg = flags.get(s).is_some_and(|f| f.negative) || denial;
        *slot = if unverified {
            Some(Verification::Unconfirmed)
        } else if disputes {
            Some(Verification::Disputed)
        } else if flags.get(s).is_some_and(|f| f.confirm && !f.negative) {
            Some(Verification::Confirmed)
        } else {
            None
        };
        if let Some(h) = hedges.sentences.get_mut(s) {
            h.certainty = certainty;
            h.polarity = if neg {
                Polarity::Negative
            } else {
                Polarity::Positive
            };
            h.verification = slot.map(|v| (v, s));
        }
    }
    for (v, verdict) in verdicts.iter().enumerate() {
        let Some(verdict) = *verdict else { continue };
        if let Some(a) = antecedent(doc, hedges, v) {
            if let Some(h) = hedges.sentences.get_mut(a) {
                if h.verification.is_none() {
                    h.verification = Some((verdict, v));
                }
            }
        }
    }
}
