//! Named entities (people, organisations, places, other names) and the referents they resolve to.

use claimsheet_ingest::Span;

use crate::Doc;

/// Entity type, CoNLL-2003 classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person (or a named group of people).
    Per,
    /// An organisation: company, government body, media outlet, party, team.
    Org,
    /// A place: country, city, region, geographic or political place.
    Loc,
    /// Other names: nationalities and demonyms, events, products, works, laws.
    Misc,
}

impl EntityType {
    /// The gold-format name: `PER`, `ORG`, `LOC`, `MISC`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// One mention of a named entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the name in the article text.
    pub span: Span,
    /// Its type.
    pub kind: EntityType,
    /// Index of its referent in [`Entities::referents`].
    pub referent: usize,
}

/// One real-world referent: all the mentions that name the same person, organisation or place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referent {
    /// The one name used for it in reports ("Donald Trump").
    pub canonical: String,
    /// Its type.
    pub kind: EntityType,
    /// A role the text gives it ("North Korean leader"), if any.
    pub role: Option<String>,
    /// How many mentions it has.
    pub mentions: usize,
}

/// The entity layer of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Referents, in order of first mention.
    pub referents: Vec<Referent>,
}

/// Finds named entities and resolves them to referents.
#[derive(Debug, Default)]
pub struct EntityTagger {}

impl EntityTagger {
    /// A tagger with its model and gazetteers loaded.
    pub fn new() -> Self {
        EntityTagger {}
    }

    /// The entities of `doc`.
    pub fn tag(&self, doc: &Doc<'_>) -> Entities {
        let _ = doc;
        Entities::default()
    }
}
