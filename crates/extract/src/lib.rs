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
        self.run(article, None)
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
        self.run(article, Some((times, clock)))
    }

    fn run(
        &self,
        article: &Article,
        mut timing: Option<(&mut StageTimes, &mut dyn FnMut() -> Duration)>,
    ) -> Annotation {
        let mut last = timing.as_mut().map_or(Duration::ZERO, |(_, clock)| clock());
        let mut lap = |stage: Stage| {
            if let Some((t, clock)) = timing.as_mut() {
                let now = clock();
                t.add(stage, now.saturating_sub(last));
                last = now;
            }
        };
        let segmentation = segment::segment(article);
        lap(Stage::Segment);
        let doc = Doc::new(article, &segmentation);
        let timexes = self.time.tag(&doc, article.date);
        lap(Stage::Time);
        let entities = self.entities.tag(&doc);
        lap(Stage::Entities);
        let hedges = self.hedge.tag(&doc);
        lap(Stage::Hedge);
        let attributions = self.attribution.tag(&doc, &entities);
        lap(Stage::Attribution);
        let claims = claims::find_claims(&doc, &attributions);
        lap(Stage::Claims);
        Annotation {
            segmentation,
            timexes,
            entities,
            hedges,
            attributions,
            claims,
        }
    }
}
