//! The learned cue disambiguator: an averaged perceptron over hashed context features.
//!
//! Each candidate of a Szeged-type lexicon entry gets up to [`MAX_FEATURES`] features, each the
//! FNV-1a hash of a template number, the entry's pattern and a piece of context (neighbouring
//! words lowercased, shapes, conditional words in the sentence). The weights are trained by
//! `examples/train_hedge.rs` and committed in `models/hedge.weights` (trained on the dev gold
//! `wiki-weasel.jsonl` + `factbank-timebank.jsonl`, 5 epochs, the mean of five perceptrons
//! trained on five shuffles), with a copy of every feature per domain (news, encyclopedic).
//!
//! The decision threshold is calibrated in training: a perceptron trained for accuracy is too
//! strict for F1, so the training program adds to the shared bias feature the bias that gives
//! the best F1 on a 4-fold split of its own training documents.
//!
//! Held-out figures (`train_hedge --folds`: each half of a file's documents, split by id hash,
//! tagged by a model trained on the other half and the other file; the annotation's `cues`,
//! news signals left out): news (FactBank/TimeBank) cue F1 78.1, sentence uncertainty F1 82.9;
//! Wikipedia cue F1 82.0, sentence F1 86.2.
//!
//! The weights file holds one line per base feature, `hexhash news-weight
//! encyclopedic-weight`: each the base feature's weight plus that of its domain copy, so a
//! candidate costs one table lookup per base feature.

use std::collections::HashMap;

use super::{tok, tok_in, Candidate};
use crate::segment::TokenKind;
use crate::Doc;

/// The committed weights (`hexhash weight` lines).
pub const WEIGHTS: &str = include_str!("../../models/hedge.weights");

/// The hash seed (FNV-1a offset basis).
pub const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The largest number of features of one candidate.
pub const MAX_FEATURES: usize = 80;

/// FNV-1a of `s` (ASCII-lowercased) continuing from `h`.
pub fn hash_str(mut h: u64, s: &str) -> u64 {
    for b in s.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(PRIME);
    }
    h
}

fn hash_u8(mut h: u64, b: u8) -> u64 {
    h ^= u64::from(b);
    h.wrapping_mul(PRIME)
}

/// A hasher for keys that are already hashes: it passes the `u64` through.
#[derive(Clone, Copy, Debug, Default)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The domain marks of the domain copies ([`DOMAINS`]`[0]`: news, a dated article; `[1]`:
/// encyclopedic text, an undated one).
pub const DOMAINS: [u64; 2] = [0x9e37_79b9_7f4a_7c15, 0x6a09_e667_f3bc_c908];

/// The domain of `doc`: 0 news (dated), 1 encyclopedic (undated).
pub fn domain(doc: &Doc<'_>) -> usize {
    usize::from(doc.article.date.is_none())
}

/// Feature weights keyed by base feature hash, one weight per domain: the base feature's weight
/// plus its domain copy's, so a candidate needs one lookup per base feature.
pub type Weights = HashMap<u64, [f32; 2], std::hash::BuildHasherDefault<PassThrough>>;

/// Parses `hexhash news-weight encyclopedic-weight` lines; bad lines are skipped.
pub fn parse_weights(text: &str) -> Weights {
    let mut out = Weights::default();
    for line in text.lines() {
        let mut it = line.split_ascii_whitespace();
        let (Some(h), Some(a), Some(b)) = (it.next(), it.next(), it.next()) else {
            continue;
        };
        if let (Ok(h), Ok(a), Ok(b)) = (
            u64::from_str_radix(h, 16),
            a.parse::<f32>(),
            b.parse::<f32>(),
        ) {
            out.insert(h, [a, b]);
        }
    }
    out
}

/// Shape of a word: 0 lower, 1 capitalised, 2 all caps, 3 number, 4 punctuation, 5 none.
fn shape(doc: &Doc<'_>, s: usize, i: Option<usize>) -> u8 {
    let Some(t) = tok_in(doc, s, i) else { return 5 };
    match i.and_then(|i| doc.tokens.get(i)).map(|t| t.kind) {
        Some(TokenKind::Number) => 3,
        Some(TokenKind::Punct) => 4,
        _ => {
            let first_upper = t.chars().next().is_some_and(char::is_uppercase);
            if first_upper && t.len() > 1 && t.chars().all(|c| !c.is_lowercase()) {
                2
            } else if first_upper {
                1
            } else {
                0
            }
        }
    }
}

/// A coarse word class: determiners, pronouns, numbers, months, auxiliaries, suffix shapes.
fn word_class(doc: &Doc<'_>, s: usize, i: Option<usize>) -> u8 {
    let Some(t) = tok_in(doc, s, i) else { return 0 };
    let kind = i.and_then(|i| doc.tokens.get(i)).map(|t| t.kind);
    if kind == Some(TokenKind::Number) {
        return 1;
    }
    if kind == Some(TokenKind::Punct) {
        return 2;
    }
    let mut buf = [0u8; 12];
    if t.len() <= buf.len() {
        for (d, c) in buf.iter_mut().zip(t.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        let class = match &buf[..t.len()] {
            b"the" | b"a" | b"an" | b"this" | b"these" | b"those" | b"its" | b"their" | b"his"
            | b"her" | b"our" | b"my" | b"your" | b"some" | b"any" | b"no" | b"every" | b"each"
            | b"all" => 3,
            b"it" | b"he" | b"she" | b"they" | b"we" | b"i" | b"you" | b"there" | b"that"
            | b"which" | b"who" => 4,
            b"january" | b"february" | b"march" | b"april" | b"may" | b"june" | b"july"
            | b"august" | b"september" | b"october" | b"november" | b"december" | b"jan"
            | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sept" | b"oct" | b"nov"
            | b"dec" | b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday"
            | b"saturday" | b"sunday" | b"today" | b"tomorrow" | b"yesterday" | b"next"
            | b"last" | b"then" | b"now" => 5,
            b"be" | b"is" | b"are" | b"was" | b"were" | b"been" | b"being" | b"'s" => 6,
            b"have" | b"has" | b"had" | b"having" => 7,
            b"not" | b"n't" | b"never" => 8,
            b"will" | b"would" | b"could" | b"can" | b"might" | b"should" | b"must" | b"shall" => 9,
            b"to" => 10,
            b"in" | b"on" | b"at" | b"by" | b"for" | b"with" | b"from" | b"of" | b"about"
            | b"into" | b"over" | b"after" | b"before" | b"under" | b"through" | b"against" => 11,
            b"and" | b"or" | b"but" | b"if" | b"when" | b"while" | b"because" | b"although"
            | b"unless" => 12,
            b"said" | b"says" | b"say" | b"told" | b"according" | b"reported" | b"added" => 13,
            _ => 0,
        };
        if class != 0 {
            return class;
        }
    }
    if t.chars().next().is_some_and(char::is_uppercase) {
        return 20;
    }
    let lower_end = |suffix: &str| {
        t.len() > suffix.len() + 2
            && t.get(t.len() - suffix.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    if lower_end("ing") {
        21
    } else if lower_end("ed") {
        22
    } else if lower_end("ly") {
        23
    } else if lower_end("s") {
        24
    } else {
        25
    }
}

/// Reporting verbs (the sentence reports what someone said). The first [`SPEECH_VERBS`] are the
/// verbs the "reported" feature looks for before a cue.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "announced",
    "reported",
    "stated",
    "according",
];
/// How many of [`REPORTING`] are speech verbs ("said" ... "reported").
const SPEECH_VERBS: usize = 7;

/// Writes the base features of `cand` (entry key `key`) into `out`, without their domain
/// copies; returns how many.
pub fn base_features_into(
    doc: &Doc<'_>,
    cand: &Candidate,
    key: u64,
    info: &SentenceInfo,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let s = cand.sentence;
    let word = |i: Option<usize>| tok_in(doc, s, i).unwrap_or("<s>");
    let p1 = word(cand.first.checked_sub(1));
    let p2 = word(cand.first.checked_sub(2));
    let n1 = word(Some(cand.last + 1));
    let n2 = word(Some(cand.last + 2));
    let surface = tok(doc, cand.first);
    let t = |n: u8| hash_u8(key, n);
    let mut n = 0;
    macro_rules! push {
        ($h:expr) => {{
            let h = $h;
            if n < MAX_FEATURES {
                out[n] = h;
                n += 1;
            }
        }};
    }
    push!(t(0));
    push!(hash_str(t(1), surface));
    push!(hash_str(t(2), p1));
    push!(hash_str(t(3), n1));
    push!(hash_str(t(4), p2));
    push!(hash_str(t(5), n2));
    push!(hash_str(hash_str(hash_u8(t(6), 0), p1), n1));
    let initial = doc
        .sentences
        .get(s)
        .is_some_and(|x| x.tokens.start == cand.first);
    let own_shape = shape(doc, s, Some(cand.first));
    push!(hash_u8(hash_u8(t(7), own_shape), u8::from(initial)));
    push!(hash_u8(t(8), shape(doc, s, Some(cand.last + 1))));
    push!(hash_u8(t(9), shape(doc, s, cand.first.checked_sub(1))));
    // Conditional and reporting words before and after in the sentence.
    let cond_before = info.first_cond < cand.first;
    let cond_after = info.last_cond != usize::MAX && info.last_cond > cand.last;
    let (said, question) = (info.said, info.question);
    let neg = (1..=3).any(|k| {
        cand.first
            .checked_sub(k)
            .and_then(|i| tok_in(doc, s, Some(i)))
            .is_some_and(|w| {
                ["not", "n't", "no", "never"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
            })
    });
    push!(hash_u8(t(10), u8::from(cond_before)));
    push!(hash_u8(t(11), u8::from(cond_after)));
    push!(hash_u8(t(12), u8::from(said)));
    push!(hash_u8(t(13), u8::from(question)));
    push!(hash_u8(t(14), u8::from(neg)));
    let suffix = n1.get(n1.len().saturating_sub(2)..).unwrap_or("");
    push!(hash_str(t(15), suffix));
    push!(hash_str(hash_str(hash_u8(t(16), 0), n1), n2));
    push!(hash_str(hash_str(hash_u8(t(17), 0), p2), p1));
    push!(hash_u8(t(18), word_class(doc, s, Some(cand.last + 1))));
    push!(hash_u8(
        t(19),
        word_class(doc, s, cand.first.checked_sub(1))
    ));
    push!(hash_u8(t(20), word_class(doc, s, Some(cand.last + 2))));
    push!(hash_u8(
        hash_u8(t(21), word_class(doc, s, cand.first.checked_sub(1))),
        word_class(doc, s, Some(cand.last + 1))
    ));
    let reported = (1..=4).any(|k| {
        cand.first.checked_sub(k).is_some_and(|i| {
            tok_in(doc, s, Some(i)).is_some_and(|w| {
                REPORTING[..SPEECH_VERBS]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
            })
        })
    });
    push!(hash_u8(t(22), u8::from(reported)));
    // Inside a quotation (an odd number of quote marks before it in the sentence), and a
    // reporting verb anywhere before it in the sentence ("said ... that the plan would").
    let (mut quotes, mut said_before) = (0u32, false);
    if let Some(sent) = doc.sentences.get(s) {
        for i in sent.tokens.start..cand.first {
            let w = tok(doc, i);
            match w.as_bytes().first() {
                Some(b'"') | Some(0xE2) if w.len() <= 3 && !w.starts_with('\u{2019}') => {
                    quotes += 1
                }
                Some(b'`') | Some(b'\'') if w == "``" || w == "''" => quotes += 1,
                Some(b's' | b'S' | b't' | b'T' | b'a' | b'A' | b'r' | b'R') => {
                    said_before |= REPORTING.iter().any(|r| r.eq_ignore_ascii_case(w));
                }
                _ => {}
            }
        }
    }
    push!(hash_u8(t(26), u8::from(quotes % 2 == 1)));
    // The nearest conditional or time-bound word ("if", "unless", "until", "once") within 15
    // words on either side: its side and distance bucket ("will remain until Iraq complies").
    let mut nearest: u8 = 0;
    let cond = |i: Option<usize>| {
        tok_in(doc, s, i).is_some_and(|w| {
            matches!(w.len(), 2 | 4 | 5 | 6 | 8)
                && matches!(
                    w.as_bytes().first(),
                    Some(b'i' | b'I' | b'u' | b'U' | b'o' | b'O' | b'p' | b'P')
                )
                && ["if", "unless", "until", "once", "provided"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
        })
    };
    for d in 1..=15usize {
        let bucket = match d {
            1..=3 => 1,
            4..=8 => 2,
            _ => 3,
        };
        if cond(Some(cand.last + d)) {
            nearest = bucket;
            break;
        }
        if cond(cand.first.checked_sub(d)) {
            nearest = 4 + bucket;
            break;
        }
    }
    push!(hash_u8(t(28), nearest));
    push!(hash_u8(t(27), u8::from(said_before)));
    // Generic context, shared across entries.
    push!(hash_str(hash_u8(SEED, 100), p1));
    push!(hash_str(hash_u8(SEED, 101), n1));
    push!(hash_u8(SEED, 102));
    n
}

/// Writes the features of `cand` (entry key `key`) into `out`: the base features, then a copy
/// of each marked with the domain ("frustratingly easy" domain adaptation: a dated article is
/// news, an undated one encyclopedic text); returns how many.
pub fn features_into(
    doc: &Doc<'_>,
    cand: &Candidate,
    key: u64,
    info: &SentenceInfo,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let base = base_features_into(doc, cand, key, info, out);
    let mark = DOMAINS.get(domain(doc)).copied().unwrap_or(0);
    let mut n = base;
    for k in 0..base {
        if n < MAX_FEATURES {
            out[n] = out[k] ^ mark;
            n += 1;
        }
    }
    n
}

/// What the features need to know about a whole sentence, computed once per sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceInfo {
    /// Index of the first conditional word ("if", "unless", "provided", "otherwise"), or
    /// `usize::MAX`.
    pub first_cond: usize,
    /// Index of the last conditional word, or `usize::MAX`.
    pub last_cond: usize,
    /// A reporting word ("said", "told", "according") in the sentence.
    pub said: bool,
    /// A question mark in the sentence.
    pub question: bool,
}

/// The [`SentenceInfo`] of sentence `s`.
pub fn sentence_info(doc: &Doc<'_>, s: usize) -> SentenceInfo {
    let mut info = SentenceInfo {
        first_cond: usize::MAX,
        last_cond: usize::MAX,
        said: false,
        question: false,
    };
    let Some(sent) = doc.sentences.get(s) else {
        return info;
    };
    for i in sent.tokens.clone() {
        let w = tok(doc, i);
        match w.as_bytes().first().map(u8::to_ascii_lowercase) {
            Some(b'i' | b'u' | b'p' | b'o')
                if ["if", "unless", "provided", "otherwise"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w)) =>
            {
                if info.first_cond == usize::MAX {
                    info.first_cond = i;
                }
                info.last_cond = i;
            }
            Some(b's' | b't' | b'a') => {
                info.said |= ["said", "says", "say", "told", "according"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w));
            }
            Some(b'?') => info.question = true,
            _ => {}
        }
    }
    info
}

/// The features of `cand`, appended to `out`.
pub fn features(doc: &Doc<'_>, cand: &Candidate, key: u64, out: &mut Vec<u64>) {
    let mut buf = [0u64; MAX_FEATURES];
    let info = sentence_info(doc, cand.sentence);
    let n = features_into(doc, cand, key, &info, &mut buf);
    out.extend_from_slice(&buf[..n]);
}
