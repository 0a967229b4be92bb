//! Attribution: who said what (source, cue, content), quotes, anonymous sources and chains.
//!
//! PARC / PolNeAR style: every attribution has a **cue** ("said", "according to", ":"), a
//! **source** (who; may be unstated) and a **content** (what; may be several fragments).
//!
//! The layer runs in three steps:
//!
//! 1. a learned cue tagger (averaged perceptron, [`model`]) marks cue tokens sentence by
//!    sentence, with a lemma lexicon built with the Snowball stemmer from the training cues;
//! 2. a learned role tagger, run once per cue over the cue's sentence, marks the source and the
//!    content fragments relative to that cue;
//! 3. rules (module `rules`) extend direct quotes over the sentences and paragraphs they run on,
//!    attach the quote that follows "X said:" or `"...," X said. "..."`, resolve speakers through
//!    the entity layer (pronouns included), classify anonymous sources, set the kind (quote,
//!    paraphrase, mixed, according-to) and link nested attributions and "citing" chains.
//!
//! Span conventions follow PolNeAR: a cue holds its auxiliaries and adverbs ("has also said"),
//! a relative pronoun can be a source ("who said"), the agent of a passive cue is its source,
//! a trailing ", according to X" is not part of the content before it, and a speaker set off by
//! commas splits the content in two fragments.
//!
//! Quotation state is tracked per paragraph only, so an unbalanced quotation mark never reaches
//! beyond its paragraph, except for the newspaper convention of a paragraph that opens a quote
//! without closing it and a next paragraph that opens again.

use claimsheet_ingest::Span;

use crate::entities::Entities;
use crate::Doc;

pub mod learn;
pub mod model;
mod rules;
pub(crate) use rules::refusal_word;

use model::{Lexicon, Perceptron};

/// Whether `phrase`, the text between a sentence start and a reporting frame ("After the
/// match,"), is an adverbial of the frame: it opens with one of the adverbial openers and,
/// unless that is a subordinator ("after", "when"), holds no quantity and no finite verb
/// outside a relative clause. "At least twenty people died in the flood," before "officials
/// said ..." is a clause of its own; "In a statement that was released on Friday," is an
/// adverbial.
pub fn is_adjunct(phrase: &str) -> bool {
    rules::adjunct_words(
        phrase
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty()),
    )
}

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpeakerType {
    /// A named person.
    Person,
    /// A company or other organisation.
    Organisation,
    /// A news outlet.
    Media,
    /// A government or government body.
    Government,
    /// A document, report or study.
    Document,
    /// An unnamed source.
    Anonymous,
    /// Not known.
    #[default]
    Unknown,
}

impl SpeakerType {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Media => "media",
            SpeakerType::Government => "government",
            SpeakerType::Document => "document",
            SpeakerType::Anonymous => "anonymous",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// Words of attitude and speech that the predicate lexicon ([`model::predicates`], which is
/// also the cue tagger's input and so cannot change without retraining) leaves out: an
/// attribution whose cue holds one still puts its content on the source's word ("were pleased
/// with", "voiced interest in", "continued:").
const MORE_REPORTING: &[&str] = &[
    "according",
    "citing",
    "concerned",
    "confident",
    "continued",
    "disappointed",
    "expressed",
    "happy",
    "hopeful",
    "optimistic",
    "pleased",
    "quoting",
    "referred",
    "satisfied",
    "speculation",
    "upset",
    "voiced",
    "worried",
];

/// Whether an attribution puts its content on its source's word: its cue holds a word of
/// speech, thought, attitude or evidence ([`model::predicates`] and a few more), or is a
/// colon or dash of a quotation's layout. "The South retaliated by firing dozens of rounds",
/// "Air India has signed a deal", "the finals saw US team Cloud9 ..." do not: the tagger
/// learned such predicates from the few times PolNeAR marks them, and the claims table reads
/// those sentences as the article's own statements.
pub fn reports(text: &str, a: &Attribution) -> bool {
    let known = |w: &str| {
        model::predicates::class_of(w) != 0
            || MORE_REPORTING.iter().any(|m| m.eq_ignore_ascii_case(w))
    };
    a.cue.iter().any(|c| {
        let cue = c.slice(text);
        cue.chars().all(|ch| !ch.is_alphanumeric())
            || cue
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(known)
    })
}

/// Class of an anonymous source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnonymousClass {
    /// "officials", "a senior official".
    UnnamedOfficial,
    /// "people familiar with the matter", "people briefed on the conversation".
    PersonWithKnowledge,
    /// "documents seen by", "a memo".
    Document,
    /// "sources said", other unnamed sources.
    Other,
}

impl AnonymousClass {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            AnonymousClass::UnnamedOfficial => "unnamed_official",
            AnonymousClass::PersonWithKnowledge => "person_with_knowledge",
            AnonymousClass::Document => "document",
            AnonymousClass::Other => "other",
        }
    }
}

/// How the content is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Direct quote in quotation marks.
    Quote,
    /// Indirect speech.
    #[default]
    Paraphrase,
    /// Indirect speech with quoted words inside.
    Mixed,
    /// "according to X".
    AccordingTo,
}

impl QuoteKind {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Quote => "quote",
            QuoteKind::Paraphrase => "paraphrase",
            QuoteKind::Mixed => "mixed",
            QuoteKind::AccordingTo => "according-to",
        }
    }
}

/// One attribution relation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Byte spans of the source ("CNN", "people familiar with the matter"); empty when unstated.
    pub source: Vec<Span>,
    /// Byte spans of the cue ("reported", "according to", ":").
    pub cue: Vec<Span>,
    /// Byte spans of the content: what is attributed.
    pub content: Vec<Span>,
    /// Canonical speaker name (pronouns resolved), if known.
    pub speaker: Option<String>,
    /// What kind of source the speaker is.
    pub speaker_type: SpeakerType,
    /// Set when the source is anonymous.
    pub anonymous: Option<AnonymousClass>,
    /// How the content is given.
    pub kind: QuoteKind,
    /// Index of the enclosing attribution when nested.
    pub parent: Option<usize>,
}

/// Finds attributions.
#[derive(Debug, Default)]
pub struct AttributionTagger {
    lexicon: Lexicon,
    cue_model: Perceptron,
    role_model: Perceptron,
    /// Added to the cue tagger's outside score: above 0 trades cue recall for precision.
    cue_bias: f32,
}

/// The committed cue lexicon (`form<TAB>lemma id`).
const LEXICON: &str = include_str!("../../models/attribution_lexicon.tsv");
/// The committed perceptron weights (cue model, then role model).
const MODEL: &[u8] = include_bytes!("../../models/attribution.bin");

impl AttributionTagger {
    /// A tagger with its lexicon and models loaded.
    pub fn new() -> Self {
        Self::from_parts(LEXICON, MODEL)
    }

    /// A tagger from a lexicon text and model bytes (as written by the training program).
    /// A malformed model gives a tagger that finds nothing.
    pub fn from_parts(lexicon: &str, model: &[u8]) -> Self {
        let lexicon = Lexicon::parse(lexicon);
        let mut pos = 0;
        let cue_model = Perceptron::read(model, &mut pos).unwrap_or_default();
        let role_model = Perceptron::read(model, &mut pos).unwrap_or_default();
        // An optional trailing f32: the cue bias tuned by the training program.
        let cue_bias = model
            .get(pos..pos + 4)
            .map_or(0.0, |b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        AttributionTagger {
            lexicon,
            cue_model,
            role_model,
            cue_bias: if cue_bias.is_finite() { cue_bias } else { 0.0 },
        }
    }

    /// The same tagger with another cue bias (added to the outside score of the cue tagger).
    pub fn with_cue_bias(mut self, bias: f32) -> Self {
        self.cue_bias = bias;
        self
    }

    /// The attributions of `doc`, using its entities for speakers.
    pub fn tag(&self, doc: &Doc<'_>, entities: &Entities) -> Vec<Attribution> {
        rules::tag(self, doc, entities)
    }
}
