//! Paragraph layout: which lines are titles, bylines, contact lines, editor's notes, headings,
//! captions or body text, and where a body paragraph opens with a dateline.

use crate::{Paragraph, ParagraphKind, Span};

/// Splits `text` into paragraphs (one per non-blank line) and classifies each.
///
/// `title` is a title known from metadata: when the first line equals it, that line is the
/// title. Without one, the first line is a title when it reads as a headline (short, no
/// sentence-final punctuation, more lines follow).
pub fn layout(text: &str, title: Option<&str>) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = lines(text)
        .map(|span| Paragraph {
            span,
            kind: ParagraphKind::Body,
            dateline: None,
        })
        .collect();
    let count = paragraphs.len();
    for (i, p) in paragraphs.iter_mut().enumerate() {
        let line = p.span.slice(text);
        p.kind = classify(line, i, count, title);
        if p.kind == ParagraphKind::Body {
            p.dateline = dateline(line).map(|len| Span::new(p.span.start, p.span.start + len));
        }
    }
    paragraphs
}

/// The non-blank lines of `text`, trimmed of surrounding white space (byte spans).
///
/// A line ends at `\n`, `\r\n`, a lone `\r` (old Mac files), U+0085 (NEL), U+2028 (LINE
/// SEPARATOR) or U+2029 (PARAGRAPH SEPARATOR); the line end belongs to no line.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let line_start = start;
            let (end, next) = match next_line_end(bytes, start) {
                Some((end, len)) => (end, end + len),
                None => {
                    done = true;
                    (bytes.len(), bytes.len())
                }
            };
            start = next;
            let line = text.get(line_start..end).unwrap_or("");
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let s = line_start + lead;
                return Some(Span::new(s, s + trimmed.len()));
            }
        }
        None
    })
}

/// The next line end at or after `from`: its byte offset and its length in bytes. The line ends
/// are ASCII or whole UTF-8 sequences, so both offsets are on character boundaries.
fn next_line_end(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => return Some((i, 1)),
            b'\r' => {
                return Some((
                    i,
                    if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                ))
            }
            0xC2 if bytes.get(i + 1) == Some(&0x85) => return Some((i, 2)),
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                return Some((i, 3))
            }
            _ => i += 1,
        }
    }
    None
}

fn classify(line: &str, index: usize, count: usize, title: Option<&str>) -> ParagraphKind {
    if index == 0 {
        if let Some(t) = title {
            if same_words(line, t) {
                return ParagraphKind::Title;
            }
        } else if count > 1 && looks_like_headline(line) {
            return ParagraphKind::Title;
        }
    }
    if is_byline(line) {
        ParagraphKind::Byline
    } else if is_contact(line) {
        ParagraphKind::Contact
    } else if is_editor_note(line) {
        ParagraphKind::EditorNote
    } else if is_caption(line) {
        ParagraphKind::Caption
    } else if is_timestamp(line) {
        ParagraphKind::Timestamp
    } else if is_promo(line) {
        ParagraphKind::Promo
    } else if is_heading(line) {
        ParagraphKind::Heading
    } else {
        ParagraphKind::Body
    }
}

/// True when two lines have the same words; a final period one of them adds ("Talks resume." for
/// the metadata title "Talks resume") does not count.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &'_ str| {
        let s = s.trim_end();
        let s = s.strip_suffix('.').unwrap_or(s).to_string();
        s.split_whitespace().map(str::to_string).collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// The number of words of `line`, counted up to `cap + 1` at most: enough to tell whether the
/// line has more than `cap` words without reading a long paragraph to its end.
fn word_count(line: &str, cap: usize) -> usize {
    line.split_whitespace().take(cap.saturating_add(1)).count()
}

/// True when the line ends like a sentence: `.`, `!`, `?`, `:` or `;`, possibly followed by
/// closing quotes or brackets.
fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']', '\u{BB}']);
    trimmed.ends_with(['.', '!', '?', ':', ';', '\u{2026}'])
}

fn looks_like_headline(line: &str) -> bool {
    let words = word_count(line, 25);
    (1..=25).contains(&words) && !ends_like_sentence(line)
}

/// Weekday names and their abbreviations, lower case.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// True for a lower-case weekday or month name or abbreviation ("fri", "sept", "october").
fn calendar_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || month_number(w).is_some()
}

/// Words that open "By Monday, ..." or "By then ..." sentences rather than a byline when they stand
/// alone before a comma (or alone on the line), besides weekdays and months.
const NOT_NAMES: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "then",
    "noon",
    "midnight",
    "morning",
    "evening",
    "afternoon",
    "night",
    "dawn",
    "dusk",
    "daybreak",
    "nightfall",
    "christmas",
    "easter",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "late",
    "early",
    "contrast",
    "comparison",
    "default",
    "design",
    "far",
    "law",
    "definition",
    "nature",
    "chance",
    "itself",
    "lunchtime",
    "midday",
    "midweek",
    "sunset",
    "sunrise",
    "year-end",
];

/// Lowercase words that make a "By ..." line read as a sentence.
const SENTENCE_WORDS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "had", "has", "have", "will", "would",
    "could", "can", "should", "may", "might", "must", "shall", "did", "do", "does", "said", "says",
    "it", "they", "he", "she", "we", "i", "you", "there", "this", "that", "which", "who", "not",
    "no", "over", "then", "when", "if", "because",
];

/// Lowercase words that may stand inside a name ("Ana de la Cruz", "Jane Doe and John Roe").
const NAME_PARTICLES: &[&str] = &[
    "and", "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la",
    "le", "du", "des", "bin", "ibn", "bint", "al", "el", "y", "e", "ter", "ten", "st.", "of",
];

fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let rest = rest.trim();
    let words = word_count(rest, 12);
    let capitalised = rest.chars().next().is_some_and(char::is_uppercase);
    if !capitalised || !(words <= 5 || (words <= 12 && !ends_like_sentence(rest))) {
        return false;
    }
    // The name part, up to the first comma: capitalised words, particles, "&", "|", initials.
    let (names, title) = rest.split_once(',').unwrap_or((rest, ""));
    let name_words: Vec<&str> = names.split_whitespace().collect();
    let name_like = |w: &&str| {
        w.chars().any(char::is_uppercase)
            || !w.chars().any(char::is_alphabetic)
            || NAME_PARTICLES.contains(&w.trim_end_matches(['.', ';', ':']))
    };
    if name_words.is_empty() || !name_words.iter().all(name_like) {
        return false;
    }
    if let [only] = name_words[..] {
        let only = only
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if NOT_NAMES.contains(&only.as_str()) || calendar_word(&only) {
            return false;
        }
    }
    // The rest (title, agency) must not read as a sentence.
    let mut last_lower = false;
    for w in title.split_whitespace() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        last_lower = bare.starts_with(char::is_lowercase);
        if last_lower && SENTENCE_WORDS.contains(&bare) {
            return false;
        }
    }
    !(last_lower && rest.trim_end_matches(['"', '\'', ')']).ends_with('.'))
}

/// The names in a byline line: the line without its leading "By ".
pub(crate) fn byline_names(line: &str) -> &str {
    line.strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .unwrap_or(line)
        .trim()
}

fn is_email_like(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    match w.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.ends_with('.'),
        None => false,
    }
}

fn is_contact(line: &str) -> bool {
    // A body paragraph has more words than a contact line may have: nine are enough to tell.
    let words: Vec<&str> = line.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let contacts = words
        .iter()
        .filter(|w| {
            is_email_like(w)
                || (w.starts_with('@') && w.len() > 1)
                || w.starts_with("http://")
                || w.starts_with("https://")
                || w.starts_with("www.")
        })
        .count();
    contacts > 0 && (words.len() <= 3 || contacts * 3 >= words.len())
}

/// Credit lines that open a note ("Reporting by ...; Editing by ...", "Follow us on ...").
const NOTE_OPENERS: &[&str] = &[
    "reporting by",
    "editing by",
    "writing by",
    "compiled by",
    "edited by",
    "translated by",
    "additional reporting",
    "with additional reporting",
    "follow us on",
];

/// Phrases that make a short line a credit wherever they stand ("Jennifer Nicholson-Breen edited
/// this article.", "Kim Tong-hyung contributed to this report."). Each holds "ted ", which
/// `is_editor_note` looks for before trying them one by one.
const NOTE_PHRASES: &[&str] = &[
    "edited this article",
    "contributed to this report",
    "contributed reporting",
    "contributed to this article",
    "contributed to this story",
];

/// "This article was ..." / "This story has been ..." open a note only before one of these
/// words ("This article was originally published ...", "This story has been corrected ...");
/// "This article was cited by the court, ..." is a sentence.
const NOTE_HISTORY_WORDS: &[&str] = &[
    "originally",
    "first",
    "last",
    "updated",
    "amended",
    "corrected",
    "changed",
    "modified",
    "revised",
    "produced",
    "written",
    "translated",
    "edited",
    "published",
    "republished",
    "reprinted",
    "reproduced",
    "provided",
    "prepared",
    "adapted",
    "supported",
    "funded",
    "made",
    "created",
    "generated",
    "co-published",
];

/// True for an editor's note, credits line or copyright notice. The marks must stand where notes
/// put them (at the start of the line, or the line is a short credit) so that sentences about
/// copyright, "section 2(c)" or "this article" stay body text.
fn is_editor_note(line: &str) -> bool {
    let words = word_count(line, 40);
    if words > 40 || line.starts_with(char::is_lowercase) {
        return false;
    }
    let full_lower = line.to_lowercase();
    let lower = full_lower.trim_start_matches(['(', '[', ' ']);
    if NOTE_OPENERS.iter().any(|m| lower.starts_with(m)) {
        return true;
    }
    // Every note phrase holds "ted " ("edited this", "contributed to"): one search rules
    // them all out for most lines.
    if words <= 30 && lower.contains("ted ") && NOTE_PHRASES.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "Jane Roe contributed.", "AP writer Jane Roe in Seoul contributed." close a story.
    if words <= 30
        && lower
            .trim_end_matches([')', ']'])
            .ends_with(" contributed.")
    {
        return true;
    }
    if let Some(rest) = ["this article ", "this story ", "this report "]
        .iter()
        .find_map(|m| lower.strip_prefix(m))
    {
        let rest = rest
            .strip_prefix("was ")
            .or_else(|| rest.strip_prefix("has been "))
            .or_else(|| rest.strip_prefix("is "))
            .or_else(|| rest.strip_prefix("first "))
            .or_else(|| rest.strip_prefix("originally "));
        let next = rest.and_then(|r| r.split_whitespace().next()).unwrap_or("");
        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        return NOTE_HISTORY_WORDS.contains(&next);
    }
    words <= 20 && is_copyright_notice(&full_lower)
}

/// "Copyright 2025 Reuters", "© 2025 The Associated Press. All rights reserved.",
/// "(c) Yonhap", "Copyright The Guardian": the mark opens the line and a year, a second mark or
/// a short name follows it; or the line says "all rights reserved".
fn is_copyright_notice(lower: &str) -> bool {
    if lower.contains("all rights reserved") {
        return true;
    }
    let Some(rest) = ["copyright", "\u{a9}", "(c)"]
        .iter()
        .find_map(|m| lower.strip_prefix(m))
    else {
        return false;
    };
    let rest = rest.trim_start();
    let next = rest.split_whitespace().next().unwrap_or("");
    let year_or_mark = next.starts_with("\u{a9}")
        || next.starts_with("(c)")
        || (next.len() >= 4 && next.bytes().take(4).all(|b| b.is_ascii_digit()));
    // Without a year, only a short name: "Copyright Reuters", not "Copyright claims rose".
    year_or_mark || (word_count(rest, 4) <= 4 && !ends_like_sentence(rest) && !rest.is_empty())
}

fn is_caption(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "Photo:",
        "Photo by",
        "Image:",
        "Picture:",
        "Caption:",
        "File photo",
        "(Photo",
        "[Photo",
        "Credit:",
    ];
    if MARKS.iter().any(|m| line.starts_with(m)) {
        return true;
    }
    // Wikinews style: what the picture shows, then its credit ("Crowds at the opening. Image:
    // Jane Doe."): a credit of a few words, with no sentence after it, ends the line.
    let tail = line.trim_end().trim_end_matches('.');
    // The credit stands in the last few bytes: only they are searched.
    let from = (tail.len().saturating_sub(64)..tail.len())
        .find(|&i| tail.is_char_boundary(i))
        .unwrap_or(tail.len());
    let tail = &tail[from..];
    if !tail.as_bytes().contains(&b':') {
        return false;
    }
    ["Image: ", "Photo: "].iter().any(|m| {
        tail.rfind(m).is_some_and(|i| {
            let credit = &tail[i + m.len()..];
            (1..=6).contains(&credit.split_whitespace().count())
                && !credit.contains(['.', '!', '?', '"'])
                && word_count(line, 61) <= 60
        })
    })
}

/// Words that open a publication or update stamp.
const STAMP_OPENERS: &[&str] = &[
    "published",
    "updated",
    "last updated",
    "first published",
    "posted",
    "last modified",
    "modified",
];

/// True for a publication or update stamp: "Published October 19, 2025", "Updated: 10:42 a.m.
/// ET", "Posted on Oct. 19, 2025 at 9:00". Short, opening with a stamp word, and holding a
/// date or a time.
fn is_timestamp(line: &str) -> bool {
    if word_count(line, 16) > 16 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = line.to_lowercase();
    let opens = STAMP_OPENERS.iter().any(|o| {
        lower.strip_prefix(o).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}', '|', '-', '\u{2013}'])
        })
    });
    // A stamp holds nothing but dates and times: "Published on March 3, 2021, the study
    // found ..." is a sentence. It may be signed: "Posted on October 19, 2025 by Jane Doe".
    let (stamp, author) = match lower.split_once(" by ") {
        Some((stamp, author)) => (stamp, Some(author)),
        None => (lower.as_str(), None),
    };
    // The publisher may be named: "First published in The Guardian on 19 Oct 2025". After
    // "in", capitalised words (and "the") are its name, up to the next stamp word.
    let mut original = line.split_whitespace();
    let mut in_name = false;
    opens
        && stamp.split_whitespace().all(|w| {
            let capitalised = original
                .next()
                .is_some_and(|o| o.starts_with(|c: char| c.is_uppercase()));
            if in_name {
                if capitalised || w == "the" {
                    return true;
                }
                in_name = false;
            } else if w == "in" {
                in_name = true;
                return true;
            }
            stamp_word(w)
        })
        && author.is_none_or(|a| word_count(a, 5) <= 5 && !ends_like_sentence(line))
}

/// True for a word a stamp is made of: a stamp word, a number or time, a month or weekday, a
/// clock or time-zone word, a connective ("on", "at") or a separator.
fn stamp_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "published",
        "updated",
        "last",
        "first",
        "posted",
        "modified",
        "on",
        "at",
        "ago",
        "a.m",
        "p.m",
        "am",
        "pm",
        "hour",
        "hours",
        "minute",
        "minutes",
        "min",
        "mins",
        "day",
        "days",
        "today",
        "yesterday",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "et",
        "est",
        "edt",
        "ct",
        "cst",
        "cdt",
        "mt",
        "mst",
        "mdt",
        "pt",
        "pst",
        "pdt",
        "ist",
        "jst",
        "kst",
        "aest",
        "aedt",
    ];
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.is_empty() || w.bytes().any(|b| b.is_ascii_digit()) || calendar_word(w) || WORDS.contains(&w)
}

/// Labels that open a pointer to other content ("READ MORE: ...").
const PROMO_LABELS: &[&str] = &[
    "read more",
    "more",
    "related",
    "see also",
    "also read",
    "read also",
    "recommended",
    "watch",
    "listen",
    "trending",
    "must read",
    "most read",
    "more on this story",
    "click here",
];

/// Whole lines that are page controls or placeholders.
const PROMO_LINES: &[&str] = &[
    "advertisement",
    "skip advertisement",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "share this article",
    "share this story",
    "share",
    "print",
    "sign up",
    "subscribe",
];

/// True for a pointer to other content or a page control: a promo label and a colon or dash
/// ("READ MORE: Ferry services extended", "Related - ..."), or a whole-line control
/// ("Advertisement", "Share this article").
fn is_promo(line: &str) -> bool {
    let trimmed = line.trim();
    // Lower-casing maps no character to '.', ':' or '!' and none to nothing, so the line's
    // lower case without its final marks is that of the line without them; and it is at least
    // as many bytes long as the line has characters, more than any control line when the line
    // is over 4 * 40 bytes long.
    let bare = trimmed.trim_end_matches(['.', ':', '!']);
    if bare.len() <= 160 && PROMO_LINES.contains(&bare.to_lowercase().as_str()) {
        return true;
    }
    PROMO_LABELS.iter().any(|l| {
        strip_prefix_lowercase(trimmed, l).is_some_and(|rest| {
            let rest = rest.trim_start();
            let dash = rest.starts_with(['\u{2013}', '\u{2014}']) || rest.starts_with("- ");
            // A label and a dash opening a sentence ("More \u{2014} not fewer \u{2014} officers
            // are needed.") is running text: a promo's link text does not end like a sentence.
            rest.starts_with([':', '|']) || (dash && !ends_like_sentence(line))
        })
    })
}

/// The rest of `s` when `s` in lower case starts with `prefix` (lower-case ASCII), found without
/// lower-casing all of `s`: each character of `s` that lower-cases to exactly one character of
/// `prefix` is read ('K', and the Kelvin sign, for 'k'). A character that lower-cases to two
/// ('İ' to "i̇") never matches, as no prefix holds a combining mark.
fn strip_prefix_lowercase<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = s.chars();
    for p in prefix.chars() {
        let c = chars.next()?;
        let mut lower = c.to_lowercase();
        if lower.next() != Some(p) || lower.next().is_some() {
            return None;
        }
    }
    Some(chars.as_str())
}

/// A calendar date stated in a line: "October 19, 2025", "Oct. 19, 2025", "19 October 2025",
/// "2025-10-19". The first one found.
pub(crate) fn stated_date(line: &str) -> Option<jiff::civil::Date> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let day = |w: &str| -> Option<i8> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let d: i8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    };
    let year = |w: &str| -> Option<i16> {
        let w = w.trim_end_matches(['.', ';', ')']);
        (w.len() == 4).then(|| w.parse().ok()).flatten()
    };
    for (i, w) in words.iter().enumerate() {
        // ISO: 2025-10-19, or a timestamp that opens with it.
        if let Some(iso) = w.get(..10) {
            let b = iso.as_bytes();
            if b[4] == b'-' && b[7] == b'-' {
                let y = iso.get(..4).and_then(|x| x.parse::<i16>().ok());
                let m = iso.get(5..7).and_then(|x| x.parse::<i8>().ok());
                let d = iso.get(8..10).and_then(|x| x.parse::<i8>().ok());
                if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                    if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        let Some(m) = month_number(w) else { continue };
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        // October 19, 2025
        if let (Some(d), Some(y)) = (day(next(1)), year(next(2))) {
            if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                return Some(date);
            }
        }
        // 19 October 2025
        let before = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .copied()
            .unwrap_or("");
        if let (Some(d), Some(y)) = (day(before), year(next(1))) {
            if let Ok(date) = jiff::civil::Date::new(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

/// The month a word names ("October", "Oct.", "Sept"), 1-12.
fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| {
        *m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
    })?;
    i8::try_from(i + 1).ok()
}

fn is_heading(line: &str) -> bool {
    let words = word_count(line, 14);
    if words == 0 || words > 14 || ends_like_sentence(line) {
        return false;
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    // All-caps headings, and short title-like lines with no sentence punctuation. Longer
    // captions and subheads stay body lines (the entity tagger was trained on the layout this
    // rule gives); the claims table gives them no statement row.
    (upper >= 4 && lower * 10 <= upper)
        || (words <= 6 && line.chars().next().is_some_and(char::is_uppercase))
}

/// Length in bytes of a dateline at the start of `line` ("SEOUL, Oct 5 (Reuters) -",
/// "WASHINGTON (AP) —", "NEW YORK --"), including the dash and the space after it.
fn dateline(line: &str) -> Option<usize> {
    // The place: one to four words in capitals.
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut place_letters = 0;
    while i < bytes.len()
        && (bytes[i].is_ascii_uppercase() || matches!(bytes[i], b' ' | b'.' | b'\'' | b'-'))
    {
        if bytes[i].is_ascii_uppercase() {
            place_letters += 1;
        }
        if bytes[i] == b' ' && matches!(bytes.get(i + 1), Some(b'-')) {
            break;
        }
        i += 1;
    }
    if place_letters < 2 {
        return None;
    }
    // Optional ", Oct 5" or ", Calif." and "(Reuters)" up to the dash, within 60 bytes.
    let rest = line.get(i..)?;
    let window = match rest.char_indices().nth(60) {
        Some((cut, _)) => &rest[..cut],
        None => rest,
    };
    for dash in [
        " - ",
        " -- ",
        " \u{2014} ",
        " \u{2013} ",
        "\u{2014}",
        " \u{2013}",
        " _ ",
        ")_ ",
    ] {
        if let Some(pos) = window.find(dash) {
            let between = &window[..pos];
            // ")_ " (wire datelines "(AP)_ ") keeps its bracket in `between`.
            let between = if dash == ")_ " {
                &window[..pos + 1]
            } else {
                between
            };
            let place = line.get(..i).unwrap_or("").trim();
            let end = i + pos + dash.len();
            let tail = line.get(end..)?;
            let shape_ok = if between.trim().is_empty() {
                // A bare place is followed by a sentence, which does not open in lowercase
                // ("NATO \u{2014} the Western alliance \u{2014} said ...").
                bare_place_ok(place) && !tail.trim_start().starts_with(char::is_lowercase)
            } else {
                dateline_middle_ok(between)
            };
            if shape_ok {
                let end = end + tail.len() - tail.trim_start().len();
                return (end < line.len()).then_some(end);
            }
        }
    }
    None
}

/// Capitalised words that open lines without being places: organisations and news labels.
const NOT_PLACES: &[&str] = &[
    "NATO",
    "OPEC",
    "ASEAN",
    "NASA",
    "FIFA",
    "UEFA",
    "IAEA",
    "UNICEF",
    "UNESCO",
    "UNHCR",
    "BREAKING",
    "BREAKING NEWS",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "COLUMN",
    "VIDEO",
    "PHOTOS",
    "WATCH",
    "LIVE",
    "FACTBOX",
    "EXPLAINER",
    "INSIGHT",
    "REFILE",
    "CORRECTED",
    "URGENT",
    "FLASH",
    "ALERT",
];

/// A place that stands alone before the dash ("NEW YORK -- "): at least four capitals (so "US -
/// China talks" is not one) and not an organisation or a news label.
fn bare_place_ok(place: &str) -> bool {
    let letters = place.bytes().filter(u8::is_ascii_uppercase).count();
    letters >= 4 && !NOT_PLACES.contains(&place)
}

/// What may stand between the place and the dash: ", Oct 5", ", Calif.", ", Ukraine, March 3",
/// each optionally followed by "(Reuters)"; or "(AP)" alone. Every word is capitalised or a
/// number, so "US, China agree - ..." is no dateline.
fn dateline_middle_ok(between: &str) -> bool {
    let mut middle = between.trim();
    if middle.contains(['"', '!', '?', '\u{201C}', '\u{201D}']) {
        return false;
    }
    if let Some(inner) = middle.strip_suffix(')') {
        let Some(open) = inner.rfind('(') else {
            return false;
        };
        let agency = inner.get(open + 1..).unwrap_or("");
        let words = word_count(agency, 4);
        let agency_ok = (1..=4).contains(&words)
            && agency
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'));
        if !agency_ok {
            return false;
        }
        middle = inner.get(..open).unwrap_or("").trim();
        if middle.is_empty() {
            return true;
        }
    }
    let Some(after_comma) = middle.strip_prefix(',') else {
        return false;
    };
    let tokens: Vec<&str> = after_comma
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    (1..=6).contains(&tokens.len())
        && tokens
            .iter()
            .all(|t| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_phrase_holds_the_prefilter_and_credits_are_notes() {
        assert!(NOTE_PHRASES.iter().all(|p| p.contains("ted ")));
        assert!(is_editor_note("Kim Tong-hyung contributed to this report."));
        assert!(is_editor_note("Jane Roe edited this article."));
        assert!(!is_editor_note(
            "The minister contributed ideas to the report."
        ));
    }

    #[test]
    fn short_title_lines_without_a_stop_are_headings() {
        assert!(is_heading("Results of the Group F match"));
        assert!(!is_heading(
            "The Plains of Arafat were crowded on the day of Hajj."
        ));
        assert!(!is_heading("the pilgrims walked on to Arafat"));
    }

    #[test]
    fn a_line_that_ends_with_its_picture_credit_is_a_caption() {
        assert!(is_caption(
            "Crowds at the opening of the bridge on Friday. Image: Jane Doe."
        ));
        assert!(is_caption("Playstation VR demo Image: Nick Moreau."));
        assert!(is_caption(
            "The mayor in 2019. Photo: Twitter / City of Oslo"
        ));
        // A sentence after the credit, or a long "credit", is running text.
        assert!(!is_caption(
            "The show has one theme. Image: Jane Doe. It drew crowds all week."
        ));
        assert!(!is_caption(
            "Her best-known work was called Image: A Girl on a Bicycle in Naples at Night."
        ));
    }

    #[test]
    fn word_counts_stop_past_their_cap() {
        assert_eq!(word_count("one two  three\tfour", 10), 4);
        assert_eq!(word_count("one two three four", 2), 3);
        assert_eq!(word_count("", 3), 0);
        assert_eq!(word_count("   ", 0), 0);
        assert_eq!(word_count("a", usize::MAX), 1);
    }

    #[test]
    fn promo_labels_match_in_any_case_without_lowercasing_the_line() {
        // `is_promo` skips lines over 160 bytes: no promo line may be longer than 40 bytes.
        assert!(PROMO_LINES.iter().all(|l| l.len() <= 40));
        assert!(is_promo("READ MORE: Ferry services extended"));
        assert!(is_promo("  Related | Talks resume"));
        // The Kelvin sign lower-cases to 'k'.
        assert!(is_promo("Clic\u{212A} here: the full report"));
        assert!(is_promo("ADVERTISEMENT"));
        assert!(is_promo("Share this article..."));
        assert!(!is_promo(
            "More \u{2014} not fewer \u{2014} officers are needed."
        ));
        assert!(!is_promo(
            "Advertisement revenue rose by a third last year."
        ));
        assert!(!is_promo(&format!("Advertisement{}", " x".repeat(100))));
        assert_eq!(
            strip_prefix_lowercase("ReAd MoRe: x", "read more"),
            Some(": x")
        );
        assert_eq!(strip_prefix_lowercase("Rea", "read"), None);
        assert_eq!(strip_prefix_lowercase("\u{130}s", "is"), None);
    }

    fn kinds(text: &str, title: Option<&str>) -> Vec<(&'static str, String)> {
        layout(text, title)
            .iter()
            .map(|p| (p.kind.as_str(), p.span.slice(text).to_string()))
            .collect()
    }

    /// The kind of each paragraph of `text` (no metadata title).
    fn kind_names(text: &str) -> Vec<&'static str> {
        layout(text, None).iter().map(|p| p.kind.as_str()).collect()
    }

    #[test]
    fn seed_article_furniture_is_recognised() {
        let text = "US officials are considering a meeting, CNN reported Saturday.\nSEOUL DISMISSES IMMEDIATE PROSPECT\n\nThe CNN report came a day after.\nBy Sookyung Seo\nskseo@hankyung.com\nJennifer Nicholson-Breen edited this article.\n";
        assert_eq!(
            kind_names(text),
            [
                "body",
                "heading",
                "body",
                "byline",
                "contact",
                "editor_note"
            ]
        );
    }

    #[test]
    fn stamps_and_promos_are_furniture() {
        let text = "Bridge to close\nBy Jane Doe\nPublished October 19, 2025 Updated 10:42 a.m. ET\nThe mayor said the bridge will close.\nAdvertisement\nREAD MORE: Ferry services to be extended\nUpdated: 2025-10-19 09:00\nRelated \u{2013} Council votes on budget\nShare this article\nMore than 100 people have signed a petition.\nPublished reports say the mayor will resign.\nWatch the video below.";
        assert_eq!(
            kind_names(text),
            [
                "title",
                "byline",
                "timestamp",
                "body",
                "promo",
                "promo",
                "timestamp",
                "promo",
                "promo",
                "body",
                "body",
                "body"
            ]
        );
    }

    #[test]
    fn body_sentences_opening_with_a_stamp_word_are_no_stamps() {
        // "Published on March 3, 2021, the study found ..." was a timestamp: its claim was
        // lost and the article took 2021-03-03 as its publication date.
        let text = "Study links sleep to memory\nPublished on March 3, 2021, the study found that 40% of adults sleep too little.\nUpdated figures released on Tuesday show 12 more deaths.\nPosted guards stood at all 3 gates of the palace.\nModified versions of the vaccine will reach 20 countries.\nPublished in Nature on March 3, the study found that 40% of adults sleep too little.\nPublished October 19, 2025\nUpdated 10:42 a.m. ET\nFirst published on Sun 19 Oct 2025 08.30 BST\nPosted on Oct. 19, 2025 at 9:00\nUpdated: 2025-10-19 09:00\nPublished 3 hours ago\nFirst published in The Daily Record on 19 Oct 2025";
        assert_eq!(
            kind_names(text),
            [
                "title",
                "body",
                "body",
                "body",
                "body",
                "body",
                "timestamp",
                "timestamp",
                "timestamp",
                "timestamp",
                "timestamp",
                "timestamp",
                "timestamp"
            ]
        );
    }

    #[test]
    fn a_sentence_opening_with_more_and_a_dash_is_no_promo() {
        // "More \u{2014} not fewer \u{2014} officers ..." opened like "More \u{2014} <link>": the
        // claim was dropped as a promo.
        let text = "Police numbers to rise\nMore \u{2014} not fewer \u{2014} police officers are needed on the streets, the commissioner said.\nWatch \u{2013} and wait \u{2013} is the advice from the central bank, analysts said.\nMore - and better-paid - jobs were promised on Monday.\nMORE \u{2014} Ferry services to be extended\nWatch: The moment the bridge reopened";
        assert_eq!(
            kind_names(text),
            ["title", "body", "body", "body", "promo", "promo"]
        );
    }

    #[test]
    fn a_stamp_signed_by_its_author_is_a_stamp() {
        // WordPress themes print "Posted on October 19, 2025 by Jane Doe": since stamps hold
        // only dates and times, the 'by' part made it a body sentence (a claim, no date).
        let text = "Bridge to close\nPosted on October 19, 2025 by Jane Doe\nPublished 10:42 a.m. ET Oct. 19, 2025, by The Associated Press\nPublished on March 3, 2021, by researchers who found that 40% of adults sleep too little.\nThe mayor said the bridge will close.";
        assert_eq!(
            kind_names(text),
            ["title", "timestamp", "timestamp", "body", "body"]
        );
    }

    #[test]
    fn stated_dates_are_read_in_the_usual_forms() {
        let d = |s: &str| stated_date(s).map(|d| d.to_string());
        assert_eq!(
            d("Published October 19, 2025").as_deref(),
            Some("2025-10-19")
        );
        assert_eq!(
            d("Posted on Oct. 19, 2025 at 9:00").as_deref(),
            Some("2025-10-19")
        );
        assert_eq!(
            d("Updated 19 Sept 2025, 10:42 BST").as_deref(),
            Some("2025-09-19")
        );
        assert_eq!(
            d("Published: 2025-10-19T08:30:00Z").as_deref(),
            Some("2025-10-19")
        );
        assert_eq!(d("Published Feb. 29, 2023").as_deref(), None, "no such day");
        assert_eq!(d("Updated 10:42 a.m. ET").as_deref(), None);
        assert_eq!(d("Published May 2025").as_deref(), None, "no day");
    }

    #[test]
    fn a_given_title_matches_its_first_line_with_a_final_period() {
        let k = kinds(
            "Talks resume in Geneva.\nThe ministers met on Friday.",
            Some("Talks resume in Geneva"),
        );
        assert_eq!(k[0].0, "title");
        let k = kinds(
            "Talks resume in Geneva\nThe ministers met on Friday.",
            Some("Talks resume in Geneva."),
        );
        assert_eq!(k[0].0, "title");
        let k = kinds(
            "Talks resume in Geneva today.\nThe ministers met.",
            Some("Talks resume in Geneva"),
        );
        assert_eq!(k[0].0, "body", "other words");
    }

    #[test]
    fn headline_first_line_is_title() {
        let k = kinds("Apple releases iPhone SDK, announces upcoming update\n\nDuring a media event, Apple released it.", None);
        assert_eq!(k[0].0, "title");
        assert_eq!(k[1].0, "body");
    }

    #[test]
    fn given_title_marks_first_line_even_with_a_period() {
        let k = kinds(
            "Stealth Over Health: Clinton Was Headed to ER.\n\nThe Post reports that.",
            Some("Stealth Over Health: Clinton Was Headed to ER."),
        );
        assert_eq!(k[0].0, "title");
    }

    #[test]
    fn first_sentence_is_not_a_title() {
        let k = kinds("Officials met on Friday.\nThey talked.", None);
        assert_eq!(k[0].0, "body");
    }

    #[test]
    fn datelines_are_found() {
        for (line, dl) in [
            (
                "SEOUL, Oct 5 (Reuters) - North Korea fired a missile.",
                "SEOUL, Oct 5 (Reuters) - ",
            ),
            (
                "WASHINGTON (AP) \u{2014} The Senate voted.",
                "WASHINGTON (AP) \u{2014} ",
            ),
            ("NEW YORK -- Stocks fell.", "NEW YORK -- "),
        ] {
            let p = &layout(&format!("x.\n{line}"), None)[1];
            let d = p.dateline.expect(line);
            assert_eq!(&format!("x.\n{line}")[d.start..d.end], dl);
        }
        assert!(layout("x.\nUS officials said so - really.", None)[1]
            .dateline
            .is_none());
        assert!(layout("x.\nA man - tall - came.", None)[1]
            .dateline
            .is_none());
    }

    #[test]
    fn capitalised_opening_words_before_a_dash_are_not_datelines() {
        // "US - China trade talks collapsed" lost "US - " as a dateline.
        for line in [
            "US - China trade talks collapsed on Monday after a long dispute.",
            "NATO \u{2014} the Western alliance \u{2014} said on Monday it would expand.",
            "BREAKING - The minister resigned on Monday.",
            "US, China agree - talks resume on Monday.",
            "EU (and its members) - The bloc agreed on Monday.",
            "UK \u{2014} Britain's economy shrank.",
        ] {
            let text = format!("x.\n{line}");
            assert_eq!(layout(&text, None)[1].dateline, None, "{line}");
        }
        for (line, dl) in [
            ("LONDON \u{2014} Prices rose.", "LONDON \u{2014} "),
            (
                "SPRINGFIELD, Ill. - The vote failed.",
                "SPRINGFIELD, Ill. - ",
            ),
            (
                "KYIV, Ukraine, March 3 (AP) \u{2014} Sirens sounded.",
                "KYIV, Ukraine, March 3 (AP) \u{2014} ",
            ),
            ("ROME (AP)_ The pope spoke.", "ROME (AP)_ "),
            (
                "LAKEVIEW, Aug 10 - waiting times fell.",
                "LAKEVIEW, Aug 10 - ",
            ),
            (
                "THE HAGUE, Netherlands (AP)_ The court sat.",
                "THE HAGUE, Netherlands (AP)_ ",
            ),
            (
                "O'NEILL, Neb. (AP) \u{2014} Rain fell.",
                "O'NEILL, Neb. (AP) \u{2014} ",
            ),
            (
                "CAMBRIDGE, Mass., Dec. 11 (UPI) \u{2014} Students met.",
                "CAMBRIDGE, Mass., Dec. 11 (UPI) \u{2014} ",
            ),
            (
                "MACAU (Reuters) \u{2013} A donor spoke.",
                "MACAU (Reuters) \u{2013} ",
            ),
            ("MIDWAY ATOLL - Years ago, ships sank.", "MIDWAY ATOLL - "),
            (
                "GENEVA (Thomson Reuters Foundation) - Aid fell.",
                "GENEVA (Thomson Reuters Foundation) - ",
            ),
        ] {
            let text = format!("x.\n{line}");
            let d = layout(&text, None)[1].dateline.expect(line);
            assert_eq!(&text[d.start..d.end], dl);
        }
    }

    #[test]
    fn dateline_window_respects_multibyte_characters() {
        // A capitalised opening, then a curly quote moved across the 60-byte window after it:
        // at some shift the quote straddles the window's end, where a byte slice would panic.
        for shift in 0..70 {
            let line = format!(
                "STORM WARNING {} \u{201C}Harbour\u{201D} is on tonight.",
                "x".repeat(shift)
            );
            let _ = layout(&line, None);
            let _ = layout(&format!("x.\n{line}"), None);
        }
    }

    #[test]
    fn reuters_credits_are_editor_notes() {
        let k = kinds(
            "x.\n(Reporting by Hyonhee Shin; Editing by Ed Davies)",
            None,
        );
        assert_eq!(k[1].0, "editor_note");
    }

    #[test]
    fn cr_only_line_ends_split_paragraphs() {
        // Old Mac files end lines with a lone CR: headline, byline, body and e-mail were one
        // paragraph.
        let text = "Minister Resigns Amid Scandal\rBy John Smith\rThe minister resigned on Monday.\rjsmith@example.com\r";
        assert_eq!(
            kinds(text, None),
            [
                ("title", "Minister Resigns Amid Scandal".to_string()),
                ("byline", "By John Smith".to_string()),
                ("body", "The minister resigned on Monday.".to_string()),
                ("contact", "jsmith@example.com".to_string()),
            ]
        );
    }

    #[test]
    fn mixed_crlf_cr_and_unicode_line_ends_split_paragraphs() {
        let text = "Title line here\r\rThe talks would resume.\rThe deal was dead.\r\nThe report was denied.\nA\u{2028}B\u{2029}C\u{85}D \u{e9}t\u{e9}\r";
        let p = layout(text, None);
        let got: Vec<&str> = p.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(
            got,
            [
                "Title line here",
                "The talks would resume.",
                "The deal was dead.",
                "The report was denied.",
                "A",
                "B",
                "C",
                "D \u{e9}t\u{e9}",
            ]
        );
        // Offsets are byte offsets into the text as given.
        assert_eq!(p[7].span.end, text.len() - 1);
        assert_eq!(layout("\r\n\u{2028}\r \u{85}", None), []);
    }

    #[test]
    fn copyright_and_article_words_inside_sentences_are_not_editor_notes() {
        // "copyright ", "(c) ", "this article was" anywhere in a line used to drop the sentence.
        let text = "x.\nApple said the copyright claim was baseless and would be fought.\nThe rule in section 2(c) applies, the court said on Monday.\nThis article was cited by the court, the lawyer said on Friday.\nThe \u{a9} sign was missing, she said.\nCopyright claims rose sharply last year, the office said.\nThe donors contributed $300,000 to the group.";
        for (kind, line) in kinds(text, None).into_iter().skip(1) {
            assert_eq!(kind, "body", "{line}");
        }
    }

    #[test]
    fn editor_notes_and_copyright_lines_are_recognised() {
        for line in [
            "Jennifer Nicholson-Breen edited this article.",
            "(Reporting by Hyonhee Shin; Editing by Ed Davies)",
            "Additional reporting by Jane Roe in Tokyo",
            "Kim Tong-hyung contributed to this report.",
            "Jane Roe reported from Seoul. Associated Press writer John Doe contributed.",
            "John Doe contributed.",
            "This article was originally published on Oct. 5.",
            "(This story has been corrected to fix the date in paragraph 3)",
            "This article was amended on 6 October 2025.",
            "Copyright 2025 Reuters. All rights reserved.",
            "\u{a9} 2025 The Associated Press",
            "(c) Yonhap News Agency",
            "Copyright \u{a9} The Korea Herald",
            "Follow us on X @example",
        ] {
            let k = kinds(&format!("x.\n{line}"), None);
            assert_eq!(k[1].0, "editor_note", "{line}");
        }
    }

    #[test]
    fn by_weekday_comma_sentence_is_not_a_byline() {
        // "By Monday, it was over." was taken as a byline and its claim dropped.
        for line in [
            "By Monday, it was over.",
            "By then, talks had collapsed.",
            "By October, prices had doubled.",
            "By Tuesday",
            "By Friday it was over.",
            "By Contrast, the Senate voted no.",
            "By Jane Doe, who was there, it was over.",
            "BY NIGHTFALL, THE TOWN WAS EMPTY.",
        ] {
            let k = kinds(&format!("x.\n{line}"), None);
            assert_ne!(k[1].0, "byline", "{line}");
        }
        for line in [
            "By Sookyung Seo",
            "By Jane Doe and John Roe",
            "By JANE DOE",
            "By April Smith, Associated Press",
            "By May Kim, staff writer",
            "By Ana de la Cruz, Reuters",
            "By Jane Doe | Reuters",
            "By Omar al-Sayed (AFP)",
            "By J.R. Smith, Senior Correspondent",
        ] {
            let k = kinds(&format!("x.\n{line}"), None);
            assert_eq!(k[1].0, "byline", "{line}");
        }
    }

    #[test]
    fn crlf_lines_exclude_the_carriage_return() {
        let text = "First line here.\r\nSecond line.\r\n";
        let p = layout(text, None);
        assert_eq!(p[0].span.slice(text), "First line here.");
        assert_eq!(p[1].span.slice(text), "Second line.");
    }
}
