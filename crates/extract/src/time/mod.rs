//! Time expressions: dates, times, durations and sets, normalised to TIMEX3 values against the
//! publication date.
//!
//! The tagger follows the TimeML / TIMEX3 conventions of TempEval-3:
//!
//! 1. every token is classified once by a hash lookup in a small lexicon (months, weekdays,
//!    seasons, units, number words, modifiers and anchors; hyphenated words are split into
//!    parts, so "two-year" reads like "two year");
//! 2. a hand-written grammar over those classes finds the longest expression at each position
//!    ("the past two years", "Oct. 31, 2025", "5 p.m. ET", "later that year");
//! 3. each expression is normalised: values fixed by the text carry [`Anchor::None`], relative
//!    ones are resolved against the publication date ([`Anchor::Publication`]) with the tense of
//!    the sentence choosing the direction of bare weekdays and months, and anaphoric ones ("that
//!    year", "the following day") against the last dated expression ([`Anchor::Previous`]);
//!    without a publication date the unknown parts stay `X` (`XXXX-WXX-6`);
//! 4. ranges ("Oct. 31 to Nov. 1") are linked through [`Timex::range_with`].
//!
//! Extents follow TimeBank: a leading "the" and the modifiers ("about", "more than", "early",
//! "late", "the end of") are part of the expression; prepositions ("in August") are not.

pub(crate) mod lexicon;

use claimsheet_ingest::Span;
use jiff::civil::Date;

use crate::segment::TokenKind;
use crate::Doc;
use lexicon::{Kw, Lex, LexMap, Unit};

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: `2025-10-18`, `2025-10`, `2025-W42`, `PAST_REF`.
    Date,
    /// A time of day: `2025-10-18T14:00`.
    Time,
    /// A length of time: `P3D`, `PT2H`.
    Duration,
    /// A recurrence: `P1Y` with a quantifier ("every year").
    Set,
}

impl TimexType {
    /// The TIMEX3 name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative expression was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The value is fixed by the text itself ("2018", "Oct. 31, 2025").
    None,
    /// Resolved against the publication date ("Saturday", "last month").
    Publication,
    /// Resolved against an earlier time expression, by its index ("later that year").
    Previous(usize),
}

impl std::fmt::Display for Anchor {
    /// The anchor as reports write it: `none`, `publication` or `timex:N`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Anchor::None => f.write_str("none"),
            Anchor::Publication => f.write_str("publication"),
            Anchor::Previous(i) => write!(f, "timex:{i}"),
        }
    }
}

/// One time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Byte span of the expression in the article text (TimeML extent: "August" in "in August").
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value (`2025-10-18`, `P3D`, `XXXX-WXX-6`, `PAST_REF`...).
    pub value: String,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`, ...), if the text gives one.
    pub modifier: Option<&'static str>,
    /// What the value was resolved against.
    pub anchor: Anchor,
    /// For a range ("Oct. 31 to Nov. 1"), the index of the other end.
    pub range_with: Option<usize>,
}

/// Finds and normalises time expressions.
#[derive(Debug, Default)]
pub struct TimeTagger {
    lex: LexMap,
}

impl TimeTagger {
    /// A tagger with its lexicons built.
    pub fn new() -> Self {
        TimeTagger {
            lex: lexicon::build(),
        }
    }

    /// The time expressions of `doc`, in text order, resolved against `publication` when given.
    pub fn tag(&self, doc: &Doc<'_>, publication: Option<Date>) -> Vec<Timex> {
        // atoms hold 32-bit offsets
        if u32::try_from(doc.text.len()).is_err() {
            return Vec::new();
        }
        let mut starts = Vec::new();
        let atoms = self.atoms(doc, &mut starts);
        let mut scan = Scan {
            text: doc.text,
            doc,
            atoms: &atoms,
            pubd: publication,
            out: Vec::new(),
            last_dated: None,
            last_quarter: None,
        };
        scan.run(&starts);
        let mut out: Vec<Timex> = scan
            .out
            .into_iter()
            .filter_map(|c| {
                let s = atoms.get(c.a)?.s as usize;
                let e = atoms.get(c.b.checked_sub(1)?)?.e as usize;
                (s < e).then_some(Timex {
                    span: Span::new(s, e),
                    kind: c.kind,
                    value: c.value,
                    modifier: c.modifier,
                    anchor: c.anchor,
                    range_with: None,
                })
            })
            .collect();
        link_ranges(doc.text, &mut out);
        out
    }

    /// Classifies every token (hyphenated words give one atom per part); the atoms where an
    /// expression may start ([`may_start`]) are listed in `starts`.
    fn atoms(&self, doc: &Doc<'_>, starts: &mut Vec<u32>) -> Vec<Atom> {
        let text = doc.text;
        let tb = text.as_bytes();
        let mut atoms = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 8);
        starts.reserve(doc.tokens.len() / 4);
        #[inline(always)]
        fn push(atoms: &mut Vec<Atom>, starts: &mut Vec<u32>, a: Atom) {
            if may_start(a.lex) {
                starts.push(atoms.len() as u32);
            }
            atoms.push(a);
        }
        for (ti, tok) in doc.tokens.iter().enumerate() {
            let (s, e) = (tok.span.start, tok.span.end);
            let Some(bytes) = tb.get(s..e) else { continue };
            let Some(&first) = bytes.first() else {
                continue;
            };
            // one load of the token, zero-padded (tokens over 16 bytes are never in the lexicon)
            let raw = load16(tb, s, bytes.len());
            let hyphen = match raw {
                Some(r) => has_hyphen(r),
                None => bytes.contains(&b'-'),
            };
            let atom = |lex: Lex, cap: bool| Atom {
                s: s as u32,
                e: e as u32,
                lex,
                cap,
                joined: false,
                tok: ti as u32,
            };
            match tok.kind {
                TokenKind::Punct => {
                    let p = match first {
                        b if b < 0x80 => b,
                        _ => {
                            let c = text.get(s..e).and_then(|t| t.chars().next()).unwrap_or(' ');
                            match c {
                                '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
                                '\u{2018}' | '\u{2019}' | '\u{201B}' => b'\'',
                                '\u{201C}' | '\u{201D}' => b'"',
                                _ => b'?',
                            }
                        }
                    };
                    push(&mut atoms, starts, atom(Lex::Punct(p), false));
                }
                TokenKind::Number if !hyphen => {
                    let lex = if bytes.iter().all(u8::is_ascii_digit) {
                        digits_lex(bytes)
                    } else {
                        Lex::NumX
                    };
                    push(&mut atoms, starts, atom(lex, false));
                }
                TokenKind::Word | TokenKind::Number if !hyphen => {
                    push(
                        &mut atoms,
                        starts,
                        atom(self.classify(bytes, raw), first.is_ascii_uppercase()),
                    );
                }
                TokenKind::Word | TokenKind::Number => {
                    let mut start = 0;
                    let mut part_no = 0;
                    for (k, &b) in bytes
                        .iter()
                        .enumerate()
                        .chain(std::iter::once((bytes.len(), &b'-')))
                    {
                        if b != b'-' {
                            continue;
                        }
                        if k > start {
                            let part = &bytes[start..k];
                            push(
                                &mut atoms,
                                starts,
                                Atom {
                                    s: (s + start) as u32,
                                    e: (s + k) as u32,
                                    lex: self.classify(part, load16(tb, s + start, part.len())),
                                    cap: part.first().is_some_and(u8::is_ascii_uppercase),
                                    joined: part_no > 0,
                                    tok: ti as u32,
                                },
                            );
                            part_no += 1;
                        }
                        start = k + 1;
                    }
                }
            }
        }
        atoms
    }

    /// The class of a word or number; `raw` is the word zero-padded (`None` past 16 bytes).
    #[inline]
    fn classify(&self, part: &[u8], raw: Option<u128>) -> Lex {
        let Some(&first) = part.first() else {
            return Lex::Other;
        };
        if first.is_ascii_digit() {
            let nd = part.iter().take_while(|b| b.is_ascii_digit()).count();
            let (digits, rest) = part.split_at(nd);
            if rest.is_empty() {
                return digits_lex(digits);
            }
            let Lex::Num(v, d) = digits_lex(digits) else {
                return Lex::Other;
            };
            if rest
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/'))
            {
                return Lex::NumX;
            }
            return match rest {
                b"s" | b"'s" if d == 4 && v % 10 == 0 => Lex::Decade(v / 10, 4),
                b"s" | b"'s" if d == 2 && v % 10 == 0 => Lex::Decade(v / 10, 2),
                b"st" | b"nd" | b"rd" | b"th" if d <= 3 => Lex::Ord(v),
                _ => Lex::Other,
            };
        }
        if !first.is_ascii_alphabetic() {
            return Lex::Other;
        }
        if let Some(l) = short_period(part) {
            return l;
        }
        match raw {
            Some(r) => self
                .lex
                .get(lexicon::lower(r, part.len()))
                .unwrap_or(Lex::Other),
            None => Lex::Other,
        }
    }
}

/// "Q1".."Q4", "H1", "H2" (upper case only: "q3" is rarely a quarter) and "FY2024", "FY24".
fn short_period(part: &[u8]) -> Option<Lex> {
    match part {
        [b'Q', d @ b'1'..=b'4'] => Some(Lex::PartYear(b'Q', d - b'0')),
        [b'H', d @ b'1'..=b'2'] => Some(Lex::PartYear(b'H', d - b'0')),
        [b'F', b'Y', rest @ ..] if matches!(rest.len(), 2 | 4) => {
            let mut v: u32 = 0;
            for b in rest {
                if !b.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + u32::from(b - b'0');
            }
            // "FY24": the century of the years news talks about
            Some(Lex::FiscalShort(if rest.len() == 2 { 2000 + v } else { v }))
        }
        _ => None,
    }
}

/// Bytes `s..s + len` of `tb` (`len` at most 16) zero-padded into a `u128`: one unaligned
/// 16-byte load where the text goes on that far (a variable-length copy costs a call and a
/// store-forwarding stall), a copy at the very end of the text.
#[inline]
fn load16(tb: &[u8], s: usize, len: usize) -> Option<u128> {
    if len > 16 {
        return None;
    }
    let mask = if len == 16 {
        !0u128
    } else {
        (1u128 << (8 * len)) - 1
    };
    if let Some(w) = tb.get(s..s.saturating_add(16)) {
        let mut a = [0u8; 16];
        a.copy_from_slice(w);
        return Some(u128::from_le_bytes(a) & mask);
    }
    let mut a = [0u8; 16];
    a.get_mut(..len)?.copy_from_slice(tb.get(s..s + len)?);
    Some(u128::from_le_bytes(a))
}

/// True when the zero-padded word `raw` holds a `-` (a SWAR zero-byte test).
#[inline]
fn has_hyphen(raw: u128) -> bool {
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    // bytes equal to `-` become zero; padding bytes become 0x2d
    let v = raw ^ (ONES * u128::from(b'-'));
    v.wrapping_sub(ONES) & !v & HIGH != 0
}

fn digits_lex(digits: &[u8]) -> Lex {
    if digits.len() > 9 {
        return Lex::NumX;
    }
    let mut v: u32 = 0;
    for b in digits {
        v = v * 10 + u32::from(b - b'0');
    }
    Lex::Num(v, digits.len() as u8)
}

/// One token or hyphen-separated part of a token, classified.
#[derive(Clone, Copy, Debug)]
struct Atom {
    s: u32,
    e: u32,
    lex: Lex,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Joined by a hyphen to the previous atom ("year" in "two-year").
    joined: bool,
    /// Index of its token.
    tok: u32,
}

/// A matched expression: atoms `a..b`.
#[derive(Clone, Debug)]
struct Cand {
    a: usize,
    b: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    anchor: Anchor,
    /// A leading "the" belongs to the expression ("the third quarter", "the past two years").
    the_ok: bool,
    /// A date counted back or forth from now ("two years ago"): takes a modifier.
    ago: bool,
    /// A quarter value derived from an earlier one ("a year ago" = that quarter a year before).
    derived_quarter: bool,
}

impl Cand {
    fn new(a: usize, b: usize, kind: TimexType, value: String, anchor: Anchor) -> Self {
        Cand {
            a,
            b,
            kind,
            value,
            modifier: None,
            anchor,
            the_ok: false,
            ago: false,
            derived_quarter: false,
        }
    }

    fn the(mut self) -> Self {
        self.the_ok = true;
        self
    }

    fn with_mod(mut self, m: Option<&'static str>) -> Self {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    /// A present progressive ("is continuing"): it ends the search for a tense without
    /// giving a direction to a month.
    Present,
    Unknown,
}

/// A parsed number: its value and whether it is vague ("several", "a few").
#[derive(Clone, Copy, Debug)]
struct Number {
    value: f64,
    vague: bool,
    /// "a"/"an" (agrees with a singular unit only).
    article: bool,
}

struct Scan<'a> {
    text: &'a str,
    doc: &'a Doc<'a>,
    atoms: &'a [Atom],
    pubd: Option<Date>,
    out: Vec<Cand>,
    /// Index in `out` of the last expression with a calendar value.
    last_dated: Option<usize>,
    /// The last quarter named in the text: its index in `out`, year and quarter.
    last_quarter: Option<(usize, i32, u8)>,
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 200_000 {
        return None;
    }
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 20_000 {
        return None;
    }
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// How far (in atoms) the verb that places a month on either side of the publication date is
/// looked for: to the left only, and without the "-ed" heuristic (participles mislead it).
const MONTH_LEFT: usize = 20;
const MONTH_RIGHT: usize = 0;
const MONTH_ED: bool = false;
/// News looks back more often than ahead: a month ahead of publication counts as this many
/// quarters of its distance (8 = twice as far) when choosing its year.
const FUTURE_WEIGHT: i64 = 8;
/// Nouns of events that make "today's"/"tomorrow's" before them a day ("today's vote"), not
/// "of our times" ("today's world").
const EVENT_NOUNS: [&str; 44] = [
    "vote",
    "votes",
    "game",
    "games",
    "match",
    "debate",
    "speech",
    "announcement",
    "meeting",
    "session",
    "edition",
    "editions",
    "paper",
    "papers",
    "quiz",
    "show",
    "episode",
    "hearing",
    "election",
    "elections",
    "race",
    "final",
    "ceremony",
    "event",
    "summit",
    "talks",
    "briefing",
    "rally",
    "trading",
    "deadline",
    "launch",
    "release",
    "report",
    "statement",
    "decision",
    "ruling",
    "attack",
    "results",
    "program",
    "programme",
    "broadcast",
    "interview",
    "protest",
    "primary",
];
const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];
const PARTS: [&str; 4] = ["MO", "AF", "EV", "NI"];

/// Shifts the period of `unit` containing `d` by `n` and formats it at the unit's grain.
fn shift(d: Option<Date>, unit: Unit, n: i64) -> String {
    let Some(d) = d else {
        return unknown(unit);
    };
    let y = i64::from(d.year());
    let r = match unit {
        Unit::Year => Some(format!("{:04}", y + n)),
        Unit::Decade => Some(format!("{:03}", (y / 10) + n)),
        Unit::Century => Some(format!("{:02}", (y / 100) + n)),
        Unit::Month => add_months(d, n).map(|x| format!("{:04}-{:02}", x.year(), x.month())),
        Unit::Quarter => {
            let q = (y * 4 + i64::from(d.month() - 1) / 3) + n;
            Some(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1))
        }
        Unit::Week | Unit::Fortnight => add_days(d, n * 7).map(iso_week),
        Unit::Weekend => add_days(d, n * 7).map(|x| format!("{}-WE", iso_week(x))),
        Unit::Day => add_days(d, n).map(ymd),
        // The publication time is not known: "five hours ago" is the publication day, "30 hours
        // ago" the day before (whole days, counted toward the publication date).
        Unit::Hour => add_days(d, n / 24).map(ymd),
        Unit::Minute => add_days(d, n / (24 * 60)).map(ymd),
        Unit::Second => add_days(d, n / (24 * 60 * 60)).map(ymd),
    };
    r.unwrap_or_else(|| unknown(unit))
}

fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

fn unit_letter(u: Unit) -> (&'static str, f64) {
    match u {
        Unit::Second => ("TS", 1.0),
        Unit::Minute => ("TM", 1.0),
        Unit::Hour => ("TH", 1.0),
        Unit::Day => ("D", 1.0),
        Unit::Week => ("W", 1.0),
        Unit::Weekend => ("WE", 1.0),
        Unit::Fortnight => ("W", 2.0),
        Unit::Month => ("M", 1.0),
        Unit::Quarter => ("Q", 1.0),
        Unit::Year => ("Y", 1.0),
        Unit::Decade => ("Y", 10.0),
        Unit::Century => ("Y", 100.0),
    }
}

/// A TIMEX3 duration value: `P3Y`, `PT2H`, `PXD`, `P2.5Y`.
fn duration(n: Number, u: Unit) -> String {
    let (l, k) = unit_letter(u);
    let (t, l) = match l.strip_prefix('T') {
        Some(rest) => ("T", rest),
        None => ("", l),
    };
    if n.vague {
        let l = match u {
            Unit::Decade => "E",
            Unit::Century => "C",
            _ => l,
        };
        return format!("P{t}X{l}");
    }
    let v = n.value * k;
    if v.fract() == 0.0 {
        return format!("P{t}{}{l}", v as i64);
    }
    // A fraction is written in the next smaller unit when it comes out whole there, as
    // TIMEX3 corpora do: "2 1/2 years" P2Y6M, "a minute and a half" PT1M30S.
    let (per, sub, sub_t) = match (t, l) {
        ("", "Y") => (12.0, "M", ""),
        ("", "D") => (24.0, "H", "T"),
        ("T", "H") => (60.0, "M", ""),
        ("T", "M") => (60.0, "S", ""),
        _ => (0.0, "", ""),
    };
    let whole = v.trunc();
    let part = (v - whole) * per;
    if per > 0.0 && v > 0.0 && (part - part.round()).abs() < 1e-9 && part.round() >= 1.0 {
        let part = part.round() as i64;
        if whole == 0.0 {
            let t = if sub_t.is_empty() { t } else { sub_t };
            return format!("P{t}{part}{sub}");
        }
        return format!("P{t}{}{l}{sub_t}{part}{sub}", whole as i64);
    }
    format!("P{t}{v}{l}")
}

fn quarter_of(d: Date) -> u8 {
    (d.month() as u8 - 1) / 3 + 1
}

fn weekday_of(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

fn is_digits(v: &str) -> bool {
    v.len() >= 4 && v.as_bytes().iter().take(4).all(u8::is_ascii_digit)
}

// ---------------------------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------------------------

impl<'a> Scan<'a> {
    fn lex(&self, i: usize) -> Lex {
        self.atoms.get(i).map_or(Lex::Punct(0), |a| a.lex)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.lex(i) {
            Lex::K(k) => Some(k),
            _ => None,
        }
    }

    fn is(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn joined(&self, i: usize) -> bool {
        self.atoms.get(i).is_some_and(|a| a.joined)
    }

    fn cap(&self, i: usize) -> bool {
        self.atoms.get(i).is_some_and(|a| a.cap)
    }

    fn word(&self, i: usize) -> &'a str {
        self.atoms
            .get(i)
            .and_then(|a| self.text.get(a.s as usize..a.e as usize))
            .unwrap_or("")
    }

    fn punct(&self, i: usize, p: u8) -> bool {
        self.lex(i) == Lex::Punct(p)
    }

    /// True when atom `i` directly touches atom `i - 1` (no space).
    fn touches(&self, i: usize) -> bool {
        i > 0
            && match (self.atoms.get(i - 1), self.atoms.get(i)) {
                (Some(p), Some(a)) => p.e == a.s,
                _ => false,
            }
    }

    /// True when atoms `i - 1` and `i` are in the same sentence.
    fn same_token_run(&self, i: usize, j: usize) -> bool {
        match (self.atoms.get(i), self.atoms.get(j)) {
            (Some(a), Some(b)) => {
                let (lo, hi) = if a.tok <= b.tok {
                    (a.tok as usize, b.tok as usize)
                } else {
                    (b.tok as usize, a.tok as usize)
                };
                let sents = self.doc.sentences;
                let k = sents.partition_point(|s| s.tokens.end <= lo);
                sents.get(k).is_none_or(|s| s.tokens.contains(&hi))
            }
            _ => false,
        }
    }

    /// True when atom `a` is in the sentence of atom `i` or in the one before it.
    fn near_sentence(&self, a: usize, i: usize) -> bool {
        let sent = |k: usize| {
            self.atoms.get(k).map(|at| {
                self.doc
                    .sentences
                    .partition_point(|s| s.tokens.end <= at.tok as usize)
            })
        };
        match (sent(a), sent(i)) {
            (Some(x), Some(y)) => x <= y && y - x <= 1,
            _ => false,
        }
    }

    /// Tries the grammar at every atom of `starts` (in order), going on after each match.
    fn run(&mut self, starts: &[u32]) {
        let mut next = 0;
        for &st in starts {
            let i = st as usize;
            if i < next {
                continue;
            }
            if let Some(c) = self.full(i).filter(|c| c.b > i) {
                let b = c.b;
                self.push(c);
                // A day range: "Nov. 1-3", "Oct. 31 to Nov. 1" is two matches.
                next = match self.day_range_end(b).or_else(|| self.year_range_end(b)) {
                    Some(c2) => {
                        let b2 = c2.b;
                        self.push(c2);
                        b2
                    }
                    None => b,
                };
            }
        }
    }

    fn push(&mut self, c: Cand) {
        let dated = matches!(c.kind, TimexType::Date | TimexType::Time) && is_digits(&c.value);
        let quarter = match (
            c.derived_quarter,
            c.value.get(..4),
            c.value.get(4..6),
            c.value.get(6..),
        ) {
            (false, Some(y), Some("-Q"), Some(q)) if c.value.len() == 7 => {
                y.parse::<i32>().ok().zip(q.parse::<u8>().ok())
            }
            _ => None,
        };
        self.out.push(c);
        if dated {
            self.last_dated = Some(self.out.len() - 1);
        }
        if let Some((y, q)) = quarter {
            self.last_quarter = Some((self.out.len() - 1, y, q));
        }
    }

    /// The expression starting at `i`, with a leading modifier or "the".
    fn full(&self, i: usize) -> Option<Cand> {
        if let Some((m, modifier)) = self.mod_prefix(i) {
            if let Some(mut c) = self.full_core(i + m) {
                // "around Nov. 1", "around year end": an approximate calendar date
                let around = self.is(i, Kw::Around)
                    && c.kind == TimexType::Date
                    && c.value.as_bytes().first().is_some_and(u8::is_ascii_digit);
                let ok = matches!(c.kind, TimexType::Duration | TimexType::Time) || c.ago || around;
                if ok {
                    c.a = i;
                    // "around mid-December": the finer modifier stays
                    if !(around && c.modifier.is_some()) {
                        c.modifier = Some(modifier);
                    }
                    return Some(c);
                }
            }
        }
        self.full_core(i)
    }

    fn full_core(&self, i: usize) -> Option<Cand> {
        if self.is(i, Kw::The) {
            if let Some(c) = self.period_year_back(i) {
                return Some(c);
            }
            if let Some(mut c) = self.core(i + 1) {
                if c.the_ok && c.a == i + 1 {
                    c.a = i;
                    return Some(c);
                }
            }
            return self.the_only(i);
        }
        self.core(i)
    }

    /// A modifier before a duration or a relative date: its length and TIMEX3 `mod`.
    fn mod_prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let k = self.kw(i)?;
        Some(match (k, self.kw(i + 1)) {
            (Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly | Kw::Some, _) => {
                (1, "APPROX")
            }
            (Kw::Nearly | Kw::Almost, _) => (1, "LESS_THAN"),
            (Kw::More | Kw::Fewer | Kw::Less, Some(Kw::Than)) => (
                2,
                if k == Kw::More {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
            ),
            (Kw::Under, _) if matches!(self.lex(i + 1), Lex::Num(..) | Lex::Card(_)) => {
                (1, "LESS_THAN")
            }
            (Kw::At, Some(Kw::Least)) => (2, "EQUAL_OR_MORE"),
            (Kw::Up, Some(Kw::To)) => (2, "EQUAL_OR_LESS"),
            (Kw::No, Some(Kw::More)) if self.is(i + 2, Kw::Than) => (3, "EQUAL_OR_LESS"),
            _ => return None,
        })
    }

    /// Expressions made of "the" and what follows that only exist with it.
    fn the_only(&self, i: usize) -> Option<Cand> {
        let pubd = self.pubd;
        let mut j = i + 1;
        while matches!(
            self.kw(j),
            Some(Kw::Fiscal | Kw::Full | Kw::Latest | Kw::Same)
        ) {
            j += 1;
        }
        let latest = j > i + 1 && self.is(j - 1, Kw::Latest);
        match self.lex(j) {
            // "the past", "the future", "the near future"
            Lex::K(Kw::Past)
                if j == i + 1
                    && !self.starts_amount(j + 1)
                    && !matches!(self.lex(j + 1), Lex::Unit(..)) =>
            {
                Some(Cand::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    "PAST_REF".into(),
                    Anchor::Publication,
                ))
            }
            Lex::K(Kw::Future) if j == i + 1 && !self.is(j + 1, Kw::Of) => Some(Cand::new(
                i,
                j + 1,
                TimexType::Date,
                "FUTURE_REF".into(),
                Anchor::Publication,
            )),
            Lex::K(Kw::Near | Kw::Distant | Kw::Short)
                if j == i + 1 && matches!(self.kw(j + 1), Some(Kw::Future | Kw::Term)) =>
            {
                Some(Cand::new(
                    i,
                    j + 2,
                    TimexType::Date,
                    "FUTURE_REF".into(),
                    Anchor::Publication,
                ))
            }
            // "over the years", "the weeks ahead": vague durations
            Lex::Unit(u, true)
                if j == i + 1
                    && u != Unit::Second
                    && (i > 0 && self.is(i - 1, Kw::Over)
                        || self.word(j + 1).eq_ignore_ascii_case("ahead")) =>
            {
                let ahead = self.word(j + 1).eq_ignore_ascii_case("ahead");
                let vague = Number {
                    value: 0.0,
                    vague: true,
                    article: false,
                };
                Some(Cand::new(
                    i,
                    if ahead { j + 2 } else { j + 1 },
                    TimexType::Duration,
                    duration(vague, u),
                    Anchor::None,
                ))
            }
            // "the year before", "the day after", "the day before yesterday"
            Lex::Unit(u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false)
                if j == i + 1 && matches!(self.kw(j + 1), Some(Kw::Before | Kw::After)) =>
            {
                self.unit_before_after(i, j, u)
            }
            // "the latest period", "the year-ago period"
            Lex::K(Kw::Period) if latest => Some(self.reported_quarter(i, j + 1, 0)),
            Lex::Unit(
                u @ (Unit::Year | Unit::Quarter | Unit::Weekend | Unit::Week | Unit::Month),
                false,
            ) => {
                if self.cap(j) && j > 0 && self.touches(j) {
                    return None;
                }
                // "the year 2000", "the year two thousand"
                if u == Unit::Year {
                    if let Lex::Num(v, 4) = self.lex(j + 1) {
                        return Some(Cand::new(
                            i,
                            j + 2,
                            TimexType::Date,
                            format!("{v:04}"),
                            Anchor::None,
                        ));
                    }
                    if let Some((n, b)) = self
                        .number(j + 1)
                        .filter(|(n, _)| !n.vague && !n.article && n.value >= 1000.0)
                    {
                        return Some(Cand::new(
                            i,
                            b,
                            TimexType::Date,
                            format!("{:04}", n.value as i64),
                            Anchor::None,
                        ));
                    }
                    // "year-ago", "year-earlier" after "the": [`Self::year_ago`]
                    if self.joined(j + 1) {
                        let mut c = self.year_ago(j)?;
                        if !c.the_ok {
                            return None;
                        }
                        c.a = i;
                        return Some(c);
                    }
                }
                if self.joined(j + 1)
                    || matches!(self.lex(j + 1), Lex::Punct(b'\''))
                    || self.is(j + 1, Kw::Of) && u != Unit::Year
                {
                    return None;
                }
                // "the year ended June 30": a duration
                let next = self.word(j + 1);
                if u == Unit::Year
                    && (next.eq_ignore_ascii_case("ended")
                        || next.eq_ignore_ascii_case("ending")
                        || self.is(j + 1, Kw::To) && matches!(self.lex(j + 2), Lex::Month(..)))
                {
                    let v = if u == Unit::Year { "P1Y" } else { "P3M" };
                    return Some(Cand::new(
                        i,
                        j + 1,
                        TimexType::Duration,
                        v.into(),
                        Anchor::None,
                    ));
                }
                if u == Unit::Quarter {
                    return Some(self.reported_quarter(i, j + 1, 0));
                }
                if latest {
                    return None;
                }
                let n = match u {
                    Unit::Weekend if self.tense(i) == Tense::Past => -1,
                    _ => 0,
                };
                Some(Cand::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    shift(pubd, u, n),
                    Anchor::Publication,
                ))
            }
            _ => None,
        }
    }

    /// "the year before", "the week after" at the end of a clause: one unit before or after
    /// the last date of the sentence fine enough for the unit, else the publication date;
    /// "the day before yesterday", "the day after tomorrow". Before an event ("the day before
    /// the vote") the date is unknown and nothing is matched.
    fn unit_before_after(&self, i: usize, j: usize, u: Unit) -> Option<Cand> {
        let sign: i64 = if self.is(j + 1, Kw::Before) { -1 } else { 1 };
        let k = j + 2;
        if u == Unit::Day {
            let deictic = match self.kw(k) {
                Some(Kw::Yesterday) if sign < 0 => Some(-2),
                Some(Kw::Tomorrow) if sign > 0 => Some(2),
                _ => None,
            };
            if let Some(off) = deictic {
                return Some(Cand::new(
                    i,
                    k + 1,
                    TimexType::Date,
                    shift(self.pubd, Unit::Day, off),
                    Anchor::Publication,
                ));
            }
        }
        let ends = match self.lex(k) {
            Lex::Punct(p) => matches!(
                p,
                b',' | b'.' | b';' | b':' | b')' | b'"' | b'-' | b'?' | b'!'
            ),
            Lex::K(Kw::And | Kw::Or | Kw::To | Kw::In | Kw::At | Kw::On | Kw::For) => true,
            Lex::Other => ["when", "while", "as", "but", "after", "before"]
                .iter()
                .any(|w| self.word(k).eq_ignore_ascii_case(w)),
            _ => k >= self.atoms.len(),
        };
        if !ends {
            return None;
        }
        let prev = self
            .last_dated
            .and_then(|x| self.out.get(x).map(|c| (x, c)))
            .filter(|(_, c)| fine_for(&c.value, u) && self.same_token_run(c.a, i));
        let (base, anchor) = match prev {
            Some((x, c)) => (anchor_date(&c.value), Anchor::Previous(x)),
            None => (self.pubd, Anchor::Publication),
        };
        Some(Cand::new(
            i,
            j + 2,
            TimexType::Date,
            shift(base, u, sign),
            anchor,
        ))
    }

    /// After `the` at `i`: a reported quarter or period one year back, "the quarter a year ago",
    /// "the same period last year", "the corresponding quarter a year earlier", "the 1988
    /// quarter" (the quarter last named, in that year).
    fn period_year_back(&self, i: usize) -> Option<Cand> {
        let mut j = i + 1;
        let mut compared = false;
        while self.is(j, Kw::Same) || self.is(j, Kw::Fiscal) || self.is_comparing(j) {
            compared |= !self.is(j, Kw::Fiscal);
            j += 1;
        }
        // "the 1988 period", "the 1989 quarter"
        if let Lex::Num(y, 4) = self.lex(j) {
            if !self.year_ok(j)
                || !matches!(
                    self.lex(j + 1),
                    Lex::Unit(Unit::Quarter, false) | Lex::K(Kw::Period)
                )
            {
                return None;
            }
            // "the first nine months ... the 1988 period": that year
            if self.months_period(i) {
                return Some(Cand::new(
                    i,
                    j + 2,
                    TimexType::Date,
                    format!("{y:04}"),
                    Anchor::None,
                ));
            }
            let (x, _, q) = self.last_quarter?;
            let mut c = Cand::new(
                i,
                j + 2,
                TimexType::Date,
                format!("{y:04}-Q{q}"),
                Anchor::Previous(x),
            );
            c.derived_quarter = true;
            return Some(c);
        }
        if !matches!(
            self.lex(j),
            Lex::Unit(Unit::Quarter, false) | Lex::K(Kw::Period)
        ) {
            return None;
        }
        let k = j + 1;
        // "a year ago", "a year earlier", "last year", "the year before", "the previous year"
        let b = if self.is(k, Kw::A)
            && matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false))
            && matches!(self.kw(k + 2), Some(Kw::Ago | Kw::Earlier))
            && !self.joined(k + 2)
        {
            k + 3
        } else if compared
            && self.is(k, Kw::Last)
            && matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false))
        {
            k + 2
        } else if compared
            && self.is(k, Kw::Of)
            && self.is(k + 1, Kw::Last)
            && matches!(self.lex(k + 2), Lex::Unit(Unit::Year, false))
        {
            k + 3
        } else {
            return None;
        };
        Some(self.reported_quarter(i, b, 1))
    }

    /// True when the period a report compares, named last in this sentence or the one before,
    /// is several quarters long ("the first nine months", "the six months"), not a quarter: "a
    /// year earlier" is then that year.
    fn months_period(&self, i: usize) -> bool {
        for c in self.out.iter().rev() {
            if !self.near_sentence(c.a, i) {
                break;
            }
            if c.kind == TimexType::Duration && matches!(c.value.as_str(), "P9M" | "P6M") {
                return true;
            }
            if c.value.contains("-Q") || c.value.contains("-H") {
                return false;
            }
        }
        false
    }

    /// True when the sentence of atom `i` talks about business figures: a percent sign, a
    /// currency sign or a word such as "sales", "profit", "revenue", "earnings".
    fn business_sentence(&self, i: usize) -> bool {
        const WORDS: [&str; 12] = [
            "sales", "profit", "profits", "revenue", "revenues", "earnings", "income", "loss",
            "losses", "output", "growth", "margins",
        ];
        let mut lo = i;
        while lo > 0 && self.same_token_run(lo - 1, i) {
            lo -= 1;
        }
        let mut k = lo;
        while k < self.atoms.len() && self.same_token_run(i, k) {
            match self.lex(k) {
                Lex::Punct(b'%' | b'$') => return true,
                Lex::Other => {
                    let w = self.word(k);
                    if w.starts_with(['$', '\u{20ac}', '\u{a3}'])
                        || WORDS.iter().any(|x| w.eq_ignore_ascii_case(x))
                    {
                        return true;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        false
    }

    /// "corresponding", "comparable", "prior-year": words that compare a period with another.
    fn is_comparing(&self, j: usize) -> bool {
        matches!(self.lex(j), Lex::Other)
            && ["corresponding", "comparable"]
                .iter()
                .any(|w| self.word(j).eq_ignore_ascii_case(w))
    }

    /// The quarter a report is about: the last quarter named, else the one before publication;
    /// `back` years earlier.
    fn reported_quarter(&self, a: usize, b: usize, back: i32) -> Cand {
        // a quarter named in the text that is already over is the one reported on
        if let (Some((x, y, q)), Some(p)) = (self.last_quarter, self.pubd) {
            let named = i64::from(y) * 4 + i64::from(q);
            let now = i64::from(p.year()) * 4 + i64::from(quarter_of(p));
            if named < now {
                let mut c = Cand::new(
                    a,
                    b,
                    TimexType::Date,
                    format!("{:04}-Q{q}", y - back),
                    Anchor::Previous(x),
                );
                c.derived_quarter = back != 0;
                return c;
            }
        }
        let v = match self.pubd {
            Some(p) => {
                let q = i64::from(p.year()) * 4 + i64::from(quarter_of(p))
                    - 1
                    - 1
                    - 4 * i64::from(back);
                format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
            }
            None => "XXXX-QX".to_string(),
        };
        let mut c = Cand::new(a, b, TimexType::Date, v, Anchor::Publication);
        c.derived_quarter = back != 0;
        c
    }

    /// "year-ago", "year-earlier", "the year-ago quarter", "the year-earlier period".
    fn year_ago(&self, i: usize) -> Option<Cand> {
        let Lex::Unit(Unit::Year, false) = self.lex(i) else {
            return None;
        };
        if !(self.joined(i + 1) && matches!(self.kw(i + 1), Some(Kw::Ago | Kw::Earlier))) {
            return None;
        }
        let mut j = i + 2;
        while matches!(self.kw(j), Some(Kw::Fiscal)) {
            j += 1;
        }
        if matches!(
            self.lex(j),
            Lex::Unit(Unit::Quarter, false) | Lex::K(Kw::Period)
        ) {
            return Some(self.reported_quarter(i, j + 1, 1).the());
        }
        if let Some(x) = self.ord_at(j).filter(|&n| (1..=4).contains(&n)) {
            if matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false)) {
                let v = match self.pubd {
                    Some(p) => format!("{:04}-Q{x}", p.year() - 1),
                    None => format!("XXXX-Q{x}"),
                };
                let mut c = Cand::new(i, j + 2, TimexType::Date, v, Anchor::Publication).the();
                c.derived_quarter = true;
                return Some(c);
            }
        }
        let mut c = match self.last_quarter {
            Some(_) if !self.months_period(i) => self.reported_quarter(i, i + 2, 1),
            _ => Cand::new(
                i,
                i + 2,
                TimexType::Date,
                shift(self.pubd, Unit::Year, -1),
                Anchor::Publication,
            ),
        };
        c.derived_quarter = true;
        Some(c)
    }

    /// True when a number (digits, words, "a few") starts at `i`.
    fn starts_amount(&self, i: usize) -> bool {
        matches!(
            self.lex(i),
            Lex::Num(..)
                | Lex::Card(_)
                | Lex::K(Kw::Few | Kw::Several | Kw::Couple | Kw::Many)
                | Lex::NumX
        )
    }

    /// The longest expression starting exactly at `i`.
    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.b > b.b) {
                    best = Some(c);
                }
            }
        };
        match self.lex(i) {
            Lex::Num(..) | Lex::NumX => {
                take(self.iso_date(i));
                take(self.year(i));
                take(self.decade(i));
                take(self.day_month(i));
                take(self.duration(i));
                take(self.clock(i));
                take(self.quarter(i));
            }
            Lex::Card(_) => {
                take(self.spoken_year(i));
                take(self.duration(i));
            }
            Lex::Ord(_) => {
                take(self.nth_weekday(i));
                take(self.nth_week(i));
                take(self.quarter(i));
                take(self.day_month(i));
                take(self.century(i));
                take(self.ord_duration(i));
                take(self.day_of_month(i));
            }
            Lex::Unit(Unit::Second, false) => {
                take(self.quarter(i));
                take(self.nth_weekday(i));
                take(self.nth_week(i));
            }
            Lex::Unit(Unit::Year, false) => {
                take(self.year_end(i));
                take(self.year_ago(i));
            }
            Lex::Unit(..) => take(self.bare_units(i)),
            Lex::Decade(..) | Lex::DecadeWord(_) => take(self.decade(i)),
            Lex::Punct(b'\'') => take(self.decade(i)),
            Lex::Month(..) => take(self.month(i)),
            Lex::Weekday(_) => take(self.weekday(i)),
            Lex::Weekdays(_) => take(self.weekdays(i)),
            Lex::Holiday(_) => take(self.holiday(i)),
            Lex::PartYear(..) => take(self.quarter(i)),
            Lex::FiscalShort(y) => take(Some(Cand::new(
                i,
                i + 1,
                TimexType::Date,
                format!("{y:04}"),
                Anchor::None,
            ))),
            Lex::Season(_) => take(self.season(i, None)),
            Lex::PartDay(_) => take(self.part_then_day(i)),
            Lex::K(k) => match k {
                Kw::Half => take(self.duration(i)),
                Kw::A | Kw::Few | Kw::Several | Kw::Couple | Kw::Many | Kw::Some => {
                    take(self.set_a(i));
                    take(self.duration(i));
                }
                Kw::This
                | Kw::Last
                | Kw::Next
                | Kw::Past
                | Kw::Coming
                | Kw::Previous
                | Kw::Following
                | Kw::Current
                | Kw::Latest
                | Kw::Same
                | Kw::Upcoming
                | Kw::That
                | Kw::Recent => {
                    take(self.relative(i));
                    take(self.refs(i));
                    if k == Kw::Last {
                        take(self.quarter(i));
                        take(self.nth_weekday(i));
                        take(self.nth_week(i));
                    }
                }
                Kw::Fiscal => {
                    take(self.quarter(i));
                    take(self.fiscal_year(i));
                }
                Kw::Earlier | Kw::Later => take(self.earlier_later(i)),
                Kw::Early | Kw::Mid | Kw::Late => take(self.early_late(i)),
                Kw::End | Kw::Beginning | Kw::Start | Kw::Middle => take(self.end_of(i)),
                Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Tonight => take(self.deictic(i)),
                Kw::Now
                | Kw::Currently
                | Kw::Recently
                | Kw::Nowadays
                | Kw::Presently
                | Kw::Right
                | Kw::More
                | Kw::These
                | Kw::Future => take(self.refs(i)),
                Kw::Every
                | Kw::Each
                | Kw::Per
                | Kw::Daily
                | Kw::Weekly
                | Kw::Monthly
                | Kw::Quarterly
                | Kw::Annually
                | Kw::Yearly
                | Kw::Hourly => take(self.set(i)),
                Kw::Noon | Kw::Midnight => take(self.clock(i)),
                _ => {}
            },
            _ => {}
        }
        best
    }

    // ----- numbers -------------------------------------------------------------------------

    /// A number at `i`: its value and the atom after it.
    fn number(&self, i: usize) -> Option<(Number, usize)> {
        let plain = |v: f64| Number {
            value: v,
            vague: false,
            article: false,
        };
        let (mut n, mut j) = match self.lex(i) {
            Lex::Num(v, d) if d <= 6 => (plain(f64::from(v)), i + 1),
            Lex::NumX => {
                let w = self.word(i);
                if w.contains(':') || w.contains('/') {
                    return None;
                }
                let v: f64 = w.replace(',', "").parse().ok()?;
                (plain(v), i + 1)
            }
            Lex::Card(v) => {
                let mut v = f64::from(v);
                let mut j = i + 1;
                if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                    if let Lex::Card(u) = self.lex(j) {
                        if (1..10).contains(&u) {
                            v += f64::from(u);
                            j += 1;
                        }
                    }
                }
                if let Lex::Card(m @ (100 | 1000)) = self.lex(j) {
                    v *= f64::from(m);
                    j += 1;
                }
                (plain(v), j)
            }
            // "half an hour", "half a day"
            Lex::K(Kw::Half) if self.is(i + 1, Kw::A) => (
                Number {
                    value: 0.5,
                    vague: false,
                    article: true,
                },
                i + 2,
            ),
            Lex::K(Kw::A) => match self.lex(i + 1) {
                Lex::Card(m @ (100 | 1000 | 12)) => (plain(f64::from(m)), i + 2),
                // "a half hour", "a half-hour"
                Lex::K(Kw::Half) if matches!(self.lex(i + 2), Lex::Unit(_, false)) => (
                    Number {
                        value: 0.5,
                        vague: false,
                        article: true,
                    },
                    i + 2,
                ),
                Lex::K(Kw::Couple) if self.is(i + 2, Kw::Of) => (plain(2.0), i + 3),
                Lex::K(Kw::Few) => (
                    Number {
                        value: 0.0,
                        vague: true,
                        article: false,
                    },
                    i + 2,
                ),
                _ => (
                    Number {
                        value: 1.0,
                        vague: false,
                        article: true,
                    },
                    i + 1,
                ),
            },
            Lex::K(Kw::Couple) if self.is(i + 1, Kw::Of) => (plain(2.0), i + 2),
            Lex::K(Kw::Few | Kw::Several | Kw::Many | Kw::Some) => (
                Number {
                    value: 0.0,
                    vague: true,
                    article: false,
                },
                i + 1,
            ),
            _ => return None,
        };
        // "2 1/2", "two and a half"
        if !n.vague {
            if self.lex(j) == Lex::NumX && self.word(j) == "1/2" {
                n.value += 0.5;
                j += 1;
            } else if self.is(j, Kw::And) && self.is(j + 1, Kw::A) && self.is(j + 2, Kw::Half) {
                n.value += 0.5;
                j += 3;
            }
        }
        Some((n, j))
    }

    // ----- durations -----------------------------------------------------------------------

    /// "three years", "two-year", "a few days", "24 hours", "a year ago", "9-month-old".
    fn duration(&self, i: usize) -> Option<Cand> {
        // "will one day be", "could one day replace": some time in the future
        if self.lex(i) == Lex::Card(1)
            && self.lex(i + 1) == Lex::Unit(Unit::Day, false)
            && i > 0
            && [
                "will",
                "would",
                "could",
                "may",
                "might",
                "can",
                "shall",
                "'ll",
                "\u{2019}ll",
            ]
            .iter()
            .any(|w| self.word(i - 1).eq_ignore_ascii_case(w))
        {
            return Some(Cand::new(
                i,
                i + 2,
                TimexType::Date,
                "FUTURE_REF".into(),
                Anchor::Publication,
            ));
        }
        let (mut n, mut j) = self.number(i)?;
        // "a three-year period", "a 10-day trip": the article is a determiner
        if n.article {
            if let Some((m, jj)) = self.number(j).filter(|(m, _)| !m.article && !m.vague) {
                if self.joined(jj) && self.is(jj + 1, Kw::Period) {
                    n = m;
                    j = jj;
                }
            }
        }
        // "two to three weeks", "two or three days": the first number gives the value ("a year
        // or two", with the second number after the unit, is read below)
        if matches!(self.kw(j), Some(Kw::To | Kw::Or)) && !n.vague {
            if let Some((_, jj)) = self.number(j + 1).filter(|(m, _)| !m.article && !m.vague) {
                j = jj;
            }
        }
        // "eight trading days", "ten business days", "30 working days"
        if matches!(self.lex(j + 1), Lex::Unit(Unit::Day, _))
            && ["trading", "business", "working"]
                .iter()
                .any(|w| self.word(j).eq_ignore_ascii_case(w))
        {
            j += 1;
        }
        // "20 more years", "an additional year", "three straight years"
        if matches!(
            self.kw(j),
            Some(Kw::More | Kw::Additional | Kw::Straight | Kw::Full)
        ) {
            j += 1;
        }
        let Lex::Unit(u, plural) = self.lex(j) else {
            return None;
        };
        if u == Unit::Weekend {
            return None;
        }
        if n.article && plural || n.vague && !plural && !self.joined(j) {
            return None;
        }
        // "three-quarters", "a quarter of": fractions, not periods
        // ("several quarters of losses" counts periods)
        if u == Unit::Quarter && (self.joined(j) && plural || self.is(j + 1, Kw::Of) && !n.vague) {
            return None;
        }
        // "a second group", "a second time"
        if u == Unit::Second && !plural && n.article {
            return None;
        }
        // a rate: "$3 a year", "40 trips a week"
        let counted = matches!(
            self.kw(j + 1),
            Some(Kw::Ago | Kw::Earlier | Kw::Later | Kw::Or)
        );
        if n.article
            && !counted
            && i > 0
            && matches!(
                self.lex(i - 1),
                Lex::Num(..) | Lex::NumX | Lex::Card(_) | Lex::Punct(b'%') | Lex::K(Kw::CountNoun)
            )
        {
            return None;
        }
        if n.article && i > 0 && matches!(self.lex(i - 1), Lex::Other) && !self.cap(i - 1) {
            let w = self.word(i - 1);
            if w.ends_with('s')
                && w.len() > 3
                && !matches!(self.kw(j + 1), Some(Kw::Ago | Kw::Earlier | Kw::Later))
            {
                // "trips a week", "visits a month"
                if !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
                    return None;
                }
            }
        }
        // "a year-earlier loss" is read by [`Self::year_ago`]
        if u == Unit::Year
            && self.joined(j + 1)
            && matches!(self.kw(j + 1), Some(Kw::Earlier | Kw::Ago))
        {
            return None;
        }
        // "2018 day five": a year before a noun, not 2018 days
        if matches!(self.lex(i), Lex::Num(_, 4)) && !plural && !self.joined(j) {
            return None;
        }
        let mut b = j + 1;
        // "a minute and a half" (not "half a year and a half hour")
        if !n.vague
            && n.value.fract() == 0.0
            && self.is(b, Kw::And)
            && self.is(b + 1, Kw::A)
            && self.is(b + 2, Kw::Half)
            && !matches!(self.lex(b + 3), Lex::Unit(..))
        {
            n.value += 0.5;
            b += 3;
        }
        // "a year or two", "a week or so"
        if self.is(b, Kw::Or) && matches!(self.lex(b + 1), Lex::Card(_) | Lex::Num(..)) {
            b += 2;
        }
        let or_so = self.is(b, Kw::Or) && self.is(b + 1, Kw::So);
        let val = duration(n, u);
        // "ago", "earlier", "later", "from now", "hence": a date.
        let after_so = if or_so { b + 2 } else { b };
        let dir = match self.kw(after_so) {
            Some(Kw::Ago) => Some((-1.0, 1)),
            Some(Kw::Earlier) if !self.joined(after_so) => Some((-1.0, 1)),
            Some(Kw::Hence) => Some((1.0, 1)),
            Some(Kw::From) if self.is(after_so + 1, Kw::Now) => Some((1.0, 2)),
            _ => None,
        };
        if let Some((sign, len)) = dir {
            b = after_so + len;
            if n.vague {
                let v = if sign < 0.0 { "PAST_REF" } else { "FUTURE_REF" };
                let mut c = Cand::new(i, b, TimexType::Date, v.into(), Anchor::Publication);
                c.ago = true;
                return Some(c);
            }
            // "a year ago" in a report on a quarter is that quarter a year before
            if u == Unit::Year
                && n.value == 1.0
                && sign < 0.0
                && self.last_quarter.is_some()
                && !self.months_period(i)
            {
                let mut c = self.reported_quarter(i, b, 1);
                c.ago = true;
                return Some(c);
            }
            let (grain, k) = match u {
                Unit::Decade => (Unit::Year, 10.0),
                Unit::Century => (Unit::Year, 100.0),
                Unit::Fortnight => (Unit::Week, 2.0),
                u => (u, 1.0),
            };
            let mut steps = (n.value * k * sign).round() as i64;
            // "five hours earlier", "36 hours ago": whole days back, the day at day grain
            let per_day = match grain {
                Unit::Hour => Some(24.0),
                Unit::Minute => Some(1440.0),
                Unit::Second => Some(86400.0),
                _ => None,
            };
            let grain = match per_day {
                Some(p) => {
                    steps = (n.value * sign / p).trunc() as i64;
                    Unit::Day
                }
                None => grain,
            };
            // "ago" counts from the publication date; "earlier" from the date just named, when
            // the text named one fine enough in this sentence or the one before ("in 2019 ...
            // two years earlier" is 2017)
            let prev = if self.is(after_so, Kw::Earlier) {
                self.last_dated
                    .and_then(|x| self.out.get(x).map(|c| (x, c)))
                    .filter(|(_, c)| fine_for(&c.value, grain) && self.near_sentence(c.a, i))
            } else {
                None
            };
            let (base, anchor) = match prev {
                Some((x, c)) => (anchor_date(&c.value), Anchor::Previous(x)),
                None => (self.pubd, Anchor::Publication),
            };
            let v = shift(base, grain, steps);
            let mut c = Cand::new(i, b, TimexType::Date, v, anchor);
            c.ago = true;
            return Some(c);
        }
        // ages: "52 years old" is not a time expression
        if self.is(b, Kw::Old) && !self.joined(b) {
            return None;
        }
        // "9-month-old", "decades-long", "a three-year period", "the next two years or so"
        if self.joined(b) && matches!(self.kw(b), Some(Kw::Old | Kw::Long))
            || self.joined(j) && self.is(b, Kw::Period)
        {
            b += 1;
        } else if or_so {
            b += 2;
        }
        let c = Cand::new(i, b, TimexType::Duration, val, Anchor::None);
        // "the nine months", "the four days"; not "the two-week crisis", "the two day rally"
        if plural && !self.joined(j) && !self.is(b, Kw::Of) {
            Some(c.the())
        } else {
            Some(c)
        }
    }

    /// "years", "months" after "for", "in", "over", "within": vague durations.
    fn bare_units(&self, i: usize) -> Option<Cand> {
        let Lex::Unit(u, true) = self.lex(i) else {
            return None;
        };
        if matches!(u, Unit::Second | Unit::Quarter) || i == 0 {
            return None;
        }
        let vague = Number {
            value: 0.0,
            vague: true,
            article: false,
        };
        // "decades-long", "years-long"
        if self.joined(i + 1) && self.is(i + 1, Kw::Long) {
            return Some(Cand::new(
                i,
                i + 2,
                TimexType::Duration,
                duration(vague, u),
                Anchor::None,
            ));
        }
        // not "days after the vote", "minutes later": TimeML corpora leave those unmarked
        if !matches!(
            self.kw(i - 1),
            Some(Kw::For | Kw::In | Kw::Over | Kw::Within)
        ) {
            return None;
        }
        if matches!(self.kw(i + 1), Some(Kw::Of | Kw::Ago))
            || matches!(self.lex(i + 1), Lex::Punct(b'\''))
        {
            return None;
        }
        let n = Number {
            value: 0.0,
            vague: true,
            article: false,
        };
        Some(Cand::new(
            i,
            i + 1,
            TimexType::Duration,
            duration(n, u),
            Anchor::None,
        ))
    }

    /// "the first nine months", "the first two years" (durations after an ordinal).
    fn ord_duration(&self, i: usize) -> Option<Cand> {
        let Lex::Ord(_) = self.lex(i) else {
            return None;
        };
        let (n, j) = self.number(i + 1)?;
        let Lex::Unit(u, true) = self.lex(j) else {
            return None;
        };
        if n.article {
            return None;
        }
        Some(Cand::new(i, j + 1, TimexType::Duration, duration(n, u), Anchor::None).the())
    }

    // ----- years, decades, centuries ------------------------------------------------------

    fn year_ok(&self, i: usize) -> bool {
        let Lex::Num(v, 4) = self.lex(i) else {
            return false;
        };
        if !(1000..=2199).contains(&v) {
            return false;
        }
        if i > 0 && !self.joined(i) {
            if let Lex::Punct(b'$' | b'#' | b'+') = self.lex(i - 1) {
                return false;
            }
            if self.touches(i) && !matches!(self.lex(i - 1), Lex::Punct(b'(' | b'\'' | b'"')) {
                // "US$2000", "A1000"
                if matches!(self.lex(i - 1), Lex::Punct(_) | Lex::Other) {
                    return false;
                }
            }
            let p = if self.punct(i - 1, b'.') && i > 1 {
                i - 2
            } else {
                i - 1
            };
            if self.word(p).eq_ignore_ascii_case("no")
                || self.word(p).eq_ignore_ascii_case("number")
            {
                return false;
            }
        }
        // "a survey of 1709 schoolchildren", "2500 soldiers": a number far from the years news
        // is about, before a plural noun, counts things (not after "in", "the", "its": "in
        // 1709 settlers came", "the 1709 floods")
        let time_prep = i > 0 && self.prev_is_prep(i) && !self.is(i - 1, Kw::Of);
        if !time_prep && self.plural_noun(i + 1) && !self.after_determiner(i) {
            let far = match self.pubd {
                Some(p) => v < 1800 || i64::from(v) > i64::from(p.year()) + 30,
                None => v < 1800,
            };
            if far {
                return false;
            }
        }
        match self.lex(i + 1) {
            Lex::Punct(b'%') | Lex::K(Kw::CountNoun | Kw::Times) => false,
            // "a 2000 year old tradition": an age
            Lex::Unit(..) if self.is(i + 2, Kw::Old) || self.is(i + 2, Kw::Long) => false,
            Lex::Unit(..) if !self.is(i + 2, Kw::Ago) => {
                v >= 1800 && !matches!(self.lex(i + 1), Lex::Unit(_, true))
            }
            // "1998-99", "2022-23", "1955-2011": a range of years
            Lex::Num(..) if self.year_span_end(i, v).is_some() => true,
            Lex::Punct(b'-') if self.year_span_end(i, v).is_some() => true,
            Lex::Num(..) | Lex::NumX if self.joined(i + 1) || self.touches(i + 1) => false,
            Lex::Punct(b'.' | b',' | b':')
                if self.touches(i + 1)
                    && matches!(self.lex(i + 2), Lex::Num(..))
                    && self.touches(i + 2) =>
            {
                false
            }
            _ => v >= 1500 || self.prev_is_prep(i),
        }
    }

    /// The end of a range of years after the year `v` at `i`, written with a hyphen or a dash
    /// and no spaces: "1998-99", "2022–23", "1939-45", "1955-2011". Its atom and year.
    fn year_span_end(&self, i: usize, v: u32) -> Option<(usize, u32)> {
        let k = if self.joined(i + 1) {
            i + 1
        } else if self.punct(i + 1, b'-') && self.touches(i + 1) && self.touches(i + 2) {
            i + 2
        } else {
            return None;
        };
        // "2010-11-05" is a date
        if self.joined(k + 1) || self.punct(k + 1, b'-') && self.touches(k + 1) {
            return None;
        }
        let end = match self.lex(k) {
            Lex::Num(w, 2) => {
                let lo = v % 100;
                // "1998-99", "1999-00"
                let w = if w > lo { w } else { w + 100 };
                (w - lo <= 30).then_some(v - lo + w)?
            }
            Lex::Num(w, 4) if w > v && w <= v + 200 => w,
            _ => return None,
        };
        Some((k, end))
    }

    /// After a year ending at `b`: the short end of "1998-99" or "2022–23".
    fn year_range_end(&self, b: usize) -> Option<Cand> {
        let last = self.out.last()?;
        if last.b != b || last.kind != TimexType::Date || last.value.len() != 4 {
            return None;
        }
        let Lex::Num(v, 4) = self.lex(b.checked_sub(1)?) else {
            return None;
        };
        if last.value.parse::<u32>().ok() != Some(v) {
            return None;
        }
        let (k, end) = self.year_span_end(b - 1, v)?;
        if !matches!(self.lex(k), Lex::Num(_, 2)) {
            return None;
        }
        Some(Cand::new(
            k,
            k + 1,
            TimexType::Date,
            format!("{end:04}"),
            Anchor::None,
        ))
    }

    /// True when atom `i` is a lower-case word in the plural ("schoolchildren", "soldiers"),
    /// read from its ending.
    fn plural_noun(&self, i: usize) -> bool {
        if self.lex(i) != Lex::Other || self.cap(i) || self.joined(i) {
            return false;
        }
        let w = self.word(i).as_bytes();
        if w.len() < 4 || !w.iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        if w.ends_with(b"children") || w.ends_with(b"people") || w.ends_with(b"men") {
            return true;
        }
        const NOT: [&[u8]; 10] = [
            b"does", b"goes", b"always", b"perhaps", b"towards", b"besides", b"whereas", b"unless",
            b"news", b"series",
        ];
        w.ends_with(b"s")
            && !matches!(w.get(w.len() - 2), Some(b's' | b'u' | b'i' | b'a'))
            && !NOT.contains(&w)
    }

    /// True when a determiner or possessive comes before atom `i` ("the 2019 floods", "its").
    fn after_determiner(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if matches!(
            self.kw(i - 1),
            Some(Kw::The | Kw::This | Kw::That | Kw::Last | Kw::Next)
        ) {
            return true;
        }
        let w = self.word(i - 1);
        ["its", "his", "her", "their", "our", "my", "your", "'s", "s"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
            || self.punct(i - 1, b'\'')
    }

    fn prev_is_prep(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.kw(i - 1),
                Some(
                    Kw::In
                        | Kw::Since
                        | Kw::Until
                        | Kw::From
                        | Kw::Of
                        | Kw::During
                        | Kw::Before
                        | Kw::After
                        | Kw::Through
                )
            )
    }

    /// "2018", "fiscal 1989" is [`Self::fiscal_year`].
    fn year(&self, i: usize) -> Option<Cand> {
        if !self.year_ok(i) {
            return None;
        }
        let Lex::Num(v, _) = self.lex(i) else {
            return None;
        };
        Some(Cand::new(
            i,
            i + 1,
            TimexType::Date,
            format!("{v:04}"),
            Anchor::None,
        ))
    }

    fn fiscal_year(&self, i: usize) -> Option<Cand> {
        let mut j = i + 1;
        if matches!(self.lex(j), Lex::Unit(Unit::Year, false)) {
            j += 1;
        }
        let mut c = self.year(j)?;
        c.a = i;
        Some(c)
    }

    /// "2025-10-31", "10/31/2025", "31/10/2025".
    fn iso_date(&self, i: usize) -> Option<Cand> {
        match self.lex(i) {
            Lex::Num(y, 4) if self.joined(i + 1) && self.joined(i + 2) => {
                let (Lex::Num(m, 1..=2), Lex::Num(d, 1..=2)) = (self.lex(i + 1), self.lex(i + 2))
                else {
                    return None;
                };
                let dt = date(y as i32, m as u8, d as u8)?;
                Some(Cand::new(i, i + 3, TimexType::Date, ymd(dt), Anchor::None))
            }
            Lex::NumX => {
                let w = self.word(i);
                let mut it = w.split('/');
                let (a, b, c) = (it.next()?, it.next()?, it.next()?);
                if it.next().is_some()
                    || !(c.len() == 4 || c.len() == 2)
                    || a.len() > 2
                    || b.len() > 2
                {
                    return None;
                }
                let (a, b, mut y): (u8, u8, i32) =
                    (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
                if c.len() == 2 {
                    // "7/8/07": the century closest to the publication date, else 1950-2049
                    let base = self.pubd.map_or(2000, |p| i32::from(p.year()) / 100 * 100);
                    y += base;
                    if let Some(p) = self.pubd {
                        if y > i32::from(p.year()) + 20 {
                            y -= 100;
                        }
                    } else if y >= 2050 {
                        y -= 100;
                    }
                }
                // US order first; day-first when the first cannot be a month.
                let dt = date(y, a, b).or_else(|| date(y, b, a))?;
                Some(Cand::new(i, i + 1, TimexType::Date, ymd(dt), Anchor::None))
            }
            _ => None,
        }
    }

    /// "the 1990s", "the '80s", "the nineties", "the late 1970s" (with [`Self::early_late`]).
    fn decade(&self, i: usize) -> Option<Cand> {
        match self.lex(i) {
            Lex::Decade(v, 4) => {
                Some(Cand::new(i, i + 1, TimexType::Date, format!("{v:03}"), Anchor::None).the())
            }
            Lex::Punct(b'\'') => match self.lex(i + 1) {
                Lex::Decade(v, 2) if self.touches(i + 1) => {
                    Some(Cand::new(i, i + 2, TimexType::Date, format!("19{v}"), Anchor::None).the())
                }
                _ => None,
            },
            // "KC-30s", "F-16s": a model name, not a decade ("mid-80s" is one)
            Lex::Decade(_, 2)
                if self.joined(i)
                    && !matches!(self.kw(i - 1), Some(Kw::Mid | Kw::Early | Kw::Late)) =>
            {
                None
            }
            Lex::Decade(v, 2) => {
                Some(Cand::new(i, i + 1, TimexType::Date, format!("19{v}"), Anchor::None).the())
            }
            // "the 1980's", "the 80's": a decade with an apostrophe
            Lex::Num(v, d @ (2 | 4)) if v % 10 == 0 && self.touches(i + 1) => {
                let b = if matches!(self.word(i + 1), "'s" | "\u{2019}s") {
                    i + 2
                } else if self.punct(i + 1, b'\'') && self.word(i + 2) == "s" && self.touches(i + 2)
                {
                    i + 3
                } else {
                    return None;
                };
                let v = if d == 4 {
                    format!("{:03}", v / 10)
                } else {
                    format!("19{}", v / 10)
                };
                Some(Cand::new(i, b, TimexType::Date, v, Anchor::None).the())
            }
            Lex::DecadeWord(v)
                if i > 0
                    && matches!(
                        self.kw(i - 1),
                        Some(Kw::The | Kw::Early | Kw::Mid | Kw::Late)
                    ) =>
            {
                Some(Cand::new(i, i + 1, TimexType::Date, format!("19{v}"), Anchor::None).the())
            }
            _ => None,
        }
    }

    /// "the 20th century", "the nineteenth century".
    fn century(&self, i: usize) -> Option<Cand> {
        let Lex::Ord(n @ 1..=30) = self.lex(i) else {
            return None;
        };
        let Lex::Unit(Unit::Century, false) = self.lex(i + 1) else {
            return None;
        };
        Some(
            Cand::new(
                i,
                i + 2,
                TimexType::Date,
                format!("{:02}", n - 1),
                Anchor::None,
            )
            .the(),
        )
    }

    /// "nineteen ninety-six", "nineteen seventy-nine".
    fn spoken_year(&self, i: usize) -> Option<Cand> {
        let Lex::Card(c @ 18..=20) = self.lex(i) else {
            return None;
        };
        let Lex::Card(t) = self.lex(i + 1) else {
            return None;
        };
        if !(20..=90).contains(&t) || t % 10 != 0 {
            return None;
        }
        let mut v = c * 100 + t;
        let mut b = i + 2;
        if let Lex::Card(u @ 1..=9) = self.lex(b) {
            v += u;
            b += 1;
        }
        Some(Cand::new(
            i,
            b,
            TimexType::Date,
            format!("{v}"),
            Anchor::None,
        ))
    }

    // ----- quarters and halves --------------------------------------------------------------

    fn ord_at(&self, i: usize) -> Option<u32> {
        match self.lex(i) {
            Lex::Ord(n) => Some(n),
            Lex::Unit(Unit::Second, false) => Some(2),
            Lex::K(Kw::Last) => Some(99),
            _ => None,
        }
    }

    /// "the third quarter", "third-quarter", "the fiscal first quarter", "the 2024 second
    /// quarter", "the third quarter of 1984", "the first half", "year-ago quarter".
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut year: Option<i32> = None;
        let mut yshift = 0;
        if self.is(j, Kw::Fiscal) {
            j += 1;
        }
        if let Lex::Num(v, 4) = self.lex(j) {
            if self.year_ok(j) {
                year = Some(v as i32);
                j += 1;
            }
        }
        if self.is(j, Kw::Fiscal) {
            j += 1;
        }
        // "Q3", "H1 2024": one atom for the ordinal and the unit
        let short = match self.lex(j) {
            Lex::PartYear(kind, n) => {
                // "Audi Q3", "Form H1": a name after a capitalised word
                if j > 0 && self.cap(j - 1) && matches!(self.lex(j - 1), Lex::Other) {
                    return None;
                }
                Some((kind, u32::from(n)))
            }
            _ => None,
        };
        let (n, span_unit, max, mut b) = match short {
            Some((b'Q', n)) => (n, "Q", 4, j + 1),
            Some((_, n)) => (n, "H", 2, j + 1),
            None => {
                let n = self.ord_at(j)?;
                match self.lex(j + 1) {
                    Lex::Unit(Unit::Quarter, false) => (n, "Q", 4, j + 2),
                    Lex::K(Kw::Half) => (n, "H", 2, j + 2),
                    _ => return None,
                }
            }
        };
        let last = n == 99;
        let n = if last { max } else { n };
        if n == 0 || n > max {
            return None;
        }
        let after_unit = b;
        let mut of_year = false;
        if self.is(b, Kw::Of) {
            if let Lex::Num(v, 4) = self.lex(b + 1) {
                year = Some(v as i32);
                b += 2;
            } else if matches!(self.kw(b + 1), Some(Kw::The))
                && matches!(self.lex(b + 2), Lex::Unit(Unit::Year, false))
            {
                // "the second half of the year"
                of_year = true;
                b += 3;
            } else if matches!(self.kw(b + 1), Some(Kw::This | Kw::Last | Kw::Next))
                && matches!(self.lex(b + 2), Lex::Unit(Unit::Year, false))
            {
                yshift = match self.kw(b + 1) {
                    Some(Kw::Last) => -1,
                    Some(Kw::Next) => 1,
                    _ => 0,
                };
                of_year = true;
                b += 3;
            }
        } else if let Lex::Num(v, 4) = self.lex(b) {
            if self.year_ok(b) {
                year = Some(v as i32);
                b += 1;
            }
        }
        // "the last half of 1989", "the last quarter of 2023"; "the last quarter" alone is
        // the one before the current ([`Self::relative`]); "H1" alone is too often a name
        // a bare "the second half" is as often a match's as a year's: only with its year or
        // in a sentence about business figures ("Sales rose in the first half")
        if year.is_none() && !of_year && (last || span_unit == "H" && !self.business_sentence(i)) {
            return None;
        }
        let (value, anchor) = match (year, self.pubd) {
            (Some(y), _) => (format!("{y:04}-{span_unit}{n}"), Anchor::None),
            (None, Some(p)) => {
                let mut y = i32::from(p.year()) + yshift;
                let cur = if span_unit == "Q" {
                    quarter_of(p)
                } else {
                    (p.month() as u8 - 1) / 6 + 1
                };
                if yshift == 0 && n > u32::from(cur) && self.tense(i) == Tense::Past {
                    y -= 1;
                }
                (format!("{y:04}-{span_unit}{n}"), Anchor::Publication)
            }
            (None, None) => (format!("XXXX-{span_unit}{n}"), Anchor::Publication),
        };
        let c = Cand::new(i, b, TimexType::Date, value, anchor);
        // "the third-quarter results": an adjective, the article belongs to the noun after it
        if (self.joined(j + 1) || short.is_some())
            && b == after_unit
            && matches!(self.lex(b), Lex::Other)
        {
            Some(c)
        } else {
            Some(c.the())
        }
    }

    // ----- months and days ------------------------------------------------------------------

    /// True when the month word at `i` reads as a month here.
    fn month_ok(&self, i: usize) -> bool {
        let Lex::Month(m, full) = self.lex(i) else {
            return false;
        };
        let a = match self.atoms.get(i) {
            Some(a) => a,
            None => return false,
        };
        if !a.cap {
            return false;
        }
        let next_num = matches!(self.lex(i + 1), Lex::Num(_, 1..=2 | 4) | Lex::Ord(_))
            || self.punct(i + 1, b'.')
                && matches!(self.lex(i + 2), Lex::Num(_, 1..=2 | 4) | Lex::Ord(_));
        if !full {
            // "Oct." "Oct 31"; a bare "Mar" or "Dec" is a name.
            return next_num || self.punct(i + 1, b'.') && self.touches(i + 1);
        }
        if m == 5 || m == 3 || m == 8 {
            if next_num {
                return true;
            }
            if i == 0 {
                return false;
            }
            // "Theresa May", "May he": only after a preposition or determiner.
            return matches!(
                self.kw(i - 1),
                Some(
                    Kw::In
                        | Kw::Of
                        | Kw::Since
                        | Kw::Until
                        | Kw::Last
                        | Kw::Next
                        | Kw::This
                        | Kw::Early
                        | Kw::Late
                        | Kw::Mid
                        | Kw::From
                        | Kw::Through
                        | Kw::To
                        | Kw::Between
                        | Kw::During
                        | Kw::Before
                        | Kw::After
                        | Kw::Each
                        | Kw::Every
                        | Kw::On
                        | Kw::By
                        | Kw::And
                        | Kw::Or
                        | Kw::Past
                        | Kw::Coming
                )
            ) || self.joined(i);
        }
        true
    }

    /// The month, optionally its day and year, starting at `i`.
    fn month(&self, i: usize) -> Option<Cand> {
        if !self.month_ok(i) {
            return None;
        }
        let Lex::Month(m, full) = self.lex(i) else {
            return None;
        };
        let mut j = i + 1;
        if !full && self.punct(j, b'.') && self.touches(j) {
            j += 1;
        }
        // day
        let day = match self.lex(j) {
            Lex::Num(d @ 1..=31, 1..=2) => Some(d),
            Lex::Ord(d @ 1..=31) => Some(d),
            _ => None,
        };
        if let Some(d) = day {
            let mut b = j + 1;
            // ", 2025" or " 2025"
            let mut year = None;
            if self.punct(b, b',') && self.year_ok(b + 1) {
                if let Lex::Num(y, 4) = self.lex(b + 1) {
                    year = Some(y);
                    b += 2;
                }
            } else if self.year_ok(b) {
                if let Lex::Num(y, 4) = self.lex(b) {
                    year = Some(y);
                    b += 1;
                }
            }
            let (v, anchor) = self.month_day(i, m, d as u8, year.map(|y| y as i32))?;
            return Some(Cand::new(i, b, TimexType::Date, v, anchor));
        }
        // "August 1988", "March of 1996"
        let mut k = j;
        if self.is(k, Kw::Of) {
            k += 1;
        }
        if self.year_ok(k) {
            if let Lex::Num(y, 4) = self.lex(k) {
                return Some(Cand::new(
                    i,
                    k + 1,
                    TimexType::Date,
                    format!("{y:04}-{m:02}"),
                    Anchor::None,
                ));
            }
        }
        // "January nineteen ninety-seven"
        if let Some(c) = self.spoken_year(j) {
            return Some(Cand::new(
                i,
                c.b,
                TimexType::Date,
                format!("{}-{m:02}", c.value),
                Anchor::None,
            ));
        }
        // "June last year", "January this year", "January of this year"
        let jo = if self.is(j, Kw::Of) { j + 1 } else { j };
        if let (Some(kw @ (Kw::This | Kw::Last | Kw::Next)), Lex::Unit(Unit::Year, false)) =
            (self.kw(jo), self.lex(jo + 1))
        {
            let j = jo;
            let n = match kw {
                Kw::Last => -1,
                Kw::Next => 1,
                _ => 0,
            };
            let v = match self.pubd {
                Some(p) => format!("{:04}-{m:02}", i64::from(p.year()) + n),
                None => format!("XXXX-{m:02}"),
            };
            return Some(Cand::new(i, j + 2, TimexType::Date, v, Anchor::Publication));
        }
        // "since March": the last March, this one included
        let dir = if self.after_since(i) { -2 } else { 0 };
        let (v, anchor) = self.month_only(i, m, dir);
        Some(Cand::new(i, j, TimexType::Date, v, anchor))
    }

    /// True when the date at atom `i` opens its sentence, alone or after a preposition ("In
    /// December, ...", "On March 3, ...").
    fn fronted(&self, i: usize) -> bool {
        let first = |k: usize| k == 0 || !self.same_token_run(k - 1, k);
        first(i)
            || i > 0
                && first(i - 1)
                && matches!(
                    self.kw(i - 1),
                    Some(Kw::In | Kw::On | Kw::By | Kw::Since | Kw::Until | Kw::During)
                )
    }

    /// True after "since": the date is not after the publication date.
    fn after_since(&self, i: usize) -> bool {
        i > 0 && self.is(i - 1, Kw::Since)
    }

    /// The year of the month name at `j` ("March 2026", or "March" placed by
    /// [`Self::month_only`]), the anchor it used and the token after the phrase.
    fn year_of_month(&self, j: usize, m: u8) -> (Option<i32>, Anchor, usize) {
        match self.lex(j + 1) {
            Lex::Num(y, 4) if self.year_ok(j + 1) => (Some(y as i32), Anchor::None, j + 2),
            _ => {
                let (v, anchor) = self.month_only(j, m, 0);
                (v.get(..4).and_then(|y| y.parse().ok()), anchor, j + 1)
            }
        }
    }

    /// A month without year, resolved by tense: `dir` -1 last, +1 next, 0 by context, -2 the
    /// last one with the publication month included ("since October").
    fn month_only(&self, i: usize, m: u8, dir: i32) -> (String, Anchor) {
        let Some(p) = self.pubd else {
            return (format!("XXXX-{m:02}"), Anchor::Publication);
        };
        let pm = p.month() as u8;
        let mut y = i32::from(p.year());
        match dir {
            -1 => {
                if m >= pm {
                    y -= 1;
                }
            }
            -2 => {
                if m > pm {
                    y -= 1;
                }
            }
            1 => {
                if m <= pm {
                    y += 1;
                }
            }
            _ => y = self.nearest_year(i, p, m, None),
        }
        (format!("{y:04}-{m:02}"), Anchor::Publication)
    }

    /// The year of a month (and day) written without one: the occurrence nearest to the
    /// publication date, unless the verb nearby puts it on the other side.
    fn nearest_year(&self, i: usize, p: Date, m: u8, d: Option<u8>) -> i32 {
        let py = i32::from(p.year());
        // months from publication, in half-days of precision
        let here = |y: i32| -> i64 {
            let md = i64::from(m) * 62 + i64::from(d.unwrap_or(15)) * 2;
            let pd = i64::from(p.month()) * 62 + i64::from(p.day()) * 2;
            (i64::from(y) - i64::from(py)) * 12 * 62 + md - pd
        };
        // news looks back more often than ahead: a future month counts as further away
        let dist = |y: i32| {
            let o = here(y);
            if o > 0 {
                o * FUTURE_WEIGHT / 4
            } else {
                -o
            }
        };
        let mut best = py;
        for y in [py - 1, py + 1] {
            if dist(y) < dist(best) {
                best = y;
            }
        }
        let same_month = d.is_none() && m == p.month() as u8;
        if same_month {
            return py;
        }
        let off = here(best);
        // "In December, the company changed ...": a fronted date takes the verb after it
        let tense = if self.fronted(i) {
            self.tense_window(i, 0, 15, true)
        } else {
            self.tense_window(i, MONTH_LEFT, MONTH_RIGHT, MONTH_ED)
        };
        match tense {
            Tense::Past if off > 31 * 2 => best - 1,
            Tense::Future if off < -31 * 2 => best + 1,
            _ => best,
        }
    }

    fn month_day(&self, i: usize, m: u8, d: u8, year: Option<i32>) -> Option<(String, Anchor)> {
        if let Some(y) = year {
            return Some((ymd(date(y, m, d)?), Anchor::None));
        }
        let Some(p) = self.pubd else {
            // Reject impossible days even without a year (2000 is a leap year).
            date(2000, m, d)?;
            return Some((format!("XXXX-{m:02}-{d:02}"), Anchor::Publication));
        };
        let y = if self.after_since(i) {
            // "since Oct. 3": on or before the publication date
            let py = i32::from(p.year());
            if (m, d) > (p.month() as u8, p.day() as u8) {
                py - 1
            } else {
                py
            }
        } else {
            self.nearest_year(i, p, m, Some(d))
        };
        let dt = date(y, m, d)
            .or_else(|| date(y - 1, m, d))
            .or_else(|| date(y + 1, m, d))?;
        Some((ymd(dt), Anchor::Publication))
    }

    /// "31 October 2025", "11th December".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let d = match self.lex(i) {
            Lex::Num(d @ 1..=31, 1..=2) => d,
            Lex::Ord(d @ 1..=31)
                if self
                    .word(i)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_digit) =>
            {
                d
            }
            _ => return None,
        };
        let mut j = i + 1;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let Lex::Month(m, full) = self.lex(j) else {
            return None;
        };
        if !self.cap(j) {
            return None;
        }
        let mut b = j + 1;
        if !full && self.punct(b, b'.') && self.touches(b) {
            b += 1;
        }
        let mut year = None;
        if self.punct(b, b',') && self.year_ok(b + 1) {
            if let Lex::Num(y, _) = self.lex(b + 1) {
                year = Some(y as i32);
                b += 2;
            }
        } else if self.year_ok(b) {
            if let Lex::Num(y, _) = self.lex(b) {
                year = Some(y as i32);
                b += 1;
            }
        }
        let (v, anchor) = self.month_day(i, m, d as u8, year)?;
        Some(Cand::new(i, b, TimexType::Date, v, anchor))
    }

    /// After a month-day match ending at `b`: the other end of "Nov. 1-3" or "Nov. 1 to 3".
    fn day_range_end(&self, b: usize) -> Option<Cand> {
        let last = self.out.last()?;
        if last.b != b || last.kind != TimexType::Date || last.value.len() != 10 {
            return None;
        }
        let first_month = self.atoms.get(last.a).map(|a| a.lex);
        if !matches!(first_month, Some(Lex::Month(..))) {
            return None;
        }
        let sep = self.punct(b, b'-')
            || matches!(self.kw(b), Some(Kw::To | Kw::Through | Kw::Until))
            || self.joined(b);
        let j = if self.joined(b) { b } else { b + 1 };
        if !sep {
            return None;
        }
        let Lex::Num(d @ 1..=31, 1..=2) = self.lex(j) else {
            return None;
        };
        if matches!(
            self.lex(j + 1),
            Lex::Month(..) | Lex::Unit(..) | Lex::Punct(b'%')
        ) {
            return None;
        }
        let prefix = last.value.get(..8)?;
        let v = format!("{prefix}{d:02}");
        let (y, m) = (prefix.get(..4)?, prefix.get(5..7)?);
        if !y.contains('X') {
            date(y.parse().ok()?, m.parse().ok()?, d as u8)?;
        }
        Some(Cand::new(j, j + 1, TimexType::Date, v, last.anchor))
    }

    // ----- weekdays, today, parts of day ---------------------------------------------------

    /// The date of weekday `wd` (1 Monday) by the tense at `i`, or `dir` -1 last, +1 next.
    fn weekday_value(&self, i: usize, wd: u8, dir: i32) -> (String, Anchor) {
        let Some(p) = self.pubd else {
            return (format!("XXXX-WXX-{wd}"), Anchor::Publication);
        };
        let pw = i64::from(weekday_of(p));
        let w = i64::from(wd);
        let back = (pw - w).rem_euclid(7); // days back to the last such weekday (0 = today)
        let fwd = (w - pw).rem_euclid(7);
        let delta = match dir {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            2 => w - pw, // "this Friday": in the publication week
            _ => {
                if back == 0 {
                    0
                } else {
                    match self.tense(i) {
                        Tense::Future => fwd,
                        _ => -back,
                    }
                }
            }
        };
        match add_days(p, delta) {
            Some(d) => (ymd(d), Anchor::Publication),
            None => (format!("XXXX-WXX-{wd}"), Anchor::Publication),
        }
    }

    /// "on the 12th", "until the 3rd": a day of the month around publication, after a time
    /// preposition and "the", with nothing after it that it could count ("the 12th floor").
    /// The tense picks the side of the publication date; without one the nearest.
    fn day_of_month(&self, i: usize) -> Option<Cand> {
        let Lex::Ord(d @ 1..=31) = self.lex(i) else {
            return None;
        };
        if i < 2
            || !self.is(i - 1, Kw::The)
            || !self
                .word(i)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        if !matches!(
            self.kw(i - 2),
            Some(Kw::On | Kw::By | Kw::Until | Kw::Since | Kw::Before | Kw::After | Kw::From)
        ) {
            return None;
        }
        match self.lex(i + 1) {
            Lex::Punct(b',' | b'.' | b';' | b':' | b')' | b'"' | b'\'' | b'?' | b'!') => {}
            Lex::K(Kw::And | Kw::To | Kw::Through | Kw::Until) => {}
            Lex::Punct(0) if i + 1 >= self.atoms.len() => {}
            _ => return None,
        }
        let Some(p) = self.pubd else {
            return Some(
                Cand::new(
                    i,
                    i + 1,
                    TimexType::Date,
                    format!("XXXX-XX-{d:02}"),
                    Anchor::Publication,
                )
                .the(),
            );
        };
        let first = date(i32::from(p.year()), p.month() as u8, 1)?;
        let cands = [-1i64, 0, 1].map(|k| {
            add_months(first, k).and_then(|m| date(i32::from(m.year()), m.month() as u8, d as u8))
        });
        let off = |x: &Date| (*x - p).get_days() as i64;
        let pick = match self.tense_window(i, MONTH_LEFT, 0, true) {
            Tense::Past => cands
                .iter()
                .flatten()
                .filter(|x| off(x) <= 0)
                .max_by_key(|x| off(x)),
            Tense::Future => cands
                .iter()
                .flatten()
                .filter(|x| off(x) >= 0)
                .min_by_key(|x| off(x)),
            _ => cands.iter().flatten().min_by_key(|x| off(x).abs()),
        }?;
        Some(Cand::new(i, i + 1, TimexType::Date, ymd(*pick), Anchor::Publication).the())
    }

    /// "the first week of March", "the last weekend of June 2026", "the second week of May":
    /// the ISO week (a week belongs to the month holding most of its weekdays), or the week of
    /// the month's nth (last) Saturday for a weekend.
    fn nth_week(&self, i: usize) -> Option<Cand> {
        let n: i64 = match self.lex(i) {
            Lex::Ord(n @ 1..=5) => i64::from(n),
            Lex::Unit(Unit::Second, false) => 2,
            Lex::K(Kw::Last) => 99,
            _ => return None,
        };
        let Lex::Unit(u @ (Unit::Week | Unit::Weekend), false) = self.lex(i + 1) else {
            return None;
        };
        if !matches!(self.kw(i + 2), Some(Kw::Of | Kw::In)) {
            return None;
        }
        let j = i + 3;
        let Lex::Month(m, _) = self.lex(j) else {
            return None;
        };
        if !self.cap(j) {
            return None;
        }
        let (year, anchor, b) = self.year_of_month(j, m);
        let weekend = u == Unit::Weekend;
        let value = match year {
            Some(y) => {
                let first = date(y, m, 1)?;
                let last = add_days(add_months(first, 1)?, -1)?;
                let d = match (weekend, n == 99) {
                    // the nth Saturday / the last Saturday
                    (true, false) => add_days(
                        first,
                        (6 - i64::from(weekday_of(first))).rem_euclid(7) + 7 * (n - 1),
                    )?,
                    (true, true) => {
                        add_days(last, -(i64::from(weekday_of(last)) - 6).rem_euclid(7))?
                    }
                    // the week of the 1st when it starts Monday to Thursday, else the next one
                    (false, false) => {
                        let wd = i64::from(weekday_of(first));
                        let monday = if wd <= 4 { 1 - wd } else { 8 - wd };
                        add_days(first, monday + 7 * (n - 1))?
                    }
                    // the week of the last day when it is Thursday or later, else the one before
                    (false, true) => {
                        let wd = i64::from(weekday_of(last));
                        add_days(last, if wd >= 4 { 0 } else { -wd })?
                    }
                };
                // the last week may start in the month before
                let in_month = d.month() as u8 == m || n == 99 && !weekend;
                if !in_month {
                    return None;
                }
                let w = iso_week(d);
                if weekend {
                    format!("{w}-WE")
                } else {
                    w
                }
            }
            None if weekend => "XXXX-WXX-WE".into(),
            None => "XXXX-WXX".into(),
        };
        Some(Cand::new(i, b, TimexType::Date, value, anchor).the())
    }

    /// "the first Tuesday in November", "the last Sunday of October 2024": the nth (or last)
    /// weekday of a month.
    fn nth_weekday(&self, i: usize) -> Option<Cand> {
        let n = match self.lex(i) {
            Lex::Ord(n @ 1..=5) => n,
            Lex::Unit(Unit::Second, false) => 2,
            Lex::K(Kw::Last) => 99,
            _ => return None,
        };
        let Lex::Weekday(wd) = self.lex(i + 1) else {
            return None;
        };
        if !self.cap(i + 1) || !matches!(self.kw(i + 2), Some(Kw::Of | Kw::In)) {
            return None;
        }
        let j = i + 3;
        let Lex::Month(m, true) = self.lex(j) else {
            return None;
        };
        if !self.cap(j) {
            return None;
        }
        let (year, anchor, b) = self.year_of_month(j, m);
        let value = match year {
            Some(y) => {
                let first = date(y, m, 1)?;
                let off = (i64::from(wd) - i64::from(weekday_of(first))).rem_euclid(7);
                let d = if n == 99 {
                    // the last: step back from the first of the next month
                    let next = add_months(first, 1)?;
                    let back = (i64::from(weekday_of(next)) - i64::from(wd) - 1).rem_euclid(7) + 1;
                    add_days(next, -back)?
                } else {
                    add_days(first, off + 7 * (i64::from(n) - 1))?
                };
                if d.month() as u8 != m {
                    return None;
                }
                ymd(d)
            }
            None => format!("XXXX-{m:02}-XX"),
        };
        Some(Cand::new(i, b, TimexType::Date, value, anchor).the())
    }

    /// "Christmas", "Christmas Eve", "Christmas Day 2023", "Halloween", "Thanksgiving",
    /// "Valentine's Day": the day, its year like a month and day without one. Not in names
    /// ("Christmas Island", "Thanksgiving Parade").
    fn holiday(&self, i: usize) -> Option<Cand> {
        let Lex::Holiday(h) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        // "Johnnie Christmas": a surname after a capitalised word of the same sentence
        if i > 0
            && self.cap(i - 1)
            && matches!(self.lex(i - 1), Lex::Other)
            && self.same_token_run(i - 1, i)
        {
            return None;
        }
        let next = self.word(i + 1);
        let (m, mut d, mut b) = match h {
            0 => (12u8, 25u8, i + 1),
            1 => (10, 31, i + 1),
            2 => (11, 22, i + 1),
            _ => {
                if !matches!(next, "'s" | "\u{2019}s")
                    || !self.word(i + 2).eq_ignore_ascii_case("day")
                {
                    return None;
                }
                (2, 14, i + 3)
            }
        };
        if h == 0 && next.eq_ignore_ascii_case("eve") {
            d = 24;
            b += 1;
        } else if h != 3 && next.eq_ignore_ascii_case("day") {
            b += 1;
        }
        // "Christmas Island", "Thanksgiving Day Parade": a name; "Christmas sales", "Halloween
        // costumes": a modifier of a noun, not a day
        if matches!(self.lex(b), Lex::Other | Lex::K(Kw::Present)) && self.same_token_run(i, b) {
            return None;
        }
        let year = match self.lex(b) {
            Lex::Num(y, 4) if self.year_ok(b) => {
                b += 1;
                Some(y as i32)
            }
            _ => None,
        };
        let (mut v, anchor) = self.month_day(i, m, d, year)?;
        // Thanksgiving: the fourth Thursday of November of that year
        if h == 2 {
            v = match v.get(..4).and_then(|y| y.parse::<i32>().ok()) {
                Some(y) => {
                    let first = date(y, 11, 1)?;
                    let off = (4 - i64::from(weekday_of(first))).rem_euclid(7);
                    ymd(add_days(first, off + 21)?)
                }
                None => "XXXX-11-XX".to_string(),
            };
        }
        Some(Cand::new(i, b, TimexType::Date, v, anchor))
    }

    /// "Sundays", "on Mondays", "Friday nights" (a plural part of the day after a weekday is
    /// read by [`Self::weekday`]): every such weekday, a set.
    fn weekdays(&self, i: usize) -> Option<Cand> {
        let Lex::Weekdays(wd) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        Some(Cand::new(
            i,
            i + 1,
            TimexType::Set,
            format!("XXXX-WXX-{wd}"),
            Anchor::None,
        ))
    }

    /// "Friday", "Friday morning", "Saturday, April 25", "Friday Oct. 13".
    fn weekday(&self, i: usize) -> Option<Cand> {
        self.weekday_dir(i, i, 0)
    }

    fn weekday_dir(&self, start: usize, i: usize, dir: i32) -> Option<Cand> {
        let Lex::Weekday(wd) = self.lex(i) else {
            return None;
        };
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j, b',') {
            j += 1;
        }
        if self.month_ok(j) {
            if let Some(mut c) = self.month(j) {
                if c.value.len() == 10 {
                    c.a = start;
                    return Some(c);
                }
            }
        }
        if let Some(mut c) = self.day_month(j) {
            c.a = start;
            return Some(c);
        }
        let (v, anchor) = self.weekday_value(i, wd, dir);
        if let Lex::PartDay(p) = self.lex(i + 1) {
            return Some(Cand::new(
                start,
                i + 2,
                TimexType::Time,
                format!("{v}T{}", PARTS[p as usize]),
                anchor,
            ));
        }
        Some(Cand::new(start, i + 1, TimexType::Date, v, anchor))
    }

    /// "today", "yesterday morning", "tomorrow", "tonight".
    fn deictic(&self, i: usize) -> Option<Cand> {
        let k = self.kw(i)?;
        let off = match k {
            Kw::Today | Kw::Tonight => 0,
            Kw::Yesterday => -1,
            Kw::Tomorrow => 1,
            _ => return None,
        };
        // "USA Today": a name after a capitalised word
        if i > 0
            && self.cap(i)
            && self.cap(i - 1)
            && matches!(self.lex(i - 1), Lex::Other)
            && self.same_token_run(i - 1, i)
        {
            return None;
        }
        // "today's world", "today's booming market": generic; "today's vote", "tomorrow's
        // game", "today's geography quiz": an event of that day (the noun, or the one after it)
        let next = self.word(i + 1);
        if (next == "'s" || next == "\u{2019}s") && matches!(k, Kw::Today | Kw::Tomorrow) {
            let event = |w: &str| EVENT_NOUNS.iter().any(|e| w.eq_ignore_ascii_case(e));
            if !(event(self.word(i + 2)) || event(self.word(i + 3))) {
                return None;
            }
        }
        let v = shift(self.pubd, Unit::Day, off);
        if k == Kw::Tonight {
            return Some(Cand::new(
                i,
                i + 1,
                TimexType::Time,
                format!("{v}TNI"),
                Anchor::Publication,
            ));
        }
        if let Lex::PartDay(p) = self.lex(i + 1) {
            return Some(Cand::new(
                i,
                i + 2,
                TimexType::Time,
                format!("{v}T{}", PARTS[p as usize]),
                Anchor::Publication,
            ));
        }
        Some(Cand::new(i, i + 1, TimexType::Date, v, Anchor::Publication))
    }

    /// "Saturday night" is [`Self::weekday`]; here "noon Thursday", "morning" forms.
    fn part_then_day(&self, i: usize) -> Option<Cand> {
        let Lex::PartDay(p) = self.lex(i) else {
            return None;
        };
        if !self.same_token_run(i, i + 1) {
            return None;
        }
        // "mid-afternoon yesterday", "afternoon Friday"
        let mut c = match self.lex(i + 1) {
            Lex::Weekday(_) => self.weekday(i + 1)?,
            Lex::K(Kw::Yesterday | Kw::Today | Kw::Tomorrow) => self.deictic(i + 1)?,
            _ => return None,
        };
        if c.kind != TimexType::Date {
            return None;
        }
        c.a = i;
        c.kind = TimexType::Time;
        c.value = format!("{}T{}", c.value, PARTS[p as usize]);
        Some(c)
    }

    // ----- clock times ----------------------------------------------------------------------

    /// For a bare hour `h` (1 to 12) at `i` followed at `j` by "to", "until", "-" or "and"
    /// (after "between") and a clock time with "a.m."/"p.m.": whether the start is p.m. An
    /// end hour below the start crosses the meridiem ("11 to 1 p.m." starts at 11 a.m.).
    fn shared_meridiem(&self, i: usize, j: usize, h: u32) -> Option<(bool, usize)> {
        let k = if self.joined(j) {
            j
        } else if self.punct(j, b'-')
            || matches!(self.kw(j), Some(Kw::To | Kw::Until | Kw::Through))
            || self.is(j, Kw::And) && i > 0 && self.is(i - 1, Kw::Between)
        {
            j + 1
        } else {
            return None;
        };
        let h2 = match self.lex(k) {
            Lex::Num(h2 @ 1..=12, 1..=2) => h2,
            Lex::NumX => {
                let (a, b) = self.word(k).split_once(':')?;
                if b.len() != 2 {
                    return None;
                }
                a.parse::<u32>().ok().filter(|h2| (1..=12).contains(h2))?
            }
            _ => return None,
        };
        let pm_end = match self.kw(k + 1) {
            Some(Kw::Pm) => true,
            Some(Kw::Am) => false,
            _ => return None,
        };
        // on a 12-hour dial 12 comes first
        let (a, b) = (h % 12, h2 % 12);
        Some((if a <= b { pm_end } else { !pm_end }, k))
    }

    /// "5 p.m.", "10:30 a.m. ET", "18:00 UTC", "noon", "5 p.m. EST Nov. 9", "10 p.m. Wednesday".
    fn clock(&self, i: usize) -> Option<Cand> {
        let (mut h, mut mi, mut j, mut certain) = match self.lex(i) {
            Lex::Num(h @ 0..=24, 1..=2) => (h, 0, i + 1, false),
            Lex::NumX => {
                let w = self.word(i);
                let (a, b) = w.split_once(':')?;
                if b.len() != 2 || a.len() > 2 {
                    return None;
                }
                let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
                if h > 24 || m > 59 {
                    return None;
                }
                (h, m, i + 1, false)
            }
            Lex::K(Kw::Noon) => (12, 0, i + 1, true),
            Lex::K(Kw::Midnight) => (24, 0, i + 1, true),
            _ => return None,
        };
        let numeric = !certain;
        match self.kw(j) {
            Some(Kw::Am) if numeric && h <= 12 => {
                if h == 12 {
                    h = 0;
                }
                j += 1;
                certain = true;
            }
            Some(Kw::Pm) if numeric && h <= 12 => {
                if h < 12 {
                    h += 12;
                }
                j += 1;
                certain = true;
            }
            _ => {}
        }
        // "from 9 to 11 p.m.", "9-11 a.m.", "between 10 and 11:30 p.m.": the start of a range
        // shares the meridiem of its end
        let mut range_end = None;
        if !certain && numeric && (1..=12).contains(&h) {
            if let Some((pm, k)) = self.shared_meridiem(i, j, h) {
                range_end = Some(k);
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                certain = true;
            }
        }
        if certain && numeric && self.punct(j, b'.') && self.touches(j) {
            // the final dot of "p.m." (unless it ends the sentence: then keep it too, as TimeBank)
            j += 1;
        }
        let mut zone = "";
        match self.kw(j) {
            Some(Kw::Zone) if self.cap(j) || self.word(j).len() <= 3 => {
                j += 1;
                certain = certain || (numeric && self.word(i).contains(':'));
            }
            Some(Kw::Utc) => {
                j += 1;
                zone = "Z";
                certain = certain || (numeric && self.word(i).contains(':'));
            }
            _ => {}
        }
        // "at 22:30", "by 18:45": a 24-hour clock after a time preposition
        if !certain && numeric && i > 0 && self.word(i).contains(':') {
            certain = matches!(
                self.kw(i - 1),
                Some(Kw::At | Kw::By | Kw::Until | Kw::Before | Kw::After | Kw::Around | Kw::From)
            );
        }
        if !certain {
            return None;
        }
        if h == 24 {
            mi = 0;
        }
        // a following date: "Nov. 9", "Wednesday", "yesterday", ", Nov. 6"
        let mut k = j;
        // "3:15 a.m. local time on Saturday"
        let local = self.word(k).eq_ignore_ascii_case("local")
            && self.word(k + 1).eq_ignore_ascii_case("time");
        if local {
            k += 2;
        }
        if self.punct(k, b',') {
            k += 1;
        }
        let on = self.is(k, Kw::On);
        if on {
            k += 1;
        }
        let day = match self.lex(k) {
            Lex::Weekday(_) => self.weekday(k),
            Lex::Month(..) => self.month(k).filter(|c| c.value.len() == 10),
            Lex::K(Kw::Today | Kw::Yesterday | Kw::Tomorrow) => {
                self.deictic(k).filter(|c| c.kind == TimexType::Date)
            }
            _ => None,
        };
        let (date_v, anchor, b) = match day {
            // "5 p.m. on Friday": the day gives the date, the extent stops before "on"
            Some(c) if on || local => (c.value, c.anchor, j),
            Some(c) => (c.value, c.anchor, c.b),
            // "from 9 to 11 p.m. on Friday": the start is on the day of its end
            _ if range_end.is_some() => {
                let end = range_end.and_then(|k| self.clock(k));
                match end
                    .as_ref()
                    .and_then(|c| Some((c.value.split_once('T')?.0, c)))
                {
                    Some((d, c)) => (d.to_string(), c.anchor, j),
                    None => (shift(self.pubd, Unit::Day, 0), Anchor::Publication, j),
                }
            }
            _ => {
                // the last day mentioned in this sentence, else the publication date
                let prev = self.out.last().filter(|c| {
                    c.value.len() == 10 && is_digits(&c.value) && self.same_token_run(c.a, i)
                });
                match prev {
                    Some(c) => (c.value.clone(), Anchor::Previous(self.out.len() - 1), j),
                    None => (shift(self.pubd, Unit::Day, 0), Anchor::Publication, j),
                }
            }
        };
        let v = format!("{date_v}T{h:02}:{mi:02}{zone}");
        Some(Cand::new(i, b, TimexType::Time, v, anchor))
    }

    // ----- relative expressions -------------------------------------------------------------

    /// "last year", "this week", "next month", "last Friday", "this summer", "the past two
    /// years", "the following year", "that year", "the current quarter".
    fn relative(&self, i: usize) -> Option<Cand> {
        let k = self.kw(i)?;
        if k == Kw::Last && self.last_is_verb(i) {
            return None;
        }
        let mut j = i + 1;
        // "this past spring", "this coming Sunday"
        let mut k2 = k;
        if k == Kw::This && matches!(self.kw(j), Some(Kw::Past | Kw::Coming)) {
            k2 = self.kw(j)?;
            j += 1;
        }
        if self.is(j, Kw::Fiscal) || self.is(j, Kw::Full) {
            j += 1;
        }
        let dir: i64 = match k2 {
            Kw::This | Kw::Current | Kw::Same | Kw::That => 0,
            Kw::Last | Kw::Past | Kw::Previous | Kw::Latest | Kw::Recent => -1,
            Kw::Next | Kw::Coming | Kw::Following | Kw::Upcoming => 1,
            _ => return None,
        };
        // "the past two years", "the next few days": durations
        if matches!(
            k2,
            Kw::Last | Kw::Past | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following | Kw::Latest
        ) && self.starts_amount(j)
        {
            let (n, jj) = self.number(j)?;
            let Lex::Unit(u, plural) = self.lex(jj) else {
                return None;
            };
            if !plural || n.article {
                return None;
            }
            let mut b = jj + 1;
            if self.is(b, Kw::Or) && self.is(b + 1, Kw::So) {
                b += 2;
            }
            return Some(Cand::new(i, b, TimexType::Duration, duration(n, u), Anchor::None).the());
        }
        let after_the = i > 0 && self.is(i - 1, Kw::The);
        let anaphoric = matches!(k2, Kw::That | Kw::Same | Kw::Following | Kw::Previous)
            || k2 == Kw::Next
                && after_the
                && matches!(
                    self.lex(j),
                    Lex::Unit(Unit::Day | Unit::Year | Unit::Month | Unit::Week, false)
                );
        let (base, anchor) = if anaphoric {
            match self
                .last_dated
                .and_then(|x| self.out.get(x).map(|c| (x, c)))
            {
                // "that day" after "in 1987": the day is unknown, not January 1
                Some((x, c)) => match self.lex(j) {
                    Lex::Unit(u, false) if !fine_for(&c.value, u) => (None, Anchor::Previous(x)),
                    _ => (anchor_date(&c.value), Anchor::Previous(x)),
                },
                None => (None, Anchor::Publication),
            }
        } else {
            (self.pubd, Anchor::Publication)
        };
        match self.lex(j) {
            Lex::Unit(u, false) => {
                if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                    return None;
                }
                if k2 == Kw::That && !matches!(u, Unit::Year | Unit::Month | Unit::Day | Unit::Week)
                {
                    return None;
                }
                if k2 == Kw::Latest && u != Unit::Quarter {
                    return None;
                }
                if k2 == Kw::Recent {
                    return None;
                }
                if self.cap(j)
                    && self.cap(i)
                    && i > 0
                    && self.same_token_run(i - 1, i)
                    && !self.punct(i - 1, b':')
                {
                    // "This Week" (a programme title)
                    return None;
                }
                if k2 == Kw::Latest {
                    return Some(self.reported_quarter(i, j + 1, 0).the());
                }
                let v = shift(base, u, dir);
                let mut b = j + 1;
                if u == Unit::Year {
                    // "this year's third quarter", "next year's first quarter"
                    let w = self.word(b);
                    if w == "'s" || w == "\u{2019}s" {
                        if let Some(q) = self.ord_at(b + 1).filter(|q| (1..=4).contains(q)) {
                            if matches!(self.lex(b + 2), Lex::Unit(Unit::Quarter, false)) {
                                return Some(
                                    Cand::new(
                                        i,
                                        b + 3,
                                        TimexType::Date,
                                        format!("{v}-Q{q}"),
                                        anchor,
                                    )
                                    .the(),
                                );
                            }
                        }
                        if matches!(self.lex(b + 1), Lex::Unit(Unit::Quarter, false)) && dir == -1 {
                            let mut c = self.reported_quarter(i, b + 2, 1);
                            c.the_ok = true;
                            return Some(c);
                        }
                    }
                    if self.is(b, Kw::Or) && self.is(b + 1, Kw::So) {
                        b += 2;
                    }
                }
                Some(Cand::new(i, b, TimexType::Date, v, anchor).the())
            }
            Lex::Unit(_, true) if matches!(k2, Kw::Coming | Kw::Upcoming | Kw::Next) => Some(
                Cand::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    "FUTURE_REF".into(),
                    Anchor::Publication,
                )
                .the(),
            ),
            Lex::Unit(_, true) if matches!(k2, Kw::Past | Kw::Last) => Some(
                Cand::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    "PAST_REF".into(),
                    Anchor::Publication,
                )
                .the(),
            ),
            Lex::Weekday(_) if !anaphoric || k2 == Kw::Previous || k2 == Kw::Following => {
                let d = match k2 {
                    Kw::This => 2,
                    Kw::Coming | Kw::Upcoming | Kw::Next | Kw::Following => 1,
                    _ => -1,
                };
                if k2 == Kw::Current || k2 == Kw::Latest || k2 == Kw::Recent {
                    return None;
                }
                // "the previous Friday" after a dated day counts from that day
                if anaphoric && matches!(anchor, Anchor::Previous(_)) && self.cap(j) {
                    if let (Some(base), Lex::Weekday(wd)) = (base, self.lex(j)) {
                        let bw = i64::from(weekday_of(base));
                        let w = i64::from(wd);
                        let delta = if d < 0 {
                            -(bw - w - 1).rem_euclid(7) - 1
                        } else {
                            (w - bw - 1).rem_euclid(7) + 1
                        };
                        if let Some(x) = add_days(base, delta) {
                            return Some(
                                Cand::new(i, j + 1, TimexType::Date, ymd(x), anchor).the(),
                            );
                        }
                    }
                }
                let mut c = self.weekday_dir(i, j, d)?;
                c.the_ok = true;
                Some(c)
            }
            Lex::Month(m, _)
                if matches!(k2, Kw::This | Kw::Last | Kw::Next | Kw::Past | Kw::Coming)
                    && self.cap(j) =>
            {
                let d = match k2 {
                    Kw::This => 0,
                    Kw::Next | Kw::Coming => 1,
                    _ => -1,
                };
                let (v, anchor) = if d == 0 {
                    match self.pubd {
                        Some(p) => (format!("{:04}-{m:02}", p.year()), Anchor::Publication),
                        None => (format!("XXXX-{m:02}"), Anchor::Publication),
                    }
                } else {
                    self.month_only(j, m, d)
                };
                Some(Cand::new(i, j + 1, TimexType::Date, v, anchor))
            }
            Lex::Season(_)
                if matches!(
                    k2,
                    Kw::This | Kw::Last | Kw::Next | Kw::Past | Kw::Coming | Kw::That
                ) =>
            {
                let mut c = self.season(j, Some(dir as i32))?;
                c.a = i;
                Some(c.the())
            }
            // "that night", "the next morning": a part of the last day named, else unknown
            Lex::PartDay(p)
                if matches!(k2, Kw::That | Kw::Following | Kw::Same)
                    || k2 == Kw::Next && after_the =>
            {
                let prev = self
                    .last_dated
                    .and_then(|x| self.out.get(x).map(|c| (x, c)))
                    .filter(|(_, c)| fine_for(&c.value, Unit::Day));
                let (v, anchor) = match prev {
                    Some((x, c)) => (
                        shift(anchor_date(&c.value), Unit::Day, dir.max(0)),
                        Anchor::Previous(x),
                    ),
                    None => ("XXXX-XX-XX".to_string(), Anchor::None),
                };
                Some(
                    Cand::new(
                        i,
                        j + 1,
                        TimexType::Time,
                        format!("{v}T{}", PARTS[p as usize]),
                        anchor,
                    )
                    .the(),
                )
            }
            Lex::PartDay(p) if matches!(k2, Kw::This | Kw::Last) => {
                let off = if k2 == Kw::Last { -1 } else { 0 };
                if k2 == Kw::Last && p != 3 {
                    return None;
                }
                let v = shift(self.pubd, Unit::Day, off);
                Some(Cand::new(
                    i,
                    j + 1,
                    TimexType::Time,
                    format!("{v}T{}", PARTS[p as usize]),
                    Anchor::Publication,
                ))
            }
            _ => None,
        }
    }

    /// "this summer", "last fall", "the summer of 1994", "summer 2008".
    fn season(&self, i: usize, dir: Option<i32>) -> Option<Cand> {
        let Lex::Season(s) = self.lex(i) else {
            return None;
        };
        let code = SEASONS[s as usize];
        let mut b = i + 1;
        if self.is(b, Kw::Of) {
            b += 1;
        }
        if self.year_ok(b) {
            if let Lex::Num(y, _) = self.lex(b) {
                return Some(
                    Cand::new(
                        i,
                        b + 1,
                        TimexType::Date,
                        format!("{y:04}-{code}"),
                        Anchor::None,
                    )
                    .the(),
                );
            }
        }
        if let Some(c) = self.spoken_year(b) {
            return Some(
                Cand::new(
                    i,
                    c.b,
                    TimexType::Date,
                    format!("{}-{code}", c.value),
                    Anchor::None,
                )
                .the(),
            );
        }
        if b > i + 1 {
            // "the Fall of Rome", "the summer of love"
            return None;
        }
        // a bare "fall" or "spring" is a verb or a noun unless determined
        if dir.is_none() {
            let det = i > 0
                && matches!(
                    self.kw(i - 1),
                    Some(
                        Kw::The
                            | Kw::In
                            | Kw::Early
                            | Kw::Late
                            | Kw::Mid
                            | Kw::During
                            | Kw::Since
                            | Kw::Until
                            | Kw::By
                            | Kw::This
                            | Kw::Last
                            | Kw::Next
                    )
                );
            // "spring" and "fall" are verbs and nouns too: only a determiner or "early", "late",
            // "mid" makes them seasons ("in the spring", "last fall"; not "in spring water")
            if !det
                || (s == 0 || s == 2)
                    && !matches!(
                        self.kw(i - 1),
                        Some(
                            Kw::The
                                | Kw::Early
                                | Kw::Late
                                | Kw::Mid
                                | Kw::This
                                | Kw::Last
                                | Kw::Next
                        )
                    )
            {
                return None;
            }
            // "the fall in prices", "the spring water": a noun; "in the fall," a season
            if (s == 0 || s == 2) && self.is(i - 1, Kw::The) {
                let ends = match self.lex(i + 1) {
                    Lex::Punct(_) | Lex::K(Kw::And | Kw::Or) => true,
                    Lex::Other => ["when", "while", "as", "after", "before", "but"]
                        .iter()
                        .any(|w| self.word(i + 1).eq_ignore_ascii_case(w)),
                    _ => i + 1 >= self.atoms.len(),
                };
                if !ends {
                    return None;
                }
            }
        }
        let Some(p) = self.pubd else {
            return Some(
                Cand::new(
                    i,
                    i + 1,
                    TimexType::Date,
                    format!("XXXX-{code}"),
                    Anchor::Publication,
                )
                .the(),
            );
        };
        let pm = p.month() as i32;
        let start = [3, 6, 9, 12][s as usize];
        let mut y = i32::from(p.year());
        match dir.unwrap_or(0) {
            -1 => {
                if pm < start + 3 || s == 3 {
                    y -= 1;
                }
            }
            1 => {
                if pm >= start {
                    y += 1;
                }
            }
            _ => {
                // a season not begun is last year's in the past tense; one over, next year's
                // in the future tense
                match if dir.is_none() {
                    self.tense(i)
                } else {
                    Tense::Unknown
                } {
                    Tense::Past if pm < start => y -= 1,
                    Tense::Future if pm >= start + 3 => y += 1,
                    _ => {}
                }
            }
        }
        Some(
            Cand::new(
                i,
                i + 1,
                TimexType::Date,
                format!("{y:04}-{code}"),
                Anchor::Publication,
            )
            .the(),
        )
    }

    /// "earlier this year", "later this month", "later that year", "earlier in the year",
    /// "earlier Sunday", "later yesterday".
    fn earlier_later(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let mut c = match self.lex(j) {
            Lex::K(Kw::This | Kw::That | Kw::Last | Kw::Next) => self.relative(j)?,
            Lex::K(Kw::In) if self.is(j + 1, Kw::The) => {
                let Lex::Unit(u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false) =
                    self.lex(j + 2)
                else {
                    return None;
                };
                Cand::new(
                    j,
                    j + 3,
                    TimexType::Date,
                    shift(self.pubd, u, 0),
                    Anchor::Publication,
                )
            }
            Lex::K(Kw::Today | Kw::Yesterday | Kw::Tomorrow) => self.deictic(j)?,
            Lex::Weekday(_) => self.weekday(j)?,
            _ => return None,
        };
        if c.kind == TimexType::Duration || !is_digits(&c.value) && !c.value.starts_with('X') {
            return None;
        }
        c.a = i;
        c.the_ok = false;
        Some(c)
    }

    /// "early next year", "mid-November", "late September", "the late 1970s", "late yesterday".
    fn early_late(&self, i: usize) -> Option<Cand> {
        let m = match self.kw(i)? {
            Kw::Early => "START",
            Kw::Mid => "MID",
            Kw::Late => "END",
            _ => return None,
        };
        let j = i + 1;
        let c = match self.lex(j) {
            Lex::Num(_, 4) => self.decade(j).or_else(|| self.year(j)),
            Lex::Month(..) => self.month(j),
            Lex::Decade(..) | Lex::DecadeWord(_) => self.decade(j),
            Lex::K(Kw::This | Kw::Next | Kw::Last) => {
                self.relative(j).filter(|c| c.kind == TimexType::Date)
            }
            Lex::K(Kw::Today | Kw::Yesterday | Kw::Tomorrow) => self.deictic(j),
            Lex::Weekday(_) => self.weekday(j),
            Lex::Season(_) => self.season(j, None),
            Lex::PartDay(p) => self.part_then_day(j).or_else(|| {
                // "by mid-afternoon": that part of the last day named in the sentence, else of
                // the publication day
                // not before a noun it describes ("the mid-afternoon break")
                if m != "MID" || !self.same_token_run(i, j) || self.lex(j + 1) == Lex::Other {
                    return None;
                }
                let prev = self.out.last().filter(|c| {
                    c.value.len() == 10 && is_digits(&c.value) && self.same_token_run(c.a, i)
                });
                let (d, anchor) = match prev {
                    Some(c) => (c.value.clone(), Anchor::Previous(self.out.len() - 1)),
                    None => (shift(self.pubd, Unit::Day, 0), Anchor::Publication),
                };
                let mut c = Cand::new(
                    j,
                    j + 1,
                    TimexType::Time,
                    format!("{d}T{}", PARTS[p as usize]),
                    anchor,
                );
                c.the_ok = true;
                Some(c)
            }),
            _ => None,
        }?;
        let keep_mod = !matches!(
            self.lex(j),
            Lex::K(Kw::Today | Kw::Yesterday | Kw::Tomorrow) | Lex::Weekday(_)
        );
        let mut c = c.with_mod(keep_mod.then_some(m));
        c.a = i;
        c.the_ok = true;
        Some(c)
    }

    /// "the end of 1990", "the beginning of the year", "the middle of October".
    fn end_of(&self, i: usize) -> Option<Cand> {
        let m = match self.kw(i)? {
            Kw::End => "END",
            Kw::Beginning | Kw::Start => "START",
            Kw::Middle => "MID",
            _ => return None,
        };
        if !self.is(i + 1, Kw::Of) {
            return None;
        }
        let j = i + 2;
        let c = match self.lex(j) {
            Lex::K(Kw::The) => match self.lex(j + 1) {
                Lex::Unit(
                    u @ (Unit::Year
                    | Unit::Month
                    | Unit::Week
                    | Unit::Quarter
                    | Unit::Decade
                    | Unit::Century),
                    false,
                ) => Some(Cand::new(
                    j,
                    j + 2,
                    TimexType::Date,
                    shift(self.pubd, u, 0),
                    Anchor::Publication,
                )),
                _ => self.full_core(j),
            },
            _ => self.full_core(j),
        }?;
        if c.kind != TimexType::Date || !is_digits(&c.value) && !c.value.starts_with('X') {
            return None;
        }
        let mut c = c.with_mod(Some(m));
        c.a = i;
        c.the_ok = true;
        Some(c)
    }

    /// "year-end", "year end".
    fn year_end(&self, i: usize) -> Option<Cand> {
        // "year-end", "year end", "year's end"
        let poss = matches!(self.word(i + 1), "'s" | "\u{2019}s");
        let end = if poss { i + 2 } else { i + 1 };
        if !self.is(end, Kw::End) {
            return None;
        }
        Some(
            Cand::new(
                i,
                end + 1,
                TimexType::Date,
                shift(self.pubd, Unit::Year, 0),
                Anchor::Publication,
            )
            .with_mod(Some("END")),
        )
    }

    /// PRESENT_REF, PAST_REF, FUTURE_REF words: "now", "currently", "recently", "these days".
    fn refs(&self, i: usize) -> Option<Cand> {
        let k = self.kw(i)?;
        let r = |b: usize, v: &str| {
            Some(Cand::new(
                i,
                b,
                TimexType::Date,
                v.to_string(),
                Anchor::Publication,
            ))
        };
        match k {
            Kw::Now if !self.joined(i + 1) => r(i + 1, "PRESENT_REF"),
            Kw::Right if self.is(i + 1, Kw::Now) => r(i + 2, "PRESENT_REF"),
            Kw::Currently | Kw::Nowadays | Kw::Presently => r(i + 1, "PRESENT_REF"),
            Kw::These if matches!(self.lex(i + 1), Lex::Unit(Unit::Day, true)) => {
                r(i + 2, "PRESENT_REF")
            }
            Kw::Current if !matches!(self.lex(i + 1), Lex::Unit(..) | Lex::K(Kw::Fiscal)) => {
                // "current" as an adjective of time ("the current crisis" is not)
                if i > 0 && self.is(i - 1, Kw::The) || self.joined(i + 1) {
                    return None;
                }
                r(i + 1, "PRESENT_REF")
            }
            Kw::Recently => r(i + 1, "PAST_REF"),
            Kw::More if self.is(i + 1, Kw::Recently) => r(i + 2, "PAST_REF"),
            Kw::Recent => {
                // "recent years" is PAST_REF; "recent weeks" a vague duration (TimeBank)
                match self.lex(i + 1) {
                    Lex::Unit(Unit::Year | Unit::Decade | Unit::Century, true) => {
                        r(i + 2, "PAST_REF")
                    }
                    Lex::Unit(u, true) => {
                        let n = Number {
                            value: 0.0,
                            vague: true,
                            article: false,
                        };
                        let u = if u == Unit::Quarter { Unit::Month } else { u };
                        Some(Cand::new(
                            i,
                            i + 2,
                            TimexType::Duration,
                            duration(n, u),
                            Anchor::None,
                        ))
                    }
                    _ if self.is(i + 1, Kw::And) => None,
                    _ => r(i + 1, "PAST_REF"),
                }
            }
            Kw::Future if matches!(self.lex(i + 1), Lex::Unit(_, true)) => r(i + 2, "FUTURE_REF"),
            _ => None,
        }
    }

    // ----- sets ------------------------------------------------------------------------------

    /// "every year", "each Thursday", "every two weeks", "quarterly", "per year".
    fn set(&self, i: usize) -> Option<Cand> {
        let k = self.kw(i)?;
        // "LA Weekly", "the Daily Mail", "Monthly Review": a capitalised frequency word next
        // to another capitalised word (not at the start of a sentence) is part of a name
        if matches!(
            k,
            Kw::Daily | Kw::Weekly | Kw::Monthly | Kw::Quarterly | Kw::Yearly | Kw::Annually
        ) && self.cap(i)
            && (i > 0 && self.cap(i - 1) && self.same_token_run(i - 1, i)
                || self.cap(i + 1) && self.same_token_run(i, i + 1))
        {
            return None;
        }
        let s = |b: usize, v: String| Some(Cand::new(i, b, TimexType::Set, v, Anchor::None));
        match k {
            Kw::Every | Kw::Each | Kw::Per => {
                let mut j = i + 1;
                if self.is(j, Kw::Other) {
                    j += 1;
                }
                if let Some((n, jj)) = self.number(j).filter(|(n, _)| !n.article && !n.vague) {
                    if let Lex::Unit(u, _) = self.lex(jj) {
                        return s(jj + 1, duration(n, u));
                    }
                }
                match self.lex(j) {
                    Lex::Unit(u, false)
                        if u != Unit::Weekend
                            && (k != Kw::Per
                                || matches!(
                                    u,
                                    Unit::Day
                                        | Unit::Week
                                        | Unit::Month
                                        | Unit::Quarter
                                        | Unit::Year
                                )) =>
                    {
                        s(
                            j + 1,
                            duration(
                                Number {
                                    value: if self.is(i + 1, Kw::Other) { 2.0 } else { 1.0 },
                                    vague: false,
                                    article: false,
                                },
                                u,
                            ),
                        )
                    }
                    Lex::Weekday(d) if self.cap(j) && k != Kw::Per => {
                        if let Lex::PartDay(p) = self.lex(j + 1) {
                            return s(j + 2, format!("XXXX-WXX-{d}T{}", PARTS[p as usize]));
                        }
                        s(j + 1, format!("XXXX-WXX-{d}"))
                    }
                    Lex::Month(m, true) if self.cap(j) && k != Kw::Per => {
                        s(j + 1, format!("XXXX-{m:02}"))
                    }
                    Lex::Season(x) if k != Kw::Per => {
                        s(j + 1, format!("XXXX-{}", SEASONS[x as usize]))
                    }
                    Lex::PartDay(p) if k != Kw::Per => {
                        s(j + 1, format!("XXXX-XX-XXT{}", PARTS[p as usize]))
                    }
                    _ => None,
                }
            }
            _ => {
                // adverbs only: "quarterly dividend" is not a time expression, nor the noun
                // in "its regular quarterly of 10 cents"
                if self.is(i + 1, Kw::Of) {
                    return None;
                }
                if let Some(a) = self.atoms.get(i + 1) {
                    if matches!(a.lex, Lex::Other | Lex::Unit(..))
                        && !a.cap
                        && !self
                            .text
                            .get(a.s as usize..a.e as usize)
                            .unwrap_or("")
                            .starts_with(|c: char| c.is_ascii_digit())
                    {
                        return None;
                    }
                }
                let v = match k {
                    Kw::Daily => "P1D",
                    Kw::Weekly => "P1W",
                    Kw::Monthly => "P1M",
                    Kw::Quarterly => "P3M",
                    Kw::Annually | Kw::Yearly => "P1Y",
                    Kw::Hourly => "PT1H",
                    _ => return None,
                };
                s(i + 1, v.to_string())
            }
        }
    }

    /// "a year" after a number or "times": "twice a year", "$5 billion a year".
    fn set_a(&self, i: usize) -> Option<Cand> {
        if !self.is(i, Kw::A) || i == 0 {
            return None;
        }
        let Lex::Unit(u, false) = self.lex(i + 1) else {
            return None;
        };
        if u == Unit::Weekend {
            return None;
        }
        // "three times a week", "twice a day", "24 hours a day", "seven days a week"
        let prev_ok = matches!(self.lex(i - 1), Lex::K(Kw::Times))
            || self.word(i - 1).eq_ignore_ascii_case("twice")
            || self.word(i - 1).eq_ignore_ascii_case("once")
            || matches!(self.lex(i - 1), Lex::Unit(v, true) if v < u);
        if !prev_ok {
            return None;
        }
        if matches!(self.kw(i + 2), Some(Kw::Ago | Kw::Earlier | Kw::Later)) {
            return None;
        }
        let one = Number {
            value: 1.0,
            vague: false,
            article: false,
        };
        Some(Cand::new(
            i,
            i + 2,
            TimexType::Set,
            duration(one, u),
            Anchor::None,
        ))
    }

    // ----- tense -----------------------------------------------------------------------------

    /// "last" at `i` is the verb ("to last several weeks", "will last a year", "could last"),
    /// not the modifier of "last week".
    fn last_is_verb(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.word(i - 1);
        [
            "to",
            "will",
            "would",
            "could",
            "can",
            "may",
            "might",
            "should",
            "must",
            "'ll",
            "\u{2019}ll",
            "n't",
            "\u{2019}t",
            "did",
            "does",
            "do",
            "shall",
            "usually",
            "typically",
            "normally",
            "often",
            "generally",
        ]
        .iter()
        .any(|w| p.eq_ignore_ascii_case(w))
    }

    /// The tense of the clause around atom `i`: the nearest marker on the left in its sentence,
    /// else on the right.
    fn tense(&self, i: usize) -> Tense {
        self.tense_window(i, 40, 25, true)
    }

    /// The tense marked within `left` atoms before and `right` atoms after atom `i`.
    fn tense_window(&self, i: usize, left: usize, right: usize, ed: bool) -> Tense {
        let Some(atom) = self.atoms.get(i) else {
            return Tense::Unknown;
        };
        let sents = self.doc.sentences;
        let k = sents.partition_point(|s| s.tokens.end <= atom.tok as usize);
        let (lo, hi) = match sents.get(k) {
            Some(s) => (s.tokens.start, s.tokens.end),
            None => (0, usize::MAX),
        };
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < left {
            j -= 1;
            steps += 1;
            let Some(a) = self.atoms.get(j) else { break };
            if (a.tok as usize) < lo {
                break;
            }
            let t = self.tense_of(j, ed);
            if t != Tense::Unknown {
                return t;
            }
        }
        let mut j = i + 1;
        let mut steps = 0;
        while steps < right {
            let Some(a) = self.atoms.get(j) else { break };
            if a.tok as usize >= hi {
                break;
            }
            let t = self.tense_of(j, ed);
            if t != Tense::Unknown {
                return t;
            }
            j += 1;
            steps += 1;
        }
        Tense::Unknown
    }

    fn tense_of(&self, j: usize, ed: bool) -> Tense {
        let t = self.tense_of_word(j, ed);
        if t == Tense::Past {
            // a participle after "be" is passive, not past: "to be held"
            let p = if j > 0 { self.word(j - 1) } else { "" };
            if ["be", "being", "is", "are", "been"]
                .iter()
                .any(|w| p.eq_ignore_ascii_case(w))
            {
                return Tense::Unknown;
            }
        }
        t
    }

    /// A plan word at `j` ("scheduled", "due", "expected"): in the future, unless "had",
    /// "was", "were", "previously" or "originally" just before make it a past plan.
    fn plan_tense(&self, j: usize) -> Tense {
        let mut k = j;
        for _ in 0..3 {
            if k == 0 {
                break;
            }
            k -= 1;
            let w = self.word(k);
            if ["had", "was", "were", "previously", "originally"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
            {
                return Tense::Past;
            }
        }
        Tense::Future
    }

    fn tense_of_word(&self, j: usize, ed: bool) -> Tense {
        let Some(a) = self.atoms.get(j) else {
            return Tense::Unknown;
        };
        match a.lex {
            Lex::K(Kw::Ago | Kw::Yesterday) => return Tense::Past,
            Lex::K(Kw::Tomorrow | Kw::Upcoming) => return Tense::Future,
            // "are to travel", "is to meet": a plan
            Lex::K(Kw::To) => {
                let p = if j > 0 { self.word(j - 1) } else { "" };
                return if ["is", "are", "am"]
                    .iter()
                    .any(|w| p.eq_ignore_ascii_case(w))
                    && matches!(self.lex(j + 1), Lex::Other)
                {
                    Tense::Future
                } else {
                    Tense::Unknown
                };
            }
            Lex::Other => {}
            _ => return Tense::Unknown,
        }
        let w = self.text.get(a.s as usize..a.e as usize).unwrap_or("");
        if w.len() < 2 || w.len() > 14 || a.cap && j > 0 {
            return Tense::Unknown;
        }
        let mut buf = [0u8; 14];
        for (d, s) in buf.iter_mut().zip(w.as_bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lw = &buf[..w.len()];
        match lw {
            b"will" | b"'ll" | b"\xe2\x80\x99ll" | b"shall" | b"going"
            // present-tense schedule verbs: "the offer expires Friday", "the leaders meet Monday"
            | b"expires" | b"begins" | b"starts" | b"opens" | b"ends" | b"closes" | b"meets" | b"resumes" | b"arrives" | b"departs"
            | b"returns" | b"plays" | b"faces" | b"hosts" | b"visits" | b"travels" | b"launches" | b"airs" | b"runs" | b"stops"
            | b"kicks" | b"convenes" | b"premieres" | b"debuts" | b"meet" | b"resume" | b"convene" | b"reconvene" => {
                // "did not meet", "didn't resume": a past event; "to meet": the verb before decides
                let p = if j > 0 { self.word(j - 1) } else { "" };
                if ["not", "n't", "n\u{2019}t", "did", "never", "to"].iter().any(|w| p.eq_ignore_ascii_case(w)) {
                    Tense::Unknown
                } else {
                    Tense::Future
                }
            }
            // a plan as a verb ("plans to", "we plan"), not as a noun ("announced the plan")
            b"plan" | b"plans" => {
                let p = if j > 0 { self.word(j - 1) } else { "" };
                let det = ["the", "a", "its", "his", "her", "their", "our", "this", "that", "new", "no", "any", "these", "those"]
                    .iter()
                    .any(|w| p.eq_ignore_ascii_case(w));
                // "announced plans to", "unveiled plans": a noun after a past verb
                let after_verb = p.len() > 3 && p.ends_with("ed");
                if det || after_verb { Tense::Unknown } else { Tense::Future }
            }
            // "set to", "set for": a plan; "the record set on Aug. 6" is past
            b"set" => {
                if matches!(self.kw(j + 1), Some(Kw::To | Kw::For)) { Tense::Future } else { Tense::Unknown }
            }
            // "rain is forecast for Monday", "growth is projected to slow": what is predicted is
            // ahead; "forecast on Monday that ..." is when the forecast was made
            b"forecast" | b"forecasts" | b"predicted" | b"projected" => {
                if matches!(self.kw(j + 1), Some(Kw::To | Kw::For)) { self.plan_tense(j) } else { Tense::Unknown }
            }
            // "is due to arrive", "due on Monday", "due back"; not the causal "due to the storm"
            b"due" => {
                let p = if j > 0 { self.word(j - 1) } else { "" };
                let be = ["is", "are", "was", "were", "'s", "\u{2019}s", "be", "now", "also"].iter().any(|w| p.eq_ignore_ascii_case(w));
                let next = self.word(j + 1);
                if !(be || ["on", "in", "back", "out", "by"].iter().any(|w| next.eq_ignore_ascii_case(w))) {
                    return Tense::Unknown;
                }
                self.plan_tense(j)
            }
            b"would" | b"wo" | b"intends" | b"aims" | b"hopes" | b"scheduled" | b"expected" | b"planned" | b"slated"
            // dates of a payment or a rule coming into force: "payable Dec. 15", "effective June 1"
            | b"payable" | b"effective" => self.plan_tense(j),
            b"said" | b"was" | b"were" | b"had" | b"did" | b"told" | b"met" | b"began" | b"came" | b"went" | b"made" | b"took" | b"gave"
            | b"saw" | b"held" | b"left" | b"won" | b"lost" | b"fell" | b"rose" | b"sold" | b"bought" | b"paid" | b"got" | b"struck"
            | b"hit" | b"spoke" | b"wrote" | b"led" | b"ran" | b"found" | b"became" | b"broke" | b"chose" | b"drew" | b"flew" | b"knew"
            | b"brought" | b"thought" | b"sent" | b"spent" | b"built" | b"meant" | b"felt" | b"kept" | b"heard" | b"stood" | b"sought"
            | b"taught" | b"caught" | b"fought" | b"shot" | b"slid" | b"sank" | b"dropped" | b"ended" => Tense::Past,
            b"be" => {
                // "is to be held", "will be": a plan
                let p = if j > 0 { self.word(j - 1) } else { "" };
                if ["to", "will", "'ll", "would", "shall", "could", "might", "may", "must", "should"].iter().any(|w| p.eq_ignore_ascii_case(w)) {
                    Tense::Future
                } else {
                    Tense::Unknown
                }
            }
            _ => {
                if ed && lw.len() >= 5 && lw.ends_with(b"ed") && !lw.ends_with(b"eed") {
                    Tense::Past
                } else if lw.len() >= 5 && lw.ends_with(b"ing") && lw != b"being" {
                    // the present progressive of an arrangement: "are meeting Friday"
                    let p = if j > 0 { self.word(j - 1) } else { "" };
                    if ["is", "are", "am", "'re", "\u{2019}re"]
                        .iter()
                        .any(|w| p.eq_ignore_ascii_case(w))
                    {
                        // a weekday after it is ahead; a month is only kept from the verb
                        // further back ("said it is calling a vote on Dec. 7")
                        if ed {
                            Tense::Future
                        } else {
                            Tense::Present
                        }
                    } else {
                        Tense::Unknown
                    }
                } else {
                    Tense::Unknown
                }
            }
        }
    }
}

/// True when an expression can start at an atom of class `lex`: the frequent words that only
/// ever continue one ("of", "in", "to", "and", ...) and punctuation other than `'` are skipped
/// without trying the grammar.
#[inline]
fn may_start(lex: Lex) -> bool {
    match lex {
        Lex::Other => false,
        Lex::Punct(p) => p == b'\'',
        Lex::K(k) => kw_starts(k),
        _ => true,
    }
}

/// True when keyword `k` can open an expression: [`Scan::core`] has a rule for it, it is a
/// modifier of [`Scan::mod_prefix`] or it is "the".
const fn kw_starts(k: Kw) -> bool {
    matches!(
        k,
        Kw::The
            | Kw::A
            | Kw::Half
            | Kw::Few
            | Kw::Several
            | Kw::Couple
            | Kw::Many
            | Kw::Some
            | Kw::This
            | Kw::Last
            | Kw::Next
            | Kw::Past
            | Kw::Coming
            | Kw::Previous
            | Kw::Following
            | Kw::Current
            | Kw::Latest
            | Kw::Same
            | Kw::Upcoming
            | Kw::That
            | Kw::Recent
            | Kw::Fiscal
            | Kw::Earlier
            | Kw::Later
            | Kw::Early
            | Kw::Mid
            | Kw::Late
            | Kw::End
            | Kw::Beginning
            | Kw::Start
            | Kw::Middle
            | Kw::Today
            | Kw::Yesterday
            | Kw::Tomorrow
            | Kw::Tonight
            | Kw::Now
            | Kw::Currently
            | Kw::Recently
            | Kw::Nowadays
            | Kw::Presently
            | Kw::Right
            | Kw::More
            | Kw::These
            | Kw::Future
            | Kw::Every
            | Kw::Each
            | Kw::Per
            | Kw::Daily
            | Kw::Weekly
            | Kw::Monthly
            | Kw::Quarterly
            | Kw::Annually
            | Kw::Yearly
            | Kw::Hourly
            | Kw::Noon
            | Kw::Midnight
            | Kw::About
            | Kw::Around
            | Kw::Approximately
            | Kw::Roughly
            | Kw::Nearly
            | Kw::Almost
            | Kw::Fewer
            | Kw::Less
            | Kw::Under
            | Kw::At
            | Kw::Up
            | Kw::No
    )
}

/// True when the calendar value `v` is fine enough to count a `u` from: a year for years,
/// a month for months, a week or a day for weeks, a day for days.
fn fine_for(v: &str, u: Unit) -> bool {
    let b = v.as_bytes();
    is_digits(v)
        && match u {
            Unit::Year | Unit::Decade | Unit::Century => true,
            Unit::Quarter => b.len() >= 7 && b.get(5) != Some(&b'W'),
            Unit::Month => b.len() >= 7 && b.get(5).is_some_and(u8::is_ascii_digit),
            Unit::Week | Unit::Weekend => b.get(5) == Some(&b'W') || b.len() >= 10,
            _ => b.len() >= 10 && b.get(5).is_some_and(u8::is_ascii_digit),
        }
}

/// The date a dated value anchors to ("2019" -> 2019-01-01, "2019-08" -> 2019-08-01).
fn anchor_date(v: &str) -> Option<Date> {
    let y: i32 = v.get(..4)?.parse().ok()?;
    let rest = v.get(4..).unwrap_or("");
    if let Some(q) = rest.strip_prefix("-Q") {
        let q: u8 = q.get(..1)?.parse().ok()?;
        return date(y, (q.clamp(1, 4) - 1) * 3 + 1, 1);
    }
    if rest.starts_with("-W") {
        let w: i8 = rest.get(2..4)?.parse().ok()?;
        let iso =
            jiff::civil::ISOWeekDate::new(i16::try_from(y).ok()?, w, jiff::civil::Weekday::Monday)
                .ok()?;
        return Some(iso.date());
    }
    let m: u8 = rest.get(1..3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let d: u8 = rest.get(4..6).and_then(|s| s.parse().ok()).unwrap_or(1);
    date(y, m, d).or_else(|| date(y, m, 1))
}

/// Links two expressions joined by "to", "through", "until", "-" (or "between X and Y") as a
/// range, and moves the end into the next year when it would fall before the start.
fn link_ranges(text: &str, out: &mut [Timex]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if !matches!(a.kind, TimexType::Date | TimexType::Time)
            || a.kind != b.kind
            || a.range_with.is_some()
        {
            continue;
        }
        let Some(between) = text.get(a.span.end..b.span.start) else {
            continue;
        };
        let sep = between.trim().to_ascii_lowercase();
        if !matches!(
            sep.as_str(),
            "to" | "through" | "thru" | "until" | "till" | "-" | "\u{2013}" | "\u{2014}" | "and"
        ) {
            continue;
        }
        if sep == "and" {
            let before = text.get(..a.span.start).unwrap_or("").trim_end();
            let lw = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !lw.eq_ignore_ascii_case("between") {
                continue;
            }
        }
        let same_grain =
            a.value.len() == b.value.len() || a.value.len() >= 10 && b.value.len() >= 10;
        if !same_grain || !is_digits(&a.value) && !a.value.starts_with("XXXX-") {
            continue;
        }
        // "Dec. 30 to Jan. 2": the end is in the next year
        if b.kind == TimexType::Date
            && b.anchor == Anchor::Publication
            && is_digits(&b.value)
            && b.value < a.value
        {
            if let (Some(y), Some(rest)) = (
                b.value.get(..4).and_then(|y| y.parse::<i32>().ok()),
                b.value.get(4..),
            ) {
                let bumped = format!("{:04}{rest}", y + 1);
                if bumped > a.value {
                    out[k].value = bumped;
                }
            }
        }
        out[k - 1].range_with = Some(k);
        out[k].range_with = Some(k - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    #[test]
    fn shift_formats_each_grain() {
        let p = d("2025-10-19");
        assert_eq!(shift(p, Unit::Year, -1), "2024");
        assert_eq!(shift(p, Unit::Month, -10), "2024-12");
        assert_eq!(shift(p, Unit::Quarter, 1), "2026-Q1");
        assert_eq!(shift(p, Unit::Quarter, -4), "2024-Q4");
        assert_eq!(shift(p, Unit::Week, 0), "2025-W42");
        assert_eq!(shift(p, Unit::Weekend, -1), "2025-W41-WE");
        assert_eq!(shift(p, Unit::Day, -1), "2025-10-18");
        assert_eq!(shift(p, Unit::Decade, 0), "202");
        assert_eq!(shift(p, Unit::Century, 0), "20");
        assert_eq!(shift(None, Unit::Month, 3), "XXXX-XX");
        assert_eq!(shift(None, Unit::Day, 0), "XXXX-XX-XX");
    }

    #[test]
    fn iso_week_years_at_new_year() {
        assert_eq!(shift(d("2024-12-30"), Unit::Week, 0), "2025-W01");
        assert_eq!(shift(d("2021-01-03"), Unit::Week, 0), "2020-W53");
        assert_eq!(shift(d("2025-01-01"), Unit::Week, -1), "2024-W52");
    }

    #[test]
    fn durations_format_as_timex3() {
        let n = |v: f64| Number {
            value: v,
            vague: false,
            article: false,
        };
        let vague = Number {
            value: 0.0,
            vague: true,
            article: false,
        };
        assert_eq!(duration(n(3.0), Unit::Year), "P3Y");
        assert_eq!(duration(n(2.0), Unit::Hour), "PT2H");
        assert_eq!(duration(n(30.0), Unit::Minute), "PT30M");
        assert_eq!(duration(n(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(n(0.5), Unit::Year), "P6M");
        assert_eq!(duration(n(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(n(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(n(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration(n(0.5), Unit::Day), "PT12H");
        assert_eq!(duration(n(1.5), Unit::Week), "P1.5W");
        assert_eq!(duration(n(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration(n(1.0), Unit::Fortnight), "P2W");
        assert_eq!(duration(vague, Unit::Day), "PXD");
        assert_eq!(duration(vague, Unit::Century), "PXC");
        assert_eq!(duration(vague, Unit::Minute), "PTXM");
    }

    #[test]
    fn anchor_dates_from_values() {
        assert_eq!(anchor_date("2019"), d("2019-01-01"));
        assert_eq!(anchor_date("2019-08"), d("2019-08-01"));
        assert_eq!(anchor_date("2019-08-17"), d("2019-08-17"));
        assert_eq!(anchor_date("2019-Q3"), d("2019-07-01"));
        assert_eq!(anchor_date("2025-W01"), d("2024-12-30"));
        assert_eq!(anchor_date("PAST_REF"), None);
        assert_eq!(anchor_date("20"), None);
    }

    #[test]
    fn lexicon_lookups() {
        let t = TimeTagger::new();
        let t = |w: &[u8]| t.classify(w, load16(w, 0, w.len()));
        assert_eq!(t(b"October"), Lex::Month(10, true));
        assert_eq!(t(b"Oct"), Lex::Month(10, false));
        assert_eq!(t(b"FRIDAY"), Lex::Weekday(5));
        assert_eq!(t(b"years"), Lex::Unit(Unit::Year, true));
        assert_eq!(t(b"twenty"), Lex::Card(20));
        assert_eq!(t(b"third"), Lex::Ord(3));
        assert_eq!(t(b"31st"), Lex::Ord(31));
        assert_eq!(t(b"1990s"), Lex::Decade(199, 4));
        assert_eq!(t(b"80s"), Lex::Decade(8, 2));
        assert_eq!(t(b"2025"), Lex::Num(2025, 4));
        assert_eq!(t(b"100M"), Lex::Other);
        assert_eq!(t(b"Kim"), Lex::Other);
        assert_eq!(t(b"supercalifragilistic"), Lex::Other);
        assert_eq!(t(b""), Lex::Other);
    }

    #[test]
    fn ranges_link_and_roll_into_the_next_year() {
        let text = "from Dec. 30 to Jan. 2";
        let mk = |s: usize, e: usize, v: &str| Timex {
            span: Span::new(s, e),
            kind: TimexType::Date,
            value: v.to_string(),
            modifier: None,
            anchor: Anchor::Publication,
            range_with: None,
        };
        let mut out = vec![mk(5, 12, "2025-12-30"), mk(16, 22, "2025-01-02")];
        link_ranges(text, &mut out);
        assert_eq!(out[0].range_with, Some(1));
        assert_eq!(out[1].range_with, Some(0));
        assert_eq!(out[1].value, "2026-01-02");
        // "and" links only after "between"
        let text = "in 2018 and 2020";
        let mut out = vec![mk(3, 7, "2018"), mk(12, 16, "2020")];
        link_ranges(text, &mut out);
        assert_eq!(out[0].range_with, None);
    }

    #[test]
    fn hyphen_test_matches_a_scan() {
        let hy = |w: &str| match load16(w.as_bytes(), 0, w.len()) {
            Some(r) => has_hyphen(r),
            None => w.contains('-'),
        };
        for w in [
            "two-year",
            "-",
            "abc",
            "",
            "mid-",
            "x-y-z",
            "0123456789abcdef",
            "0123456789abcde-",
            "a-0123456789abcdefgh",
            "0123456789abcdefgh",
            "\u{2014}",
        ] {
            assert_eq!(hy(w), w.contains('-'), "{w}");
        }
    }

    #[test]
    fn timex_types_have_timex3_names() {
        assert_eq!(TimexType::Date.as_str(), "DATE");
        assert_eq!(TimexType::Time.as_str(), "TIME");
        assert_eq!(TimexType::Duration.as_str(), "DURATION");
        assert_eq!(TimexType::Set.as_str(), "SET");
    }
}
