//! The time lexicon: every word the grammar knows, looked up once per token.

/// The lexicon: an open-addressing hash table of lower-case words up to 16 bytes, sized so
/// that a lookup is one hash of the word and, almost always, one 16-byte comparison. Keys and
/// classes live in separate arrays (8 KiB of keys stay in cache).
#[derive(Debug, Default)]
pub(crate) struct LexMap {
    /// Zero-padded lower-case words (no word holds a zero byte, so 0 marks an empty slot and
    /// equal keys mean equal lengths).
    keys: Vec<u128>,
    lexes: Vec<Lex>,
    mask: usize,
    /// A 4096-bit filter of the keys' hashes: most words never touch the table.
    bloom: Vec<u64>,
}

/// A hash of a zero-padded 16-byte key: two 64-bit words mixed by one multiplication.
#[inline]
pub(crate) fn hash(key: u128) -> u64 {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    let h = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 31)
}

/// `word` lower-cased (ASCII letters; the other key bytes `.` `'` are unchanged) and
/// zero-padded to 16 bytes, or `None` when longer.
#[inline]
pub(crate) fn key(word: &[u8]) -> Option<u128> {
    let mut k = [0u8; 16];
    k.get_mut(..word.len())?.copy_from_slice(word);
    Some(lower(u128::from_le_bytes(k), word.len()))
}

/// The key of a word already loaded zero-padded into `raw` (`len` bytes, at most 16).
#[inline]
pub(crate) fn lower(raw: u128, len: usize) -> u128 {
    // setting bit 5 of every byte of the word lower-cases A-Z and leaves a-z, digits, `.`,
    // `'` and `-` unchanged
    let used: u128 = if len >= 16 {
        !0
    } else {
        (1u128 << (8 * len)) - 1
    };
    raw | (0x2020_2020_2020_2020_2020_2020_2020_2020 & used)
}

impl LexMap {
    fn with_capacity(n: usize) -> Self {
        let size = (n + n / 2).next_power_of_two().max(64);
        LexMap {
            keys: vec![0; size],
            lexes: vec![Lex::Other; size],
            mask: size - 1,
            bloom: vec![0; 64],
        }
    }

    fn insert(&mut self, word: &[u8], lex: Lex) {
        if word.is_empty() || word.contains(&0) {
            return;
        }
        let Some(k) = key(word) else { return };
        let h = hash(k);
        let bit = (h >> 52) as usize;
        if let Some(w) = self.bloom.get_mut(bit >> 6) {
            *w |= 1 << (bit & 63);
        }
        let mut i = h as usize & self.mask;
        loop {
            let Some(slot) = self.keys.get_mut(i) else {
                return;
            };
            if *slot == 0 || *slot == k {
                *slot = k;
                if let Some(l) = self.lexes.get_mut(i) {
                    *l = lex;
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The class of a lower-case word (its zero-padded `key`).
    #[inline]
    pub(crate) fn get(&self, key: u128) -> Option<Lex> {
        let h = hash(key);
        let bit = (h >> 52) as usize;
        if self.bloom.get(bit >> 6)? & (1 << (bit & 63)) == 0 {
            return None;
        }
        let mut i = h as usize & self.mask;
        loop {
            let k = *self.keys.get(i)?;
            if k == key {
                return self.lexes.get(i).copied();
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A calendar or clock unit, shortest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A keyword of the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kw {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Current,
    Latest,
    Recent,
    Upcoming,
    Same,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    End,
    Beginning,
    Start,
    Middle,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Recently,
    Future,
    Nowadays,
    Presently,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Annually,
    Yearly,
    Hourly,
    About,
    Around,
    Approximately,
    Nearly,
    Almost,
    Roughly,
    Some,
    More,
    Less,
    Over,
    Under,
    At,
    Least,
    Up,
    To,
    No,
    Than,
    Within,
    Fewer,
    Few,
    Several,
    Many,
    Couple,
    Of,
    In,
    On,
    Fiscal,
    Half,
    Period,
    Additional,
    From,
    Through,
    Until,
    And,
    Or,
    Between,
    Am,
    Pm,
    Noon,
    Midnight,
    Zone,
    Utc,
    Hence,
    Before,
    After,
    Times,
    So,
    Near,
    Term,
    Short,
    Long,
    Right,
    Its,
    Full,
    Old,
    Present,
    Other,
    Straight,
    Since,
    During,
    For,
    By,
    CountNoun,
    Distant,
}

/// The class of one word or number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A word the lexicon does not know.
    Other,
    /// A punctuation mark (its first byte; dashes are `-`, quotes `'` and `"`).
    Punct(u8),
    /// Plain digits: value and number of digits.
    Num(u32, u8),
    /// Digits with separators (`1,000`, `3.5`, `10:30`, `10/31/2025`): parsed from the text.
    NumX,
    /// A cardinal number word.
    Card(u32),
    /// An ordinal (`first`, `31st`).
    Ord(u32),
    /// A decade in digits (`1990s` -> 199, `80s` -> 8).
    Decade(u32, u8),
    /// A decade in words (`nineties` -> 9).
    DecadeWord(u32),
    /// A month, 1 to 12; the flag is true for a full name.
    Month(u8, bool),
    /// A weekday, 1 (Monday) to 7 (Sunday).
    Weekday(u8),
    /// A weekday in the plural ("Sundays"), 1 (Monday) to 7 (Sunday).
    Weekdays(u8),
    /// A quarter or half written short: `Q3` is (`b'Q'`, 3), `H1` is (`b'H'`, 1).
    PartYear(u8, u8),
    /// A fiscal year written short: `FY2024`, `FY24` (the year, four digits).
    FiscalShort(u32),
    /// A holiday on a fixed or computable day: 0 Christmas, 1 Halloween, 2 Thanksgiving (US),
    /// 3 Valentine('s Day).
    Holiday(u8),
    /// A season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u8),
    /// A unit; the flag is true for a plural.
    Unit(Unit, bool),
    /// A part of the day: 0 morning, 1 afternoon, 2 evening, 3 night.
    PartDay(u8),
    /// A keyword.
    K(Kw),
}

/// Month names and their abbreviations: (word, month number, full name).
pub(crate) const MONTHS: [(&str, u8, bool); 24] = [
    ("january", 1, true),
    ("february", 2, true),
    ("march", 3, true),
    ("april", 4, true),
    ("may", 5, true),
    ("june", 6, true),
    ("july", 7, true),
    ("august", 8, true),
    ("september", 9, true),
    ("october", 10, true),
    ("november", 11, true),
    ("december", 12, true),
    ("jan", 1, false),
    ("feb", 2, false),
    ("mar", 3, false),
    ("apr", 4, false),
    ("jun", 6, false),
    ("jul", 7, false),
    ("aug", 8, false),
    ("sep", 9, false),
    ("sept", 9, false),
    ("oct", 10, false),
    ("nov", 11, false),
    ("dec", 12, false),
];

/// Weekday names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True when `word` names a month (or its abbreviation, with or without the period) or a
/// weekday, in any case: "May", "Oct.", "friday".
pub(crate) fn is_calendar_word(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS.iter().any(|(m, _, _)| m.eq_ignore_ascii_case(w))
        || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// Builds the lexicon.
pub(crate) fn build() -> LexMap {
    let mut m = LexMap::with_capacity(300);
    for (w, n, full) in MONTHS {
        m.insert(w.as_bytes(), Lex::Month(n, full));
    }
    for (i, w) in WEEKDAYS.iter().enumerate() {
        m.insert(w.as_bytes(), Lex::Weekday(i as u8 + 1));
    }
    for (i, w) in [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ]
    .iter()
    .enumerate()
    {
        m.insert(w.as_bytes(), Lex::Weekdays(i as u8 + 1));
    }
    for (w, s) in [
        ("spring", 0),
        ("summer", 1),
        ("fall", 2),
        ("autumn", 2),
        ("winter", 3),
    ] {
        m.insert(w.as_bytes(), Lex::Season(s));
    }
    let units: [(&str, Unit, bool); 23] = [
        ("second", Unit::Second, false),
        ("seconds", Unit::Second, true),
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, true),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, true),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, true),
        ("weekend", Unit::Weekend, false),
        ("fortnight", Unit::Fortnight, false),
        ("month", Unit::Month, false),
        ("months", Unit::Month, true),
        ("quarter", Unit::Quarter, false),
        ("quarters", Unit::Quarter, true),
        ("year", Unit::Year, false),
        ("years", Unit::Year, true),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, true),
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, true),
        ("yrs", Unit::Year, true),
    ];
    for (w, u, p) in units {
        m.insert(w.as_bytes(), Lex::Unit(u, p));
    }
    for (w, p) in [
        ("morning", 0),
        ("afternoon", 1),
        ("evening", 2),
        ("night", 3),
    ] {
        m.insert(w.as_bytes(), Lex::PartDay(p));
    }
    for (w, h) in [
        ("christmas", 0),
        ("halloween", 1),
        ("thanksgiving", 2),
        ("valentine", 3),
    ] {
        m.insert(w.as_bytes(), Lex::Holiday(h));
    }
    let cards: [(&str, u32); 30] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("thousand", 1000),
        ("dozen", 12),
    ];
    for (w, n) in cards {
        m.insert(w.as_bytes(), Lex::Card(n));
    }
    let ords: [(&str, u32); 16] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("twenty-first", 21),
    ];
    for (w, n) in ords {
        // "second" is also a unit: the grammar reads it as an ordinal only before a unit.
        if w == "second" {
            continue;
        }
        m.insert(w.as_bytes(), Lex::Ord(n));
    }
    for (w, n) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w.as_bytes(), Lex::DecadeWord(n));
    }
    let kws: &[(&str, Kw)] = &[
        ("the", Kw::The),
        ("a", Kw::A),
        ("an", Kw::A),
        ("this", Kw::This),
        ("that", Kw::That),
        ("these", Kw::These),
        ("last", Kw::Last),
        ("next", Kw::Next),
        ("past", Kw::Past),
        ("coming", Kw::Coming),
        ("previous", Kw::Previous),
        ("preceding", Kw::Previous),
        ("prior", Kw::Previous),
        ("following", Kw::Following),
        ("current", Kw::Current),
        ("latest", Kw::Latest),
        ("recent", Kw::Recent),
        ("upcoming", Kw::Upcoming),
        ("same", Kw::Same),
        ("ago", Kw::Ago),
        ("earlier", Kw::Earlier),
        ("later", Kw::Later),
        ("early", Kw::Early),
        ("late", Kw::Late),
        ("mid", Kw::Mid),
        ("end", Kw::End),
        ("beginning", Kw::Beginning),
        ("start", Kw::Start),
        ("middle", Kw::Middle),
        ("today", Kw::Today),
        ("yesterday", Kw::Yesterday),
        ("tomorrow", Kw::Tomorrow),
        ("tonight", Kw::Tonight),
        ("now", Kw::Now),
        ("currently", Kw::Currently),
        ("recently", Kw::Recently),
        ("future", Kw::Future),
        ("nowadays", Kw::Nowadays),
        ("presently", Kw::Presently),
        ("every", Kw::Every),
        ("each", Kw::Each),
        ("per", Kw::Per),
        ("daily", Kw::Daily),
        ("weekly", Kw::Weekly),
        ("monthly", Kw::Monthly),
        ("quarterly", Kw::Quarterly),
        ("annually", Kw::Annually),
        ("yearly", Kw::Yearly),
        ("hourly", Kw::Hourly),
        ("about", Kw::About),
        ("around", Kw::Around),
        ("approximately", Kw::Approximately),
        ("nearly", Kw::Nearly),
        ("almost", Kw::Almost),
        ("roughly", Kw::Roughly),
        ("some", Kw::Some),
        ("more", Kw::More),
        ("less", Kw::Less),
        ("over", Kw::Over),
        ("under", Kw::Under),
        ("at", Kw::At),
        ("least", Kw::Least),
        ("up", Kw::Up),
        ("to", Kw::To),
        ("no", Kw::No),
        ("than", Kw::Than),
        ("within", Kw::Within),
        ("fewer", Kw::Fewer),
        ("few", Kw::Few),
        ("several", Kw::Several),
        ("many", Kw::Many),
        ("couple", Kw::Couple),
        ("of", Kw::Of),
        ("in", Kw::In),
        ("on", Kw::On),
        ("fiscal", Kw::Fiscal),
        ("half", Kw::Half),
        ("period", Kw::Period),
        ("additional", Kw::Additional),
        ("extra", Kw::Additional),
        ("from", Kw::From),
        ("through", Kw::Through),
        ("thru", Kw::Through),
        ("until", Kw::Until),
        ("till", Kw::Until),
        ("and", Kw::And),
        ("or", Kw::Or),
        ("between", Kw::Between),
        ("a.m", Kw::Am),
        ("am", Kw::Am),
        ("p.m", Kw::Pm),
        ("pm", Kw::Pm),
        ("noon", Kw::Noon),
        ("midday", Kw::Noon),
        ("midnight", Kw::Midnight),
        ("et", Kw::Zone),
        ("est", Kw::Zone),
        ("edt", Kw::Zone),
        ("ct", Kw::Zone),
        ("cst", Kw::Zone),
        ("cdt", Kw::Zone),
        ("pt", Kw::Zone),
        ("pst", Kw::Zone),
        ("pdt", Kw::Zone),
        ("mst", Kw::Zone),
        ("bst", Kw::Zone),
        ("cet", Kw::Zone),
        ("kst", Kw::Zone),
        ("jst", Kw::Zone),
        ("gmt", Kw::Utc),
        ("utc", Kw::Utc),
        ("hence", Kw::Hence),
        ("before", Kw::Before),
        ("after", Kw::After),
        ("times", Kw::Times),
        ("so", Kw::So),
        ("near", Kw::Near),
        ("term", Kw::Term),
        ("short", Kw::Short),
        ("long", Kw::Long),
        ("right", Kw::Right),
        ("its", Kw::Its),
        ("full", Kw::Full),
        ("whole", Kw::Full),
        ("entire", Kw::Full),
        ("old", Kw::Old),
        ("ago", Kw::Ago),
        ("present", Kw::Present),
        ("other", Kw::Other),
        ("straight", Kw::Straight),
        ("consecutive", Kw::Straight),
        ("since", Kw::Since),
        ("during", Kw::During),
        ("for", Kw::For),
        ("by", Kw::By),
        ("distant", Kw::Distant),
        ("percent", Kw::CountNoun),
        ("million", Kw::CountNoun),
        ("billion", Kw::CountNoun),
        ("trillion", Kw::CountNoun),
        ("people", Kw::CountNoun),
        ("troops", Kw::CountNoun),
        ("shares", Kw::CountNoun),
        ("points", Kw::CountNoun),
        ("miles", Kw::CountNoun),
        ("feet", Kw::CountNoun),
        ("tons", Kw::CountNoun),
        ("units", Kw::CountNoun),
        ("votes", Kw::CountNoun),
        ("members", Kw::CountNoun),
        ("jobs", Kw::CountNoun),
        ("barrels", Kw::CountNoun),
        ("euros", Kw::CountNoun),
        ("dollars", Kw::CountNoun),
        ("pounds", Kw::CountNoun),
        ("yen", Kw::CountNoun),
    ];
    for (w, k) in kws {
        m.insert(w.as_bytes(), Lex::K(*k));
    }
    m
}
