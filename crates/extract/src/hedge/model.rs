//! The learned cue disambiguator: an averaged perceptron over hashed context features.
//!
//! Each candidate of a Szeged-type lexicon entry gets up to [`MAX_FEATURES`] features, each the
//! FNV-1a hash of a template number, the entry's pattern and a piece of context (neighbouring
//! words lowercased, shapes, conditional words in the sentence). The weights are trained by
//! `examples/train_hedge.rs` and committed in `models/hedge.weights`.

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
pub const MAX_FEATURES: usize = 64;

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

/// Parses `hexhash weight` lines; bad lines are skipped.
pub fn parse_weights(text: &str) -> HashMap<u64, f32> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let mut it = line.split_ascii_whitespace();
        let (Some(h), Some(w)) = (it.next(), it.next()) else {
            continue;
        };
        if let (Ok(h), Ok(w)) = (u64::from_str_radix(h, 16), w.parse::<f32>()) {
            out.insert(h, w);
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
    const CLASSES: &[&[&str]] = &[
        &[
            "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my",
            "your", "some", "any", "no", "every", "each", "all",
        ],
        &[
            "it", "he", "she", "they", "we", "i", "you", "there", "that", "which", "who",
        ],
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sept",
            "oct",
            "nov",
            "dec",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "tomorrow",
            "yesterday",
            "next",
            "last",
            "then",
            "now",
        ],
        &["be", "is", "are", "was", "were", "been", "being", "'s"],
        &["have", "has", "had", "having"],
        &["not", "n't", "never"],
        &[
            "will", "would", "could", "can", "may", "might", "should", "must", "shall",
        ],
        &["to"],
        &[
            "in", "on", "at", "by", "for", "with", "from", "of", "about", "into", "over", "after",
            "before", "under", "through", "against",
        ],
        &[
            "and", "or", "but", "if", "when", "while", "because", "although", "unless",
        ],
        &[
            "said",
            "says",
            "say",
            "told",
            "according",
            "reported",
            "added",
        ],
    ];
    for (k, list) in CLASSES.iter().enumerate() {
        if list.iter().any(|w| w.eq_ignore_ascii_case(t)) {
            return 3 + k as u8;
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

/// Writes the features of `cand` (entry key `key`) into `out`; returns how many.
pub fn features_into(
    doc: &Doc<'_>,
    cand: &Candidate,
    key: u64,
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
    let (mut cond_before, mut cond_after, mut said, mut question, mut neg) =
        (false, false, false, false, false);
    if let Some(sent) = doc.sentences.get(s) {
        for i in sent.tokens.clone() {
            let w = tok(doc, i);
            let cond = ["if", "unless", "provided", "otherwise"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w));
            if cond && i < cand.first {
                cond_before = true;
            }
            if cond && i > cand.last {
                cond_after = true;
            }
            said |= ["said", "says", "say", "told", "according"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w));
            question |= w == "?";
            neg |= i + 3 >= cand.first
                && i < cand.first
                && ["not", "n't", "no", "never"]
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w));
        }
    }
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
                [
                    "said",
                    "says",
                    "say",
                    "told",
                    "added",
                    "announced",
                    "reported",
                ]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w))
            })
        })
    });
    push!(hash_u8(t(22), u8::from(reported)));
    // Generic context, shared across entries.
    push!(hash_str(hash_u8(SEED, 100), p1));
    push!(hash_str(hash_u8(SEED, 101), n1));
    push!(hash_u8(SEED, 102));
    // Domain copies ("frustratingly easy" domain adaptation): a dated article is news, an
    // undated one encyclopedic text; each feature also gets a copy marked with the domain.
    let domain = if doc.article.date.is_some() {
        0x9e37_79b9_7f4a_7c15
    } else {
        0x6a09_e667_f3bc_c908
    };
    let base = n;
    for k in 0..base {
        if n < MAX_FEATURES {
            out[n] = out[k] ^ domain;
            n += 1;
        }
    }
    n
}

/// The features of `cand`, appended to `out`.
pub fn features(doc: &Doc<'_>, cand: &Candidate, key: u64, out: &mut Vec<u64>) {
    let mut buf = [0u64; MAX_FEATURES];
    let n = features_into(doc, cand, key, &mut buf);
    out.extend_from_slice(&buf[..n]);
}
