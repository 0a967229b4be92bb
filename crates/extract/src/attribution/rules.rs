//! The attribution pipeline: learned cue and role tagging, then quote, speaker, anonymity, kind
//! and chain rules.

use claimsheet_ingest::Span;
use std::ops::Range;

use super::model::{
    self, argmax, predicates, CueCtx, QuoteMark, TokView, CUE_TAGS, ROLE_TAGS, R_CB, R_CI, R_O,
    R_SB, R_SI,
};
use super::{AnonymousClass, Attribution, AttributionTagger, QuoteKind, SpeakerType};
use crate::entities::{Entities, EntityType, Subtype};
use crate::Doc;

/// Cue token runs `[start, end)` found by the cue tagger, with their sentence index.
pub(super) fn find_cues(
    tagger: &AttributionTagger,
    doc: &Doc<'_>,
    v: &[TokView],
    out: &mut Vec<(usize, usize, usize)>,
) {
    let mut feats = Vec::with_capacity(32);
    let mut scores = [0f32; CUE_TAGS];
    for (si, s) in doc.sentences.iter().enumerate() {
        let mut prev = 0usize;
        let mut open: Option<usize> = None;
        for i in s.tokens.clone() {
            let Some(t) = v.get(i) else { break };
            if !model::cue_candidate(v, i, s.tokens.end, prev, model::TAG_REACH) {
                if let Some(a) = open.take() {
                    out.push((a, i, si));
                }
                prev = 0;
                continue;
            }
            model::cue_features(v, i, s.tokens.clone(), &mut feats);
            model::prev_features(prev, t, u64::from(t.lemma), &mut feats);
            tagger.cue_model.score(&feats, &mut scores);
            scores[0] += tagger.cue_bias;
            let mut tag = argmax(&scores);
            if tag == 2 && prev == 0 {
                tag = 1;
            }
            if tag != 2 {
                if let Some(a) = open.take() {
                    out.push((a, i, si));
                }
            }
            if tag == 1 {
                open = Some(i);
            }
            prev = tag;
        }
        if let Some(a) = open.take() {
            out.push((a, s.tokens.end, si));
        }
    }
}

/// Indefinite pronouns for people: a speaker, though no name ("Everyone told us").
const INDEFINITE_PEOPLE: &[&str] = &[
    "anybody",
    "anyone",
    "everybody",
    "everyone",
    "no one",
    "nobody",
    "one",
    "somebody",
    "someone",
];

/// True for an outlet named by its web address ("GovExec.com", "CBC.ca": the entity layer's
/// [`crate::entities::web_address`]) or as the online edition of a paper ("Times Online").
fn web_outlet(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    crate::entities::web_address(last) || (last == "Online" && name.contains(' '))
}

/// Places whose name stands for a trade, not a government: "Wall Street expected 77 cents"
/// speaks for the financial markets, "Fleet Street" for the British press.
const INDUSTRY_PLACES: &[(&str, SpeakerType)] = &[
    ("Bollywood", SpeakerType::Organisation),
    ("Fleet Street", SpeakerType::Media),
    ("Hollywood", SpeakerType::Organisation),
    ("Madison Avenue", SpeakerType::Organisation),
    ("Silicon Valley", SpeakerType::Organisation),
    ("Wall Street", SpeakerType::Organisation),
];

/// The speaker type of a place that stands for a trade ([`INDUSTRY_PLACES`]), whatever type the
/// entity layer gave the name; `None` for other names (a place speaks for its government:
/// "Beijing said").
fn industry_place(name: &str) -> Option<SpeakerType> {
    INDUSTRY_PLACES
        .iter()
        .find(|(p, _)| *p == name)
        .map(|&(_, t)| t)
}

/// Speech verbs that are cues nearly always (over 80 % of their uses in the training data).
const CORE_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "noted",
    "wrote",
    "argued",
    "warned",
    "insisted",
    "tweeted",
    "stated",
    "acknowledged",
    "claimed",
    "added",
    "reported",
    "announced",
];

/// Adds the core speech verbs ("said", "told", "according to", ...) the tagger missed, inside
/// quotations (attributions nested in a quote) or right after a name or pronoun, and layout
/// cues, as single-token cues, keeping the runs in text order.
fn add_core_cues(doc: &Doc<'_>, v: &[TokView], runs: &mut Vec<(usize, usize, usize)>) {
    let mut covered = vec![false; doc.tokens.len()];
    for &(a, b, _) in runs.iter() {
        for c in covered.get_mut(a..b).into_iter().flatten() {
            *c = true;
        }
    }
    let before = runs.len();
    for (si, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            if covered.get(i).copied().unwrap_or(true) {
                continue;
            }
            let Some(t) = doc.tokens.get(i) else { break };
            let w = t.span.slice(doc.text);
            if layout_cue(doc, v, i).is_some() {
                runs.push((i, i + 1, si));
                continue;
            }
            // "..., a new study suggests.", "the report found": a verb of finding right after
            // a document noun. A preposition, article or conjunction after it (one of
            // DANGLING, FRAME_PREPOSITIONS, OTHER_PREPOSITIONS) leaves it out: a participle or
            // an idiom ("a report found in the archives", "the ruling found in his favour"),
            // and, to stay safe, "found the ...".
            let next = || word_at(doc, i + 1);
            if maybe_finding_verb(w)
                && i > s.tokens.start
                && is_in(FINDING_VERBS, w)
                && is_in(DOCUMENTS, word_at(doc, i - 1))
                && !is_in(DANGLING, next())
                && !is_in(FRAME_PREPOSITIONS, next())
                && !is_in(OTHER_PREPOSITIONS, next())
            {
                runs.push((i, i + 1, si));
                continue;
            }
            // "According to Yonhap, quoting KCNA, ...": a chain after an opening "according
            // to" and its source (one comma before the participle, none other).
            if (w.eq_ignore_ascii_case("quoting") || w.eq_ignore_ascii_case("citing"))
                && i >= s.tokens.start + 4
                && word_at(doc, i - 1) == ","
                && word_at(doc, s.tokens.start).eq_ignore_ascii_case("according")
                && word_at(doc, s.tokens.start + 1).eq_ignore_ascii_case("to")
                && (s.tokens.start + 2..i - 1).all(|k| word_at(doc, k) != ",")
            {
                runs.push((i, i + 1, si));
                continue;
            }
            if quote_frame_verb(doc, v, s.tokens.clone(), i) {
                runs.push((i, i + 1, si));
                continue;
            }
            // Only a core speech verb or "according" can be added below: most words go at a
            // glance (their length or first letter).
            if !maybe_core_cue(w) {
                continue;
            }
            // Outside quotations, only after a name or a pronoun ("the Ledger reported").
            let subject_before = i > s.tokens.start
                && doc.tokens.get(i - 1).is_some_and(|p| {
                    let w = p.span.slice(doc.text);
                    w.chars().next().is_some_and(char::is_uppercase)
                        && p.kind == crate::segment::TokenKind::Word
                        || matches!(w, "he" | "she" | "they" | "it")
                });
            // "The chief financial officer said": also after a role noun.
            let role_before = i > s.tokens.start && {
                let pw = word_at(doc, i - 1);
                is_in(PERSON_ROLES, pw) || is_in(ROLE_NOUNS, pw) || is_in(ANON_HEADS, pw)
            };
            if !v.get(i).is_some_and(|t| t.in_quote) && !subject_before && !role_before {
                continue;
            }
            if CORE_CUES.iter().any(|c| c.eq_ignore_ascii_case(w)) {
                runs.push((i, i + 1, si));
            } else if w.eq_ignore_ascii_case("according")
                && doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.slice(doc.text).eq_ignore_ascii_case("to"))
                && i + 2 <= s.tokens.end
            {
                runs.push((i, i + 2, si));
            }
        }
    }
    if runs.len() > before {
        runs.sort_unstable();
        join_colons(doc, runs);
    }
}

/// `"We are rolling out the first plane," enthused the project manager` and `the chairman
/// commented "This is a win for everyone."`: a verb of saying or of a manner of speaking
/// ([`predicates`]) stands right after a quotation that closes on a comma, question or
/// exclamation mark, before its speaker (a name, a pronoun, a determiner or a role); or right
/// before a quotation (after a comma, a colon or nothing) that opens with a capital and holds
/// at least four words. Outside quotation marks only.
fn quote_frame_verb(doc: &Doc<'_>, v: &[TokView], sent: Range<usize>, i: usize) -> bool {
    // It runs on every token: a lower-case word next to a mark, or out at once.
    let quote_at = |k: usize| v.get(k).is_some_and(|t| t.quote != QuoteMark::None);
    let near = i > 0 && quote_at(i - 1) || quote_at(i + 1) || quote_at(i + 2);
    if !near || v.get(i).is_none_or(|t| t.shape != 0) {
        return false;
    }
    let mark = |k: usize, open: bool| {
        sent.contains(&k)
            && v.get(k).is_some_and(|t| match t.quote {
                QuoteMark::Open => open,
                QuoteMark::Close => !open,
                QuoteMark::Either => true,
                QuoteMark::None => false,
            })
    };
    // An inflected verb: a base form may be a noun ("said in an interview \"..."). A plural
    // noun in -s ("his comments: \"...") goes later, with every cue (`plural_noun`).
    let speech_verb = || {
        let w = word_at(doc, i);
        let inflected = w.ends_with("ed")
            || w.ends_with("ing")
            || w.ends_with('s')
            || matches!(w, "said" | "told" | "wrote" | "spoke" | "sang" | "swore");
        let class = predicates::class_of(w);
        inflected
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && v.get(i).is_some_and(|t| !t.in_quote)
            && (class == predicates::SAY || class == predicates::MANNER)
    };
    if i >= sent.start + 2 && mark(i - 1, false) && matches!(word_at(doc, i - 2), "," | "?" | "!") {
        let next = word_at(doc, i + 1);
        return sent.contains(&(i + 1))
            && (next.starts_with(char::is_uppercase)
                || is_in(DETERMINERS, next)
                || matches!(next, "he" | "she" | "they" | "it")
                || is_in(PERSON_ROLES, next)
                || is_in(ROLE_NOUNS, next))
            && speech_verb();
    }
    // The marks first: most tokens stand next to none.
    let open = if mark(i + 1, true) {
        i + 1
    } else if mark(i + 2, true) && matches!(word_at(doc, i + 1), "," | ":") {
        i + 2
    } else {
        return false;
    };
    if !word_at(doc, open + 1).starts_with(char::is_uppercase) {
        return false;
    }
    let words = (open + 1..sent.end)
        .take_while(|&k| !mark(k, false))
        .filter(|&k| v.get(k).is_some_and(|t| t.shape < 4))
        .count();
    words >= 4 && speech_verb()
}

/// Verbs by which a study, report or poll states its findings ("the study suggests").
const FINDING_VERBS: &[&str] = &[
    "suggests",
    "suggested",
    "shows",
    "showed",
    "found",
    "finds",
    "concluded",
    "concludes",
    "indicates",
    "indicated",
    "estimates",
    "estimated",
    "says",
    "said",
];

/// A cheap test that `w` may be one of [`FINDING_VERBS`] (by its length, first and last
/// letters), run before the list is searched for every token.
fn maybe_finding_verb(w: &str) -> bool {
    let b = w.as_bytes();
    (4..=10).contains(&b.len())
        && matches!(
            b.first().map(u8::to_ascii_lowercase),
            Some(b's' | b'f' | b'c' | b'i' | b'e')
        )
        && matches!(b.last().map(u8::to_ascii_lowercase), Some(b's' | b'd'))
}

/// A colon cue right after another cue of its sentence belongs to it: in `Jane Smith said:
/// "..."` the cue is "said:", one attribution, even when the tagger found only the colon and
/// the speech verb was added after it.
fn join_colons(doc: &Doc<'_>, runs: &mut Vec<(usize, usize, usize)>) {
    let mut k = 1;
    while k < runs.len() {
        let (a, b, si) = runs[k - 1];
        let (c, d, sj) = runs[k];
        if si == sj && b == c && d == c + 1 && word_at(doc, c) == ":" {
            if copula_adjective(doc, (a, b)) {
                // "The coach was blunt: “...”": a copula and an adjective describe the speaker;
                // the colon alone introduces the quote.
                runs.remove(k - 1);
                continue;
            }
            runs[k - 1] = (a, d, si);
            runs.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "The coach was blunt: “...”": a cue of a copula, an adjective and a colon is the colon
/// alone (once the roles are tagged: the copula's subject is the source).
fn split_copula_colon(doc: &Doc<'_>, d: &mut Draft) {
    let (a, b) = d.cue;
    if b > a + 1 && word_at(doc, b - 1) == ":" && copula_adjective(doc, (a, b - 1)) {
        d.cue = (b - 1, b);
    }
}

/// True when the cue `(a, b)` is a form of "be" and one adjective ("was blunt", "is adamant"),
/// no participle.
fn copula_adjective(doc: &Doc<'_>, (a, b): (usize, usize)) -> bool {
    let head = lower(word_at(doc, b.saturating_sub(1)));
    b == a + 2
        && is_in(BE_FORMS, word_at(doc, a))
        && head.bytes().all(|c| c.is_ascii_lowercase())
        && !(head.ends_with("ed")
            || head.ends_with("en")
            || head.ends_with("ing")
            || is_in(IRREGULAR_PARTICIPLES, &head))
}

/// False when `w` is certainly neither one of [`CORE_CUES`] nor "according" (in any case):
/// those are 4 to 12 letters long and start with one of a few letters.
fn maybe_core_cue(w: &str) -> bool {
    (4..=12).contains(&w.len())
        && matches!(
            w.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'a' | b'c' | b'i' | b'n' | b'r' | b's' | b't' | b'w')
        )
}

const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "did", "does", "do", "will",
    "would", "could", "also",
];
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "earlier", "later"];

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// True for a weekday name in any case ("Friday").
fn is_weekday(w: &str) -> bool {
    is_in(&crate::time::lexicon::WEEKDAYS, w)
}

/// Whether token `i` is an auxiliary written with a capital inside a name, as in "Theresa May
/// said" (the cue is "said", not "May said"): a capitalised word before it (never before the
/// sentence's first token `first`) and a lowercase word after it that is no negation. A
/// title-case headline ("Trump May Not Have Suggested") has a capital after it.
fn auxiliary_in_name(doc: &Doc<'_>, i: usize, first: usize) -> bool {
    let word = |j: usize| word_at(doc, j);
    let is_word = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
    };
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let next = word(i + 1);
    i > first
        && is_word(i)
        && upper(word(i))
        && is_word(i - 1)
        && upper(word(i - 1))
        && is_in(CUE_AUXILIARIES, word(i))
        && is_word(i + 1)
        && next.chars().next().is_some_and(char::is_lowercase)
        && !is_in(&["not", "n't", "n\u{2019}t"], next)
}

/// Verbs of refusal ("declined to comment").
const REFUSALS: &[&str] = &[
    "declined",
    "declines",
    "declining",
    "decline",
    "refused",
    "refuses",
    "refusing",
    "refuse",
];

/// Cue boundary repairs: an auxiliary written with a capital inside a name leaves the start of
/// the cue ("Theresa May said" -> "said"); a weekday or time word at the end of a cue goes
/// ("said Friday" -> "said"); a cue that is only an auxiliary reaches on to the next lexicon
/// word within three tokens ("is" + "drawing criticism"), or is dropped.
fn tidy_cues(doc: &Doc<'_>, v: &[TokView], runs: &mut Vec<(usize, usize, usize)>) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    // "declined | to comment on": the tagger's second cue is the refusal's own infinitive; one
    // cue (a refusal to comment states nothing, see `refusal_to_comment`). One pass.
    let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(runs.len());
    for &q in runs.iter() {
        if let Some(p) = merged.last_mut() {
            let refusal = is_in(REFUSALS, word(p.1.saturating_sub(1)));
            let to_between = p.1 == q.0 && word(q.0).eq_ignore_ascii_case("to")
                || p.1 + 1 == q.0 && word(p.1).eq_ignore_ascii_case("to");
            if p.2 == q.2 && refusal && to_between {
                p.1 = q.1;
                continue;
            }
        }
        merged.push(q);
    }
    *runs = merged;
    let mut covered_next = usize::MAX;
    let in_name = |i: usize, si: usize| {
        let first = doc.sentences.get(si).map_or(i, |s| s.tokens.start);
        auxiliary_in_name(doc, i, first)
    };
    for k in (0..runs.len()).rev() {
        let (mut a, mut b, si) = runs[k];
        let sent = doc.sentences.get(si).map(|s| s.tokens.clone());
        while b > a + 1 && in_name(a, si) {
            a += 1;
        }
        while b > a + 1 && (is_in(TIME_WORDS, word(b - 1)) || is_weekday(word(b - 1))) {
            b -= 1;
        }
        // "said in a statement on | Sunday": the time phrase's preposition goes with it.
        let time_next = |i: usize| {
            is_weekday(word(i))
                || crate::time::lexicon::is_calendar_word(word(i))
                || is_in(TIME_WORDS, word(i))
        };
        while b > a + 1
            && is_in(&["on", "in", "at", "last", "this", "next"], word(b - 1))
            && time_next(b)
        {
            b -= 1;
        }
        // A cue that ends with a preposition and a determiner: "said in a | statement" takes
        // the statement noun; otherwise the determiner goes ("issued a statement regarding |
        // the rejection"), and a preposition of circumstance with it ("said on the | record").
        // After a verb ("made a | third attempt"), the noun phrase is often the cue's own.
        if b > a + 2
            && is_in(DETERMINERS_BEFORE, word(b - 1))
            && (is_in(FRAME_PREPOSITIONS, word(b - 2)) || is_in(TOPIC_PREPOSITIONS, word(b - 2)))
        {
            let end = sent.as_ref().map_or(b, |s| s.end);
            if b < end && is_in(MEDIUM_NOUNS, word(b)) {
                b += 1;
            } else {
                b -= 1;
                if is_in(FRAME_PREPOSITIONS, word(b - 1)) {
                    b -= 1;
                }
            }
        }
        // A cue of auxiliaries and adverbs only ("is", "was first") reaches on to the next
        // lexicon word within three tokens, or goes.
        let function_word = |w: &str| {
            is_in(AUXILIARIES, w)
                || is_in(CUE_AUXILIARIES, w)
                || is_in(&["first", "last", "never", "just"], w)
                || w.len() > 4 && w.ends_with("ly") && w.bytes().all(|c| c.is_ascii_lowercase())
        };
        if (a..b).all(|i| function_word(word(i))) {
            let end = sent.as_ref().map_or(b, |s| s.end);
            let limit = (b + 3).min(end).min(covered_next);
            match (b..limit)
                .find(|&j| v.get(j).is_some_and(|t| t.lemma != 0) && !function_word(word(j)))
            {
                Some(j) => b = j + 1,
                None => {
                    runs.remove(k);
                    covered_next = usize::MAX;
                    continue;
                }
            }
        }
        // "complained | about", "accused her | of": a cue that is not a plain speech verb
        // holds the preposition that introduces its content.
        let end = sent.as_ref().map_or(b, |s| s.end);
        if b + 1 < end && b < covered_next && takes_preposition(word(b - 1), word(b)) {
            let next = word(b + 1);
            let opens_phrase = next.chars().next().is_some_and(char::is_alphanumeric)
                || is_quote(next)
                || matches!(next, "\u{201C}" | "\u{2018}");
            if opens_phrase
                && !is_weekday(next)
                && !crate::time::lexicon::is_calendar_word(next)
                && !next.bytes().all(|c| c.is_ascii_digit())
            {
                b += 1;
            }
        }
        // PolNeAR cues hold their auxiliaries and sentence adverbs ("has also said", "did not
        // deny"): the cue reaches back over up to three of them.
        let start = sent.as_ref().map_or(a, |s| s.start);
        let floor = k
            .checked_sub(1)
            .and_then(|p| runs.get(p))
            .map_or(start, |p| p.1.max(start));
        // An infinitive cue holds its "to" too ("to discuss"): 193 to 56 in polnear-train.
        let adverb = |w: &str| {
            is_in(CUE_AUXILIARIES, w)
                || w.eq_ignore_ascii_case("to")
                || w.len() > 4 && w.ends_with("ly") && w.bytes().all(|c| c.is_ascii_lowercase())
        };
        while a > floor && a + 3 > runs[k].0 && adverb(word(a - 1)) && !in_name(a - 1, si) {
            a -= 1;
        }
        // "He’s predicting", "they’re not saying": a contracted auxiliary after a pronoun
        // is the cue's auxiliary too (after a name, "’s" is mostly a possessive).
        if a > floor + 1 && a + 4 > runs[k].0 && contracted_auxiliary(doc, a - 1) {
            a -= 1;
        }
        // "released a joint statement saying": a cue the tagger opened at a statement noun
        // holds the verb that issued it, so that the verb's subject is its source.
        if (a..b).any(|i| is_in(ISSUED_NOUNS, word(i)))
            && a >= floor + 2
            && is_in(&["a", "an", "the"], word(a - 1))
            && is_in(ISSUING_VERBS, word(a - 2))
        {
            a -= 2;
        }
        runs[k] = (a, b, si);
        covered_next = a;
    }
}

/// Nouns of a written or spoken statement that a verb of [`ISSUING_VERBS`] puts out.
const ISSUED_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "memo",
    "message",
    "note",
    "release",
    "report",
    "tweet",
    "video",
    "post",
];

/// Prepositions that introduce what a cue is about ("a statement regarding | the plan").
const TOPIC_PREPOSITIONS: &[&str] = &["regarding", "about", "concerning", "over", "of"];

/// Occasions of speaking that a cue can end with ("said in an interview").
const MEDIUM_NOUNS: &[&str] = &[
    "interview",
    "speech",
    "statement",
    "email",
    "op-ed",
    "briefing",
    "letter",
    "memo",
];

/// Verbs that put out a statement ("released a statement saying").
const ISSUING_VERBS: &[&str] = &[
    "issued",
    "released",
    "sent",
    "published",
    "posted",
    "circulated",
    "distributed",
    "signed",
    "issues",
    "releases",
];

/// Whether token `i` is a contracted auxiliary ("’s", "'re", "’ve", "'ll", "’d") after a
/// personal, demonstrative or relative pronoun ("he’s", "that's", "who’d"), where it stands for
/// "is", "has", "are", "will" or "would" and not for a possessive.
fn contracted_auxiliary(doc: &Doc<'_>, i: usize) -> bool {
    let w = word_at(doc, i);
    let mut chars = w.chars();
    let apostrophe = matches!(chars.next(), Some('\'' | '\u{2019}'));
    apostrophe
        && matches!(chars.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m")
        && i > 0
        && is_in(
            &[
                "he", "she", "it", "that", "there", "who", "what", "they", "we", "you", "i",
            ],
            word_at(doc, i - 1),
        )
}

/// Plain speech verbs: the preposition after them opens a circumstance ("said on Monday",
/// "wrote for the paper"), not the content.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "stated",
    "states",
    "wrote",
    "writes",
    "reported",
    "reports",
    "announced",
    "announces",
    "tweeted",
    "tweets",
    "warned",
    "declared",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "commented",
    "remarked",
    "concluded",
    "concludes",
    "quotes",
    "quoted",
    "spoke",
    "speaking",
    "criticized",
    "news",
];

/// The prepositions a cue may hold after its verb ([`takes_preposition`]).
const CUE_PREPOSITIONS: &[&str] = &["about", "against", "of", "for", "on", "over"];

/// Whether a cue ending in `head` takes the preposition `prep` after it into the cue
/// ("complained about", "accused of", "called on", "argued against"); in the PolNeAR training
/// data these prepositions belong to the cue in 75 % to 98 % of their uses after a cue, while
/// after a plain speech verb they open a circumstance.
fn takes_preposition(head: &str, prep: &str) -> bool {
    let head_lower = head.to_ascii_lowercase();
    match prep.to_ascii_lowercase().as_str() {
        "against" => true,
        "about" => !matches!(head_lower.as_str(), "said" | "says" | "quotes"),
        "of" | "for" | "on" | "over" => !is_in(SPEECH_VERBS, &head_lower) && head_lower != "asked",
        _ => false,
    }
}

/// Words a cue reaches back over: auxiliaries, negation and sentence adverbs.
const CUE_AUXILIARIES: &[&str] = &[
    "is", "am", "was", "are", "were", "be", "been", "has", "have", "had", "did", "does", "do",
    "will", "would", "could", "can", "may", "might", "should", "must", "also", "not", "n't",
    "never", "even", "still", "already", "further", "often", "always", "then", "again", "later",
    "once", "ca", "wo",
];

/// `CONTENT, said X` where the tagger took the source from inside the content and the speaker
/// after the verb as content: the fragment right after the cue becomes the source (with the
/// name that runs on after it, when the source overlapped it from there).
fn fix_swapped(d: &mut Draft) {
    let overlaps = d
        .source
        .iter()
        .any(|s| d.content.iter().any(|c| s.0 < c.1 && c.0 < s.1));
    if !overlaps {
        return;
    }
    if let Some(k) = d.content.iter().position(|c| c.0 == d.cue.1) {
        let after = d.content.remove(k);
        // "said lead author | Dr. Hannah Cole": the source, reaching back over a title,
        // overlaps the words after the cue; together they are the speaker.
        let name = d
            .source
            .iter()
            .find(|s| s.0 > after.0 && s.0 < after.1 && s.1 > after.1)
            .copied();
        d.source = vec![name.map_or(after, |s| (after.0, s.1))];
    }
}

/// `NAME, APPOSITION, added, "QUOTE"`: with no source found, a content fragment that opens
/// the sentence and ends at the comma before a speech verb ([`INVERTING_CUES`]) that
/// introduces a quotation is the verb's subject when it reads as a noun phrase: it opens with
/// a capitalised word or a determiner and holds no quotation mark, no finite verb and no
/// clause word ("Art Levinson, chairman of the board, added, ..." had the speaker's name as
/// content and no source).
fn subject_taken_for_content(doc: &Doc<'_>, v: &[TokView], sent: Range<usize>, d: &mut Draft) {
    if !d.source.is_empty() || d.content.len() < 2 {
        return;
    }
    let (a, b) = d.cue;
    let Some(k) = d.content.iter().position(|c| c.0 == sent.start) else {
        return;
    };
    let (s, e) = d.content[k];
    let comma_before_cue = e + 1 == a && word_at(doc, e) == ",";
    let speech_verb = is_in(INVERTING_CUES, &lower(word_at(doc, b - 1)));
    if !comma_before_cue || !speech_verb || e <= s {
        return;
    }
    // The quotation the cue introduces ("added, \"..."), after at most a comma or colon.
    let more_after = d.content.iter().any(|c| {
        c.0 >= b
            && (b..c.0).all(|i| {
                matches!(word_at(doc, i), "," | ":")
                    || v.get(i).is_some_and(|t| t.quote != QuoteMark::None)
            })
            && (b..=c.0).any(|i| v.get(i).is_some_and(|t| t.quote != QuoteMark::None))
    });
    if !more_after {
        return;
    }
    let opener = capitalised_word(doc, s) || is_in(&["the", "a", "an"], &lower(word_at(doc, s)));
    let noun_phrase = (s..e).all(|i| {
        v.get(i)
            .is_some_and(|t| t.quote == QuoteMark::None && !t.in_quote)
            && !finite_word(doc, i)
            && !clause_word(doc, i)
    });
    if opener && noun_phrase {
        d.content.remove(k);
        d.source = vec![(s, e)];
    }
}

/// Words that open a clause set off by commas between a subject and its cue: a relative
/// pronoun ("Officials, who spoke on condition of anonymity, said") or a participle of these
/// ("An official, speaking on condition of anonymity, told"; "The memo, obtained by the
/// Guardian, says"); other participles are caught by their ending.
const CLAUSE_OPENERS: &[&str] = &[
    "who", "which", "whose", "speaking", "seen", "known", "written",
];

/// `SUBJECT, CLAUSE, cue ...` where the tagger took its source from inside the clause ("who",
/// "the Guardian" in "obtained by the Guardian"), ended it inside the clause ("Officials,
/// who spoke ... because they") or found none for a speech verb: the source is the subject
/// with its relative clause and the closing comma, or the subject alone when the tagger's
/// source lay inside the clause or the clause is a participle's (as PolNeAR marks them);
/// nothing before the cue is content. The subject opens the sentence (after "But" or "And")
/// with a capitalised word or a determiner and holds no comma, quotation or finite verb; the
/// clause holds no comma or quotation.
fn subject_with_clause(doc: &Doc<'_>, v: &[TokView], sent: Range<usize>, d: &mut Draft) {
    let (a, _) = d.cue;
    if a < sent.start + 4
        || word_at(doc, a - 1) != ","
        || word_at(doc, a).eq_ignore_ascii_case("according")
    {
        return;
    }
    // The comma that opens the clause.
    let Some(c) = (sent.start + 1..a - 1)
        .rev()
        .find(|&i| word_at(doc, i) == ",")
    else {
        return;
    };
    let opener = lower(word_at(doc, c + 1));
    let relative = is_in(&["who", "which", "whose"], &opener);
    let participle = is_in(CLAUSE_OPENERS, &opener)
        || opener.len() > 4 && (opener.ends_with("ed") || opener.ends_with("ing"));
    if c + 2 >= a || !(relative || participle) {
        return;
    }
    let plain = |i: usize| {
        v.get(i)
            .is_some_and(|t| t.quote == QuoteMark::None && !t.in_quote)
            && word_at(doc, i) != ","
    };
    let start = if is_in(&["but", "and", "yet"], word_at(doc, sent.start)) {
        sent.start + 1
    } else {
        sent.start
    };
    let first = word_at(doc, start);
    let subject_ok = c > start
        && c - start <= 12
        && (capitalised_word(doc, start) || is_in(&["the", "a", "an"], first))
        && (start..c).all(|i| plain(i) && !finite_word(doc, i) && !clause_word(doc, i));
    if !subject_ok || !(c + 1..a - 1).all(plain) {
        return;
    }
    // Only when the tagger went wrong: a source inside the clause, or one that opens with the
    // subject and ends inside the clause.
    let inside = !d.source.is_empty() && d.source.iter().all(|s| s.0 > c && s.1 < a);
    let ends_in_clause = d
        .source
        .iter()
        .any(|s| s.0 == start && s.1 > c + 1 && s.1 < a - 1);
    // A speech verb with no source at all ("A person ..., who requested anonymity, said").
    // ("... is said to be furious" is hearsay in the passive: no source.)
    let speech = d.source.is_empty()
        && !is_in(BE_FORMS, word_at(doc, a))
        && (a..d.cue.1)
            .any(|i| is_in(INVERTING_CUES, word_at(doc, i)) || word_at(doc, i) == "told");
    if !(inside || ends_in_clause || speech) {
        return;
    }
    // A source that ran into the clause takes all of it; one the tagger found inside the
    // clause gives way to the subject alone, as PolNeAR marks most such sources.
    d.source = vec![if relative && !inside {
        (start, a)
    } else {
        (start, c)
    }];
    d.content.retain(|x| x.0 >= a);
}

/// Speech verbs that may come before their subject: "Taxes will rise, said the mayor."
const INVERTING_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "noted",
    "warned",
    "argued",
    "insisted",
    "replied",
    "recalled",
    "concluded",
    "stated",
    "declared",
    "observed",
    "admitted",
    "acknowledged",
    "conceded",
    "continued",
];

/// Words that end an inverted speaker ("said the mayor on Monday", "said police in Lyon"),
/// besides the [`TIME_WORDS`] and weekdays ("said the mayor Monday").
const AFTER_INVERTED_SPEAKER: &[&str] = &[
    ",", ".", ";", ":", "on", "in", "at", "during", "after", "before", "last", "this", "when",
    "while", "as", "because", "adding", "saying", "who", "whose", "which",
];

/// Openers of a speaker noun phrase after an inverted cue: a determiner or quantifier ("said
/// the mayor", "said one resident"); a capitalised word also opens one ("said Police Chief X").
const INVERTED_SPEAKER_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "another",
    "officials",
    "police",
    "analysts",
    "experts",
    "witnesses",
    "residents",
    "sources",
    "critics",
];

/// The end of the speaker phrase that starts at `b`, right after an inverted cue ("said the
/// mayor on Monday"): it opens with a determiner, a quantifier, a capitalised word (not a
/// weekday) or a bare role before a name ("said council member Tom Baker"), runs to a time or
/// place tail, an apposition or the stop, and is one to five tokens long; a longer run is a
/// clause ("said the plan would ...").
fn inverted_speaker_end(doc: &Doc<'_>, range: std::ops::Range<usize>, b: usize) -> Option<usize> {
    let opener = word_at(doc, b);
    // A bare role before a name opens it too: "said council member Tom Baker", "said
    // spokesman Ali Reza".
    let role = |w: &str| {
        is_in(PERSON_ROLES, w)
            || is_in(
                &[
                    "member",
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                    "chief",
                    "official",
                ],
                w,
            )
    };
    let opener_role = role(opener);
    let opens = is_in(INVERTED_SPEAKER_OPENERS, opener)
        || opener.starts_with(|c: char| c.is_uppercase()) && opener.chars().any(char::is_lowercase)
        || opener.bytes().all(|c| c.is_ascii_lowercase())
            && (opener_role || role(word_at(doc, b + 1)))
            && word_at(doc, b + 1 + usize::from(!opener_role))
                .starts_with(|c: char| c.is_uppercase());
    if !opens || is_weekday(opener) {
        return None;
    }
    let mut end = b;
    // A full stop inside the sentence ends an abbreviation ("said Mr. Barrett"), not the
    // speaker.
    let ends = |w: &str| is_in(AFTER_INVERTED_SPEAKER, w) || is_in(TIME_WORDS, w) || is_weekday(w);
    while end < range.end
        && (!ends(word_at(doc, end)) || word_at(doc, end) == "." && end + 1 < range.end)
    {
        // A finite verb makes the run a clause ("insisted the plan was sound").
        if finite_word(doc, end) {
            return None;
        }
        end += 1;
    }
    (end > b && end - b <= 5).then_some(end)
}

/// True when token `i` is a finite verb written in lower case (one of [`FINITE_FORMS`]; "Will
/// Smith" and "May" are names): a noun phrase holds none outside a relative clause.
fn finite_word(doc: &Doc<'_>, i: usize) -> bool {
    let w = word_at(doc, i);
    w.bytes().all(|c| c.is_ascii_lowercase()) && is_in(FINITE_FORMS, w)
}

/// ", said Ms. Varga, the attorney for the tenants.": an apposition that closes the sentence
/// after an inverted speaker (a comma, then "a", "an" or "the", no further comma or verb)
/// belongs to the source, as in PolNeAR.
fn appositive_after_inverted(doc: &Doc<'_>, range: std::ops::Range<usize>, d: &mut Draft) {
    let [(_, s1)] = &mut d.source[..] else {
        return;
    };
    if word_at(doc, *s1) != "," || !is_in(&["a", "an", "the"], word_at(doc, *s1 + 1)) {
        return;
    }
    let mut end = range.end;
    while end > *s1 + 2
        && doc
            .tokens
            .get(end - 1)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Punct)
    {
        end -= 1;
    }
    let plain = (*s1 + 2..end).all(|i| {
        let w = word_at(doc, i);
        w != "," && !finite_word(doc, i) && !is_quote(w)
    });
    // The tagger may have read the apposition as a second content fragment.
    let s1v = *s1;
    let content_before = d.content.iter().any(|c| c.1 <= d.cue.0);
    if plain
        && end <= s1v + 16
        && content_before
        && d.content.iter().all(|c| c.1 <= d.cue.0 || c.0 > s1v)
    {
        *s1 = end;
        d.content.retain(|c| c.1 <= d.cue.0);
    }
}

/// `CONTENT, said SPEAKER.` with an unquoted content: the verb comes before its subject, so
/// the speaker is the noun phrase after the cue and the content is the clause before the comma.
/// The tagger, reading subject-verb order, may take a word of the content for the source and
/// the speaker for the content ("Taxes will rise, said the mayor.").
fn fix_inverted(doc: &Doc<'_>, range: std::ops::Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if b != a + 1 || a <= range.start + 1 || word_at(doc, a - 1) != "," {
        return;
    }
    if !is_in(INVERTING_CUES, word_at(doc, a)) {
        return;
    }
    // ", said people briefed on the talks.": an anonymous source (a head noun, maybe after a
    // quantifier, then "familiar", "briefed", "close" ...) after the inverted cue is the
    // speaker, however the tagger read the roles.
    let mut head = b;
    if is_in(QUANTIFIERS, word_at(doc, head)) {
        head += 1;
    }
    if is_in(ANON_HEADS, word_at(doc, head)) && is_in(ANON_MODIFIERS, word_at(doc, head + 1)) {
        let mut end = range.end;
        while end > head + 2
            && doc
                .tokens
                .get(end - 1)
                .is_some_and(|t| t.kind == crate::segment::TokenKind::Punct)
        {
            end -= 1;
        }
        let start = skip_open_quotes(doc, range.start, a - 1);
        if start < a - 1 && end > head + 1 {
            d.source = vec![(b, end)];
            d.content = vec![(start, a - 1)];
        }
        return;
    }
    // Already right: a source after the cue and a content before it. And a source that ends
    // at the comma before the cue is a subject with its apposition ("Jane Doe, a spokeswoman,
    // said the union agreed"): subject-verb order.
    let after = !d.source.is_empty() && d.source.iter().all(|s| s.0 >= b);
    if after {
        appositive_after_inverted(doc, range.clone(), d);
    }
    // A subject right before ", said" has an apposition or relative clause set off by a
    // comma; a longer source without one ("the new tariff would cost more than it saves",
    // "the insurers to cover the repairs") is a clause, the content.
    let clause = |&(s0, s1): &(usize, usize)| {
        let finite =
            (s0 + 1..s1).any(|i| finite_word(doc, i) && !is_in(RELATIVES, word_at(doc, i - 1)));
        s1 > s0 + 3 && (finite || !(s0 + 1..s1).any(|i| word_at(doc, i) == ","))
    };
    if after && d.content.iter().all(|c| c.1 <= a)
        || d.source.iter().any(|s| s.1 + 3 >= a && !clause(s))
    {
        return;
    }
    let Some(end) = inverted_speaker_end(doc, range.clone(), b) else {
        return;
    };
    // The rest of the sentence after the speaker holds no verb of its own: only a time or
    // place phrase and the final stop ("said the mayor on Monday.").
    let rest_is_tail = (end..range.end).all(|i| {
        let w = word_at(doc, i);
        !matches!(
            lower(w).as_str(),
            "that" | "is" | "was" | "are" | "were" | "will" | "would" | "has" | "have" | "had"
        )
    });
    if !rest_is_tail {
        return;
    }
    let start = skip_open_quotes(doc, range.start, a - 1);
    if start >= a - 1 {
        return;
    }
    d.source = vec![(b, end)];
    d.content = vec![(start, a - 1)];
    appositive_after_inverted(doc, range, d);
}

/// Sentence adverbs set off by commas between a subject and its cue ("The police chief,
/// however, said").
const SENTENCE_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "too",
    "though",
    "instead",
    "also",
    "nonetheless",
    "nevertheless",
    "moreover",
    "separately",
    "likewise",
    "similarly",
    "indeed",
];

/// Occasions of speaking that an adverbial names ("in an interview", "at a news conference").
const OCCASION_NOUNS: &[&str] = &[
    "interview",
    "conference",
    "briefing",
    "call",
    "speech",
    "hearing",
    "appearance",
    "rally",
    "debate",
    "meeting",
    "event",
    "letter",
    "email",
    "e-mail",
    "post",
    "tweet",
    "video",
    "broadcast",
    "podcast",
    "op-ed",
    "testimony",
    "filing",
    "session",
    "address",
];

/// Words after "for" that make a sentence adverb of it ("for his part", "for example").
const FOR_ADVERBS: &[&str] = &[
    "his", "her", "its", "their", "our", "my", "your", "example", "instance", "one",
];

/// "The senator, in an interview on Sunday, said": the adverbial between commas at the end of
/// a source that reaches its cue tells when or how the source spoke (it names an occasion or a
/// time); the source is the phrase before it. Sentence adverbs ("however", "for his part") go
/// the same way. Affiliations and descriptions stay ("Jane Doe, at the Cato Institute,";
/// "That letter, on company letterhead,").
fn cut_adjunct_from_source(doc: &Doc<'_>, v: &[TokView], d: &mut Draft) {
    const MAX_ADJUNCT: usize = 10;
    let [(s0, s1)] = d.source[..] else {
        return;
    };
    if s1 > d.cue.0 || (s1..d.cue.0).any(|i| word_at(doc, i) != ",") {
        return;
    }
    let Some(k) = (s0 + 1..s1).rev().find(|&i| word_at(doc, i) == ",") else {
        return;
    };
    let end = if word_at(doc, s1 - 1) == "," {
        s1 - 1
    } else {
        s1
    };
    if end <= k + 1
        || end - k - 1 > MAX_ADJUNCT
        || v.get(s0..end).is_some_and(|w| w.iter().any(|t| t.in_quote))
    {
        return;
    }
    let words: Vec<&str> = (k + 1..end).map(|i| word_at(doc, i)).collect();
    let adverb = match words[..] {
        [w] => is_in(SENTENCE_ADVERBS, w),
        [f, w, ..] if f.eq_ignore_ascii_case("for") => words.len() <= 3 && is_in(FOR_ADVERBS, w),
        _ => false,
    };
    let occasion = || {
        words.iter().any(|w| {
            is_in(OCCASION_NOUNS, w)
                || is_in(STATEMENT_NOUNS, w)
                || is_in(TIME_WORDS, w)
                || is_weekday(w)
        })
    };
    if adverb || adjunct_words(words.iter().copied()) && occasion() {
        d.source = vec![(s0, k)];
    }
}

/// "The minister, speaking at a news conference in Oslo, said ...": a source found inside a
/// participial or relative adjunct set off by commas before the cue is a word of the adjunct;
/// the speaker is the noun phrase that opens the sentence before it. A content the tagger found
/// before the cue then lay in the subject or the adjunct ("A resident, who asked not to be
/// named, told reporters ..." gave the source "who" and the content "A resident, who asked not
/// to be named"): it goes, and the content is looked for again.
fn subject_before_adjunct(
    doc: &Doc<'_>,
    v: &[TokView],
    range: std::ops::Range<usize>,
    d: &mut Draft,
) {
    let (a, _) = d.cue;
    // No source at all counts as one right before the comma, unless the cue is an agentless
    // passive, which names no speaker on purpose ("The mayor, who took office in May, is
    // expected to ...").
    let (s0, s1) = match d.source[..] {
        [s] => s,
        [] if a >= 1 && !passive_without_agent(doc, range.clone(), d.cue) => (a - 1, a - 1),
        _ => return,
    };
    // The source lies in the stretch that ends at the comma before the cue.
    if a < 2
        || word_at(doc, a - 1) != ","
        || s1 > a
        || s0 <= range.start
        || (s1..a - 1).any(|i| word_at(doc, i) == ",")
    {
        return;
    }
    // The comma that opens the adjunct, and the adjunct's first word.
    let Some(open) = (range.start + 1..s0)
        .rev()
        .find(|&i| word_at(doc, i) == ",")
    else {
        return;
    };
    let first = lower(word_at(doc, open + 1));
    // "speaking at ...", "who ...", and prepositional phrases ("in remarks to al-Ikhbariya
    // television", "in an interview with CNN"), whose object is no speaker.
    let prepositional = is_in(
        &["in", "at", "during", "on", "after", "before", "from"],
        &first,
    );
    let adjunct = first.len() > 4 && first.ends_with("ing")
        || is_in(&["who", "whose"], &first)
        || prepositional;
    // Only words between the opening comma and the source: no other comma or quotation.
    let plain =
        (open + 1..s0).all(|i| !matches!(word_at(doc, i), "," | "\"" | "\u{201C}" | "\u{201D}"));
    if !adjunct || !plain {
        return;
    }
    // The subject starts the sentence, or follows a quotation set off before it
    // ("\u{201C}...,\u{201D} a resident, who asked not to be named, told CNN").
    let start = (range.start..open)
        .rev()
        .find(|&i| is_in(&[",", "\"", "\u{201D}"], word_at(doc, i)))
        .map_or(range.start, |i| i + 1);
    if start >= open {
        return;
    }
    let subject = (start, open);
    let opener = word_at(doc, start);
    let opens = is_in(DETERMINERS_BEFORE, &lower(opener)) || opener.starts_with(char::is_uppercase);
    // A noun phrase, names and titles included ("Civil Defense Authority director General
    // Suleiman al-Amr"), not a clause.
    let clause = (start..open).any(|i| clause_word(doc, i));
    // After a prepositional adjunct, only a subject that opens the sentence and is no
    // adverbial itself ("On Tuesday, in Lesbos, ...": the subject comes later); it may be a
    // longer name with titles.
    let adverbial = is_in(ADJUNCT_OPENERS, &lower(opener)) || is_in(&["as", "if"], &lower(opener));
    let longest = if prepositional { 10 } else { 6 };
    if !opens
        || clause
        || open - start > longest
        || prepositional && (start != range.start || adverbial)
    {
        return;
    }
    d.source = vec![subject];
    d.content.retain(|c| c.0 >= a || c.1 <= subject.0);
    if d.content.is_empty() {
        fallback_content(doc, v, d);
        skip_addressee(doc, d);
    }
}

/// A cue with no source after `SUBJECT, PARENTHETICAL,` at the sentence start: the subject is
/// the source, with the parenthetical when that is an apposition ("Airbus, the market leader
/// since 2003, believes that ..."), without it when it is a sentence adverb ("Boeing, by
/// contrast, believes ..."). The tagger, reading the comma before the cue as the end of a
/// content ("..., believes X"), found no source and may have taken the subject for content.
fn subject_before_parenthetical(
    doc: &Doc<'_>,
    v: &[TokView],
    range: std::ops::Range<usize>,
    d: &mut Draft,
) {
    const MAX_SUBJECT: usize = 6;
    const MAX_PARENTHETICAL: usize = 10;
    let (a, b) = d.cue;
    if !d.source.is_empty()
        || a < range.start + 4
        || word_at(doc, a - 1) != ","
        || !d.content.iter().any(|c| c.0 >= b)
        || passive_without_agent(doc, range.clone(), d.cue)
    {
        return;
    }
    let Some(open) = (range.start + 1..a - 1).find(|&i| word_at(doc, i) == ",") else {
        return;
    };
    let start = range.start;
    let words: Vec<&str> = (open + 1..a - 1).map(|i| word_at(doc, i)).collect();
    let quoted = v
        .get(start..a)
        .is_some_and(|w| w.iter().any(|t| t.in_quote || t.quote != QuoteMark::None));
    let opener = word_at(doc, start);
    let subject_ok = open - start <= MAX_SUBJECT
        && (opener.starts_with(char::is_uppercase) || is_in(DETERMINERS_BEFORE, &lower(opener)))
        && !is_in(ADJUNCT_OPENERS, opener)
        && !is_in(&["as", "if", "but", "and", "so", "because"], opener)
        && !(start..open).any(|i| clause_word(doc, i) || finite_word(doc, i));
    if quoted
        || !subject_ok
        || words.is_empty()
        || words.len() > MAX_PARENTHETICAL
        || (open + 1..a - 1).any(|i| clause_word(doc, i) || finite_word(doc, i))
    {
        return;
    }
    let adverb = match words[..] {
        [w] => is_in(SENTENCE_ADVERBS, w),
        [f, w, ..] if f.eq_ignore_ascii_case("for") => words.len() <= 3 && is_in(FOR_ADVERBS, w),
        [f, w] => {
            f.eq_ignore_ascii_case("by") && is_in(&["contrast", "comparison"], w)
                || f.eq_ignore_ascii_case("in") && is_in(&["turn", "fact", "response"], w)
                || f.eq_ignore_ascii_case("of") && w.eq_ignore_ascii_case("course")
        }
        _ => false,
    };
    let apposition = opener.starts_with(char::is_uppercase)
        && is_in(&["the", "a", "an"], words[0])
        && !is_in(ADJUNCT_OPENERS, words[0]);
    let source = if adverb {
        (start, open)
    } else if apposition {
        (start, a - 1)
    } else {
        return;
    };
    d.source = vec![source];
    d.content.retain(|c| c.0 >= b);
}

/// "Cynthia Thompson, curator and director of exhibits at the University of Arkansas,
/// Fayetteville, said, ...": a source inside the apposition after a person's name that opens
/// the sentence grows to the whole subject, the name and its apposition up to the comma before
/// the cue, as in "Hugh Hill, a doctor at the clinic, said". The apposition holds no verb and
/// no quotation mark (a clause set off by commas is no apposition) and the source the tagger
/// found lies in it.
fn name_before_apposition(
    doc: &Doc<'_>,
    entities: &Entities,
    range: std::ops::Range<usize>,
    d: &mut Draft,
) {
    const MAX_APPOSITION: usize = 25;
    let (a, _) = d.cue;
    let [(s0, s1)] = d.source[..] else {
        return;
    };
    if a < range.start + 4 || word_at(doc, a - 1) != "," || s1 > a - 1 {
        return;
    }
    // The person's name that opens the sentence, and the comma after it.
    let Some(first) = doc.tokens.get(range.start) else {
        return;
    };
    let k = entities
        .mentions
        .partition_point(|m| m.span.start < first.span.start);
    let Some(name) = entities
        .mentions
        .get(k)
        .filter(|m| m.span.start == first.span.start && m.kind == EntityType::Per)
    else {
        return;
    };
    let Some((_, name_end)) = model::token_range(doc, name.span) else {
        return;
    };
    if word_at(doc, name_end) != "," || s0 <= name_end || a - 1 - name_end > MAX_APPOSITION {
        return;
    }
    let clause_or_quote =
        |i: usize| clause_word(doc, i) || is_in(&["\"", "\u{201C}", "\u{201D}"], word_at(doc, i));
    if (name_end + 1..a - 1).any(clause_or_quote) {
        return;
    }
    d.source = vec![(range.start, a - 1)];
    d.content.retain(|c| c.0 >= a || c.1 <= range.start);
}

/// `"QUOTE?" asked the coach.`: a cue right after a closing quotation mark that the tagger gave
/// no source takes the short noun phrase after it as its speaker (the verb comes before its
/// subject).
fn inverted_after_quote(doc: &Doc<'_>, range: std::ops::Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if !d.source.is_empty() || b != a + 1 || a <= range.start {
        return;
    }
    if !is_in(&["\"", "\u{201D}", "'", "\u{2019}"], word_at(doc, a - 1)) {
        return;
    }
    if is_in(PRONOUNS, word_at(doc, b)) {
        return;
    }
    let Some(end) = inverted_speaker_end(doc, range.clone(), b) else {
        return;
    };
    d.content.retain(|c| c.1 <= b || c.0 >= end);
    d.source = vec![(b, end)];
}

/// Layout cues: a colon that ends a paragraph before a paragraph opening with a quote ("And
/// from Chairwoman X:"), and a dash right after a closing quote before a name (`"..." - Senator
/// X`). Returns the kind.
fn layout_cue(doc: &Doc<'_>, v: &[TokView], i: usize) -> Option<Layout> {
    let t = v.get(i)?;
    if !t.punct_cue {
        return None;
    }
    let tok = doc.tokens.get(i)?;
    let colon = tok.span.slice(doc.text) == ":";
    let si = doc.sentences.partition_point(|s| s.tokens.end <= i);
    let sent = doc.sentences.get(si)?;
    if colon && headline_speaker(doc, sent, i).is_some() {
        return Some(Layout::Headline);
    }
    if colon && transcript_speaker(doc, i).is_some() {
        return Some(Layout::Transcript);
    }
    if colon {
        // "And from Chairwoman X: \"...\"": a colon after "from NAME" that opens the
        // sentence, followed by a quotation in the same sentence.
        let from = (sent.tokens.start..i)
            .take(2)
            .find(|&j| word_at(doc, j).eq_ignore_ascii_case("from"));
        let from_name = from.is_some_and(|f| f + 1 < i && capitalised_word(doc, f + 1));
        let quote_next = i + 1 < sent.tokens.end
            && v.get(i + 1)
                .is_some_and(|n| matches!(n.quote, QuoteMark::Open | QuoteMark::Either));
        if from_name && quote_next {
            return Some(Layout::Colon);
        }
        let next = doc.sentences.get(si + 1)?;
        let ends_para = i + 1 == sent.tokens.end && next.paragraph != sent.paragraph;
        let opens = v
            .get(next.tokens.start)
            .is_some_and(|n| n.quote != QuoteMark::None);
        if ends_para
            && !opens
            && statement_header(doc, sent, i)
            && statement_header_source(doc, sent.tokens.start, i).is_some()
        {
            return Some(Layout::Statement);
        }
        return (ends_para && opens).then_some(Layout::Colon);
    }
    let para_start = doc
        .sentences
        .iter()
        .take(si + 1)
        .rev()
        .take_while(|s| s.paragraph == sent.paragraph)
        .last()
        .map_or(sent.tokens.start, |s| s.tokens.start);
    let after_quote = i > para_start
        && v.get(i - 1)
            .is_some_and(|p| matches!(p.quote, QuoteMark::Close | QuoteMark::Either));
    let name_after = i + 1 < sent.tokens.end
        && doc.tokens.get(i + 1).is_some_and(|n| {
            n.span
                .slice(doc.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    if i == para_start && i == sent.tokens.start {
        if let Some((start, end)) = signature_line(doc, v, sent.paragraph, i) {
            return Some(Layout::Signature(start, end));
        }
    }
    (after_quote && name_after).then_some(Layout::Dash)
}

/// Words that make a dash line a credit, not the signature of a statement ("— Reporting by
/// ...", "- Photo: ...").
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "reported",
    "editing",
    "edited",
    "writing",
    "written",
    "additional",
    "photo",
    "photos",
    "image",
    "images",
    "video",
    "source",
    "sources",
    "via",
    "posted",
    "updated",
    "follow",
    "read",
    "see",
    "compiled",
    "produced",
    "translated",
    "translation",
    "contributed",
    "contributing",
    "with",
    "by",
    "from",
    "the",
    "this",
    "copyright",
    "graphic",
    "map",
    "credit",
    "related",
    "more",
    "advertisement",
];

/// News agencies and outlets whose name on a line of its own after a story credits it
/// ("— Reuters"): no signature of a statement.
const WIRE_SERVICES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "bloomberg",
    "associated",
    "xinhua",
    "agence",
    "upi",
    "tass",
    "kyodo",
    "yonhap",
    "ansa",
    "efe",
    "dpa",
    "pa",
    "cnn",
    "bbc",
    "npr",
    "staff",
    "wires",
];

/// Words of the first person, which mark a paragraph as someone's own statement: news prose
/// outside quotations rarely speaks so.
const FIRST_PERSON: &[&str] = &[
    "I",
    "I'm",
    "I\u{2019}m",
    "we",
    "We",
    "my",
    "My",
    "our",
    "Our",
    "us",
    "me",
];

/// The token range of paragraph `para` (its sentences'), if it has any.
fn paragraph_tokens(doc: &Doc<'_>, para: usize) -> Option<Range<usize>> {
    let first = doc.sentences.partition_point(|s| s.paragraph < para);
    let start = doc.sentences.get(first).filter(|s| s.paragraph == para)?;
    let end = doc.sentences[first..]
        .iter()
        .take_while(|s| s.paragraph == para)
        .last()
        .map_or(start.tokens.end, |s| s.tokens.end);
    Some(start.tokens.start..end)
}

/// Whether paragraph tokens `r` read as a statement in the first person with no quotation
/// mark ("We respect the court's ruling and will ..."): text a statement's signature or header
/// can claim.
fn first_person_prose(doc: &Doc<'_>, v: &[TokView], r: Range<usize>) -> bool {
    let quoted = r
        .clone()
        .any(|k| v.get(k).is_some_and(|t| t.quote != QuoteMark::None));
    // Case matters: "US" is no "us".
    !quoted && r.clone().any(|k| FIRST_PERSON.contains(&word_at(doc, k)))
}

/// `— Senator Maria Delgado, Democrat of Texas` on a line of its own (paragraph `para`,
/// opening with the dash at `dash`) right after a statement: a paragraph that ends with a
/// closing quotation mark, or one in the first person ([`first_person_prose`]). The line is
/// short, names someone right after the dash and is no credit ("— Reporting by ...").
/// Returns the statement's token range: the quotation (from where it opened, in an earlier
/// paragraph if it ran over several), or the first-person paragraph right above the line with
/// up to five more first-person paragraphs above it.
fn signature_line(
    doc: &Doc<'_>,
    v: &[TokView],
    para: usize,
    dash: usize,
) -> Option<(usize, usize)> {
    let line = paragraph_tokens(doc, para)?;
    let words = line
        .clone()
        .filter(|&k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind != crate::segment::TokenKind::Punct)
        })
        .count();
    // The name: capitalised words (and the periods of "Rep.") up to a comma, a parenthesis
    // or the line's end.
    let name = (dash + 1..name_end(doc, dash + 1, line.end))
        .filter(|&k| !matches!(word_at(doc, k), "." | "-"))
        .map(|k| capitalised_word(doc, k))
        .try_fold(0usize, |n, cap| cap.then_some(n + 1));
    if !(1..=16).contains(&words)
        || !name.is_some_and(|n| (1..=6).contains(&n))
        || is_in(CREDIT_WORDS, word_at(doc, dash + 1))
        || is_in(WIRE_SERVICES, word_at(doc, dash + 1))
        || matches!(word_at(doc, line.end - 1), "?" | "!" | ":")
    {
        return None;
    }
    let prev = paragraph_tokens(doc, para.checked_sub(1)?)?;
    // A list: the paragraph before or after opens with a dash too ("- Higher Wages").
    let dash_opens = |r: Option<Range<usize>>| {
        r.is_some_and(|r| {
            v.get(r.start).is_some_and(|t| t.punct_cue) && word_at(doc, r.start) != ":"
        })
    };
    if dash_opens(Some(prev.clone())) || dash_opens(paragraph_tokens(doc, para + 1)) {
        return None;
    }
    // The closing mark ends the paragraph, or comes before its last punctuation (`act".`).
    let last = prev.end.checked_sub(1)?;
    let close = [last, last.saturating_sub(1)]
        .into_iter()
        .filter(|&k| k >= prev.start)
        .find(|&k| {
            v.get(k)
                .is_some_and(|t| matches!(t.quote, QuoteMark::Close | QuoteMark::Either))
        });
    if let Some(close) = close {
        // The opening mark in the same paragraph; a quotation that ran over several
        // paragraphs opened in the first of them: each paragraph before opens with a mark
        // and closes none (at most five paragraphs back).
        let opens = |k: usize| {
            v.get(k)
                .is_some_and(|t| matches!(t.quote, QuoteMark::Open | QuoteMark::Either))
        };
        let mut open = (prev.start..close).rev().find(|&k| opens(k))?;
        // The paragraph `p` holds `open`, at `start`.
        let (mut p, mut start) = (para - 1, prev.start);
        while open == start && p > 0 && para - p < 6 {
            let Some(r) = paragraph_tokens(doc, p - 1) else {
                break;
            };
            let closes_none = r
                .clone()
                .skip(1)
                .all(|k| v.get(k).is_none_or(|t| t.quote == QuoteMark::None));
            if !(opens(r.start) && closes_none && word_at(doc, r.start) == word_at(doc, open)) {
                break;
            }
            (open, start, p) = (r.start, r.start, p - 1);
        }
        return Some((open, close + 1));
    }
    if !first_person_prose(doc, v, prev.clone()) {
        return None;
    }
    let start = first_person_paragraphs(doc, v, (para.saturating_sub(6)..para - 1).rev())
        .last()
        .map_or(prev.start, |r| r.start);
    Some((start, prev.end))
}

/// The token ranges of the paragraphs `paras` (taken in the order given) as long as each reads
/// as a first-person statement ([`first_person_prose`]): the run of a statement's paragraphs
/// next to its header or signature.
fn first_person_paragraphs<'d>(
    doc: &'d Doc<'_>,
    v: &'d [TokView],
    paras: impl Iterator<Item = usize> + 'd,
) -> impl Iterator<Item = Range<usize>> + 'd {
    paras.map_while(move |p| {
        paragraph_tokens(doc, p).filter(|r| first_person_prose(doc, v, r.clone()))
    })
}

/// The end of a name that runs from token `from`: the first comma, opening parenthesis or
/// semicolon before `to` ("Jane Roe, Ohio", "Rep. Tom Hadley (R-Ohio)"), else `to`.
fn name_end(doc: &Doc<'_>, from: usize, to: usize) -> usize {
    (from..to)
        .find(|&k| matches!(word_at(doc, k), "," | "(" | ";"))
        .unwrap_or(to)
}

/// The source a statement header names: the words after "from" or "by" ("Statement from
/// Senator Raj Patel:"), or the possessor before "'s" ("Senator Patel's statement:"), in the
/// header `[start, colon)`.
fn statement_header_source(doc: &Doc<'_>, start: usize, colon: usize) -> Option<(usize, usize)> {
    // A day or month is no author ("Tuesday's statement").
    let timely = |k: usize| {
        crate::time::lexicon::is_calendar_word(word_at(doc, k))
            || is_in(&["today", "yesterday", "tonight"], word_at(doc, k))
    };
    // "Statement from X:", "Letter by X:": "from" or "by" right after the header noun.
    if let Some(f) = (start + 1..colon).find(|&k| {
        matches!(word_at(doc, k), "from" | "by") && is_in(HEADER_NOUNS, word_at(doc, k - 1))
    }) {
        let mut a = f + 1;
        while a < colon && is_in(DETERMINERS, word_at(doc, a)) {
            a += 1;
        }
        return (a < colon && capitalised_word(doc, a) && !timely(a)).then_some((a, colon));
    }
    // "Senator Patel's statement:": the capitalised words before "'s", right before the noun.
    let s = (start..colon).find(|&k| matches!(word_at(doc, k), "'s" | "\u{2019}s"))?;
    if !(s + 1..colon.min(s + 3)).any(|k| is_in(HEADER_NOUNS, word_at(doc, k))) {
        return None;
    }
    let mut a = s;
    while a > start && (capitalised_word(doc, a - 1) || word_at(doc, a - 1) == ".") {
        a -= 1;
    }
    // A leading imperative is no part of the name ("Read Senator Patel's statement:").
    if a < s && is_in(&["read", "see", "watch", "here", "below"], word_at(doc, a)) {
        a += 1;
    }
    (a < s && capitalised_word(doc, a) && !timely(a)).then_some((a, s))
}

/// Nouns that name a statement in a header line ("Statement from Senator Raj Patel:", "Mayor
/// Lin's letter:").
const HEADER_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "message",
    "remarks",
    "text",
    "transcript",
    "release",
    "post",
    "tweet",
];

/// Whether the sentence `sent`, whose colon at `colon` ends its paragraph, is the header of a
/// statement printed below it: a paragraph of its own of at most twelve words, naming a
/// statement ("Statement from Senator Raj Patel:", "Mayor Lin's statement:").
fn statement_header(doc: &Doc<'_>, sent: &crate::segment::Sentence, colon: usize) -> bool {
    let Some(line) = paragraph_tokens(doc, sent.paragraph) else {
        return false;
    };
    line.start == sent.tokens.start
        && colon > line.start
        && colon - line.start <= 12
        && (line.start..colon).any(|k| is_in(HEADER_NOUNS, word_at(doc, k)))
}

/// Words that open a headline label, not a speaker ("The Latest:", "Watch:").
const HEADLINE_LABELS: &[&str] = &[
    "the",
    "paid",
    "editor",
    "editor's",
    "editor\u{2019}s",
    "watch",
    "video",
    "photos",
    "update",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "review",
    "live",
    "editorial",
    "byline",
    "question",
    "answer",
    "q",
    "a",
    "note",
    "correction",
    "read",
    "listen",
    "from",
    "related",
    "more",
    "see",
    "also",
    "summary",
    "background",
];

/// `Speaker: what they said` in a headline ("Lynch: No outside influence on the probe"): the
/// token range of the speaker before the colon at `colon`, one to four capitalised words
/// opening the title paragraph, followed by a capitalised word or a quotation mark. Labels
/// ("The Latest:") and all-capital kickers ("EXCLUSIVE:") are no speakers.
fn headline_speaker(
    doc: &Doc<'_>,
    sent: &crate::segment::Sentence,
    colon: usize,
) -> Option<(usize, usize)> {
    let para = doc.article.paragraphs.get(sent.paragraph)?;
    let start = sent.tokens.start;
    // The title paragraph, or the first paragraph when it opens like the metadata title (a
    // headline with a period added is not recognised as the title line).
    let colon_end = doc.tokens.get(colon)?.span.end;
    let title = para.kind == claimsheet_ingest::ParagraphKind::Title
        || sent.paragraph == 0
            && doc.article.title.as_deref().is_some_and(|t| {
                doc.text
                    .get(para.span.start..colon_end)
                    .is_some_and(|p| t.starts_with(p))
            });
    if !title {
        return None;
    }
    // The title's first sentence only, so the colon follows the paragraph's first words.
    if doc.tokens.get(start)?.span.start != para.body().start || colon <= start {
        return None;
    }
    let words = colon - start;
    if !(1..=6).contains(&words) {
        return None;
    }
    let (mut n, mut caps) = (0, 0);
    for i in start..colon {
        let t = doc.tokens.get(i)?;
        let w = t.span.slice(doc.text);
        match t.kind {
            crate::segment::TokenKind::Word => {
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    return None;
                }
                let upper = w.chars().all(|c| !c.is_lowercase());
                if upper && w.chars().count() >= 5 {
                    return None;
                }
                n += 1;
                caps += usize::from(upper);
            }
            _ if w == "." || w == "-" => {}
            _ => return None,
        }
    }
    if n == 0 || n > 4 || caps == n || is_in(HEADLINE_LABELS, word_at(doc, start)) {
        return None;
    }
    let next = doc.tokens.get(colon + 1)?;
    let nw = next.span.slice(doc.text);
    let opens = nw
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || is_open_quote(nw);
    (opens && next.span.end <= para.span.end).then_some((start, colon))
}

/// A layout attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// `Speaker: words` in a headline.
    Headline,
    /// Paragraph-final colon before a quoted paragraph, or "From NAME:" before a quotation.
    Colon,
    /// `"..." - Name`.
    Dash,
    /// `— Name, Title` on a line of its own under a statement ([`signature_line`]), with the
    /// statement's token range `[start, end)`.
    Signature(usize, usize),
    /// `NAME: words` opening a paragraph of an interview transcript.
    Transcript,
    /// A header line naming a statement ("Statement from Senator X:") before the statement's
    /// paragraphs.
    Statement,
}

/// The speaker label `[start, colon)` of a transcript turn: a paragraph that opens (maybe
/// after a quotation mark) with one to three words in capitals and a colon ("WALLACE:",
/// "JAKE TAPPER:"), in an article where another paragraph opens so too. A lone label such as
/// "UPDATE:" or "EXCLUSIVE:" (see [`HEADLINE_LABELS`]) is no speaker.
fn transcript_speaker(doc: &Doc<'_>, colon: usize) -> Option<(usize, usize)> {
    let start = transcript_label(doc, colon)?;
    let colon_para = doc
        .sentences
        .iter()
        .find(|s| s.tokens.contains(&colon))?
        .paragraph;
    // Another turn: the first sentence of another paragraph opens with a label.
    let mut para = usize::MAX;
    let other = doc.sentences.iter().any(|s| {
        if s.paragraph == para {
            return false;
        }
        para = s.paragraph;
        s.paragraph != colon_para
            && (s.tokens.start + 1..s.tokens.end.min(s.tokens.start + 6))
                .any(|k| word_at(doc, k) == ":" && transcript_label(doc, k).is_some())
    });
    other.then_some((start, colon))
}

/// The first token of the capitalised label before the colon `colon` when the label opens its
/// paragraph ([`transcript_speaker`]).
fn transcript_label(doc: &Doc<'_>, colon: usize) -> Option<usize> {
    let mut start = colon;
    while start > 0 && colon - start < 4 {
        let t = doc.tokens.get(start - 1)?;
        let w = t.span.slice(doc.text);
        let caps = t.kind == crate::segment::TokenKind::Word
            && w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase);
        if !(caps || w == "." && start < colon) {
            break;
        }
        start -= 1;
    }
    if start == colon || is_in(HEADLINE_LABELS, word_at(doc, start)) {
        return None;
    }
    // Only an opening quotation mark may stand between the paragraph start and the label.
    let first = match start.checked_sub(1).map(|p| word_at(doc, p)) {
        Some(q) if is_open_quote(q) || q == "\"" => start - 1,
        _ => start,
    };
    let begin = doc.tokens.get(first)?.span.start;
    let opens = doc
        .article
        .paragraphs
        .iter()
        .any(|p| p.body().start == begin || p.span.start == begin);
    opens.then_some(start)
}

/// Sets source and content of a layout attribution by rule.
fn apply_layout(doc: &Doc<'_>, v: &[TokView], regions: &[(usize, usize, bool)], d: &mut Draft) {
    let Some(kind) = layout_cue(doc, v, d.cue.0) else {
        return;
    };
    let Some(sent) = doc.sentences.get(d.sentence) else {
        return;
    };
    match kind {
        Layout::Headline => {
            let Some(src) = headline_speaker(doc, sent, d.cue.0) else {
                return;
            };
            d.source = vec![src];
            // The content runs to the end of the title paragraph.
            let mut e = doc
                .sentences
                .iter()
                .skip(d.sentence)
                .take_while(|s| s.paragraph == sent.paragraph)
                .last()
                .map_or(sent.tokens.end, |s| s.tokens.end);
            while e > d.cue.1
                && v.get(e - 1)
                    .is_some_and(|t| t.shape == 4 && t.quote == QuoteMark::None)
            {
                e -= 1;
            }
            d.content = if e > d.cue.1 {
                vec![(d.cue.1, e)]
            } else {
                Vec::new()
            };
        }
        Layout::Dash | Layout::Signature(..) => {
            // The name, before any comma or parenthesis ("- Jane Roe, Ohio").
            let mut e = name_end(doc, d.cue.1, sent.tokens.end);
            while e > d.cue.1 && v.get(e - 1).is_some_and(|t| t.shape == 4) {
                e -= 1;
            }
            d.source = if e > d.cue.1 {
                vec![(d.cue.1, e)]
            } else {
                Vec::new()
            };
            // The statement the signature line signs, or the quote that closes right before
            // the dash.
            let close = d.cue.0.saturating_sub(1);
            let k = regions.partition_point(|r| r.1 < close);
            d.content = match (kind, regions.get(k)) {
                (Layout::Signature(start, end), _) => vec![(start, end)],
                (_, Some(&(o, c, _))) if c == close => vec![(o, c + 1)],
                _ => Vec::new(),
            };
        }
        Layout::Statement => {
            // The paragraph after the header, and the first-person paragraphs after it (at
            // most five in all).
            let Some(next) = paragraph_tokens(doc, sent.paragraph + 1) else {
                return;
            };
            let end = first_person_paragraphs(doc, v, sent.paragraph + 2..sent.paragraph + 6)
                .last()
                .map_or(next.end, |r| r.end);
            d.content = vec![(next.start, end)];
            d.source = statement_header_source(doc, sent.tokens.start, d.cue.0)
                .into_iter()
                .collect();
        }
        Layout::Transcript => {
            let Some(src) = transcript_speaker(doc, d.cue.0) else {
                return;
            };
            d.source = vec![src];
            // The turn runs to the end of its paragraph.
            let e = doc
                .sentences
                .iter()
                .skip(d.sentence)
                .take_while(|s| s.paragraph == sent.paragraph)
                .last()
                .map_or(sent.tokens.end, |s| s.tokens.end);
            d.content = if e > d.cue.1 {
                vec![(d.cue.1, e)]
            } else {
                Vec::new()
            };
        }
        Layout::Colon => {
            // The quotation opens right after the colon, or with the next sentence.
            let start = if d.cue.1 < sent.tokens.end {
                d.cue.1
            } else {
                let Some(next) = doc.sentences.get(d.sentence + 1) else {
                    return;
                };
                next.tokens.start
            };
            let k = regions.partition_point(|r| r.0 < start);
            if let Some(&(o, _, _)) = regions.get(k).filter(|r| r.0 == start) {
                d.content = vec![(o, follow(doc, regions, k) + 1)];
            }
            // "And from Chairwoman X:": the name after "from".
            let from = (sent.tokens.start..d.cue.0).find(|&j| {
                doc.tokens
                    .get(j)
                    .is_some_and(|t| t.span.slice(doc.text).eq_ignore_ascii_case("from"))
            });
            if let Some(f) = from.filter(|f| f + 1 < d.cue.0 && *f <= sent.tokens.start + 1) {
                d.source = vec![(f + 1, d.cue.0)];
            }
        }
    }
}

/// Role tags of the tokens of `sent` for the cue `cue`, written to `tags`.
#[allow(clippy::too_many_arguments)]
pub(super) fn role_tags(
    tagger: &AttributionTagger,
    v: &[TokView],
    sent: std::ops::Range<usize>,
    cue: CueCtx,
    commas: &[u16],
    cues: &[u16],
    feats: &mut Vec<u64>,
    tags: &mut Vec<usize>,
) {
    tags.clear();
    let mut scores = [0f32; ROLE_TAGS];
    let mut prev = R_O;
    let window = model::role_window(sent.clone(), &cue);
    for i in sent.clone() {
        let Some(t) = v.get(i) else { break };
        if i >= cue.start && i < cue.end || !window.contains(&i) {
            tags.push(R_O);
            prev = R_O;
            continue;
        }
        model::role_features(v, i, sent.clone(), cue, commas, cues, feats);
        let side = u64::from(i < cue.start);
        model::prev_features(prev, t, side, feats);
        tagger.role_model.score(feats, &mut scores);
        let mut tag = argmax(&scores);
        if tag == R_SI && !matches!(prev, R_SB | R_SI) {
            tag = R_SB;
        }
        if tag == R_CI && !matches!(prev, R_CB | R_CI) {
            tag = R_CB;
        }
        tags.push(tag);
        prev = tag;
    }
}

fn span_of(doc: &Doc<'_>, a: usize, b: usize) -> Option<Span> {
    let s = doc.tokens.get(a)?.span.start;
    let e = doc.tokens.get(b.checked_sub(1)?)?.span.end;
    (s < e).then(|| Span::new(s, e))
}

/// Runs of `role` (begin tag `b`, inside tag `i`) in `tags`, as token ranges.
fn runs(tags: &[usize], base: usize, b: usize, i: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &t) in tags.iter().enumerate() {
        if t == b {
            if let Some(s) = start.take() {
                out.push((base + s, base + k));
            }
            start = Some(k);
        } else if t != i {
            if let Some(s) = start.take() {
                out.push((base + s, base + k));
            }
        }
    }
    if let Some(s) = start {
        out.push((base + s, base + tags.len()));
    }
    out
}

/// Merges source runs one token apart and keeps the run nearest the cue.
fn tidy_source(mut runs: Vec<(usize, usize)>, cue: (usize, usize)) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for r in runs.drain(..) {
        match merged.last_mut() {
            Some(l) if r.0 <= l.1 + 1 && !(l.1 <= cue.0 && r.0 >= cue.1) => l.1 = r.1,
            _ => merged.push(r),
        }
    }
    let dist = |r: &(usize, usize)| {
        if r.1 <= cue.0 {
            cue.0 - r.1
        } else {
            r.0.saturating_sub(cue.1)
        }
    };
    merged.into_iter().min_by_key(dist).into_iter().collect()
}

/// Merges content runs one non-cue token apart and drops stray runs of one or two words.
fn tidy_content(
    v: &[TokView],
    mut runs: Vec<(usize, usize)>,
    is_cue: &[bool],
) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for r in runs.drain(..) {
        match merged.last_mut() {
            Some(l) if r.0 <= l.1 + 1 && !is_cue.get(l.1).copied().unwrap_or(true) => l.1 = r.1,
            _ => merged.push(r),
        }
    }
    let words = |r: &(usize, usize)| {
        v.get(r.0..r.1)
            .map_or(0, |t| t.iter().filter(|x| x.shape != 4).count())
    };
    let longest = merged.iter().map(words).max().unwrap_or(0);
    if longest > 2 {
        merged.retain(|r| words(r) > 2);
    }
    merged
}

/// Words that are never the edge of a source: adverbs and auxiliaries next to the cue.
const NOT_SOURCE_EDGE: &[&str] = &[
    // Contracted auxiliaries ("I | 've suggested", "They | ca n't blame").
    "'ve",
    "\u{2019}ve",
    "'ll",
    "\u{2019}ll",
    "'d",
    "\u{2019}d",
    "'re",
    "\u{2019}re",
    "ca",
    "wo",
    // "Having | said he would not run again, the senator ...": the perfect participle's
    // auxiliary.
    "having",
    "also",
    "has",
    "have",
    "had",
    "was",
    "is",
    "are",
    "were",
    "would",
    "will",
    "not",
    "still",
    "already",
    "never",
    "ever",
    "then",
    "now",
    "later",
    "often",
    "previously",
    "recently",
    "repeatedly",
    "again",
    "once",
    "first",
    "last",
    "and",
    "but",
    "so",
    "as",
    "who",
    "which",
    "that",
    "had",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "be",
    "been",
    "being",
    "on",
    "in",
    "at",
    "by",
    "to",
    "of",
    "for",
    "with",
    "from",
    "when",
    "after",
    "before",
    "while",
    "what",
    "if",
    "because",
    "since",
    "although",
    "though",
    "unless",
    "until",
    "whether",
    "even",
];

/// Trims adverbs, auxiliaries and punctuation off the edges of the source run, and drops it
/// when nothing is left. It also mends the run's edges: it reaches back over a name's first
/// words, titles, determiners and quantifiers, reaches on over plain words left out before the
/// cue ("Mr. | Trump has called for"), and closes a parenthesis opened inside it.
fn trim_source(
    doc: &Doc<'_>,
    v: &[TokView],
    runs: Vec<(usize, usize)>,
    cue: (usize, usize),
    sent: Range<usize>,
) -> Vec<(usize, usize)> {
    let sent_end = sent.end;
    let bad = |i: usize| {
        doc.tokens.get(i).is_none_or(|t| {
            let w = t.span.slice(doc.text);
            t.kind == crate::segment::TokenKind::Punct
                || w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)
                // "Theresa May" ends a source.
                || NOT_SOURCE_EDGE.iter().any(|x| x.eq_ignore_ascii_case(w))
                    && !auxiliary_in_name(doc, i, sent.start)
        })
    };
    let capitalised = |i: usize| capitalised_word(doc, i);
    let relative = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            matches!(
                t.span.slice(doc.text).to_ascii_lowercase().as_str(),
                "who" | "which" | "that"
            )
        })
    };
    runs.into_iter()
        .filter_map(|(mut a, mut b)| {
            // A relative pronoun is the source of its clause ("Trump, who said ..."), as in
            // PolNeAR.
            if b == a + 1 && relative(a) {
                return Some((a, b));
            }
            // "people | briefed on the talks": the head noun of an anonymous source left out
            // before its participle or adjective, with a number or quantifier before it.
            if a > sent.start
                && is_in(ANON_MODIFIERS, word_at(doc, a))
                && doc.tokens.get(a - 1).is_some_and(|t| {
                    t.kind == crate::segment::TokenKind::Word
                        && !bad(a - 1)
                        && t.span.slice(doc.text).chars().all(char::is_lowercase)
                })
            {
                a -= 1;
                if a > sent.start && is_in(QUANTIFIERS, word_at(doc, a - 1)) {
                    a -= 1;
                }
            }
            // "North" + "Korea": a name's first words left out by the tagger; "Mr." and
            // initials before a name; a determiner before the noun phrase.
            // Never before the sentence start (a headline above is no part of the name), nor
            // into the cue.
            let floor = if a >= cue.1 { cue.1 } else { sent.start };
            loop {
                if a > sent.start && capitalised(a) && capitalised(a - 1) && b - a < 12 {
                    a -= 1;
                } else if a > sent.start + 1
                    && capitalised(a)
                    && doc
                        .tokens
                        .get(a - 1)
                        .is_some_and(|t| t.span.slice(doc.text) == ".")
                    && doc.tokens.get(a - 2).is_some_and(|t| {
                        let w = t.span.slice(doc.text);
                        is_in(TITLES, w) || w.len() == 1 && w.chars().all(char::is_uppercase)
                    })
                {
                    a -= 2;
                } else if a > sent.start
                    && doc.tokens.get(a - 1).is_some_and(|t| {
                        let w = t.span.slice(doc.text);
                        is_in(DETERMINERS, w) && w != "that"
                            || is_in(&["his", "her", "its", "their"], w)
                    })
                {
                    a -= 1;
                } else if a > floor && is_in(SOURCE_QUANTIFIERS, word_at(doc, a - 1)) {
                    // "some | Democrats say"
                    a -= 1;
                } else if a > floor + 1
                    && word_at(doc, a - 1).eq_ignore_ascii_case("of")
                    && (is_in(SOURCE_QUANTIFIERS, word_at(doc, a - 2))
                        || is_in(
                            &["one", "each", "none", "half", "majority"],
                            word_at(doc, a - 2),
                        )
                        || word_at(doc, a - 2) == "%")
                {
                    // "some of | Mr. Clinton's admirers", "45% of | Republicans"
                    a -= 2;
                } else if a > floor + 1
                    && capitalised(a)
                    && word_at(doc, a - 1) == "and"
                    && capitalised(a - 2)
                {
                    // "Mr. Autor and | Mr. Hanson"
                    a -= 2;
                } else {
                    break;
                }
            }
            // "Donald | Trump says", "one | questioner claimed": a source cut short before its
            // cue reaches on over the words between, when they are plain words of a noun
            // phrase (no punctuation, time word, auxiliary or preposition other than "of").
            // The words may end on auxiliaries the cue left out ("Mr. | Trump has called for").
            if b < cue.0 && cue.0 - b <= 6 && a < b {
                let plain = |i: usize| {
                    doc.tokens.get(i).is_some_and(|t| {
                        let w = t.span.slice(doc.text);
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        if t.kind != crate::segment::TokenKind::Word {
                            // The period of "Mr." or of an initial.
                            return w == "."
                                && doc.tokens.get(i - 1).is_some_and(|p| {
                                    let p = p.span.slice(doc.text);
                                    is_in(TITLES, p)
                                        || p.len() == 1 && p.chars().all(char::is_uppercase)
                                });
                        }
                        (w.eq_ignore_ascii_case("of") || !bad(i))
                            && (capital
                                || v.get(i).is_some_and(|x| x.lemma == 0)
                                    && !w.ends_with("ed")
                                    && !is_in(DETERMINERS, w))
                            && !is_weekday(w)
                            && !is_in(TIME_WORDS, w)
                            // "Theresa May": a month name inside a name.
                            && (!crate::time::lexicon::is_calendar_word(w)
                                || auxiliary_in_name(doc, i, sent.start))
                    })
                };
                let mut e = b;
                while e < cue.0 && plain(e) {
                    e += 1;
                }
                let auxiliaries = (e..cue.0).all(|i| is_in(CUE_AUXILIARIES, word_at(doc, i)));
                if auxiliaries && e > b {
                    b = e;
                }
            }
            while a < b && bad(b - 1) {
                b -= 1;
            }
            while a < b && bad(a) {
                a += 1;
            }
            // Nothing after the source reaches into the cue.
            let limit = if b <= cue.0 { cue.0 } else { sent_end };
            b = close_source(doc, a, b, limit);
            // A source never ends with its determiner ("by the | ministry"): it reaches on over
            // the noun phrase's words, up to four, never into the cue.
            if a < b
                && doc.tokens.get(b - 1).is_some_and(|t| {
                    let w = t.span.slice(doc.text);
                    is_in(DETERMINERS, w) || is_in(&["his", "her", "its", "their"], w)
                })
            {
                let mut e = b;
                while e < limit && e < b + 4 && !bad(e) {
                    e += 1;
                }
                if e > b {
                    b = e;
                } else {
                    return None;
                }
            }
            (a < b).then_some((a, b))
        })
        .collect()
}

/// Cuts phrases off a source that the comma a writer left out would have set apart:
/// - "In 2004 the parties agreed": a year before a determiner belongs to a time phrase;
/// - "According to Rathbun the Scientology property in question was returned": after a name,
///   "the" opens the next phrase.
fn trim_source_phrases(doc: &Doc<'_>, d: &mut Draft) {
    for (a, b) in d.source.iter_mut() {
        if *b > *a + 2
            && is_year(word_at(doc, *a))
            && is_in(&["the", "a", "an"], word_at(doc, *a + 1))
        {
            *a += 1;
        }
        if let Some(k) = (*a + 1..*b).find(|&k| word_at(doc, k) == "the") {
            if (*a..k).all(|i| capitalised_word(doc, i)) {
                *b = k;
            }
        }
    }
}

/// True for a year written in digits, 1000 to 2199.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1000..2200).contains(&y))
}

/// Closes a parenthesis opened inside a source (token range `a..b`, never reaching `limit`):
/// "Sen. Ted Cruz (R-Tex.) said" gave the source "Sen. Ted Cruz (R-Tex".
fn close_source(doc: &Doc<'_>, a: usize, mut b: usize, limit: usize) -> usize {
    let text = |i: usize| word_at(doc, i);
    let depth = (a..b).fold(0i32, |d, i| match text(i) {
        "(" => d + 1,
        ")" => d - 1,
        _ => d,
    });
    if depth > 0 {
        // The closing parenthesis within three tokens ("Fla", ".", ")").
        if let Some(close) = (b..limit.min(b + 3)).find(|&i| text(i) == ")") {
            if (b..close).all(|i| doc.tokens.get(i).is_some_and(|t| t.span.len() <= 4)) {
                b = close + 1;
            }
        }
    }
    b
}

/// Quantifiers and numbers that open a source ("some Democrats", "two officials").
const SOURCE_QUANTIFIERS: &[&str] = &[
    "some",
    "many",
    "most",
    "all",
    "both",
    "few",
    "several",
    "other",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "multiple",
];

/// Words that follow the head noun of an anonymous source ("people familiar with ...").
const ANON_MODIFIERS: &[&str] = &[
    "briefed",
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "with",
];
/// Role nouns that end a speaker's description ("the chief financial officer said"), besides
/// the [`PERSON_ROLES`].
const ROLE_NOUNS: &[&str] = &[
    "officer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "executive",
    "chief",
    "adviser",
    "advisor",
    "aide",
    "witness",
    "representative",
    "representatives",
    "leader",
    "chair",
    "head",
    "partner",
    "agent",
    "commissioner",
    "inspector",
    "officers",
    "spokesmen",
];
/// Head nouns of an anonymous source ("people familiar with ...", "sources close to ...").
const ANON_HEADS: &[&str] = &[
    "people",
    "person",
    "sources",
    "source",
    "officials",
    "official",
    "aides",
    "aide",
];
/// Numbers and quantifiers before the head noun of an anonymous source.
const QUANTIFIERS: &[&str] = &[
    "two", "three", "four", "five", "several", "some", "many", "other", "senior", "multiple",
];

fn word_at<'t>(doc: &Doc<'t>, i: usize) -> &'t str {
    doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text))
}

/// True when token `i` is a word that opens with a capital letter.
fn capitalised_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == crate::segment::TokenKind::Word
            && t.span.slice(doc.text).starts_with(char::is_uppercase)
    })
}

/// True when token `i` makes the words around it a clause, not a noun phrase: a form of "be",
/// "has", "have" or "had", or a relative pronoun ("that", "which", "who").
fn clause_word(doc: &Doc<'_>, i: usize) -> bool {
    let w = lower(word_at(doc, i));
    is_in(BE_FORMS, &w) || is_in(&["has", "have", "had", "that", "which", "who"], &w)
}

/// Content when the role tagger found none: the clause before `, SOURCE cue` at the end of a
/// sentence, else the rest of the sentence after the cue.
fn fallback_content(doc: &Doc<'_>, v: &[TokView], d: &mut Draft) {
    let Some(sent) = doc.sentences.get(d.sentence) else {
        return;
    };
    let r = sent.tokens.clone();
    let is_comma = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.span.slice(doc.text) == ",")
    };
    let src_start = d.source.first().map_or(d.cue.0, |s| s.0.min(d.cue.0));
    let mut end_after = d.cue.1;
    while end_after < r.end && v.get(end_after).is_some_and(|t| t.shape == 4) {
        end_after += 1;
    }
    if src_start > r.start + 2 && src_start >= 1 && is_comma(src_start - 1) {
        d.content.push((r.start, src_start - 1));
    } else if end_after + 1 < r.end {
        let mut e = r.end;
        while e > end_after
            && v.get(e - 1)
                .is_some_and(|t| t.shape == 4 && t.quote == QuoteMark::None)
        {
            e -= 1;
        }
        if e > end_after {
            d.content.push((end_after, e));
        }
    }
}

/// "told | reporters the road was safe", "wrote in a note to | clients that ...": the
/// addressee of a verb of telling, or of a cue ending in "to", is no part of the content.
fn skip_addressee(doc: &Doc<'_>, d: &mut Draft) {
    let cue = d.cue;
    let tells = is_in(
        &[
            "told", "tell", "tells", "telling", "assured", "assures", "reminded", "informed",
            "warned",
        ],
        word_at(doc, cue.1.saturating_sub(1)),
    );
    // "wrote in a note to | clients that demand ...": after a cue that ends with "to", the
    // addressee (up to three words) stands before the complementizer.
    // Only after verbs of saying: after others ("point to | technology that ...") "that" is a
    // relative pronoun in the content.
    let to = word_at(doc, cue.1.saturating_sub(1)).eq_ignore_ascii_case("to")
        && (cue.0..cue.1).any(|k| is_in(SAYING_TO, word_at(doc, k)));
    for c in d.content.iter_mut() {
        if tells && c.0 == cue.1 && c.1 > c.0 + 2 && is_in(ADDRESSEES, word_at(doc, c.0)) {
            c.0 += 1;
        }
        if to && c.0 == cue.1 {
            let that = (c.0 + 1..c.1.min(c.0 + 4)).find(|&k| word_at(doc, k) == "that");
            let plain = |k: usize| {
                doc.tokens
                    .get(k)
                    .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
                    && !finite_word(doc, k)
            };
            if let Some(k) = that.filter(|&k| (c.0..k).all(plain) && k + 1 < c.1) {
                c.0 = k;
            }
        }
    }
}

/// Verbs of saying whose addressee follows "to" ("wrote in a note to clients that",
/// "explained to investors that").
const SAYING_TO: &[&str] = &[
    "wrote",
    "write",
    "writes",
    "writing",
    "explained",
    "explains",
    "said",
    "says",
    "complained",
    "confided",
    "admitted",
    "conceded",
    "announced",
    "suggested",
    "mentioned",
    "stressed",
    "emphasized",
    "emphasised",
    "repeated",
    "confirmed",
    "insisted",
    "argued",
    "pledged",
    "promised",
    "declared",
    "signaled",
    "signalled",
    "boasted",
];

/// Prepositions that open a circumstance of the reporting frame between the cue and its
/// complement ("said in a statement that", "said during a rally in Ohio that").
const FRAME_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "during", "from", "after", "before", "with", "via", "through",
];

/// Object pronouns: the addressee of a cue ("asking her, “...”", "warned them that").
const OBJECT_PRONOUNS: &[&str] = &["her", "him", "them", "us", "me", "you"];

/// "said in a statement that ...", "asking her, “...”": a content that opens right after the
/// cue with a circumstance (a prepositional phrase) or an object pronoun before a complementizer
/// "that" or an opening quotation mark starts at the complementizer or the quotation.
fn skip_frame_circumstance(doc: &Doc<'_>, v: &[TokView], is_cue: &[bool], d: &mut Draft) {
    const MAX_GAP: usize = 10;
    let cue = d.cue;
    for c in d.content.iter_mut() {
        if c.0 != cue.1 || v.get(c.0).is_none_or(|t| t.in_quote) {
            continue;
        }
        let first = word_at(doc, c.0);
        let pronoun = is_in(OBJECT_PRONOUNS, first);
        if !(pronoun || is_in(FRAME_PREPOSITIONS, first)) {
            continue;
        }
        let limit = c.1.min(c.0 + MAX_GAP + 1);
        let Some(k) = (c.0 + 1..limit).find(|&k| {
            let w = word_at(doc, k);
            w == "that" || v.get(k).is_some_and(|t| t.quote != QuoteMark::None)
        }) else {
            continue;
        };
        // The words between are a phrase, not a clause: no other cue, no quotation, and for a
        // pronoun only punctuation (the addressee alone).
        if (c.0..k).any(|i| is_cue.get(i).copied().unwrap_or(true))
            || pronoun && (c.0 + 1..k).any(|i| word_at(doc, i).chars().any(char::is_alphanumeric))
        {
            continue;
        }
        if k + 1 < c.1 {
            c.0 = k;
        }
    }
}

/// Boundary repairs of the tagger's content: a one-word gap right after the cue ("told
/// reporters the ..." keeps "the"), a left content that starts a few words into its sentence
/// (it starts the sentence), and a right content cut at a nested cue (it runs on to the end of
/// the sentence).
fn fix_content_edges(
    doc: &Doc<'_>,
    v: &[TokView],
    is_cue: &[bool],
    sent: std::ops::Range<usize>,
    d: &mut Draft,
) {
    let word = |i: usize| {
        v.get(i)
            .is_some_and(|t| t.shape != 4 && t.quote == QuoteMark::None)
    };
    let cue = d.cue;
    let text = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let in_source = |i: usize| d.source.iter().any(|s| s.0 <= i && i < s.1);
    for c in d.content.iter_mut() {
        // "told reporters the water had ...": after a one-word addressee the content starts
        // with the next word, not somewhere later.
        if c.0 > cue.1 + 1
            && c.0 <= cue.1 + 4
            && is_in(ADDRESSEES, text(cue.1))
            && (cue.1..c.0)
                .all(|i| word(i) && !in_source(i) && !is_cue.get(i).copied().unwrap_or(true))
        {
            c.0 = cue.1 + 1;
        }
        if c.0 >= cue.1 {
            // A day is the frame's ("said Friday | it could ..."), not the content's.
            let time_word =
                is_weekday(text(cue.1)) || is_in(&["yesterday", "today", "tonight"], text(cue.1));
            if c.0 == cue.1 + 1
                && word(cue.1)
                && !time_word
                && !is_cue.get(cue.1).copied().unwrap_or(true)
                && !is_in(ADDRESSEES, text(cue.1))
            {
                // Only when the skipped word is not part of the source.
                if !d.source.iter().any(|s| s.0 <= cue.1 && cue.1 < s.1) {
                    c.0 = cue.1;
                }
            }
        } else if c.1 <= cue.0
            && c.0 > sent.start
            && (sent.start..c.0).all(word)
            && (c.0 <= sent.start + 3 || word(c.0) && (c.1..cue.0).any(|i| text(i) == ","))
        {
            c.0 = sent.start;
        }
    }
    skip_addressee(doc, d);
    skip_frame_circumstance(doc, v, is_cue, d);
    // A determiner left out before the content ("told reporters | the water ...").
    for c in d.content.iter_mut() {
        while c.0 > sent.start
            && !is_cue.get(c.0 - 1).copied().unwrap_or(true)
            && doc.tokens.get(c.0 - 1).is_some_and(|t| {
                let w = t.span.slice(doc.text);
                DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
                    || [
                        "his", "her", "its", "their", "our", "some", "no", "any", "every", "each",
                    ]
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(w))
            })
        {
            c.0 -= 1;
        }
    }
    let nested = |i: usize| is_cue.get(i).copied().unwrap_or(false);
    // "The mayor is expected to | approve the budget, aides said.": a left content cut right
    // after a nested cue (and its "to") starts the sentence, holding the nested attribution.
    for c in d.content.iter_mut() {
        let after_to = c.0 > 0 && text(c.0 - 1).eq_ignore_ascii_case("to");
        let cue_end = if after_to { c.0 - 1 } else { c.0 };
        if c.1 <= cue.0
            && cue_end > sent.start
            && nested(cue_end - 1)
            && (sent.start..cue_end).all(|i| v.get(i).is_some_and(|t| t.quote == QuoteMark::None))
        {
            c.0 = sent.start;
        }
    }
    if let Some(last) = d.content.iter_mut().max_by_key(|c| c.1) {
        if last.0 >= cue.1 && last.1 < sent.end && (nested(last.1) || nested(last.1 - 1)) {
            // On to the sentence end, or to an appositive (", a statement that ...").
            let mut e = sent.end;
            for j in last.1..sent.end {
                let is_comma = doc
                    .tokens
                    .get(j)
                    .is_some_and(|t| t.span.slice(doc.text) == ",");
                let after = if v.get(j + 1).is_some_and(|t| t.quote != QuoteMark::None) {
                    j + 2
                } else {
                    j + 1
                };
                let appositive = doc.tokens.get(after).is_some_and(|t| {
                    matches!(t.span.slice(doc.text), "a" | "an" | "which" | "who")
                });
                if is_comma && appositive {
                    e = j;
                    break;
                }
            }
            while e > last.1
                && v.get(e - 1)
                    .is_some_and(|t| t.shape == 4 && t.quote == QuoteMark::None)
            {
                e -= 1;
            }
            last.1 = e.max(last.1);
        }
    }
}

/// Words that open a predicate besides the auxiliaries ("... , can still reopen").
const PREDICATE_STARTS: &[&str] = &[
    "can", "may", "might", "should", "must", "remains", "remained", "needs", "needed", "wants",
    "plans", "faces", "is", "are", "has", "have", "had", "was", "were", "will", "would", "could",
];

/// Relative pronouns that open a clause set off by commas.
const RELATIVES: &[&str] = &["which", "who", "whose", "whom", "where"];

/// "said the bridge, which closed in March, will reopen": a content whose subject is followed
/// by a relative clause set off by commas runs on over the clause to the rest of its own
/// clause. The tagger cuts such a content at the first comma (keeping only the subject) or
/// starts it after the second (keeping only the predicate); both are mended here.
fn bridge_relative_clause(
    doc: &Doc<'_>,
    v: &[TokView],
    is_cue: &[bool],
    sent: Range<usize>,
    d: &mut Draft,
) {
    let cue_end = d.cue.1;
    let cue_at = |i: usize| is_cue.get(i).copied().unwrap_or(true);
    // The comma that closes the relative clause opened by the comma at `open`.
    let close_of = |open: usize| -> Option<usize> {
        if word_at(doc, open) != "," || !is_in(RELATIVES, word_at(doc, open + 1)) {
            return None;
        }
        (open + 2..sent.end.min(open + 25))
            .take_while(|&j| !cue_at(j) && word_at(doc, j) != ";")
            .find(|&j| word_at(doc, j) == ",")
    };
    let mut end = sent.end;
    while end > cue_end
        && v.get(end - 1)
            .is_some_and(|t| t.shape == 4 && t.quote == QuoteMark::None)
    {
        end -= 1;
    }
    let in_source = |i: usize| d.source.iter().any(|s| s.0 <= i && i < s.1);
    // The clause goes on with its verb ("will reopen", "remained", "had been approved"), not
    // with a participle, a preposition or another noun phrase.
    let predicate = |i: usize| {
        let w = word_at(doc, i);
        is_in(AUXILIARIES, w)
            || is_in(PREDICATE_STARTS, w)
            || w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
    };
    let Some(k) = d
        .content
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0 >= cue_end)
        .min_by_key(|(_, c)| c.0)
        .map(|(k, _)| k)
    else {
        return;
    };
    let c = d.content[k];
    // The subject kept alone: "the bridge" | ", which closed in March," | "will reopen".
    if c.1 - c.0 <= 6 {
        if let Some(close) = close_of(c.1) {
            let rest_free = (close + 1..end).all(|j| !cue_at(j) && !in_source(j));
            if close + 1 < end && rest_free && predicate(close + 1) {
                d.content[k].1 = end;
                d.content
                    .retain(|x| x.0 < cue_end || x.0 <= c.0 || x.0 >= end);
                return;
            }
        }
    }
    // The predicate kept alone: its subject and the clause before it come back, from the
    // first word after the cue (or after a one-word addressee of "told"). The comma that
    // closes the clause lies right before the content, or before the auxiliaries the content
    // left out ("had | been approved").
    let comma = (c.0.saturating_sub(4)..c.0).rev().find(|&q| {
        word_at(doc, q) == ","
            && predicate(q + 1)
            && (q + 1..c.0).all(|j| is_in(CUE_AUXILIARIES, word_at(doc, j)))
    });
    if let Some(q) = comma {
        let c = (q + 1, c.1);
        let mut start = cue_end;
        if is_in(ADDRESSEES, word_at(doc, start)) && start + 1 < c.0 {
            start += 1;
        }
        let subject_end = (start + 1..c.0.min(start + 7)).find(|&p| close_of(p) == Some(c.0 - 1));
        if let Some(p) = subject_end {
            let free = (start..p).all(|j| {
                !cue_at(j) && !in_source(j) && v.get(j).is_some_and(|t| t.quote == QuoteMark::None)
            });
            if free {
                d.content[k].0 = start;
            }
        }
    }
}

/// A content after its cue stops before a trailing ", according to X" or ", citing X" (an
/// "according to X" also without the comma when it closes the content): that
/// attribution holds this one ("Trump responded that he would ..., according to people briefed
/// on the conversation"), it is not part of what was said. It also stops before a coordinated
/// clause with its own named subject (", and North Korea has ..."), and before a short source
/// and a one-word cue that close the sentence (", Bloomberg reported.").
fn cut_trailing_attribution(doc: &Doc<'_>, is_cue: &[bool], d: &mut Draft) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let cue_end = d.cue.1;
    for c in d.content.iter_mut().filter(|c| c.0 >= cue_end) {
        let cut = (c.0 + 1..c.1).find(|&j| {
            is_cue.get(j).copied().unwrap_or(false)
                && (word(j).eq_ignore_ascii_case("according")
                    || word(j).eq_ignore_ascii_case("citing"))
                && (word(j - 1) == ","
                    || j >= 2 && word(j - 2) == "," && is_quote(word(j - 1))
                    // "... six million visitors according to the event website.": with no
                    // comma, when the phrase closes the content.
                    || word(j).eq_ignore_ascii_case("according") && c.1 - j <= 13)
        });
        // ", and North Korea has ...": a new clause with its own named subject, coordinated
        // after the reported one, is the quoting speaker's again.
        let clause = (c.0 + 2..c.1.saturating_sub(2)).find(|&j| {
            word(j - 1) == ","
                && matches!(word(j), "and" | "but")
                && word(j + 1).chars().next().is_some_and(char::is_uppercase)
                && !is_in(&["I", "He", "She", "We", "They", "It"], word(j + 1))
        });
        // "it expected a loss, Bloomberg reported.": a short source and its cue closing the
        // sentence frame this content; they are not part of it.
        // The cue may be of several tokens (", Bloomberg has reported.").
        let frame = (c.0 + 1..c.1).find(|&k| {
            let cue_at = |i: usize| is_cue.get(i).copied().unwrap_or(false);
            word(k) == ","
                && (word(k + 1).starts_with(char::is_uppercase) || is_in(DETERMINERS, word(k + 1)))
                && (k + 2..(k + 2 + MAX_FRAME_SOURCE).min(c.1)).any(|m| {
                    let mut e = m;
                    while e < c.1 && cue_at(e) {
                        e += 1;
                    }
                    cue_at(m) && !(k + 1..m).any(cue_at) && all_punct(doc, e..c.1)
                })
        });
        if let Some(j) = cut.or(clause).or(frame) {
            let mut e = j;
            while e > c.0 && word(e - 1) == "," {
                e -= 1;
            }
            c.1 = e;
        }
    }
    d.content.retain(|c| c.0 < c.1);
}

/// `CONTENT, SOURCE reported.` with an unquoted content: a cue that closes its sentence, right
/// after its source, which follows a comma, reports the whole clause before the comma
/// ("Shares of Acme fell after the company said it expected a loss, Bloomberg reported." gave
/// Bloomberg the content "expected a loss").
fn final_frame_content(doc: &Doc<'_>, sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    let [(s0, s1)] = d.source[..] else {
        return;
    };
    // The frame may go on with a time phrase and a chain (", CNN reported Saturday, citing
    // people familiar with the matter.").
    let mut t = b;
    while t < sent.end
        && t < b + 4
        && (FRAME_TIME_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_at(doc, t)))
            && word_at(doc, t) != "."
            || is_weekday(word_at(doc, t))
            || crate::time::lexicon::is_calendar_word(word_at(doc, t)))
    {
        t += 1;
    }
    let chain = word_at(doc, t) == ","
        && (word_at(doc, t + 1).eq_ignore_ascii_case("citing")
            || word_at(doc, t + 1).eq_ignore_ascii_case("according")
                && word_at(doc, t + 2).eq_ignore_ascii_case("to"));
    if !(all_punct(doc, t..sent.end) || chain)
        || s1 != a
        || s0 < sent.start + 3
        || word_at(doc, s0 - 1) != ","
        || s1 - s0 > MAX_FRAME_SOURCE + 1
    {
        return;
    }
    let start = skip_open_quotes(doc, sent.start, s0 - 1);
    if start + 2 < s0 - 1 {
        d.content = vec![(start, s0 - 1)];
    }
}

/// Longest source, in tokens, of a frame that closes a sentence (", the Morning Ledger
/// reported.") besides one more for a final-frame source.
const MAX_FRAME_SOURCE: usize = 4;

/// Whether every token of `r` is punctuation (true for an empty range).
fn all_punct(doc: &Doc<'_>, r: Range<usize>) -> bool {
    r.into_iter().all(|i| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Punct)
    })
}

/// The first token from `start` (below `end`) that is no opening quotation mark.
fn skip_open_quotes(doc: &Doc<'_>, mut start: usize, end: usize) -> usize {
    while start < end && is_open_quote(word_at(doc, start)) {
        start += 1;
    }
    start
}

/// Whether `w` is a quotation mark that can open a quotation (straight or curly, double or
/// single).
fn is_open_quote(w: &str) -> bool {
    matches!(w, "\"" | "'" | "\u{201C}" | "\u{2018}")
}

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "\u{201D}" | "\u{2019}" | "'")
}

/// `"My hope," Carter said, "is that ..."`: a cue set off by commas in the middle of its
/// sentence interrupts the content, whose first part runs from the sentence start to the comma
/// before the source (or the cue).
fn add_interrupted_start(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let (a, b) = d.cue;
    let has_right = d.content.iter().any(|c| c.0 >= b);
    let has_left = d.content.iter().any(|c| c.1 <= a);
    if !has_right || has_left {
        return;
    }
    let left_end = d
        .source
        .iter()
        .map(|s| s.0)
        .filter(|&s| s < a)
        .min()
        .unwrap_or(a);
    // The comma before the speaker, maybe after a closing quotation mark.
    let mut p = left_end;
    if p > sent.start && is_quote(word(p - 1)) {
        p -= 1;
    }
    if p <= sent.start + 1 || word(p - 1) != "," {
        return;
    }
    let comma = p - 1;
    // ... and a comma right after the cue (or after a speaker that follows it).
    let right_start = d
        .source
        .iter()
        .filter(|s| s.0 >= b)
        .map(|s| s.1)
        .max()
        .unwrap_or(b);
    if word(right_start) != "," {
        return;
    }
    if (sent.start..comma).any(|i| is_cue.get(i).copied().unwrap_or(true)) {
        return;
    }
    d.content.insert(0, (sent.start, comma));
}

/// The end of a clause that runs from `start` to the sentence end `end`, less the punctuation
/// that closes the sentence (a closing quotation mark stays).
fn clause_end(doc: &Doc<'_>, start: usize, mut end: usize) -> usize {
    while end > start
        && doc.tokens.get(end - 1).is_some_and(|t| {
            t.kind == crate::segment::TokenKind::Punct && !is_quote(t.span.slice(doc.text))
        })
    {
        end -= 1;
    }
    end
}

/// "According to the company, sales rose ...": an "according to" that opens its sentence
/// attributes the whole clause after the comma that closes its source, cues in it and all.
fn according_to_first(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if a != sent.start || !word_at(doc, a).eq_ignore_ascii_case("according") {
        return;
    }
    // The comma after the source: after the tagger's source when it holds an apposition
    // ("According to the team's coach, Alireza Mehraban, ...").
    let after_source = d
        .source
        .first()
        .filter(|s| s.0 >= b)
        .and_then(|s| (s.1..sent.end.min(s.1 + 3)).find(|&i| word_at(doc, i) == ","));
    let Some(mut comma) =
        after_source.or_else(|| (b..sent.end.min(b + 12)).find(|&i| word_at(doc, i) == ","))
    else {
        return;
    };
    // "According to the team's coach, Alireza Mehraban, ...": a name set off by commas after
    // a role noun is the source's apposition (after "an FBI summary", it is the clause's
    // subject).
    let described = comma > b
        && (is_in(ROLE_NOUNS, word_at(doc, comma - 1))
            || is_in(PERSON_ROLES, word_at(doc, comma - 1)));
    if described {
        let name_end = (comma + 1..sent.end.min(comma + 6)).find(|&i| !capitalised_word(doc, i));
        // A list goes on after the comma ("the coach, Smith, Jones and Lee were ..."): no
        // apposition.
        let list =
            |k: usize| capitalised_word(doc, k + 1) || is_in(&["and", "or"], word_at(doc, k + 1));
        if let Some(k) = name_end.filter(|&k| k > comma + 1 && word_at(doc, k) == "," && !list(k)) {
            if d.source.first().is_some_and(|s| s.1 == comma) {
                d.source = vec![(d.source[0].0, k)];
            }
            comma = k;
        }
    }
    let end = clause_end(doc, comma + 1, sent.end);
    if end <= comma + 1 {
        return;
    }
    // "According to a CNN report citing unnamed officials,": the source ends at a cue of its
    // own (the chain's next link).
    let cue_in_source = (b..comma).find(|&i| is_cue.get(i).copied().unwrap_or(false));
    if d.source.is_empty() || cue_in_source.is_some() {
        let source_end = cue_in_source.unwrap_or(comma);
        if source_end > b {
            d.source = vec![(b, source_end)];
        }
    }
    // The clause may hold cues of its own ("According to the Post, officials said ..."):
    // attributions nested in this one.
    d.content = vec![(comma + 1, end)];
}

/// "The company, according to two people briefed on the plan, will cut 500 jobs.": an
/// "according to" set off by commas between a subject and its verb attributes the clause
/// around it: the words before the first comma and those after the second.
fn according_to_middle(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if a <= sent.start + 1
        || !word_at(doc, a).eq_ignore_ascii_case("according")
        || word_at(doc, a - 1) != ","
    {
        return;
    }
    // The words after the parenthetical open the subject's verb ("will cut", "planned");
    // otherwise the commas set off an apposition or another clause.
    let Some((comma, end)) = clause_after_parenthetical(doc, is_cue, b, &sent) else {
        return;
    };
    let free = |r: Range<usize>| r.clone().all(|i| !is_cue.get(i).copied().unwrap_or(true));
    let has_words = |r: Range<usize>| r.clone().any(|i| has_word(doc, (i, i + 1)));
    // The subject opens the sentence or follows "that" or another cue ("reported that the
    // company, according to ..., planned").
    let start = (sent.start..a - 1)
        .rev()
        .find(|&i| {
            word_at(doc, i).eq_ignore_ascii_case("that") || is_cue.get(i).copied().unwrap_or(true)
        })
        .map_or(sent.start, |i| i + 1);
    // The words before are the subject (no verb).
    let subject = a - 1 > start
        && a - 1 - start <= 10
        && (start..a - 1).all(|i| !finite_word(doc, i) && !clause_word(doc, i));
    if !subject || !free(start..a - 1) || !has_words(start..a - 1) || !has_words(comma + 1..end) {
        return;
    }
    if comma > b {
        d.source = vec![(b, comma)];
    }
    d.content = vec![(start, a - 1), (comma + 1, end)];
}

/// True when token `i` can open a predicate: a finite verb, an auxiliary or a lowercase -ed
/// form ("will cut", "planned").
fn opens_predicate(doc: &Doc<'_>, i: usize) -> bool {
    let w = word_at(doc, i);
    let lower_word = !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase());
    finite_word(doc, i)
        || lower_word && (is_in(CUE_AUXILIARIES, w) || w.len() > 3 && w.ends_with("ed"))
}

/// "reported that the company, according to an internal memo, planned layoffs": a content that
/// stops at the comma before an "according to" parenthetical goes on after it, when the words
/// after the parenthetical carry on the clause with its verb.
fn content_over_according(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let Some(&(_, e)) = d.content.last() else {
        return;
    };
    if e + 2 >= sent.end
        || word_at(doc, e) != ","
        || !word_at(doc, e + 1).eq_ignore_ascii_case("according")
        || e < d.cue.0
    {
        return;
    }
    if let Some((comma, end)) = clause_after_parenthetical(doc, is_cue, e + 2, &sent) {
        d.content.push((comma + 1, end));
    }
}

/// The rest of a clause after a parenthetical that starts at token `from` ("according to an
/// internal memo, | planned layoffs"): the comma that closes the parenthetical (within 12
/// tokens) and the clause end, when the words after that comma open a predicate
/// ([`opens_predicate`]) and hold no cue.
fn clause_after_parenthetical(
    doc: &Doc<'_>,
    is_cue: &[bool],
    from: usize,
    sent: &Range<usize>,
) -> Option<(usize, usize)> {
    let comma = (from..sent.end.min(from + 12)).find(|&i| word_at(doc, i) == ",")?;
    if comma + 1 >= sent.end || !opens_predicate(doc, comma + 1) {
        return None;
    }
    let end = clause_end(doc, comma + 1, sent.end);
    let free = (comma + 1..end).all(|i| !is_cue.get(i).copied().unwrap_or(true));
    (end > comma + 1 && free).then_some((comma, end))
}

/// "Trump responded that he would look into it, according to people briefed on the talks.":
/// an "according to" set off by a comma at the sentence end attributes the whole clause before
/// it, from the sentence start (any attribution in that clause is nested in this one).
fn according_to_last(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if a <= sent.start + 2 || !word_at(doc, a).eq_ignore_ascii_case("according") {
        return;
    }
    // The comma (maybe followed by a closing quotation mark) right before the cue.
    let mut e = a;
    while e > sent.start && is_quote(word_at(doc, e - 1)) {
        e -= 1;
    }
    if e <= sent.start || word_at(doc, e - 1) != "," {
        return;
    }
    e -= 1;
    // The source runs on to the sentence end, with no cue after this one.
    if (b..sent.end).any(|i| is_cue.get(i).copied().unwrap_or(true)) {
        return;
    }
    // A fallback content that is the source itself (the tagger found none) is no content.
    let source = d.source.clone();
    d.content
        .retain(|c| !source.iter().any(|s| s.0 <= c.0 && c.1 <= s.1));
    if d.content.len() > 1 || d.content.iter().any(|c| c.1 > a) {
        return;
    }
    // The content keeps a closing quotation mark (and the comma inside it), as the tagger's
    // contents do; a bare comma before the cue is no part of it.
    if e + 1 < a {
        e = a;
    }
    // A content the tagger started right after a punctuation mark other than an opening
    // quotation mark ("Still, | ...", "( | ...") keeps its start: what comes before is a
    // sentence adverb or another phrase.
    let start = match d.content.first() {
        Some(c) if c.0 < sent.start => c.0,
        Some(c)
            if c.0 > sent.start
                && doc.tokens.get(c.0 - 1).is_some_and(|t| {
                    t.kind == crate::segment::TokenKind::Punct
                        && !is_open_quote(t.span.slice(doc.text))
                }) =>
        {
            c.0
        }
        _ => sent.start,
    };
    if e > start + 1 {
        d.content = vec![(start, e)];
    }
}

/// "This year the city expects six million visitors according to the event website.": an
/// "according to" with no comma before it, near the sentence end, where the tagger took the
/// words before the cue for its source and the words after it for its content. The words after
/// "according to" are the source (they run to the sentence end and hold no cue), and the
/// clause before is the content, from the sentence start (a cue inside it is nested in this
/// attribution).
fn according_to_swapped(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    if a <= sent.start + 2
        || !word_at(doc, a).eq_ignore_ascii_case("according")
        || word_at(doc, a - 1) == ","
    {
        return;
    }
    let before = !d.source.is_empty() && d.source.iter().all(|s| s.1 <= a);
    let after = !d.content.is_empty() && d.content.iter().all(|c| c.0 >= b);
    if !before || !after {
        return;
    }
    // The source runs on to the sentence end (its closing punctuation left out).
    let end = clause_end(doc, b, sent.end);
    if end <= b || end - b > 12 || (b..sent.end).any(|i| is_cue.get(i).copied().unwrap_or(true)) {
        return;
    }
    d.source = vec![(b, end)];
    d.content = vec![(sent.start, a)];
}

/// Verbs that take an addressee and an infinitive: "told customers to hold the phone".
const DIRECTIVE_VERBS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "urged",
    "urge",
    "urges",
    "urging",
    "asked",
    "ask",
    "asks",
    "asking",
    "warned",
    "warn",
    "warns",
    "advised",
    "advises",
    "ordered",
    "orders",
    "instructed",
    "encouraged",
    "encourages",
    "reminded",
    "reminds",
    "implored",
    "begged",
];

/// Words after "to" that open no infinitive ("told it to everybody").
const NOT_A_VERB_AFTER_TO: &[&str] = &[
    "everybody",
    "anybody",
    "everyone",
    "anyone",
    "someone",
    "somebody",
    "nobody",
    "all",
    "each",
    "both",
    "some",
    "any",
    "my",
    "your",
    "our",
    "it",
    "no",
    "one",
];

/// "Earlier, on June 24, Apple told customers to hold the phone differently.": after a verb of
/// telling or urging, its addressee (at most five words, no punctuation) and "to" with a
/// lowercase verb, the infinitive is the content, up to the sentence end or the next cue.
/// Applies when the tagger found no content after the cue; a content it found before the source
/// is then kept only when it is no adverbial ([`adjunct_words`]: "Earlier, on June 24").
fn directive_content(doc: &Doc<'_>, is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let (_, b) = d.cue;
    if b == 0 || !is_in(DIRECTIVE_VERBS, word_at(doc, b - 1)) || d.content.iter().any(|c| c.1 > b) {
        return;
    }
    let Some(to) = (b + 1..(b + 6).min(sent.end)).find(|&i| word_at(doc, i) == "to") else {
        return;
    };
    // The addressee is a noun phrase: words, no cue, no preposition ("told Yahoo News in
    // response to a question" has none).
    let addressee_words = (b..to).all(|i| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
            && !is_cue.get(i).copied().unwrap_or(true)
            && !is_in(FRAME_PREPOSITIONS, word_at(doc, i))
            && !is_in(OTHER_PREPOSITIONS, word_at(doc, i))
    });
    // "to" opens an infinitive: a lowercase word after it that is no determiner ("to a
    // question") and no pronoun ("told it to everybody").
    let verb = word_at(doc, to + 1);
    if !addressee_words
        || verb.is_empty()
        || !verb.bytes().all(|c| c.is_ascii_lowercase())
        || is_in(DETERMINERS_BEFORE, verb)
        || is_in(OBJECT_PRONOUNS, verb)
        || is_in(NOT_A_VERB_AFTER_TO, verb)
    {
        return;
    }
    let stop = (to + 1..sent.end)
        .find(|&i| is_cue.get(i).copied().unwrap_or(true))
        .unwrap_or(sent.end);
    let end = clause_end(doc, to, stop);
    if end <= to + 1 {
        return;
    }
    let src = d.source.iter().map(|s| s.0).min().unwrap_or(d.cue.0);
    d.content
        .retain(|&(a, e)| !(e <= src && adjunct_tokens(doc, a..e)));
    d.content.push((to, end));
}

/// "A spokesman declined to comment.": a refusal to comment states nothing; the attribution
/// keeps its source and cue but has no content (so no claim). The cue ends with a form of
/// "decline" or "refuse" and the content opens with "to comment", or the cue runs on over "to
/// comment" (it is cut back to the verb).
fn refusal_to_comment(doc: &Doc<'_>, d: &mut Draft) -> bool {
    let (a, b) = d.cue;
    let Some(verb) = (a..b).find(|&i| refusal_word(word_at(doc, i))) else {
        return false;
    };
    let to_comment = |i: usize| {
        word_at(doc, i).eq_ignore_ascii_case("to")
            && word_at(doc, i + 1).eq_ignore_ascii_case("comment")
    };
    // "also refused to comment on | the lawsuit": the cue ends before "to comment".
    if to_comment(verb + 1) && verb + 1 < b {
        d.cue.1 = verb + 1;
        return true;
    }
    verb + 1 == b && d.content.first().is_some_and(|c| to_comment(c.0))
}

/// Nouns that name a statement itself: an appositive headed by one of them comments on the
/// attribution ("..., a statement that surprised many") rather than continuing its content.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "remark",
    "remarks",
    "comment",
    "comments",
    "claim",
    "assertion",
    "promise",
    "pledge",
    "message",
    "announcement",
    "admission",
    "warning",
    "declaration",
    "vow",
];

/// "The council said that rents would fall, a promise that few believed.": a content after
/// its cue ends before a closing appositive on the statement itself (a comma, maybe a closing
/// quotation mark, then "a"/"an", a statement noun within two words and a relative
/// "that"/"which" right after it). PolNeAR keeps other closing appositives ("..., a move
/// that ...") in the content, and so does this rule.
fn cut_closing_appositive(doc: &Doc<'_>, v: &[TokView], d: &mut Draft) {
    let cue_end = d.cue.1;
    let (Some(first), Some(last)) = (d.content.iter().find(|c| c.0 >= cue_end), d.content.last())
    else {
        return;
    };
    // The tagger may have left the appositive's head out, splitting the content in two
    // fragments around it: the gaps between fragments count too.
    let (from, to) = (first.0, last.1);
    for j in from + 1..to {
        if word_at(doc, j) != "," {
            continue;
        }
        let mut k = j + 1;
        if is_quote(word_at(doc, k)) {
            k += 1;
        }
        if !matches!(word_at(doc, k), "a" | "an") || v.get(k).is_none_or(|t| t.in_quote) {
            continue;
        }
        let noun = (k + 1..(k + 3).min(to)).find(|&i| is_in(STATEMENT_NOUNS, word_at(doc, i)));
        if noun.is_some_and(|n| matches!(word_at(doc, n + 1), "that" | "which")) {
            // A closing quotation mark after the comma stays with the content it closes.
            let cut = if k > j + 1 { k } else { j };
            d.content.retain(|c| c.0 < cut || c.1 <= from);
            if let Some(c) = d.content.iter_mut().find(|c| c.0 < cut && cut < c.1) {
                c.1 = cut;
            }
            return;
        }
    }
}

/// A word of refusal: a form of "decline" or "refuse" ("declined", "refusal"), in any case.
pub(crate) fn refusal_word(w: &str) -> bool {
    let starts = |p: &str| w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts("declin") || starts("refus")
}

/// A content after its cue that stops right before a preposition ("open to talks | with Kim
/// ...") runs on over the prepositional phrase, to the next punctuation mark, when that is
/// near and no cue stands in between.
fn finish_phrase(doc: &Doc<'_>, v: &[TokView], is_cue: &[bool], sent: Range<usize>, d: &mut Draft) {
    let cue_end = d.cue.1;
    let Some(last) = d
        .content
        .iter_mut()
        .filter(|c| c.0 >= cue_end)
        .max_by_key(|c| c.1)
    else {
        return;
    };
    if last.1 >= sent.end
        || !is_in(
            &[
                "with", "to", "for", "of", "on", "in", "about", "from", "without",
            ],
            word_at(doc, last.1),
        )
    {
        return;
    }
    let mut e = last.1;
    while e < sent.end && e < last.1 + 10 {
        let Some(t) = v.get(e) else { return };
        if is_cue.get(e).copied().unwrap_or(true) {
            return;
        }
        if t.shape == 4 && t.quote == QuoteMark::None {
            break;
        }
        e += 1;
    }
    if e < sent.end && e < last.1 + 10 {
        last.1 = e;
    }
}

/// Words that end the agent of a passive cue ("by the ministry | on Monday"), besides weekday
/// names.
const AGENT_END: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "for",
    "to",
    "with",
    "after",
    "before",
    "that",
    "as",
    "and",
    "but",
    "while",
    "when",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
];

/// "The plan was announced by the ministry on Monday": the agent after "by" is the source of
/// a passive cue, and it is no part of the content.
fn passive_agent(doc: &Doc<'_>, sent: Range<usize>, d: &mut Draft) {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let (a, b) = d.cue;
    let head = word(b.saturating_sub(1));
    let passive =
        (a..b).any(|i| is_in(BE_FORMS, word(i))) && (head.ends_with("ed") || head.ends_with("en"));
    if !passive || !word(b).eq_ignore_ascii_case("by") || !d.source.iter().all(|s| s.0 >= b) {
        return;
    }
    let start = b + 1;
    let mut end = start;
    while end < sent.end
        && end < start + 8
        && doc
            .tokens
            .get(end)
            .is_some_and(|t| t.kind != crate::segment::TokenKind::Punct)
        && !is_in(AGENT_END, word(end))
        && !is_weekday(word(end))
    {
        end += 1;
    }
    if end == start {
        return;
    }
    d.source = vec![(start, end)];
    for c in d.content.iter_mut() {
        if c.0 < end && start <= c.1 {
            if c.0 >= b {
                // The content after the agent, if any.
                c.0 = end;
            } else {
                c.1 = c.1.min(b);
            }
        }
    }
    d.content.retain(|c| c.0 < c.1);
}

/// One-word addressees of "told", "assured", "warned" and the like.
const ADDRESSEES: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "legislators",
    "supporters",
    "voters",
    "senators",
    "officials",
    "investigators",
    "students",
    "donors",
    "viewers",
    "listeners",
    "readers",
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "congress",
    "colleagues",
    "members",
    "delegates",
    "crowds",
];

/// One attribution in token ranges, before conversion to byte spans.
#[derive(Clone, Debug, Default)]
struct Draft {
    cue: (usize, usize),
    sentence: usize,
    source: Vec<(usize, usize)>,
    content: Vec<(usize, usize)>,
}

/// Quotation regions: token ranges `[open, close]` (marks included) per paragraph, with
/// a flag telling whether the region was left open at the paragraph end.
///
/// A quotation left open at a paragraph end goes on in the next paragraph when that one opens
/// with a quotation mark (news convention, see [`follow`]), or when it has no opening mark but
/// closes one: `said, "We learned a lot.¶It was a long day."`. The closing paragraph's region
/// then starts at its first token.
fn quote_regions(doc: &Doc<'_>, v: &[TokView]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut para = usize::MAX;
    let mut open: Option<usize> = None;
    let mut last = 0usize;
    // The first token of a paragraph whose previous paragraph ended inside a quotation, until
    // the paragraph's first quotation mark is met.
    let mut carried: Option<usize> = None;
    for s in doc.sentences {
        if s.paragraph != para {
            carried = None;
            if let Some(o) = open.take() {
                out.push((o, last, true));
                carried = Some(s.tokens.start);
            }
            para = s.paragraph;
        }
        for i in s.tokens.clone() {
            let Some(t) = v.get(i) else { break };
            last = i;
            if t.quote == QuoteMark::None {
                continue;
            }
            if let Some(first) = carried.take() {
                let closes = match t.quote {
                    QuoteMark::Close => true,
                    QuoteMark::Either => closing_position(doc, i),
                    _ => false,
                };
                if closes && first < i {
                    out.push((first, i, false));
                    continue;
                }
            }
            match (t.quote, open) {
                (QuoteMark::Open, None) | (QuoteMark::Either, None) => open = Some(i),
                (QuoteMark::Close, Some(o)) | (QuoteMark::Either, Some(o)) => {
                    out.push((o, i, false));
                    open = None;
                }
                (QuoteMark::Open, Some(_)) => open = Some(i),
                _ => {}
            }
        }
    }
    if let Some(o) = open {
        out.push((o, last, true));
    }
    out
}

/// Re-reads which words are quoted in the paragraphs where a quotation goes on with no
/// opening mark (see [`quote_regions`]): the token view tracks quotations within a paragraph,
/// so it takes such a paragraph's closing mark for an opening one, and the marks after it the
/// wrong way round.
fn mark_continued_quotes(doc: &Doc<'_>, regions: &[(usize, usize, bool)], v: &mut [TokView]) {
    for &(o, _, _) in regions {
        if v.get(o).is_none_or(|t| t.quote != QuoteMark::None) {
            continue;
        }
        let si = doc.sentences.partition_point(|s| s.tokens.end <= o);
        let Some(para) = doc.sentences.get(si).map(|s| s.paragraph) else {
            continue;
        };
        let end = doc.sentences[si..]
            .iter()
            .take_while(|s| s.paragraph == para)
            .last()
            .map_or(o, |s| s.tokens.end);
        for i in o..end {
            if let Some(t) = v.get_mut(i) {
                t.in_quote = t.quote == QuoteMark::None && in_region(regions, i);
            }
        }
    }
}

/// Whether token `i` lies in one of the quotation `regions` (marks included).
fn in_region(regions: &[(usize, usize, bool)], i: usize) -> bool {
    let k = regions.partition_point(|r| r.1 < i);
    regions.get(k).is_some_and(|r| r.0 <= i)
}

/// Whether the straight quotation mark at token `i` stands where a quotation closes: right
/// after a word or punctuation, and before a space, punctuation or the end of the text.
fn closing_position(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    let before = doc
        .text
        .get(..t.span.start)
        .and_then(|b| b.chars().next_back());
    let after = doc.text.get(t.span.end..).and_then(|a| a.chars().next());
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
}

/// The full tagging of one document.
pub(super) fn tag(
    tagger: &AttributionTagger,
    doc: &Doc<'_>,
    entities: &Entities,
) -> Vec<Attribution> {
    if tagger.cue_model.is_empty() || tagger.role_model.is_empty() || doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut v = Vec::new();
    model::token_view(doc, &tagger.lexicon, &mut v);
    let regions = quote_regions(doc, &v);
    mark_continued_quotes(doc, &regions, &mut v);
    let mut cue_runs = Vec::new();
    find_cues(tagger, doc, &v, &mut cue_runs);
    add_core_cues(doc, &v, &mut cue_runs);
    tidy_cues(doc, &v, &mut cue_runs);
    // "The reported talks have not been independently confirmed": nobody is quoted; the
    // sentence is the article's own statement. Such cues go before the roles are tagged, so
    // that they do not cut the other attributions' contents.
    cue_runs.retain(|&(a, b, _)| !idiomatic_say(doc, (a, b)));
    cue_runs.retain(|&(a, b, si)| {
        let range = doc.sentences.get(si).map_or(a..b, |s| s.tokens.clone());
        !(agentless_passive(doc, range.clone(), (a, b))
            || attributive_participle(doc, (a, b))
            || plural_noun(doc, (a, b))
            || quoted_non_speech(doc, &v, (a, b))
            || goods_not_words(doc, range.end, (a, b))
            || name_part_cue(doc, range.clone(), (a, b)))
    });
    // "It added that North Korea previously rejected outreach ...": inside the that-clause of
    // a speech verb, a verb that is no speech verb itself is the reported event, not a cue.
    cue_runs.retain(|&(a, b, si)| {
        let start = doc.sentences.get(si).map_or(a, |s| s.tokens.start);
        !reported_event(doc, start, (a, b))
    });
    if cue_runs.is_empty() {
        return Vec::new();
    }
    let mut is_cue = vec![false; doc.tokens.len()];
    for &(a, b, _) in &cue_runs {
        for k in is_cue.get_mut(a..b).into_iter().flatten() {
            *k = true;
        }
    }
    let mut drafts = Vec::with_capacity(cue_runs.len());
    let (mut commas, mut cues, mut feats, mut tags) =
        (Vec::new(), Vec::new(), Vec::with_capacity(40), Vec::new());
    let mut counted = usize::MAX;
    for &(a, b, si) in &cue_runs {
        let Some(sent) = doc.sentences.get(si) else {
            continue;
        };
        let range = sent.tokens.clone();
        if counted != si {
            model::prefix_counts(&v, range.clone(), &is_cue, &mut commas, &mut cues);
            counted = si;
        }
        let ctx = CueCtx::new(&v, a, b);
        role_tags(
            tagger,
            &v,
            range.clone(),
            ctx,
            &commas,
            &cues,
            &mut feats,
            &mut tags,
        );
        let mut d = Draft {
            cue: (a, b),
            sentence: si,
            source: trim_source(
                doc,
                &v,
                tidy_source(runs(&tags, range.start, R_SB, R_SI), (a, b)),
                (a, b),
                range.clone(),
            ),
            content: tidy_content(&v, runs(&tags, range.start, R_CB, R_CI), &is_cue),
        };
        role_modifiers(doc, range.clone(), &mut d);
        content_inside_frame(&mut d);
        // "The union filed a complaint, claiming ...": a source before its cue never runs on
        // into another cue; it ends before it.
        for src in d.source.iter_mut().filter(|s| s.1 <= a) {
            if let Some(k) = (src.0 + 1..src.1).find(|&k| is_cue.get(k).copied().unwrap_or(false)) {
                src.1 = k;
            }
        }
        // A content fragment inside the source is the source's.
        let source = d.source.clone();
        d.content
            .retain(|c| !source.iter().any(|s| s.0 <= c.0 && c.1 <= s.1));
        quote_content_edges(doc, &v, &regions, &is_cue, range.clone(), &mut d);
        clause_before_quote(doc, &v, &is_cue, &mut d);
        // A fragment of punctuation alone ("'" before an unclosed quotation) states nothing.
        d.content.retain(|c| has_word(doc, *c));
        if d.content.is_empty() {
            fallback_content(doc, &v, &mut d);
        }
        fix_content_edges(doc, &v, &is_cue, range.clone(), &mut d);
        bridge_relative_clause(doc, &v, &is_cue, range.clone(), &mut d);
        cut_trailing_attribution(doc, &is_cue, &mut d);
        final_frame_content(doc, range.clone(), &mut d);
        add_interrupted_start(doc, &is_cue, range.clone(), &mut d);
        passive_agent(doc, range.clone(), &mut d);
        // "is expected to": an agentless passive names no source (its subject is the content's).
        if passive_without_agent(doc, range.clone(), (a, b)) {
            d.source.clear();
        }
        according_to_first(doc, &is_cue, range.clone(), &mut d);
        according_to_last(doc, &is_cue, range.clone(), &mut d);
        according_to_swapped(doc, &is_cue, range.clone(), &mut d);
        according_to_middle(doc, &is_cue, range.clone(), &mut d);
        content_over_according(doc, &is_cue, range.clone(), &mut d);
        finish_phrase(doc, &v, &is_cue, range.clone(), &mut d);
        directive_content(doc, &is_cue, range.clone(), &mut d);
        apply_layout(doc, &v, &regions, &mut d);
        fix_swapped(&mut d);
        fix_inverted(doc, range.clone(), &mut d);
        inverted_after_quote(doc, range.clone(), &mut d);
        subject_taken_for_content(doc, &v, range.clone(), &mut d);
        subject_before_adjunct(doc, &v, range.clone(), &mut d);
        cut_adjunct_from_source(doc, &v, &mut d);
        subject_before_parenthetical(doc, &v, range.clone(), &mut d);
        name_before_apposition(doc, entities, range.clone(), &mut d);
        extend_quotes(doc, &v, &regions, &is_cue, &mut d);
        // A content never ends with a preposition, article or conjunction ("the plan on |
        // Monday" where the time phrase was left out), nor, outside a quotation, with a comma
        // ("Officials will announce it next month, | two people said"). A preposition before
        // punctuation is a verb's particle and stays ("the government might step in.").
        for c in d.content.iter_mut() {
            while c.1 > c.0 + 1
                && v.get(c.1 - 1).is_some_and(|t| !t.in_quote)
                && (is_in(DANGLING, word_at(doc, c.1 - 1)) && !particle_at(doc, c.1 - 1)
                    || matches!(word_at(doc, c.1 - 1), "," | ";" | ":"))
            {
                c.1 -= 1;
            }
        }
        cut_closing_appositive(doc, &v, &mut d);
        if refusal_to_comment(doc, &mut d) {
            d.content.clear();
        }
        drop_relative_clause_content(doc, &mut d);
        drop_leading_adjunct(doc, &v, &mut d);
        cut_source_before_verb(doc, &mut d);
        trim_source_phrases(doc, &mut d);
        participle_opener(doc, &v, range.clone(), &mut d);
        possessive_source(doc, range.clone(), &mut d);
        subject_with_clause(doc, &v, range.clone(), &mut d);
        d.content.retain(|c| has_word(doc, *c));
        if prepositional_source(doc, &d) || appositive_noun_cue(doc, (a, b)) || label_colon(doc, &d)
        {
            continue;
        }
        split_copula_colon(doc, &mut d);
        drafts.push(d);
    }
    participle_opener_sibling(doc, &v, &mut drafts);
    quotes_after_speaker(doc, &v, &regions, &is_cue, &mut drafts);
    inherit_sources(doc, &mut drafts);
    for d in drafts.iter_mut() {
        finish_name_source(doc, &v, d);
    }
    let mut out: Vec<Attribution> = drafts
        .iter()
        .map(|d| finish(doc, &v, entities, d))
        .collect();
    link_parents(&drafts, &mut out, doc, &v);
    first_person_in_quotes(doc, &drafts, &mut out);
    resolve_without_entities(doc, entities, &mut out);
    resolve_relative_sources(doc, entities, &mut out);
    rewrite_citing(doc, entities, &drafts, &mut out);
    out
}

/// "Two port officials, who asked not to be named because the harbour talks are private, said
/// the government might step in": a content fragment between the source and its cue, when
/// content follows the cue, is a clause that interrupts the frame (here the reason for the
/// anonymity), not what the source says.
fn content_inside_frame(d: &mut Draft) {
    let (a, b) = d.cue;
    let Some(&(_, src_end)) = d.source.first().filter(|s| s.1 <= a) else {
        return;
    };
    if d.content.iter().any(|c| c.0 >= b) {
        d.content.retain(|c| !(c.0 >= src_end && c.1 <= a));
    }
}

/// "In a post on X, opposition | leader Tomas Vik wrote": the words that modify a role noun
/// in a source ("opposition leader", "union spokeswoman", "former foreign minister") when the
/// tagger left them out. A source before its cue that opens with a role noun, or with a name
/// right after one, reaches back over up to three lower-case words to a comma or the sentence
/// start (or a determiner, taken too, when the source opened with the role noun); any other
/// word before them ("angered union spokeswoman Ana Lind") leaves the source as it is.
fn role_modifiers(doc: &Doc<'_>, sent: Range<usize>, d: &mut Draft) {
    let Some(src) = d.source.first_mut().filter(|s| s.1 <= d.cue.0) else {
        return;
    };
    // A role noun in lower case: a capitalised title ("President Obama") is part of a name,
    // and the words before it are seldom its modifiers ("the reason President Obama").
    let role = |k: usize| {
        let w = word_at(doc, k);
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (is_in(ROLE_NOUNS, w) || is_in(PERSON_ROLES, w))
    };
    let head = if role(src.0) {
        src.0
    } else if src.0 > sent.start && role(src.0 - 1) && capitalised_word(doc, src.0) {
        src.0 - 1
    } else {
        return;
    };
    let modifier = |k: usize| {
        let w = word_at(doc, k);
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !w.ends_with("ly")
            && !is_in(DANGLING, w)
            && !is_in(FRAME_PREPOSITIONS, w)
            && !is_in(OBJECT_PRONOUNS, w)
            && !is_in(CLAUSE_SUBJECTS, w)
            && !is_in(OTHER_PREPOSITIONS, w)
            && !is_in(
                &[
                    "that", "who", "which", "said", "says", "told", "is", "was", "has",
                ],
                w,
            )
    };
    let mut a = head;
    while a > sent.start && head - a < 3 && modifier(a - 1) {
        a -= 1;
    }
    if a == head && head == src.0 {
        return;
    }
    // A determiner opens the phrase when the tagger's source began with the role noun; a name
    // right after a role noun it left out needs a comma or the sentence start before them.
    if a > sent.start
        && a < head
        && head == src.0
        && is_in(DETERMINERS, word_at(doc, a - 1))
        && word_at(doc, a - 1) != "that"
    {
        a -= 1;
    } else if a > sent.start && !matches!(word_at(doc, a - 1), "," | ";" | ":" | "(") {
        return;
    }
    src.0 = a;
}

/// "During Prime Minister's Questions, the minister said ...": a one-word cue written with a
/// capital after a capitalised word (or its possessive), in a sentence that is not in title
/// case, is part of a name.
fn name_part_cue(doc: &Doc<'_>, sent: Range<usize>, (a, b): (usize, usize)) -> bool {
    // Words in capitals ("EUROPEANS ASK") are a headline's.
    if b != a + 1
        || a <= sent.start
        || !capitalised_word(doc, a)
        || !word_at(doc, a).chars().any(char::is_lowercase)
    {
        return false;
    }
    let prev = if matches!(word_at(doc, a - 1), "'s" | "\u{2019}s") && a >= sent.start + 2 {
        a - 2
    } else {
        a - 1
    };
    if !capitalised_word(doc, prev) {
        return false;
    }
    // Headlines capitalise every word ("Clinton Says ..."): there the cue is a verb.
    let (mut words, mut caps) = (0usize, 0usize);
    for k in sent {
        if doc
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
        {
            words += 1;
            caps += usize::from(capitalised_word(doc, k));
        }
    }
    caps * 2 < words
}

/// Words that open the clause of a reported statement after a cue's recipient or adjunct:
/// subject pronouns and determiners ("told reporters | the government expected ...", "said on
/// Thursday | he ...").
const CLAUSE_SUBJECTS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "the", "a", "an", "his", "her", "their", "its", "our",
];

/// Prepositions beside [`HEAD_END_PREPOSITIONS`] and [`FRAME_PREPOSITIONS`] whose object a
/// determiner may open ("wrote under | the pseudonym").
const OTHER_PREPOSITIONS: &[&str] = &[
    "under", "without", "behind", "near", "since", "until", "toward", "towards", "upon", "despite",
    "like", "as", "against", "between", "within", "outside", "inside", "beyond",
];

/// "Lars Moen told reporters the government expected "no surprises."": the role tagger let the
/// content start at the quotation, after the clause that leads into it. When the first content
/// fragment after the cue opens a quotation (or starts inside one) and the words between cue
/// and fragment hold no punctuation, no other cue and no line break, the content starts at
/// "that" among them, else at the first subject pronoun or determiner after the first word
/// (the first is the recipient's or adjunct's: "told the Herald | her office had ...").
fn clause_before_quote(doc: &Doc<'_>, v: &[TokView], is_cue: &[bool], d: &mut Draft) {
    let (_, b) = d.cue;
    let Some(c) = d.content.iter_mut().filter(|c| c.0 > b).min_by_key(|c| c.0) else {
        return;
    };
    let opens_quote = v
        .get(c.0)
        .is_some_and(|t| matches!(t.quote, QuoteMark::Open | QuoteMark::Either) || t.in_quote);
    // The opening mark itself may stand outside the fragment.
    let end = if c.0 > b && v.get(c.0 - 1).is_some_and(|t| t.quote != QuoteMark::None) {
        c.0 - 1
    } else {
        c.0
    };
    if !opens_quote || end < b + 2 || end - b > 12 {
        return;
    }
    let plain = (b..end).all(|k| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == crate::segment::TokenKind::Word)
            && !is_cue.get(k).copied().unwrap_or(true)
            && v.get(k).is_some_and(|t| !t.in_quote)
    });
    let one_line = doc
        .tokens
        .get(b)
        .zip(doc.tokens.get(end))
        .and_then(|(x, y)| doc.text.get(x.span.start..y.span.start))
        .is_some_and(|gap| !gap.contains('\n'));
    if !plain || !one_line {
        return;
    }
    let start = (b..end)
        .find(|&k| word_at(doc, k).eq_ignore_ascii_case("that"))
        .or_else(|| {
            // A determiner after a preposition or another determiner is the adjunct's
            // ("wrote under | the pseudonym "...""), not the clause's.
            (b + 1..end).find(|&k| {
                let before = word_at(doc, k - 1).to_ascii_lowercase();
                is_in(CLAUSE_SUBJECTS, word_at(doc, k))
                    && !is_in(HEAD_END_PREPOSITIONS, &before)
                    && !is_in(FRAME_PREPOSITIONS, &before)
                    && !is_in(OTHER_PREPOSITIONS, &before)
                    && !is_in(CLAUSE_SUBJECTS, &before)
            })
        });
    if let Some(start) = start {
        c.0 = start;
    }
}

/// Content fragments the role tagger cut at the wrong place in a direct quotation outside the
/// cue's own words:
/// - a lone opening quotation mark (`"It's a disaster," a resident ... told CNN.`) stands for
///   the whole quotation it opens;
/// - a fragment that starts inside another attribution's cue and runs to the end of the
///   quotation ("has | said he is ready ...,” Ruiz told") starts with the quotation;
/// - a first fragment that runs to the end of a quotation opened right after the cue starts
///   with the quotation (the tagger left its first words to a nested cue's source);
/// - a later fragment opening with a time word and a comma before a quotation ("; and, later,
///   “The tolls ...”") starts at the quotation mark.
fn quote_content_edges(
    doc: &Doc<'_>,
    v: &[TokView],
    regions: &[(usize, usize, bool)],
    is_cue: &[bool],
    sent: Range<usize>,
    d: &mut Draft,
) {
    let (a, b) = d.cue;
    let cue_at = |i: usize| is_cue.get(i).copied().unwrap_or(false);
    for (n, c) in d.content.iter_mut().enumerate() {
        let k = regions.partition_point(|r| r.1 < c.0);
        if let Some(&(o, e, open)) = regions.get(k) {
            let outside = b <= o || a > e;
            if !open && outside && o >= sent.start && o <= c.0 {
                if c.0 == o && c.1 == o + 1 {
                    *c = (o, e + 1);
                    continue;
                }
                if c.0 > o + 1 && cue_at(c.0 - 1) && cue_at(c.0) && c.1 >= e {
                    c.0 = o;
                    continue;
                }
                // 'said in an interview "Everyone told us ..."': a first fragment that runs
                // to the end of a quotation opened right after the cue (or after its comma or
                // colon) starts with the quotation.
                let opens_after_cue = o == b || o == b + 1 && matches!(word_at(doc, b), "," | ":");
                if n == 0 && c.0 > o && c.1 >= e && opens_after_cue {
                    c.0 = o;
                    continue;
                }
            }
        }
        if n > 0 && !v.get(c.0).is_some_and(|t| t.in_quote) {
            let mut i = c.0;
            while i < c.1 && i < c.0 + 3 && is_in(FRAME_TIME_WORDS, word_at(doc, i)) {
                i += 1;
            }
            if i > c.0
                && word_at(doc, i) == ","
                && i + 2 < c.1
                && regions.iter().any(|r| r.0 == i + 1)
            {
                c.0 = i + 1;
            }
        }
    }
}

/// "The central bank raised its | benchmark rate ..., citing ...": a source that ends with an
/// article or possessive has run on into its verb and object; it ends before the verb (a
/// lowercase word in -ed), or else loses the dangling word.
fn cut_source_before_verb(doc: &Doc<'_>, d: &mut Draft) {
    // "The regional airline cancelled dozens of flights, citing ...": a participle adjunct's
    // source that opens the sentence with an article and common nouns ends before the clause's
    // past-tense verb.
    let (a, b) = d.cue;
    let adjunct = a > 0 && word_at(doc, a - 1) == "," && word_at(doc, b - 1).ends_with("ing");
    if let (true, Some(sent), [(s0, s1)]) =
        (adjunct, doc.sentences.get(d.sentence), &mut d.source[..])
    {
        let lowercase_next = word_at(doc, *s0 + 1).starts_with(|c: char| c.is_ascii_lowercase());
        if *s0 == sent.tokens.start
            && *s1 <= a
            && word_at(doc, *s0).eq_ignore_ascii_case("the")
            && lowercase_next
        {
            if let Some((_, e)) = opening_subject(doc, sent.tokens.clone(), a) {
                if e < *s1 {
                    *s1 = e;
                }
            }
        }
    }
    const DANGLING_DETERMINERS: &[&str] = &["its", "his", "her", "their", "our", "the", "a", "an"];
    for s in d.source.iter_mut() {
        if s.1 < s.0 + 2 || !is_in(DANGLING_DETERMINERS, word_at(doc, s.1 - 1)) {
            continue;
        }
        let verb = (s.0 + 1..s.1 - 1).rev().find(|&k| {
            let w = word_at(doc, k);
            w.len() > 3 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
        });
        s.1 = verb.unwrap_or(s.1 - 1);
    }
}

/// Words that label what follows a colon without saying who speaks ("Video:", "WARNING:",
/// "Revealed:", "Wow:"), besides the [`HEADLINE_LABELS`].
const COLON_LABELS: &[&str] = &[
    "warning",
    "revealed",
    "wow",
    "look",
    "bombshell",
    "leaked",
    "just",
    "boom",
    "busted",
    "photo",
    "audio",
    "transcript",
    "full",
    "here",
];

/// True for a colon cue whose source and other cue words are only label words ("[Video:
/// ...", "(WARNING: ...", "Just Leaked: ..."): nobody is quoted.
fn label_colon(doc: &Doc<'_>, d: &Draft) -> bool {
    let (a, b) = d.cue;
    let label = |i: usize| {
        let w = word_at(doc, i);
        is_in(COLON_LABELS, w) || is_in(HEADLINE_LABELS, w)
    };
    // The cue is the colon, maybe with the label ("WARNING:"), and the source, if any, is
    // label words too.
    if b <= a {
        return false;
    }
    let labelled = (a..b - 1).any(label) || !d.source.is_empty();
    word_at(doc, b - 1) == ":"
        && (a..b - 1).all(label)
        && labelled
        && d.source.iter().all(|&(s0, s1)| (s0..s1).all(label))
}

/// "his claim that ...", "their warnings about ...": a cue right after a possessive
/// pronoun has that pronoun as its source when the tagger found none (PolNeAR: 82 of 94 such
/// cues in polnear-train).
fn possessive_source(doc: &Doc<'_>, sent: Range<usize>, d: &mut Draft) {
    let a = d.cue.0;
    if !d.source.is_empty() || a <= sent.start {
        return;
    }
    if is_in(
        &["his", "her", "their", "its", "our", "my", "your"],
        word_at(doc, a - 1),
    ) {
        d.source = vec![(a - 1, a)];
    }
}

/// Whether the capitalised word at token `a` is a participle in -ing that can open a clause
/// ("Insisting", "Citing"; not "According" nor a short word such as "King").
fn opening_participle(doc: &Doc<'_>, a: usize) -> bool {
    let w = word_at(doc, a);
    w.len() > 5
        && w.ends_with("ing")
        && capitalised_word(doc, a)
        && !w.eq_ignore_ascii_case("according")
}

/// "Having said he would not run again, the senator entered the race", "Insisting that the
/// vote was rigged, the mayor ...": a cue in a participle clause that opens the sentence has
/// the main clause's subject, after the clause's comma, as its source; its content ends at
/// that comma.
fn participle_opener(doc: &Doc<'_>, v: &[TokView], sent: Range<usize>, d: &mut Draft) {
    let (a, b) = d.cue;
    let first = word_at(doc, sent.start);
    let opens = if a == sent.start {
        opening_participle(doc, a)
    } else {
        // "Having been told ...": a passive names its addressee, not its speaker.
        a == sent.start + 1 && first == "Having" && !is_in(BE_FORMS, word_at(doc, a))
    };
    if !opens || v.get(a).is_some_and(|t| t.in_quote) || d.source.iter().any(|s| s.0 < a) {
        return;
    }
    // The clause's comma: the first one after the cue outside quotations.
    let Some(comma) =
        (b..sent.end).find(|&k| word_at(doc, k) == "," && v.get(k).is_some_and(|t| !t.in_quote))
    else {
        return;
    };
    let Some(subject) = opening_subject(doc, comma + 1..sent.end, sent.end) else {
        return;
    };
    d.source = vec![subject];
    d.content.retain(|c| c.0 >= b && c.0 < comma);
    for c in d.content.iter_mut() {
        c.1 = c.1.min(comma);
    }
    if d.content.is_empty() && comma > b {
        d.content.push((b, comma));
    }
}

/// "Citing privacy rules, U.S. officials have not said why ...": a participle clause that opens
/// the sentence, left without a source by [`participle_opener`] (the subject is no name or
/// pronoun it knows), takes the source of the attribution whose source opens the main clause
/// right after the clause's comma.
fn participle_opener_sibling(doc: &Doc<'_>, v: &[TokView], drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        let Some(sent) = doc.sentences.get(d.sentence) else {
            continue;
        };
        let opener = d.cue.0 == sent.tokens.start && opening_participle(doc, d.cue.0);
        if !opener || !d.source.is_empty() {
            continue;
        }
        let Some(comma) = (d.cue.1..sent.tokens.end)
            .find(|&k| word_at(doc, k) == "," && v.get(k).is_some_and(|t| !t.in_quote))
        else {
            continue;
        };
        // The sibling's source opens the main clause, or follows a name or determiner that
        // does ("U.K. | officials").
        let modifier = |k: usize| {
            let w = word_at(doc, k);
            w == "." || capitalised_word(doc, k) || is_in(DETERMINERS, w)
        };
        let sibling = drafts.iter().find_map(|e| {
            let &(s, end) = e.source.first()?;
            let opens = e.sentence == d.sentence
                && s > comma
                && s <= comma + 3
                && (comma + 1..s).all(modifier);
            opens.then_some((comma + 1, end))
        });
        if let Some(source) = sibling {
            drafts[i].source = vec![source];
        }
    }
}

/// "Two officials, who spoke on condition of anonymity because they had no leave to
/// discuss it, said ...": a relative clause between the source and the cue describes the
/// source; a content fragment inside it is not what was said, when content follows the cue.
fn drop_relative_clause_content(doc: &Doc<'_>, d: &mut Draft) {
    let Some(source_end) = d.source.iter().map(|s| s.1).max() else {
        return;
    };
    if source_end > d.cue.0 || !d.content.iter().any(|c| c.0 >= d.cue.1) {
        return;
    }
    let relative = (source_end..d.cue.0).any(|i| {
        i > 0
            && word_at(doc, i - 1) == ","
            && is_in(&["who", "which", "whose", "whom"], word_at(doc, i))
    });
    if relative {
        d.content.retain(|c| !(c.0 >= source_end && c.1 <= d.cue.0));
    }
}

/// "Trump said he would ... and warned against ...", "took to Twitter to accuse ...", "...,
/// saying ...": a cue that shares its subject with an earlier cue of its sentence has that
/// cue's source when the tagger found none of its own (agentless passives keep their empty
/// source); an "according to" without a source takes the words after it.
fn inherit_sources(doc: &Doc<'_>, drafts: &mut [Draft]) {
    // "..., according to the Tax Foundation.": the words after "according to", up to the next
    // punctuation mark, when the tagger gave it no source.
    for d in drafts.iter_mut() {
        if !d.source.is_empty() || !word_at(doc, d.cue.0).eq_ignore_ascii_case("according") {
            continue;
        }
        let Some(sent) = doc.sentences.get(d.sentence) else {
            continue;
        };
        let mut e = d.cue.1;
        while e < sent.tokens.end
            && e < d.cue.1 + 25
            && doc
                .tokens
                .get(e)
                .is_some_and(|t| t.kind != crate::segment::TokenKind::Punct)
        {
            e += 1;
        }
        let has_left = d.content.iter().any(|c| c.1 <= d.cue.0);
        if let Some(k) = d.content.iter().position(|c| c.0 == d.cue.1) {
            // The tagger read the source as a second content fragment.
            if has_left {
                let f = d.content.remove(k);
                d.source = vec![(f.0, f.1.min(e.max(f.0 + 1)))];
            }
        } else if e > d.cue.1 && !d.content.iter().any(|c| c.0 < e && d.cue.1 < c.1) {
            d.source = vec![(d.cue.1, e)];
        }
    }
    for k in 0..drafts.len() {
        let (before, rest) = drafts.split_at_mut(k);
        let Some(d) = rest.first_mut() else { break };
        // ", saying ...": a participle adjunct's source is the clause's subject, never a word
        // after it (its object).
        let ing_adjunct = d.cue.0 > 0
            && word_at(doc, d.cue.0 - 1) == ","
            && word_at(doc, d.cue.1 - 1).ends_with("ing");
        let adjunct = ing_adjunct && d.source.iter().all(|s| s.0 >= d.cue.1);
        // "The court blocked a company from ..., citing ...": a source the tagger took from
        // the main clause's object, after its subject.
        let object_source = ing_adjunct && !adjunct && d.cue.1 == d.cue.0 + 1;
        if object_source {
            if let Some(sent) = doc.sentences.get(d.sentence) {
                let src = d.source.iter().map(|s| s.0).min().unwrap_or(d.cue.0);
                let earlier = before
                    .iter()
                    .rev()
                    .take_while(|p| p.sentence == d.sentence)
                    .find(|p| p.cue.1 <= d.cue.0 && !p.source.is_empty())
                    .filter(|p| p.source.iter().all(|s| s.1 <= p.cue.0))
                    .map(|p| p.source.clone());
                // An opening adverbial ("Hours later", "Earlier", "Speaking to ...",
                // "Chastened by ...") is no subject.
                let adverbial = |(a, b): (usize, usize)| {
                    let w = word_at(doc, a);
                    b == a + 1
                        && (w.ends_with("ing")
                            || w.ends_with("ly")
                            || w.ends_with("er")
                            || w.ends_with("ed")
                            || is_weekday(w)
                            || is_in(ADVERBIAL_OPENERS, w))
                };
                let subject = earlier.or_else(|| {
                    opening_subject(doc, sent.tokens.clone(), src)
                        .filter(|&s| !adverbial(s))
                        .map(|s| vec![s])
                });
                // The tagger's source stands where an object does: after a lowercase word
                // (a verb or preposition: "blocked | a company", "behind | Sen. Cruz").
                let object = src > sent.tokens.start && {
                    let w = word_at(doc, src - 1);
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && !is_in(&["and", "but", "or", "so", "then", "because", "as"], w)
                };
                if let (true, Some(subject)) = (object, subject) {
                    if subject.iter().all(|s| s.1 < src) {
                        d.source = subject;
                    }
                }
            }
            continue;
        }
        if !d.source.is_empty() && !adjunct
            || word_at(doc, d.cue.0).eq_ignore_ascii_case("according")
        {
            continue;
        }
        let Some(sent) = doc.sentences.get(d.sentence) else {
            continue;
        };
        if passive_without_agent(doc, sent.tokens.clone(), d.cue) {
            continue;
        }
        // The word before the cue joins it to the earlier verb.
        let participle = word_at(doc, d.cue.1 - 1).ends_with("ing");
        // An infinitive cue holds its "to" ("took to Twitter | to accuse").
        let joined = word_at(doc, d.cue.0).eq_ignore_ascii_case("to")
            || d.cue.0 > sent.tokens.start
                && match word_at(doc, d.cue.0 - 1).to_ascii_lowercase().as_str() {
                    "and" | "to" | "," | "but" | "or" => true,
                    // "... before asking", "by announcing"
                    "before" | "after" | "while" | "by" | "when" | "without" => participle,
                    _ => false,
                };
        if !joined {
            continue;
        }
        let Some(p) = before
            .iter()
            .rev()
            .take_while(|p| p.sentence == d.sentence)
            .find(|p| p.cue.1 <= d.cue.0 && !p.source.is_empty())
        else {
            // No earlier cue: a participle adjunct's subject, or a joined verb's, is the name
            // or pronoun that opens the sentence ("Sen. Ortiz lashed out at the plan on Monday,
            // saying ...", "Trump took to Twitter to accuse ...").
            if adjunct || d.source.is_empty() {
                if let Some(subject) = opening_subject(doc, sent.tokens.clone(), d.cue.0) {
                    d.source = vec![subject];
                }
            }
            continue;
        };
        // The earlier cue's own subject, not one inside a quotation or after its cue.
        let subject_first = p.source.iter().all(|s| s.1 <= p.cue.0);
        let no_break = (p.cue.1..d.cue.0).all(|i| !matches!(word_at(doc, i), ";" | ":"));
        let nested = d.content.is_empty()
            || p.content
                .iter()
                .any(|c| c.0 <= d.cue.0 && d.cue.1 <= c.1 && word_at(doc, d.cue.0 - 1) != "and");
        if subject_first && no_break && !nested {
            d.source = p.source.clone();
        }
    }
    // "said the tax would rise | and accused ...": an earlier content ends before a verb
    // coordinated with its cue (same source), which is the speaker's own act, not part of what
    // was said.
    for k in 1..drafts.len() {
        let (before, rest) = drafts.split_at_mut(k);
        let Some(d) = rest.first() else { break };
        let and = d.cue.0.saturating_sub(1);
        if d.source.is_empty() || !matches!(word_at(doc, and), "and" | "but") {
            continue;
        }
        let same = before
            .iter_mut()
            .rev()
            .take_while(|p| p.sentence == d.sentence)
            .find(|p| p.cue.1 <= and && p.source == d.source);
        if let Some(p) = same {
            for c in p.content.iter_mut().filter(|c| c.0 < and && and < c.1) {
                c.1 = and;
                while c.1 > c.0 && word_at(doc, c.1 - 1) == "," {
                    c.1 -= 1;
                }
            }
            p.content.retain(|c| c.0 < c.1);
        }
    }
}

/// The name (capitalised words, titles with their period) or personal pronoun that opens the
/// sentence `sent`, ending before `limit`.
fn opening_subject(doc: &Doc<'_>, sent: Range<usize>, limit: usize) -> Option<(usize, usize)> {
    let first = word_at(doc, sent.start);
    if is_in(&["he", "she", "they", "we", "i"], first) {
        return Some((sent.start, sent.start + 1));
    }
    let name_word = |i: usize| {
        let w = word_at(doc, i);
        w == "."
            || doc.tokens.get(i).is_some_and(|t| {
                t.kind == crate::segment::TokenKind::Word
                    && w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    // "The Republican National Committee": an article before a capitalised name.
    let the_name = first.eq_ignore_ascii_case("the") && name_word(sent.start + 1);
    // "The central bank raised ...", "A federal judge on Monday temporarily blocked ...": an
    // article and one to three lowercase words before a past-tense verb (a lowercase word in
    // -ed), maybe after a day ("on Monday") and an adverb in -ly.
    let article = first.eq_ignore_ascii_case("the") || is_in(&["a", "an"], first);
    if article && !the_name {
        let lower_word = |i: usize| {
            doc.tokens.get(i).is_some_and(|t| {
                t.kind == crate::segment::TokenKind::Word
                    && t.span
                        .slice(doc.text)
                        .bytes()
                        .all(|c| c.is_ascii_lowercase())
            })
        };
        let mut e = sent.start + 1;
        // No auxiliary or adverb before the verb ("The nurse later claimed", "The candidate
        // has ...").
        let noun_word = |i: usize| {
            let w = word_at(doc, i);
            lower_word(i)
                && !w.ends_with("ed")
                && !w.ends_with("ly")
                && !is_in(AUXILIARIES, w)
                && !is_in(BE_FORMS, w)
                && !is_in(TIME_WORDS, w)
                && !is_in(DANGLING, w)
                && !matches!(
                    w,
                    "then" | "also" | "now" | "still" | "has" | "have" | "had"
                )
        };
        while e < limit && e < sent.start + 4 && noun_word(e) {
            e += 1;
        }
        let subject_end = e;
        if word_at(doc, e).eq_ignore_ascii_case("on") && is_weekday(word_at(doc, e + 1)) {
            e += 2;
        }
        if lower_word(e) && word_at(doc, e).ends_with("ly") {
            e += 1;
        }
        let verb = subject_end > sent.start + 1
            && e < limit
            && lower_word(e)
            && word_at(doc, e).ends_with("ed")
            && !is_in(BE_FORMS, word_at(doc, e - 1));
        return verb.then_some((sent.start, subject_end));
    }
    if !the_name && (!name_word(sent.start) || first == "." || is_in(SENTENCE_OPENERS, first)) {
        return None;
    }
    let mut e = sent.start + usize::from(the_name);
    while e < limit && e < sent.start + 6 && name_word(e) {
        e += 1;
    }
    while e > sent.start && word_at(doc, e - 1) == "." && !is_in(TITLES, word_at(doc, e - 2)) {
        e -= 1;
    }
    // A name stands before its verb: a lowercase word must follow.
    let verb_next = doc.tokens.get(e).is_some_and(|t| {
        t.kind == crate::segment::TokenKind::Word
            && t.span
                .slice(doc.text)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    });
    (e > sent.start && verb_next).then_some((sent.start, e))
}

/// Capitalised words that open a sentence as an adverbial, before its subject ("Hours after
/// ...", "Once the ...", "Amid ...").
const ADVERBIAL_OPENERS: &[&str] = &[
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "once",
    "throughout",
    "here",
    "amid",
    "shortly",
    "last",
    "next",
    "until",
    "despite",
    "like",
    "unlike",
    "instead",
    "asked",
    "faced",
];

/// Capitalised words that open a sentence without being a name.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "after",
    "when",
    "while",
    "as",
    "if",
    "this",
    "that",
    "it",
    "there",
    "for",
    "with",
    "during",
    "before",
    "since",
    "although",
    "though",
    "yet",
    "so",
    "still",
    "also",
    "then",
    "now",
    "today",
    "its",
    "his",
    "her",
    "their",
    "our",
    "by",
    "from",
    "of",
    "to",
    "what",
    "who",
    "why",
    "how",
    "meanwhile",
    "however",
];

/// Whether the preposition at token `i` is a verb's particle: "in" of "step in", "on" of
/// "move on", right before punctuation or the end of the text.
fn particle_at(doc: &Doc<'_>, i: usize) -> bool {
    is_in(
        &["in", "on", "out", "up", "off", "down", "over", "back", "by"],
        word_at(doc, i),
    ) && i > 0
        && doc.tokens.get(i - 1).is_some_and(|t| {
            t.kind == crate::segment::TokenKind::Word
                && t.span
                    .slice(doc.text)
                    .starts_with(|c: char| c.is_ascii_lowercase())
                && !is_in(DANGLING, t.span.slice(doc.text))
        })
        && doc
            .tokens
            .get(i + 1)
            .is_none_or(|t| t.kind == crate::segment::TokenKind::Punct)
}

/// Words a content does not end with.
const DANGLING: &[&str] = &[
    "on", "in", "at", "of", "for", "to", "with", "by", "from", "the", "a", "an", "and", "or",
    "but", "during", "after", "before",
];

/// Words that open a sentence's adverbial before a frame ("After the match, the coach said,
/// "..."").
pub(super) const ADJUNCT_OPENERS: &[&str] = &[
    "after",
    "before",
    "during",
    "following",
    "at",
    "in",
    "on",
    "later",
    "earlier",
    "speaking",
    "asked",
    "when",
    "while",
];

/// Adverbial openers that introduce a clause ("After the match ended, ..."): the phrase they
/// open may hold a finite verb.
const SUBORDINATORS: &[&str] = &["after", "before", "when", "while"];

/// Finite verb forms without an -ed ending: auxiliaries, modals and the irregular past tenses
/// of news reports ("At least twenty people died in the flood, officials said ..." is a clause
/// of its own, no adverbial of the frame).
const FINITE_FORMS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "do", "broke", "fell", "rose", "came", "went",
    "took", "made", "began", "grew", "won", "lost", "left", "told", "said", "saw", "gave", "got",
    "hit", "ran", "led", "sent", "struck", "spent", "became", "kept", "held", "brought", "built",
    "sold", "paid", "met", "stood", "fled", "says", "remains", "remain", "seems", "died",
];

/// Words before an -ed form that make it a participle or adjective, not a finite verb ("the
/// injured", "in recorded history").
const BEFORE_PARTICIPLE: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "in",
    "on", "at", "of", "for", "with", "by", "from", "newly", "recently", "not",
];

/// True when the words of a phrase before a reporting frame (punctuation left out) make an
/// adverbial of the frame: an opener from [`ADJUNCT_OPENERS`] or "as well as", and, unless the opener is a
/// subordinator ("after", "when"), no quantity ("At least twenty people died in the flood,
/// officials said ...") and no finite verb before a relative pronoun: none of
/// [`FINITE_FORMS`] ("On Monday the toll was twenty, ...") and no -ed form after a word other
/// than a determiner or preposition ("In the end the bridge collapsed, ..."), a statement noun
/// excepted ("In a statement released on Friday, ...").
pub(super) fn adjunct_words<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let mut words = words.peekable();
    let Some(first) = words.next() else {
        return false;
    };
    // "As well as new routes to the US, ...": an adverbial of addition.
    let as_well_as = first.eq_ignore_ascii_case("as")
        && words.next_if(|w| w.eq_ignore_ascii_case("well")).is_some()
        && words.next_if(|w| w.eq_ignore_ascii_case("as")).is_some();
    if !as_well_as && !is_in(ADJUNCT_OPENERS, first) {
        return false;
    }
    if is_in(SUBORDINATORS, first) {
        return true;
    }
    let mut prev = first;
    for w in words {
        if prev.eq_ignore_ascii_case("at") && prev == first && is_in(&["least", "most"], w) {
            return false;
        }
        let lowercase = w.bytes().all(|c| c.is_ascii_lowercase());
        // A finite verb after a relative pronoun belongs to a relative clause inside the
        // adverbial ("In a statement that was released on Friday,").
        if lowercase && (w == "that" || is_in(RELATIVES, w)) {
            return true;
        }
        let past = lowercase
            && w.len() > 4
            && w.ends_with("ed")
            && !is_in(BEFORE_PARTICIPLE, prev)
            && !is_in(STATEMENT_NOUNS, prev);
        if past || lowercase && is_in(FINITE_FORMS, w) || w == "n't" {
            return false;
        }
        prev = w;
    }
    true
}

/// [`adjunct_words`] over the words of tokens `r` (punctuation left out).
fn adjunct_tokens(doc: &Doc<'_>, r: Range<usize>) -> bool {
    adjunct_words(
        r.map(|i| word_at(doc, i))
            .filter(|w| w.chars().any(char::is_alphanumeric)),
    )
}

/// Drops a content fragment that is only the adverbial before the source when the quotation
/// after the cue is the content: in 'After the match, the coach said, "We played well."' the
/// time phrase tells when the coach spoke, not what the coach said.
fn drop_leading_adjunct(doc: &Doc<'_>, v: &[TokView], d: &mut Draft) {
    const MAX_ADJUNCT: usize = 8;
    let Some(src) = d.source.iter().map(|s| s.0).min() else {
        return;
    };
    if d.source.iter().any(|s| s.1 > d.cue.0) {
        return;
    }
    let quoted = |i: usize| {
        v.get(i)
            .is_some_and(|t| t.in_quote || t.quote != QuoteMark::None)
    };
    let quote_after = d.content.iter().any(|c| c.0 >= d.cue.1 && quoted(c.0));
    if !quote_after {
        return;
    }
    d.content.retain(|&(a, b)| {
        let adjunct = b <= src
            && b.saturating_sub(a) <= MAX_ADJUNCT
            && adjunct_tokens(doc, a..b)
            && !(a..b).any(quoted);
        !adjunct
    });
}

/// "It added that North Korea previously rejected outreach": a cue run without a speech verb
/// inside the that-clause of a speech verb (only words between them) is the reported event.
fn reported_event(doc: &Doc<'_>, start: usize, (a, b): (usize, usize)) -> bool {
    let speech = |w: &str| is_in(CORE_CUES, w) || is_in(SPEECH_VERBS, w);
    if (a..b).any(|i| speech(word_at(doc, i))) {
        return false;
    }
    // The nearest "VERB that" before the cue, with only words in between.
    let mut k = a;
    while k > start + 1 {
        k -= 1;
        let t = doc.tokens.get(k);
        if t.is_none_or(|t| t.kind != crate::segment::TokenKind::Word) {
            return false;
        }
        if word_at(doc, k) == "that" {
            return k + 1 < a && speech(word_at(doc, k - 1));
        }
    }
    false
}

/// Verbs that report speech only when what they take is said ("offered his condolences",
/// "conceded that the vote was lost") and otherwise trade, display or score ("will offer a
/// free case", "also features a larger screen", "conceded a penalty").
const GOODS_VERBS: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "feature",
    "features",
    "featured",
    "featuring",
    "concede",
    "concedes",
    "conceded",
    "conceding",
];

/// Nouns naming something said, offered or conceded in words ("offered his assessment",
/// "conceded defeat"): after a [`GOODS_VERBS`] verb they make it a cue.
const SAID_OBJECTS: &[&str] = &[
    "advice",
    "apology",
    "apologies",
    "argument",
    "assessment",
    "assurance",
    "assurances",
    "account",
    "analysis",
    "answer",
    "answers",
    "clue",
    "clues",
    "comment",
    "comments",
    "condolences",
    "congratulations",
    "criticism",
    "defeat",
    "defense",
    "defence",
    "detail",
    "details",
    "discussion",
    "encouragement",
    "endorsement",
    "estimate",
    "evidence",
    "explanation",
    "forecast",
    "glimpse",
    "guidance",
    "hope",
    "idea",
    "ideas",
    "insight",
    "insights",
    "interview",
    "message",
    "messages",
    "opinion",
    "opinions",
    "perspective",
    "plan",
    "plans",
    "point",
    "praise",
    "prayers",
    "prediction",
    "promise",
    "proposal",
    "proposals",
    "reason",
    "reasons",
    "reassurance",
    "rebuttal",
    "remarks",
    "response",
    "specifics",
    "statement",
    "suggestion",
    "suggestions",
    "support",
    "testimony",
    "thanks",
    "thoughts",
    "tips",
    "view",
    "views",
    "vision",
    "warning",
    "warnings",
    "words",
    "race",
    "election",
    "nomination",
    "primary",
    "victory",
    "retort",
    "reply",
    "evaluation",
    "guide",
    "picture",
    "address",
    "speech",
    "rhetoric",
    "description",
    "descriptions",
    "slogan",
    "language",
    "promises",
    "preview",
    "justification",
    "rationale",
    "excuse",
    "lesson",
    "lessons",
    "recommendation",
    "recommendations",
    "question",
    "questions",
];

/// True for a cue on a [`GOODS_VERBS`] verb in the active voice whose object is no said thing:
/// within the next six words before a clause boundary, at least one word, no [`SAID_OBJECTS`]
/// noun, no "that", "to", "whether", quotation mark or colon, and no clause subject ("conceded
/// he had lost").
fn goods_not_words(doc: &Doc<'_>, end: usize, (a, b): (usize, usize)) -> bool {
    let Some(head) = (a..b).rev().find(|&i| is_in(GOODS_VERBS, word_at(doc, i))) else {
        return false;
    };
    // A title-case headline ("Clip Featured In Video") is left to the tagger.
    if capitalised_word(doc, head) {
        return false;
    }
    // "A contrary view is offered by ...": a passive keeps its cue.
    if (a..head).any(|i| is_in(BE_FORMS, word_at(doc, i)))
        || head > 0 && is_in(BE_FORMS, word_at(doc, head - 1))
    {
        return false;
    }
    if (a..b).any(|i| is_in(SAID_OBJECTS, word_at(doc, i))) {
        return false;
    }
    let mut said = false;
    let mut words = 0;
    for k in head + 1..end {
        let w = word_at(doc, k);
        // "offered to help", "conceded he had lost".
        if k == head + 1
            && is_in(
                &[
                    "to", "he", "she", "they", "we", "i", "it", "there", "this", "what", "how",
                    "why",
                ],
                w,
            )
        {
            said = true;
            break;
        }
        if is_in(SAID_OBJECTS, w)
            || is_in(&["that", "whether", ":"], w)
            || is_quote(w)
            || matches!(w, "\u{201C}" | "\u{2018}")
        {
            said = true;
            break;
        }
        if doc
            .tokens
            .get(k)
            .is_none_or(|t| t.kind != crate::segment::TokenKind::Word)
            || is_in(
                &[
                    "and", "or", "but", "which", "who", "while", "in", "at", "for", "on", "with",
                ],
                w,
            )
        {
            break;
        }
        words += 1;
        if words == 6 {
            break;
        }
    }
    // An object must be seen: '"We were outplayed," the coach conceded.' and "conceded in an
    // interview that ..." keep their cue.
    !said && words > 0
}

/// True for a cue inside a direct quotation that is not a speech verb ("North Korea has also
/// shown an indication" in a quoted remark): PolNeAR marks attributions nested in a quotation
/// almost only when a speech verb reports them ("President Trump has said ..."); in the
/// training data four in five other quoted cues the tagger finds are no attributions.
fn quoted_non_speech(doc: &Doc<'_>, v: &[TokView], (a, b): (usize, usize)) -> bool {
    let quoted = (a..b).all(|i| v.get(i).is_some_and(|t| t.in_quote));
    let speech = (a..b).any(|i| {
        let w = word_at(doc, i);
        is_in(CORE_CUES, w) || is_in(SPEECH_VERBS, w) || v.get(i).is_some_and(|t| t.punct_cue)
    });
    quoted && !speech
}

/// Whether the token range holds a word (not only punctuation and quotation marks).
fn has_word(doc: &Doc<'_>, (a, b): (usize, usize)) -> bool {
    doc.tokens.get(a..b).is_some_and(|ts| {
        ts.iter()
            .any(|t| t.kind != crate::segment::TokenKind::Punct)
    })
}

/// Forms of "be" that make a participle passive.
const BE_FORMS: &[&str] = &[
    "be", "been", "being", "am", "is", "are", "was", "were", "'s", "'m", "'re",
];
/// Words that may stand between the auxiliary and the participle ("has not yet been
/// independently confirmed").
const PASSIVE_GAP: &[&str] = &[
    "not",
    "n't",
    "yet",
    "independently",
    "officially",
    "publicly",
    "never",
    "also",
    "still",
    "fully",
    "first",
    "widely",
    "initially",
];

/// Participles that PolNeAR marks as cues in most of their agentless passive uses in the
/// training data ("is expected to", "was asked about", "is known for", "were worried").
const PASSIVE_CUES: &[&str] = &[
    "expected",
    "asked",
    "known",
    "charged",
    "said",
    "announced",
    "worried",
    "criticized",
    "assured",
    "shown",
    "declared",
    "intended",
    "revealed",
    "convinced",
    "mentioned",
    "inclined",
    "reported",
];

/// True when the cue `(a, b)` is an agentless passive that PolNeAR does not mark as a cue
/// ("have not been independently confirmed"); those in [`PASSIVE_CUES`] stay.
fn agentless_passive(doc: &Doc<'_>, sentence: Range<usize>, (a, b): (usize, usize)) -> bool {
    !cue_head(doc, (a, b)).is_some_and(|h| is_in(PASSIVE_CUES, word_at(doc, h)))
        && passive_without_agent(doc, sentence, (a, b))
}

/// The last word of the cue `(a, b)` that is not a preposition it holds ("forecast" in "is
/// forecast for").
fn cue_head(doc: &Doc<'_>, (a, b): (usize, usize)) -> Option<usize> {
    let last = b.checked_sub(1)?;
    if last > a && is_in(CUE_PREPOSITIONS, word_at(doc, last)) {
        Some(last - 1)
    } else {
        Some(last)
    }
}

/// Past participles of reporting and cognition verbs without an -ed or -en ending ("is
/// forecast", "was told", "is understood").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "told",
    "said",
    "shown",
    "thought",
    "heard",
    "taught",
    "forecast",
    "broadcast",
    "understood",
    "held",
    "found",
    "felt",
    "meant",
    "read",
    "sought",
    "known",
];

/// True when the cue `(a, b)` is a past participle after a form of "be" with no "by" agent
/// after it: an agentless passive, which names no speaker.
fn passive_without_agent(doc: &Doc<'_>, sentence: Range<usize>, (a, b): (usize, usize)) -> bool {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let Some(last) = cue_head(doc, (a, b)) else {
        return false;
    };
    let head = word(last);
    let content_words = (a..b).filter(|&i| !is_in(CUE_AUXILIARIES, word(i))).count();
    let participle =
        head.ends_with("ed") || head.ends_with("en") || is_in(IRREGULAR_PARTICIPLES, head);
    // "Residents are worried that ...": a participle of feeling names its experiencer as
    // subject, no passive agent (PolNeAR gives all of them a source).
    if !participle || content_words > 3 || is_in(FEELING_PARTICIPLES, head) {
        return false;
    }
    // Walk back from the head over adverbs (and the auxiliaries the cue holds) to a form of "be".
    let mut i = last;
    let mut passive = false;
    while i > sentence.start {
        i -= 1;
        let w = word(i).to_ascii_lowercase();
        if BE_FORMS.contains(&w.as_str()) {
            passive = true;
            break;
        }
        if !(PASSIVE_GAP.contains(&w.as_str()) || i >= a && is_in(CUE_AUXILIARIES, &w)) {
            break;
        }
    }
    if !passive {
        return false;
    }
    // An agent: "by" within a few words after the cue.
    let agent = (b..sentence.end.min(b + 4)).any(|j| word(j).eq_ignore_ascii_case("by"));
    !agent
}

/// Participles of feeling and belief whose subject is the one who feels or believes
/// ("Residents are worried that ...", "I am disappointed with ...").
const FEELING_PARTICIPLES: &[&str] = &[
    "worried",
    "concerned",
    "convinced",
    "disappointed",
    "pleased",
    "surprised",
    "frustrated",
    "alarmed",
    "troubled",
    "relieved",
    "satisfied",
    "shocked",
    "delighted",
    "dismayed",
    "outraged",
    "saddened",
    "heartened",
    "persuaded",
    "unconvinced",
    "puzzled",
    "baffled",
    "thrilled",
    "angered",
];

/// Determiners before an adjective use of a participle ("the reported talks").
const DETERMINERS_BEFORE: &[&str] = &[
    "the", "a", "an", "these", "those", "this", "that", "its", "their", "his", "her",
];

/// True when a one-word participle cue stands between a determiner and what it modifies
/// ("the reported internal discussions", "an alleged plot"): an adjective, not a speech act.
fn attributive_participle(doc: &Doc<'_>, (a, b): (usize, usize)) -> bool {
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    if b != a + 1 || a == 0 || !word(a).ends_with("ed") {
        return false;
    }
    let before = word(a - 1).to_ascii_lowercase();
    let after = word(b);
    DETERMINERS_BEFORE.contains(&before.as_str())
        && after.chars().next().is_some_and(char::is_alphabetic)
}

/// Words after which a word in -s is a plural noun, never a verb ("open to talks with Kim",
/// "the claims").
const NOUN_BEFORE: &[&str] = &[
    "to", "the", "a", "an", "of", "for", "in", "on", "with", "their", "his", "her", "its", "our",
    "your", "my", "these", "those", "this", "about", "into", "from",
];

/// True when a cue opens with a word in -s right after a determiner or preposition: a plural
/// noun ("talks", "claims"), not a speech verb.
fn plural_noun(doc: &Doc<'_>, (a, _): (usize, usize)) -> bool {
    // The "to" a cue reached back over ("open | to talks") is the preposition before it.
    let a = if word_at(doc, a).eq_ignore_ascii_case("to") {
        a + 1
    } else {
        a
    };
    let w = word_at(doc, a);
    a > 0
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && is_in(NOUN_BEFORE, word_at(doc, a - 1))
}

/// "a city in South Korea often called a 'museum without walls'": a participle right after
/// the object of a preposition is a reduced relative clause, and that object no speaker.
fn prepositional_source(doc: &Doc<'_>, d: &Draft) -> bool {
    let (a, b) = d.cue;
    let head = word_at(doc, b.saturating_sub(1));
    let participle = head.ends_with("ed") || is_in(&["told", "known", "seen", "shown"], head);
    if !participle || (a..b).any(|i| is_in(AUXILIARIES, word_at(doc, i))) {
        return false;
    }
    let Some(&(s, e)) = d.source.iter().find(|s| s.1 <= a) else {
        return false;
    };
    let adverbs_only = (e..a).all(|i| {
        let w = word_at(doc, i);
        is_in(CUE_AUXILIARIES, w) || w.ends_with("ly")
    });
    let preposition = |i: usize| {
        is_in(
            &[
                "in", "of", "from", "at", "on", "with", "for", "into", "near",
            ],
            word_at(doc, i),
        )
    };
    // The preposition right before the source, or before one adjective of it ("in
    // southeastern South Korea").
    let adjective = |i: usize| {
        let w = word_at(doc, i);
        !w.is_empty() && w.chars().all(char::is_lowercase) && !is_in(NOT_SOURCE_EDGE, w)
    };
    adverbs_only && (s > 0 && preposition(s - 1) || s > 1 && adjective(s - 1) && preposition(s - 2))
}

/// "..., a statement that reignited speculation": an indefinite noun set off by a comma is an
/// apposition describing what came before, not a cue of its own.
fn appositive_noun_cue(doc: &Doc<'_>, (a, _): (usize, usize)) -> bool {
    let comma_before = a > 0
        && (word_at(doc, a - 1) == ","
            || a > 1 && is_quote(word_at(doc, a - 1)) && word_at(doc, a - 2) == ",");
    comma_before && is_in(&["a", "an"], word_at(doc, a))
}

/// Extends a content that reaches into a quotation to the end of that quotation (over the
/// sentences, and paragraphs that continue it), and attaches the quoted sentences that follow
/// an attribution with no cue of their own.
fn extend_quotes(
    doc: &Doc<'_>,
    v: &[TokView],
    regions: &[(usize, usize, bool)],
    is_cue: &[bool],
    d: &mut Draft,
) {
    let Some(sent) = doc.sentences.get(d.sentence) else {
        return;
    };
    let sent_end = sent.tokens.end;
    // A content that starts inside a quotation opened in an earlier sentence.
    if let Some(first) = d.content.iter_mut().min_by_key(|c| c.0) {
        let k = regions.partition_point(|r| r.1 < first.0);
        if let Some(&(o, c, _)) = regions.get(k) {
            if o < sent.tokens.start && first.0 <= c && (d.cue.0 > c || d.cue.1 <= o) {
                first.0 = o;
            }
        }
    }
    // `"We have done everything we can.¶"Now we wait," she added.`: a quotation that opens its
    // paragraph takes in the quotation left open at the end of the paragraph before, and so
    // back (news style reopens a quote running over paragraphs in each one, and closes it only
    // at its end), unless a cue stands inside that quotation.
    if let Some(first) = d.content.iter_mut().min_by_key(|c| c.0) {
        let mut k = regions.partition_point(|r| r.1 < first.0);
        let opens = regions.get(k).is_some_and(|r| {
            (r.0..=r.0 + 1).contains(&first.0) && (d.cue.0 > r.1 || d.cue.1 <= r.0)
        });
        while opens && k > 0 {
            let (po, pc, left_open) = regions[k - 1];
            let cue_inside = (po..=pc).any(|i| is_cue.get(i).copied().unwrap_or(false));
            // The quotation left open takes its whole paragraph: it opens the paragraph.
            let whole_para = doc
                .sentences
                .get(doc.sentences.partition_point(|s| s.tokens.end <= po))
                .is_some_and(|s| s.tokens.start == po && is_first_in_para(doc, s));
            // Both paragraphs open with the same mark (a straight mark in a text of curly
            // ones is stray).
            let same_mark = word_at(doc, po) == word_at(doc, regions[k].0);
            if !left_open
                || !whole_para
                || !same_mark
                || regions[k].0 != pc + 1
                || cue_inside
                || d.cue.1 > po && d.cue.0 <= pc
            {
                break;
            }
            first.0 = po;
            k -= 1;
        }
    }
    let last_end = d.content.iter().map(|c| c.1).max();
    // A content that reaches a quotation running beyond the sentence.
    if let Some(end) = last_end {
        let last = end.saturating_sub(1);
        let k = regions.partition_point(|r| r.1 < last);
        if let Some(&(o, c, left_open)) = regions.get(k) {
            let holds = o <= last && last <= c;
            let cue_outside = d.cue.1 <= o || d.cue.0 > c;
            if holds && cue_outside && (c >= sent_end || left_open) {
                let close = follow(doc, regions, k);
                if let Some(l) = d.content.iter_mut().max_by_key(|c| c.1) {
                    l.1 = (close + 1).max(l.1);
                }
            }
        }
    }
    // "X said:" with nothing after it: the next paragraph's quote or sentence.
    let content_empty = d.content.is_empty();
    let ends_sentence = d.cue.1 + 1 >= sent_end;
    let colon = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.span.slice(doc.text) == ":")
    };
    let next_quoted = doc
        .sentences
        .get(d.sentence + 1)
        .and_then(|n| v.get(n.tokens.start))
        .is_some_and(|t| t.quote != QuoteMark::None);
    let introduces = colon(d.cue.1) || colon(d.cue.1.saturating_sub(1)) || next_quoted;
    if content_empty && ends_sentence && introduces {
        if let Some(next) = doc.sentences.get(d.sentence + 1) {
            let r = next.tokens.clone();
            let k = regions.partition_point(|q| q.0 < r.start);
            match regions.get(k) {
                Some(&(o, c, _)) if o == r.start => d.content.push((o, c + 1)),
                _ => d.content.push((r.start, r.end)),
            }
        }
        return;
    }
    // `"...," X said. "..."`: quoted sentences right after, without a cue of their own.
    let quoted = d.content.iter().any(|c| {
        v.get(c.0)
            .is_some_and(|t| t.in_quote || t.quote != QuoteMark::None)
    });
    if !quoted {
        return;
    }
    let max_end = d.content.iter().map(|c| c.1).max().unwrap_or(0);
    if max_end > sent_end {
        return;
    }
    let para = sent.paragraph;
    let mut si = d.sentence + 1;
    while let Some(next) = doc.sentences.get(si) {
        if next.paragraph != para {
            break;
        }
        let start = next.tokens.start;
        let k = regions.partition_point(|q| q.0 < start);
        let Some(&(o, c, _)) = regions.get(k) else {
            break;
        };
        if o != start || c + 1 < next.tokens.end.saturating_sub(1) {
            break;
        }
        // A cue of its own outside the quotation ends the run; one inside it ("It says
        // that ...") is nested in the quote, which is still the speaker's.
        let own_cue = next
            .tokens
            .clone()
            .any(|i| (i < o || i > c) && is_cue.get(i).copied().unwrap_or(false));
        if own_cue {
            break;
        }
        let c = if regions.get(k).is_some_and(|r| r.2) {
            follow(doc, regions, k)
        } else {
            c
        };
        d.content.push((o, c + 1));
        if c >= doc.sentences.get(si).map_or(0, |s| s.tokens.end) && next_para_start(doc, si) <= c {
            break;
        }
        // The quote may run over several sentences: skip them.
        while doc.sentences.get(si).is_some_and(|s| s.tokens.end <= c + 1) {
            si += 1;
        }
        if doc.sentences.get(si).is_some_and(|s| s.tokens.start <= c) {
            si += 1;
        }
    }
}

/// `"Seventeen years ago, this was not possible," said the ambassador.¶"They represent our
/// hopes."` and `Heald noted the findings show X. "Ozone is something we understand."`: a
/// quotation that fills whole sentences and holds no cue goes on with the words of the speaker
/// of the sentence before it, in the same paragraph or at the end of the paragraph before (news
/// style gives a speaker's further quotes sentences and paragraphs of their own); a run of such
/// quotations does too. The speaker is the last attribution of that sentence whose cue stands
/// outside quotation marks (a cue inside a quote is nested in another speaker's words) and is
/// no participle after a comma ("Okoro said, referring to ...": Okoro goes on talking).
fn quotes_after_speaker(
    doc: &Doc<'_>,
    v: &[TokView],
    regions: &[(usize, usize, bool)],
    is_cue: &[bool],
    drafts: &mut [Draft],
) {
    let participle = |d: &Draft| {
        word_at(doc, d.cue.0).ends_with("ing")
            && word_at(doc, d.cue.0.saturating_sub(1)) == ","
            && drafts
                .iter()
                .any(|e| e.sentence == d.sentence && e.cue.1 < d.cue.0)
    };
    let speaker_of: Vec<Option<usize>> = {
        let mut out = vec![None; doc.sentences.len()];
        for (k, d) in drafts.iter().enumerate() {
            if !in_region(regions, d.cue.0) && !participle(d) {
                if let Some(slot) = out.get_mut(d.sentence) {
                    *slot = Some(k);
                }
            }
        }
        out
    };
    // The speaker of the sentence before, and the last speaker of the paragraph before.
    let mut carry: Option<usize> = None;
    let (mut para, mut para_last) = (usize::MAX, None);
    let mut si = 0;
    while let Some(s) = doc.sentences.get(si) {
        si += 1;
        let kind = doc.article.paragraphs.get(s.paragraph).map(|p| p.kind);
        // A photo caption set between a speaker's paragraphs does not interrupt them.
        if kind == Some(claimsheet_ingest::ParagraphKind::Caption) {
            continue;
        }
        let body = kind == Some(claimsheet_ingest::ParagraphKind::Body);
        let first_in_para = s.paragraph != para;
        if first_in_para {
            para = s.paragraph;
            carry = para_last.take();
        }
        let start = s.tokens.start;
        let k = regions.partition_point(|r| r.0 < start);
        let opens = body
            && v.get(start).is_some_and(|t| t.quote != QuoteMark::None)
            && regions.get(k).is_some_and(|r| r.0 == start);
        let own = speaker_of.get(si - 1).copied().flatten().filter(|_| body);
        if own.is_some() {
            para_last = own;
        }
        if !opens {
            carry = own;
            continue;
        }
        let close = if regions[k].2 {
            follow(doc, regions, k)
        } else {
            regions[k].1
        };
        // The sentence where the quotation closes ends with it (punctuation aside).
        let last = doc.sentences.partition_point(|s| s.tokens.end <= close);
        let end = doc.sentences.get(last).map_or(close + 1, |s| s.tokens.end);
        // `"Why not?" she asked.`, `"Why not?" Okafor asked.`: a sentence split after the
        // question mark goes on with the frame.
        let asks = matches!(word_at(doc, close.saturating_sub(1)), "?" | "!");
        let goes_on = doc.sentences.get(last + 1).is_some_and(|n| {
            doc.sentences.get(last).map(|s| s.paragraph) == Some(n.paragraph)
                && (v.get(n.tokens.start).is_some_and(|t| t.shape == 0)
                    || asks && n.tokens.len() <= 6)
        });
        let fills =
            !goes_on && (close + 1..end).all(|i| matches!(word_at(doc, i), "." | "," | "!" | "?"));
        // A sentence, not a label ("Related:") or a cry from the crowd ("Yes!").
        let words = (start..close)
            .filter(|&i| v.get(i).is_some_and(|t| t.shape < 4))
            .count();
        // A cue of its own, or one that opens the sentence after (`"..." ― Name`); a quotation
        // that opens its paragraph goes on with the speaker before only when the paragraph
        // holds no cue at all.
        let upto = if first_in_para {
            next_para_start(doc, si - 1).min(doc.tokens.len())
        } else {
            end + 1
        };
        let own_cue = (start..upto).any(|i| is_cue.get(i).copied().unwrap_or(false));
        let taken = drafts
            .iter()
            .any(|d| d.content.iter().any(|c| c.0 < end && start < c.1));
        match carry {
            Some(speaker) if fills && words >= 4 && !own_cue && !taken => {
                if let Some(d) = drafts.get_mut(speaker) {
                    d.content.push((start, close + 1));
                }
                para_last = Some(speaker);
                si = si.max(last + 1);
            }
            _ => carry = own,
        }
    }
}

/// First token of the paragraph after the one of sentence `si` (or past the end).
fn next_para_start(doc: &Doc<'_>, si: usize) -> usize {
    let Some(para) = doc.sentences.get(si).map(|s| s.paragraph) else {
        return usize::MAX;
    };
    // Sentences are in paragraph order.
    let next = doc.sentences.partition_point(|s| s.paragraph <= para);
    doc.sentences
        .get(next)
        .map_or(usize::MAX, |s| s.tokens.start)
}

/// The closing token of quote region `k`, following a quote left open at a paragraph end into
/// the next paragraph when that paragraph opens with a quotation mark (news convention).
fn follow(doc: &Doc<'_>, regions: &[(usize, usize, bool)], k: usize) -> usize {
    let Some(&(_, mut close, mut open)) = regions.get(k) else {
        return 0;
    };
    let mut idx = k;
    while open {
        let Some(&(o2, c2, open2)) = regions.get(idx + 1) else {
            break;
        };
        let si = doc.sentences.partition_point(|s| s.tokens.end <= o2);
        let starts_para = doc
            .sentences
            .get(si)
            .is_some_and(|s| s.tokens.start == o2 && is_first_in_para(doc, s));
        if !starts_para || o2 != close + 1 {
            break;
        }
        close = c2;
        idx += 1;
        open = open2;
    }
    close
}

fn is_first_in_para(doc: &Doc<'_>, s: &crate::segment::Sentence) -> bool {
    doc.article
        .paragraphs
        .get(s.paragraph)
        .and_then(|p| {
            doc.tokens
                .get(s.tokens.start)
                .map(|t| t.span.start <= p.body().start + 3)
        })
        .unwrap_or(false)
}

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "president",
    "senator",
    "sen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "rep.",
    "gov.",
    "gen.",
    "prof",
    "prof.",
    "secretary",
    "minister",
    "chairman",
    "chairwoman",
    "judge",
    "justice",
    "speaker",
    "governor",
    "mayor",
    "representative",
    "congressman",
    "congresswoman",
    "ambassador",
];
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "him", "her", "them", "i", "we", "you", "who", "which", "his",
    "its", "their",
];
const MEDIA: &[&str] = &[
    "cnn",
    "reuters",
    "ap",
    "associated press",
    "afp",
    "bbc",
    "nbc",
    "abc",
    "cbs",
    "fox news",
    "new york times",
    "washington post",
    "wall street journal",
    "politico",
    "bloomberg",
    "yonhap",
    "axios",
    "the hill",
    "usa today",
    "breitbart",
    "huffington post",
    "npr",
    "msnbc",
    "guardian",
    "financial times",
    "times",
    "post",
    "journal",
    "news",
    "newspaper",
    "magazine",
    "daily",
    "news agency",
    "news service",
    "wire service",
    "broadcaster",
    "television",
    "tv",
    "radio",
];
const GOVERNMENT: &[&str] = &[
    "white house",
    "pentagon",
    "kremlin",
    "state department",
    "ministry",
    "department",
    "government",
    "administration",
    "congress",
    "senate",
    "parliament",
    "police",
    "fbi",
    "cia",
    "court",
    "agency",
    "embassy",
    "military",
    "army",
    "navy",
    "office",
];
const DOCUMENTS: &[&str] = &[
    "lawsuit",
    "complaint",
    "indictment",
    "ruling",
    "transcript",
    "reports",
    "studies",
    "report",
    "study",
    "poll",
    "survey",
    "statement",
    "memo",
    "document",
    "documents",
    "data",
    "letter",
    "filing",
    "analysis",
    "records",
    "research",
    "book",
    "article",
    "email",
    "emails",
    "review",
    "audit",
    "figures",
    "numbers",
    "polls",
    "results",
];

/// The head noun of a lowercase speaker phrase: its last word, or the word before a participle
/// or preposition that follows the head ("a lawsuit filed Tuesday", "a report by the agency").
fn document_head(lname: &str) -> Option<&str> {
    let words: Vec<&str> = lname.split(' ').collect();
    let cut = words.iter().enumerate().skip(1).find(|(_, w)| {
        w.len() > 3 && w.ends_with("ed")
            || matches!(**w, "by" | "from" | "of" | "on" | "in" | "that")
    });
    match cut {
        Some((i, _)) => words.get(i - 1).copied(),
        None => words.last().copied(),
    }
}

/// Role nouns that name one person ("the mayor", "a defence lawyer"): a source headed by one is
/// a person, though unnamed in the sentence.
const PERSON_ROLES: &[&str] = &[
    "mayor",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "president",
    "minister",
    "ambassador",
    "secretary",
    "chairman",
    "chairwoman",
    "director",
    "ceo",
    "founder",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "doctor",
    "professor",
    "economist",
    "analyst",
    "researcher",
    "scientist",
    "teacher",
    "candidate",
    "commander",
    "coach",
    "manager",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "sister",
    "brother",
    "widow",
    "victim",
    "owner",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Anonymous class of a source text (lowercased), if it is an unnamed source. `withheld` says
/// the text around the source withholds its name ("a resident, who asked not to be named,"):
/// the source then counts as indefinite, as if it opened with "a".
pub(super) fn anonymous_class(src: &str, has_name: bool, withheld: bool) -> Option<AnonymousClass> {
    // A relative clause describes a named speaker ("Prof. Mark Lin, who was not involved in
    // the study"): with a name, only the words before it can make the source unnamed.
    let head = if has_name {
        src.find(" who ").map_or(src, |k| &src[..k])
    } else {
        src
    };
    let has = |w: &str| head.contains(w);
    if has("familiar with")
        || has("briefed on")
        || has("knowledge of")
        || has("close to")
        || has("with direct knowledge")
        || has("aware of")
        || has("involved in")
    {
        return Some(AnonymousClass::PersonWithKnowledge);
    }
    if has_name {
        return None;
    }
    let words: Vec<&str> = src
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    let head_in = |set: &[&str]| words.iter().any(|w| set.contains(w));
    let first = words.first().copied().unwrap_or("");
    let indefinite = withheld
        || matches!(
            first,
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "several"
                | "some"
                | "many"
                | "senior"
                | "officials"
                | "sources"
                | "source"
                | "people"
                | "u.s."
                | "administration"
                | "other"
                | "aides"
                | "diplomats"
                | "government"
                | "military"
                | "western"
                | "security"
        )
        || GROUP_NOUNS.contains(&first)
        || words.len() <= 2;
    if head_in(&[
        "official",
        "officials",
        "aide",
        "aides",
        "diplomat",
        "diplomats",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisers",
        "advisors",
        "staffer",
        "staffers",
        "lawmaker",
        "lawmakers",
        "investigators",
        "authorities",
    ]) && indefinite
    {
        return Some(AnonymousClass::UnnamedOfficial);
    }
    if head_in(&["memo", "documents", "document", "cable", "email", "emails"])
        && (withheld
            || matches!(
                first,
                "a" | "an" | "documents" | "internal" | "emails" | "leaked"
            ))
    {
        return Some(AnonymousClass::Document);
    }
    if (head_in(&[
        "source",
        "sources",
        "insiders",
        "insider",
        "someone",
        "person",
        "people",
        "witnesses",
        "observers",
    ]) || head_in(GROUP_NOUNS))
        && indefinite
    {
        return Some(AnonymousClass::Other);
    }
    None
}

/// People named only as a group ("Residents told reporters", "critics of the plan say"): the
/// claim rests on no one named.
const GROUP_NOUNS: &[&str] = &[
    "residents",
    "voters",
    "critics",
    "analysts",
    "experts",
    "economists",
    "protesters",
    "demonstrators",
    "locals",
    "villagers",
    "neighbours",
    "neighbors",
    "survivors",
    "relatives",
    "parents",
    "passengers",
    "shoppers",
    "traders",
    "fans",
    "researchers",
    "scientists",
    "customers",
    "consumers",
    "users",
    "individuals",
    "investors",
    "employees",
    "workers",
    "students",
    "visitors",
    "activists",
    "doctors",
];

/// Participles of hearsay: in an agentless passive ("is said to", "are believed to") they
/// rest a claim on nobody named.
const HEARSAY_PARTICIPLES: &[&str] = &[
    "said",
    "reported",
    "believed",
    "thought",
    "rumored",
    "rumoured",
    "understood",
    "alleged",
    "claimed",
];

/// Whether the cue `cue` is an agentless passive of hearsay ("is said", "are believed", "was
/// reported") in the sentence `sent`.
fn hearsay_passive(doc: &Doc<'_>, sent: Range<usize>, cue: (usize, usize)) -> bool {
    cue.1 > cue.0
        && is_in(HEARSAY_PARTICIPLES, word_at(doc, cue.1 - 1))
        && passive_without_agent(doc, sent, cue)
}

/// Lowercase words after a name that do not make it a modifier of a noun: "Merkel and Macron
/// said", "Obama of Illinois", "Trump, who said".
const NOT_A_HEAD_NOUN: &[&str] = &[
    "of",
    "and",
    "or",
    "&",
    "in",
    "at",
    "on",
    "for",
    "from",
    "with",
    "to",
    "who",
    "which",
    "that",
    "whose",
    "said",
    "says",
    "told",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "also",
    "during",
    "after",
    "before",
    "by",
    "about",
    "over",
    "under",
    "via",
    "through",
    "as",
    "when",
    "while",
    "against",
    "without",
    "within",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "then",
    "again",
];

/// Phrases that withhold a source's name when they follow it ("a resident, who asked not to
/// be named,").
const WITHHELD_NAME: &[&str] = &[
    "not to be named",
    "not to be identified",
    "anonymity",
    "not authorized to",
    "not authorised to",
    "declined to be named",
    "declined to be identified",
    "would not be named",
];

/// Converts a draft to an attribution: byte spans, speaker, speaker type, anonymity, kind.
fn finish(doc: &Doc<'_>, v: &[TokView], entities: &Entities, d: &Draft) -> Attribution {
    let cue: Vec<Span> = span_of(doc, d.cue.0, d.cue.1).into_iter().collect();
    let mut source: Vec<Span> = d
        .source
        .iter()
        .filter_map(|&(a, b)| span_of(doc, a, b))
        .collect();
    source.sort_by_key(|s| s.start);
    // Overlapping fragments merge.
    let content = Span::union(
        d.content
            .iter()
            .map(|&(a, b)| (skip_frame_time(doc, a, b), b))
            .filter_map(|(a, b)| span_of(doc, a, b)),
    );
    let cue_text = cue.first().map_or("", |s| s.slice(doc.text));
    let kind = if cue_text
        .get(..9)
        .is_some_and(|c| c.eq_ignore_ascii_case("according"))
    {
        QuoteKind::AccordingTo
    } else if matches!(
        layout_cue(doc, v, d.cue.0),
        Some(Layout::Statement | Layout::Dash | Layout::Signature(..))
    ) {
        // A statement printed under its header or above its signature is its own words,
        // with or without quotation marks.
        QuoteKind::Quote
    } else {
        quote_kind(v, &d.content)
    };
    let mut a = Attribution {
        source,
        cue,
        content,
        kind,
        ..Attribution::default()
    };
    speaker(doc, entities, &mut a, d);
    a
}

/// Words of a time phrase that can stand between a reporting verb and its complementizer
/// ("announced Monday that", "said on Friday that", "told reporters last week that"), besides
/// month and weekday names and numbers.
const FRAME_TIME_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "late",
    "early",
    "yesterday",
    "today",
    "tonight",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    ".",
];

/// The first token of a content that opens with the reporting frame's time phrase and then the
/// complementizer ("Monday that the bridge will reopen" -> "that the bridge will reopen"): the
/// time phrase says when the statement was made, not what was said.
fn skip_frame_time(doc: &Doc<'_>, a: usize, b: usize) -> usize {
    const MAX_TIME_WORDS: usize = 4;
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    for k in a..b.min(a + MAX_TIME_WORDS + 1) {
        let w = word(k);
        if w.eq_ignore_ascii_case("that") {
            return if k > a { k } else { a };
        }
        let time_word = w.bytes().all(|c| c.is_ascii_digit())
            || crate::time::lexicon::is_calendar_word(w)
            || FRAME_TIME_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w));
        if !time_word {
            break;
        }
    }
    a
}

fn quote_kind(v: &[TokView], content: &[(usize, usize)]) -> QuoteKind {
    let mut quoted = 0usize;
    let mut plain = 0usize;
    let mut starts_quoted = true;
    for &(a, b) in content {
        for (k, t) in v.get(a..b).unwrap_or(&[]).iter().enumerate() {
            if t.quote != QuoteMark::None {
                continue;
            }
            if t.in_quote {
                quoted += 1;
            } else {
                if t.shape != 4 {
                    plain += 1;
                }
                if k <= 1 {
                    starts_quoted = false;
                }
            }
        }
    }
    if quoted == 0 {
        QuoteKind::Paraphrase
    } else if plain == 0 || starts_quoted && plain <= 2 {
        QuoteKind::Quote
    } else {
        QuoteKind::Mixed
    }
}

/// Whether a source is a definite description of an organisation: "the company", "the German
/// carmaker", "the union" (the nouns the entity layer knows as organisation nouns).
fn is_company_description(ltext: &str) -> bool {
    const MAX_WORDS: usize = 3;
    let words: Vec<&str> = ltext.split_whitespace().collect();
    words.first() == Some(&"the")
        && words.len() <= MAX_WORDS
        && words
            .last()
            .is_some_and(|w| crate::entities::is_org_noun(w))
}

/// Fills speaker, speaker type and anonymous class from the source.
fn speaker(doc: &Doc<'_>, entities: &Entities, a: &mut Attribution, d: &Draft) {
    let Some(first) = a.source.first().copied() else {
        // "The mayor is said to be furious": hearsay in the passive names nobody; the claim
        // rests on an unnamed source.
        let sent = doc
            .sentences
            .get(d.sentence)
            .map_or(d.cue.0..d.cue.1, |s| s.tokens.clone());
        if hearsay_passive(doc, sent, d.cue) {
            a.anonymous = Some(AnonymousClass::Other);
            a.speaker_type = SpeakerType::Anonymous;
        }
        return;
    };
    let whole = Span::new(
        first.start,
        a.source.last().map_or(first.end, |s| s.end).max(first.end),
    );
    let text = whole.slice(doc.text);
    let ltext = lower(text);
    // Named entity inside the source: a person first, else any.
    // Mentions are in text order.
    let from = entities
        .mentions
        .partition_point(|m| m.span.start < whole.start);
    // A relative clause inside the source ("The mayor, who was visiting Paris") describes the
    // speaker; a name in it is not the speaker.
    let head_end = [", who ", ", which ", ", whose "]
        .iter()
        .filter_map(|r| ltext.find(r))
        .min()
        .map_or(whole.end, |k| whole.start + k);
    // A name followed by a lowercase noun of the same phrase modifies it ("the California
    // congressman", "the Obama administration", "Scott's family"): the noun is the speaker,
    // not the name.
    // An organisation's report ("a CNN report", "a Pew survey", "the Times's investigation")
    // is the organisation's word: it is the speaker.
    // "Saudi Arabia's Civil Defense Authority": a name whose possessive is followed by the
    // name of an organisation or a person is that name's modifier too.
    let named_at = |at: usize| {
        let k = entities.mentions.partition_point(|n| n.span.start < at);
        entities.mentions.get(k).is_some_and(|n| {
            n.span.start == at
                && n.span.end <= head_end
                && matches!(n.kind, EntityType::Org | EntityType::Per)
        })
    };
    let modifier = |m: &&crate::entities::Mention| {
        let rest = doc.text.get(m.span.end..head_end).unwrap_or("");
        let possessive = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("\u{2019}s"));
        if possessive.is_some_and(|r| r.starts_with(' ') && named_at(head_end - r.len() + 1)) {
            return true;
        }
        let rest = possessive.unwrap_or(rest);
        rest.strip_prefix(' ').is_some_and(|r| {
            r.split_whitespace().next().is_some_and(|w| {
                let w = w.trim_end_matches(',');
                w.chars().next().is_some_and(char::is_lowercase)
                    && !is_in(NOT_A_HEAD_NOUN, w)
                    && !(m.kind == EntityType::Org && is_in(PUBLICATION_NOUNS, w))
            })
        })
    };
    // A name's final dot may lie outside the source ("Apple Inc" + "." announced).
    let name_end = if doc.text.get(head_end..head_end + 1) == Some(".") {
        head_end + 1
    } else {
        head_end
    };
    let inside: Vec<_> = entities.mentions[from..]
        .iter()
        .take_while(|m| m.span.start < head_end)
        .filter(|m| m.span.end <= name_end)
        .filter(|m| !modifier(m))
        .collect();
    let pick = inside
        .iter()
        .find(|m| m.kind == EntityType::Per)
        .or_else(|| {
            inside
                .iter()
                .find(|m| matches!(m.kind, EntityType::Org | EntityType::Loc))
        })
        .map(|m| m.referent);
    let single = d.source.len() == 1 && d.source[0].1 == d.source[0].0 + 1;
    let pronoun = single && PRONOUNS.contains(&ltext.as_str());
    let referent = if pronoun {
        entities.pronoun_referent(doc, first)
    } else if pick.is_none() && is_company_description(&ltext) {
        entities.described_organisation(doc, whole.start, text)
    } else {
        pick
    };
    if let Some(r) = referent.and_then(|r| entities.referents.get(r)) {
        speak_as(r, a);
    }
    let has_name = inside.iter().any(|m| m.kind == EntityType::Per) || looks_named(text);
    // "A resident, who asked not to be named, told ...": the words between the source and its
    // cue withhold the name.
    let withheld = || {
        let gap = a
            .cue
            .first()
            .filter(|c| c.start > whole.end)
            .and_then(|c| doc.text.get(whole.end..c.start))
            .map(lower)
            .unwrap_or_default();
        WITHHELD_NAME.iter().any(|p| gap.contains(p))
    };
    let class = anonymous_class(&ltext, has_name, false).or_else(|| {
        (!has_name && withheld())
            .then(|| anonymous_class(&ltext, false, true).unwrap_or(AnonymousClass::Other))
    });
    if let Some(class) = class {
        a.anonymous = Some(class);
        a.speaker_type = SpeakerType::Anonymous;
        // The unnamed source is the speaker, not a name inside it: "US officials" (not "US"),
        // "a person close to Trump" (not Donald Trump).
        // "Two officials, who spoke on condition of anonymity": the head, not the clause.
        let head = doc
            .text
            .get(whole.start..head_end)
            .filter(|h| !h.trim().is_empty())
            .unwrap_or(text);
        let phrase = strip_determiners(head).trim_end_matches(['.', ',', ';', ':']);
        a.speaker = Some(phrase.trim().to_string());
        return;
    }
    if pronoun && a.speaker.is_none() {
        a.speaker_type = match ltext.as_str() {
            "he" | "she" | "i" | "him" | "her" | "his" => SpeakerType::Person,
            _ => SpeakerType::Unknown,
        };
        return;
    }
    if a.speaker.is_none() {
        let name = fallback_name(text);
        let lname = lower(name);
        // A media name ends the phrase as whole words: "the Associated Press", "the Daily
        // Post", not "a budget gap" ("ap") or "an outpost".
        let ends_with_word = |m: &str| {
            lname
                .strip_suffix(m)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        };
        let role_head = lname
            .rsplit(' ')
            .next()
            .is_some_and(|head| PERSON_ROLES.contains(&head));
        let common_first = name
            .split_whitespace()
            .next()
            .is_some_and(crate::entities::common_word);
        a.speaker_type = if let Some(t) = industry_place(name) {
            t
        } else if MEDIA.iter().any(|m| ends_with_word(m)) {
            SpeakerType::Media
        } else if role_head {
            // "the California congressman" is a person, though "congress" is a government
            // word.
            SpeakerType::Person
        } else if GOVERNMENT.iter().any(|g| lname.contains(g)) {
            SpeakerType::Government
        } else if DOCUMENTS.iter().any(|g| document_head(&lname) == Some(g)) {
            SpeakerType::Document
        } else if lname
            .rsplit(' ')
            .next()
            .is_some_and(crate::entities::is_org_noun)
        {
            // "the dockworkers' union", "the port operator" with no organisation named to
            // resolve them: still an organisation.
            SpeakerType::Organisation
        } else if web_outlet(name) {
            SpeakerType::Media
        } else if INDEFINITE_PEOPLE.contains(&lname.as_str()) {
            SpeakerType::Person
        } else if common_first {
            // "Recent reports", "Several analysts", "Estimates": a common word capitalised
            // because it opens the sentence is no name.
            SpeakerType::Unknown
        } else if looks_named(name)
            || !name.contains(' ')
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().any(char::is_lowercase)
        {
            SpeakerType::Person
        } else {
            SpeakerType::Unknown
        };
        if !name.is_empty() {
            a.speaker = Some(name.to_string());
        }
    }
}

/// Nouns for what an organisation publishes, whose author is the organisation ("a CNN
/// report", "a Pew survey").
const PUBLICATION_NOUNS: &[&str] = &[
    "report",
    "reports",
    "reporting",
    "story",
    "article",
    "investigation",
    "analysis",
    "poll",
    "survey",
    "study",
    "interview",
    "broadcast",
    "editorial",
    "documentary",
    "review",
];

/// Whether a text holds two capitalised words in a row (a name).
fn looks_named(text: &str) -> bool {
    let mut prev = false;
    for w in text.split_whitespace() {
        let cap = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase);
        if cap && prev {
            return true;
        }
        prev = cap;
    }
    false
}

/// A source's text minus leading determiners and titles.
fn strip_determiners(text: &str) -> &str {
    let mut rest = text.trim();
    loop {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = lower(rest.get(..word_end).unwrap_or(""));
        if word_end < rest.len()
            && (DETERMINERS.contains(&word.as_str()) || TITLES.contains(&word.as_str()))
        {
            rest = rest.get(word_end..).unwrap_or("").trim_start();
        } else {
            return rest;
        }
    }
}

/// The speaker name from a source text when no entity names it: the appositive part that looks
/// like a name ("South Korea's ambassador to Washington, Kang Kyung-wha" -> "Kang Kyung-wha"),
/// else the text without determiners and titles.
fn fallback_name(text: &str) -> &str {
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 {
        if let Some(p) = parts.iter().find(|p| {
            p.split_whitespace().count() <= 4
                && p.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }) {
            return strip_determiners(p);
        }
    }
    let first = parts.first().copied().unwrap_or(text);
    let name = strip_determiners(first)
        .trim_end_matches(['.', ',', ';', ':', '"', '\u{201D}'])
        .trim();
    // A party or state tag in parentheses goes: "Sen. Ted Cruz (R-Tex.)" -> "Ted Cruz".
    match name
        .strip_suffix(')')
        .and_then(|n| n.rfind(" (").map(|k| (n, k)))
    {
        Some((n, k)) if k > 0 => n.get(..k).unwrap_or(name).trim_end(),
        _ => name,
    }
}

/// Sets `parent`: the attribution whose content holds this cue (innermost), else, for a
/// "citing" or "according to" attribution, an earlier attribution in the same sentence.
#[allow(clippy::needless_range_loop)]
fn link_parents(drafts: &[Draft], out: &mut [Attribution], doc: &Doc<'_>, v: &[TokView]) {
    let _ = v;
    let n = out.len();
    // Every content fragment, sorted by start; a fragment that holds a cue starts at most the
    // longest fragment's length before it, so each cue looks at a short window only.
    let mut contents: Vec<(Span, usize)> = out
        .iter()
        .enumerate()
        .flat_map(|(j, a)| a.content.iter().map(move |c| (*c, j)))
        .collect();
    contents.sort_by_key(|(c, j)| (c.start, c.end, *j));
    let longest = contents.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    for i in 0..n {
        let Some(cue) = out[i].cue.first().copied() else {
            continue;
        };
        let mut best: Option<(usize, usize)> = None;
        let upto = contents.partition_point(|(c, _)| c.start <= cue.start);
        let floor = cue.end.saturating_sub(longest);
        for &(c, j) in contents[..upto]
            .iter()
            .rev()
            .take_while(|(c, _)| c.start >= floor)
        {
            if j != i && cue.end <= c.end {
                let len = c.end - c.start;
                // Ties go to the earlier attribution, as a scan in attribution order would.
                if best.is_none_or(|(bj, l)| len < l || (len == l && j < bj)) {
                    best = Some((j, len));
                }
            }
        }
        if let Some((j, _)) = best {
            // No two-way links: keep the outer one only.
            if out[j].parent != Some(i) {
                out[i].parent = Some(j);
            }
            continue;
        }
        let head = lower(cue.slice(doc.text));
        if head.starts_with("cit") || head.starts_with("according") {
            let si = drafts[i].sentence;
            // Drafts are in sentence order: look back within the sentence only.
            if let Some(j) = (0..i)
                .rev()
                .take_while(|&j| drafts[j].sentence >= si)
                .find(|&j| {
                    drafts[j].sentence == si
                        && drafts[j].cue.1 <= drafts[i].cue.0
                        && out[j].parent != Some(i)
                })
            {
                out[i].parent = Some(j);
            }
        }
    }
}

/// Makes referent `r` the speaker of `a`, with the speaker type its kind gives.
fn speak_as(r: &crate::entities::Referent, a: &mut Attribution) {
    a.speaker = Some(r.canonical.clone());
    a.speaker_type = industry_place(&r.canonical).unwrap_or(match (r.kind, r.subtype) {
        (_, Some(Subtype::Media)) => SpeakerType::Media,
        (_, Some(Subtype::Government)) => SpeakerType::Government,
        (EntityType::Per, _) => SpeakerType::Person,
        (EntityType::Org, _) => SpeakerType::Organisation,
        (EntityType::Loc, _) => SpeakerType::Government,
        (EntityType::Misc, _) => SpeakerType::Unknown,
    });
}

/// "..., according to the transit authority, which said ...": a relative pronoun source ("which",
/// "who") right after a comma takes the speaker of the attribution whose source ends at that
/// comma (its antecedent), or else the name before the comma (see below).
fn resolve_relative_sources(doc: &Doc<'_>, entities: &Entities, out: &mut [Attribution]) {
    for i in 0..out.len() {
        if out[i].speaker.is_some() || out[i].source.len() != 1 {
            continue;
        }
        let Some(src) = out[i].source.first().copied() else {
            continue;
        };
        if !matches!(lower(src.slice(doc.text)).as_str(), "which" | "who") {
            continue;
        }
        let Some(before) = doc.text.get(..src.start).map(str::trim_end) else {
            continue;
        };
        let Some(before) = before.strip_suffix(',') else {
            continue;
        };
        let end = before.trim_end().len();
        let antecedent = out
            .iter()
            .enumerate()
            .find(|(j, a)| {
                // The antecedent's source ends before the clause, or holds it ("A person ...,
                // who requested anonymity, said").
                *j != i
                    && a.speaker.is_some()
                    && a.source
                        .last()
                        .is_some_and(|s| s.end == end || (s.start < src.start && src.end < s.end))
            })
            .map(|(_, a)| (a.speaker.clone(), a.speaker_type, a.anonymous));
        if let Some((speaker, kind, anonymous)) = antecedent {
            out[i].speaker = speaker;
            out[i].speaker_type = kind;
            out[i].anonymous = anonymous;
            continue;
        }
        // No attribution of the antecedent: the name before the clause. "who" is the last
        // person named in the sentence before it ("... by Ana Ruiz, an economist at Acme Bank,
        // who said"), "which" an organisation named right before its comma.
        let who = lower(src.slice(doc.text)) == "who";
        let sentence = doc.sentence_start_back(src.start, 0);
        let name = entities
            .mentions
            .iter()
            .rev()
            .skip_while(|m| m.span.end > end)
            .take_while(|m| m.span.start >= sentence)
            .find(|m| {
                if who {
                    m.kind == EntityType::Per
                } else {
                    m.kind == EntityType::Org && m.span.end == end
                }
            });
        if let Some(r) = name.and_then(|m| entities.referents.get(m.referent)) {
            speak_as(r, &mut out[i]);
        }
    }
}

/// "I have always said ...," Ruiz said: an attribution nested in a quotation whose source is
/// "I" (or that has none, right after an "I") is the quoted speaker's own: it takes "I" as its
/// source and the speaker of the attribution that quotes it.
fn first_person_in_quotes(doc: &Doc<'_>, drafts: &[Draft], out: &mut [Attribution]) {
    let first_person = |k: usize| matches!(word_at(doc, k), "I" | "me");
    for i in 0..out.len() {
        let (Some(parent), Some(d)) = (out[i].parent, drafts.get(i)) else {
            continue;
        };
        if out[i].speaker.is_some() {
            continue;
        }
        let (a, _) = d.cue;
        let source_is_i = match d.source.as_slice() {
            [] if a > 0 && first_person(a - 1) => {
                if let Some(i_span) = span_of(doc, a - 1, a) {
                    take_as_source(doc, i_span, &mut out[i]);
                }
                true
            }
            [(s, e)] => *e == *s + 1 && first_person(*s),
            _ => false,
        };
        let parent_person = out
            .get(parent)
            .filter(|p| p.speaker_type == SpeakerType::Person)
            .map(|p| p.speaker.clone());
        if let (true, Some(speaker)) = (source_is_i, parent_person) {
            out[i].speaker = speaker;
            out[i].speaker_type = SpeakerType::Person;
        }
    }
}

/// Makes the word at `src` the source of `a`; a content fragment that ended with it ends
/// before it now ("\u{201C}I | have said"), and one left without a word goes.
fn take_as_source(doc: &Doc<'_>, src: Span, a: &mut Attribution) {
    a.source = vec![src];
    for c in a.content.iter_mut().filter(|c| c.end == src.end) {
        let kept = doc.text.get(c.start..src.start).unwrap_or("").trim_end();
        c.end = c.start + kept.len();
    }
    a.content.retain(|c| {
        doc.text
            .get(c.start..c.end)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    });
}

/// A pronoun source the entity layer leaves unresolved (or every one, without an entity
/// layer) takes the speaker of the nearest earlier attribution of a fitting type ("She added"
/// -> the last person, "It added" -> the last outlet or organisation); "they" looks back to
/// the sentence before only, for a group, an organisation or a government.
fn resolve_without_entities(doc: &Doc<'_>, entities: &Entities, out: &mut [Attribution]) {
    for i in 0..out.len() {
        // A surname alone ("Kang") takes the full name of an earlier speaker ("Kang Kyung-wha").
        if entities.mentions.is_empty() {
            if let Some(name) = out[i].speaker.clone().filter(|n| !n.contains(' ')) {
                let full = out[..i].iter().rev().take(64).find_map(|a| {
                    let s = a.speaker.as_ref()?;
                    (s.contains(' ') && s.split([' ', '-']).any(|w| w == name)).then(|| s.clone())
                });
                if let Some(full) = full {
                    out[i].speaker = Some(full);
                    out[i].speaker_type = SpeakerType::Person;
                }
            }
        }
        if out[i].speaker.is_some() || out[i].anonymous.is_some() {
            continue;
        }
        let Some(src) = out[i].source.first().copied() else {
            continue;
        };
        let word = lower(src.slice(doc.text));
        if !entities.mentions.is_empty() && entities.pronoun_referent(doc, src).is_some() {
            continue;
        }
        let fits = |t: SpeakerType| match word.as_str() {
            "he" | "she" | "him" | "her" | "his" => t == SpeakerType::Person,
            "it" | "its" => matches!(
                t,
                SpeakerType::Media
                    | SpeakerType::Organisation
                    | SpeakerType::Government
                    | SpeakerType::Document
            ),
            "they" | "their" => matches!(
                t,
                SpeakerType::Anonymous | SpeakerType::Organisation | SpeakerType::Government
            ),
            _ => false,
        };
        // "they" is a group quoted in this sentence or the one before ("Officials said ...
        // They added"), not any group named some attributions back.
        let floor = if matches!(word.as_str(), "they" | "their") {
            doc.sentence_start_back(src.start, 1)
        } else {
            0
        };
        let found = out[..i].iter().rev().take(8).find_map(|a| {
            if a.cue.first().is_none_or(|c| c.start < floor) {
                return None;
            }
            let name = a.speaker.as_ref()?;
            let pron = a
                .source
                .first()
                .is_some_and(|s| PRONOUNS.contains(&lower(s.slice(doc.text)).as_str()));
            (fits(a.speaker_type) && !pron).then(|| (name.clone(), a.speaker_type, a.anonymous))
        });
        if let Some((name, t, anon)) = found {
            out[i].speaker = Some(name);
            out[i].speaker_type = t;
            out[i].anonymous = anon;
        }
    }
}

/// True when a word of the token range `(a, b)` starts with a capital letter (a name).
fn has_capitalised_word(doc: &Doc<'_>, (a, b): (usize, usize)) -> bool {
    (a..b).any(|i| {
        word_at(doc, i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    })
}

/// "Having said that", "let's say", "needless to say", "that is to say", "suffice it to say":
/// set phrases with "say" that attribute nothing.
fn idiomatic_say(doc: &Doc<'_>, (a0, b0): (usize, usize)) -> bool {
    let say = |i: usize| is_in(&["say", "said"], word_at(doc, i));
    // The tagger may mark "to" alone ("Needless to | say").
    let (a, b) = if b0 > a0 && say(b0 - 1) {
        (b0 - 1, b0)
    } else if say(b0) && word_at(doc, b0.saturating_sub(1)).eq_ignore_ascii_case("to") {
        (b0, b0 + 1)
    } else {
        return false;
    };
    if b0 > a0 + 2 {
        return false;
    }
    let before = |k: usize| a.checked_sub(k).map_or("", |i| word_at(doc, i));
    let said = word_at(doc, a).eq_ignore_ascii_case("said");
    if said {
        // "Having said that, ..." (a comma or the sentence's end after "that"); in "Having
        // said that he would not run, ..." "that" is a complementizer and "said" a cue.
        return before(1).eq_ignore_ascii_case("having")
            && word_at(doc, b).eq_ignore_ascii_case("that")
            && matches!(word_at(doc, b + 1), "," | "." | ";" | "");
    }
    let after_lets = before(1) == "'s" || before(1) == "\u{2019}s" || before(1) == "us";
    after_lets && before(2).eq_ignore_ascii_case("let")
        || before(1).eq_ignore_ascii_case("let's")
        || before(1).eq_ignore_ascii_case("to")
            && (before(2).eq_ignore_ascii_case("needless")
                || before(2).eq_ignore_ascii_case("is") && before(3).eq_ignore_ascii_case("that")
                || before(2).eq_ignore_ascii_case("it")
                    && before(3).eq_ignore_ascii_case("suffice"))
}

/// "Donald | Trump is defending ..., saying": a source that ends inside a name (the next word
/// is capitalised too, or the period of a title such as "Sen." before one) runs on to the
/// name's end, never into the cue or a quotation.
fn finish_name_source(doc: &Doc<'_>, v: &[TokView], d: &mut Draft) {
    const MAX_MORE: usize = 4;
    let capitalised = |i: usize| {
        capitalised_word(doc, i)
            && v.get(i)
                .is_some_and(|t| !t.in_quote && t.quote == QuoteMark::None)
    };
    let Some(sent) = doc.sentences.get(d.sentence) else {
        return;
    };
    let cue = d.cue;
    for s in d.source.iter_mut() {
        let limit = if s.1 <= cue.0 { cue.0 } else { sent.tokens.end };
        if s.1 == 0 || !capitalised(s.1 - 1) {
            continue;
        }
        let mut e = s.1;
        loop {
            if e < limit && e < s.1 + MAX_MORE && capitalised(e) {
                e += 1;
            } else if e + 1 < limit
                && word_at(doc, e) == "."
                && is_in(TITLES, word_at(doc, e - 1))
                && capitalised(e + 1)
            {
                e += 2;
            } else {
                break;
            }
        }
        s.1 = e;
    }
}

/// Heads of cited evidence, not of a source that relays the claim ("citing weak figures from
/// Germany", "citing data from the agency").
const CITED_EVIDENCE: &[&str] = &[
    "figures",
    "numbers",
    "data",
    "results",
    "statistics",
    "estimates",
];

/// Prepositions that end the head of a noun phrase after "citing" ("demand | in Asia").
const HEAD_END_PREPOSITIONS: &[&str] = &[
    "in", "from", "at", "of", "about", "over", "for", "among", "across", "on", "with", "by", "to",
    "into", "amid",
];

/// "X reported ..., citing Y" (or "quoting Y"): the citing attribution takes Y as its source and
/// X's content, with X's attribution as parent, so the chain reads X > Y.
/// A "citing" that names a reason rather than a source ("citing rising costs") stays as it is.
fn rewrite_citing(doc: &Doc<'_>, entities: &Entities, drafts: &[Draft], out: &mut [Attribution]) {
    for i in 0..out.len() {
        let Some(parent) = out[i].parent else {
            continue;
        };
        let Some(cue) = out[i].cue.first() else {
            continue;
        };
        let cue_word = lower(cue.slice(doc.text));
        if !cue_word.starts_with("citing") && !cue_word.starts_with("quoting") {
            continue;
        }
        let cue_start = cue.start;
        let (Some(d), Some(p)) = (drafts.get(i), out.get(parent)) else {
            continue;
        };
        // The cited source is what the tagger took as content right after the cue.
        let Some(&(a, b)) = d
            .content
            .iter()
            .find(|c| c.0 >= d.cue.1 && c.0 <= d.cue.1 + 1)
        else {
            continue;
        };
        let mut parent_content = p.content.clone();
        // "reported Friday, citing people familiar with the matter, that the bank would ...":
        // the that-clause after the cited source is what the outlet reported.
        let clause = (a + 1..b.saturating_sub(1))
            .find(|&k| word_at(doc, k) == "," && word_at(doc, k + 1).eq_ignore_ascii_case("that"));
        let b = match clause.and_then(|k| span_of(doc, k + 1, b).map(|s| (k, s))) {
            Some((k, that)) => {
                let covered = parent_content
                    .iter()
                    .any(|c| c.start <= that.start && that.end <= c.end);
                if !covered {
                    parent_content = vec![that];
                    if let Some(po) = out.get_mut(parent) {
                        po.content = parent_content.clone();
                    }
                }
                k
            }
            None => b,
        };
        // A bracket after the cited name is no part of it ("Coastal Press (CP" loses "(CP").
        let b = (a + 1..b).find(|&k| word_at(doc, k) == "(").unwrap_or(b);
        // The first token after the cited name and its bracket, if any.
        let mut e = b;
        if word_at(doc, e) == "(" {
            while e < b + 12 && !matches!(word_at(doc, e), ")" | "") {
                e += 1;
            }
            e += 1;
        }
        // "the senator wrote, quoting an editorial.": what a speaker quotes is the content
        // of his own quoting; only a quoted source followed by what it said ("quoting KCNA,
        // the military ...") opens a chain.
        if cue_word.starts_with("quoting") {
            let sentence_end = doc.sentences.get(d.sentence).map_or(0, |s| s.tokens.end);
            if word_at(doc, e) != "," || e + 1 >= sentence_end {
                continue;
            }
        }
        let mut nd = d.clone();
        nd.source = vec![(a, b)];
        let mut a2 = finish(doc, &[], entities, &nd);
        // "citing a $12 million budget gap", "citing rising costs": a reason, not a source. A
        // cited source is a person, organisation, outlet, document or unnamed source.
        if a2.speaker_type == SpeakerType::Unknown && !has_capitalised_word(doc, (a, b)) {
            continue;
        }
        // "citing strong demand in Asia", "citing weak figures from Germany": the head of the
        // phrase, before its first preposition, is a lowercase common noun that names no
        // source (the place or name after the preposition does not make it one).
        if let Some(p) = (a + 1..b).find(|&k| is_in(HEAD_END_PREPOSITIONS, word_at(doc, k))) {
            let mut head = d.clone();
            head.source = vec![(a, p)];
            let evidence = is_in(CITED_EVIDENCE, word_at(doc, p - 1));
            if !has_capitalised_word(doc, (a, p))
                && (evidence
                    || finish(doc, &[], entities, &head).speaker_type == SpeakerType::Unknown)
            {
                continue;
            }
        }
        // "According to Yonhap, quoting KCNA (the North's agency), the military ...": the
        // content after the cited source is what both report; the parent's content does not
        // open with the chain.
        if word_at(doc, e) == "," {
            e += 1;
        }
        if let Some(after) = span_of(doc, e, e + 1) {
            for c in parent_content.iter_mut() {
                if c.start <= cue_start && cue_start < c.end && after.start < c.end {
                    c.start = after.start;
                }
            }
            if let Some(po) = out.get_mut(parent) {
                po.content = parent_content.clone();
            }
        }
        a2.content = parent_content;
        a2.kind = out[i].kind;
        a2.parent = Some(parent);
        out[i] = a2;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_finding_verb_prefilter_lets_every_finding_verb_through() {
        for w in super::FINDING_VERBS {
            assert!(super::maybe_finding_verb(w), "{w}");
            assert!(super::maybe_finding_verb(&w.to_ascii_uppercase()), "{w}");
        }
        for w in ["the", "study", "report", "shown", "finding"] {
            assert!(!super::maybe_finding_verb(w), "{w}");
        }
    }

    #[test]
    fn a_content_fragment_inside_the_frame_goes_when_content_follows_the_cue() {
        // "Officials(0..1) , speaking ... because they feared ...(2..9) , said(10) X(11..15)".
        let mut d = super::Draft {
            cue: (10, 11),
            sentence: 0,
            source: vec![(0, 1)],
            content: vec![(5, 9), (11, 15)],
        };
        super::content_inside_frame(&mut d);
        assert_eq!(d.content, vec![(11, 15)]);
        // With nothing after the cue, the fragment is all the content there is: it stays.
        let mut d = super::Draft {
            cue: (10, 11),
            sentence: 0,
            source: vec![(0, 1)],
            content: vec![(5, 9)],
        };
        super::content_inside_frame(&mut d);
        assert_eq!(d.content, vec![(5, 9)]);
    }

    #[test]
    fn the_core_cue_prefilter_lets_every_core_cue_through() {
        for w in super::CORE_CUES.iter().chain(&["according"]) {
            let mut capitalised = w.to_string();
            capitalised[..1].make_ascii_uppercase();
            for form in [w.to_string(), w.to_ascii_uppercase(), capitalised] {
                assert!(super::maybe_core_cue(&form), "{form}");
            }
        }
        for w in [
            "the",
            "President",
            "of",
            "Korea",
            "accordingly!!!!",
            "\u{201C}",
        ] {
            assert!(!super::maybe_core_cue(w), "{w}");
        }
    }

    /// The tokens of `word` (its first occurrence) in a one-sentence article `text`, with a
    /// check on the name rule for cues.
    fn name_part(text: &str, word: &str) -> bool {
        use claimsheet_ingest::{Article, Origin};
        let article = Article::new("t", Origin::file("t"), text.to_string(), None, None);
        let seg = crate::segment::segment(&article);
        let doc = crate::Doc::new(&article, &seg);
        let at = text.find(word).expect("word");
        let k = doc
            .tokens
            .iter()
            .position(|t| t.span.start == at)
            .expect("token");
        let sent = doc.sentences[0].tokens.clone();
        super::name_part_cue(&doc, sent, (k, k + 1))
    }

    #[test]
    fn a_capitalised_cue_inside_a_name_is_part_of_the_name() {
        assert!(name_part(
            "During Prime Minister's Questions on Wednesday, the prime minister defended the record.",
            "Questions"
        ));
        assert!(name_part(
            "The leader of Civic Passion lost his seat in the district on Sunday.",
            "Passion"
        ));
        // A headline in title case, or one in capitals, keeps its verb.
        assert!(!name_part("Clinton Says She Will Not Debate Again", "Says"));
        assert!(!name_part(
            "EUROPEANS ASK IF VIOLENCE IS THE NEW NORMAL",
            "ASK"
        ));
        // A cue after a lower-case word is no name's.
        assert!(!name_part(
            "Some critics Say the plan is too costly for the city.",
            "Say"
        ));
    }
}
