//! Hedging and uncertainty cues, and the certainty and polarity of sentences.

use claimsheet_ingest::Span;

use crate::Doc;

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

/// Finds uncertainty cues and judges sentence certainty.
#[derive(Debug, Default)]
pub struct HedgeTagger {}

impl HedgeTagger {
    /// A tagger with its lexicons built.
    pub fn new() -> Self {
        HedgeTagger {}
    }

    /// The hedge layer of `doc`.
    pub fn tag(&self, doc: &Doc<'_>) -> Hedges {
        Hedges {
            cues: Vec::new(),
            sentences: vec![SentenceHedge::default(); doc.sentences.len()],
        }
    }
}
