//! Referents: mentions clustered into one canonical name each, with the role the text gives,
//! a subtype (media outlet, government body) and a gender.
//!
//! People: a mention joins the longest person name of the article that starts or ends with it
//! ("Trump" and "Trump's" -> "Donald Trump"; "Kim" -> "Kim Jong Un", whose family name comes
//! first; "Kang" -> "Kang Kyung-wha"). Other names cluster by their exact (case-insensitive)
//! text. Roles come from the words before a name ("North Korean leader Kim Jong Un", "South
//! Korea's ambassador to Washington, Kang Kyung-wha", "President Donald Trump") or an
//! apposition after it ("Kang Kyung-wha, South Korea's foreign minister,").

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::ops::Range;

use claimsheet_ingest::Span;

use super::features::{flag, hash_lower, hash_seq, TokInfo};
use super::gazetteer::{cat, Gazetteer, HashMapId, IdHasher};
use super::{Entities, EntityType, Gender, Mention, Referent, Subtype};
use crate::segment::TokenKind;
use crate::Doc;

/// Words that may modify a role noun ("former", "foreign" in "former foreign minister").
const MODIFIERS: &[&str] = &[
    "former",
    "vice",
    "deputy",
    "foreign",
    "prime",
    "defense",
    "defence",
    "finance",
    "chief",
    "top",
    "senior",
    "acting",
    "interim",
    "first",
    "state",
    "general",
    "supreme",
    "executive",
    "national",
    "security",
    "trade",
    "economic",
    "nuclear",
    "special",
    "then",
    "new",
    "current",
    "incoming",
    "outgoing",
    "assistant",
    "associate",
    "principal",
    "lead",
    "unification",
    "interior",
    "justice",
    "health",
    "education",
    "energy",
    "commerce",
    "agriculture",
    "labor",
    "labour",
    "transport",
    "environment",
    "culture",
    "press",
    "communications",
    "opposition",
    "party",
    "team",
    "club",
    "company",
    "army",
    "military",
    "intelligence",
    "police",
    "regional",
    "local",
    "provincial",
    "federal",
    "central",
    "bank",
    "deputy",
    "joint",
    "staff",
    "house",
    "majority",
    "minority",
    "senate",
    "white",
];

/// Prepositions after which a name is not the subject of what follows.
const PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "at", "with", "of", "on", "for", "by", "into", "between", "about",
    "against", "over", "toward", "towards", "than", "via", "without", "within", "outside",
];

/// The text of token `i`, empty when there is none.
pub(super) fn word<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    doc.tokens
        .get(i)
        .and_then(|t| doc.text.get(t.span.start..t.span.end))
        .unwrap_or("")
}

fn lower_in(list: &[&str], w: &str) -> bool {
    w.len() <= 16 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether `w` is a possessive marker token ("'s", "'").
pub(super) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// True when the token before `start` is a preposition (but not "according to").
pub(crate) fn after_preposition(doc: &Doc<'_>, start: usize) -> bool {
    let i = doc.tokens.partition_point(|t| t.span.start < start);
    if i == 0 {
        return false;
    }
    let prev = word(doc, i - 1);
    if !lower_in(PREPOSITIONS, prev) {
        return false;
    }
    !(prev.eq_ignore_ascii_case("to")
        && i >= 2
        && word(doc, i - 2).eq_ignore_ascii_case("according"))
}

/// Prepositions of place: a name right after one is read as a place ("born in Paris").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "toward",
    "towards",
    "via",
    "through",
    "throughout",
    "of",
    "within",
    "between",
    "visit",
    "visited",
    "visiting",
    "across",
    "downtown",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "borders",
    "bordering",
    "bordered",
    "surrounding",
    "surrounds",
];

/// True when the name at `r` reads as a place: after a preposition of place, before a comma
/// and a capitalised word ("Paris, France"), or opening a longer name.
pub(super) fn place_context(doc: &Doc<'_>, toks: &[TokInfo], r: &Range<usize>) -> bool {
    place_context_with(doc, toks, r, true)
}

/// [`place_context`], where `of` tells whether "of" counts as a preposition of place ("the
/// town of Coleman" but also "pictures of Marilyn").
pub(super) fn place_context_with(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    r: &Range<usize>,
    of: bool,
) -> bool {
    let prev = if r.start > 0 {
        word(doc, r.start - 1)
    } else {
        ""
    };
    if lower_in(PLACE_PREPOSITIONS, prev) && (of || !prev.eq_ignore_ascii_case("of")) {
        return true;
    }
    word(doc, r.end) == ","
        && toks
            .get(r.end + 1)
            .is_some_and(|t| t.gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0)
}

struct Name {
    range: Range<usize>,
    kind: EntityType,
    /// Lowercased words (with those of `tail`).
    words: Vec<u64>,
    /// Tokens of a later name whose words this one shares ("Korea" for "South" in "South and
    /// North Korea"); empty for most names.
    tail: Range<usize>,
}

/// A number for each entity type, mixed into referent keys.
fn type_key(k: EntityType) -> u64 {
    match k {
        EntityType::Per => 1,
        EntityType::Org => 2,
        EntityType::Loc => 3,
        EntityType::Misc => 4,
    }
}

/// Builds mentions and referents from entity token ranges.
pub(crate) fn resolve(
    doc: &Doc<'_>,
    gaz: &Gazetteer,
    toks: &[TokInfo],
    spans: &[(Range<usize>, EntityType)],
    firms: &[u64],
) -> Entities {
    let mut e = Entities::default();
    let names: Vec<Name> = spans
        .iter()
        .filter(|(r, _)| r.start < r.end && r.end <= toks.len())
        .map(|(r, k)| Name {
            range: r.clone(),
            kind: *k,
            words: toks[r.clone()].iter().map(|t| t.lower).collect(),
            tail: r.end..r.end,
        })
        .collect();
    // A single word that starts or ends a person's name of the article is that person
    // ("Kang" after "Kang Kyung-wha"). A word the gazetteers know as a place or body is the
    // person too ("Paris" after "Valeska Paris"), unless a preposition of place comes before
    // it ("born in Paris") or a place follows it ("Paris, France").
    let person_parts: HashSet<u64, BuildHasherDefault<IdHasher>> = names
        .iter()
        .filter(|n| n.kind == EntityType::Per && n.words.len() >= 2)
        .flat_map(|n| [n.words[0], n.words[n.words.len() - 1]])
        .collect();
    // One-word names right after a title ("President Obama", "Mr. Obama"): people.
    let titled: HashSet<u64, BuildHasherDefault<IdHasher>> = names
        .iter()
        .filter(|n| {
            n.kind == EntityType::Per
                && n.words.len() == 1
                && n.range.start > 0
                && (toks[n.range.start - 1].gaz & cat::TITLE != 0
                    || super::after_honorific(doc, n.range.start))
        })
        .map(|n| n.words[0])
        .collect();
    // The first word of a company's name of two or more capitalised words is the company when
    // it stands alone ("Lockheed" after "Lockheed Martin"), unless it is part of a person's name
    // or the article puts a title before it ("Mr. Obama" beside a headline read as one name,
    // "Obama Says Museum Will Tell").
    let org_heads: HashSet<u64, BuildHasherDefault<IdHasher>> = names
        .iter()
        .filter(|n| {
            n.kind == EntityType::Org
                && n.words.len() >= 2
                && toks
                    .get(n.range.start + 1)
                    .is_some_and(|t| t.flags & flag::CAP != 0)
                && toks[n.range.start].gaz & (cat::FIRST_M | cat::FIRST_F) == 0
        })
        .map(|n| n.words[0])
        .filter(|w| !person_parts.contains(w) && !titled.contains(w))
        .collect();
    let mut names = names;
    share_coordinated_names(doc, &mut names);
    for n in names.iter_mut() {
        // A word the article itself calls an organisation ("Caloi is a Brazilian
        // manufacturer") stays one beside its founders ("Luigi Caloi").
        let firm = n.kind == EntityType::Org && firms.contains(&hash_seq(0, n.words[0]));
        if n.kind != EntityType::Per
            && !firm
            && n.words.len() == 1
            && person_parts.contains(&n.words[0])
            && (toks[n.range.start].gaz & cat::NAMES == 0
                || (matches!(n.kind, EntityType::Loc | EntityType::Org)
                    && toks[n.range.start].gaz & cat::DEM_B == 0
                    && toks[n.range.start].flags & flag::ALLCAPS == 0
                    && !place_context(doc, toks, &n.range)))
        {
            n.kind = EntityType::Per;
        } else if n.kind == EntityType::Per && n.words.len() == 1 && org_heads.contains(&n.words[0])
        {
            n.kind = EntityType::Org;
        }
    }
    // Mention index of every token.
    let mut owner = vec![usize::MAX; toks.len()];
    for (k, n) in names.iter().enumerate() {
        for i in n.range.clone() {
            owner[i] = k;
        }
    }
    let mut keys: HashMapId<usize> = HashMapId::default();
    let people = PersonIndex::new(&names);
    let acronyms = acronym_index(doc, &names);
    let church_word = hash_lower(b"church");
    let of_word = hash_lower(b"of");
    let church = names.iter().position(|n| {
        n.kind == EntityType::Org
            && n.words.len() == 3
            && n.words[0] == church_word
            && n.words[1] == of_word
    });
    // Per mention: true when it is an acronym of a name written out in the article.
    let mut abbreviated = Vec::with_capacity(names.len());
    for (k, n) in names.iter().enumerate() {
        let acronym = if n.kind == EntityType::Per {
            None
        } else {
            // "US" and "UK" are places of their own, not "University of Sheffield".
            acronym_target(doc, &names, &acronyms, k).filter(|&j| {
                j != k && toks[n.range.start].gaz & (cat::COUNTRY | cat::LOC_B | cat::CITY) == 0
            })
        };
        let target = if n.kind == EntityType::Per {
            people.target(&names, k)
        } else {
            acronym
                .or_else(|| church_target(&names, church, k))
                .unwrap_or(k)
        };
        let t = &names[target];
        // A company's legal form is no part of its identity: "Apple Inc." is "Apple".
        let legal = t.kind == EntityType::Org
            && t.words.len() >= 2
            && super::is_legal_form(word(doc, t.range.end - 1));
        let words = if legal {
            &t.words[..t.words.len() - 1]
        } else {
            &t.words[..]
        };
        let key = words.iter().fold(0, |h, &w| hash_seq(h, w));
        let key = hash_seq(key, type_key(t.kind));
        let idx = match keys.get(&key) {
            Some(&i) => i,
            None => {
                keys.insert(key, e.referents.len());
                e.referents.push(new_referent(doc, gaz, toks, t));
                e.referents.len() - 1
            }
        };
        let (Some(a), Some(b)) = (
            doc.tokens.get(n.range.start),
            doc.tokens.get(n.range.end - 1),
        ) else {
            continue;
        };
        let r = &mut e.referents[idx];
        r.mentions += 1;
        if r.kind == EntityType::Per {
            if r.role.is_none() {
                r.role = role_before(doc, &names, &owner, n.range.start)
                    .or_else(|| role_after(doc, &names, &owner, n.range.end));
            }
            if r.gender.is_none() && n.range.start > 0 {
                let mut prev = word(doc, n.range.start - 1);
                if prev == "." && n.range.start >= 2 {
                    prev = word(doc, n.range.start - 2);
                }
                let prev = prev.trim_end_matches('.');
                r.gender = match prev.to_ascii_lowercase().as_str() {
                    "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
                    "ms" | "mrs" | "miss" | "lady" | "queen" | "princess" | "madam" => {
                        Some(Gender::Female)
                    }
                    _ => None,
                };
            }
        }
        e.mentions.push(Mention {
            span: Span::new(a.span.start, b.span.end),
            kind: n.kind,
            referent: idx,
        });
        abbreviated.push(acronym.is_some());
    }
    // An acronym and its expansion ("KSC", "Kennedy Space Center") may have been typed
    // differently: every mention of a referent takes the type most of its written-out mentions
    // have (the words of an expansion tell more than a bare acronym), or most of all mentions
    // when it has none.
    let mut votes = vec![[0u32; 4]; e.referents.len()];
    for (m, &abbr) in e.mentions.iter().zip(&abbreviated) {
        if !abbr {
            votes[m.referent][m.kind as usize] += 1;
        }
    }
    let written_out: Vec<bool> = votes.iter().map(|v| v.iter().any(|&x| x > 0)).collect();
    for (m, &abbr) in e.mentions.iter().zip(&abbreviated) {
        if abbr && !written_out[m.referent] {
            votes[m.referent][m.kind as usize] += 1;
        }
    }
    for (r, v) in e.referents.iter_mut().zip(&votes) {
        if v.iter().filter(|&&x| x > 0).count() > 1 {
            let best = (0..4)
                .max_by_key(|&t| (v[t], t == r.kind as usize))
                .unwrap_or(0);
            r.kind = TYPES[best];
        }
    }
    for m in e.mentions.iter_mut() {
        if let Some(r) = e.referents.get(m.referent) {
            m.kind = r.kind;
        }
    }
    e
}

const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

/// For an all-caps acronym ("APEC"), the name of the article it abbreviates ("Asia-Pacific
/// Economic Cooperation": initials of its capitalised words and hyphenated parts).
/// The initials of a name of two or more words that is not a person's: the first letter of each
/// capitalised word or hyphen part ("Asia-Pacific Economic Cooperation" → "APEC").
fn initials(doc: &Doc<'_>, n: &Name) -> Option<Vec<u8>> {
    if n.range.len() < 2 || n.kind == EntityType::Per {
        return None;
    }
    let mut out = Vec::new();
    for i in n.range.clone() {
        for part in word(doc, i).split('-') {
            let Some(c) = part.bytes().next() else {
                continue;
            };
            if c.is_ascii_lowercase() {
                continue; // "of", "the"
            }
            out.push(c.to_ascii_uppercase());
        }
    }
    Some(out)
}

/// The first name of the article for each string of initials.
fn acronym_index(doc: &Doc<'_>, names: &[Name]) -> HashMap<Vec<u8>, usize> {
    let mut index = HashMap::new();
    for (j, n) in names.iter().enumerate() {
        if let Some(key) = initials(doc, n) {
            index.entry(key).or_insert(j);
        }
    }
    index
}

/// The expansion of an acronym mention ("APEC"): the first name of the article whose initials
/// spell it.
fn acronym_target(
    doc: &Doc<'_>,
    names: &[Name],
    index: &HashMap<Vec<u8>, usize>,
    k: usize,
) -> Option<usize> {
    let me = &names[k];
    if me.range.len() != 1 {
        return None;
    }
    let w = word(doc, me.range.start);
    if !(2..=8).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    index.get(w.as_bytes()).copied()
}

/// For a one-word organisation mention "Church" or "X", the article's "Church of X" (index
/// `church`).
fn church_target(names: &[Name], church: Option<usize>, k: usize) -> Option<usize> {
    let j = church?;
    let me = &names[k];
    let full = &names[j];
    (me.kind == EntityType::Org
        && me.words.len() == 1
        && (me.words[0] == full.words[0] || me.words[0] == full.words[2]))
        .then_some(j)
}

/// Person names of two or more words, by the hash of each of their proper word prefixes and
/// suffixes, then by length: for each, the indexes of the names, ascending.
struct PersonIndex {
    by_part: HashMapId<BTreeMap<usize, Vec<usize>>>,
}

impl PersonIndex {
    fn new(names: &[Name]) -> Self {
        let mut by_part: HashMapId<BTreeMap<usize, Vec<usize>>> = HashMapId::default();
        for (j, n) in names.iter().enumerate() {
            let len = n.words.len();
            if n.kind != EntityType::Per || len < 2 {
                continue;
            }
            let mut seen: Vec<u64> = Vec::with_capacity(2 * len);
            for cut in 1..len {
                for part in [&n.words[..cut], &n.words[cut..]] {
                    let key = part.iter().fold(0, |h, &w| hash_seq(h, w));
                    if !seen.contains(&key) {
                        seen.push(key);
                        by_part
                            .entry(key)
                            .or_default()
                            .entry(len)
                            .or_default()
                            .push(j);
                    }
                }
            }
        }
        PersonIndex { by_part }
    }

    /// The longest person name of the article that `names[k]` is the start or the end of,
    /// nearest before it if several (else the first after it).
    fn target(&self, names: &[Name], k: usize) -> usize {
        let me = &names[k].words;
        let key = me.iter().fold(0, |h, &w| hash_seq(h, w));
        let Some(by_len) = self.by_part.get(&key) else {
            return k;
        };
        // Longest first; a hash collision is ruled out by checking the words.
        for (_, list) in by_len.range(me.len() + 1..).rev() {
            let fits = |&j: &usize| {
                let n = &names[j];
                n.words.starts_with(me) || n.words.ends_with(me)
            };
            let before = list.partition_point(|&j| j < k);
            if let Some(&j) = list[..before].iter().rev().find(|j| fits(j)) {
                return j;
            }
            if let Some(&j) = list[before..].iter().find(|j| fits(j)) {
                return j;
            }
        }
        k
    }
}

/// "South and North Korea", "East and West Germany": the first of two coordinated direction
/// words names the place with the words after the second ("South" is South Korea), so it
/// resolves to that place, with its type, not to a place called "South".
fn share_coordinated_names(doc: &Doc<'_>, names: &mut [Name]) {
    const DIRECTIONS: &[&str] = &[
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    ];
    let is_direction = |i: usize| {
        let w = word(doc, i);
        DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(w))
    };
    for k in 1..names.len() {
        let (first, second) = (&names[k - 1], &names[k]);
        let joined = first.range.end + 1 == second.range.start
            && matches!(word(doc, first.range.end), "and" | "or" | "&");
        if joined
            && first.range.len() == 1
            && second.range.len() >= 2
            && is_direction(first.range.start)
            && is_direction(second.range.start)
        {
            let tail = second.range.start + 1..second.range.end;
            let shared = second.words[1..].to_vec();
            // A lone direction word is often mistyped ("East" MISC): it is what the name is.
            let kind = second.kind;
            let first = &mut names[k - 1];
            first.kind = kind;
            first.words.extend(shared);
            first.tail = tail;
        }
    }
}

fn new_referent(doc: &Doc<'_>, gaz: &Gazetteer, toks: &[TokInfo], n: &Name) -> Referent {
    let r = n.range.clone();
    let text = match (doc.tokens.get(r.start), doc.tokens.get(r.end - 1)) {
        (Some(a), Some(b)) => doc.text.get(a.span.start..b.span.end).unwrap_or(""),
        _ => "",
    };
    let mut canonical = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let (Some(a), Some(b)) = (doc.tokens.get(n.tail.start), n.tail.end.checked_sub(1)) {
        if let Some(b) = doc.tokens.get(b).filter(|_| !n.tail.is_empty()) {
            let shared = doc.text.get(a.span.start..b.span.end).unwrap_or("");
            canonical.push(' ');
            canonical.push_str(&shared.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let heading = toks[r.start].flags & super::features::flag::CAPS_LINE != 0;
    if heading && !canonical.chars().any(char::is_lowercase) {
        // "SEOUL" in a heading: write it "Seoul" (short words such as "US" stay).
        canonical = canonical
            .split(' ')
            .map(|w| {
                if w.chars().count() <= 3 {
                    return w.to_string();
                }
                let mut out = String::with_capacity(w.len());
                for (k, c) in w.chars().enumerate() {
                    if k == 0 {
                        out.push(c);
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
                out
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let bits_all = toks[r.clone()].iter().fold(u32::MAX, |m, t| m & t.gaz);
    let last = word(doc, r.end - 1);
    let first = word(doc, r.start);
    let subtype = if bits_all & cat::MEDIA != 0
        || matches!(
            last,
            "News"
                | "Times"
                | "Post"
                | "Journal"
                | "Herald"
                | "Tribune"
                | "Gazette"
                | "Daily"
                | "Telegraph"
                | "Ilbo"
                | "Shimbun"
                | "TV"
                | "Radio"
                | "Television"
                | "Press"
        )
        || (last == "Agency" && r.len() >= 3 && word(doc, r.end - 2) == "News")
    {
        Some(Subtype::Media)
    } else if bits_all & cat::GOV != 0
        || (n.kind == EntityType::Org
            && (matches!(
                last,
                "Ministry" | "Department" | "Office" | "Parliament" | "Cabinet"
            ) || matches!(first, "Ministry" | "Department")))
    {
        Some(Subtype::Government)
    } else {
        None
    };
    // A name in East Asian order opens with the family name ("Kim Jong Un", "Kang Kyung-wha"):
    // the given-name lists say nothing about it ("Kim" is also a woman's given name).
    let family_first = toks[r.start].gaz & cat::FAMILY_FIRST != 0 && east_asian_given(doc, &r);
    let gender = if n.kind == EntityType::Per && r.len() >= 2 && !family_first {
        let g = gaz.get(hash_seq(0, hash_lower(first.as_bytes())));
        if g & cat::FIRST_F != 0 && g & cat::FIRST_M == 0 {
            Some(Gender::Female)
        } else if g & cat::FIRST_M != 0 && g & cat::FIRST_F == 0 {
            Some(Gender::Male)
        } else {
            None
        }
    } else {
        None
    };
    let place = if n.kind == EntityType::Misc {
        gaz.place_of(n.words.iter().fold(0, |h, &w| hash_seq(h, w)))
            .map(str::to_string)
    } else {
        None
    };
    Referent {
        canonical,
        kind: n.kind,
        role: None,
        mentions: 0,
        subtype,
        gender,
        place,
    }
}

/// True when the words after the first of `r` read as an East Asian given name: two syllables
/// ("Jong Un"), a hyphenated name ("Kyung-wha") or one short syllable ("Yuna"), each
/// capitalised. "Kim Kardashian" is no such name. Unlike `korean_given` (which decides whether
/// to extend a tagged name), words of the given-name lists are allowed: "Jong" is one.
fn east_asian_given(doc: &Doc<'_>, r: &Range<usize>) -> bool {
    let rest: Vec<&str> = (r.start + 1..r.end).map(|i| word(doc, i)).collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_ascii_uppercase());
    match rest.as_slice() {
        [one] => capitalised(one) && (one.contains('-') || one.len() <= 5),
        [a, b] => capitalised(a) && capitalised(b) && a.len() <= 5 && b.len() <= 5,
        _ => false,
    }
}

/// Function words, auxiliaries and verbs of saying that can stand before a role noun at a
/// clause start ("..., because chairwoman X", "\", claims writer X", "..., will head X"): no
/// modifier of the role.
const CLAUSE_WORDS: &[&str] = &[
    "because",
    "and",
    "but",
    "or",
    "so",
    "as",
    "when",
    "while",
    "if",
    "then",
    "that",
    "which",
    "who",
    "after",
    "before",
    "since",
    "although",
    "though",
    "where",
    "also",
    "now",
    "with",
    "without",
    "by",
    "for",
    "from",
    "to",
    "of",
    "in",
    "on",
    "at",
    "said",
    "says",
    "meanwhile",
    "however",
    "yet",
    "until",
    "once",
    "unless",
    "whether",
    "than",
    "claims",
    "claimed",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "noted",
    "notes",
    "explained",
    "explains",
    "argued",
    "argues",
    "stated",
    "states",
    "reported",
    "reports",
    "insisted",
    "insists",
    "warned",
    "warns",
    "announced",
    "announces",
    "according",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "did",
    "does",
    "do",
    "not",
];

fn is_role_word(doc: &Doc<'_>, i: usize) -> bool {
    let w = word(doc, i);
    let w = w.trim_end_matches('.');
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    // Titles and role nouns; a lowercase title like "president" counts too.
    const HEADS: &[&str] = &[
        "president",
        "leader",
        "minister",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "ceo",
        "director",
        "governor",
        "senator",
        "sen",
        "rep",
        "gov",
        "gen",
        "lawmaker",
        "congressman",
        "congresswoman",
        "representative",
        "mayor",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "commander",
        "official",
        "member",
        "adviser",
        "advisor",
        "negotiator",
        "diplomat",
        "head",
        "founder",
        "executive",
        "analyst",
        "professor",
        "prof",
        "judge",
        "justice",
        "prosecutor",
        "attorney",
        "lawyer",
        "coach",
        "captain",
        "dictator",
        "counterpart",
        "delegate",
        "commissioner",
        "officer",
        "economist",
        "researcher",
        "reporter",
        "correspondent",
        "editor",
        "manager",
        "owner",
        "pope",
        "sheikh",
        "ayatollah",
        "emperor",
        "president-elect",
        "speaker",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "player",
        "champion",
        "actor",
        "actress",
        "singer",
        "author",
        "writer",
    ];
    lower_in(HEADS, w)
}

fn span_text(doc: &Doc<'_>, a: usize, b: usize) -> Option<String> {
    let s = doc.tokens.get(a)?.span.start;
    let e = doc.tokens.get(b)?.span.end;
    Some(
        doc.text
            .get(s..e)?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Extends a role start backwards over modifiers, demonyms and possessive names.
fn modifiers_back(doc: &Doc<'_>, names: &[Name], owner: &[usize], mut start: usize) -> usize {
    while start > 0 {
        let p = start - 1;
        let w = word(doc, p);
        if lower_in(MODIFIERS, w) || (is_role_word(doc, p) && w.starts_with(char::is_uppercase)) {
            start = p;
            continue;
        }
        if let Some(n) = owner.get(p).and_then(|&k| names.get(k)) {
            if n.kind != EntityType::Per {
                start = n.range.start;
                continue;
            }
            break;
        }
        if is_possessive(w) && p > 0 {
            if let Some(n) = owner.get(p - 1).and_then(|&k| names.get(k)) {
                if n.kind != EntityType::Per {
                    start = n.range.start;
                }
            }
            break;
        }
        break;
    }
    start
}

/// A role right before the name at token `m`: "North Korean leader", "President", "South
/// Korea's ambassador to Washington,".
fn role_before(doc: &Doc<'_>, names: &[Name], owner: &[usize], m: usize) -> Option<String> {
    let mut j = m;
    let mut comma = false;
    if j > 0 && word(doc, j - 1) == "," {
        j -= 1;
        comma = true;
    }
    if j == 0 {
        return None;
    }
    // Optional "to/of/for <name>" tail.
    let mut head = j - 1;
    if let Some(n) = owner.get(head).and_then(|&k| names.get(k)) {
        if n.kind != EntityType::Per
            && n.range.start >= 2
            && lower_in(&["to", "of", "for", "at"], word(doc, n.range.start - 1))
            && is_role_word(doc, n.range.start - 2)
        {
            head = n.range.start - 2;
        }
    }
    if !is_role_word(doc, head) {
        return None;
    }
    let mut start = modifiers_back(doc, names, owner, head);
    let lower_head = word(doc, head).starts_with(char::is_lowercase);
    if lower_head && start == head {
        // A bare lowercase role noun ("leader Kim", "the president, Kim") needs a determiner,
        // or a verb of saying right before it, with at most one lowercase noun between ("said
        // council member Tom Baker", "said spokesman Ali Reza").
        let speech = |i: usize| {
            lower_in(
                &[
                    "said", "says", "added", "adds", "told", "wrote", "asked", "noted",
                ],
                word(doc, i),
            )
        };
        let plain = |i: usize| {
            let w = word(doc, i);
            !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase())
        };
        let determiner = start > 0
            && lower_in(
                &["the", "a", "an", "its", "his", "her", "their"],
                word(doc, start - 1),
            );
        // "department spokesman Leo Park said": a lowercase noun before the role that opens
        // the sentence or follows a comma or quotation mark.
        let opens_clause = |i: usize| {
            i == 0
                || matches!(
                    word(doc, i - 1),
                    "," | "\"" | "\u{201D}" | "\u{201C}" | "." | ";" | ":"
                )
        };
        let after_speech = start >= 2 && speech(start - 2);
        let at_clause_start =
            start >= 1 && opens_clause(start - 1) && !lower_in(CLAUSE_WORDS, word(doc, start - 1));
        if start >= 1 && plain(start - 1) && !determiner && (after_speech || at_clause_start) {
            start -= 1;
        } else if !(determiner || start > 0 && speech(start - 1)) {
            return None;
        }
    }
    let _ = comma;
    if doc
        .tokens
        .get(start)
        .is_some_and(|t| t.kind == TokenKind::Punct)
    {
        return None;
    }
    span_text(doc, start, j - 1)
}

/// A role in an apposition right after the name ending at token `e`: ", South Korea's foreign
/// minister,".
fn role_after(doc: &Doc<'_>, names: &[Name], owner: &[usize], e: usize) -> Option<String> {
    if word(doc, e) != "," {
        return None;
    }
    let mut i = e + 1;
    if lower_in(&["the", "a", "an"], word(doc, i)) {
        i += 1;
    }
    let first = i;
    let mut head = None;
    while i < doc.tokens.len() && i < first + 8 {
        let w = word(doc, i);
        if is_role_word(doc, i) {
            head = Some(i);
            i += 1;
            continue;
        }
        if lower_in(MODIFIERS, w) || is_possessive(w) {
            i += 1;
            continue;
        }
        if let Some(n) = owner.get(i).and_then(|&k| names.get(k)) {
            if n.kind == EntityType::Per {
                return None;
            }
            i = n.range.end;
            continue;
        }
        if head.is_some() && lower_in(&["of", "to", "for", "at"], w) {
            if let Some(n) = owner.get(i + 1).and_then(|&k| names.get(k)) {
                i = n.range.end;
                break;
            }
        }
        break;
    }
    let h = head?;
    let end = i.max(h + 1);
    let next = word(doc, end);
    if !matches!(next, "," | "." | "said" | "says" | "told" | ")" | "") {
        return None;
    }
    span_text(doc, first, end - 1)
}
