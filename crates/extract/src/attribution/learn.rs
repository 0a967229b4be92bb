//! Training of the attribution models (used by `examples/train_attribution.rs`).
//!
//! Input: articles with gold attributions (byte spans). Output: the cue lexicon text and the
//! model bytes that [`super::AttributionTagger::from_parts`] reads.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use claimsheet_ingest::Span;
use rust_stemmers::{Algorithm, Stemmer};

use super::model::{
    self, argmax, token_range, CueCtx, Lexicon, TokView, Trainer, CUE_TAGS, ROLE_TAGS, R_CB, R_CI,
    R_O, R_SB, R_SI,
};
use crate::segment::TokenKind;
use crate::Doc;

/// One gold attribution, in byte spans.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// Cue fragments.
    pub cue: Vec<Span>,
    /// Source fragments.
    pub source: Vec<Span>,
    /// Content fragments.
    pub content: Vec<Span>,
}

/// Builds the cue lexicon: every word form of the training text whose Snowball stem is the stem
/// of at least `min_count` gold cue words, and of cue words in at least `min_ratio` of its
/// occurrences. Returns `form<TAB>lemma id<TAB>cue ratio per mille` lines (ids from 1, in stem
/// order).
///
/// With `classes` (feature set 2) the text opens with [`model::CLASSES_HEADER`], and forms of
/// the hand-written predicate classes ([`model::predicates`]) whose stem is seen at least
/// [`KNOWN_MIN`] times in training but is no strong cue get a line with lemma id 0: the
/// training text says they are rarely cues, so they lose their class (which is meant for words
/// the training data says little about).
pub fn build_lexicon(
    docs: &[(Doc<'_>, Vec<GoldAttribution>)],
    min_count: usize,
    min_ratio: f64,
    classes: bool,
) -> String {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut total: HashMap<String, usize> = HashMap::new();
    let mut cue: HashMap<String, usize> = HashMap::new();
    let mut forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (doc, gold) in docs {
        let mut in_cue = vec![false; doc.tokens.len()];
        for g in gold {
            for s in &g.cue {
                if let Some((a, b)) = token_range(doc, *s) {
                    in_cue[a..b].iter_mut().for_each(|x| *x = true);
                }
            }
        }
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.span.slice(doc.text).to_lowercase();
            if w.len() > 32 {
                continue;
            }
            let stem = stemmer.stem(&w).into_owned();
            *total.entry(stem.clone()).or_default() += 1;
            if in_cue[i] {
                *cue.entry(stem.clone()).or_default() += 1;
            }
            forms.entry(stem).or_default().insert(w);
        }
    }
    let class_forms: BTreeSet<String> = model::predicates::forms()
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    let mut out = String::new();
    if classes {
        out.push_str(model::CLASSES_HEADER);
        out.push('\n');
    }
    let mut known = String::new();
    let mut id = 0u32;
    for (stem, fs) in &forms {
        let c = cue.get(stem).copied().unwrap_or(0);
        let t = total.get(stem).copied().unwrap_or(1);
        let permille = c * 1000 / t.max(1);
        if c >= min_count && c as f64 / t as f64 >= min_ratio {
            id += 1;
            for f in fs {
                out.push_str(&format!("{f}\t{id}\t{permille}\n"));
            }
        } else if classes && t >= KNOWN_MIN && (permille as u32) < model::STRONG_PERMILLE {
            for f in fs.iter().filter(|f| class_forms.contains(*f)) {
                known.push_str(&format!("{f}\t0\t{permille}\n"));
            }
        }
    }
    out.push_str(&known);
    out
}

/// Training occurrences from which a predicate class word that is no cue lemma loses its class.
pub const KNOWN_MIN: usize = 10;

/// Gold cue tags (0 O, 1 B, 2 I) of every token.
fn cue_tags(doc: &Doc<'_>, gold: &[GoldAttribution]) -> Vec<usize> {
    let mut tags = vec![0usize; doc.tokens.len()];
    for g in gold {
        for s in &g.cue {
            if let Some((a, b)) = token_range(doc, *s) {
                for (k, t) in tags[a..b].iter_mut().enumerate() {
                    if *t == 0 {
                        *t = if k == 0 { 1 } else { 2 };
                    }
                }
            }
        }
    }
    tags
}

/// Deterministic shuffle (xorshift).
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..items.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let j = (x % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Shuffle seed step between bags.
const BAG_SEED: u64 = 0x1000;

/// Adds weights to a running sum (which starts empty).
fn add_weights(sum: &mut Vec<f32>, w: Vec<f32>) {
    if sum.is_empty() {
        *sum = w;
    } else {
        sum.iter_mut().zip(w).for_each(|(s, x)| *s += x);
    }
}

/// The mean of `bags` summed weight tables, weights below 1e-3 dropped, quantised.
fn mean_model(mut sum: Vec<f32>, bags: usize, ntags: usize, bits: u32) -> model::Perceptron {
    let n = bags.max(1) as f32;
    for w in &mut sum {
        *w /= n;
        if w.abs() < 1e-3 {
            *w = 0.0;
        }
    }
    model::Perceptron::from_floats(ntags, bits, &sum)
}

/// Trains both models for `epochs` epochs with tables of `2^cue_bits` and `2^role_bits` rows;
/// returns the model bytes. With `bags` above 1, each model is trained `bags` times over
/// differently shuffled data and the averaged weights of the runs are averaged again (bagging
/// of the order: the model no longer hangs on one shuffle, so that a small change of the
/// training data moves fewer decisions).
pub fn train(
    docs: &[(Doc<'_>, Vec<GoldAttribution>)],
    lexicon: &Lexicon,
    epochs: usize,
    bags: usize,
    (cue_bits, role_bits): (u32, u32),
) -> Vec<u8> {
    let views: Vec<Vec<TokView>> = docs
        .iter()
        .map(|(doc, _)| {
            let mut v = Vec::new();
            model::token_view(doc, lexicon, &mut v);
            v
        })
        .collect();
    let gold_cues: Vec<Vec<usize>> = docs.iter().map(|(d, g)| cue_tags(d, g)).collect();
    // Cue tagger.
    let mut feats = Vec::with_capacity(40);
    let mut scores = [0f32; ROLE_TAGS];
    let mut cue_sum: Vec<f32> = Vec::new();
    for bag in 0..bags {
        let mut cue_trainer = Trainer::new(CUE_TAGS, cue_bits);
        let mut order: Vec<usize> = (0..docs.len()).collect();
        for epoch in 0..epochs {
            shuffle(&mut order, 0x9E37 + epoch as u64 + BAG_SEED * bag as u64);
            let mut errors = 0usize;
            for &di in &order {
                let (doc, _) = &docs[di];
                let v = &views[di];
                let g = &gold_cues[di];
                for s in doc.sentences {
                    let mut prev = 0;
                    for i in s.tokens.clone() {
                        if !model::cue_candidate(v, i, s.tokens.end, prev, model::TRAIN_REACH) {
                            errors += usize::from(g[i] != 0);
                            prev = 0;
                            continue;
                        }
                        model::cue_features(v, i, s.tokens.clone(), &mut feats);
                        model::prev_features(prev, &v[i], u64::from(v[i].lemma), &mut feats);
                        cue_trainer.score(&feats, &mut scores[..CUE_TAGS]);
                        let mut guess = argmax(&scores[..CUE_TAGS]);
                        if guess == 2 && prev == 0 {
                            guess = 1;
                        }
                        let truth = if g[i] == 2 && prev == 0 { 1 } else { g[i] };
                        errors += usize::from(guess != truth);
                        cue_trainer.update(&feats, guess, truth);
                        prev = guess;
                    }
                }
            }
            eprintln!("cue epoch {epoch}: {errors} token errors");
        }
        add_weights(&mut cue_sum, cue_trainer.averaged());
    }
    let cue_model = mean_model(cue_sum, bags, CUE_TAGS, cue_bits);
    // Role tagger: one instance per gold attribution whose cue lies in one sentence.
    struct Inst {
        doc: usize,
        sent: usize,
        cue: (usize, usize),
        tags: Vec<usize>,
    }
    let mut insts = Vec::new();
    for (di, (doc, gold)) in docs.iter().enumerate() {
        for g in gold {
            let Some(first) = g.cue.first() else { continue };
            let last = g.cue.last().copied().unwrap_or(*first);
            let Some((a, _)) = token_range(doc, *first) else {
                continue;
            };
            let Some((_, b)) = token_range(doc, last) else {
                continue;
            };
            let Some(si) = doc.sentences.iter().position(|s| s.tokens.contains(&a)) else {
                continue;
            };
            let s = &doc.sentences[si];
            let b = b.min(s.tokens.end);
            let mut tags = vec![R_O; s.tokens.len()];
            let mut mark = |spans: &[Span], bt: usize, it: usize| {
                for sp in spans {
                    if let Some((x, y)) = token_range(doc, *sp) {
                        for i in x.max(s.tokens.start)..y.min(s.tokens.end) {
                            if i >= a && i < b {
                                continue;
                            }
                            let k = i - s.tokens.start;
                            let prev_same =
                                k > 0 && (tags[k - 1] == bt || tags[k - 1] == it) && i != x;
                            tags[k] = if prev_same { it } else { bt };
                        }
                    }
                }
            };
            mark(&g.source, R_SB, R_SI);
            mark(&g.content, R_CB, R_CI);
            insts.push(Inst {
                doc: di,
                sent: si,
                cue: (a, b),
                tags,
            });
        }
    }
    let tok_total: usize = insts.iter().map(|i| i.tags.len()).sum();
    let non_o: usize = insts
        .iter()
        .map(|i| i.tags.iter().filter(|t| **t != R_O).count())
        .sum();
    eprintln!(
        "role instances {}: {tok_total} tokens, {non_o} in roles",
        insts.len()
    );
    let mut role_sum: Vec<f32> = Vec::new();
    let mut is_cue: Vec<Vec<bool>> = gold_cues
        .iter()
        .map(|g| g.iter().map(|t| *t != 0).collect())
        .collect();
    let (mut commas, mut cues) = (Vec::new(), Vec::new());
    for bag in 0..bags {
        let mut role_trainer = Trainer::new(ROLE_TAGS, role_bits);
        let mut order: Vec<usize> = (0..insts.len()).collect();
        for epoch in 0..epochs {
            shuffle(&mut order, 0x51ED + epoch as u64 + BAG_SEED * bag as u64);
            let mut errors = 0usize;
            for &ii in &order {
                let inst = &insts[ii];
                let (doc, _) = &docs[inst.doc];
                let v = &views[inst.doc];
                let s = &doc.sentences[inst.sent];
                model::prefix_counts(
                    v,
                    s.tokens.clone(),
                    &is_cue[inst.doc],
                    &mut commas,
                    &mut cues,
                );
                let ctx = CueCtx::new(v, inst.cue.0, inst.cue.1);
                let mut prev = R_O;
                let window = model::role_window(s.tokens.clone(), &ctx);
                for (k, i) in s.tokens.clone().enumerate() {
                    if i >= ctx.start && i < ctx.end || !window.contains(&i) {
                        prev = R_O;
                        continue;
                    }
                    model::role_features(v, i, s.tokens.clone(), ctx, &commas, &cues, &mut feats);
                    model::prev_features(prev, &v[i], u64::from(i < ctx.start), &mut feats);
                    role_trainer.score(&feats, &mut scores);
                    let mut guess = argmax(&scores);
                    if guess == R_SI && !matches!(prev, R_SB | R_SI) {
                        guess = R_SB;
                    }
                    if guess == R_CI && !matches!(prev, R_CB | R_CI) {
                        guess = R_CB;
                    }
                    let mut truth = inst.tags[k];
                    if truth == R_SI && !matches!(prev, R_SB | R_SI) {
                        truth = R_SB;
                    }
                    if truth == R_CI && !matches!(prev, R_CB | R_CI) {
                        truth = R_CB;
                    }
                    errors += usize::from(guess != truth);
                    role_trainer.update(&feats, guess, truth);
                    prev = guess;
                }
            }
            eprintln!("role epoch {epoch}: {errors} token errors");
        }
        add_weights(&mut role_sum, role_trainer.averaged());
    }
    is_cue.clear();
    let role_model = mean_model(role_sum, bags, ROLE_TAGS, role_bits);
    let mut out = Vec::new();
    cue_model.write(&mut out);
    role_model.write(&mut out);
    out
}
