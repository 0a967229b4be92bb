//! Rules after tagging that read the form and the context of a name for evidence of its
//! type: an ampersand inside a capitalised name ("Douglas & Lomason", "AT&T"), domain names
//! ("CBC.ca"), an untagged name right after an organisation noun ("electronics retailer Best
//! Buy"), the bare first word of a company's full name ("AirTran" after "AirTran Airways"), an
//! organisation's name running into a person's ("NASA Bill Ingalls"), a noun or a job title for
//! a person next to a name ("fashion designer Halston", "K.C. Maurer, chief financial
//! officer"), the group after "Name of" ("Nathan Law of Demosisto"), airlines ("Air China"),
//! companies after "CEO of" and places a place noun describes ("the village of Atwick"); bands
//! after "The" ("The Beatles"), products after a company's possessive ("AOL's AIM service"),
//! names split by a spaced hyphen ("Wal - Mart"), given + Cantonese family names ("Starry
//! Lee"), names listed after "bands like", "cities such as", an acronym before its name in
//! brackets, caption labels ("Image:") and leaders before "government" ("the Monti
//! government", but "the Syriza government" is the party's).

use std::ops::Range;

use super::features::{flag, TokInfo};
use super::gazetteer::cat;
use super::{
    in_list, is_legal_form, is_org_ending, lists, referents, retype_all, seq_key, EntityType,
};
use crate::Doc;

/// Words after "&" that close a firm's name: "Salomon Brothers & Co", "Edwards & Sons".
const AMP_SUFFIXES: &[&str] = &[
    "Associates",
    "Bros",
    "Brothers",
    "Cie",
    "Co",
    "Company",
    "Partners",
    "Son",
    "Sons",
];

/// True when the span is a person's full name that opens with a given name ("David
/// Christison"): such a name before or after "&" is one of two people, not a firm.
fn full_person(toks: &[TokInfo], r: &Range<usize>, ty: EntityType) -> bool {
    ty == EntityType::Per
        && r.len() >= 2
        && toks
            .get(r.start)
            .is_some_and(|t| t.gaz & (cat::FIRST_M | cat::FIRST_F) != 0)
}

/// Names joined by "&" are one organisation ("Douglas & Lomason", "Standard & Poor", "McDonald
/// & Co"), and a word with an ampersand inside it in capitals ("AT&T") is one, when the tagger
/// left it out. Two people's full names ("David Christison & Lee Tate") stay apart; so do two
/// words no name covers ("Home & Away") unless the second closes a firm's name ("& Co").
pub(super) fn ampersands(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    // Both forms need an ampersand: most articles have none.
    if !doc.text.contains('&') {
        return;
    }
    let n = toks.len().min(doc.tokens.len());
    let word = |i: usize| referents::word(doc, i);
    let cap = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.flags & flag::CAP != 0 && t.flags & flag::CAPS_LINE == 0)
    };
    let mut i = 1;
    while i + 1 < n {
        let w = word(i);
        if w != "&" || !cap(i - 1) || !cap(i + 1) {
            // "AT&T": one token, capitals and an ampersand, untagged.
            if w.len() >= 3
                && w.contains('&')
                && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
                && toks.get(i).is_some_and(|t| t.flags & flag::CAPS_LINE == 0)
                && !spans.iter().any(|(r, _)| r.contains(&i))
            {
                let at = spans.partition_point(|(r, _)| r.start < i);
                spans.insert(at, (i..i + 1, EntityType::Org));
            }
            i += 1;
            continue;
        }
        let left = spans.iter().position(|(r, _)| r.end == i);
        let right = spans.iter().position(|(r, _)| r.start == i + 1);
        let suffix = AMP_SUFFIXES.contains(&word(i + 1));
        let inside = spans.iter().any(|(r, _)| r.contains(&i));
        if inside || (left.is_none() && right.is_none() && !suffix) {
            i += 1;
            continue;
        }
        let two_people = left.is_some_and(|k| full_person(toks, &spans[k].0, spans[k].1))
            || (!suffix && right.is_some_and(|k| full_person(toks, &spans[k].0, spans[k].1)));
        // Two names of several words each ("Western Reds Rugby League & West Coast Eagles")
        // are two names; a firm's "&" joins one word (or a whole name and "& Co").
        let long = |k: Option<usize>, most: usize| k.is_some_and(|k| spans[k].0.len() > most);
        if two_people || (!suffix && (long(left, 1) || long(right, 2))) {
            i += 1;
            continue;
        }
        let start = left.map_or(i - 1, |k| spans[k].0.start);
        let mut end = right.map_or(i + 2, |k| spans[k].0.end);
        // "& Co Inc": a company word right after the suffix.
        if right.is_none() && end < n && cap(end) && is_org_ending(word(end)) {
            end += 1;
        }
        let types = [left, right].map(|k| k.map(|k| spans[k].1));
        let ty = if types.contains(&Some(EntityType::Org)) || suffix {
            EntityType::Org
        } else if types.contains(&Some(EntityType::Misc)) {
            EntityType::Misc
        } else if types.contains(&Some(EntityType::Loc)) {
            EntityType::Loc
        } else {
            EntityType::Org
        };
        spans.retain(|(r, _)| r.end <= start || r.start >= end);
        let at = spans.partition_point(|(r, _)| r.start < start);
        spans.insert(at, (start..end, ty));
        i = end;
    }
}

/// Top-level domains that make a capitalised word a web site's name ("Detik.com", "CBC.ca").
const DOMAINS: &[&str] = &[
    ".au", ".ca", ".co.uk", ".com", ".com.au", ".de", ".fr", ".ie", ".in", ".info", ".net",
    ".news", ".nz", ".org", ".uk",
];

/// True when the word is a site's address: it ends in one of [`DOMAINS`] after a letter or
/// digit ("Detik.com", "ouest-france.fr"). The attribution layer reads a source so named as
/// media.
pub(crate) fn web_address(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
        && DOMAINS.iter().any(|d| {
            w.len() > d.len() + 1
                && w.get(w.len() - d.len()..)
                    .is_some_and(|e| e.eq_ignore_ascii_case(d))
        })
}

/// True when the word is a capitalised domain name: "Detik.com", "CBC.ca" (not "www.x.com").
fn domain_name(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && !w.starts_with("Www.")
        && !w.starts_with("WWW.")
        && web_address(w)
}

/// A capitalised domain name tagged as a person or a place ("CBC.ca") is the site's
/// organisation.
pub(super) fn domains(doc: &Doc<'_>, spans: &mut [(Range<usize>, EntityType)]) {
    for (r, ty) in spans.iter_mut() {
        if r.len() == 1
            && matches!(*ty, EntityType::Per | EntityType::Loc)
            && domain_name(referents::word(doc, r.start))
        {
            *ty = EntityType::Org;
        }
    }
}

/// Words a name never runs over when it is read after an organisation noun.
fn stops_name(toks: &[TokInfo], w: &str, i: usize) -> bool {
    toks.get(i).is_none_or(|t| {
        t.flags & flag::CAP == 0
            || t.flags & flag::CAPS_LINE != 0
            || t.gaz & (cat::TEMPORAL | cat::TITLE | cat::ROLE) != 0
    }) || matches!(w, "I" | "The" | "A" | "An")
}

/// Capitalised words right after a lowercase organisation noun that the tagger left untagged
/// are that organisation's name: "electronics retailer Best Buy", "the airline Ryanair" (up to
/// three words; dates, titles and words that open a sentence are not taken).
pub(super) fn untagged_after_org_noun(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let n = toks.len().min(doc.tokens.len());
    let word = |i: usize| referents::word(doc, i);
    let mut i = 1;
    while i < n {
        // A capitalised word not opening a sentence, first: a bit test that spares most words
        // the list lookup below (`stops_name` rejects the others too).
        if toks[i].flags & flag::CAP == 0 || toks[i].flags & flag::SENT_START != 0 {
            i += 1;
            continue;
        }
        let noun = toks[i - 1].flags & flag::LOWER != 0
            && in_list(&lists().org_nouns, word(i - 1))
            && !(word(i - 1) == "carrier" && i >= 2 && word(i - 2) == "aircraft");
        if !noun || stops_name(toks, word(i), i) || toks[i].flags & flag::SENT_START != 0 {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < n && end < i + 3 && !stops_name(toks, word(end), end) {
            end += 1;
        }
        // One letter ("company N / A") is no name.
        if (end == i + 1 && word(i).chars().count() < 2)
            || spans.iter().any(|(r, _)| r.start < end && i < r.end)
        {
            i = end.max(i + 1);
            continue;
        }
        let at = spans.partition_point(|(r, _)| r.start < i);
        spans.insert(at, (i..end, EntityType::Org));
        i = end;
    }
}

/// Last words of organisation names that can go on with a purpose after "for": "Organisation
/// for Security and Cooperation in Europe", "National League for Democracy", "Andy Warhol
/// Foundation for the Visual Arts".
const PURPOSE_HEADS: &[&str] = &[
    "Academy",
    "Agency",
    "Alliance",
    "Association",
    "Board",
    "Bureau",
    "Campaign",
    "Center",
    "Centre",
    "Coalition",
    "Commission",
    "Committee",
    "Council",
    "Endowment",
    "Federation",
    "Foundation",
    "Front",
    "Fund",
    "Institute",
    "League",
    "Movement",
    "Network",
    "Office",
    "Organisation",
    "Organization",
    "Partnership",
    "Party",
    "Rally",
    "Society",
    "Trust",
    "Union",
];

/// Words of sports clubs' names: a club after "for" is the team a player played for.
const CLUB_WORDS: &[&str] = &[
    "AC",
    "AFC",
    "Athletic",
    "CF",
    "City",
    "FC",
    "Rovers",
    "SC",
    "United",
    "Wanderers",
];

/// An organisation's name that ends in one of [`PURPOSE_HEADS`] takes in "for", an optional
/// "the" and the capitalised words after it ("Security", "Democracy", "the Return of Refugees
/// and Democracy in Rwanda"; "of", "and", "in", "the" and "&" only between capitalised words):
/// the tagger split such names in two or three (and may type the part after "for" a person:
/// "Marine Studies"). The words after "for" must not open a name of their own: a place's, or an organisation's full name ("left the Labour Party for
/// the Green Party", "the Ford Foundation for Microsoft", "the Super League for FC Basel" stay
/// two names).
pub(super) fn purpose_names(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    gaz_orgs: impl Fn(&Range<usize>) -> bool,
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let word = |i: usize| referents::word(doc, i);
    let cap = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.flags & flag::CAP != 0 && t.flags & (flag::CAPS_LINE | flag::SENT_START) == 0
        })
    };
    let mut k = 0;
    while k < spans.len() {
        let r = spans[k].0.clone();
        if spans[k].1 == EntityType::Per
            || word(r.end) != "for"
            || !PURPOSE_HEADS.contains(&word(r.end - 1))
        {
            k += 1;
            continue;
        }
        let mut j = r.end + 1;
        if word(j) == "the" {
            j += 1;
        }
        let limit = doc
            .sentences
            .get(doc.sentences.partition_point(|s| s.tokens.end <= r.start))
            .filter(|s| s.tokens.contains(&r.start))
            .map_or(j, |s| s.tokens.end)
            .min(j + 10);
        let (mut i, mut end) = (j, j);
        while i < limit {
            if cap(i) {
                i += 1;
                end = i;
            } else if matches!(word(i), "of" | "and" | "in" | "the" | "&") && cap(i + 1) {
                i += 1;
            } else {
                break;
            }
        }
        let inside = spans[k + 1..]
            .iter()
            .take_while(|(n, _)| n.start < end)
            .count();
        let taken = &spans[k + 1..k + 1 + inside];
        // A club after "for": "played in the Super League for FC Basel".
        let club = (j..end).any(|i| CLUB_WORDS.contains(&word(i)));
        let own_name = club
            || taken.iter().enumerate().any(|(x, (n, ty))| {
                n.end > end
                    || (x == 0
                        && n.start == j
                        && (*ty == EntityType::Loc
                            || is_org_ending(word(n.end - 1))
                            || PURPOSE_HEADS.contains(&word(n.end - 1))
                            || gaz_orgs(n)))
            });
        if end == j || own_name {
            k += 1;
            continue;
        }
        spans[k] = (r.start..end, EntityType::Org);
        spans.drain(k + 1..k + 1 + inside);
        k += 1;
    }
}

/// Words that close a company's name and never a party's or a place's: the first word before
/// them, used alone, is the company ("AirTran" after "AirTran Airways").
const COMPANY_WORDS: &[&str] = &[
    "Airlines",
    "Airways",
    "Co",
    "Communications",
    "Corp",
    "Corporation",
    "Holdings",
    "Inc",
    "Industries",
    "LLC",
    "Ltd",
    "Motors",
    "Plc",
    "PLC",
    "Systems",
    "Technologies",
];

/// A one-word name typed as a person or other name that opens an organisation's name found in
/// the same article, with an organisation word after it ("AirTran" and "AirTran Airways",
/// "Acme" and "Acme Corp"), is that organisation.
pub(super) fn first_word_of_org(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut heads: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty == EntityType::Org && r.len() == 2 && COMPANY_WORDS.contains(&word(r.end - 1)) {
            heads.push(seq_key(toks, r.start..r.start + 1));
        }
    }
    if heads.is_empty() {
        return;
    }
    for (r, ty) in spans.iter_mut() {
        if r.len() == 1
            && matches!(*ty, EntityType::Per | EntityType::Misc)
            && heads.contains(&seq_key(toks, r.clone()))
        {
            *ty = EntityType::Org;
        }
    }
}

/// An organisation's name that ends in a person's given name and one more word is the
/// organisation and that person, when the words before the given name close an organisation's
/// name (a word such as "Council" or "Force", or an acronym): "NASA Bill Ingalls", "the Air
/// Force James Roche", "the Refugee Council Enver Solomon" (a caption or a title without a
/// comma). The given name is one the lists or the training data know as a person's first word.
pub(super) fn person_after_org(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let word = |i: usize| referents::word(doc, i);
    let mut k = 0;
    while k < spans.len() {
        let (r, ty) = spans[k].clone();
        k += 1;
        if ty != EntityType::Org || r.len() < 3 {
            continue;
        }
        let (p, last) = (r.end - 2, r.end - 1);
        let (Some(given), Some(family), Some(before)) =
            (toks.get(p), toks.get(last), toks.get(p - 1))
        else {
            continue;
        };
        // Known as a given name, and never as (the first word of) a place or an organisation.
        let is_given = given.gaz & (cat::FIRST_M | cat::FIRST_F | cat::TR_B) != 0
            && given.gaz & (cat::ORG_B | cat::ORG_I | cat::NAMES | cat::TR_B << 2 | cat::TR_B << 4)
                == 0;
        // A capitalised word in lower case after its capital ("Ingalls", not "II").
        let family_word = word(last);
        let is_family = family.flags & flag::CAP != 0
            && family.flags & flag::ALLCAPS == 0
            && family_word.len() >= 2
            && family.gaz & cat::NAMES == 0
            && !is_org_ending(word(last));
        let org_close = is_org_ending(word(p - 1))
            || (before.flags & flag::ALLCAPS != 0 && word(p - 1).len() >= 2)
            || before.gaz & (cat::ORG_B | cat::MEDIA | cat::GOV) != 0;
        if is_given && is_family && org_close && before.flags & flag::CAPS_LINE == 0 {
            spans[k - 1] = (r.start..p, EntityType::Org);
            spans.insert(k, (p..r.end, EntityType::Per));
            k += 1;
        }
    }
}

/// Nouns for people that, right before a name, make it a person's: "fashion designer
/// Halston", "striker Sassi" (with the apposition nouns of the module's person list).
const PERSON_BEFORE: &[&str] = &[
    "author",
    "captain",
    "coach",
    "comedian",
    "defender",
    "designer",
    "goalkeeper",
    "midfielder",
    "player",
    "rapper",
    "striker",
    "writer",
];

/// A name typed as a place, organisation or other name right after a lowercase noun for a
/// person ("fashion designer Halston") is a person's, and so is every other mention with the
/// same words, unless a list or the training data know its first word as a place or an
/// organisation.
pub(super) fn person_nouns_before(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut people: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty == EntityType::Per || r.start == 0 || r.len() > 3 {
            continue;
        }
        let Some(first) = toks.get(r.start) else {
            continue;
        };
        let known = first.gaz & (cat::NAMES | cat::ORG_I | cat::TR_B << 2 | cat::TR_B << 4) != 0;
        let noun = word(r.start - 1);
        let person_noun = toks[r.start - 1].flags & flag::LOWER != 0
            && (PERSON_BEFORE.contains(&noun) || in_list(&lists().person_nouns, noun));
        if person_noun && !known && !is_org_ending(word(r.end - 1)) {
            people.push(seq_key(toks, r.clone()));
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

/// Job titles that, as a bare apposition after a name of two or three words, make it a
/// person's: "K.C. Maurer, chief financial officer and treasurer at the foundation".
const JOB_TITLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "founder",
    "president",
    "spokesman",
    "spokeswoman",
    "treasurer",
    "vice",
];

/// A name of two or three words typed as an organisation, place or other name and followed by
/// a comma and a bare job title ("K.C. Maurer, chief financial officer") is a person's, in
/// every mention.
pub(super) fn job_appositions(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut people: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty == EntityType::Per || !(2..=3).contains(&r.len()) || word(r.end) != "," {
            continue;
        }
        let title = r.end + 1;
        let lower = toks.get(title).is_some_and(|t| t.flags & flag::LOWER != 0);
        let last = word(r.end - 1);
        if lower && JOB_TITLES.contains(&word(title)) && !is_org_ending(last) {
            people.push(seq_key(toks, r.clone()));
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

/// A one-word name typed as a person right after another person's full name and "of" ("Nathan
/// Law of Demosisto") is what that person belongs to: an organisation, or a place when the
/// lists know it as one. Every mention of it is retyped.
pub(super) fn of_after_person(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let word = |i: usize| referents::word(doc, i);
    let mut groups: Vec<(u64, EntityType)> = Vec::new();
    for k in 1..spans.len() {
        let (r, ty) = &spans[k];
        let (p, pty) = &spans[k - 1];
        if *ty != EntityType::Per
            || r.len() != 1
            || *pty != EntityType::Per
            || p.len() < 2
            || p.end + 1 != r.start
            || word(p.end) != "of"
        {
            continue;
        }
        let Some(t) = toks.get(r.start) else {
            continue;
        };
        if t.gaz & (cat::FIRST_M | cat::FIRST_F | cat::TR_B) != 0 {
            continue;
        }
        let place = t.gaz & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0;
        let to = if place {
            EntityType::Loc
        } else {
            EntityType::Org
        };
        groups.push((seq_key(toks, r.clone()), to));
    }
    // "Michael Tien of NPP": an untagged acronym after a person's full name and "of".
    let mut k = 0;
    while k < spans.len() {
        let (p, pty) = (spans[k].0.clone(), spans[k].1);
        k += 1;
        let a = p.end + 1;
        let acronym = word(a);
        if pty == EntityType::Per
            && p.len() >= 2
            && word(p.end) == "of"
            && (2..=6).contains(&acronym.len())
            && acronym.bytes().all(|b| b.is_ascii_uppercase())
            && toks
                .get(a)
                .is_some_and(|t| t.flags & flag::CAPS_LINE == 0 && t.gaz & cat::NAMES == 0)
            && spans.get(k).is_none_or(|(n, _)| n.start > a)
        {
            spans.insert(k, (a..a + 1, EntityType::Org));
            k += 1;
        }
    }
    if groups.is_empty() {
        return;
    }
    for (r, ty) in spans.iter_mut() {
        if *ty != EntityType::Per {
            continue;
        }
        let key = seq_key(toks, r.clone());
        if let Some((_, to)) = groups.iter().find(|(g, _)| *g == key) {
            *ty = *to;
        }
    }
}

/// "Air" right before a place is an airline ("Air China", "Air Canada"); a name typed as an
/// other name right after "CEO of" or "chief executive of" is a company ("president and CEO of
/// Boeing Commercial Airplanes").
pub(super) fn airlines_and_ceos(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut prev_end = 0;
    for (r, ty) in spans.iter_mut() {
        let s = r.start;
        if *ty == EntityType::Loc
            && s > prev_end
            && word(s - 1) == "Air"
            && toks
                .get(s - 1)
                .is_some_and(|t| t.flags & flag::CAPS_LINE == 0)
        {
            *r = s - 1..r.end;
            *ty = EntityType::Org;
        } else if *ty == EntityType::Misc
            && s >= 2
            && word(s - 1) == "of"
            && (word(s - 2) == "CEO"
                || (word(s - 2) == "executive"
                    && toks.get(s - 2).is_some_and(|t| t.flags & flag::LOWER != 0)))
        {
            *ty = EntityType::Org;
        }
        prev_end = r.end;
    }
}

/// Nouns for settlements and regions: "the village of X", "X is a small town".
const PLACE_NOUNS: &[&str] = &[
    "city",
    "county",
    "district",
    "hamlet",
    "municipality",
    "parish",
    "province",
    "suburb",
    "town",
    "township",
    "village",
];

/// A name typed as a person that a place noun describes ("the village of Atwick", "Atwick is a
/// village in Holderness", "Bank Hey is a suburb of Blackburn") is a place, in every mention,
/// unless a list knows its first word as a given name.
pub(super) fn place_nouns(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let lower_place = |i: usize| {
        toks.get(i).is_some_and(|t| t.flags & flag::LOWER != 0) && PLACE_NOUNS.contains(&word(i))
    };
    let mut places: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty != EntityType::Per
            || toks
                .get(r.start)
                .is_none_or(|t| t.gaz & (cat::FIRST_M | cat::FIRST_F | cat::TITLE) != 0)
        {
            continue;
        }
        // "the village of X"
        let before = r.start >= 2 && word(r.start - 1) == "of" && lower_place(r.start - 2);
        // "X is a (small) village", "X was a town"
        let after = matches!(word(r.end), "is" | "was")
            && matches!(word(r.end + 1), "a" | "an" | "the")
            && (lower_place(r.end + 2)
                || (toks
                    .get(r.end + 2)
                    .is_some_and(|t| t.flags & flag::LOWER != 0)
                    && lower_place(r.end + 3)));
        if before || after {
            places.push(seq_key(toks, r.clone()));
        }
    }
    retype_all(
        toks,
        spans,
        &places,
        |ty| ty == EntityType::Per,
        EntityType::Loc,
    );
}

/// True when token `t` is capitalised as in running text: a capital first letter, and neither
/// all capitals nor on a line in capitals (where every word looks like a name).
fn title_case(t: &TokInfo) -> bool {
    t.flags & flag::CAP != 0 && t.flags & (flag::ALLCAPS | flag::CAPS_LINE) == 0
}

/// True when some person's name in `spans` has a word equal to `w` (case-insensitive).
fn person_word(doc: &Doc<'_>, spans: &[(Range<usize>, EntityType)], w: &str) -> bool {
    spans.iter().any(|(r, ty)| {
        *ty == EntityType::Per
            && r.clone()
                .any(|i| referents::word(doc, i).eq_ignore_ascii_case(w))
    })
}

/// A name typed as a person after "The" whose last word is a capitalised plural ("The
/// Beatles", "the Rolling Stones") is a band or a team: an organisation (CoNLL), in every
/// mention. A family ("the Kennedys", "the Sams" after "Manju Sam") stays a person: the plural
/// is known as a person's name, or its singular is a given name, a listed name or a word of
/// another person's name in the article; so does a name that opens with a given name ("the
/// Ron Burkes case").
pub(super) fn plural_groups(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    gaz: &super::gazetteer::Gazetteer,
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut groups: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if *ty != EntityType::Per || r.len() > 3 {
            continue;
        }
        let the = matches!(word(r.start), "The" | "the")
            || (r.start > 0 && matches!(word(r.start - 1), "The" | "the"));
        let last = word(r.end - 1);
        let Some(t) = toks.get(r.end - 1) else {
            continue;
        };
        let plural = last.len() >= 4
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
            && title_case(t)
            // Known as (part of) a person's name in the training data, or a listed name.
            && t.gaz & (cat::TR_B | cat::TR_I | cat::NAMES | cat::FIRST_M | cat::FIRST_F) == 0;
        // A name that opens with a given name is a person's ("the Ron Burkes case").
        let name_start = if matches!(word(r.start), "The" | "the") {
            r.start + 1
        } else {
            r.start
        };
        let given = name_start + 1 < r.end
            && toks
                .get(name_start)
                .is_some_and(|f| f.gaz & (cat::FIRST_M | cat::FIRST_F) != 0);
        if !the || !plural || given {
            continue;
        }
        let stem = &last[..last.len() - 1];
        let stem_es = last.strip_suffix("es");
        let known = |s: &str| {
            super::gazetteer::key_of(s).is_some_and(|(h, _)| {
                gaz.get(h) & (cat::FIRST_M | cat::FIRST_F | cat::NAMES | cat::TITLE) != 0
            }) || person_word(doc, spans, s)
        };
        if known(stem) || stem_es.is_some_and(known) {
            continue;
        }
        groups.push(seq_key(toks, r.clone()));
    }
    retype_all(
        toks,
        spans,
        &groups,
        |ty| ty == EntityType::Per,
        EntityType::Org,
    );
}

/// Words after a product's name that say what it is: "AOL's AIM service".
const PRODUCT_NOUNS: &[&str] = &[
    "app",
    "apps",
    "browser",
    "console",
    "device",
    "devices",
    "game",
    "handset",
    "laptop",
    "laptops",
    "messenger",
    "phone",
    "phones",
    "platform",
    "player",
    "program",
    "programme",
    "service",
    "smartphone",
    "software",
    "tablet",
];

/// A one-word name typed as an organisation right after an organisation's possessive and
/// before a noun for a product ("AOL's AIM service", "Apple's iTunes software") is that
/// organisation's product (MISC), so "the company" later is the maker, not the product. Names
/// the lists know as organisations stay ("Alphabet's Google service" is rare; "Google" is
/// listed).
pub(super) fn products_of_orgs(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    for k in 1..spans.len() {
        let (p, pty) = spans[k - 1].clone();
        let (r, ty) = spans[k].clone();
        if ty != EntityType::Org || pty != EntityType::Org || r.len() != 1 {
            continue;
        }
        // "AOL" "'s" "AIM": the possessive clitic is one token between the names.
        if p.end + 1 != r.start || !matches!(word(p.end), "'s" | "\u{2019}s") {
            continue;
        }
        let Some(t) = toks.get(r.start) else {
            continue;
        };
        let listed = t.gaz & (cat::ORG_B | cat::MEDIA | cat::GOV | cat::TR_B << 2) != 0;
        // The noun, after at most two more lowercase words ("AIM instant messaging service").
        let lower = |i: usize| toks.get(i).is_some_and(|n| n.flags & flag::LOWER != 0);
        let noun = (r.end..r.end + 3)
            .take_while(|&i| lower(i))
            .any(|i| PRODUCT_NOUNS.contains(&word(i)));
        if noun && !listed && !is_org_ending(word(r.start)) {
            spans[k].1 = EntityType::Misc;
        }
    }
}

/// Two one-word names around a hyphen written with spaces ("Wal - Mart"), neither known to
/// the lists or the training data, are one name split by the spacing: an organisation (a
/// route between two places, "Bangkok - Chiang Mai", has listed names; two names the tagger
/// took for people, "Okonkwo - Adeyemi 6-3", are two people).
pub(super) fn spaced_hyphens(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    let word = |i: usize| referents::word(doc, i);
    let unknown = |i: usize| {
        toks.get(i).is_some_and(|t| {
            title_case(t)
                && t.gaz
                    & (cat::NAMES
                        | cat::FIRST_M
                        | cat::FIRST_F
                        | cat::TITLE
                        | cat::TEMPORAL
                        | cat::TR_B
                        | cat::TR_I
                        | cat::TR_B << 2
                        | cat::TR_I << 2
                        | cat::TR_B << 4
                        | cat::TR_I << 4)
                    == 0
        })
    };
    let mut k = 1;
    while k < spans.len() {
        let (p, pty) = spans[k - 1].clone();
        let (r, ty) = spans[k].clone();
        // Two names the tagger took for people are two people ("Okonkwo - Adeyemi 6-3").
        let people = pty == EntityType::Per && ty == EntityType::Per;
        let spaced = doc.tokens.get(p.end).is_some_and(|h| {
            h.span.slice(doc.text) == "-"
                && doc.text.as_bytes().get(h.span.start.wrapping_sub(1)) == Some(&b' ')
                && doc.text.as_bytes().get(h.span.end) == Some(&b' ')
        });
        if p.len() == 1
            && r.len() == 1
            && p.end + 1 == r.start
            && spaced
            && !people
            && unknown(p.start)
            && unknown(r.start)
            && word(p.start).len() >= 3
            && word(r.start).len() >= 3
        {
            spans[k - 1] = (p.start..r.end, EntityType::Org);
            spans.remove(k);
            continue;
        }
        k += 1;
    }
}

/// Cantonese family names (Hong Kong romanisation), written last after an English given name
/// ("Starry Lee", "Baggio Leung"), which the East Asian family-name list (written first)
/// leaves out.
const CANTONESE_FAMILY: &[&str] = &[
    "Chan", "Cheng", "Cheung", "Chiu", "Chow", "Fung", "Ho", "Kwan", "Kwok", "Kwong", "Lai", "Lam",
    "Lau", "Leung", "Mak", "Ng", "Poon", "Tam", "Tsang", "Tse", "Tsui", "Wong", "Yau", "Yeung",
    "Yip",
];

/// A two-word name typed as an organisation or a place whose second word is an East Asian
/// family name and whose first word no list knows ("DAB's Starry Lee", "Baggio Leung") is a
/// person's, in every mention; names ending in a word for a place or a body ("Central Park")
/// or opening with one ("Fort Lee") are not taken.
pub(super) fn given_and_family(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut people: Vec<u64> = Vec::new();
    for (r, ty) in spans.iter() {
        if !matches!(*ty, EntityType::Org | EntityType::Loc) || r.len() != 2 {
            continue;
        }
        let (Some(first), Some(last)) = (toks.get(r.start), toks.get(r.start + 1)) else {
            continue;
        };
        let family =
            last.gaz & cat::FAMILY_FIRST != 0 || CANTONESE_FAMILY.contains(&word(r.start + 1));
        let unknown_first = first.gaz
            & (cat::NAMES
                | cat::ORG_SUFFIX
                | cat::TITLE
                | cat::TEMPORAL
                | cat::FAMILY_FIRST
                | cat::TR_B << 2
                | cat::TR_B << 4
                | cat::TR_B << 6)
            == 0;
        let ending = |w: &str| {
            is_org_ending(w)
                || in_list(&lists().place_endings, w)
                || in_list(&lists().site_endings, w)
                || in_list(&lists().media_endings, w)
        };
        // "Fort Lee", "Port Ho": a word that opens a place's name is no given name.
        let place_opener = matches!(
            word(r.start),
            "Fort" | "Port" | "Mount" | "Lake" | "Cape" | "Point"
        );
        if family
            && !place_opener
            && title_case(first)
            && title_case(last)
            && unknown_first
            && last.gaz & cat::NAMES == 0
            && !ending(word(r.start))
            && !ending(word(r.start + 1))
        {
            people.push(seq_key(toks, r.clone()));
        }
    }
    retype_all(
        toks,
        spans,
        &people,
        |ty| matches!(ty, EntityType::Org | EntityType::Loc),
        EntityType::Per,
    );
}

/// True when the lists back type `ty` for the name at `r`: a listed place's first word for a
/// place, a given name or a title for a person, a listed organisation, a demonym.
fn backed(toks: &[TokInfo], r: &Range<usize>, ty: EntityType) -> bool {
    let first = toks.get(r.start).map_or(0, |t| t.gaz);
    match ty {
        EntityType::Loc => first & (cat::LOC_B | cat::COUNTRY | cat::CITY) != 0,
        EntityType::Per => first & (cat::FIRST_M | cat::FIRST_F | cat::TITLE) != 0,
        EntityType::Org => first & (cat::ORG_B | cat::MEDIA | cat::GOV) != 0,
        EntityType::Misc => first & cat::DEM_B != 0,
    }
}

/// True when the tokens from `end` to `next` join two names of a list: a comma, "and", "or",
/// or a comma and one of them.
fn joined(doc: &Doc<'_>, end: usize, next: usize) -> bool {
    let w = |i: usize| referents::word(doc, i);
    match next.checked_sub(end) {
        Some(1) => matches!(w(end), "," | "and" | "or"),
        Some(2) => w(end) == "," && matches!(w(end + 1), "and" | "or"),
        _ => false,
    }
}

/// Plural nouns that, before "like", "such as" or "including", type the names listed after
/// them: "bands like New Order, Interpol or Joy Division", "cities such as Leeds", "gods such
/// as Zeus, Hera and Poseidon".
const LIST_NOUNS: &[(&str, EntityType)] = &[
    ("actors", EntityType::Per),
    ("airlines", EntityType::Org),
    ("bands", EntityType::Org),
    ("banks", EntityType::Org),
    ("carriers", EntityType::Org),
    ("cities", EntityType::Loc),
    ("clubs", EntityType::Org),
    ("companies", EntityType::Org),
    ("countries", EntityType::Loc),
    ("firms", EntityType::Org),
    ("goddesses", EntityType::Per),
    ("gods", EntityType::Per),
    ("newspapers", EntityType::Org),
    ("players", EntityType::Per),
    ("retailers", EntityType::Org),
    ("singers", EntityType::Per),
    ("states", EntityType::Loc),
    ("teams", EntityType::Org),
    ("towns", EntityType::Loc),
    ("writers", EntityType::Per),
];

/// The names listed after a plural noun and "like", "such as" or "including" take the noun's
/// type ("bands like Interpol or Joy Division" are organisations), when the tagger gave them
/// a type of name that the lists do not back: a listed place stays a place, a name opening
/// with a given name stays a person.
pub(super) fn listed_after_plural(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let n = toks.len().min(doc.tokens.len());
    let mut k = 0;
    while k < spans.len() {
        let s = spans[k].0.start;
        // The cue right before the first name: "like", "such as", "including".
        let cue = if s >= 2 && matches!(word(s - 1), "like" | "including") {
            Some(s - 2)
        } else if s >= 3 && word(s - 1) == "as" && word(s - 2) == "such" {
            Some(s - 3)
        } else if s >= 3 && word(s - 1) == "as" && word(s - 3) == "such" {
            // "such bands as The Velvet Underground"
            Some(s - 2)
        } else {
            None
        };
        // "gods, such as Zeus": a comma may come between.
        let cue = cue.map(|i| if i > 0 && word(i) == "," { i - 1 } else { i });
        let Some(noun) = cue.filter(|&i| i < n && toks[i].flags & flag::LOWER != 0) else {
            k += 1;
            continue;
        };
        let Some(&(_, to)) = LIST_NOUNS.iter().find(|(w, _)| *w == word(noun)) else {
            k += 1;
            continue;
        };
        // The list: names joined by commas, closed by the name after "and" or "or" ("New
        // Order, Interpol or Joy Division"). A name after a comma belongs to it only when the
        // list goes on after it ("AT&T, Wachovia, Carnival Cruise Lines, and many more"): in
        // "cities such as Leeds, Okafor said, ..." the verb after "Okafor" ends the list.
        let mut last = k;
        while let (Some((r, _)), Some((next, _))) = (spans.get(last), spans.get(last + 1)) {
            if !joined(doc, r.end, next.start) {
                break;
            }
            let closed = matches!(word(next.start - 1), "and" | "or");
            let goes_on = matches!(word(next.end), "," | "and" | "or" | "." | ";" | ")" | "");
            if !closed && !goes_on {
                break;
            }
            last += 1;
            if closed {
                break;
            }
        }
        for span in spans.get_mut(k..=last).unwrap_or_default() {
            let (r, ty) = span.clone();
            if ty != to && !backed(toks, &r, ty) && !is_org_ending(word(r.end - 1)) {
                span.1 = to;
            }
        }
        k = last + 1;
    }
}

/// An untagged acronym right before an organisation's name in brackets ("the CBC (the
/// Brazilian Cycling Confederation)") is that organisation.
pub(super) fn acronym_before_brackets(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    if !doc.text.contains('(') {
        return;
    }
    let word = |i: usize| referents::word(doc, i);
    let mut k = 0;
    while k < spans.len() {
        let (r, ty) = spans[k].clone();
        k += 1;
        if ty != EntityType::Org || r.start < 2 {
            continue;
        }
        let open = if word(r.start - 1) == "(" {
            r.start - 1
        } else if r.start >= 3 && matches!(word(r.start - 1), "the" | "The") {
            r.start - 2
        } else {
            continue;
        };
        if word(open) != "(" || word(r.end) != ")" || open == 0 {
            continue;
        }
        let a = open - 1;
        let acronym = word(a);
        let untagged = !spans.iter().any(|(s, _)| s.contains(&a));
        if untagged
            && (2..=6).contains(&acronym.len())
            && acronym.bytes().all(|b| b.is_ascii_uppercase())
            && toks.get(a).is_some_and(|t| t.flags & flag::CAPS_LINE == 0)
        {
            let at = spans.partition_point(|(s, _)| s.start < a);
            spans.insert(at, (a..a + 1, EntityType::Org));
            k += 1;
        }
    }
}

/// A caption's label that the tagger took into the name before it ("Ahmed Mohamed Image:
/// Twitter") is no part of it.
pub(super) fn caption_labels(doc: &Doc<'_>, spans: &mut [(Range<usize>, EntityType)]) {
    for (r, _) in spans.iter_mut() {
        if r.len() >= 2
            && matches!(
                referents::word(doc, r.end - 1),
                "Image" | "Photo" | "Video" | "Audio"
            )
            && referents::word(doc, r.end) == ":"
        {
            r.end -= 1;
        }
    }
}

/// Political parties whose names are single words or acronyms that the tagger may take for a
/// person or a place: a leader's name before "government" is a person ("the Monti
/// government"), a party's is the party ("the Syriza government"). Sorted; consulted by the
/// rules only (not a model feature, so the committed weights stay reproducible).
const PARTIES: &[&str] = &[
    "AKP",
    "ANC",
    "AfD",
    "BJP",
    "CDU",
    "CHP",
    "CSU",
    "Chega",
    "Ciudadanos",
    "DAB",
    "DPP",
    "Ennahda",
    "FDP",
    "Fatah",
    "Fidesz",
    "Fretilin",
    "Golkar",
    "HDP",
    "Jobbik",
    "KMT",
    "Kadima",
    "Kuomintang",
    "Lega",
    "Likud",
    "MAS",
    "Meretz",
    "PASOK",
    "PSOE",
    "Pasok",
    "Podemos",
    "SNP",
    "SPD",
    "Shas",
    "Smer",
    "Syriza",
    "SYRIZA",
    "UKIP",
    "UMNO",
    "ZANU-PF",
    "Zanu-PF",
];

/// True when `w` is a listed party ([`PARTIES`]).
fn is_party(w: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v = PARTIES.to_vec();
            v.sort_unstable();
            v
        })
        .binary_search(&w)
        .is_ok()
}

/// A one-word name right after "the" and before "government", "administration" or "cabinet"
/// ("the Monti government", "the Obama administration") is the person who leads it, unless a
/// list or the training data know it as a place, an organisation or a demonym, or the article
/// names it elsewhere as an organisation and never as a person ("the Syriza government" after
/// "Syriza won the election"). A listed party is an organisation wherever it stands.
pub(super) fn leader_governments(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let frame = |r: &Range<usize>| {
        r.len() == 1
            && r.start > 0
            && matches!(word(r.start - 1), "the" | "The")
            && toks.get(r.end).is_some_and(|n| n.flags & flag::LOWER != 0)
            && matches!(word(r.end), "government" | "administration" | "cabinet")
    };
    if !spans
        .iter()
        .any(|(r, _)| frame(r) || r.len() == 1 && is_party(word(r.start)))
    {
        return;
    }
    // The types the article gives each one-word name outside the frame: bit 0 a person,
    // bit 1 an organisation (one pass over the names, so that a long article stays linear).
    let mut types: std::collections::HashMap<u64, u8> = std::collections::HashMap::new();
    for (r, ty) in spans.iter() {
        if r.len() != 1 || frame(r) {
            continue;
        }
        if let Some(t) = toks.get(r.start) {
            let bits = types.entry(t.lower).or_default();
            *bits |= match ty {
                EntityType::Per => 1,
                EntityType::Org => 2,
                _ => 0,
            };
        }
    }
    let elsewhere = |k: u64| types.get(&k).copied().unwrap_or(0);
    let mut retype: Vec<(usize, EntityType)> = Vec::new();
    for (k, (r, ty)) in spans.iter().enumerate() {
        if r.len() != 1 {
            continue;
        }
        let Some(t) = toks.get(r.start) else {
            continue;
        };
        if is_party(word(r.start)) {
            if *ty != EntityType::Org {
                retype.push((k, EntityType::Org));
            }
            continue;
        }
        if !frame(r) || t.flags & (flag::ALLCAPS | flag::CAPS_LINE) != 0 {
            continue;
        }
        let seen = elsewhere(t.lower);
        if seen == 2 {
            if *ty != EntityType::Org {
                retype.push((k, EntityType::Org));
            }
            continue;
        }
        let known = t.gaz
            & (cat::NAMES | cat::DEM_B | cat::TR_B << 2 | cat::TR_B << 4 | cat::TR_B << 6)
            != 0;
        if *ty != EntityType::Per && (!known || seen & 1 != 0) {
            retype.push((k, EntityType::Per));
        }
    }
    for (k, ty) in retype {
        if let Some(s) = spans.get_mut(k) {
            s.1 = ty;
        }
    }
}

/// True when token `i + 1` starts one byte after token `i` ends: one space between them
/// ("Airbus A380", "iTunes Music").
fn one_space_apart(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens
        .get(i)
        .zip(doc.tokens.get(i + 1))
        .is_some_and(|(a, b)| b.span.start == a.span.end + 1)
}

/// True for a model's code: letters and digits ("A380", "VC-10", "A380-800", "3GS") or a number
/// of three digits ("717", "737-800"), and no road number ("M3", "A1", "M25", "I-95": one
/// letter and at most two digits, or "I-").
fn model_code(w: &str) -> bool {
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return false;
    }
    let head = w.split('-').next().unwrap_or(w);
    let digits = head.bytes().filter(u8::is_ascii_digit).count();
    let letters = head.bytes().filter(u8::is_ascii_alphabetic).count();
    if letters == 0 {
        return digits == 3;
    }
    let road = (letters == 1 && digits <= 2 && !w.contains('-')) || w.starts_with("I-");
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|o| head.ends_with(o))
        && head.bytes().next().is_some_and(|b| b.is_ascii_digit());
    model_number(w) && !road && !ordinal && !w.ends_with('-')
}

/// A model's code is no place or person (CoNLL types products MISC): "A380", "717" or "VC-10"
/// tagged alone as one is MISC (an organisation's code name stays: "MTV2", "6PR"), and the
/// maker's name right before a code with letters joins it ("Airbus" + "A380": one MISC name;
/// not a score, "Kent 108-3").
pub(super) fn model_codes(doc: &Doc<'_>, spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    // Lowercase words the tagger ran on with ("A350 jets") are no part of the name.
    let lower = |i: usize| word(i).chars().next().is_some_and(char::is_lowercase);
    for (r, ty) in spans.iter_mut() {
        if matches!(*ty, EntityType::Per | EntityType::Loc)
            && model_code(word(r.start))
            && (r.start + 1..r.end).all(lower)
        {
            *r = r.start..r.start + 1;
            *ty = EntityType::Misc;
        }
    }
    let mut k = 0;
    while k < spans.len() {
        let r = spans[k].0.clone();
        // The maker: an organisation's name right before the code.
        let code = r.end;
        let tagged_code = spans
            .get(k + 1)
            .is_some_and(|(n, _)| n.start == code && n.len() == 1);
        let free = tagged_code || spans.get(k + 1).is_none_or(|(n, _)| n.start > code);
        let joined = one_space_apart(doc, r.end - 1);
        // A number alone after a name is more often a score ("Kent 108-3", "Melrose 107").
        let lettered = word(code).bytes().any(|b| b.is_ascii_alphabetic());
        // The maker is one word: "the Air France A330" is the airline's plane.
        if spans[k].1 == EntityType::Org
            && r.len() == 1
            && free
            && joined
            && lettered
            && model_code(word(code))
        {
            spans[k] = (r.start..code + 1, EntityType::Misc);
            if tagged_code {
                spans.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// True for a brand written with a lower-case first letter before a capital ("iTunes",
/// "iPhone", "eBay"): the tagger reads its first letter as a common word's.
fn camel_brand(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.len() >= 3
        && w.chars().all(|c| c.is_ascii_alphanumeric())
        && w.chars().skip(2).any(|c| c.is_ascii_lowercase())
}

/// A brand with a lower-case first letter opens the name right after it ("iTunes" + "Music
/// Store", "iPhone" + "3GS"; a person's name so opened is a product, a place's a business),
/// and before a company's legal form it is the company ("eBay Inc."; the tagger had "Inc."
/// alone).
pub(super) fn lower_case_brands(doc: &Doc<'_>, spans: &mut Vec<(Range<usize>, EntityType)>) {
    let word = |i: usize| referents::word(doc, i);
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    // A glance at the first two bytes of each token spares nearly every word the full test.
    let may_be_brand = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            bytes.get(t.span.start).is_some_and(u8::is_ascii_lowercase)
                && bytes
                    .get(t.span.start + 1)
                    .is_some_and(u8::is_ascii_uppercase)
        })
    };
    let mut i = 0;
    while i + 1 < n {
        if !may_be_brand(i) || !camel_brand(word(i)) {
            i += 1;
            continue;
        }
        let k = spans.partition_point(|(r, _)| r.start <= i);
        if k > 0 && spans[k - 1].0.end > i {
            i += 1;
            continue;
        }
        let joined = one_space_apart(doc, i);
        if joined && spans.get(k).is_some_and(|(r, _)| r.start == i + 1) {
            // A brand's name is no person's or place's: "iPod Nano" is a product, "iTunes
            // Music Store" a business.
            spans[k].0.start = i;
            spans[k].1 = match spans[k].1 {
                EntityType::Per => EntityType::Misc,
                EntityType::Loc => EntityType::Org,
                t => t,
            };
        } else if joined && is_legal_form(word(i + 1)) {
            let end = i + 2;
            let at_next = spans
                .get(k)
                .is_some_and(|(r, _)| r.start == i + 1 && r.end == end);
            if at_next {
                spans[k] = (i..end, EntityType::Org);
            } else if spans.get(k).is_none_or(|(r, _)| r.start >= end) {
                spans.insert(k, (i..end, EntityType::Org));
            }
        }
        i += 1;
    }
}

/// True for a model number: letters and digits in one word ("A330", "VC-10", "F-35"); a year
/// or a range of years ("1955-2011") is none.
fn model_number(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().any(|b| b.is_ascii_alphabetic())
}

/// True for a roman numeral of a regnal name or a sequel ("II", "XVI", "X").
fn roman_numeral(w: &str) -> bool {
    !w.is_empty()
        && w.bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// People's names hold no acronyms or model numbers: a name the tagger took for a person's
/// that has a model number ("A330", "Airbus A330") or an all-capital word of two letters or
/// more between its first and last words ("Mac OS X", "Windows XP Professional") is a product
/// or work (MISC). Roman numerals ("Pope Benedict XVI"), names all in capitals ("DJ KALED"),
/// capitalised lines (headlines) and capitals at a name's end ("Emmanuel MACRON", "John Smith
/// QC") keep their type; initials have dots ("J.R."). The rest of the article follows: a
/// person's name made only of such a product's words ("Mac", "Lion", "X") is the product's
/// too.
pub(super) fn acronyms_in_person_names(
    doc: &Doc<'_>,
    toks: &[TokInfo],
    spans: &mut [(Range<usize>, EntityType)],
) {
    let word = |i: usize| referents::word(doc, i);
    let mut words: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (r, ty) in spans.iter_mut() {
        if *ty != EntityType::Per {
            continue;
        }
        // "A330", "Airbus A330": a model number is no part of a person's name.
        if r.clone().any(|i| model_number(word(i))) {
            *ty = EntityType::Misc;
            continue;
        }
        if r.len() < 3 {
            continue;
        }
        let caps_line = toks
            .get(r.start)
            .is_some_and(|t| t.flags & flag::CAPS_LINE != 0);
        // "DJ KALED": a name written all in capitals is a stage name, not an acronym.
        let mixed = r
            .clone()
            .any(|i| word(i).bytes().any(|b| b.is_ascii_lowercase()));
        if caps_line || !mixed {
            continue;
        }
        // Inside the name only: a surname in capitals ("Emmanuel MACRON") or a title after
        // the name ("John Smith QC") ends it.
        let acronym = (r.start + 1..r.end - 1).any(|i| {
            let w = word(i);
            w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) && !roman_numeral(w)
        });
        if acronym {
            *ty = EntityType::Misc;
            words.extend(r.clone().map(word));
        }
    }
    if words.is_empty() {
        return;
    }
    for (r, ty) in spans.iter_mut() {
        if *ty == EntityType::Per && r.clone().all(|i| words.contains(word(i))) {
            *ty = EntityType::Misc;
        }
    }
}

/// Beauty pageant titles ("Miss Universe", "Mr. World") are titles, not part of the holder's
/// name: the word after "Miss" or "Mr." leaves a person's name ("Universe Alicia Machado" is
/// Alicia Machado) and is no person on its own.
pub(super) fn pageant_titles(doc: &Doc<'_>, spans: &mut Vec<(Range<usize>, EntityType)>) {
    const PAGEANTS: &[&str] = &[
        "Universe",
        "World",
        "America",
        "USA",
        "International",
        "Earth",
    ];
    let word = |i: usize| referents::word(doc, i);
    spans.retain_mut(|(r, ty)| {
        let titled = r.start > 0 && matches!(word(r.start - 1), "Miss" | "Mr." | "Mr" | "Mister");
        if *ty != EntityType::Per || !titled || !PAGEANTS.contains(&word(r.start)) {
            return true;
        }
        r.start += 1;
        r.start < r.end
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use claimsheet_ingest::{Article, Origin};

    /// Runs `rule` over `text` with the given names (each by its words and type) and returns
    /// the names after it, as text and type.
    fn after(
        text: &str,
        names: &[(&str, EntityType)],
        rule: impl Fn(&Doc<'_>, &mut Vec<(Range<usize>, EntityType)>),
    ) -> Vec<(String, EntityType)> {
        let article = Article::new("t", Origin::file("t"), text.to_string(), None, None);
        let seg = segment(&article);
        let doc = Doc::new(&article, &seg);
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.slice(text)).collect();
        let mut spans: Vec<(Range<usize>, EntityType)> = names
            .iter()
            .map(|(name, ty)| {
                let n = name.split(' ').count();
                let start = (0..words.len())
                    .find(|&i| words.get(i..i + n).is_some_and(|w| w.join(" ") == *name))
                    .expect("name in text");
                (start..start + n, *ty)
            })
            .collect();
        spans.sort_by_key(|(r, _)| r.start);
        rule(&doc, &mut spans);
        spans
            .into_iter()
            .map(|(r, ty)| (words[r].join(" "), ty))
            .collect()
    }

    #[test]
    fn model_codes_are_products_and_take_their_maker() {
        use EntityType::*;
        let got = after(
            "Airbus sold the A380 and the last 717 jets, and the M25 was closed.",
            &[
                ("Airbus", Org),
                ("A380", Loc),
                ("717 jets", Per),
                ("M25", Loc),
            ],
            model_codes,
        );
        assert_eq!(
            got,
            [
                ("Airbus".to_string(), Org),
                ("A380".to_string(), Misc),
                ("717".to_string(), Misc),
                ("M25".to_string(), Loc),
            ]
        );
        let got = after(
            "They ordered Airbus A350 jets, and Kent 108 beat Surrey.",
            &[
                ("Airbus", Org),
                ("A350", Loc),
                ("Kent", Org),
                ("Surrey", Org),
            ],
            model_codes,
        );
        assert_eq!(
            got,
            [
                ("Airbus A350".to_string(), Misc),
                ("Kent".to_string(), Org),
                ("Surrey".to_string(), Org),
            ]
        );
    }

    #[test]
    fn model_codes_are_told_from_roads_ordinals_and_numbers() {
        for w in ["A380", "A380-800", "VC-10", "717", "737-800", "3GS", "A3XX"] {
            assert!(model_code(w), "{w}");
        }
        for w in ["M25", "A1", "I-95", "65th", "2011", "12", "Boeing", "F-"] {
            assert!(!model_code(w), "{w}");
        }
    }
}
