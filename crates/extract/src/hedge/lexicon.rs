//! The cue lexicon: phrases with their class, expanded over inflections, `be`/`have` forms,
//! hyphen and apostrophe variants.
//!
//! Pattern syntax: words separated by single spaces; a word ending in `*` is inflected (verb and
//! noun endings: `-s`, `-es`, `-ed`, `-d`, `-ing`, `-ies`, `-ied`, with a dropped final `e` and a
//! doubled final consonant), the variants kept only when the Snowball English stemmer
//! (rust-stemmers) gives them the stem of the base word; `BE` stands for every form of "be",
//! `HAVE` for every form of "have".

use rust_stemmers::{Algorithm, Stemmer};

use super::CueClass;

/// How a lexicon entry is decided in context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decide {
    /// By the learned disambiguator (the word is a Szeged / CoNLL-2010 cue in the dev gold).
    Learned,
    /// By rules only: an uncertainty cue the disambiguator does not see ("considering",
    /// "it is believed", "unverified").
    Rule,
    /// By rules only, and a news **signal** rather than an uncertainty cue in the Szeged /
    /// CoNLL-2010 sense: denials and dismissals, plans and schedules, vague attribution with a
    /// saying verb ("sources said", "it is said"), statements about verification ("have not
    /// been independently confirmed"). The Szeged gold marks none of them (on the dev files
    /// 1 of 168 such matches overlaps a gold cue); they stay on the claim rows' hedges.
    Signal,
}

use CueClass::{
    Condition as Cnd, Denial as Den, Doxastic as Dox, Investigation as Inv, Plan as Pln,
    Possible as Pos, Probable as Prb, Unverified as Unv, Weasel as Wsl,
};
use Decide::{Learned as L, Rule as R, Signal as S};

/// The lexicon: pattern, class, how it is decided.
pub const ENTRIES: &[(&str, CueClass, Decide)] = &[
    // Epistemic possibility.
    ("may", Pos, L),
    ("might", Pos, L),
    ("could", Pos, L),
    ("can", Pos, L),
    ("may or may not", Pos, L),
    ("might or might not", Pos, L),
    ("possible", Pos, L),
    ("possibly", Pos, L),
    ("possibility", Pos, L),
    ("possibilities", Pos, L),
    ("possibility open", Pos, R),
    ("perhaps", Pos, L),
    ("maybe", Pos, L),
    ("conceivably", Pos, L),
    ("potential", Pos, L),
    ("potentially", Pos, L),
    ("unclear", Pos, L),
    ("uncertain", Pos, L),
    ("uncertainty", Pos, L),
    ("unknown", Pos, L),
    ("not clear", Pos, L),
    ("no evidence", Pos, L),
    ("little evidence", Pos, L),
    ("cast* doubt", Pos, L),
    ("doubt*", Pos, L),
    ("doubtful", Pos, L),
    ("little doubt", Pos, L),
    ("raise* question*", Pos, L),
    ("call* into question", Pos, L),
    ("question*", Pos, L),
    ("not fully understood", Pos, L),
    ("not well understood", Pos, L),
    ("no one can say for sure", Pos, L),
    ("rumor*", Pos, L),
    ("rumour*", Pos, L),
    ("touted", Pos, L),
    ("fear*", Pos, L),
    ("worry", Pos, L),
    ("worries", Pos, L),
    ("worried", Pos, L),
    ("concern*", Pos, L),
    ("risk", Pos, L),
    ("suspicion", Pos, L),
    ("imply", Pos, L),
    ("implies", Pos, L),
    ("implied", Pos, L),
    ("implying", Pos, L),
    ("implication", Pos, L),
    ("eventually", Pos, L),
    ("tentative", Pos, L),
    ("tentatively", Pos, L),
    ("no assurance", Pos, L),
    ("speculation", Dox, R),
    ("speculat*", Dox, L),
    ("suggest*", Pos, L),
    ("suggestion", Pos, L),
    ("indicat*", Pos, L),
    ("indication", Pos, L),
    ("signs", Pos, L),
    ("signal*", Pos, L),
    ("apparent", Pos, L),
    ("apparently", Pos, L),
    ("appear*", Pos, L),
    ("seem*", Pos, L),
    ("seemingly", Pos, L),
    ("presumably", Pos, L),
    ("skeptical", Pos, L),
    ("sceptical", Pos, L),
    // Epistemic probability.
    ("likely", Prb, L),
    ("unlikely", Prb, L),
    ("likelihood", Prb, L),
    ("in all likelihood", Prb, L),
    ("probably", Prb, L),
    ("probable", Prb, L),
    ("probability", Prb, L),
    ("should", Prb, L),
    ("ought to", Prb, L),
    ("almost certainly", Prb, L),
    ("most likely", Prb, L),
    ("warning", Prb, L),
    // Doxastic.
    ("believe*", Dox, L),
    ("belief", Dox, L),
    ("beliefs", Dox, L),
    ("think*", Dox, L),
    ("thought", Dox, L),
    ("expect*", Dox, L),
    ("expectation*", Dox, L),
    ("unexpected", Dox, L),
    ("estimat*", Dox, L),
    ("accus*", Dox, L),
    ("accusation*", Dox, L),
    ("charge*", Dox, L),
    ("see", Dox, L),
    ("sees", Dox, L),
    ("seen", Dox, L),
    ("view*", Dox, L),
    ("regard*", Dox, L),
    ("considering", Inv, R),
    ("consider*", Dox, L),
    ("suspect*", Dox, L),
    ("presum*", Dox, L),
    ("presumption", Dox, L),
    ("assum*", Dox, L),
    ("assumption", Dox, L),
    ("suppos*", Dox, L),
    ("supposedly", Wsl, L),
    ("reputedly", Wsl, L),
    ("reportedly", Wsl, L),
    ("predict*", Dox, L),
    ("prediction*", Dox, L),
    ("forecast*", Dox, L),
    ("project*", Dox, L),
    ("anticipat*", Dox, L),
    ("anticipation", Dox, L),
    ("foresee*", Dox, L),
    ("feel*", Dox, L),
    ("felt", Dox, L),
    ("confident", Dox, L),
    ("confidence", Dox, L),
    ("wonder*", Dox, L),
    ("hypothes*", Dox, L),
    ("hypothesis", Dox, L),
    ("postulat*", Dox, L),
    ("idea", Dox, L),
    ("look*", Dox, L),
    ("betting", Dox, L),
    ("hope*", Dox, L),
    ("unthinkable", Dox, L),
    ("alleg*", Unv, L),
    ("allegedly", Unv, L),
    ("allegation*", Unv, L),
    // Condition.
    ("if", Cnd, L),
    ("unless", Cnd, L),
    ("until", Cnd, L),
    ("once", Cnd, L),
    ("provided", Cnd, L),
    ("provided that", Cnd, L),
    ("providing that", Cnd, L),
    ("as long as", Cnd, L),
    ("in case", Cnd, L),
    ("would", Cnd, L),
    ("will", Cnd, L),
    ("won't", Cnd, L),
    ("wouldn't", Cnd, L),
    // Investigation.
    ("whether", Inv, L),
    ("wether", Inv, L),
    ("whether or not", Inv, L),
    ("remains to be seen", Inv, L),
    ("remain to be seen", Inv, L),
    ("yet to be seen", Inv, L),
    ("investigat*", Inv, L),
    ("examin*", Inv, L),
    ("explor*", Inv, L),
    ("weigh*", Inv, L),
    ("mull*", Inv, L),
    ("studying", Inv, L),
    ("talking about", Inv, L),
    // Weasel and vague attribution (news).
    ("some say", Wsl, S),
    ("some have said", Wsl, S),
    ("some argue", Wsl, S),
    ("some believe", Wsl, R),
    ("many believe", Wsl, R),
    ("many say", Wsl, S),
    ("critics say", Wsl, S),
    ("critics said", Wsl, S),
    ("critics have said", Wsl, S),
    ("observers say", Wsl, S),
    ("experts say", Wsl, S),
    ("sources say", Wsl, S),
    ("sources said", Wsl, S),
    ("it BE believed", Wsl, R),
    ("it BE said", Wsl, S),
    ("it BE thought", Wsl, R),
    ("it BE rumored", Wsl, R),
    ("it HAVE been suggested", Wsl, R),
    ("it HAVE been said", Wsl, S),
    ("BE said to", Wsl, S),
    ("widely believed", Wsl, R),
    ("people familiar with the matter", Wsl, S),
    ("people familiar with the discussions", Wsl, S),
    ("people familiar with the plans", Wsl, S),
    ("according to sources", Wsl, S),
    // Unverified (news).
    ("not independently confirm*", Unv, S),
    ("not independently verified", Unv, S),
    ("HAVE not been independently confirm*", Unv, S),
    ("HAVE N'T been independently confirm*", Unv, S),
    ("HAVE N'T been independently verified", Unv, S),
    ("HAVE N'T been confirm*", Unv, S),
    ("HAVE N'T been verified", Unv, S),
    ("could N'T be verified", Unv, S),
    ("could N'T be confirm*", Unv, S),
    ("HAVE not been independently verified", Unv, S),
    ("HAVE not been confirm*", Unv, S),
    ("HAVE not been verified", Unv, S),
    ("HAVE yet to be confirm*", Unv, S),
    ("HAVE yet to be verified", Unv, S),
    ("could not be verified", Unv, S),
    ("could not be independently verified", Unv, S),
    ("could not be confirm*", Unv, S),
    ("could not be independently confirm*", Unv, S),
    ("could not independently verify", Unv, S),
    ("could not independently confirm", Unv, S),
    ("cannot independently verify", Unv, S),
    ("cannot independently confirm", Unv, S),
    ("can't independently verify", Unv, S),
    ("no independent confirmation", Unv, S),
    ("without independent confirmation", Unv, S),
    ("unconfirmed", Unv, L),
    ("unverified", Unv, R),
    ("unsubstantiated", Unv, R),
    // Denial and dismissal (news).
    ("deny", Den, S),
    ("denies", Den, S),
    ("denied", Den, S),
    ("denying", Den, S),
    ("denial*", Den, S),
    ("dismiss*", Den, S),
    ("downplay*", Den, S),
    ("played down", Den, S),
    ("play* down", Den, S),
    ("reject*", Den, S),
    ("refut*", Den, S),
    ("rebuff*", Den, S),
    ("disput*", Den, S),
    ("rule* out", Den, S),
    ("no sign yet", Den, S),
    ("no sign* of", Den, S),
    ("no indication", Den, S),
    ("pushed back on", Den, S),
    // Plans and schedules (news).
    ("BE set to", Pln, S),
    ("BE scheduled for", Pln, S),
    ("BE scheduled to", Pln, S),
    ("BE slated to", Pln, S),
    ("BE slated for", Pln, S),
    ("BE poised to", Pln, S),
    ("plan* to", Pln, S),
    ("BE planning", Pln, S),
    ("intend* to", Pln, S),
    ("upcoming", Pln, S),
    ("plans", Pln, L),
];

const BE: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "'s", "’s", "am",
];
const HAVE: &[&str] = &["have", "has", "had", "having", "'ve", "’ve"];
/// Irregular or unwanted forms left out of `*` expansion; "regarding" and "concerning" are
/// prepositions.
const DENY: &[&str] = &[
    "lookes",
    "feeled",
    "thinked",
    "seeed",
    "regarding",
    "concerning",
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The inflected forms of `base` whose stem is the stem of `base` (and `base` itself).
fn inflect(stemmer: &Stemmer, base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    let b = base.as_bytes();
    let mut cands = vec![
        // "assum*" -> "assume", "speculat*" -> "speculate".
        format!("{base}e"),
        format!("{base}s"),
        format!("{base}es"),
        format!("{base}ed"),
        format!("{base}d"),
        format!("{base}ing"),
    ];
    if let Some(stem) = base.strip_suffix('e') {
        cands.push(format!("{stem}ing"));
        cands.push(format!("{stem}ed"));
    }
    if let Some(stem) = base.strip_suffix('y') {
        cands.push(format!("{stem}ies"));
        cands.push(format!("{stem}ied"));
    }
    if b.len() >= 3 {
        let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
        if !is_vowel(x) && is_vowel(y) && !is_vowel(z) && !matches!(z, b'w' | b'x' | b'y') {
            let c = z as char;
            cands.push(format!("{base}{c}ed"));
            cands.push(format!("{base}{c}ing"));
        }
    }
    let want = stemmer.stem(base).into_owned();
    // A truncated pattern ("speculat*", "estimat*") is the stem of the word with a final "e"
    // ("speculate", stem "specul"): its forms share that stem instead.
    let with_e = format!("{base}e");
    let want_e = stemmer.stem(&with_e).into_owned();
    let want_e = (want_e != with_e).then_some(want_e);
    for c in cands {
        let stem = stemmer.stem(&c);
        let same = stem == want || want_e.as_deref().is_some_and(|w| stem == w);
        if same && !forms.contains(&c) {
            forms.push(c);
        }
    }
    forms
}

/// Every surface form of one pattern, lowercase.
pub fn expand(stemmer: &Stemmer, pattern: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for word in pattern.split(' ') {
        let forms: Vec<String> = match word {
            "BE" => BE.iter().map(|s| s.to_string()).collect(),
            "HAVE" => HAVE.iter().map(|s| s.to_string()).collect(),
            "N'T" => vec!["n't".to_string()],
            w if w.ends_with('*') => {
                let mut f = inflect(stemmer, w.trim_end_matches('*'));
                f.retain(|x| !DENY.contains(&x.as_str()));
                f
            }
            w => vec![w.to_string()],
        };
        let mut next = Vec::with_capacity(out.len() * forms.len());
        for prefix in &out {
            for f in &forms {
                let sep = if prefix.is_empty() || f.starts_with(['\'', '’']) || f == "n't" {
                    ""
                } else {
                    " "
                };
                next.push(format!("{prefix}{sep}{f}"));
            }
        }
        out = next;
    }
    // Hyphen and apostrophe variants.
    let mut variants = Vec::new();
    for s in &out {
        if s.contains(' ') {
            variants.push(s.replace(' ', "-"));
        }
        if s.contains('\'') {
            variants.push(s.replace('\'', "’"));
        }
    }
    out.extend(variants);
    out
}

/// Hash of a word, ASCII-lowercased, with curly apostrophes (U+2018, U+2019) read as `'`.
pub fn word_hash(word: &str) -> u64 {
    word_hash_bytes(word.as_bytes())
}

/// [`word_hash`] of UTF-8 bytes: eight bytes at a time, one multiply per eight bytes.
#[inline]
pub fn word_hash_bytes(b: &[u8]) -> u64 {
    let (h, high, _) = hash_scan(b);
    if high {
        slow_hash(b)
    } else {
        h
    }
}

/// The ASCII hash of `b`, whether it holds a non-ASCII byte, whether it holds a hyphen.
///
/// Eight bytes at a time as one `u64` (SWAR): ASCII capitals lowered with bit arithmetic, the
/// hyphen found with a zero-byte test; the same hash as lowering byte by byte.
#[inline]
pub fn hash_scan(b: &[u8]) -> (u64, bool, bool) {
    hash_scan_at(b, 0, b.len())
}

/// [`hash_scan`] of `text[start..end]`, reading the last partial chunk as one masked eight-byte
/// load from `text` when the text goes on far enough (the same value as zero padding).
#[inline]
pub fn hash_scan_at(text: &[u8], start: usize, end: usize) -> (u64, bool, bool) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let len = end.saturating_sub(start);
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ len as u64;
    let mut or = 0u64;
    let mut hyphen = false;
    let mut at = start;
    while at < end {
        let n = (end - at).min(8);
        let raw = match text
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            Some(full) if n == 8 => u64::from_le_bytes(full),
            Some(full) => u64::from_le_bytes(full) & ((1u64 << (8 * n)) - 1),
            None => text.get(at..at + n).map_or(0, tail),
        };
        or |= raw;
        // Bytes 'A'..='Z' (0x41..=0x5A) get 0x20; bytes >= 0x80 are left alone.
        let heptets = raw & LOW7;
        let ge_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
        let gt_z = heptets.wrapping_add(0x2525_2525_2525_2525);
        let upper = ge_a & !gt_z & !raw & HIGH;
        let v = raw | (upper >> 2);
        // A byte equal to '-' is a zero byte of `raw ^ 0x2d..` (padding bytes never are).
        let x = raw ^ 0x2d2d_2d2d_2d2d_2d2d;
        let nonzero = ((x & LOW7).wrapping_add(LOW7) | x) & HIGH;
        hyphen |= nonzero != HIGH;
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
        at += 8;
    }
    (h, or & HIGH != 0, hyphen)
}

/// Fewer than eight bytes as a zero-padded little-endian `u64`, with two overlapping loads
/// instead of a byte loop (the overlapping bytes are equal, so OR-ing them is exact).
#[inline]
fn tail(c: &[u8]) -> u64 {
    let n = c.len();
    let at = |i: usize| u64::from(c.get(i).copied().unwrap_or(0));
    if n >= 4 {
        let four = |i: usize| {
            c.get(i..i + 4)
                .and_then(|w| <[u8; 4]>::try_from(w).ok())
                .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
        };
        four(0) | (four(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        at(0) | (at(n / 2) << (8 * (n / 2))) | (at(n - 1) << (8 * (n - 1)))
    } else {
        0
    }
}

/// Hash of a word with non-ASCII bytes: curly apostrophes rewritten first.
fn slow_hash(b: &[u8]) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < buf.len() {
        let curly = b[i] == 0xE2
            && b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x98 | 0x99));
        if curly {
            buf[n] = b'\'';
            i += 3;
        } else {
            buf[n] = b[i];
            i += 1;
        }
        n += 1;
    }
    let slice = if i >= b.len() { &buf[..n] } else { b };
    hash_scan(slice).0
}

/// One surface form of a lexicon entry as word hashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sequence {
    /// Hashes of its words ([`word_hash`]), split as the tokenizer splits them.
    pub words: Vec<u64>,
    /// Its entry in [`ENTRIES`].
    pub entry: u32,
}

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Splits a surface form into words as the tokenizer would: at spaces and hyphens, "n't" and
/// "'s"-type clitics apart.
fn form_words(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in form.replace('’', "'").split([' ', '-']) {
        if w.is_empty() {
            continue;
        }
        if let Some(stem) = w.strip_suffix("n't").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("n't".to_string());
        } else if let Some((stem, clitic)) = w
            .split_once('\'')
            .filter(|(s, c)| !s.is_empty() && CLITICS.contains(c))
        {
            out.push(stem.to_string());
            out.push(format!("'{clitic}"));
        } else {
            out.push(w.to_string());
        }
    }
    out
}

/// Range of the sequences that start with each first word hash.
pub type FirstWords = std::collections::HashMap<
    u64,
    (u32, u32),
    std::hash::BuildHasherDefault<super::model::PassThrough>,
>;

/// Every surface form of the lexicon as word-hash sequences grouped by first word (longest
/// first within a group), and the range of each group by first word hash.
pub fn sequences() -> (Vec<Sequence>, FirstWords) {
    let stemmer = stemmer();
    let mut seqs: Vec<Sequence> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, (pattern, _, _)) in ENTRIES.iter().enumerate() {
        for form in expand(&stemmer, pattern) {
            let words: Vec<u64> = form_words(&form).iter().map(|w| word_hash(w)).collect();
            if words.is_empty() || !seen.insert(words.clone()) {
                // The first entry that lists a form keeps it.
                continue;
            }
            seqs.push(Sequence {
                words,
                entry: i as u32,
            });
        }
    }
    seqs.sort_by(|a, b| {
        a.words[0]
            .cmp(&b.words[0])
            .then(b.words.len().cmp(&a.words.len()))
            .then(a.entry.cmp(&b.entry))
    });
    let mut index = std::collections::HashMap::default();
    let mut start = 0;
    for k in 1..=seqs.len() {
        if k == seqs.len() || seqs[k].words[0] != seqs[start].words[0] {
            index.insert(seqs[start].words[0], (start as u32, k as u32));
            start = k;
        }
    }
    (seqs, index)
}

/// The English Snowball stemmer.
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}
