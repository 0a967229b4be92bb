//! Named entities (people, organisations, places, other names) and the referents they resolve to.
//!
//! Recognition is a greedy left-to-right averaged perceptron over BILOU tags
//! ([`model`](self)), with hashed features of the word, its neighbours, shape, affixes,
//! capitalisation in context (sentence starts and all-caps headings are weak evidence), the
//! case the same word has elsewhere in the article, gazetteer hits and the type the word was last
//! given in the article. Lowercase words and punctuation never start a name, so most tokens cost
//! one flag test. The weights (`models/entities.bin`) are trained by
//! `examples/train_entities.rs` on CoNLL-2003 and parsed at start-up.
//!
//! After tagging, a document-level pass makes identical names agree and tags later bare mentions
//! of names already found ("Kang" after "Kang Kyung-wha"); rules read evidence of a name's type
//! in its form and context ("Douglas & Lomason", "X chief executive", "fashion designer X",
//! [`cues`](self)), names after abbreviated titles ("Sen.", "Del.", "Lt. Gov.", and the lists
//! after "Sens."), US places in AP style ("Laurel, Md."), lists of names of one kind and
//! middle initials ("Joseph R. Biden"); then mentions are clustered into
//! referents with a canonical name, a role, a subtype and a gender ([`referents`](self)).

mod cues;
pub(crate) use cues::web_address;
mod features;
mod gazetteer;
mod model;
mod referents;

use std::ops::Range;

use claimsheet_ingest::Span;

use crate::Doc;

use features::{hash_seq, make_tag, tag_pos, tag_type, CaseTable, TokInfo, NT};
use gazetteer::{cat, Gazetteer, HashMapId, WordSet};
use model::{tag_sentence, with_frozen, History, Model, Weights};

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

impl Gender {
    /// Lowercase name for output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
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
    /// Media outlet or government body, when known.
    pub subtype: Option<Subtype>,
    /// Gender of a person, when known.
    pub gender: Option<Gender>,
    /// For a demonym ("North Korean"), the place it names ("North Korea").
    pub place: Option<String>,
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
    /// unknown) gender, "it" an organisation or place, "they" an organisation named in the
    /// same or the previous sentence (at most 80 tokens back) when no plural noun for people
    /// stands between the two ("The agency interviewed former staff members. They described
    /// ..." has no referent), never one person.
    pub fn pronoun_referent(&self, doc: &Doc<'_>, span: Span) -> Option<usize> {
        let word = doc.text.get(span.start..span.end)?.to_ascii_lowercase();
        let wanted_gender = match word.as_str() {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        };
        let person = wanted_gender.is_some();
        let thing = matches!(word.as_str(), "it" | "its" | "itself");
        let plural = matches!(word.as_str(), "they" | "them" | "their" | "themselves");
        if !(person || thing || plural) {
            return None;
        }
        let floor = lookback_floor(doc, span.start);
        // "they" looks back one sentence only, and at most 80 tokens: an organisation named
        // earlier is seldom meant.
        let near = {
            let sentence = doc.sentence_start_back(span.start, 1);
            let t = doc.tokens.partition_point(|t| t.span.start < span.start);
            let tokens = doc
                .tokens
                .get(t.saturating_sub(80))
                .map_or(0, |t| t.span.start);
            sentence.max(tokens)
        };
        // Where the last plural noun for people before the pronoun ends, within that window
        // (one scan per pronoun).
        let people_end = if plural {
            last_people_noun_end(doc, near, span.start)
        } else {
            0
        };
        let fits = |m: &Mention| {
            let Some(r) = self.referents.get(m.referent) else {
                return false;
            };
            match r.kind {
                EntityType::Per => person && (r.gender.is_none() || r.gender == wanted_gender),
                EntityType::Org => {
                    thing || plural && m.span.start >= near && m.span.end > people_end
                }
                EntityType::Loc => thing,
                EntityType::Misc => false,
            }
        };
        let before = || {
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= span.start && m.span.start >= floor)
                .filter(|m| fits(m))
        };
        // "she" skips a person of unknown gender named by one word only ("Polaroid", a brand
        // the tagger took for a name) when a woman is named in the window, and "he" a man.
        let doubtful = |m: &Mention| {
            self.referents
                .get(m.referent)
                .is_some_and(|r| person && r.gender.is_none() && !r.canonical.trim().contains(' '))
        };
        let gendered = before().any(|m| {
            self.referents
                .get(m.referent)
                .is_some_and(|r| person && r.gender == wanted_gender)
        });
        let trusted = |m: &&Mention| !(gendered && doubtful(m));
        // A pronoun outside quotation marks ("He said") seldom means a name quoted before it
        // ("'Andy Warhol was the center of it all,' ... He said"): prefer names outside quotes.
        let quoted_pronoun = in_quotation(doc, span.start);
        let unquoted = |m: &&Mention| quoted_pronoun || !in_quotation(doc, m.span.start);
        // Prefer a name that is not the object of a preposition ("contact with Pyongyang"),
        // then any. An owner gives way to another name of its sentence ("Doherty credits Steve
        // Jobs' patience. He says": Doherty), not to one further back ("Tom's sister begged
        // him, but he refused": Tom).
        let owner = |m: &Mention| {
            let after = doc.text.get(m.span.end..).unwrap_or("");
            ["'", "\u{2019}"].iter().any(|p| after.starts_with(p))
        };
        let subject = |m: &&Mention| !referents::after_preposition(doc, m.span.start);
        let first = before().filter(trusted).filter(unquoted).find(subject);
        let first = match first {
            Some(o) if owner(o) => {
                let sentence = doc.sentence_start_back(o.span.start, 0);
                before()
                    .filter(trusted)
                    .filter(unquoted)
                    .filter(subject)
                    .take_while(|m| m.span.start >= sentence)
                    .find(|m| !owner(m))
                    .or(Some(o))
            }
            other => other,
        };
        first
            .or_else(|| before().filter(trusted).find(unquoted))
            .or_else(|| {
                before()
                    .filter(trusted)
                    .find(|m| !referents::after_preposition(doc, m.span.start))
            })
            .or_else(|| before().find(trusted))
            .map(|m| m.referent)
    }

    /// The organisation a description at byte `at` ("the union", "the Irish airline", as
    /// written) refers back to. For a head noun that organisations of its kind nearly always
    /// carry in their names ("the union": "United Auto Workers", "Teamsters"; "the ministry",
    /// "the court"), it is the last one named within the last five sentences whose name says it
    /// is of that kind ("the union" is the United Auto Workers, not Ford named after it), else
    /// none. For other nouns ("the company", "the airline", "the bank"),
    /// [`Entities::organisation_referent`].
    pub fn described_organisation(
        &self,
        doc: &Doc<'_>,
        at: usize,
        description: &str,
    ) -> Option<usize> {
        let noun = description
            .split_whitespace()
            .last()
            .map(str::to_lowercase)
            .unwrap_or_default();
        let Some((_, kind)) = DESCRIBED_KINDS.iter().find(|(n, _)| *n == noun) else {
            return self.organisation_referent(doc, at);
        };
        let floor = lookback_floor(doc, at);
        let upto = self.mentions.partition_point(|m| m.span.end <= at);
        self.mentions
            .get(..upto)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|m| m.span.start >= floor)
            .filter(|m| m.kind == EntityType::Org)
            .find(|m| {
                self.referents
                    .get(m.referent)
                    .is_some_and(|r| r.canonical.split([' ', '-']).any(|w| kind.contains(&w)))
            })
            .map(|m| m.referent)
    }

    /// The organisation a description at byte `at` ("the company", "the airline") refers back
    /// to: the one named last within the last five sentences, a government body excepted. A
    /// name that qualifies another noun (a maker before its product, "Airbus A320 jets", "Apple
    /// CEO", or a possessive, "Apple's newest phone") gives way to an organisation named
    /// earlier in the same sentence (the jets' owner), and only to one there; a name owned by
    /// another ("EA's Spore", a product or a unit) is passed over. When only a qualifying name
    /// is found, the organisation the article is about (the first one named twice or more before
    /// `at`) is preferred: "Among the
    /// applications were EA's Spore, AOL's AIM messenger ... The company also announced" is
    /// the Apple of the article, not AOL.
    pub fn organisation_referent(&self, doc: &Doc<'_>, at: usize) -> Option<usize> {
        let floor = lookback_floor(doc, at);
        let upto = self.mentions.partition_point(|m| m.span.end <= at);
        // "Airbus A320 jets", "Apple's newest phone": the name qualifies another noun.
        let qualifies = |m: &Mention| {
            let next = doc.text.get(m.span.end..).unwrap_or("");
            next.starts_with("'s ")
                || next.starts_with("\u{2019}s ")
                || next
                    .strip_prefix(' ')
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let sentence_of = |m: &Mention| {
            doc.sentences
                .partition_point(|s| s.span.end <= m.span.start)
        };
        // The nearest qualifying name, and its sentence: an organisation earlier in that sentence
        // ("China Eastern grounded its Airbus A320 jets") is the company; one in an earlier
        // sentence is not, the qualifying name is ("Boeing 737 jets were grounded.").
        // "EA's Spore": owned by the name before it.
        let owned = |m: &Mention| {
            let before = doc.text.get(..m.span.start).unwrap_or("");
            before.ends_with("'s ") || before.ends_with("\u{2019}s ")
        };
        let company = |m: &Mention| {
            m.kind == EntityType::Org
                && self
                    .referents
                    .get(m.referent)
                    .is_some_and(|r| r.subtype != Some(Subtype::Government))
        };
        let mut maker: Option<(usize, usize)> = None;
        for m in self.mentions.get(..upto).unwrap_or(&[]).iter().rev() {
            if m.span.start < floor {
                break;
            }
            if !company(m) {
                continue;
            }
            match maker {
                Some((_, si)) if sentence_of(m) != si => break,
                _ if owned(m) && !qualifies(m) => {}
                Some(_) if qualifies(m) => {}
                None if qualifies(m) => maker = Some((m.referent, sentence_of(m))),
                _ => return Some(m.referent),
            }
        }
        let (maker, _) = maker?;
        // The organisation the article is about: the first one it names twice or more.
        let mut counts = vec![0u8; self.referents.len()];
        for m in self.mentions.get(..upto).unwrap_or(&[]) {
            if company(m) {
                if let Some(c) = counts.get_mut(m.referent) {
                    *c = c.saturating_add(1);
                }
            }
        }
        let topic = self
            .mentions
            .get(..upto)
            .unwrap_or(&[])
            .iter()
            .find(|m| company(m) && counts.get(m.referent).is_some_and(|&c| c >= 2))
            .map(|m| m.referent);
        Some(topic.unwrap_or(maker))
    }
}

/// Nouns of a kind of organisation whose names nearly always say their kind, with the words
/// that say it ("the union": "United Auto Workers", "Teamsters"). Kinds often named without it
/// (airlines, banks, universities, agencies: "Lufthansa", "UBS", "Harvard", "NASA") are left to
/// [`Entities::organisation_referent`].
const DESCRIBED_KINDS: &[(&str, &[&str])] = &[
    (
        "union",
        &[
            "Union",
            "Unions",
            "Workers",
            "Teamsters",
            "Federation",
            "Brotherhood",
            "Guild",
            "Confederation",
            "AFL",
            "CIO",
            "UAW",
            "TUC",
        ],
    ),
    (
        "church",
        &["Church", "Scientology", "Diocese", "Archdiocese"],
    ),
    ("court", &["Court", "Tribunal"]),
    ("ministry", &["Ministry", "Department", "Office"]),
    ("department", &["Department", "Ministry", "Office"]),
    ("committee", &["Committee", "Commission"]),
    ("council", &["Council"]),
];

/// Nouns for a group of people that "they" may stand for and that do not end in "s".
const IRREGULAR_PEOPLE_NOUNS: &[&str] = &[
    "people", "men", "women", "children", "staff", "police", "crew", "both",
];

/// Plural nouns in "s" for people that "they" may stand for, beside the forms that
/// [`last_people_noun_end`] knows by their endings.
const PEOPLE_NOUNS: &[&str] = &[
    "officials",
    "aides",
    "experts",
    "members",
    "insiders",
    "sources",
    "critics",
    "analysts",
    "voters",
    "leaders",
    "allies",
    "rivals",
    "others",
    "families",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "judges",
    "lawmakers",
    "legislators",
    "diplomats",
    "delegates",
    "colleagues",
    "friends",
    "parents",
    "candidates",
    "doctors",
    "nurses",
    "scientists",
    "authorities",
    "troops",
    "soldiers",
    "fans",
    "advocates",
    "residents",
    "employees",
    "refugees",
    "citizens",
    "executives",
    "students",
    "immigrants",
    "migrants",
    "participants",
    "opponents",
    "agents",
    "patients",
    "tenants",
    "veterans",
    "defendants",
    "plaintiffs",
    "investors",
    "donors",
    "senators",
    "governors",
    "mayors",
    "editors",
    "inspectors",
    "prosecutors",
    "investigators",
    "contestants",
    "survivors",
    "victims",
    "protesters",
    "protestors",
];

/// Plural nouns in -ers, -ists or -ians that name things, not people ("numbers", "papers").
const THING_NOUNS: &[&str] = &[
    "numbers",
    "orders",
    "letters",
    "papers",
    "powers",
    "matters",
    "waters",
    "headquarters",
    "computers",
    "centers",
    "layers",
    "borders",
    "offers",
    "answers",
    "chambers",
    "corners",
    "filters",
    "markers",
    "meters",
    "parameters",
    "quarters",
    "registers",
    "shelters",
    "towers",
    "trailers",
    "barriers",
    "flowers",
    "fingers",
    "rivers",
    "covers",
    "servers",
    "containers",
    "printers",
    "blockbusters",
    "headlines",
    "lists",
];

/// Whether byte `at` lies inside a quotation: more opening than closing marks (curly), or an
/// odd number of straight double marks, between the start of its paragraph and `at`.
fn in_quotation(doc: &Doc<'_>, at: usize) -> bool {
    let paragraphs = &doc.article.paragraphs;
    let p = paragraphs.partition_point(|p| p.span.end < at);
    let start = paragraphs.get(p).map_or(0, |p| p.span.start.min(at));
    let Some(before) = doc.text.get(start..at) else {
        return false;
    };
    let (mut open, mut straight) = (0i32, 0u32);
    for c in before.chars() {
        match c {
            '\u{201C}' => open += 1,
            '\u{201D}' => open -= 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    open > 0 || straight % 2 == 1
}

/// The end (byte) of the last plural noun for people (officials, residents, activists,
/// Democrats) in the text between bytes `from` and `to`, or 0: "they" after it is that group,
/// not an organisation named before it. One scan; no allocation.
fn last_people_noun_end(doc: &Doc<'_>, from: usize, to: usize) -> usize {
    let first = doc.tokens.partition_point(|t| t.span.start < from);
    let people = |w: &str| {
        // Nearly all of them end in "s": a cheap test first.
        let ends_s = w
            .as_bytes()
            .last()
            .is_some_and(|b| b.eq_ignore_ascii_case(&b's'));
        if !ends_s {
            return IRREGULAR_PEOPLE_NOUNS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w));
        }
        PEOPLE_NOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
            || w.len() > 5
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && ["ers", "ists", "ians"].iter().any(|e| w.ends_with(e))
                && !THING_NOUNS.contains(&w)
    };
    doc.tokens
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.span.end <= to)
        .filter(|t| people(t.span.slice(doc.text)))
        .last()
        .map_or(0, |t| t.span.end)
}

/// The first byte of the sentence five sentences before the one holding byte `at`: how far
/// back a pronoun or a description looks for what it refers to.
fn lookback_floor(doc: &Doc<'_>, at: usize) -> usize {
    const SENTENCES_BACK: usize = 5;
    doc.sentence_start_back(at, SENTENCES_BACK)
}

/// The committed model.
static MODEL: &[u8] = include_bytes!("../../models/entities.bin");
/// The committed corpus case table.
static CASE: &[u8] = include_bytes!("../../models/entities-case.bin");

/// The committed corpus case table, parsed once per process: taggers built with the committed
/// model share it, and so does [`common_word`].
fn committed_case() -> &'static std::sync::Arc<CaseTable> {
    static TABLE: std::sync::OnceLock<std::sync::Arc<CaseTable>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::sync::Arc::new(CaseTable::parse(CASE)))
}

/// Finds named entities and resolves them to referents.
#[derive(Debug, Default)]
pub struct EntityTagger {
    model: Model,
    gaz: Gazetteer,
    case: std::sync::Arc<CaseTable>,
}

/// Scratch state of one document.
struct Tagged {
    toks: Vec<TokInfo>,
    tags: Vec<u8>,
    margins: Vec<f32>,
    /// Names after abbreviated titles ("Sen. Durbin"), token ranges in order.
    titled: Vec<Range<usize>>,
}

impl EntityTagger {
    /// A tagger with its model and gazetteers loaded.
    pub fn new() -> Self {
        Self::with_model(MODEL)
    }

    /// A tagger with the model in `bytes` (the format written by [`Trainer::export`]); a
    /// malformed model tags nothing.
    pub fn with_model(bytes: &[u8]) -> Self {
        EntityTagger {
            model: Model::parse(bytes),
            gaz: Gazetteer::load(),
            case: committed_case().clone(),
        }
    }

    /// A tagger with the model in `bytes`, the learned names in `names` (the format of
    /// [`Trainer::names`]) and the corpus case table in `case` ([`Trainer::case_table`]).
    pub fn with_model_and_names(bytes: &[u8], names: &str, case: &[u8]) -> Self {
        EntityTagger {
            model: Model::parse(bytes),
            gaz: Gazetteer::load_with(names),
            case: std::sync::Arc::new(CaseTable::parse(case)),
        }
    }

    /// True when a model is loaded.
    pub fn has_model(&self) -> bool {
        !self.model.is_empty()
    }

    /// The entities of `doc`.
    pub fn tag(&self, doc: &Doc<'_>) -> Entities {
        let t = self.run(doc);
        let mut spans = split_titles(doc, &t.toks, decode(doc, &t.tags));
        initials_and_suffixes(doc, &mut spans);
        split_at_breaks(doc, &t.toks, &mut spans);
        org_suffixes(doc, &t.toks, &mut spans);
        name_endings(doc, &t.toks, &mut spans);
        cues::purpose_names(
            doc,
            &t.toks,
            |r| self.gaz.get(seq_key(&t.toks, r.clone())) & cat::ORG_B != 0,
            &mut spans,
        );
        state_names(doc, &t.toks, &mut spans);
        cues::ampersands(doc, &t.toks, &mut spans);
        cues::domains(doc, &mut spans);
        cues::person_after_org(doc, &t.toks, &mut spans);
        // A hyphenated given name at token `s` after a capitalised word of the same sentence
        // that is no title or listed name: the family name before it ("Wu Chi-wai").
        let family_before_given = |s: usize| {
            s > 0
                && hyphenated_given(doc, s)
                && t.toks.get(s - 1).is_some_and(|p| {
                    p.flags & features::flag::CAP != 0 && p.gaz & (cat::TITLE | cat::NAMES) == 0
                })
                && doc
                    .sentences
                    .iter()
                    .any(|x| x.tokens.start < s && s < x.tokens.end)
        };
        // "Wu Chi-wai" tagged as "Chi-wai" alone: take in the family name before it.
        let mut prev_end = 0;
        for (r, ty) in spans.iter_mut() {
            let s = r.start;
            if r.len() == 1 && s > prev_end && family_before_given(s) {
                *r = s - 1..r.end;
                *ty = EntityType::Per;
            }
            prev_end = r.end;
        }
        // "Wong" + "Pik-wan" tagged as two names: one person.
        let mut k = 1;
        while k < spans.len() {
            let (r, _) = &spans[k];
            let (p, _) = &spans[k - 1];
            let s = r.start;
            if r.len() == 1 && p.len() == 1 && p.end == s && family_before_given(s) {
                spans[k - 1] = (s - 1..r.end, EntityType::Per);
                spans.remove(k);
            } else {
                k += 1;
            }
        }
        for (r, ty) in spans.iter_mut() {
            let first = t.toks.get(r.start).map_or(0, |x| x.gaz);
            let key = seq_key(&t.toks, r.clone());
            let whole = self.gaz.get(key) & (cat::LOC_B | cat::ORG_B);
            if compound_adjective(doc, r.end - 1) {
                // Adjectives made of a name are MISC (CoNLL): "New York-based", "Hong
                // Kong-listed"; an article before one is no part of it ("A Tallinn-based").
                *ty = EntityType::Misc;
                let article = doc
                    .tokens
                    .get(r.start)
                    .map(|t| t.span.slice(doc.text))
                    .is_some_and(|w| matches!(w, "A" | "An" | "The" | "a" | "an" | "the"));
                if r.len() >= 2 && article {
                    *r = r.start + 1..r.end;
                }
            } else if self.gaz.place_of(key).is_some() {
                // Demonyms and nationalities are MISC (CoNLL).
                *ty = EntityType::Misc;
            } else if whole == cat::ORG_B && matches!(*ty, EntityType::Misc | EntityType::Per) {
                // The whole mention is a listed organisation ("Boeing"), not a product or person.
                *ty = EntityType::Org;
            } else if r.len() == 2
                && *ty == EntityType::Org
                && first & (cat::FIRST_M | cat::FIRST_F) != 0
                && first & (cat::TR_B << 2) == 0
                && t.toks[r.start + 1].gaz
                    & (cat::ORG_SUFFIX | cat::ORG_I | cat::ORG_B | cat::MEDIA | cat::GOV)
                    == 0
                && !is_org_ending(referents::word(doc, r.start + 1))
            {
                // "George Washington": a given name and one more word that no list knows as
                // (part of) an organisation name is a person.
                *ty = EntityType::Per;
            } else if r.len() == 2
                && (hyphenated_given(doc, r.start + 1)
                    || (first & cat::FAMILY_FIRST != 0 && hyphenated_given_caps(doc, r.start + 1)))
            {
                // "Kwok Ka-ki", "Kang Kyung-wha": family name and hyphenated given name.
                *ty = EntityType::Per;
            } else if r.len() >= 2
                && ((*ty == EntityType::Misc
                    && first & (cat::FAMILY_FIRST | cat::FIRST_M | cat::FIRST_F) != 0)
                    || (first & cat::FAMILY_FIRST != 0 && korean_given(doc, &t.toks, r)))
            {
                // "Kang Kyung-wha": a given or family name opens a person's name.
                *ty = EntityType::Per;
            }
        }
        given_names(doc, &t.toks, &mut spans);
        appositions(doc, &t.toks, &mut spans);
        let firms = organisation_nouns(doc, &t.toks, &mut spans);
        cues::untagged_after_org_noun(doc, &t.toks, &mut spans);
        cues::first_word_of_org(doc, &t.toks, &mut spans);
        cues::person_nouns_before(doc, &t.toks, &mut spans);
        cues::job_appositions(doc, &t.toks, &mut spans);
        cues::of_after_person(doc, &t.toks, &mut spans);
        cues::airlines_and_ceos(doc, &t.toks, &mut spans);
        cues::place_nouns(doc, &t.toks, &mut spans);
        cues::plural_groups(doc, &t.toks, &self.gaz, &mut spans);
        cues::products_of_orgs(doc, &t.toks, &mut spans);
        cues::acronyms_in_person_names(doc, &t.toks, &mut spans);
        cues::pageant_titles(doc, &mut spans);
        cues::spaced_hyphens(doc, &t.toks, &mut spans);
        cues::given_and_family(doc, &t.toks, &mut spans);
        cues::listed_after_plural(doc, &t.toks, &mut spans);
        cues::acronym_before_brackets(doc, &t.toks, &mut spans);
        cues::caption_labels(doc, &mut spans);
        cues::leader_governments(doc, &t.toks, &mut spans);
        town_before_region(doc, &t.toks, &t.titled, &mut spans);
        coordinated_lists(doc, &t.toks, &mut spans);
        state_abbreviations(doc, &t.toks, &t.titled, &mut spans);
        cues::model_codes(doc, &mut spans);
        cues::lower_case_brands(doc, &mut spans);
        // A name has a letter or a digit ("." alone was tagged after "Jr").
        spans.retain(|(r, _)| {
            r.clone()
                .any(|i| referents::word(doc, i).chars().any(char::is_alphanumeric))
        });
        let mut e = referents::resolve(doc, &self.gaz, &t.toks, &spans, &firms);
        // "Acme Corp.", "Salomon Bros." and "EADS N.V.": the abbreviation's dot belongs to the
        // name.
        for m in e.mentions.iter_mut() {
            let Some(last) = doc.text.get(..m.span.end) else {
                continue;
            };
            let word = last
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let abbreviation = matches!(
                word,
                "Corp" | "Co" | "Inc" | "Ltd" | "Bros" | "Cos" | "Jr" | "Sr" | "Bhd" | "Pty"
            ) || LEGAL_FORMS
                .iter()
                .any(|f| f.contains('.') && last.ends_with(f));
            if abbreviation && doc.text.as_bytes().get(m.span.end) == Some(&b'.') {
                m.span.end += 1;
            }
        }
        e
    }

    fn run(&self, doc: &Doc<'_>) -> Tagged {
        let n = doc.tokens.len();
        let mut t = Tagged {
            toks: Vec::new(),
            tags: vec![0; n],
            margins: vec![0.0; n],
            titled: Vec::new(),
        };
        features::prepare_for_tagging(doc, &self.gaz, &mut t.toks);
        if self.model.is_empty() {
            return t;
        }
        let filler = features::Filler {
            words: features::Words::of(doc),
            case: &self.case,
        };
        self.tag_sentences(doc, &mut t, Some(&filler));
        headings(doc, &t.toks, &mut t.tags);
        t.titled = after_honorifics(doc, &t.toks, &mut t.tags);
        bylines(doc, &t.toks, &mut t.tags);
        consistency(doc, &t.toks, &mut t.tags, &t.margins, &t.titled);
        company_cues(doc, &t.toks, &mut t.tags);
        country_before_title(&t.toks, &mut t.tags);
        church_names(doc, &t.toks, &mut t.tags);
        extend_family_names(doc, &t.toks, &mut t.tags);
        t
    }
}

impl EntityTagger {
    /// The greedy tagger over every sentence of `doc`; `filler` fills in the token features
    /// that [`features::prepare_for_tagging`] leaves out (`None` when `t.toks` is complete).
    fn tag_sentences(&self, doc: &Doc<'_>, t: &mut Tagged, filler: Option<&features::Filler<'_>>) {
        let n = t.toks.len().min(t.tags.len());
        let mut hist = History::default();
        let mut feats = Vec::with_capacity(96);
        let words = features::Words::of(doc);
        with_frozen(&self.model, |scorer| {
            for s in doc.sentences {
                let r = s.tokens.start.min(n)..s.tokens.end.min(n);
                tag_sentence(
                    scorer,
                    &mut t.toks,
                    &words,
                    filler,
                    r,
                    &mut t.tags,
                    &mut t.margins,
                    &mut hist,
                    &mut feats,
                    None,
                );
            }
        });
    }
}

/// Entity token ranges with their types, from BILOU tags. A name never runs over a sentence
/// end: a run left open at the end of one sentence is dropped, and the next sentence's first
/// tag opens a name whatever its position (a title without a final stop, tagged "B I", is
/// followed by "I I L" on "China Eastern Airlines stated ...").
fn decode(doc: &Doc<'_>, tags: &[u8]) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::new();
    let mut start = None;
    // The first sentence that starts at or after the token looked at (sentences are in text
    // order); most tokens are O and skip the lookup.
    let mut next = 0;
    for (i, &tag) in tags.iter().enumerate() {
        let Some(ty) = tag_type(tag) else {
            start = None;
            continue;
        };
        let mut pos = tag_pos(tag);
        while doc.sentences.get(next).is_some_and(|s| s.tokens.start < i) {
            next += 1;
        }
        if doc.sentences.get(next).is_some_and(|s| s.tokens.start == i) {
            next += 1;
            start = None;
            // Inside -> begin, last -> unit.
            pos = match pos {
                1 => 0,
                2 => 3,
                p => p,
            };
        }
        match pos {
            0 => start = Some(i),
            1 => {}
            2 => {
                if let Some(s) = start.take() {
                    out.push((s..i + 1, TYPES[ty as usize]));
                }
            }
            _ => {
                start = None;
                out.push((i..i + 1, TYPES[ty as usize]));
            }
        }
    }
    out
}

const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

fn type_index(t: EntityType) -> u8 {
    match t {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
        EntityType::Misc => 3,
    }
}

fn set_tags(tags: &mut [u8], r: Range<usize>, ty: u8) {
    let len = r.len();
    for (k, i) in r.enumerate() {
        let pos = if len == 1 {
            3
        } else if k == 0 {
            0
        } else if k + 1 == len {
            2
        } else {
            1
        };
        if let Some(t) = tags.get_mut(i) {
            *t = make_tag(ty, pos);
        }
    }
}

fn seq_key(toks: &[TokInfo], r: Range<usize>) -> u64 {
    toks.get(r)
        .unwrap_or(&[])
        .iter()
        .fold(0, |h, t| hash_seq(h, t.lower))
}

/// Document-level consistency: identical names get the type with the most confident votes, and
/// capitalised words that repeat a name found elsewhere (or the first or last word of a person's
/// name) are tagged like it.
fn consistency(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    tags: &mut [u8],
    margins: &[f32],
    titled: &[Range<usize>],
) {
    let spans = decode(doc, tags);
    if spans.is_empty() {
        return;
    }
    let mut votes: HashMapId<[f32; 4]> = HashMapId::default();
    let mut parts: HashMapId<u8> = HashMapId::default();
    let mut max_len = 1;
    for (r, ty) in &spans {
        let conf = r
            .clone()
            .map(|i| margins.get(i).copied().unwrap_or(0.0).min(1e6))
            .fold(f32::INFINITY, f32::min)
            .max(1.0);
        // Evidence from a heading or a sentence start is weak.
        let weak = r
            .clone()
            .all(|i| toks[i].flags & (features::flag::CAPS_LINE | features::flag::SENT_START) != 0);
        let w = if weak { conf * 0.25 } else { conf };
        // "Mr. X" is a person whatever the tagger was unsure of.
        let w = if *ty == EntityType::Per
            && (after_honorific(doc, r.start)
                || titled.binary_search_by_key(&r.start, |x| x.start).is_ok())
        {
            w.max(1e7)
        } else {
            w
        };
        votes.entry(seq_key(toks, r.clone())).or_default()[type_index(*ty) as usize] += w;
        max_len = max_len.max(r.len().min(6));
        if *ty == EntityType::Per && r.len() >= 2 {
            for i in [r.start, r.end - 1] {
                parts.insert(toks[i].lower, 0);
            }
        }
    }
    // Relabel disagreeing copies.
    for (r, ty) in &spans {
        if let Some(v) = votes.get(&seq_key(toks, r.clone())) {
            let best = (0..4u8)
                .max_by(|&a, &b| v[a as usize].total_cmp(&v[b as usize]))
                .unwrap_or(0);
            if best != type_index(*ty) && v[best as usize] > v[type_index(*ty) as usize] {
                set_tags(tags, r.clone(), best);
            }
        }
    }
    // Fill untagged repeats.
    let n = toks.len();
    for s in doc.sentences {
        let end = s.tokens.end.min(n);
        let mut i = s.tokens.start;
        while i < end {
            let f = toks[i].flags;
            // A word also written in lower case in the article ("The") is no name to spread.
            if tags[i] != 0
                || f & (features::flag::CAP | features::flag::ALLCAPS) == 0
                || toks[i].docc & 1 != 0
            {
                i += 1;
                continue;
            }
            let mut found = None;
            let mut h = 0;
            for j in i..end.min(i + max_len) {
                if tags[j] != 0 {
                    break;
                }
                h = hash_seq(h, toks[j].lower);
                if let Some(v) = votes.get(&h) {
                    let best = (0..4u8)
                        .max_by(|&a, &b| v[a as usize].total_cmp(&v[b as usize]))
                        .unwrap_or(0);
                    if v[best as usize] >= 2.0 {
                        found = Some((j + 1, best));
                    }
                }
            }
            if found.is_none()
                && parts.contains_key(&toks[i].lower)
                && f & features::flag::POSS == 0
            {
                found = Some((i + 1, 0));
            }
            match found {
                Some((j, ty)) => {
                    set_tags(tags, i..j, ty);
                    i = j;
                }
                None => i += 1,
            }
        }
    }
}

/// A listed one-word country left untagged before a capitalised title is the place: "US
/// President Barack Obama", "UK Prime Minister".
fn country_before_title(toks: &[TokInfo], tags: &mut [u8]) {
    for i in 0..toks.len().saturating_sub(1) {
        let (me, next) = (&toks[i], &toks[i + 1]);
        if tags[i] == 0
            && me.gaz & cat::COUNTRY != 0
            && me.flags & (features::flag::CAP | features::flag::ALLCAPS) != 0
            && me.flags & features::flag::CAPS_LINE == 0
            && next.gaz & cat::TITLE != 0
            && next.flags & features::flag::CAP != 0
            && next.flags & features::flag::CAPS_LINE == 0
        {
            set_tags(tags, i..i + 1, type_index(EntityType::Loc));
        }
    }
}

/// Words right after a name that make it a company: "X shares rose", "X's stock".
const COMPANY_AFTER: &[&str] = &[
    "shares",
    "stock",
    "stocks",
    "shareholders",
    "stockholders",
    "subsidiary",
    "subsidiaries",
];

/// Words right before "of" or "in" and a name that make it a company: "shares of X",
/// "a stake in X" (not "percent": "40 percent of Smith voters").
const COMPANY_BEFORE: &[&str] = &[
    "shares",
    "stake",
    "stakes",
    "subsidiary",
    "shareholders",
    "stockholders",
];

/// Nouns for what one company is to another: "X, Boeing's rival".
const COMPANY_RELATIONS: &[&str] = &[
    "competitor",
    "parent",
    "partner",
    "rival",
    "subsidiary",
    "supplier",
    "unit",
];

/// A name the tagger typed as a person is a company when the article uses it like one at least
/// once ("shares of X", "X shares", "X's stock", "a stake in X") and never gives it a title
/// ("Mr. X") or a given name: every mention of it is then an organisation (unknown companies
/// with name-like names: "Pirelli", "Northrop Grumman").
fn company_cues(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) {
    let spans = decode(doc, tags);
    if spans.is_empty() {
        return;
    }
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let lower_word = |i: usize, list: &[&str]| {
        toks.get(i)
            .is_some_and(|t| t.flags & features::flag::CAP == 0)
            && list.iter().any(|w| word(i).eq_ignore_ascii_case(w))
    };
    let mut company: HashMapId<()> = HashMapId::default();
    let mut titled: HashMapId<()> = HashMapId::default();
    let orgs: Vec<Range<usize>> = spans
        .iter()
        .filter(|(_, ty)| matches!(*ty, EntityType::Org | EntityType::Misc))
        .map(|(r, _)| r.clone())
        .collect();
    for (r, ty) in &spans {
        // A place no list knows ("Shares of Lumora") reads the same cues as a person's name;
        // a listed place ("shares of China" does not occur, "a stake in Iraq" does) never.
        let unknown_place = *ty == EntityType::Loc
            && toks[r.start].gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY | cat::TR_B << 4) == 0;
        if *ty != EntityType::Per && !unknown_place {
            continue;
        }
        let key = seq_key(toks, r.clone());
        let honorific = |i: usize| {
            matches!(
                word(i),
                "Mr" | "Mrs" | "Ms" | "Dr" | "Mr." | "Mrs." | "Ms." | "Dr."
            )
        };
        let before_title = r.start > 0
            && (toks[r.start - 1].gaz & cat::TITLE != 0
                || honorific(r.start - 1)
                || (r.start > 1 && word(r.start - 1) == "." && honorific(r.start - 2)));
        // A title or a given name ("Bill Clinton") makes a person, and so the words of a
        // longer person's name ("Clinton").
        let given = r.len() >= 2 && toks[r.start].gaz & (cat::FIRST_M | cat::FIRST_F) != 0;
        if before_title || given {
            titled.insert(key, ());
            for i in r.clone() {
                titled.insert(seq_key(toks, i..i + 1), ());
            }
            continue;
        }
        let mut after = r.end;
        if toks
            .get(after)
            .is_some_and(|t| t.flags & features::flag::POSS != 0)
        {
            after += 1;
        }
        // "X shares rose", not "X shares the view" (the verb).
        let cue_after = lower_word(after, COMPANY_AFTER)
            && !matches!(
                word(after + 1),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "my"
                    | "our"
                    | "your"
                    | "some"
                    | "many"
                    | "no"
                    | "much"
            );
        // "X CEO Jane Doe", "X chief executive", "X merged with".
        let cue_after = cue_after
            || word(after) == "CEO"
            || (lower_word(after, &["chief"])
                && matches!(word(after + 1), "executive" | "executives"))
            || (lower_word(after, &["merged"]) && word(after + 1) == "with");
        let cue_before = r.start >= 2
            && ((matches!(word(r.start - 1), "of" | "in")
                && (lower_word(r.start - 2, COMPANY_BEFORE)
                    // "Shares of Lumora" opening a sentence.
                    || matches!(word(r.start - 2), "Shares" | "Stakes")))
                // "CEO of X", "chief executive of X", "merged with X", "merger with X".
                || (word(r.start - 1) == "of"
                    && (word(r.start - 2) == "CEO" || lower_word(r.start - 2, &["executive"])))
                || (word(r.start - 1) == "with"
                    && lower_word(r.start - 2, &["merged", "merger"])));
        // "X, Boeing's rival": an apposition that calls it an organisation's rival or parent.
        let cue_apposition = word(r.end) == ","
            && orgs.iter().find(|s| s.start == r.end + 1).is_some_and(|s| {
                toks.get(s.end)
                    .is_some_and(|t| t.flags & features::flag::POSS != 0)
                    && lower_word(s.end + 1, COMPANY_RELATIONS)
            });
        // "Boeing and Lockheed Martin", "Northrop Grumman and Airbus": joined to a name the
        // lists know as a company.
        let known = |s: &Range<usize>| {
            let g = toks[s.start].gaz;
            s.len() == 1 && (g & (cat::ORG_B | cat::MEDIA) != 0 || g & (cat::TR_B << 2) != 0)
        };
        let coordinated = matches!(word(r.end), "and" | "or")
            && orgs.iter().any(|s| s.start == r.end + 1 && known(s))
            || r.start >= 2
                && matches!(word(r.start - 1), "and" | "or")
                && orgs.iter().any(|s| s.end == r.start - 1 && known(s));
        // A place reads only the share and stake cues ("Brighton and Southampton" are towns).
        if cue_after || cue_before || (!unknown_place && (coordinated || cue_apposition)) {
            company.insert(key, ());
        }
    }
    if company.is_empty() {
        return;
    }
    for (r, ty) in spans {
        let key = seq_key(toks, r.clone());
        if matches!(ty, EntityType::Per | EntityType::Loc)
            && company.contains_key(&key)
            && !titled.contains_key(&key)
        {
            set_tags(tags, r, type_index(EntityType::Org));
        }
    }
}

/// In all-caps headings the tagger cannot see case: a word stays in a name only with evidence
/// (a gazetteer or training-data name, or the word written capitalised inside a sentence
/// elsewhere in the article). Runs of such words are retyped from the gazetteers.
fn headings(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) {
    let evidence = |t: &TokInfo| {
        t.gaz & (cat::NAMES | cat::LOC_I | cat::ORG_I | cat::DEM_I) != 0
            || t.gaz >> 16 & 0xff != 0
            || t.docc & 2 != 0
    };
    for (r, ty) in decode(doc, tags) {
        if toks[r.start].flags & features::flag::CAPS_LINE == 0 {
            continue;
        }
        if r.clone().all(|i| evidence(&toks[i])) {
            continue;
        }
        for i in r.clone() {
            tags[i] = 0;
        }
        let mut i = r.start;
        while i < r.end {
            if !evidence(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < r.end && evidence(&toks[j]) {
                j += 1;
            }
            let g = toks[i].gaz;
            let learned = (0..4u8).find(|k| g & (cat::TR_B << (2 * k)) != 0);
            let ty = if let Some(k) = learned {
                k
            } else if g & cat::DEM_B != 0 {
                3
            } else if g & cat::LOC_B != 0 {
                2
            } else if g & cat::ORG_B != 0 {
                1
            } else {
                type_index(ty)
            };
            set_tags(tags, i..j, ty);
            i = j;
        }
    }
}

/// True when token `i` looks like a hyphenated East Asian given name: "Kyung-wha", "Ka-ki"
/// (capital, lower-case letters, hyphen, lower-case letters).
fn hyphenated_given(doc: &Doc<'_>, i: usize) -> bool {
    let w = referents::word(doc, i);
    if w.is_empty() {
        return false;
    }
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let mut ac = a.chars();
    ac.next().is_some_and(|c| c.is_ascii_uppercase())
        && a.len() >= 2
        && ac.all(|c| c.is_ascii_lowercase())
        && b.len() >= 2
        && b.chars().all(|c| c.is_ascii_lowercase())
}

/// True when token `i` looks like a hyphenated Korean given name written with two capitals:
/// "Joo-Ho", "Shin-Wook" (two syllables of two to five letters, each capitalised).
fn hyphenated_given_caps(doc: &Doc<'_>, i: usize) -> bool {
    let w = referents::word(doc, i);
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syllable = |p: &str| {
        let mut c = p.chars();
        (2..=5).contains(&p.len())
            && c.next().is_some_and(|c| c.is_ascii_uppercase())
            && c.all(|c| c.is_ascii_lowercase())
    };
    syllable(a) && syllable(b)
}

/// True when the words after an East Asian family name look like a given name: a hyphenated
/// name ("Kyung-wha") or one or two short capitalised syllables ("Jong Un", "Jinping").
fn korean_given(doc: &Doc<'_>, toks: &[TokInfo], r: &Range<usize>) -> bool {
    let rest = r.start + 1..r.end;
    if rest.is_empty() || rest.len() > 2 {
        return false;
    }
    rest.clone().all(|i| {
        let f = toks[i].flags;
        let len = doc.tokens.get(i).map_or(0, |t| t.span.len());
        f & features::flag::CAP != 0
            && toks[i].gaz & cat::NAMES == 0
            && (f & features::flag::HYPHEN != 0 || len <= 8)
    })
}

/// Words that end the head of an apposition after a name ("X, a doctor at the clinic"): what
/// follows them describes something else.
const APPOSITION_STOPS: &[&str] = &[
    "and", "or", "of", "who", "which", "that", "in", "at", "by", "for", "with", "from", "to", "on",
];

/// Lowercase words that make an adjective of the name before their hyphen.
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "based",
    "listed",
    "born",
    "sponsored",
    "led",
    "backed",
    "owned",
    "made",
    "controlled",
    "funded",
    "bound",
    "run",
    "style",
    "registered",
    "headquartered",
    "educated",
    "trained",
];

/// True when token `i` is a hyphenated adjective that ends in one of [`ADJECTIVE_SUFFIXES`]
/// ("York-based").
fn compound_adjective(doc: &Doc<'_>, i: usize) -> bool {
    let w = referents::word(doc, i);
    if w.is_empty() {
        return false;
    }
    w.rsplit_once('-')
        .is_some_and(|(a, b)| !a.is_empty() && ADJECTIVE_SUFFIXES.contains(&b))
}

/// Titles are not part of names (CoNLL): "South Korean President Lee Jae Myung" is split into
/// "South Korean" and the person "Lee Jae Myung"; adjacent single words of a Korean-style name
/// ("Kang" "Kyung-wha") are joined.
fn split_titles(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: Vec<(Range<usize>, EntityType)>,
) -> Vec<(Range<usize>, EntityType)> {
    let mut out: Vec<(Range<usize>, EntityType)> = Vec::with_capacity(spans.len());
    for (r, ty) in spans {
        let listed_title = |i: usize| {
            toks[i].flags & features::flag::CAP != 0
                && (toks[i].gaz & cat::TITLE != 0
                    || in_list(&lists().extra_titles, referents::word(doc, i)))
        };
        // "Chief Executive Dermot Mannion": a title's second word is a title too.
        let title = |i: usize| {
            listed_title(i)
                || (i > 0
                    && listed_title(i - 1)
                    && matches!(referents::word(doc, i), "Executive" | "Officer"))
        };
        let first_title = (r.start + 1..r.end.saturating_sub(1)).find(|&i| title(i));
        let (r, ty) = match first_title {
            Some(k) => {
                let mut after = k;
                while after < r.end && title(after) {
                    after += 1;
                }
                if after < r.end {
                    out.push((r.start..k, ty));
                    (after..r.end, EntityType::Per)
                } else {
                    (r, ty)
                }
            }
            // "Justice Department", "Chancellor Foundation": an organisation's word ends it.
            None if r.len() >= 2
                && title(r.start)
                && !is_org_ending(referents::word(doc, r.end - 1)) =>
            {
                let mut after = r.start;
                while after < r.end && title(after) {
                    after += 1;
                }
                if after < r.end {
                    (after..r.end, EntityType::Per)
                } else {
                    (r, ty)
                }
            }
            None => (r, ty),
        };
        // Join "Kang" + "Kyung-wha".
        if let Some(prev) = out.last_mut() {
            if prev.0.end == r.start
                && prev.0.len() == 1
                && toks[prev.0.start].gaz & cat::FAMILY_FIRST != 0
                && toks[r.start].flags & features::flag::HYPHEN != 0
            {
                prev.0.end = r.end;
                prev.1 = EntityType::Per;
                continue;
            }
        }
        out.push((r, ty));
    }
    out
}

/// A lone given name typed as a place or organisation ("a pink Marilyn", "Ilona loves him") is
/// a person when no list knows the word as a place or body and the article never uses it as a
/// place (after "in", "from", ... or before ", Place").
fn given_names(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut [(Range<usize>, EntityType)]) {
    let candidate = |r: &Range<usize>, ty: EntityType| {
        let g = toks[r.start].gaz;
        r.len() == 1
            && matches!(ty, EntityType::Loc | EntityType::Org)
            && g & (cat::FIRST_M | cat::FIRST_F) != 0
            && g & (cat::NAMES | cat::ORG_SUFFIX | cat::TITLE | cat::TEMPORAL) == 0
            && g & ((cat::TR_B << 2) | (cat::TR_B << 4) | (cat::TR_B << 6)) == 0
            && toks[r.start].flags & features::flag::ALLCAPS == 0
    };
    let mut placed: Vec<u64> = Vec::new();
    let mut any = false;
    for (r, ty) in spans.iter() {
        if candidate(r, *ty) {
            any = true;
            // A venue in a slash list ("Nikki Beach / Pearl") is no person either.
            let slash = |i: usize| referents::word(doc, i) == "/";
            if referents::place_context_with(doc, toks, r, false)
                || (r.start > 0 && slash(r.start - 1))
                || slash(r.end)
            {
                placed.push(toks[r.start].lower);
            }
        }
    }
    if !any {
        return;
    }
    for (r, ty) in spans.iter_mut() {
        if candidate(r, *ty) && !placed.contains(&toks[r.start].lower) {
            *ty = EntityType::Per;
        }
    }
}

/// Nouns for people that, in an apposition, make the name before them a person's: "Valeska
/// Paris, an Australian woman", "Jo Quill, a local lawyer".
const PERSON_NOUNS: &[&str] = &[
    "woman",
    "man",
    "girl",
    "boy",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "sister",
    "brother",
    "widow",
    "widower",
    "grandmother",
    "grandfather",
    "teenager",
    "resident",
    "student",
    "activist",
    "businessman",
    "businesswoman",
    "lawyer",
    "actor",
    "actress",
    "singer",
    "songwriter",
    "journalist",
    "politician",
    "lawmaker",
    "senator",
    "professor",
    "teacher",
    "nurse",
    "doctor",
    "artist",
    "painter",
    "photographer",
    "musician",
    "novelist",
    "poet",
    "footballer",
    "spokesman",
    "spokeswoman",
    "scientist",
    "researcher",
    "veteran",
    "mayor",
    "pilot",
    "priest",
    "bishop",
    "monk",
    "nun",
];

/// A name followed by an apposition that calls it a person ("Valeska Paris, an Australian
/// woman and former member,") is a person's, and so is every other mention with the same words.
fn appositions(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut [(Range<usize>, EntityType)]) {
    let word = |i: usize| referents::word(doc, i);
    let mut people: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty == EntityType::Per || word(r.end) != "," {
            continue;
        }
        let mut i = r.end + 1;
        if !matches!(word(i), "a" | "an" | "the") {
            continue;
        }
        i += 1;
        let stop = (i + 5).min(toks.len());
        while i < stop {
            let Some(t) = doc.tokens.get(i) else {
                break;
            };
            if t.kind == crate::segment::TokenKind::Punct && !matches!(word(i), "-" | "'s") {
                break;
            }
            let w = word(i);
            if in_list(&lists().person_nouns, w) {
                // The apposition must close: "X, an Australian woman and former member, has
                // claimed", "said X, a lawyer." (not "According to X, the mayor resigned").
                let closed = matches!(word(i + 1), "." | "," | ")" | ";" | "who" | "whose")
                    || (i + 2..(i + 8).min(toks.len()))
                        .take_while(|&j| word(j) != ".")
                        .any(|j| matches!(word(j), "," | ")" | "\u{2014}" | "--"));
                if closed {
                    people.push(seq_key(toks, r.clone()));
                }
                break;
            }
            if APPOSITION_STOPS.contains(&w) {
                break;
            }
            i += 1;
        }
    }
    retype_all(
        toks,
        spans,
        &people,
        |ty| ty != EntityType::Per,
        EntityType::Per,
    );
}

/// Gives type `to` to every span of a type `from` accepts whose words' key ([`seq_key`]) is
/// one of `keys`: the rules that find a name's type in one mention retype all its mentions.
fn retype_all(
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
    keys: &[u64],
    from: impl Fn(EntityType) -> bool,
    to: EntityType,
) {
    if keys.is_empty() {
        return;
    }
    for (r, ty) in spans.iter_mut() {
        if from(*ty) && keys.contains(&seq_key(toks, r.clone())) {
            *ty = to;
        }
    }
}

/// Titles before a name that the gazetteer's title list (a model feature) leaves out: "NASA
/// Administrator Charles Bolden" is "NASA" and the person "Charles Bolden".
const EXTRA_TITLES: &[&str] = &[
    "Administrator",
    "Superintendent",
    "Inspector",
    "Sergeant",
    "Lieutenant",
    "Colonel",
    "Detective",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Alderman",
    "Spokesman",
    "Spokeswoman",
    "Envoy",
];

/// Religious organisations: once the article names "the Church of X", a later "Church" (capital
/// C, "The Church also claims") and a bare "X" (unless X is a place: "Church of England") are
/// that organisation, and so is a repeat of the full name the tagger missed.
fn church_names(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) {
    let word = |i: usize| referents::word(doc, i);
    if !doc
        .tokens
        .iter()
        .any(|t| t.span.len() == 6 && t.span.slice(doc.text) == "Church")
    {
        return;
    }
    let mut rests: Vec<Range<usize>> = Vec::new();
    for (r, ty) in decode(doc, tags) {
        let mut a = r.start;
        if matches!(word(a), "The" | "the") {
            a += 1;
        }
        if ty == EntityType::Org && r.end >= a + 3 && word(a) == "Church" && word(a + 1) == "of" {
            rests.push(a + 2..r.end);
        }
    }
    if rests.is_empty() {
        return;
    }
    let n = toks.len().min(tags.len());
    let same = |a: usize, rest: &Range<usize>| {
        rest.clone()
            .enumerate()
            .all(|(k, j)| toks.get(a + k).is_some_and(|t| t.lower == toks[j].lower))
    };
    let free = |tags: &[u8], i: usize| tags[i] == 0 || tag_pos(tags[i]) == 3;
    let org = type_index(EntityType::Org);
    let mut i = 0;
    while i < n {
        let cap = toks[i].flags & features::flag::CAP != 0
            && toks[i].flags & features::flag::CAPS_LINE == 0;
        if !cap || !free(tags, i) {
            i += 1;
            continue;
        }
        if word(i) == "Church" {
            let full = rests
                .iter()
                .find(|rest| word(i + 1) == "of" && same(i + 2, rest) && i + 2 + rest.len() <= n);
            let end = match full {
                Some(rest)
                    if (i + 1..i + 2 + rest.len())
                        .all(|j| tags[j] == 0 || tag_pos(tags[j]) == 3) =>
                {
                    i + 2 + rest.len()
                }
                _ => i + 1,
            };
            set_tags(tags, i..end, org);
            i = end;
            continue;
        }
        let bare = rests.iter().any(|rest| {
            rest.len() == 1
                && toks[rest.start].lower == toks[i].lower
                && toks[i].gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY | cat::DEM_B) == 0
        });
        if bare && !(i >= 2 && word(i - 1) == "of" && word(i - 2) == "Church") {
            set_tags(tags, i..i + 1, org);
        }
        i += 1;
    }
}

/// Words that end names of places people go to: "Fisht Stadium", "Changi International
/// Airport", "Shandao Station", "Kennedy Space Center", "the Evergreen Aviation & Space
/// Museum", "the Grand Mosque" (public places, as in CoNLL's and MUC's conventions; CoNLL-2003
/// types its centres and museums as places too). "Museum of Flight" opens with one.
const PLACE_ENDINGS: &[&str] = &[
    "Stadium",
    "Arena",
    "Airport",
    "Station",
    "Center",
    "Centre",
    "Museum",
    "Complex",
    "Mosque",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "Boulevard",
    "Highway",
    "Plateau",
    "Valley",
    "River",
    "Island",
    "Islands",
    "Mountains",
    "Ocean",
    "Sea",
    "Peninsula",
    "Desert",
    "Canyon",
    "Gulf",
    "Strait",
    "Oval",
    "County",
    "Parish",
];

/// Words that end buildings and sites: a name ending in one is cut before "in", "at" or
/// "near" and a place ("Fisht Stadium in Sochi" is "Fisht Stadium" and "Sochi").
const SITE_ENDINGS: &[&str] = &[
    "Stadium",
    "Arena",
    "Airport",
    "Station",
    "Museum",
    "Centre",
    "Center",
    "Hall",
    "Hotel",
    "Tower",
    "Towers",
    "Park",
    "Church",
    "Cathedral",
    "Mosque",
    "Temple",
    "Palace",
    "Hospital",
    "Bridge",
    "Square",
    "Theatre",
    "Theater",
    "Gallery",
    "Library",
    "Zoo",
    "Base",
];

/// Words that end newspaper and magazine names: "the New Zealand Herald", "Edmonton Sun".
const MEDIA_ENDINGS: &[&str] = &[
    "Herald",
    "Gazette",
    "Times",
    "Post",
    "Journal",
    "Tribune",
    "Star",
    "Sun",
    "Chronicle",
    "Observer",
    "Guardian",
    "Telegraph",
    "Courier",
    "Examiner",
    "Inquirer",
    "Weekly",
    "Magazine",
    "Press",
    "Sentinel",
    "Statesman",
    "Bulletin",
    "Dispatch",
];

/// Words before "Center" or "Centre" that make the name an institution, not a place: "Pew
/// Research Center", "Brennan Center for Justice" stays as the tagger had it, "Kennedy Space
/// Center" is a place.
const INSTITUTE_WORDS: &[&str] = &[
    "Research",
    "Policy",
    "Medical",
    "Cancer",
    "Studies",
    "Health",
    "Law",
    "Legal",
    "Data",
    "Media",
    "Information",
    "Press",
    "Justice",
    "Rights",
    "Development",
    "Security",
    "Strategic",
    "Science",
    "Education",
    "Technology",
    "Innovation",
    "Resource",
    "Resources",
    "Treatment",
    "Trauma",
    "Counseling",
    "Advocacy",
    "Analysis",
    "Economic",
    "Environmental",
];

/// Cuts names that run over a break no name crosses: a caption's colon or slash ("Image:
/// Twitter / Barack Obama" is "Twitter" and "Barack Obama"; the label "Image" is dropped),
/// and a site followed by "in", "at" or "near" and a place ("Fisht Stadium in Sochi").
fn split_at_breaks(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    // A name never runs over a comma into lower-case words ("Md." + ", watched the") or a
    // state's abbreviation ("Jane Smith" + ", Calif.").
    for (r, _) in spans.iter_mut() {
        if r.len() >= 3 {
            if let Some(c) = (r.start + 1..r.end - 1).find(|&i| {
                word(i) == ","
                    && (toks
                        .get(i + 1)
                        .is_some_and(|t| t.flags & features::flag::LOWER != 0)
                        || state_abbreviation_at(doc, i + 1).is_some())
            }) {
                r.end = c;
            }
        }
    }
    // Nor over a possessive into lower-case words ("Steve Jobs" + "' success"; "Lloyd's of
    // London" is a name).
    for (r, _) in spans.iter_mut() {
        if let Some(p) = (r.start + 1..r.end.saturating_sub(1)).find(|&i| {
            referents::is_possessive(word(i))
                && toks
                    .get(i + 1)
                    .is_some_and(|t| t.flags & features::flag::LOWER != 0)
                && !matches!(word(i + 1), "of" | "and" | "for" | "de" | "du" | "la")
        }) {
            r.end = p;
        }
    }
    // A sentence's full stop taken in as a token of its own ("Barack Obama" + ".") is no part
    // of the name (an abbreviation's dot is put back on the mention later: "Acme Corp.").
    // Abbreviations keep theirs ("U.S.": the word before the dot is a word of three letters
    // or more, with lowercase letters).
    for (r, _) in spans.iter_mut() {
        let before = word(r.end.wrapping_sub(2));
        // A full stop ends a sentence: a space or the end of the text follows ("St.
        // Petersburg, Fla., for" keeps its dot).
        let ends = doc.tokens.get(r.end - 1).is_some_and(|t| {
            doc.text
                .as_bytes()
                .get(t.span.end)
                .is_none_or(u8::is_ascii_whitespace)
        });
        if r.len() >= 2
            && word(r.end - 1) == "."
            && ends
            && before.chars().count() >= 3
            && before.chars().any(char::is_lowercase)
        {
            r.end -= 1;
        }
    }
    let place = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0)
    };
    let needs = spans.iter().any(|(r, _)| {
        r.clone()
            .any(|i| matches!(word(i), ":" | "/" | "in" | "at" | "near"))
    });
    if !needs {
        return;
    }
    let mut out: Vec<(Range<usize>, EntityType)> = Vec::with_capacity(spans.len() + 4);
    for (r, ty) in spans.drain(..) {
        let mut start = r.start;
        let mut i = r.start;
        let mut split = false;
        let first_piece = out.len();
        while i < r.end {
            let w = word(i);
            let caption = |e: usize| {
                e > start
                    && matches!(
                        word(e - 1),
                        "Image" | "Photo" | "Video" | "Audio" | "Source" | "Credit"
                    )
            };
            let cut = w == "/"
                || (w == ":" && caption(i))
                || (matches!(w, "in" | "at" | "near")
                    && i > start
                    && in_list(&lists().site_endings, word(i - 1))
                    && (place(i + 1)
                        || toks
                            .get(i + 1)
                            .is_some_and(|t| t.flags & features::flag::CAP != 0)));
            if cut {
                let mut end = i;
                // "Image:", "Photo:": the label of a caption credit is no name.
                if w == ":" {
                    end -= 1;
                }
                if end > start {
                    out.push((start..end, ty));
                }
                split = true;
                start = i + 1;
                if matches!(w, "in" | "at" | "near") {
                    // The place after the site.
                    let mut j = start;
                    while j < r.end && !matches!(word(j), ":" | "/" | "," | "in" | "at") {
                        j += 1;
                    }
                    out.push((start..j, EntityType::Loc));
                    start = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        if start < r.end {
            out.push((start..r.end, ty));
        }
        if !split {
            continue;
        }
        // A piece that opens with a given name and has two or three words is a person's
        // name ("Twitter / Barack Obama").
        for (r, ty) in out[first_piece..].iter_mut() {
            if (2..=3).contains(&r.len())
                && *ty != EntityType::Per
                && toks[r.start].gaz & (cat::FIRST_M | cat::FIRST_F) != 0
                && toks[r.start].gaz & cat::NAMES == 0
                && r.clone().all(|i| toks[i].flags & features::flag::CAP != 0)
                && r.clone()
                    .skip(1)
                    .all(|i| toks[i].gaz & (cat::NAMES | cat::ORG_SUFFIX) == 0)
            {
                *ty = EntityType::Per;
            }
        }
    }
    *spans = out;
}

/// Names ending in a newspaper word are organisations, and take in that word when the tagger
/// left it out ("New Zealand" + "Herald"); names ending in a street, station, stadium or
/// airport word are places.
fn name_endings(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    let mut k = 0;
    while k < spans.len() {
        let (r, ty) = spans[k].clone();
        let next = r.end;
        let next_free = spans.get(k + 1).is_none_or(|(n, _)| n.start > next)
            || spans
                .get(k + 1)
                .is_some_and(|(n, _)| n.start == next && n.len() == 1);
        let next_cap = toks.get(next).is_some_and(|t| {
            t.flags & features::flag::CAP != 0 && t.flags & features::flag::CAPS_LINE == 0
        });
        if ty != EntityType::Per
            && next_cap
            && in_list(&lists().media_endings, word(next))
            && next_free
            && doc
                .sentences
                .iter()
                .any(|s| s.tokens.start <= r.start && next < s.tokens.end)
        {
            if spans.get(k + 1).is_some_and(|(n, _)| n.start == next) {
                spans.remove(k + 1);
            }
            spans[k] = (r.start..next + 1, EntityType::Org);
        } else if r.len() >= 2 && in_list(&lists().media_endings, word(r.end - 1)) {
            spans[k].1 = EntityType::Org;
        } else if r.len() >= 2
            && ((in_list(&lists().place_endings, word(r.end - 1))
                // A county before a score is a football club ("Notts County 0").
                && !(word(r.end - 1) == "County"
                    && toks
                        .get(r.end)
                        .is_some_and(|t| t.flags & features::flag::DIGIT != 0)))
                || (word(r.start) == "Museum" && word(r.start + 1) == "of")
                // "Lake Chad", "Mount Vernon", "Cape Cod".
                || (matches!(word(r.start), "Lake" | "Mount" | "Cape")
                    && r.clone().all(|i| {
                        toks[i].flags & features::flag::CAP != 0 && !is_org_ending(word(i))
                    })))
            && !(ty == EntityType::Org
                && matches!(word(r.end - 1), "Center" | "Centre")
                && INSTITUTE_WORDS.contains(&word(r.end - 2)))
        {
            spans[k].1 = EntityType::Loc;
        } else if r.len() >= 3
            && matches!(word(r.start), "State" | "Province" | "Commonwealth")
            && word(r.start + 1) == "of"
            && toks[r.start + 2].gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0
        {
            // "the State of Texas" is the place.
            spans[k].1 = EntityType::Loc;
        }
        k += 1;
    }
}

/// A name of one or two words before a comma and a listed state or country that closes the
/// phrase is a town: "Evansville, Indiana, ...", "of McMinnville, Oregon.", "in Bowling Green,
/// Ohio" (not a person or a company), and so is every other mention of it ("a former resident
/// of Evansville"). A two-word name opening with a given name stays a person ("John Cornyn,
/// Texas").
fn town_before_region(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    titled: &[Range<usize>],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut towns: Vec<u64> = Vec::new();
    for k in 0..spans.len().saturating_sub(1) {
        let (r, ty) = &spans[k];
        let (n, next_ty) = &spans[k + 1];
        let given = r.len() == 2
            && toks
                .get(r.start)
                .is_some_and(|t| t.gaz & (cat::FIRST_M | cat::FIRST_F | cat::TITLE) != 0);
        // "Sens. Cornyn, Texas, and Durbin, Illinois": names after a title are people.
        let titled = titled.binary_search_by_key(&r.start, |x| x.start).is_ok();
        if (1..=2).contains(&r.len())
            && !given
            && !titled
            && matches!(ty, EntityType::Per | EntityType::Org)
            && word(r.end) == ","
            && n.start == r.end + 1
            && *next_ty == EntityType::Loc
            && toks
                .get(n.start)
                .is_some_and(|t| t.gaz & (cat::COUNTRY | cat::LOC_B) != 0)
            && matches!(word(n.end), "," | "." | ")" | ";" | "")
        {
            towns.push(seq_key(toks, r.clone()));
        }
    }
    retype_all(
        toks,
        spans,
        &towns,
        |ty| matches!(ty, EntityType::Per | EntityType::Org),
        EntityType::Loc,
    );
}

/// A list of three or more names joined by commas and a final "and" or "or" names things of
/// one kind: a single name typed apart from all the others takes their type ("New South
/// Wales, Victoria, South Australia, Western Australia and Queensland": "Western Australia"
/// was an organisation). A name a gazetteer lists with its type keeps it, and so does an
/// organisation's name with an organisation's word ("University of North Carolina at Chapel
/// Hill" in a list of towns).
fn coordinated_lists(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut [(Range<usize>, EntityType)]) {
    let word = |i: usize| referents::word(doc, i);
    // The tokens between two names of one list: ",", "and", "or", ", and", ", or".
    let joined = |a: &Range<usize>, b: &Range<usize>| -> Option<bool> {
        match b.start.checked_sub(a.end)? {
            1 => match word(a.end) {
                "," => Some(false),
                "and" | "or" => Some(true),
                _ => None,
            },
            2 if word(a.end) == "," && matches!(word(a.end + 1), "and" | "or") => Some(true),
            _ => None,
        }
    };
    let mut k = 0;
    while k < spans.len() {
        let mut m = k;
        let mut closed = false;
        while m + 1 < spans.len() && !closed {
            match joined(&spans[m].0, &spans[m + 1].0) {
                Some(last) => {
                    closed = last;
                    m += 1;
                }
                None => break,
            }
        }
        let size = m + 1 - k;
        if !closed || size < 3 {
            k = m.max(k) + 1;
            continue;
        }
        let mut counts = [0usize; 4];
        for (_, ty) in &spans[k..=m] {
            counts[type_index(*ty) as usize] += 1;
        }
        if let Some(major) = (0..3).find(|&t| counts[t] + 1 == size) {
            for (r, ty) in spans[k..=m].iter_mut() {
                let own = match ty {
                    EntityType::Org => cat::ORG_B | cat::MEDIA | cat::GOV,
                    EntityType::Loc => cat::LOC_B | cat::COUNTRY | cat::CITY,
                    _ => 0,
                };
                let listed = toks.get(r.start).is_some_and(|t| t.gaz & own != 0)
                    || (*ty == EntityType::Org && r.clone().any(|i| is_org_ending(word(i))));
                if type_index(*ty) as usize != major && *ty != EntityType::Misc && !listed {
                    *ty = TYPES[major];
                }
            }
        }
        k = m + 1;
    }
}

/// AP-style abbreviations of US states, without their final dot ("Md.", "N.C.", "Calif.").
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "D.C", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Kans", "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "N.C", "N.D", "N.H",
    "N.J", "N.M", "N.Y", "Neb", "Nev", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex",
    "Va", "Vt", "W.Va", "Wash", "Wis", "Wyo",
];

/// The end (exclusive) of an AP-style state abbreviation written with its dot at token `j`
/// ("Md." or "Md" + ".").
fn state_abbreviation_at(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let w = referents::word(doc, j);
    let (base, end) = match w.strip_suffix('.') {
        Some(b) => (b, j + 1),
        None if referents::word(doc, j + 1) == "." => (w, j + 2),
        None => return None,
    };
    STATE_ABBREVIATIONS.contains(&base).then_some(end)
}

/// US places in AP style: a name of up to three words before a comma and a state's
/// abbreviation is a town, in every mention ("of Laurel, Md.", "cities like Charlotte, N.C.",
/// "Dover, Del."), and the abbreviation is the state; a state's abbreviation alone in brackets
/// after a name is the state ("Sanders (Vt.)"), and a party letter with a state in brackets
/// or after a comma ("Graham (R-S.C.)", "Kaine, D-Va., said") is no name. Names after titles ("Sens. Cornyn, Tex.,
/// and Durbin, Ill.") and two-word names that open with a given name stay people (their
/// states are places all the same).
fn state_abbreviations(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    titled: &[Range<usize>],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let word = |i: usize| referents::word(doc, i);
    let mut towns: Vec<u64> = Vec::new();
    let mut states: Vec<Range<usize>> = Vec::new();
    let mut parties: Vec<Range<usize>> = Vec::new();
    for (r, ty) in spans.iter() {
        if r.len() > 3 || *ty == EntityType::Misc || word(r.end) != "," {
            continue;
        }
        let Some(e) = state_abbreviation_at(doc, r.end + 1) else {
            continue;
        };
        let given = r.len() == 2
            && toks
                .get(r.start)
                .is_some_and(|t| t.gaz & (cat::FIRST_M | cat::FIRST_F | cat::TITLE) != 0);
        // "Jane" + "Smith, Calif.": a given name left out before the name.
        let given_before = r.start > 0
            && toks.get(r.start - 1).is_some_and(|t| {
                t.flags & features::flag::CAP != 0 && t.gaz & (cat::FIRST_M | cat::FIRST_F) != 0
            });
        let person =
            given || given_before || titled.binary_search_by_key(&r.start, |x| x.start).is_ok();
        if !person {
            towns.push(seq_key(toks, r.clone()));
        }
        states.push(r.end + 1..e);
    }
    // Brackets: "(Vt.)", "(R-S.C.)".
    // "(R-S.C.)", ", D-Va.,": a party letter and a state or town after a name.
    for (r, _) in spans.iter() {
        if r.start > 0 && word(r.start - 1) == "(" {
            if let Some(e) = state_abbreviation_at(doc, r.start).filter(|&e| word(e) == ")") {
                states.push(r.start..e);
                continue;
            }
        }
        let b = doc.tokens.get(r.start).map_or(&b""[..], |a| {
            doc.text.as_bytes().get(a.span.start..).unwrap_or(b"")
        });
        if r.start > 0
            && matches!(word(r.start - 1), "(" | ",")
            && b.len() >= 3
            && matches!(b[0], b'R' | b'D' | b'I')
            && b[1] == b'-'
            && b[2].is_ascii_uppercase()
        {
            parties.push(r.clone());
        }
    }
    if towns.is_empty() && states.is_empty() && parties.is_empty() {
        return;
    }
    spans.retain(|(r, _)| !parties.iter().any(|p| r.start < p.end && p.start < r.end));
    for st in states {
        // A name the tagger found there keeps its extent and is the state.
        let mut found = false;
        for (r, ty) in spans.iter_mut() {
            if r.start == st.start && r.end <= st.end {
                *ty = EntityType::Loc;
                found = true;
            }
        }
        if found {
            continue;
        }
        // The dot is the name's unless it ends the sentence ("Fla." but "in Lansing, Mich").
        let st = if st.len() == 2 && (starts_sentence(doc, st.end) || st.end >= toks.len()) {
            st.start..st.start + 1
        } else {
            st
        };
        spans.retain(|(r, _)| !(r.start < st.end && st.start < r.end));
        let at = spans.partition_point(|(r, _)| r.start < st.start);
        spans.insert(at, (st, EntityType::Loc));
    }
    retype_all(
        toks,
        spans,
        &towns,
        |ty| matches!(ty, EntityType::Per | EntityType::Org),
        EntityType::Loc,
    );
}

/// Words that end the first part of a state's formal name ("the People's Republic" of China).
const STATE_WORDS: &[&str] = &[
    "Republic",
    "Kingdom",
    "States",
    "Emirates",
    "Principality",
    "Sultanate",
    "Commonwealth",
];

/// A state's formal name is one place: "People's Republic", "of" and "China" join, as do
/// "United States", "of" and "America"; and a name such as "Federal Republic of Germany"
/// that ends in a listed country is that place, whatever type the tagger gave it.
fn state_names(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    for (r, ty) in spans.iter_mut() {
        if *ty != EntityType::Loc
            && r.len() >= 3
            && toks
                .get(r.end - 1)
                .is_some_and(|t| t.gaz & (cat::COUNTRY | cat::LOC_B) != 0)
            && (r.start..r.end - 2).any(|i| STATE_WORDS.contains(&word(i)) && word(i + 1) == "of")
        {
            *ty = EntityType::Loc;
        }
    }
    let mut k = 0;
    while k + 1 < spans.len() {
        let (r, _) = &spans[k];
        let (n, next_ty) = &spans[k + 1];
        if STATE_WORDS.contains(&word(r.end - 1))
            && word(r.end) == "of"
            && n.start == r.end + 1
            && *next_ty == EntityType::Loc
        {
            let merged = r.start..n.end;
            spans[k] = (merged, EntityType::Loc);
            spans.remove(k + 1);
        }
        k += 1;
    }
}

/// Nouns for organisations: right before a name ("low-cost airline Ryanair", "electronics
/// retailer Best Buy") or as the head of an apposition after it ("Cisco, a network company
/// based in San Jose,"), they make the name an organisation's.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "airline",
    "carrier",
    "manufacturer",
    "maker",
    "retailer",
    "bank",
    "insurer",
    "lender",
    "brewer",
    "chain",
    "conglomerate",
    "corporation",
    "group",
    "club",
    "party",
    "newspaper",
    "broadcaster",
    "network",
    "agency",
    "charity",
    "band",
    "organisation",
    "organization",
    "automaker",
    "carmaker",
    "planemaker",
    "startup",
    "supplier",
    "distributor",
    "school",
    "college",
    "university",
    "church",
    "institute",
    "foundation",
    "association",
    "society",
    "union",
    "league",
    "team",
    "parent",
    "contractor",
    "subsidiary",
    "label",
];

/// A name right after an organisation noun, or with one as the head of its apposition, is an
/// organisation's, and so is every other mention with the same words; a given name or a title
/// opening the name vetoes the noun before it ("party John Smith" stays a person). A name
/// typed as a person that "was founded" or "was incorporated" is an organisation too (a place
/// may be founded: "Rome was founded" stays). Returns the keys ([`seq_key`]) of the names so
/// made organisations: a firm named after a family ("Caloi is a Brazilian manufacturer",
/// "Luigi Caloi") keeps its bare mentions when referents are resolved.
fn organisation_nouns(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) -> Vec<u64> {
    let word = |i: usize| referents::word(doc, i);
    let lower = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.flags & features::flag::CAP == 0)
    };
    let mut orgs: Vec<u64> = Vec::new();
    // Other names ("The Quarrymen were an English skiffle band") take the copula's evidence.
    let mut others: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if !matches!(*ty, EntityType::Per | EntityType::Loc | EntityType::Misc) {
            continue;
        }
        let given = toks[r.start].gaz & (cat::FIRST_M | cat::FIRST_F | cat::TITLE) != 0;
        // Before: "airline Ryanair", "airline, Ryanair".
        let mut b = r.start;
        if b > 0 && word(b - 1) == "," {
            b -= 1;
        }
        let before = !given && b > 0 && lower(b - 1) && in_list(&lists().org_nouns, word(b - 1));
        // After: ", a network company based in"; "is a major Brazilian manufacturer of",
        // "are an English punk rock band." (a name that opens its sentence).
        let mut after = false;
        let copula = matches!(word(r.end), "is" | "are" | "was" | "were")
            && (starts_sentence(doc, r.start)
                || (r.start > 0
                    && matches!(word(r.start - 1), "The" | "the")
                    && starts_sentence(doc, r.start - 1)));
        let article = |i: usize| matches!(word(i), "a" | "an" | "the");
        if (word(r.end) == "," || copula) && article(r.end + 1) {
            let mut i = r.end + 2;
            let stop = (i + 4).min(toks.len());
            // Lowercase words, and with a copula a demonym ("a major Brazilian maker").
            let scanned = |i: usize| {
                lower(i) || (copula && toks.get(i).is_some_and(|t| t.gaz & cat::DEM_B != 0))
            };
            while i < stop && scanned(i) {
                let w = word(i);
                if w == "'s" || in_list(&lists().person_nouns, w) || APPOSITION_STOPS.contains(&w) {
                    break;
                }
                if in_list(&lists().org_nouns, w) {
                    let next = word(i + 1);
                    after = matches!(
                        next,
                        "," | "."
                            | ";"
                            | "that"
                            | "which"
                            | "based"
                            | "in"
                            | "with"
                            | "whose"
                            | "owned"
                            | "headquartered"
                            | "known"
                            | "and"
                            | "from"
                            | "of"
                    );
                    break;
                }
                i += 1;
            }
        }
        // "Caloi was founded in 1898".
        let founded = *ty == EntityType::Per
            && matches!(word(r.end), "was" | "were")
            && matches!(
                word(r.end + 1),
                "founded" | "incorporated" | "headquartered"
            )
            && matches!(
                word(r.end + 2),
                "in" | "by" | "on" | "as" | "at" | "," | "."
            );
        if *ty == EntityType::Misc {
            if after && copula {
                others.push(seq_key(toks, r.clone()));
            }
        } else if before || after || founded {
            orgs.push(seq_key(toks, r.clone()));
        }
    }
    retype_all(
        toks,
        spans,
        &others,
        |ty| ty == EntityType::Misc,
        EntityType::Org,
    );
    if orgs.is_empty() {
        return orgs;
    }
    for (r, ty) in spans.iter_mut() {
        if matches!(*ty, EntityType::Per | EntityType::Loc)
            && orgs.contains(&seq_key(toks, r.clone()))
        {
            *ty = EntityType::Org;
        }
    }
    orgs
}

/// Words that end only organisation names.
const ORG_ENDINGS: &[&str] = &[
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "LLC",
    "Plc",
    "PLC",
    "Agency",
    "Foundation",
    "Institute",
    "University",
    "Ministry",
    "Department",
    "Party",
    "Council",
    "Committee",
    "Commission",
    "Association",
    "Federation",
    "Holdings",
    "Airlines",
    "Airways",
    "Company",
    "Authority",
    "Bureau",
    "Organization",
    "Organisation",
    "Exchange",
    "Services",
    "Inc.",
    "Cooperation",
    "Alliance",
    "Forum",
    "Fund",
    "Society",
    "Corps",
    "College",
    "Assembly",
    "Parliament",
    "Congress",
    "Aircraft",
    "Motors",
    "Industries",
    "Technologies",
    "Systems",
    "Partners",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Securities",
    "Insurance",
    "Petroleum",
    "Mining",
    "Chemicals",
    "Pharmaceuticals",
    "Communications",
    "Networks",
    "Software",
    "Group",
    "Enterprises",
    "Investments",
    "Laboratories",
    "Court",
    "Band",
    "Force",
    "Orchestra",
    "Service",
    "Board",
    "Army",
    "Navy",
    "Police",
    "AG",
    "GmbH",
    "NV",
    "N.V",
    "N.V.",
    "BV",
    "B.V",
    "B.V.",
    "S.A",
    "S.A.",
    "SpA",
    "S.p.A",
    "Pty",
    "Bhd",
    "School",
    "Club",
    "Academy",
    "Diocese",
    "Network",
    "Publishing",
    "Confederation",
    "Health",
    "Healthcare",
];

/// The word lists of the rules after tagging, as hash sets (they are consulted around every
/// name).
struct Lists {
    extra_titles: WordSet,
    person_nouns: WordSet,
    org_nouns: WordSet,
    site_endings: WordSet,
    media_endings: WordSet,
    place_endings: WordSet,
    org_endings: WordSet,
}

/// The word sets, built once.
fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| Lists {
        extra_titles: WordSet::new(EXTRA_TITLES),
        person_nouns: WordSet::new(PERSON_NOUNS),
        org_nouns: WordSet::new(ORG_NOUNS),
        site_endings: WordSet::new(SITE_ENDINGS),
        media_endings: WordSet::new(MEDIA_ENDINGS),
        place_endings: WordSet::new(PLACE_ENDINGS),
        org_endings: WordSet::new(ORG_ENDINGS),
    })
}

/// True when `w` is in `set`.
#[inline]
fn in_list(set: &WordSet, w: &str) -> bool {
    !w.is_empty() && w.len() <= 16 && set.contains(w)
}

/// True when the bundled corpus case table has `w` mostly in lower case inside sentences: a
/// common word ("estimates", "several", "recent"), capitalised only where it opens a sentence,
/// not a name.
pub(crate) fn common_word(w: &str) -> bool {
    committed_case().class_of(w) == 1
}

/// True when `w` (lowercase) is a noun for an organisation ("company", "airline", "union"): the
/// attribution layer reads "the company said" as the organisation named before.
pub(crate) fn is_org_noun(w: &str) -> bool {
    in_list(&lists().org_nouns, w)
}

/// True when `w` is one of [`ORG_ENDINGS`] (this runs after every name).
fn is_org_ending(w: &str) -> bool {
    w.len() >= 2 && w.as_bytes()[0].is_ascii_uppercase() && lists().org_endings.contains(w)
}

/// Legal forms of companies, without a final dot: right after a name they close it ("Vantor
/// Trade N.V.", "Omnibus Trade B.V.", "Lindqvist S.A."), and they are no part of a company's
/// identity when mentions are grouped into referents ("Apple Inc." is "Apple").
const LEGAL_FORMS: &[&str] = &[
    "AG", "B.V", "BV", "Co", "Corp", "GmbH", "Inc", "LLC", "Ltd", "N.V", "NV", "PLC", "Plc", "S.A",
    "SA", "S.p.A", "SpA",
];

/// Whether `w` is a legal form of companies ([`LEGAL_FORMS`]), with or without its final dot.
pub(super) fn is_legal_form(w: &str) -> bool {
    LEGAL_FORMS.contains(&w.strip_suffix('.').unwrap_or(w))
}

/// A name that ends with an organisation word ("Australian Broadcasting Corporation") is an
/// organisation, and takes in a name right before it that the tagger split off.
fn org_suffixes(doc: &Doc<'_>, toks: &[TokInfo], spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let mut k = 0;
    while k < spans.len() {
        // "China" + "Southern Airlines": capitalised words the tagger left out after a name,
        // ending in an organisation word, belong to it.
        let r = spans[k].0.clone();
        // The organisation word may have been tagged alone ("Airlines" after "Southern").
        let next_ending = spans
            .get(k + 1)
            .is_some_and(|(n, _)| n.len() == 1 && is_org_ending(word(n.start)));
        let limit = spans
            .get(k + 1)
            .map_or(toks.len(), |(n, _)| n.start + usize::from(next_ending))
            .min(r.end + 3);
        let mut j = r.end;
        while j < limit
            && !starts_sentence(doc, j)
            && toks[j].flags & features::flag::CAP != 0
            && toks[j].flags & features::flag::CAPS_LINE == 0
            && !is_org_ending(word(j))
        {
            j += 1;
        }
        // A legal form right after the name ("Vantor Trade" + "N.V.") closes it too.
        // So does an organisation word right after a place ("United States" + "Navy", "U.S."
        // + "Department of Agriculture").
        let after_place = j == r.end && spans[k].1 == EntityType::Loc;
        // A person's or organisation's name right before an organisation word the tagger left
        // out names it: "Andy Warhol" + "Foundation".
        let named =
            j == r.end && matches!(spans[k].1, EntityType::Per | EntityType::Org) && !next_ending;
        let legal = j == r.end && (after_place || named || is_legal_form(word(j)));
        // A demonym opens the organisation's name ("the Brazilian Cycling Confederation"),
        // not a state's body ("German" and "Foreign Ministry", CoNLL).
        let demonym = r.len() == 1
            && toks[r.start].gaz & cat::DEM_B != 0
            && !matches!(
                word(j),
                "Ministry" | "Department" | "Army" | "Navy" | "Force" | "Police"
            );
        if j < limit
            && (j > r.end || legal)
            && (spans[k].1 != EntityType::Misc || (demonym && j > r.end))
            && is_org_ending(word(j))
            && toks[j].flags & features::flag::CAPS_LINE == 0
        {
            spans[k] = (r.start..j + 1, EntityType::Org);
            if next_ending && spans.get(k + 1).is_some_and(|(n, _)| n.start == j) {
                spans.remove(k + 1);
            }
            // "Department" + "of Agriculture": capitalised words after "of" that no other
            // name has taken.
            if after_place && word(j + 1) == "of" {
                let free = spans.get(k + 1).map_or(toks.len(), |(n, _)| n.start);
                let mut e = j + 2;
                while e < free.min(j + 5).min(toks.len())
                    && toks[e].flags & features::flag::CAP != 0
                    && toks[e].flags & features::flag::CAPS_LINE == 0
                {
                    e += 1;
                }
                if e > j + 2 {
                    spans[k].0 = r.start..e;
                }
            }
        }
        let (r, _) = &spans[k];
        // "Mount Sinai Health System", "the University System of Georgia" stays as it was.
        let system = r.len() >= 3
            && word(r.end - 1) == "System"
            && matches!(
                word(r.end - 2),
                "Health" | "Healthcare" | "Hospital" | "University" | "School"
            );
        // "Doctor Who Society of Canada", "University of Texas": an organisation's word before
        // "of" inside the name.
        let org_of = r.len() >= 3
            && (r.start..r.end - 2).any(|i| word(i + 1) == "of" && is_org_ending(word(i)));
        if r.len() >= 2 && (is_org_ending(word(r.end - 1)) || system || org_of) {
            spans[k].1 = EntityType::Org;
            if k > 0
                && spans[k - 1].0.end == spans[k].0.start
                && !starts_sentence(doc, spans[k].0.start)
                && !compound_adjective(doc, spans[k - 1].0.end - 1)
            {
                let start = spans[k - 1].0.start;
                spans[k].0 = start..spans[k].0.end;
                spans.remove(k - 1);
                continue;
            }
        }
        k += 1;
    }
}

/// A person's name split at a middle initial is one name ("Joseph R" + "." + "Biden" is
/// "Joseph R. Biden"), "Jr." or "Sr." right after a person's name belongs to it ("Martin Luther
/// King Jr."), and after a comma is no name of its own ("Biden, Jr.": it was typed a place,
/// and took "Biden" with it as a town).
fn initials_and_suffixes(doc: &Doc<'_>, spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    let initial = |i: usize| {
        let w = word(i).as_bytes();
        w.len() == 1 && w[0].is_ascii_uppercase()
    };
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, ta) = spans[k].clone();
        let (b, _) = spans[k + 1].clone();
        if ta == EntityType::Per
            && a.len() >= 2
            && initial(a.end - 1)
            && word(a.end) == "."
            && b.start == a.end + 1
            && b.len() <= 2
            && word(b.end) != "&"
            && !starts_sentence(doc, b.start)
        {
            spans[k] = (a.start..b.end, EntityType::Per);
            spans.remove(k + 1);
            continue;
        }
        // "Martin Luther King" + "Jr.".
        if ta == EntityType::Per
            && b.start == a.end
            && b.len() <= 2
            && matches!(word(b.start), "Jr" | "Jr." | "Sr" | "Sr.")
        {
            spans[k] = (a.start..b.end, EntityType::Per);
            spans.remove(k + 1);
            continue;
        }
        k += 1;
    }
    spans.retain(|(r, _)| {
        !(r.len() <= 2
            && r.start > 0
            && word(r.start - 1) == ","
            && matches!(word(r.start), "Jr" | "Jr." | "Sr" | "Sr.")
            && (r.len() == 1 || word(r.start + 1) == "."))
    });
}

/// Whether token `i` opens a sentence (names never run over a sentence end).
fn starts_sentence(doc: &Doc<'_>, i: usize) -> bool {
    doc.sentences
        .binary_search_by_key(&i, |s| s.tokens.start)
        .is_ok()
}

/// A byline ("By Jane Doe" alone on its line) names a person.
fn bylines(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) {
    let n = toks.len().min(doc.tokens.len());
    for s in doc.sentences {
        let r = s.tokens.start.min(n)..s.tokens.end.min(n);
        if r.len() < 3
            || r.len() > 5
            || !doc.tokens[r.start]
                .span
                .slice(doc.text)
                .eq_ignore_ascii_case("by")
        {
            continue;
        }
        let names = r.start + 1..r.end;
        // The whole paragraph is the byline (sentences are in paragraph order).
        let next = doc
            .sentences
            .partition_point(|x| x.paragraph <= s.paragraph);
        let para_end = next
            .checked_sub(1)
            .and_then(|last| doc.sentences.get(last))
            .map_or(0, |x| x.tokens.end);
        if para_end != s.tokens.end
            || !names
                .clone()
                .all(|i| toks[i].flags & features::flag::CAP != 0 && toks[i].gaz & cat::NAMES == 0)
        {
            continue;
        }
        set_tags(tags, names, 0);
    }
}

/// Abbreviated titles before a person's name, written with a dot ("Sen.", "Lt. Gov.",
/// "Sgt."); "Mr", "Mrs", "Ms" and "Dr" also without one. Sorted.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Del", "Det", "Dr", "Fr",
    "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Mr", "Mrs", "Ms", "Msgr", "Pfc", "Pres", "Prof",
    "Pvt", "Rep", "Rev", "Sen", "Sgt", "Supt",
];

/// Plural abbreviated titles: a list of names follows ("Sens. Cornyn, Texas, and Durbin,
/// Illinois"). Sorted.
const PLURAL_TITLE_ABBREVIATIONS: &[&str] = &["Dels", "Drs", "Gens", "Govs", "Reps", "Sens"];

/// The abbreviated title at token `i` ("Sen" + "." or "Sen."): the token after it and whether
/// the title is plural. "Mr", "Mrs", "Ms" and "Dr" need no dot.
fn title_abbreviation(doc: &Doc<'_>, i: usize) -> Option<(usize, bool)> {
    let w = referents::word(doc, i);
    let (base, next) = match w.strip_suffix('.') {
        Some(b) => (b, i + 1),
        None if referents::word(doc, i + 1) == "." => (w, i + 2),
        None if matches!(w, "Mr" | "Mrs" | "Ms" | "Dr") => (w, i + 1),
        None => return None,
    };
    if base.len() < 2 || base.len() > 5 || !base.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    if TITLE_ABBREVIATIONS.binary_search(&base).is_ok() {
        Some((next, false))
    } else if PLURAL_TITLE_ABBREVIATIONS.binary_search(&base).is_ok() {
        Some((next, true))
    } else {
        None
    }
}

/// True when token `i` comes right after an abbreviated title ("Mr.", "Sen.", "Dr").
fn after_honorific(doc: &Doc<'_>, i: usize) -> bool {
    (1..=2).any(|back| {
        i >= back && title_abbreviation(doc, i - back).is_some_and(|(next, _)| next == i)
    })
}

/// The capitalised words after an abbreviated title ("Mr.", "Sen.", "Lt. Gov.", "Sgt.") are a
/// person's name, and the title is no name of its own ("Sen" was tagged a place). The name
/// may open the next sentence when the segmenter ended one at the title's dot ("Del. | Ana
/// Ruiz"), if the tagger found a name there or it opens with a given name and no comma comes
/// before the title ("Dover, Del." is a state). After a plural title the names listed, with
/// their states or parties in appositions, are people too ("Sens. Cornyn, Texas, and Durbin,
/// Illinois"). Returns the token ranges of the names so found, in order.
fn after_honorifics(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) -> Vec<Range<usize>> {
    let n = toks.len().min(doc.tokens.len()).min(tags.len());
    let word = |j: usize| referents::word(doc, j);
    let cap = |j: usize| {
        j < n
            && toks[j].flags & features::flag::CAP != 0
            && toks[j].flags & features::flag::CAPS_LINE == 0
            && toks[j].gaz & cat::TEMPORAL == 0
    };
    let mut titled = Vec::new();
    let mut i = 0;
    while i < n {
        // Cheap test first: titles open with a capital.
        if toks[i].flags & features::flag::CAP == 0 {
            i += 1;
            continue;
        }
        let Some((mut start, mut plural)) = title_abbreviation(doc, i) else {
            i += 1;
            continue;
        };
        let first = i;
        // "Lt. Gov.", "Atty. Gen.".
        while let Some((next, p)) = title_abbreviation(doc, start).filter(|_| cap(start)) {
            start = next;
            plural |= p;
        }
        i = start.max(first + 1);
        if start >= n || !cap(start) {
            continue;
        }
        let Some(s) = doc
            .sentences
            .get(doc.sentences.partition_point(|s| s.tokens.end <= start))
        else {
            continue;
        };
        let end = s.tokens.end.min(n);
        if s.tokens.start > first
            && ((first > 0 && word(first - 1) == ",")
                || (tags[start] == 0 && toks[start].gaz & (cat::FIRST_M | cat::FIRST_F) == 0))
        {
            continue;
        }
        // The title is no name: an entity that ran into it ends before it, one that ran on
        // into the name is the name alone.
        if tags[first] != 0 && matches!(tag_pos(tags[first]), 1 | 2) {
            let mut b = first;
            while b > 0 && tags[b - 1] != 0 && tag_pos(tags[b - 1]) == 1 {
                b -= 1;
            }
            let b = b.saturating_sub(1);
            if let Some(ty) = tag_type(tags[b]) {
                set_tags(tags, b..first, ty);
            }
        }
        if tags[start] != 0 && matches!(tag_pos(tags[start]), 1 | 2) {
            let mut e = start;
            while e < end && tags[e] != 0 && tag_pos(tags[e]) == 1 {
                e += 1;
            }
            if e < end && tags[e] != 0 && tag_pos(tags[e]) == 2 {
                e += 1;
            }
            set_tags(tags, start..e, 0);
        }
        for t in tags.get_mut(first..start).unwrap_or(&mut []) {
            *t = 0;
        }
        let Some(name) = name_after_title(tags, start, end, &cap) else {
            continue;
        };
        let mut last = name.end;
        titled.push(name);
        if !plural {
            continue;
        }
        // The list after a plural title: "Cornyn, Texas, and Durbin", "Cornyn (R-Texas) and
        // Durbin", "Cornyn, Durbin and Paul".
        loop {
            let mut k = last;
            if word(k) == "(" {
                match (k + 1..end.min(k + 8)).find(|&c| word(c) == ")") {
                    Some(c) => k = c + 1,
                    None => break,
                }
            } else if let Some(e) = (word(k) == ",")
                .then(|| state_abbreviation_at(doc, k + 1))
                .flatten()
                .filter(|&e| matches!(word(e), "," | "and" | "or"))
            {
                // "Cornyn, Tex., and Durbin".
                k = e;
            } else if word(k) == ","
                && cap(k + 1)
                && (toks[k + 1].gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0
                    || tag_type(tags[k + 1]) == Some(2))
            {
                let mut m = k + 1;
                while m < end && m < k + 4 && cap(m) {
                    m += 1;
                }
                if !matches!(word(m), "," | "and" | "or") {
                    break;
                }
                k = m;
            }
            let sep = k;
            if word(k) == "," {
                k += 1;
            }
            if matches!(word(k), "and" | "or") {
                k += 1;
            }
            if k == sep || k >= end || !cap(k) {
                break;
            }
            if tags[k] != 0 && tag_pos(tags[k]) != 0 && tag_pos(tags[k]) != 3 {
                break;
            }
            // The name the tagger found there (of any type), or the capitalised words.
            let mut e = k;
            if tags[k] != 0 && tag_pos(tags[k]) == 0 {
                while e < end && tags[e] != 0 && tag_pos(tags[e]) != 2 {
                    e += 1;
                }
                e += 1;
            } else if tags[k] != 0 {
                e += 1;
            } else {
                while e < end && e < k + 3 && cap(e) && tags[e] == 0 {
                    e += 1;
                }
            }
            let e = e.min(end);
            if e <= k || e > k + 3 {
                break;
            }
            set_tags(tags, k..e, 0);
            titled.push(k..e);
            last = e;
        }
    }
    titled
}

/// The person's name after a title at `start` (the capitalised words, up to three, that
/// `cap` accepts, inside the sentence ending at `end`), tagged as a person unless the tagger
/// found a longer person's name there or an entity runs on past it.
fn name_after_title(
    tags: &mut [u8],
    start: usize,
    end: usize,
    cap: &impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let mut j = start;
    while j < end && j < start + 3 && cap(j) {
        j += 1;
    }
    if j == start {
        return None;
    }
    // Keep a person's name the tagger found.
    if tags[start] != 0 && tag_type(tags[start]) == Some(0) {
        let mut e = start;
        while e < end && tags[e] != 0 && !matches!(tag_pos(tags[e]), 2 | 3) {
            e += 1;
        }
        if e < end && tags[e] != 0 {
            e += 1;
        }
        return Some(start..e.max(start + 1));
    }
    // Do not cut an entity that goes on after the name.
    if j < end && tags[j] != 0 && matches!(tag_pos(tags[j]), 1 | 2) {
        return None;
    }
    set_tags(tags, start..j, 0);
    Some(start..j)
}

/// Extends a person's name that opens with an East Asian family name over the capitalised
/// words after it ("Kim Jong Un"), up to three words.
fn extend_family_names(doc: &Doc<'_>, toks: &[TokInfo], tags: &mut [u8]) {
    for (r, ty) in decode(doc, tags) {
        let Some(first) = toks.get(r.start) else {
            continue;
        };
        // "Park Joo-Ho" tagged as the place "Park": a family name written first and a
        // hyphenated given name after it make a person.
        if r.len() == 1
            && first.gaz & cat::FAMILY_FIRST != 0
            && first.flags & features::flag::CAPS_LINE == 0
            && tags.get(r.end) == Some(&0)
            && (hyphenated_given(doc, r.end) || hyphenated_given_caps(doc, r.end))
        {
            set_tags(tags, r.start..r.end + 1, 0);
            continue;
        }
        if ty != EntityType::Per || r.len() >= 3 {
            continue;
        }
        if first.gaz & cat::FAMILY_FIRST == 0 || first.flags & features::flag::CAPS_LINE != 0 {
            continue;
        }
        // The sentence the name is in (sentences are in token order).
        let sentence_end = doc
            .sentences
            .get(doc.sentences.partition_point(|s| s.tokens.end <= r.start))
            .map_or(r.end, |s| s.tokens.end);
        let mut end = r.end;
        while end < toks.len()
            && end < r.start + 3
            && tags[end] == 0
            && toks[end].flags & features::flag::CAP != 0
            && toks[end].flags & (features::flag::SENT_START | features::flag::ALLCAPS) == 0
            && toks[end].gaz & cat::TEMPORAL == 0
            && end < sentence_end
        {
            end += 1;
        }
        if end > r.end {
            set_tags(tags, r.start..end, 0);
        }
    }
}

/// A prepared training document: token features, sentence token ranges, gold tags, tokens.
type TrainDoc = (
    Vec<TokInfo>,
    Vec<Range<usize>>,
    Vec<u8>,
    Vec<crate::segment::Token>,
);

/// Trains the entity model from gold documents (used by `examples/train_entities.rs`).
#[derive(Debug, Default)]
pub struct Trainer {
    gaz: Gazetteer,
    raw: Vec<(crate::Article, Vec<(Span, EntityType)>)>,
    docs: Vec<TrainDoc>,
    names: Vec<(String, u8)>,
    case_counts: HashMapId<[u32; 2]>,
    case: Vec<u8>,
    weights: Weights,
    /// Sum of the averaged weights of the finished bags (see [`Trainer::next_bag`]).
    bag_sum: HashMapId<[f32; NT]>,
    /// Number of finished bags.
    bags: usize,
}

impl Trainer {
    /// An empty trainer.
    pub fn new() -> Self {
        Trainer {
            gaz: Gazetteer::load_hand(),
            ..Trainer::default()
        }
    }

    /// Adds an article with its gold entities (byte spans). Entities that do not cover whole
    /// tokens are trimmed to the tokens inside them.
    pub fn add(&mut self, article: crate::Article, gold: Vec<(Span, EntityType)>) {
        self.raw.push((article, gold));
    }

    /// Counts how often the words of an unlabeled article are capitalised inside sentences
    /// (for the corpus case table).
    pub fn add_unlabeled(&mut self, article: &crate::Article) {
        let seg = crate::segment::segment(article);
        let doc = Doc::new(article, &seg);
        CaseTable::count(&doc, &mut self.case_counts);
    }

    /// The corpus case table (file `models/entities-case.bin`), built by [`Trainer::prepare`]
    /// from the unlabeled and the training articles.
    pub fn case_table(&self) -> &[u8] {
        &self.case
    }

    /// Prepares the features of every document. Names seen in the training data become a
    /// gazetteer; each document sees only the names of the other half of the documents
    /// (two-fold jackknife) so the model does not learn to trust the list blindly.
    pub fn prepare(&mut self) {
        for (article, _) in &self.raw {
            let seg = crate::segment::segment(article);
            let doc = Doc::new(article, &seg);
            CaseTable::count(&doc, &mut self.case_counts);
        }
        self.case = CaseTable::build(&self.case_counts, 3);
        let case = CaseTable::parse(&self.case);
        let mut folds: [HashMapId<[u32; 4]>; 2] = Default::default();
        let mut fold_prefixes: [Vec<u64>; 2] = Default::default();
        let mut all: std::collections::HashMap<String, [u32; 4]> = Default::default();
        for (d, (a, gold)) in self.raw.iter().enumerate() {
            for (span, ty) in gold {
                let Some(name) = a.text.get(span.start..span.end) else {
                    continue;
                };
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some((h, _)) = gazetteer::key_of(&name) {
                    folds[d % 2].entry(h).or_default()[type_index(*ty) as usize] += 1;
                    fold_prefixes[d % 2].extend(gazetteer::prefix_keys(&name));
                    all.entry(name).or_default()[type_index(*ty) as usize] += 1;
                }
            }
        }
        let majority = |v: &[u32; 4]| (0..4u8).max_by_key(|&t| v[t as usize]).unwrap_or(0);
        let fold_gaz: Vec<Gazetteer> = folds
            .iter()
            .zip(&fold_prefixes)
            .map(|(f, p)| {
                let mut g = self
                    .gaz
                    .with_learned(f.iter().map(|(&h, v)| (h, majority(v))).collect());
                g.add_learned_prefixes(p);
                g
            })
            .collect();
        self.names = all.iter().map(|(n, v)| (n.clone(), majority(v))).collect();
        self.names.sort();
        for (d, (article, gold)) in self.raw.iter().enumerate() {
            let seg = crate::segment::segment(article);
            let doc = Doc::new(article, &seg);
            let mut toks = Vec::new();
            features::prepare(&doc, &fold_gaz[1 - d % 2], &case, &mut toks);
            let n = toks.len();
            let mut tags = vec![0u8; n];
            for (span, ty) in gold {
                let a = doc.tokens.partition_point(|t| t.span.start < span.start);
                let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
                if a < b && b <= n {
                    set_tags(&mut tags, a..b, type_index(*ty));
                }
            }
            let sents = doc
                .sentences
                .iter()
                .map(|s| s.tokens.start.min(n)..s.tokens.end.min(n))
                .collect();
            self.docs.push((toks, sents, tags, seg.tokens.clone()));
        }
    }

    /// The names learned from the training data, in the format of `models/entities-names.txt`.
    pub fn names(&self) -> String {
        let mut out = String::new();
        for (n, t) in &self.names {
            out.push(['P', 'O', 'L', 'M'][*t as usize & 3]);
            out.push('\t');
            out.push_str(n);
            out.push('\n');
        }
        out
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// One pass over the documents in an order shuffled by `seed`; returns the number of token
    /// mistakes.
    pub fn epoch(&mut self, seed: u64) -> usize {
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        for i in (1..order.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut feats = Vec::with_capacity(96);
        let mut mistakes = 0;
        for d in order {
            let (toks, sents, gold, tokens) = &mut self.docs[d];
            let words = features::Words {
                text: self.raw.get(d).map_or("", |r| &r.0.text),
                tokens,
            };
            let mut tags = vec![0u8; toks.len()];
            let mut margins = vec![0f32; toks.len()];
            let mut hist = History::default();
            for r in sents {
                tag_sentence(
                    &mut self.weights,
                    toks,
                    &words,
                    None,
                    r.clone(),
                    &mut tags,
                    &mut margins,
                    &mut hist,
                    &mut feats,
                    Some(gold),
                );
            }
            mistakes += tags.iter().zip(gold).filter(|(a, b)| a != b).count();
        }
        mistakes
    }

    /// Ends a bag: the averaged weights trained so far are put aside and training starts
    /// again from zero weights (on the same documents, to be shuffled differently). The
    /// exported model is then the mean of the bags' averaged weights (bagging of the order:
    /// the model no longer hangs on one shuffle).
    pub fn next_bag(&mut self) {
        if self.weights.c > 0.0 {
            self.weights.add_averaged_to(&mut self.bag_sum);
            self.bags += 1;
        }
        self.weights = Weights::default();
    }

    /// The averaged model in the file format [`EntityTagger::with_model`] reads, keeping the
    /// features with a weight of at least `min` in absolute value. After [`Trainer::next_bag`],
    /// the weights are the mean over the finished bags and the current one (if trained).
    pub fn export(&self, min: f32) -> Vec<u8> {
        if self.bags == 0 {
            return self.weights.export(min);
        }
        let mut sum = self.bag_sum.clone();
        let mut n = self.bags;
        if self.weights.c > 0.0 {
            self.weights.add_averaged_to(&mut sum);
            n += 1;
        }
        let n = n as f32;
        let rows = sum.into_iter().map(|(key, mut row)| {
            row.iter_mut().for_each(|x| *x /= n);
            (key, row)
        });
        model::export_rows(rows, min)
    }
}

/// Number of BILOU tags of the model.
pub const TAGS: usize = NT;

#[cfg(test)]
mod tests {
    use super::*;
    use claimsheet_ingest::Origin;

    /// Tags `text` twice: with the token features the tagger fills in on the way (shapes,
    /// affixes and case profiles of scored tokens and their neighbours only) and with every
    /// token's features computed beforehand (as in training).
    fn lazy_and_full(tagger: &EntityTagger, text: &str) -> (Vec<u8>, Vec<u8>) {
        let a = crate::Article::new(
            "t",
            Origin::file("t"),
            text.to_string(),
            None,
            Some(String::new()),
        );
        let seg = crate::segment::segment(&a);
        let doc = Doc::new(&a, &seg);
        let lazy = tagger.run(&doc);
        let n = doc.tokens.len();
        let mut full = Tagged {
            toks: Vec::new(),
            tags: vec![0; n],
            margins: vec![0.0; n],
            titled: Vec::new(),
        };
        features::prepare(&doc, &tagger.gaz, &tagger.case, &mut full.toks);
        tagger.tag_sentences(&doc, &mut full, None);
        let mut lazy_raw = Tagged {
            toks: Vec::new(),
            tags: vec![0; n],
            margins: vec![0.0; n],
            titled: Vec::new(),
        };
        features::prepare_for_tagging(&doc, &tagger.gaz, &mut lazy_raw.toks);
        let filler = features::Filler {
            words: features::Words::of(&doc),
            case: &tagger.case,
        };
        tagger.tag_sentences(&doc, &mut lazy_raw, Some(&filler));
        assert!(lazy.tags.len() == n);
        (lazy_raw.tags, full.tags)
    }

    #[test]
    fn features_filled_on_the_way_tag_like_features_computed_beforehand() {
        let tagger = EntityTagger::new();
        let texts = [
            "The Acme Widget Company of the Lower Valley said on Monday that its chief, Maria \
             Okonkwo-Ruiz, would visit Lisbon.\n\nSHARES OF ACME FALL IN EARLY TRADING\n\n\
             Okonkwo-Ruiz told the Daily Ledger: \u{201C}We expect growth in Brazil.\u{201D}",
            "Königsberg Ölwerke AG, a firm run by Jürgen Weiß, bought 40 % of Société Générale \
             du Nord from the Bank of the Republic of Narnia in 2019.",
            "Kang Kyung-wha met Lee Jae Myung in Seoul. She added that the Ministry of Foreign \
             Affairs and the University of the Sea would sign a deal with the Port of Busan.",
            "a b c D e f G h i j K l m n o P. q r S T u v w X y z 1 2 3 Ab Cd-Ef 's ' \u{2019}s",
        ];
        for text in texts {
            let (lazy, full) = lazy_and_full(&tagger, text);
            assert_eq!(lazy, full, "{text}");
            assert!(lazy.iter().any(|&t| t != 0), "{text}");
        }
    }

    /// A trainer over a few invented articles, prepared.
    fn small_trainer() -> Trainer {
        let texts: [(&str, &[(&str, EntityType)]); 3] = [
            (
                "Maria Okonkwo visited Lisbon on Monday. Okonkwo met officials of Acme Widgets.",
                &[
                    ("Maria Okonkwo", EntityType::Per),
                    ("Lisbon", EntityType::Loc),
                    ("Okonkwo", EntityType::Per),
                    ("Acme Widgets", EntityType::Org),
                ],
            ),
            (
                "The Daily Ledger said Jorge Ruiz would fly to Brazil. Ruiz declined to comment.",
                &[
                    ("Daily Ledger", EntityType::Org),
                    ("Jorge Ruiz", EntityType::Per),
                    ("Brazil", EntityType::Loc),
                    ("Ruiz", EntityType::Per),
                ],
            ),
            (
                "In Seoul, Kang Min-ji of the Port Authority spoke about French exports.",
                &[
                    ("Seoul", EntityType::Loc),
                    ("Kang Min-ji", EntityType::Per),
                    ("Port Authority", EntityType::Org),
                    ("French", EntityType::Misc),
                ],
            ),
        ];
        let mut t = Trainer::new();
        for (n, (text, ents)) in texts.iter().enumerate() {
            let a = crate::Article::new(
                format!("t{n}"),
                Origin::file("t"),
                text.to_string(),
                None,
                Some(String::new()),
            );
            let mut gold = Vec::new();
            let mut from = 0;
            for (name, ty) in ents.iter() {
                let at = from + text[from..].find(name).expect("name in text");
                gold.push((Span::new(at, at + name.len()), *ty));
                from = at + name.len();
            }
            t.add(a, gold);
        }
        t.prepare();
        t
    }

    #[test]
    fn bags_trained_on_the_same_shuffle_export_the_single_model() {
        let mut one = small_trainer();
        let mut two = small_trainer();
        for bag in 0..2 {
            if bag > 0 {
                two.next_bag();
            }
            for epoch in 0..3 {
                two.epoch(epoch + 1);
            }
        }
        for epoch in 0..3 {
            one.epoch(epoch + 1);
        }
        assert_eq!(one.export(0.0), two.export(0.0));
    }

    #[test]
    fn a_bagged_model_tags_the_names_it_was_trained_on() {
        let mut t = small_trainer();
        for bag in 0..3u64 {
            if bag > 0 {
                t.next_bag();
            }
            for epoch in 0..4 {
                t.epoch(epoch + 1 + 1000 * bag);
            }
        }
        let single = {
            let mut s = small_trainer();
            for epoch in 0..4 {
                s.epoch(epoch + 1);
            }
            s.export(0.0)
        };
        let bytes = t.export(0.0);
        assert_ne!(bytes, single, "other shuffles change the averaged weights");
        let tagger = EntityTagger::with_model_and_names(&bytes, &t.names(), t.case_table());
        let text = "Maria Okonkwo visited Lisbon on Monday. Okonkwo met officials of Acme Widgets.";
        let a = crate::Article::new(
            "x",
            Origin::file("x"),
            text.to_string(),
            None,
            Some(String::new()),
        );
        let seg = crate::segment::segment(&a);
        let found: Vec<(&str, &str)> = tagger
            .tag(&Doc::new(&a, &seg))
            .mentions
            .iter()
            .map(|m| {
                (
                    text.get(m.span.start..m.span.end).unwrap_or(""),
                    m.kind.as_str(),
                )
            })
            .collect();
        assert!(found.contains(&("Maria Okonkwo", "PER")), "{found:?}");
        assert!(found.contains(&("Lisbon", "LOC")), "{found:?}");
    }

    #[test]
    fn word_sets_find_exactly_their_words() {
        let l = lists();
        for (set, words) in [
            (&l.extra_titles, EXTRA_TITLES),
            (&l.person_nouns, PERSON_NOUNS),
            (&l.org_nouns, ORG_NOUNS),
            (&l.site_endings, SITE_ENDINGS),
            (&l.media_endings, MEDIA_ENDINGS),
            (&l.place_endings, PLACE_ENDINGS),
            (&l.org_endings, ORG_ENDINGS),
        ] {
            for w in words {
                assert!(set.contains(w), "{w}");
                // Case and length count: a longer or differently cased word is not in the set.
                assert!(!set.contains(&format!("{w}x")) || words.contains(&&*format!("{w}x")));
            }
        }
        assert!(is_org_ending("Airlines"));
        assert!(!is_org_ending("airlines"));
        assert!(!is_org_ending("Airline Pilots"));
        assert!(is_org_noun("company"));
        assert!(!is_org_noun("Company") && !is_org_noun(""));
        assert!(in_list(&l.person_nouns, "spokesman"));
    }

    #[test]
    fn affixes_are_the_first_and_last_characters_lowercased() {
        use features::{affixes, hash_lower, mix};
        let h = |s: &str, tag: u64| mix(hash_lower(s.as_bytes()), tag);
        let (pre, suf) = affixes("Okonkwo");
        assert_eq!(pre, [h("o", 1), h("ok", 2), h("oko", 3), h("okon", 4)]);
        assert_eq!(suf, [h("o", 17), h("wo", 18), h("kwo", 19), h("nkwo", 20)]);
        // Characters, not bytes; a short word is its own longer affixes.
        let (pre, suf) = affixes("Weiß");
        assert_eq!(pre[3], h("weiß", 4));
        assert_eq!(suf[0], h("ß", 17));
        let (pre, suf) = affixes("Xi");
        assert_eq!((pre[2], suf[3]), (h("xi", 3), h("xi", 20)));
        assert_eq!(affixes("").1[3], h("", 20));
    }
}
