//! Attribution: who said what (source, cue, content), quotes, anonymous sources and chains.

use claimsheet_ingest::Span;

use crate::entities::Entities;
use crate::Doc;

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
pub struct AttributionTagger {}

impl AttributionTagger {
    /// A tagger with its lexicons built.
    pub fn new() -> Self {
        AttributionTagger {}
    }

    /// The attributions of `doc`, using its entities for speakers.
    pub fn tag(&self, doc: &Doc<'_>, entities: &Entities) -> Vec<Attribution> {
        let _ = (doc, entities);
        Vec::new()
    }
}
