//! The NLP layers of claimsheet.
//!
//! An [`Article`] goes through a fixed pipeline of small stages, each a module with a narrow
//! seam:
//!
//! 1. [`segment`]: tokens and sentences;
//! 2. [`time`]: time expressions normalised against the publication date;
//! 3. [`entities`]: named entities and their referents;
//! 4. [`hedge`]: uncertainty cues, certainty and polarity;
//! 5. [`attribution`]: who said what;
//! 6. [`claims`]: the claims built from all of the above.
//!
//! Every span in this crate is a **byte** span into [`Article::text`]
//! ([`Span`]); conversion to code points happens once, in the report.
//!
//! [`Pipeline`] holds the loaded lexicons and models; it is `Sync`, so one pipeline serves every
//! thread.

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod hedge;
pub mod segment;
pub mod time;

use std::time::{Duration, Instant};

pub use claimsheet_ingest::{Article, Span};

use crate::attribution::{Attribution, AttributionTagger};
use crate::claims::Claim;
use crate::entities::{Entities, EntityTagger};
use crate::hedge::{HedgeTagger, Hedges};
use crate::segment::{Segmentation, Sentence, Token};
use crate::time::{TimeTagger, Timex};

/// An article with its tokens and sentences: what every layer after segmentation reads.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its text (the same as `article.text`).
    pub text: &'a str,
    /// Its tokens, in text order.
    pub tokens: &'a [Token],
    /// Its sentences, in text order.
    pub sentences: &'a [Sentence],
}

impl<'a> Doc<'a> {
    /// The document view of an article and its segmentation.
    pub fn new(article: &'a Article, segmentation: &'a Segmentation) -> Self {
        Doc {
            article,
            text: &article.text,
            tokens: &segmentation.tokens,
            sentences: &segmentation.sentences,
        }
    }

    /// The first byte (of the text) of the sentence `back` sentences before the one that holds
    /// byte `at`, or 0 when there are fewer sentences before it: how far back a rule looks
    /// for what a pronoun or description refers to.
    pub fn sentence_start_back(&self, at: usize, back: usize) -> usize {
        let sentence = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences
            .get(sentence.saturating_sub(back))
            .map_or(0, |s| s.span.start)
    }
}

/// Every layer of one article.
#[derive(Clone, Debug, Default)]
pub struct Annotation {
    /// Tokens and sentences.
    pub segmentation: Segmentation,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Named entities and referents.
    pub entities: Entities,
    /// Uncertainty cues and sentence certainty.
    pub hedges: Hedges,
    /// Attributions.
    pub attributions: Vec<Attribution>,
    /// Claims.
    pub claims: Vec<Claim>,
}

/// A stage of the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Tokens and sentences.
    Segment,
    /// Time expressions.
    Time,
    /// Named entities.
    Entities,
    /// Hedging cues.
    Hedge,
    /// Attribution.
    Attribution,
    /// Claims.
    Claims,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::Segment,
        Stage::Time,
        Stage::Entities,
        Stage::Hedge,
        Stage::Attribution,
        Stage::Claims,
    ];

    /// The stage's name, as the module that holds it.
    pub const fn name(self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Time => "time",
            Stage::Entities => "entities",
            Stage::Hedge => "hedge",
            Stage::Attribution => "attribution",
            Stage::Claims => "claims",
        }
    }
}

/// Time spent in each stage, summed over articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageTimes([Duration; 6]);

impl StageTimes {
    /// Time spent in `stage`.
    pub fn get(&self, stage: Stage) -> Duration {
        self.0[stage as usize]
    }

    /// Adds `d` to `stage`.
    pub fn add(&mut self, stage: Stage, d: Duration) {
        self.0[stage as usize] += d;
    }

    /// Adds another set of times.
    pub fn merge(&mut self, other: &StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    /// Total over all stages.
    pub fn total(&self) -> Duration {
        self.0.iter().sum()
    }
}

/// The loaded pipeline: lexicons and models of every layer.
#[derive(Debug, Default)]
pub struct Pipeline {
    time: TimeTagger,
    entities: EntityTagger,
    hedge: HedgeTagger,
    attribution: AttributionTagger,
}

impl Pipeline {
    /// Builds every layer's lexicons and loads its models.
    pub fn new() -> Self {
        Pipeline {
            time: TimeTagger::new(),
            entities: EntityTagger::new(),
            hedge: HedgeTagger::new(),
            attribution: AttributionTagger::new(),
        }
    }

    /// Runs every stage on `article`.
    pub fn annotate(&self, article: &Article) -> Annotation {
        self.run(&[article], None).pop().unwrap_or_default()
    }

    /// Runs every stage on `article`, adding each stage's wall time to `times`.
    pub fn annotate_timed(&self, article: &Article, times: &mut StageTimes) -> Annotation {
        let start = Instant::now();
        self.annotate_clocked(article, times, &mut || start.elapsed())
    }

    /// Runs every stage on `article`, adding each stage's time to `times` as read by `clock`:
    /// any monotonic reading, such as the thread's processor time, which other programs on a
    /// shared machine disturb far less than wall time.
    pub fn annotate_clocked(
        &self,
        article: &Article,
        times: &mut StageTimes,
        clock: &mut dyn FnMut() -> Duration,
    ) -> Annotation {
        self.run(&[article], Some((times, clock)))
            .pop()
            .unwrap_or_default()
    }

    /// How many articles [`Pipeline::annotate_batch`] is best given at a time: enough for each
    /// stage's tables to stay cached over the batch, few enough that the batch's own data does
    /// not evict them.
    pub const BATCH: usize = 16;

    /// Annotates several articles stage by stage: each stage runs over every article of the
    /// slice before the next stage starts. The annotations, in input order, are those
    /// [`Pipeline::annotate`] gives each article alone; only the speed differs. The model
    /// stages look up weight tables of megabytes, and a stage that runs right after the others
    /// on one article finds its table evicted from the processor's cache; over a batch the
    /// table stays cached.
    pub fn annotate_batch(&self, articles: &[&Article]) -> Vec<Annotation> {
        self.run(articles, None)
    }

    /// [`Pipeline::annotate_batch`], adding each stage's time to `times` as read by `clock`
    /// (see [`Pipeline::annotate_clocked`]).
    pub fn annotate_batch_clocked(
        &self,
        articles: &[&Article],
        times: &mut StageTimes,
        clock: &mut dyn FnMut() -> Duration,
    ) -> Vec<Annotation> {
        self.run(articles, Some((times, clock)))
    }

    fn run(
        &self,
        articles: &[&Article],
        mut timing: Option<(&mut StageTimes, &mut dyn FnMut() -> Duration)>,
    ) -> Vec<Annotation> {
        let mut last = timing.as_mut().map_or(Duration::ZERO, |(_, clock)| clock());
        let mut lap = |stage: Stage| {
            if let Some((t, clock)) = timing.as_mut() {
                let now = clock();
                t.add(stage, now.saturating_sub(last));
                last = now;
            }
        };
        let segmentations: Vec<Segmentation> =
            articles.iter().map(|a| segment::segment(a)).collect();
        lap(Stage::Segment);
        let docs: Vec<Doc<'_>> = articles
            .iter()
            .zip(&segmentations)
            .map(|(a, s)| Doc::new(a, s))
            .collect();
        let timexes: Vec<Vec<Timex>> = docs
            .iter()
            .map(|d| self.time.tag(d, d.article.date))
            .collect();
        lap(Stage::Time);
        let entities: Vec<Entities> = docs.iter().map(|d| self.entities.tag(d)).collect();
        lap(Stage::Entities);
        let hedges: Vec<Hedges> = docs.iter().map(|d| self.hedge.tag(d)).collect();
        lap(Stage::Hedge);
        let attributions: Vec<Vec<Attribution>> = docs
            .iter()
            .zip(&entities)
            .map(|(d, e)| self.attribution.tag(d, e))
            .collect();
        lap(Stage::Attribution);
        let claims: Vec<Vec<Claim>> = docs
            .iter()
            .zip(&attributions)
            .map(|(d, a)| claims::find_claims(d, a))
            .collect();
        lap(Stage::Claims);
        drop(docs);
        segmentations
            .into_iter()
            .zip(timexes)
            .zip(entities)
            .zip(hedges)
            .zip(attributions)
            .zip(claims)
            .map(
                |(((((segmentation, timexes), entities), hedges), attributions), claims)| {
                    Annotation {
                        segmentation,
                        timexes,
                        entities,
                        hedges,
                        attributions,
                        claims,
                    }
                },
            )
            .collect()
    }
}
