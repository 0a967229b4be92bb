//! The averaged-perceptron model: a table from feature hashes to quantised weight rows, the
//! greedy BILOU decoder, and the trainer used by `examples/train_entities.rs`.
//!
//! File format (little endian): magic `CSNER1\0\0`, `u32` feature count `n`, `f32` scale,
//! then `n` `u64` keys, then `n` rows of 17 `i16` weights (O, then B, I, L, U of each type).

use std::ops::Range;

use super::features::{
    context_features, dynamic_features, intrinsic_features, intrinsic_key, tag_type, Filler,
    TokInfo, Words, NT,
};
use super::gazetteer::HashMapId;

const MAGIC: &[u8; 8] = b"CSNER1\0\0";

/// A loaded model: an open-addressing table split in two parallel arrays so that a lookup
/// that misses (most of them) touches only a compact array of 32-bit fingerprints, which stays
/// in the CPU cache; the weight row is read only on a hit.
///
/// A row keeps the weights of the 16 tags after O less the row's weight of O ([`Row`]): adding
/// the same number to every tag's score changes neither the best tag nor any margin, so the
/// scores come out as the file's less the O score, and a row fills exactly half a cache line
/// (a 17-weight row of 34 bytes straddled two lines one time in two).
#[derive(Debug, Default)]
pub(crate) struct Model {
    /// Upper 32 bits of the key in its slot (never 0), 0 for an empty slot.
    fps: Vec<u32>,
    /// The weight row of each slot.
    rows: Vec<Row>,
    /// The rows whose differences do not fit in 16 bits (a handful), by slot; their [`Row`]
    /// holds [`WIDE`] first.
    wide: Vec<(usize, [i32; NT - 1])>,
    mask: usize,
    len: usize,
    /// A number that identifies this loaded model in the process (0 for an empty model).
    id: u64,
}

/// The weights of tags 1..17 of a feature less its weight of tag 0 (O), aligned so that a row
/// never straddles two cache lines.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(32))]
struct Row([i16; NT - 1]);

/// First weight of a [`Row`] kept in [`Model::wide`] (no difference that fits is this low).
const WIDE: i16 = i16::MIN;

/// The source of [`Model::id`].
static MODEL_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn read_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The fingerprint of a key (its upper half, never 0).
#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

impl Model {
    /// Parses a model file; an empty or malformed file gives an empty model (tags nothing).
    pub(crate) fn parse(bytes: &[u8]) -> Model {
        Self::try_parse(bytes).unwrap_or_default()
    }

    fn try_parse(b: &[u8]) -> Option<Model> {
        if b.get(..8)? != MAGIC {
            return None;
        }
        let n = read_u32(b, 8)? as usize;
        let keys_at = 16;
        let rows_at = keys_at + 8 * n;
        if b.len() < rows_at + n * NT * 2 {
            return None;
        }
        // Load factor at most 2/3: a probe run stays within a cache line or two of
        // fingerprints.
        let cap = (n + n / 2 + 1).next_power_of_two().max(16);
        let mut m = Model {
            fps: vec![0; cap],
            rows: vec![Row::default(); cap],
            wide: Vec::new(),
            mask: cap - 1,
            len: n,
            id: MODEL_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        let keys = b[keys_at..rows_at].chunks_exact(8);
        let rows = b[rows_at..rows_at + n * NT * 2].chunks_exact(NT * 2);
        for (kb, row) in keys.zip(rows) {
            let key = u64::from_le_bytes(kb.try_into().ok()?);
            if key == 0 {
                continue;
            }
            let mut w = [0i32; NT];
            for (x, c) in w.iter_mut().zip(row.chunks_exact(2)) {
                *x = i16::from_le_bytes([c[0], c[1]]) as i32;
            }
            let mut d = [0i32; NT - 1];
            for (x, &y) in d.iter_mut().zip(&w[1..]) {
                *x = y - w[0];
            }
            let mut slot = key as usize & m.mask;
            while m.fps[slot] != 0 {
                slot = (slot + 1) & m.mask;
            }
            m.fps[slot] = fingerprint(key);
            let mut r = [0i16; NT - 1];
            for (x, &y) in r.iter_mut().zip(&d) {
                *x = i16::try_from(y).unwrap_or(WIDE);
            }
            if r.contains(&WIDE) {
                r[0] = WIDE;
                m.wide.push((slot, d));
            }
            m.rows[slot] = Row(r);
        }
        Some(m)
    }

    /// True when the model has no features.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The slot holding `key`, if any, given `home`: the fingerprint in the key's home slot
    /// (read beforehand, see [`Model::add`]).
    #[inline]
    fn slot(&self, key: u64, home: u32) -> Option<usize> {
        let fp = fingerprint(key);
        let mut slot = key as usize & self.mask;
        let mut s = home;
        loop {
            if s == fp {
                return Some(slot);
            }
            if s == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
            s = *self.fps.get(slot)?;
        }
    }

    /// Adds the weights of `feats` to `scores`, less their weights of O: `scores[0]` stays as
    /// it is and the others get the differences (see [`Model`]).
    ///
    /// In three passes over each chunk of features: the first reads the fingerprint in each
    /// feature's home slot, the second finds the slots, the third sums the rows found. The
    /// loads of the first and the third pass, which mostly miss the cache, depend on no branch
    /// and on no other load, so the processor overlaps them.
    #[inline]
    pub(crate) fn add(&self, feats: &[u64], scores: &mut [i32; NT]) {
        const CHUNK: usize = 64;
        let mut homes = [0u32; CHUNK];
        let mut hits = [0usize; CHUNK];
        let mut sum = [0i32; NT - 1];
        for chunk in feats.chunks(CHUNK) {
            for (h, &f) in homes.iter_mut().zip(chunk) {
                *h = self.fps.get(f as usize & self.mask).copied().unwrap_or(0);
            }
            let mut n = 0;
            for (&f, &home) in chunk.iter().zip(&homes) {
                if f == 0 {
                    continue;
                }
                if let (Some(s), Some(h)) = (self.slot(f, home), hits.get_mut(n)) {
                    *h = s;
                    n += 1;
                }
            }
            for &s in hits.get(..n).unwrap_or(&[]) {
                let Some(Row(w)) = self.rows.get(s) else {
                    continue;
                };
                if w[0] == WIDE {
                    if let Some((_, d)) = self.wide.iter().find(|x| x.0 == s) {
                        for (a, &x) in sum.iter_mut().zip(d) {
                            *a += x;
                        }
                    }
                    continue;
                }
                for (a, &x) in sum.iter_mut().zip(w) {
                    *a += x as i32;
                }
            }
        }
        for (a, x) in scores[1..].iter_mut().zip(sum) {
            *a += x;
        }
    }
}

/// Something that scores feature lists: the loaded model or the trainer's weights.
pub(crate) trait Scorer {
    /// Scores of every tag for `feats`, up to a number added to all of them (which changes
    /// neither the best tag nor a margin).
    fn scores(&self, feats: &[u64]) -> [f32; NT];
    /// The scores of the token-only features of `me` (whose text is `word`); the default
    /// appends those features to `feats` instead (to be scored with the rest) and returns
    /// zeros.
    fn intrinsic(&mut self, me: &TokInfo, word: &str, feats: &mut Vec<u64>) -> [i32; NT] {
        intrinsic_features(me, word, feats);
        [0; NT]
    }
    /// Learns from a mistake (training only).
    fn learn(&mut self, _feats: &[u64], _gold: u8, _pred: u8) {}
    /// Counts one scored token (training only).
    fn tick(&mut self) {}
}

/// The loaded model as a [`Scorer`], with a cache of the token-only scores of each word form
/// (names and sentence-initial words repeat, within a document and across documents).
pub(crate) struct Frozen<'a> {
    model: &'a Model,
    cache: &'a mut ScoreCache,
    scratch: &'a mut Vec<u64>,
}

/// A direct-mapped cache of the token-only scores of [`Frozen`], keyed by
/// [`intrinsic_key`]: a key's slot holds the last key that went there. A hit gives the scores
/// the features would give, so what the cache keeps changes only the speed. Each lookup
/// touches one compact array of keys and, on a hit, one cache line of scores (a general hash
/// map of 80-byte entries touched two lines and grew to megabytes).
#[derive(Default)]
pub(crate) struct ScoreCache {
    /// The key in each slot (0: empty).
    keys: Vec<u64>,
    /// The scores of tags 1..17 in each slot (the score of O is 0, see [`Model::add`]).
    rows: Vec<CachedScores>,
}

/// The scores of one cache slot, on a cache line of their own.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct CachedScores([i32; NT - 1]);

/// Number of slots of a [`ScoreCache`] (a power of two).
const CACHE_SLOTS: usize = 1 << 14;

impl ScoreCache {
    /// Empties the cache, allocating it on first use.
    fn reset(&mut self) {
        self.keys.clear();
        self.keys.resize(CACHE_SLOTS, 0);
        self.rows.resize(CACHE_SLOTS, CachedScores::default());
    }

    /// The slot of `key`, from its top bits.
    #[inline]
    fn slot(key: u64) -> usize {
        (key >> (64 - CACHE_SLOTS.trailing_zeros())) as usize
    }

    /// The scores cached for `key`.
    #[inline]
    fn get(&self, key: u64) -> Option<[i32; NT]> {
        let i = Self::slot(key);
        if key == 0 || self.keys.get(i) != Some(&key) {
            return None;
        }
        let row = self.rows.get(i)?;
        let mut s = [0i32; NT];
        s[1..].copy_from_slice(&row.0);
        Some(s)
    }

    /// Caches the scores `s` of `key` (whose O score is 0); nothing when the cache was never
    /// allocated.
    #[inline]
    fn insert(&mut self, key: u64, s: &[i32; NT]) {
        let i = Self::slot(key);
        if let (Some(k), Some(row)) = (self.keys.get_mut(i), self.rows.get_mut(i)) {
            *k = key;
            row.0.copy_from_slice(&s[1..]);
        }
    }
}

/// The cache of [`Frozen`] and its scratch buffer, kept between the documents a thread tags.
#[derive(Default)]
struct IntrinsicCache {
    /// [`Model::id`] of the model the scores come from.
    model: u64,
    map: ScoreCache,
    scratch: Vec<u64>,
}

thread_local! {
    static CACHE: std::cell::RefCell<IntrinsicCache> = std::cell::RefCell::new(IntrinsicCache::default());
}

/// Runs `f` with a [`Frozen`] scorer over `model` (its cache kept from the thread's earlier
/// documents when they used the same model).
pub(crate) fn with_frozen<R>(model: &Model, f: impl FnOnce(&mut Frozen<'_>) -> R) -> R {
    CACHE.with(|c| match c.try_borrow_mut() {
        Ok(mut c) => {
            let c = &mut *c;
            if c.model != model.id || c.map.keys.is_empty() {
                c.map.reset();
                c.model = model.id;
            }
            f(&mut Frozen {
                model,
                cache: &mut c.map,
                scratch: &mut c.scratch,
            })
        }
        Err(_) => f(&mut Frozen {
            model,
            cache: &mut ScoreCache::default(),
            scratch: &mut Vec::new(),
        }),
    })
}

impl Scorer for Frozen<'_> {
    #[inline]
    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let mut s = [0i32; NT];
        self.model.add(feats, &mut s);
        s.map(|x| x as f32)
    }

    #[inline]
    fn intrinsic(&mut self, me: &TokInfo, word: &str, _feats: &mut Vec<u64>) -> [i32; NT] {
        let key = intrinsic_key(me);
        if let Some(s) = self.cache.get(key) {
            return s;
        }
        self.scratch.clear();
        intrinsic_features(me, word, self.scratch);
        let mut s = [0i32; NT];
        self.model.add(self.scratch, &mut s);
        self.cache.insert(key, &s);
        s
    }
}

/// Per-document tagging history: the type last given to each word, with a bit filter in front
/// of the map (most scored words were not tagged before in the document).
#[derive(Default)]
pub(crate) struct History {
    filter: [u64; 8],
    map: HashMapId<u8>,
}

impl History {
    #[inline]
    fn bit(word: u64) -> (usize, u64) {
        let b = (word >> 40) as usize & 511;
        (b / 64, 1 << (b % 64))
    }

    /// 0 when `word` was never tagged, 1 + its last type otherwise.
    #[inline]
    fn get(&self, word: u64) -> u8 {
        let (w, m) = Self::bit(word);
        if self.filter.get(w).is_some_and(|x| x & m != 0) {
            self.map.get(&word).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// Records the type `ty` (0..4) given to `word`.
    #[inline]
    fn insert(&mut self, word: u64, ty: u8) {
        let (w, m) = Self::bit(word);
        if let Some(x) = self.filter.get_mut(w) {
            *x |= m;
        }
        self.map.insert(word, ty + 1);
    }
}

/// The tags that may follow each tag (bit `t` for tag `t`), anywhere but on a sentence's last
/// token (`features::allowed` as bit masks).
const FOLLOW: [u32; NT] = follow_masks(false);
/// The same on a sentence's last token.
const FOLLOW_LAST: [u32; NT] = follow_masks(true);

const fn follow_masks(last: bool) -> [u32; NT] {
    let mut out = [0u32; NT];
    let mut prev = 0;
    while prev < NT {
        let mut tag = 0;
        while tag < NT {
            let open = prev != 0 && (prev - 1) % 4 <= 1;
            let ok = if open {
                tag != 0 && (tag - 1) / 4 == (prev - 1) / 4 && matches!((tag - 1) % 4, 1 | 2)
            } else {
                tag == 0 || matches!((tag - 1) % 4, 0 | 3)
            };
            if ok && !(last && tag != 0 && (tag - 1) % 4 <= 1) {
                out[prev] |= 1 << tag;
            }
            tag += 1;
        }
        prev += 1;
    }
    out
}

/// Greedy left-to-right BILOU tagging of one sentence; writes tags into `tags[r]` and returns
/// nothing. `feats` is a scratch buffer. `margins[i]` gets the winning margin. With `gold`
/// tags, the scorer learns from each mistake. With `filler`, the tokens scored and their
/// neighbours are filled in on the way (they are not yet). `words` is the text of the tokens.
#[allow(clippy::too_many_arguments)]
pub(crate) fn tag_sentence<S: Scorer>(
    model: &mut S,
    toks: &mut [TokInfo],
    words: &Words<'_>,
    filler: Option<&Filler<'_>>,
    r: Range<usize>,
    tags: &mut [u8],
    margins: &mut [f32],
    hist: &mut History,
    feats: &mut Vec<u64>,
    gold: Option<&[u8]>,
) {
    let (mut p1, mut p2) = (0u8, 0u8);
    for i in r.clone() {
        let last = i + 1 == r.end;
        let table = if last { &FOLLOW_LAST } else { &FOLLOW };
        let follows = |prev: u8| table.get(prev as usize).copied().unwrap_or(0);
        let open = p1 != 0 && super::features::tag_pos(p1) <= 1;
        if !open && toks[i].never_starts() {
            tags[i] = 0;
            margins[i] = f32::INFINITY;
            p2 = p1;
            p1 = 0;
            continue;
        }
        if let Some(filler) = filler {
            let from = i.max(r.start + 1) - 1;
            for (j, t) in toks
                .iter_mut()
                .enumerate()
                .take((i + 2).min(r.end))
                .skip(from)
            {
                filler.fill(j, t);
            }
        }
        let toks = &*toks;
        let me = &toks[i];
        feats.clear();
        let base = model.intrinsic(me, words.get(i), feats);
        context_features(toks, &r, i, feats);
        let h = hist.get(me.lower);
        dynamic_features(me, p1, p2, h, feats);
        let mut scores = model.scores(feats);
        for (s, b) in scores.iter_mut().zip(base) {
            *s += b as f32;
        }
        if open && i > r.start {
            // Greedy repair: when the model prefers to end the open entity before this token
            // rather than continue it, close it (B -> U, I -> L).
            let closed = if super::features::tag_pos(p1) == 0 {
                p1 + 3
            } else {
                p1 + 1
            };
            let top = |prev: u8| {
                let mut m = follows(prev);
                let mut best = f32::NEG_INFINITY;
                while m != 0 {
                    best = best.max(scores[m.trailing_zeros() as usize]);
                    m &= m - 1;
                }
                best
            };
            if top(closed) > top(p1) {
                tags[i - 1] = closed;
                p1 = closed;
            }
        }
        let mut best = 0u8;
        let mut best_s = f32::NEG_INFINITY;
        let mut second = f32::NEG_INFINITY;
        let mut m = follows(p1);
        while m != 0 {
            let t = m.trailing_zeros() as usize;
            m &= m - 1;
            let s = scores[t];
            if s > best_s {
                second = best_s;
                best_s = s;
                best = t as u8;
            } else if s > second {
                second = s;
            }
        }
        if let Some(g) = gold {
            let gt = g.get(i).copied().unwrap_or(0);
            if gt != best {
                model.learn(feats, gt, best);
            }
            model.tick();
        }
        tags[i] = best;
        margins[i] = best_s - second;
        if let Some(ty) = tag_type(best) {
            hist.insert(me.lower, ty);
        }
        p2 = p1;
        p1 = best;
    }
}

/// Averaged-perceptron weights being trained.
#[derive(Debug, Default)]
pub(crate) struct Weights {
    index: HashMapId<u32>,
    w: Vec<[f32; NT]>,
    u: Vec<[f32; NT]>,
    /// Update counter.
    pub c: f32,
}

impl Scorer for Weights {
    fn learn(&mut self, feats: &[u64], gold: u8, pred: u8) {
        self.update(feats, gold, pred);
    }
    fn tick(&mut self) {
        self.c += 1.0;
    }
    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let mut s = [0f32; NT];
        for f in feats {
            if let Some(&k) = self.index.get(f) {
                for (a, b) in s.iter_mut().zip(self.w[k as usize].iter()) {
                    *a += b;
                }
            }
        }
        s
    }
}

impl Weights {
    /// Perceptron update: reward `gold`, penalise `pred`.
    fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        let c = self.c;
        for &f in feats {
            let n = self.w.len() as u32;
            let k = *self.index.entry(f).or_insert(n) as usize;
            if k == self.w.len() {
                self.w.push([0.0; NT]);
                self.u.push([0.0; NT]);
            }
            self.w[k][gold as usize] += 1.0;
            self.w[k][pred as usize] -= 1.0;
            self.u[k][gold as usize] += c;
            self.u[k][pred as usize] -= c;
        }
    }

    /// The averaged weights of one feature row (`k` is its index).
    fn averaged(&self, k: usize) -> [f32; NT] {
        let c = self.c.max(1.0);
        let mut avg = [0f32; NT];
        for (t, a) in avg.iter_mut().enumerate() {
            *a = self.w[k][t] - self.u[k][t] / c;
        }
        avg
    }

    /// Adds the averaged weights to `sum` (one row per feature key), for bagging.
    pub(crate) fn add_averaged_to(&self, sum: &mut HashMapId<[f32; NT]>) {
        for (&key, &k) in &self.index {
            let avg = self.averaged(k as usize);
            let row = sum.entry(key).or_insert([0.0; NT]);
            for (s, a) in row.iter_mut().zip(avg) {
                *s += a;
            }
        }
    }

    /// The averaged weights, pruned (rows whose largest weight is below `min` dropped) and
    /// quantised into the model file format.
    pub(crate) fn export(&self, min: f32) -> Vec<u8> {
        let rows = self
            .index
            .iter()
            .map(|(&key, &k)| (key, self.averaged(k as usize)));
        export_rows(rows, min)
    }
}

/// Prunes weight rows (rows whose largest weight is below `min` dropped) and quantises them
/// into the model file format.
pub(crate) fn export_rows(all: impl Iterator<Item = (u64, [f32; NT])>, min: f32) -> Vec<u8> {
    let mut rows: Vec<(u64, [f32; NT])> = Vec::new();
    for (key, avg) in all {
        let max = avg.iter().fold(0f32, |m, x| m.max(x.abs()));
        if max >= min {
            rows.push((key, avg));
        }
    }
    rows.sort_by_key(|r| r.0);
    let top = rows
        .iter()
        .flat_map(|r| r.1.iter())
        .fold(0f32, |m, x| m.max(x.abs()))
        .max(1e-6);
    let scale = top / 32000.0;
    let mut out = Vec::with_capacity(16 + rows.len() * (8 + NT * 2));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for r in &rows {
        out.extend_from_slice(&r.0.to_le_bytes());
    }
    for r in &rows {
        for x in r.1 {
            let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::allowed;
    use super::*;

    #[test]
    fn follow_masks_match_the_bilou_constraints() {
        for prev in 0..NT as u8 {
            for tag in 0..NT as u8 {
                for last in [false, true] {
                    let table = if last { &FOLLOW_LAST } else { &FOLLOW };
                    let bit = table[prev as usize] & (1 << tag) != 0;
                    assert_eq!(
                        bit,
                        allowed(prev, tag, last),
                        "{prev} -> {tag}, last {last}"
                    );
                }
            }
        }
        // O may start a sentence's last token; B-PER may not; after B-PER only I/L-PER.
        assert!(FOLLOW_LAST[0] & 1 != 0);
        assert!(FOLLOW_LAST[0] & (1 << 1) == 0);
        assert_eq!(FOLLOW[1], (1 << 2) | (1 << 3));
    }

    /// A model file of `rows` (key, 17 weights).
    fn model_file(rows: &[(u64, [i16; NT])]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        b.extend_from_slice(&1f32.to_le_bytes());
        for r in rows {
            b.extend_from_slice(&r.0.to_le_bytes());
        }
        for r in rows {
            for x in r.1 {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        b
    }

    #[test]
    fn loaded_rows_score_like_the_file_less_the_o_weight() {
        let mut a = [0i16; NT];
        let mut b = [0i16; NT];
        for t in 0..NT {
            // Computed in i32: 15 * 3000 overflows i16 (a debug build checks).
            a[t] = i16::try_from(t as i32 * 100 - 700).unwrap_or(0);
            b[t] = i16::try_from(31000 - t as i32 * 3000).unwrap_or(0);
        }
        // Differences beyond 16 bits: 32000 - (-32000) for tag 5, -32000 - 32000 for tag 9.
        let mut wide = [0i16; NT];
        wide[0] = -32000;
        wide[5] = 32000;
        let mut wide2 = [0i16; NT];
        wide2[0] = 32000;
        wide2[9] = -32000;
        let (ka, kb, kw, kw2) = (0x1234_5678_9abc_def0, 0x0fed_cba9_8765_4321, 77 << 32, 5);
        let m = Model::parse(&model_file(&[(ka, a), (kb, b), (kw, wide), (kw2, wide2)]));
        let mut want = [0i32; NT];
        for row in [a, b, wide, wide2] {
            for t in 0..NT {
                want[t] += row[t] as i32 - row[0] as i32;
            }
        }
        let mut got = [0i32; NT];
        // Keys not in the model (and 0, no feature) add nothing.
        m.add(&[ka, 0, 999, kb, kw, kw2, 0xdead_beef_0000_0001], &mut got);
        assert_eq!(got, want);
        assert_eq!(got[5], 500 - 15000 + 64000 - 32000);
        assert_eq!(got[0], 0);
        // More features than one pass of the lookup takes (64) sum alike.
        let many: Vec<u64> = std::iter::repeat_n([ka, kb], 50).flatten().collect();
        let mut got = [0i32; NT];
        m.add(&many, &mut got);
        for t in 0..NT {
            let d = |r: [i16; NT]| r[t] as i32 - r[0] as i32;
            assert_eq!(got[t], 50 * (d(a) + d(b)));
        }
    }

    #[test]
    fn score_cache_gives_back_the_last_scores_of_a_key() {
        let mut s = [0i32; NT];
        for (t, x) in s.iter_mut().enumerate().skip(1) {
            *x = t as i32 * 1000 - 9000;
        }
        // A cache never allocated keeps nothing.
        let mut c = ScoreCache::default();
        c.insert(42 << 50, &s);
        assert_eq!(c.get(42 << 50), None);
        c.reset();
        let (a, b) = (42 << 50, (42 << 50) | 7);
        assert_eq!(c.get(a), None);
        c.insert(a, &s);
        assert_eq!(c.get(a), Some(s));
        // Same slot, other key: it replaces the first.
        let mut s2 = s;
        s2[3] = 1;
        c.insert(b, &s2);
        assert_eq!(c.get(b), Some(s2));
        assert_eq!(c.get(a), None);
        // The key 0 marks an empty slot and never hits.
        c.insert(0, &s);
        assert_eq!(c.get(0), None);
        c.reset();
        assert_eq!(c.get(b), None);
    }

    #[test]
    fn history_remembers_the_last_type_of_a_word() {
        let mut h = History::default();
        assert_eq!(h.get(12345 << 40), 0);
        h.insert(12345 << 40, 2);
        h.insert(777, 0);
        assert_eq!(h.get(12345 << 40), 3);
        assert_eq!(h.get(777), 1);
        h.insert(777, 3);
        assert_eq!(h.get(777), 4);
        assert_eq!(h.get(778), 0);
    }
}
