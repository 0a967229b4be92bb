//! Hand-written gazetteers (`gazetteer.txt`): countries, places, demonyms, organisations, media
//! outlets, government bodies, organisation suffixes, titles, month and day names, role nouns and
//! given names with gender.
//!
//! Entries are tokenised with the pipeline's tokenizer and keyed by the hash of their lowercased
//! token sequence, so a lookup is one hash per token.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use claimsheet_ingest::Span;

use crate::segment::{tokenize, Sentence};

use super::features::{flag, hash_lower, hash_seq, mix, Bloom, TokInfo};

/// A hasher for keys that already are hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by precomputed hashes.
pub(crate) type HashMapId<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A fixed set of words for exact (case-sensitive) lookups: one hash and one comparison per
/// lookup, where a binary search of a sorted list compares strings about ten times. The rules
/// after tagging consult these lists around every name.
#[derive(Debug, Default)]
pub(crate) struct WordSet(HashMapId<&'static str>);

/// Hash of the exact bytes of a word (the key of [`WordSet`]).
#[inline]
fn hash_exact(bytes: &[u8]) -> u64 {
    let mut h = mix(0x2545_f491_4f6c_dd1d, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    mix(h, u64::from_le_bytes(last))
}

impl WordSet {
    /// The set of `words`.
    pub(crate) fn new(words: &[&'static str]) -> Self {
        let mut map = HashMapId::with_capacity_and_hasher(words.len(), Default::default());
        for &w in words {
            map.insert(hash_exact(w.as_bytes()), w);
        }
        WordSet(map)
    }

    /// True when `w` is in the set.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.0
            .get(&hash_exact(w.as_bytes()))
            .is_some_and(|&x| x == w)
    }
}

/// Gazetteer categories (bits of [`TokInfo::gaz`]).
pub(crate) mod cat {
    /// First token of a place name.
    pub const LOC_B: u32 = 1;
    /// Later token of a place name.
    pub const LOC_I: u32 = 1 << 1;
    /// A country.
    pub const COUNTRY: u32 = 1 << 2;
    /// A city.
    pub const CITY: u32 = 1 << 3;
    /// First token of a demonym.
    pub const DEM_B: u32 = 1 << 4;
    /// Later token of a demonym.
    pub const DEM_I: u32 = 1 << 5;
    /// Male given name.
    pub const FIRST_M: u32 = 1 << 6;
    /// Female given name.
    pub const FIRST_F: u32 = 1 << 7;
    /// First token of an organisation.
    pub const ORG_B: u32 = 1 << 8;
    /// Later token of an organisation.
    pub const ORG_I: u32 = 1 << 9;
    /// Media outlet.
    pub const MEDIA: u32 = 1 << 10;
    /// Government body.
    pub const GOV: u32 = 1 << 11;
    /// Organisation suffix word ("Inc", "Ministry").
    pub const ORG_SUFFIX: u32 = 1 << 12;
    /// Title ("Mr", "President").
    pub const TITLE: u32 = 1 << 13;
    /// Month or day name.
    pub const TEMPORAL: u32 = 1 << 14;
    /// Role noun ("leader", "ambassador").
    pub const ROLE: u32 = 1 << 15;
    /// First token of a name seen in the training data as PER (then ORG, LOC, MISC: shifted
    /// by 2 bits per type).
    pub const TR_B: u32 = 1 << 16;
    /// Later token of a name seen in the training data as PER (see [`TR_B`]).
    pub const TR_I: u32 = 1 << 17;

    /// Categories of whole names (matched on capitalised token sequences).
    pub const NAMES: u32 = LOC_B | COUNTRY | CITY | DEM_B | ORG_B | MEDIA | GOV;
    /// East Asian family name, written first ("Kim", "Xi").
    pub const FAMILY_FIRST: u32 = 1 << 24;
    /// The token sequence begins a longer listed name (so a longer match is worth trying).
    pub const PREFIX: u32 = 1 << 30;

    /// Categories of single words (matched on every word token).
    pub const WORDS: u32 = FIRST_M | FIRST_F | ORG_SUFFIX | TITLE | TEMPORAL | ROLE | FAMILY_FIRST;
}

const DATA: &str = include_str!("gazetteer.txt");
/// Names found in the training data, one a line: type letter (P, O, L, M), tab, name.
const LEARNED: &str = include_str!("../../models/entities-names.txt");
const MAX_LEN: usize = 5;

/// The loaded gazetteers.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Token-sequence hash -> category bits (name categories as B bits).
    map: HashMapId<u32>,
    /// The keys of `map`, as a filter that answers most misses without probing the map.
    filter: Bloom,
    /// Demonym token-sequence hash -> its place.
    places: HashMapId<&'static str>,
    /// Names from the training data: token-sequence hash -> type (0..4), or [`PREFIX_ONLY`]
    /// for a sequence that only begins longer names.
    learned: HashMapId<u8>,
}

/// Value of [`Gazetteer::learned`] for a token sequence that only begins longer names.
const PREFIX_ONLY: u8 = u8::MAX;

/// Hashes of the proper prefixes (1 to n - 1 tokens) of the token sequence of `s`, for names
/// of at most [`MAX_LEN`] tokens.
pub(crate) fn prefix_keys(s: &str) -> Vec<u64> {
    let mut toks = Vec::new();
    tokenize(s, Span::new(0, s.len()), &mut toks);
    if toks.len() > MAX_LEN {
        return Vec::new();
    }
    let mut h = 0;
    let mut out = Vec::new();
    for t in toks.iter().take(toks.len().saturating_sub(1)) {
        h = hash_seq(h, hash_lower(t.span.slice(s).as_bytes()));
        out.push(h);
    }
    out
}

/// Hash of the lowercased token sequence of `s` (tokenised like article text).
pub(crate) fn key_of(s: &str) -> Option<(u64, usize)> {
    let mut toks = Vec::new();
    tokenize(s, Span::new(0, s.len()), &mut toks);
    let mut h = 0;
    for t in &toks {
        h = hash_seq(h, hash_lower(t.span.slice(s).as_bytes()));
    }
    (!toks.is_empty() && toks.len() <= MAX_LEN).then_some((h, toks.len()))
}

impl Gazetteer {
    /// Parses the built-in lists and the names learned from the training data.
    pub(crate) fn load() -> Self {
        Self::load_with(LEARNED)
    }

    /// Parses the built-in lists and the learned names in `names` (the format of
    /// `models/entities-names.txt`).
    pub(crate) fn load_with(names: &str) -> Self {
        let mut g = Self::load_hand();
        for line in names.lines() {
            let Some((t, name)) = line.split_once('\t') else {
                continue;
            };
            let ty = match t {
                "P" => 0,
                "O" => 1,
                "L" => 2,
                "M" => 3,
                _ => continue,
            };
            if let Some((h, _)) = key_of(name) {
                g.learned.insert(h, ty);
                g.add_learned_prefixes(&prefix_keys(name));
            }
        }
        g
    }

    /// Marks `keys` as beginnings of learned names (keeps names already there).
    pub(crate) fn add_learned_prefixes(&mut self, keys: &[u64]) {
        for &k in keys {
            self.learned.entry(k).or_insert(PREFIX_ONLY);
        }
    }

    /// A copy of the hand lists with `learned` names (token-sequence hash, type 0..4).
    pub(crate) fn with_learned(&self, learned: HashMapId<u8>) -> Self {
        Gazetteer {
            map: self.map.clone(),
            filter: self.filter.clone(),
            places: self.places.clone(),
            learned,
        }
    }

    /// Parses the hand-written lists only.
    pub(crate) fn load_hand() -> Self {
        let mut g = Gazetteer::default();
        let mut section = 0u32;
        for line in DATA.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "country" => cat::COUNTRY | cat::LOC_B,
                    "loc" => cat::LOC_B,
                    "city" => cat::CITY | cat::LOC_B,
                    "demonym" => cat::DEM_B,
                    "org" => cat::ORG_B,
                    "media" => cat::MEDIA | cat::ORG_B,
                    "government" => cat::GOV | cat::ORG_B,
                    "org_suffix" => cat::ORG_SUFFIX,
                    "title" => cat::TITLE,
                    "temporal" => cat::TEMPORAL,
                    "role" => cat::ROLE,
                    "first_male" => cat::FIRST_M,
                    "first_female" => cat::FIRST_F,
                    "family_first" => cat::FAMILY_FIRST,
                    _ => 0,
                };
                continue;
            }
            let (name, place) = match line.split_once('|') {
                Some((a, b)) => (a, Some(b)),
                None => (line, None),
            };
            if let Some((h, _)) = key_of(name) {
                *g.map.entry(h).or_default() |= section;
                for p in prefix_keys(name) {
                    *g.map.entry(p).or_default() |= cat::PREFIX;
                }
                if let Some(p) = place {
                    g.places.insert(h, p);
                }
            }
        }
        for &k in g.map.keys() {
            g.filter.insert(k);
        }
        g
    }

    /// Category bits of a token-sequence hash.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> u32 {
        if !self.filter.may_contain(key) {
            return 0;
        }
        self.map.get(&key).copied().unwrap_or(0)
    }

    /// The place a demonym names ("North Korean" -> "North Korea").
    pub(crate) fn place_of(&self, key: u64) -> Option<&'static str> {
        self.places.get(&key).copied()
    }
}

/// Sets the gazetteer bits of every token.
pub(crate) fn mark(g: &Gazetteer, sentences: &[Sentence], toks: &mut [TokInfo]) {
    for s in sentences {
        let end = s.tokens.end.min(toks.len());
        let mut i = s.tokens.start;
        while i < end {
            let f = toks[i].flags;
            let first = hash_seq(0, toks[i].lower);
            let own = if f & flag::PUNCT == 0 {
                let c = g.get(first);
                toks[i].gaz |= c & cat::WORDS;
                c
            } else {
                0
            };
            if f & (flag::CAP | flag::ALLCAPS | flag::DIGIT) == 0 {
                i += 1;
                continue;
            }
            // Longest name match starting here (stop when no listed name goes on).
            let mut h = first;
            let mut c = if f & flag::PUNCT == 0 {
                own
            } else {
                g.get(first)
            };
            let mut best = (0, 0u32);
            let mut n = 1;
            loop {
                if c & cat::NAMES != 0 {
                    best = (n, c & cat::NAMES);
                }
                if c & cat::PREFIX == 0 || n >= MAX_LEN || i + n >= end {
                    break;
                }
                h = hash_seq(h, toks[i + n].lower);
                c = g.get(h);
                n += 1;
            }
            // Longest learned name starting here.
            if !g.learned.is_empty() {
                let mut h = first;
                let mut lbest = (0, 0u8);
                let mut n = 1;
                while let Some(&t) = g.learned.get(&h) {
                    if t != PREFIX_ONLY {
                        lbest = (n, t);
                    }
                    if n >= MAX_LEN || i + n >= end {
                        break;
                    }
                    h = hash_seq(h, toks[i + n].lower);
                    n += 1;
                }
                if lbest.0 > 0 {
                    let shift = 2 * lbest.1 as u32;
                    toks[i].gaz |= cat::TR_B << shift;
                    for t in toks.iter_mut().take(i + lbest.0).skip(i + 1) {
                        t.gaz |= cat::TR_I << shift;
                    }
                }
            }
            let (len, c) = best;
            if len == 0 {
                i += 1;
                continue;
            }
            let inside = (if c & cat::LOC_B != 0 { cat::LOC_I } else { 0 })
                | (if c & cat::DEM_B != 0 { cat::DEM_I } else { 0 })
                | (if c & cat::ORG_B != 0 { cat::ORG_I } else { 0 });
            toks[i].gaz |= c;
            for t in toks.iter_mut().take(i + len).skip(i + 1) {
                t.gaz |= inside | (c & (cat::MEDIA | cat::GOV | cat::COUNTRY | cat::CITY));
            }
            i += len;
        }
    }
}
