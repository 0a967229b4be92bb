//! The tables of the report: claims (one [`ClaimRow`] per claim), entities (one
//! [`EntityRow`] per referent), dates (one [`DateRow`] per time expression) and attributions
//! (one [`AttributionRow`] per attribution). Join keys: `article_id` everywhere; `claim_id` links
//! attribution rows to claim rows; entity `ref` and date `index` are the article-level ids used in
//! the annotation JSONL.

use std::borrow::Cow;

use claimsheet_extract::claims::ClaimKind;
use claimsheet_extract::hedge::Certainty;
use claimsheet_extract::time::TimexType;
use claimsheet_extract::{Annotation, Article, Span};

use crate::CharIndex;

/// A table: its column names and each row's cells in that order.
pub trait Table {
    /// Column names, in order.
    const COLUMNS: &'static [&'static str];
    /// The sheet or file name (`claims`, `entities`, `dates`, `attributions`).
    const NAME: &'static str;
    /// The row's cells in [`Table::COLUMNS`] order.
    fn cells(&self) -> Vec<Cow<'_, str>>;

    /// Calls `f` with each cell in [`Table::COLUMNS`] order: what [`Table::cells`] gives, for
    /// writers that need not keep the cells (a table may override it to write without
    /// allocating).
    fn for_each_cell(&self, f: &mut dyn FnMut(&str)) {
        for cell in self.cells() {
            f(&cell);
        }
    }
}

/// A number as text in a stack buffer, for writing a cell without allocating.
fn number_cell(n: usize, f: &mut dyn FnMut(&str)) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    f(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// The columns of the claims table, in order.
pub const COLUMNS: [&str; 22] = [
    "article_id",
    "claim_id",
    "paragraph",
    "sentence",
    "start",
    "end",
    "claim",
    "kind",
    "speaker",
    "speaker_type",
    "speaker_role",
    "cue",
    "source_chain",
    "anonymous",
    "quote",
    "said_on",
    "certainty",
    "polarity",
    "hedges",
    "verification",
    "entities",
    "dates",
];

/// One row of the claims table. Offsets are Unicode code points into the article text, end
/// exclusive; paragraph and sentence numbers count from 1. Text cells borrow from the article
/// and its annotation (`'a`), so a row costs no copy of the claim text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimRow<'a> {
    /// The article's id.
    pub article_id: &'a str,
    /// A stable id: the same input gives the same id, whatever the thread count or input order.
    pub claim_id: String,
    /// Paragraph number (1-based, counting non-blank lines).
    pub paragraph: usize,
    /// Sentence number in the article (1-based).
    pub sentence: usize,
    /// Start of the claim text (code points).
    pub start: usize,
    /// End of the claim text (code points, exclusive).
    pub end: usize,
    /// The claim text, exactly as in the article.
    pub claim: &'a str,
    /// `statement`, `quote`, `paraphrase`, `mixed` or `according-to`.
    pub kind: &'static str,
    /// Canonical speaker, `(article)` for the article's own statements.
    pub speaker: Cow<'a, str>,
    /// Speaker type (`person`, `media`, ...), empty for statements.
    pub speaker_type: &'static str,
    /// The role the text gives the speaker ("South Korea's ambassador to Washington").
    pub speaker_role: &'a str,
    /// The attribution cue words, joined by "; ".
    pub cue: List,
    /// The chain of sources, outermost first, joined by " > ".
    pub source_chain: List,
    /// `true` when a source in the chain is anonymous.
    pub anonymous: bool,
    /// Directly quoted words in the claim, joined by "; ".
    pub quote: List,
    /// When the statement was made, when the text says it (ISO value).
    pub said_on: &'a str,
    /// `certain`, `probable`, `possible` or `uncommitted`.
    pub certainty: &'static str,
    /// `positive` or `negative`.
    pub polarity: &'static str,
    /// Hedge cues in the claim, joined by "; ".
    pub hedges: List,
    /// `unconfirmed`, `disputed`, `confirmed`, or empty; with the sentence that gave the verdict
    /// when it is another one ("unconfirmed (sentence 18)").
    pub verification: Cow<'static, str>,
    /// Canonical names with types, joined by "; ": `Donald Trump (PER)`.
    pub entities: List,
    /// Time expressions with values, joined by "; ": `Saturday=2025-10-18`.
    pub dates: List,
}

fn bool_cell(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

impl Table for ClaimRow<'_> {
    const COLUMNS: &'static [&'static str] = &COLUMNS;
    const NAME: &'static str = "claims";

    fn for_each_cell(&self, f: &mut dyn FnMut(&str)) {
        f(self.article_id);
        f(&self.claim_id);
        number_cell(self.paragraph, f);
        number_cell(self.sentence, f);
        number_cell(self.start, f);
        number_cell(self.end, f);
        f(self.claim);
        f(self.kind);
        f(&self.speaker);
        f(self.speaker_type);
        f(self.speaker_role);
        f(self.cue.as_str());
        f(self.source_chain.as_str());
        f(bool_cell(self.anonymous));
        f(self.quote.as_str());
        f(self.said_on);
        f(self.certainty);
        f(self.polarity);
        f(self.hedges.as_str());
        f(&self.verification);
        f(self.entities.as_str());
        f(self.dates.as_str());
    }

    fn cells(&self) -> Vec<Cow<'_, str>> {
        let mut cells = Vec::with_capacity(COLUMNS.len());
        self.for_each_cell(&mut |c| cells.push(Cow::Owned(c.to_string())));
        cells
    }
}

/// One referent of the entities table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    /// The article's id.
    pub article_id: String,
    /// The referent's id within the article (the `ref` of annotation JSONL entities).
    pub referent: usize,
    /// Canonical name.
    pub canonical: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub kind: &'static str,
    /// `media`, `government` or empty.
    pub subtype: &'static str,
    /// Role the text gives it.
    pub role: String,
    /// Number of mentions.
    pub mentions: usize,
}

impl Table for EntityRow {
    const COLUMNS: &'static [&'static str] = &[
        "article_id",
        "ref",
        "canonical",
        "type",
        "subtype",
        "role",
        "mentions",
    ];
    const NAME: &'static str = "entities";

    fn cells(&self) -> Vec<Cow<'_, str>> {
        vec![
            Cow::Borrowed(self.article_id.as_str()),
            Cow::Owned(self.referent.to_string()),
            Cow::Borrowed(self.canonical.as_str()),
            Cow::Borrowed(self.kind),
            Cow::Borrowed(self.subtype),
            Cow::Borrowed(self.role.as_str()),
            Cow::Owned(self.mentions.to_string()),
        ]
    }
}

/// One time expression of the dates table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRow {
    /// The article's id.
    pub article_id: String,
    /// Index of the expression within the article (the order of annotation JSONL timexes).
    pub index: usize,
    /// The expression as written.
    pub text: String,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod, if any.
    pub modifier: &'static str,
    /// `publication`, `timex:N` (an earlier expression) or `none`.
    pub anchor: String,
    /// Index of the other end of a range, if any.
    pub range_with: String,
}

impl Table for DateRow {
    const COLUMNS: &'static [&'static str] = &[
        "article_id",
        "index",
        "text",
        "start",
        "end",
        "type",
        "value",
        "mod",
        "anchor",
        "range_with",
    ];
    const NAME: &'static str = "dates";

    fn cells(&self) -> Vec<Cow<'_, str>> {
        vec![
            Cow::Borrowed(self.article_id.as_str()),
            Cow::Owned(self.index.to_string()),
            Cow::Borrowed(self.text.as_str()),
            Cow::Owned(self.start.to_string()),
            Cow::Owned(self.end.to_string()),
            Cow::Borrowed(self.kind),
            Cow::Borrowed(self.value.as_str()),
            Cow::Borrowed(self.modifier),
            Cow::Borrowed(self.anchor.as_str()),
            Cow::Borrowed(self.range_with.as_str()),
        ]
    }
}

/// One attribution of the attributions table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionRow {
    /// The article's id.
    pub article_id: String,
    /// Index of the attribution within the article.
    pub index: usize,
    /// The claim row of its content, if it gave one.
    pub claim_id: String,
    /// Speaker.
    pub speaker: String,
    /// Speaker type.
    pub speaker_type: &'static str,
    /// Anonymous source class, if any.
    pub anonymous: &'static str,
    /// `quote`, `paraphrase`, `mixed`, `according-to`.
    pub kind: &'static str,
    /// Source text.
    pub source: String,
    /// Cue text.
    pub cue: String,
    /// Content text.
    pub content: String,
    /// Index of the enclosing attribution, if nested.
    pub parent: String,
}

impl Table for AttributionRow {
    const COLUMNS: &'static [&'static str] = &[
        "article_id",
        "index",
        "claim_id",
        "speaker",
        "speaker_type",
        "anonymous",
        "kind",
        "source",
        "cue",
        "content",
        "parent",
    ];
    const NAME: &'static str = "attributions";

    fn cells(&self) -> Vec<Cow<'_, str>> {
        vec![
            Cow::Borrowed(self.article_id.as_str()),
            Cow::Owned(self.index.to_string()),
            Cow::Borrowed(self.claim_id.as_str()),
            Cow::Borrowed(self.speaker.as_str()),
            Cow::Borrowed(self.speaker_type),
            Cow::Borrowed(self.anonymous),
            Cow::Borrowed(self.kind),
            Cow::Borrowed(self.source.as_str()),
            Cow::Borrowed(self.cue.as_str()),
            Cow::Borrowed(self.content.as_str()),
            Cow::Borrowed(self.parent.as_str()),
        ]
    }
}

/// FNV-1a, 64 bits: a small stable hash for claim ids.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const QUOTE_OPEN: [char; 3] = ['"', '\u{201C}', '\u{201E}'];
const QUOTE_CLOSE: [char; 2] = ['"', '\u{201D}'];

/// Words in double quotation marks inside `s`.
fn quoted_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find(QUOTE_OPEN) {
        let after = &rest[open..];
        let Some(c) = after.chars().next() else { break };
        let body = &after[c.len_utf8()..];
        match body.find(QUOTE_CLOSE) {
            Some(close) => {
                let q = body[..close].trim();
                if !q.is_empty() {
                    parts.push(q);
                }
                // The closing mark may be multi-byte.
                let skip = body[close..].chars().next().map_or(1, char::len_utf8);
                rest = &body[close + skip..];
            }
            None => {
                let q = body.trim();
                if !q.is_empty() {
                    parts.push(q);
                }
                break;
            }
        }
    }
    parts
}

/// Joins items with `sep`, dropping empty items and repeats.
fn join<I, T>(items: I, sep: &'static str) -> List
where
    I: IntoIterator<Item = T>,
    T: ListItem,
{
    let mut list = List::new(sep);
    for item in items {
        list.push(item);
    }
    list
}

/// A multi-valued cell: its items, in order, without empties or repeats, and the text a
/// spreadsheet cell shows, the items joined by the list's separator ("; ", or " > " for the
/// source chain). JSONL writes the items as an array, so an item that itself holds the
/// separator ("We tried; we failed") stays one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    text: String,
    /// Byte ranges of the items in `text`.
    items: Vec<(usize, usize)>,
    sep: &'static str,
    /// The items, once the list is long enough for a linear search for repeats to cost.
    seen: Option<std::collections::HashSet<String>>,
}

/// Items a list compares one by one before it keeps a set of them.
const LINEAR_ITEMS: usize = 16;

impl List {
    /// An empty list whose cell text joins items with `sep`.
    pub fn new(sep: &'static str) -> Self {
        List {
            text: String::new(),
            items: Vec::new(),
            sep,
            seen: None,
        }
    }

    /// Appends `item` unless it is empty or already in the list.
    pub fn push(&mut self, item: impl ListItem) {
        let mark = self.text.len();
        if self.items.is_empty() {
            // Most cells hold a few short items: one allocation of each kind covers them.
            self.text.reserve(48);
            self.items.reserve(4);
        } else {
            self.text.push_str(self.sep);
        }
        let start = self.text.len();
        item.write_into(&mut self.text);
        let new = &self.text[start..];
        let repeat = match &self.seen {
            Some(seen) => seen.contains(new),
            None => self.items.iter().any(|&(a, b)| &self.text[a..b] == new),
        };
        if new.is_empty() || repeat {
            self.text.truncate(mark);
            return;
        }
        if let Some(seen) = &mut self.seen {
            seen.insert(new.to_string());
        } else if self.items.len() + 1 >= LINEAR_ITEMS {
            let mut seen: std::collections::HashSet<String> = self
                .items
                .iter()
                .map(|&(a, b)| self.text[a..b].to_string())
                .collect();
            seen.insert(new.to_string());
            self.seen = Some(seen);
        }
        self.items.push((start, self.text.len()));
    }

    /// The cell text: the items joined by the separator.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The items, in order.
    pub fn items(&self) -> impl Iterator<Item = &str> + '_ {
        self.items.iter().map(|&(a, b)| &self.text[a..b])
    }

    /// The cell text, by value.
    pub fn into_string(self) -> String {
        self.text
    }

    /// True when the list holds no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Something a [`List`] can hold: written straight into the cell text, without an allocation
/// of its own.
pub trait ListItem {
    /// Appends the item's text to `out`.
    fn write_into(&self, out: &mut String);
}

impl ListItem for str {
    fn write_into(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: ListItem + ?Sized> ListItem for &T {
    fn write_into(&self, out: &mut String) {
        (**self).write_into(out);
    }
}

impl ListItem for String {
    fn write_into(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl ListItem for Cow<'_, str> {
    fn write_into(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl std::ops::Deref for List {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for List {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// `left` and `right` joined by a fixed separator when displayed ("Saturday=2025-10-18"), or
/// `left (right)` for a typed name: a cell item written without an allocation of its own.
struct Item<'a>(&'a str, &'a str, ItemShape);

#[derive(Clone, Copy)]
enum ItemShape {
    /// `text=value`
    Valued,
    /// `name (TYPE)`
    Typed,
}

impl ListItem for Item<'_> {
    fn write_into(&self, out: &mut String) {
        out.push_str(self.0);
        match self.2 {
            ItemShape::Valued => {
                out.push('=');
                out.push_str(self.1);
            }
            ItemShape::Typed => {
                out.push_str(" (");
                out.push_str(self.1);
                out.push(')');
            }
        }
    }
}

/// The stable claim id of a claim.
fn claim_id(
    article: &Article,
    start: usize,
    end: usize,
    kind: ClaimKind,
    attribution: Option<usize>,
) -> String {
    let start = (start as u64).to_le_bytes();
    let end = (end as u64).to_le_bytes();
    let attribution = attribution.map_or(u64::MAX, |a| a as u64).to_le_bytes();
    let repeat = article.repeat.to_le_bytes();
    let parts: [&[u8]; 6] = [
        article.id.as_bytes(),
        &start,
        &end,
        kind.as_str().as_bytes(),
        &attribution,
        &repeat,
    ];
    // An article whose id an earlier one had gets ids of its own; the first keeps the ids it
    // always had.
    let parts = if article.repeat == 0 {
        &parts[..5]
    } else {
        &parts[..]
    };
    let hash = fnv1a(parts);
    // "c" and 12 lowercase hex digits of the hash's top 48 bits.
    let mut id = String::with_capacity(13);
    id.push('c');
    for shift in (16..64).step_by(4).rev() {
        id.push(char::from(
            b"0123456789abcdef"[((hash >> shift) & 0xf) as usize],
        ));
    }
    id
}

fn speaker_name<'a>(
    a: &'a claimsheet_extract::attribution::Attribution,
    text: &'a str,
) -> Cow<'a, str> {
    match (&a.speaker, a.source.as_slice()) {
        (Some(name), _) => Cow::Borrowed(name),
        (None, [one]) => Cow::Borrowed(one.slice(text)),
        (None, many) => Cow::Owned(join(many.iter().map(|s| s.slice(text)), " ").into_string()),
    }
}

/// The items of a list whose spans lie inside `outer`, given the list's spans sorted by start
/// (`sorted` holds (span, index) pairs): a binary search, so a row costs what it holds, not what
/// the article holds.
fn within(sorted: &[(Span, usize)], outer: Span) -> impl Iterator<Item = usize> + '_ {
    let first = sorted.partition_point(|(s, _)| s.start < outer.start);
    sorted[first..]
        .iter()
        .take_while(move |(s, _)| s.start < outer.end)
        .filter(move |(s, _)| outer.contains(*s))
        .map(|(_, i)| *i)
}

/// (span, index) pairs sorted by span start.
fn sorted_spans(spans: impl Iterator<Item = Span>) -> Vec<(Span, usize)> {
    let mut v: Vec<(Span, usize)> = spans.enumerate().map(|(i, s)| (s, i)).collect();
    v.sort_by_key(|(s, i)| (s.start, s.end, *i));
    v
}

/// The rows of one article's claims.
pub fn claim_rows<'a>(article: &'a Article, ann: &'a Annotation) -> Vec<ClaimRow<'a>> {
    let idx = CharIndex::new(&article.text);
    let text = article.text.as_str();
    let mentions = sorted_spans(ann.entities.mentions.iter().map(|m| m.span));
    let timexes = sorted_spans(ann.timexes.iter().map(|t| t.span));
    let cues = sorted_spans(ann.hedges.cues.iter().map(|c| c.span));
    let roles: std::collections::HashMap<&str, &str> = ann
        .entities
        .referents
        .iter()
        .filter_map(|r| Some((r.canonical.as_str(), r.role.as_deref()?)))
        .collect();
    ann.claims
        .iter()
        .map(|c| {
            let [start, end] = idx.span(c.span);
            let attribution = c.attribution.and_then(|i| ann.attributions.get(i));
            let mut row = ClaimRow {
                article_id: &article.id,
                claim_id: claim_id(article, start, end, c.kind, c.attribution),
                paragraph: c.paragraph + 1,
                sentence: c.sentence + 1,
                start,
                end,
                claim: c.span.slice(text),
                kind: c.kind.as_str(),
                speaker: Cow::Borrowed("(article)"),
                speaker_type: "",
                speaker_role: "",
                cue: List::new("; "),
                source_chain: List::new(" > "),
                anonymous: false,
                quote: List::new("; "),
                said_on: "",
                certainty: "certain",
                polarity: "positive",
                hedges: List::new("; "),
                verification: Cow::Borrowed(""),
                entities: List::new("; "),
                dates: List::new("; "),
            };
            if let Some(a) = attribution {
                // The chain: the enclosing sources (outermost first), this source, and the
                // sources it relays ("CNN > people familiar with the matter").
                let mut chain = Vec::new();
                let mut cur = Some(a);
                // Parents form a tree; the bound guards against a malformed cycle.
                for _ in 0..16 {
                    let Some(x) = cur else { break };
                    chain.push(x);
                    cur = x.parent.and_then(|p| ann.attributions.get(p));
                }
                chain.reverse();
                let relayed: Vec<_> = c
                    .relays
                    .and_then(|r| ann.attributions.get(r))
                    .into_iter()
                    .collect();
                row.speaker = speaker_name(a, text);
                row.speaker_type = a.speaker_type.as_str();
                row.speaker_role = a
                    .speaker
                    .as_deref()
                    .and_then(|name| roles.get(name))
                    .copied()
                    .unwrap_or_default();
                row.cue = join(
                    std::iter::once(a)
                        .chain(relayed.iter().copied())
                        .flat_map(|x| &x.cue)
                        .map(|s| s.slice(text)),
                    "; ",
                );
                row.anonymous = chain.iter().chain(&relayed).any(|x| x.anonymous.is_some());
                row.source_chain = join(
                    chain.iter().chain(&relayed).map(|x| speaker_name(x, text)),
                    " > ",
                );
                row.said_on = said_on(ann, text, &timexes, a).unwrap_or_default();
            }
            if matches!(c.kind, ClaimKind::Quote | ClaimKind::Mixed) {
                row.quote = join(quoted_parts(row.claim), "; ");
            }
            // How firmly the claim is stated: the weakest certainty among the cues inside the
            // claim itself ("US officials are considering ..." is possible even though the
            // sentence's reporting frame holds no cue of its own).
            row.certainty = within(&cues, c.span)
                .map(|i| ann.hedges.cues[i].certainty(text))
                .fold(Certainty::Certain, Certainty::weaker)
                .as_str();
            if let Some(s) = ann.hedges.sentences.get(c.sentence) {
                row.polarity = s.polarity.as_str();
                if let Some((v, from)) = s.verification {
                    row.verification = if from == c.sentence {
                        Cow::Borrowed(v.as_str())
                    } else {
                        Cow::Owned(format!("{} (sentence {})", v.as_str(), from + 1))
                    };
                }
            }
            row.hedges = join(
                within(&cues, c.span).map(|i| ann.hedges.cues[i].span.slice(text)),
                "; ",
            );
            row.entities = join(
                within(&mentions, c.span)
                    .filter_map(|i| {
                        ann.entities
                            .referents
                            .get(ann.entities.mentions[i].referent)
                    })
                    .map(|r| Item(&r.canonical, r.kind.as_str(), ItemShape::Typed)),
                "; ",
            );
            row.dates = join(
                within(&timexes, c.span).map(|i| {
                    let t = &ann.timexes[i];
                    Item(t.span.slice(text), &t.value, ItemShape::Valued)
                }),
                "; ",
            );
            row
        })
        .collect()
}

/// Words that open a clause of their own: complementisers and conjunctions (see [`said_on`]).
const CLAUSE_WORDS: &[&str] = &[
    "after", "although", "and", "because", "before", "but", "how", "if", "or", "since", "that",
    "though", "until", "what", "when", "whether", "which", "while", "who", "why",
];

/// At most this many words open a sentence before a time expression and its comma for the time
/// to date the statement after them ("In a July 16 press conference, X said").
const OPENING_WORDS: usize = 8;

/// When an attributed statement was made: the DATE or TIME expression attached to the reporting
/// frame (source and cue), nearest to the cue: "CNN reported Saturday", "The White House said
/// last month that ...", "Kang told lawmakers during an audit session on Friday", "On Friday,
/// the ministry said ...". An expression in the content, or in another clause ("scheduled for
/// Nov. 1 in Gyeongju, a city often called ..."), is not when the statement was made.
fn said_on<'a>(
    ann: &'a Annotation,
    text: &str,
    timexes: &[(Span, usize)],
    a: &claimsheet_extract::attribution::Attribution,
) -> Option<&'a str> {
    let cue = a.cue.first()?;
    let lo = a.cue.iter().chain(&a.source).map(|s| s.start).min()?;
    let hi = a.cue.iter().chain(&a.source).map(|s| s.end).max()?;
    let sentences = &ann.segmentation.sentences;
    let first = sentences.get(sentences.partition_point(|s| s.span.end <= lo))?;
    let last = sentences
        .get(sentences.partition_point(|s| s.span.end < hi))
        .unwrap_or(first);
    let bounds = Span::new(first.span.start.min(lo), last.span.end.max(hi));
    let in_content = |x: Span| a.content.iter().any(|c| c.overlaps(x));
    // A gap longer than this is not one reporting frame; the bound also keeps a claim's cost
    // independent of the sentence's length.
    const MAX_GAP: usize = 160;
    let clause_break = |gap: &str| {
        gap.len() > MAX_GAP
            || gap.contains([
                ',', ';', ':', '(', ')', '"', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}',
            ])
    };
    // Words that open another clause: a time after a complementiser ("told the paper that on
    // October 6 ...") belongs to the content; one before a conjunction ("began on August 10,
    // and the ministry says") to another clause.
    let opens_clause = |gap: &str| {
        gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
            CLAUSE_WORDS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w) && !w.is_empty())
        })
    };
    let words = |s: &str| s.split_whitespace().count();
    let attached = |t: Span| -> bool {
        if a.source
            .iter()
            .any(|s| s.contains(t) && !opens_clause(Span::new(s.start, t.start).slice(text)))
        {
            // "figures released April 3 by NPD Group show", "The study, published this week,
            // found": the source's own date (not one of a clause in it: "The senator, who took
            // office in 2019, said").
            true
        } else if t.start >= cue.end {
            let gap = Span::new(cue.end, t.start);
            !in_content(gap) && !clause_break(gap.slice(text)) && !opens_clause(gap.slice(text))
        } else if t.end <= cue.start {
            let gap = Span::new(t.end, cue.start);
            let head = Span::new(first.span.start.min(t.start), t.start).slice(text);
            let gap_text = gap.slice(text);
            if in_content(gap) || opens_clause(gap_text) {
                return false;
            }
            if !clause_break(gap_text) {
                return true;
            }
            // The sentence's opening phrase, up to its first comma: "On Friday, the ministry
            // said", "In a July 16 press conference, the mayor said", "Earlier, on June 24,
            // Apple told": a few words with no clause of their own.
            let Some(comma) = gap_text.find(',') else {
                return false;
            };
            let (tail, rest) = gap_text.split_at(comma);
            words(head) + words(tail) <= OPENING_WORDS
                && !opens_clause(head)
                && !clause_break(tail)
                && !head.contains(['"', '\u{201C}', '\u{201D}', ';', ':', '(', ')'])
                && !clause_break(rest.get(1..).unwrap_or(""))
        } else {
            false
        }
    };
    // Only the expressions nearest the cue on either side can be attached to it (a farther one
    // lies beyond a nearer one); a few on each side allow for durations and sets in between.
    const NEAREST: usize = 3;
    let split = timexes.partition_point(|(s, _)| s.start < cue.start);
    let after = timexes[split..].iter().take(NEAREST);
    let before = timexes[..split].iter().rev().take(NEAREST);
    after
        .chain(before)
        .filter(|(s, _)| bounds.contains(*s))
        .map(|&(_, i)| &ann.timexes[i])
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter(|t| !in_content(t.span) && attached(t.span))
        .min_by_key(|t| t.span.start.abs_diff(cue.start))
        .map(|t| t.value.as_str())
}

/// The entities table rows of one article: one per referent.
pub fn entity_rows(article: &Article, ann: &Annotation) -> Vec<EntityRow> {
    ann.entities
        .referents
        .iter()
        .enumerate()
        .map(|(i, r)| EntityRow {
            article_id: article.id.clone(),
            referent: i,
            canonical: r.canonical.clone(),
            kind: r.kind.as_str(),
            subtype: r.subtype.map_or("", |s| s.as_str()),
            role: r.role.clone().unwrap_or_default(),
            mentions: r.mentions,
        })
        .collect()
}

/// The dates table rows of one article: one per time expression.
pub fn date_rows(article: &Article, ann: &Annotation) -> Vec<DateRow> {
    let idx = CharIndex::new(&article.text);
    ann.timexes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let [start, end] = idx.span(t.span);
            DateRow {
                article_id: article.id.clone(),
                index: i,
                text: t.span.slice(&article.text).to_string(),
                start,
                end,
                kind: t.kind.as_str(),
                value: t.value.clone(),
                modifier: t.modifier.unwrap_or(""),
                anchor: t.anchor.to_string(),
                range_with: t.range_with.map(|r| r.to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The attributions table rows of one article.
pub fn attribution_rows(article: &Article, ann: &Annotation) -> Vec<AttributionRow> {
    let idx = CharIndex::new(&article.text);
    let text = article.text.as_str();
    let spans_text =
        |spans: &[Span]| join(spans.iter().map(|s| s.slice(text)), " … ").into_string();
    // Each attribution's first claim, found in one pass (a search per attribution was
    // quadratic: long articles hold tens of thousands of both).
    let mut first_claim: Vec<Option<usize>> = vec![None; ann.attributions.len()];
    for (c, claim) in ann.claims.iter().enumerate() {
        if let Some(slot) = claim.attribution.and_then(|a| first_claim.get_mut(a)) {
            slot.get_or_insert(c);
        }
    }
    ann.attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let claim = first_claim
                .get(i)
                .copied()
                .flatten()
                .and_then(|c| ann.claims.get(c));
            let claim_id = claim
                .map(|c| {
                    let [start, end] = idx.span(c.span);
                    claim_id(article, start, end, c.kind, c.attribution)
                })
                .unwrap_or_default();
            AttributionRow {
                article_id: article.id.clone(),
                index: i,
                claim_id,
                speaker: speaker_name(a, text).into_owned(),
                speaker_type: a.speaker_type.as_str(),
                anonymous: a.anonymous.map_or("", |c| c.as_str()),
                kind: a.kind.as_str(),
                source: spans_text(&a.source),
                cue: spans_text(&a.cue),
                content: spans_text(&a.content),
                parent: a.parent.map(|p| p.to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_parts_handle_curly_straight_and_unclosed() {
        assert_eq!(
            quoted_parts("keeping “the possibility open.”"),
            ["the possibility open."]
        );
        assert_eq!(quoted_parts("\"a\" and \"b\""), ["a", "b"]);
        assert_eq!(quoted_parts("“never closed"), ["never closed"]);
        assert!(quoted_parts("no quotes").is_empty());
    }

    #[test]
    fn cells_written_one_by_one_are_the_columns_in_order() {
        let mut row = claim_rows_of_test_row();
        row.paragraph = 0;
        row.end = 1_234_567;
        let mut seen = Vec::new();
        row.for_each_cell(&mut |c| seen.push(c.to_string()));
        assert_eq!(seen.len(), COLUMNS.len());
        let cell = |name: &str| &seen[COLUMNS.iter().position(|c| *c == name).unwrap_or(0)];
        assert_eq!(cell("paragraph"), "0");
        assert_eq!(cell("sentence"), "12");
        assert_eq!(cell("end"), "1234567");
        assert_eq!(cell("anonymous"), "true");
        assert_eq!(cell("source_chain"), "Kang Kyung-wha");
        assert_eq!(cell("dates"), "Friday=2025-10-17");
        let cells: Vec<String> = row.cells().into_iter().map(|c| c.into_owned()).collect();
        assert_eq!(seen, cells);
    }

    fn claim_rows_of_test_row() -> ClaimRow<'static> {
        let mut entities = List::new("; ");
        entities.push("Kang Kyung-wha (PER)");
        ClaimRow {
            article_id: "a",
            claim_id: "c1".into(),
            paragraph: 3,
            sentence: 12,
            start: 0,
            end: 5,
            claim: "x",
            kind: "quote",
            speaker: "Kang Kyung-wha".into(),
            speaker_type: "person",
            speaker_role: "ambassador",
            cue: join(["told"], "; "),
            source_chain: join(["Kang Kyung-wha"], " > "),
            anonymous: true,
            quote: join(["no sign yet"], "; "),
            said_on: "2025-10-17",
            certainty: "certain",
            polarity: "positive",
            hedges: join(["no sign yet"], "; "),
            verification: "".into(),
            entities,
            dates: join(["Friday=2025-10-17"], "; "),
        }
    }

    #[test]
    fn attribution_rows_of_a_long_article_take_linear_time() {
        // Each attribution searched all the claims for its own: a 16 MiB article (90,000
        // attributions, 144,000 claims) spent seconds in the attributions table alone.
        use claimsheet_extract::claims::Claim;
        let text = "The minister said the talks would resume on Monday.";
        let article = Article::new(
            "long",
            claimsheet_ingest::Origin::file("long"),
            text.to_string(),
            None,
            None,
        );
        let one = claimsheet_extract::Pipeline::new().annotate(&article);
        let attribution = one.attributions.first().cloned().expect("an attribution");
        let claim = one
            .claims
            .iter()
            .find(|c| c.attribution == Some(0))
            .cloned()
            .expect("its claim");
        let n = 100_000;
        let mut ann = one;
        ann.attributions = vec![attribution; n];
        // A statement first, then each attribution's claim, in reverse.
        ann.claims = std::iter::once(Claim {
            attribution: None,
            ..claim.clone()
        })
        .chain((0..n).rev().map(|i| Claim {
            attribution: Some(i),
            ..claim.clone()
        }))
        .collect();
        let started = std::time::Instant::now();
        let rows = attribution_rows(&article, &ann);
        let took = started.elapsed();
        let claims = claim_rows(&article, &ann);
        assert_eq!(rows.len(), n);
        for (i, row) in rows.iter().enumerate().step_by(997) {
            assert_eq!(row.claim_id, claims[n - i].claim_id, "attribution {i}");
        }
        assert!(took.as_secs_f64() < 2.0, "{n} attributions took {took:?}");
    }

    #[test]
    fn join_drops_empties_and_repeats() {
        assert_eq!(join(["a", "", "b", "a"], "; ").as_str(), "a; b");
    }

    #[test]
    fn a_list_item_holding_the_separator_stays_one_item() {
        let l = join(["We tried; we failed", "it is over"], "; ");
        assert_eq!(l.as_str(), "We tried; we failed; it is over");
        assert_eq!(
            l.items().collect::<Vec<_>>(),
            ["We tried; we failed", "it is over"]
        );
    }

    #[test]
    fn a_long_list_drops_repeats_past_the_linear_search() {
        let names: Vec<String> = (0..40).map(|i| format!("n{}", i % 25)).collect();
        let l = join(&names, "; ");
        assert_eq!(l.items().count(), 25);
        assert_eq!(l.items().last(), Some("n24"));
    }
}
