//! A small HTML-to-text reader for news pages: the title, a publication date, byline and
//! canonical address from the usual meta tags, and the text of block elements (paragraphs,
//! headings, list items) one per line.
//!
//! What a reader of the story would not call the story is dropped: scripts, styles,
//! navigation, asides, footers, figure captions, and containers whose class or id names page
//! furniture (cookie and consent banners, newsletter boxes, related-story lists, adverts,
//! breadcrumbs). When the page marks its story (`<article>`, `<main>`, or
//! `itemprop="articleBody"`) and that holds the bulk of the text, only the story is kept.

/// What [`html_to_article_parts`] finds in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlParts {
    /// The page's text, one block element per line, entities decoded.
    pub text: String,
    /// The `<title>` or `og:title`.
    pub title: Option<String>,
    /// The publication date meta value (`article:published_time`, `date`, `pubdate`...): the
    /// first that is an ISO date, else the first given.
    pub date: Option<String>,
    /// The author meta value (`author`, `article:author`, `dc.creator`), when it is a name
    /// rather than an address.
    pub byline: Option<String>,
    /// The canonical address (`<link rel="canonical">` or `og:url`).
    pub url: Option<String>,
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "title",
    "dd",
    "dt",
    "pre",
    "table",
    "ul",
    "ol",
    "main",
];
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "svg",
    "template",
    "iframe",
    "aside",
    "footer",
    "figcaption",
    // Form controls, not the form: ASP.NET pages wrap the whole body in one <form>.
    "select",
    "button",
    "textarea",
];
/// Elements whose class or id can mark them as page furniture.
const CONTAINERS: &[&str] = &["div", "section", "ul", "ol", "span", "form", "p", "header"];
/// Class and id words (split at white space, `-` and `_`) that name page furniture. Only words
/// that never name a story's own text: "share" and "comments" are left out, because story
/// bodies carry classes such as `js-share-enabled`.
const FURNITURE: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "paywall",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "navbar",
];
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "og:published_time",
];
const AUTHOR_METAS: &[&str] = &["author", "article:author", "dc.creator", "sailthru.author"];
/// The story region is kept alone when it holds at least this share of the page's text...
const MAIN_SHARE: f64 = 0.25;
/// ...or at least this many bytes.
const MAIN_BYTES: usize = 600;

/// An element followed to its end tag: its name and how many elements of that name are open,
/// itself included.
struct Region {
    name: String,
    depth: usize,
}

impl Region {
    fn new(name: &str) -> Self {
        Region {
            name: name.to_string(),
            depth: 1,
        }
    }

    /// Counts a tag; true when it closes the region.
    fn ends_with(&mut self, name: &str, closing: bool, self_closing: bool) -> bool {
        if name != self.name {
            return false;
        }
        // A <p> holds no <p>: the next one ends it, as in a browser (pages leave <p> open).
        if name == "p" && !closing {
            return true;
        }
        if closing {
            self.depth = self.depth.saturating_sub(1);
            self.depth == 0
        } else {
            if !self_closing {
                self.depth += 1;
            }
            false
        }
    }
}

/// Reads an HTML page into text, title, date, byline and address.
///
/// The text is what a reader sees: one line per block element, runs of white space folded,
/// character references decoded. The reported spans of the article refer to this text.
pub fn html_to_article_parts(html: &str) -> HtmlParts {
    let (parts, hid_story) = read_page(html, true);
    // A furniture container left open (broken markup) would hide the rest of the page, and one
    // that holds the story is a layout wrapper or the story itself: without the class rule,
    // the page keeps its text.
    if parts.text.len() < 40 || hid_story {
        let (plain, _) = read_page(html, false);
        if plain.text.len() > parts.text.len() {
            return plain;
        }
    }
    parts
}

/// The page read, and whether a dropped furniture container held the story: it wrapped a story
/// element ("content-sidebar-wrap" around <main>) or lay inside the story (Google's
/// paywalled-content markup puts the body in class="paywall"), and held more text than was
/// kept. (A related box of <article> teaser cards wraps story elements too, but holds less.)
fn read_page(html: &str, drop_furniture: bool) -> (HtmlParts, bool) {
    let mut parts = HtmlParts::default();
    let mut in_furniture = false;
    // Whether the open furniture container lies inside the story or wraps a story element, and
    // its text so far; the most text such a container held.
    let mut holds_story = false;
    let mut dropped = 0;
    let mut most_dropped = 0;
    let mut out = PageText {
        all: String::with_capacity(html.len() / 2),
        story: String::new(),
    };
    let mut skip: Option<Region> = None;
    let mut main: Option<Region> = None;
    let mut saw_main = false;
    // Where the open story region began in `story`, and the longest region so far: the
    // story is one region, not a rail of teaser cards each marked <article>.
    let mut region_start = 0;
    let mut longest = 0;
    let mut in_title = false;
    // Whether `parts.url` came from a canonical link.
    let mut canonical = false;
    let mut title = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let lt = next_markup(rest);
        let raw = &rest[..lt];
        if in_title {
            title.push_str(&decode_entities(raw));
        } else if skip.is_some() {
            if in_furniture {
                dropped += raw.split_whitespace().map(str::len).sum::<usize>();
                if holds_story {
                    most_dropped = most_dropped.max(dropped);
                }
            }
        } else if !raw.is_empty() {
            out.push(&decode_entities(raw), main.is_some());
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "meta" => {
                read_meta(tag, &mut parts);
                continue;
            }
            "link" => {
                // The canonical link wins over an `og:url` met before it.
                if attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    if let Some(href) = attr(tag, "href").map(decode_attribute) {
                        if !canonical {
                            parts.url = Some(href);
                            canonical = true;
                        }
                    }
                }
                continue;
            }
            "title" => {
                // The page's own title only: not an SVG icon's (skipped), not a second one.
                in_title = !closing && skip.is_none() && title.trim().is_empty();
                continue;
            }
            _ => {}
        }
        let raw_text = name == "script" || name == "style";
        if let Some(r) = &mut skip {
            if in_furniture && !closing && marks_story(&name, tag) {
                holds_story = true;
                most_dropped = most_dropped.max(dropped);
            }
            let ends = r.ends_with(&name, closing, self_closing);
            if ends {
                skip = None;
                out.line(main.is_some());
            } else if raw_text && !closing {
                rest = skip_raw_text(rest, &name);
            }
            // A start tag that ended the region (the next <p>) is read like any other.
            if !ends || closing {
                continue;
            }
        }
        if !closing && !self_closing {
            if SKIPPED.contains(&name.as_str()) {
                if raw_text {
                    // Raw text elements: jump to their end tag, which closes them.
                    rest = skip_raw_text(rest, &name);
                } else {
                    skip = Some(Region::new(&name));
                    in_furniture = false;
                    holds_story = false;
                }
                continue;
            }
            let marks_story = marks_story(&name, tag);
            if drop_furniture
                && !marks_story
                && CONTAINERS.contains(&name.as_str())
                && names_any(tag, FURNITURE)
            {
                skip = Some(Region::new(&name));
                in_furniture = true;
                holds_story = main.is_some();
                dropped = 0;
                continue;
            }
            if main.is_none() && marks_story {
                main = Some(Region::new(&name));
                saw_main = true;
                region_start = out.story.len();
            } else if let Some(m) = &mut main {
                m.ends_with(&name, closing, self_closing);
            }
        } else if let Some(m) = &mut main {
            if m.ends_with(&name, closing, self_closing) {
                main = None;
                longest = longest.max(out.story.len() - region_start);
                new_line(&mut out.story);
            }
        }
        if BLOCKS.contains(&name.as_str()) {
            out.line(main.is_some());
        } else if !closing && (name == "td" || name == "th") {
            // Cells of a table row stay one line, a space apart.
            out.cell(main.is_some());
        }
    }
    if main.is_some() {
        longest = longest.max(out.story.len() - region_start);
    }
    let title = fold_ws(&title);
    if !title.is_empty() && parts.title.is_none() {
        parts.title = Some(title);
    }
    let text = tidy_lines(&out.all);
    let story = tidy_lines(&out.story);
    let story_holds_it = longest >= MAIN_BYTES || longest as f64 >= MAIN_SHARE * text.len() as f64;
    parts.text = if saw_main && !story.is_empty() && story_holds_it {
        story
    } else {
        text
    };
    let hid_story = most_dropped > parts.text.len();
    (parts, hid_story)
}

/// The page's text and, beside it, the text of its story regions: what is read inside a story
/// region goes to both.
struct PageText {
    all: String,
    story: String,
}

impl PageText {
    /// Appends decoded text.
    fn push(&mut self, decoded: &str, in_story: bool) {
        push_text(&mut self.all, decoded);
        if in_story {
            push_text(&mut self.story, decoded);
        }
    }

    /// Ends the current line (a block element starts or ends).
    fn line(&mut self, in_story: bool) {
        new_line(&mut self.all);
        if in_story {
            new_line(&mut self.story);
        }
    }

    /// A space before the next table cell.
    fn cell(&mut self, in_story: bool) {
        cell_gap(&mut self.all);
        if in_story {
            cell_gap(&mut self.story);
        }
    }
}

/// True for an element that marks the story: `<article>`, `<main>`, `itemprop="articleBody"`;
/// not a reader's comment marked <article> (WordPress: class="comment-body").
fn marks_story(name: &str, tag: &str) -> bool {
    (name == "article"
        || name == "main"
        || attr(tag, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articlebody")))
        && !names_any(tag, &["comment", "comments"])
}

/// The rest of the page after a raw text element's content (`<script>`, `<style>`): at its end
/// tag, or the end of the page.
fn skip_raw_text<'h>(rest: &'h str, name: &str) -> &'h str {
    match find_end_tag(rest, name) {
        Some(e) => rest.get(e..).unwrap_or(""),
        None => "",
    }
}

/// True when a word of the tag's class or id (split at white space, `-` and `_`) is one of
/// `words` ([`FURNITURE`]: page furniture).
fn names_any(tag: &str, words: &[&str]) -> bool {
    ["class", "id"]
        .iter()
        .filter_map(|a| attr(tag, a))
        .any(|v| {
            v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .any(|w| words.iter().any(|f| w.eq_ignore_ascii_case(f)))
        })
}

/// A space before the next table cell, unless the line is empty or already ends with one.
fn cell_gap(out: &mut String) {
    if !out.is_empty() && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Lines trimmed, empty ones dropped.
fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Byte offset of the `>` that ends the tag opening `rest`: a `>` inside a quoted attribute
/// value (`data-caption="<b>Floods</b> in the city"`, `onclick="if (a > b) go()"`) does not.
/// A quote left open falls back to the first `>`. Linear over a page: a quote search that
/// fails finds no such quote later either.
fn tag_end(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    match bytes[i + 1..].iter().position(|&c| c == q) {
                        Some(k) => i += k + 2,
                        None => return rest.find('>'),
                    }
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Byte offset of the first `<` that opens markup (a tag, an end tag, a comment or a
/// declaration), else the length: a `<` before a digit, a space or any other character is
/// text, as in a browser ("fell to <2% in March").
fn next_markup(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(pos) = bytes[from..].iter().position(|&b| b == b'<') {
        let at = from + pos;
        match bytes.get(at + 1) {
            Some(&c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') => return at,
            _ => from = at + 1,
        }
    }
    bytes.len()
}

/// Byte offset of the first `</name` in `html`, the name matched without regard to ASCII case.
/// Scans once and copies nothing, so pages full of scripts stay linear.
fn find_end_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(pos) = bytes.get(from..)?.iter().position(|&b| b == b'<') {
        let at = from + pos;
        let after = at + 2;
        if bytes.get(at + 1) == Some(&b'/')
            && bytes
                .get(after..after + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Appends decoded text with white space folded as a browser shows it.
fn push_text(out: &mut String, decoded: &str) {
    for (i, word) in decoded.split_whitespace().enumerate() {
        if (i > 0 || decoded.starts_with(char::is_whitespace))
            && !out.is_empty()
            && !out.ends_with(['\n', ' '])
        {
            out.push(' ');
        }
        out.push_str(word);
    }
    if decoded.ends_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) && !out.is_empty() {
        out.push(' ');
    }
}

fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value of attribute `name` (lowercase) in `tag`, the text between `<` and `>` with the
/// tag name first; attribute names match without regard to ASCII case. Attributes are read in
/// order, name then value, so a name that occurs inside another attribute's quoted value
/// (`content="by name=x"`) is never taken for an attribute. A valueless attribute gives `None`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let b = tag.as_bytes();
    let is_space = |c: &u8| c.is_ascii_whitespace();
    // Past the tag name.
    let mut i = b.iter().position(|c| is_space(c) || *c == b'/')?;
    loop {
        while b.get(i).is_some_and(|c| is_space(c) || *c == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !is_space(c) && !matches!(c, b'=' | b'/'))
        {
            i += 1;
        }
        let this = tag.get(name_start..i)?;
        while b.get(i).is_some_and(is_space) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            // A valueless attribute ("hidden"); the next one starts here.
            continue;
        }
        i += 1;
        while b.get(i).is_some_and(is_space) {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let body = i + 1;
                let end = b[body..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |k| body + k);
                i = (end + 1).min(b.len());
                tag.get(body..end)?
            }
            _ => {
                let start = i;
                while b.get(i).is_some_and(|c| !is_space(c)) {
                    i += 1;
                }
                let v = tag.get(start..i)?;
                // Unquoted values hold slashes ("href=https://example.com/a"); only a slash
                // that ends the tag closes it ("content=x/").
                if i == b.len() {
                    v.strip_suffix('/').unwrap_or(v)
                } else {
                    v
                }
            }
        };
        if this.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

fn read_meta(tag: &str, parts: &mut HtmlParts) {
    let key = attr(tag, "property")
        .or_else(|| attr(tag, "name"))
        .or_else(|| attr(tag, "itemprop"))
        .map(str::to_ascii_lowercase);
    let Some(key) = key else { return };
    let Some(content) = attr(tag, "content") else {
        return;
    };
    // The first date that reads as one: a page may put a date in another form ("October 19,
    // 2025") before its `article:published_time`.
    let have_date = parts.date.as_deref().and_then(crate::parse_date).is_some();
    if !have_date && DATE_METAS.contains(&key.as_str()) {
        let content = decode_attribute(content);
        if parts.date.is_none() || crate::parse_date(&content).is_some() {
            parts.date = Some(content);
        }
    }
    // An author meta may be a profile address; only a name is a byline.
    if parts.byline.is_none() && AUTHOR_METAS.contains(&key.as_str()) && !content.contains('/') {
        let name = decode_attribute(content);
        if !name.is_empty() {
            parts.byline = Some(name);
        }
    }
    if key == "og:url" && parts.url.is_none() {
        parts.url = Some(decode_attribute(content));
    }
    if key == "og:title" && parts.title.is_none() {
        parts.title = Some(decode_attribute(content));
    }
}

/// Decodes character references in text as a browser does (WHATWG rules, via `htmlize`): every
/// HTML5 named reference (`&eacute;`, `&hellip;`, `&euro;`, the legacy ones without `;` such as
/// `&copy`), numeric references 0x80-0x9F through Windows-1252 (`&#146;` is U+2019), and NUL,
/// surrogates and code points past U+10FFFF as U+FFFD.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    htmlize::unescape(s).into_owned()
}

/// [`decode_entities`] for attribute values (a legacy reference before `=` or a letter stays),
/// with white space folded.
fn decode_attribute(s: &str) -> String {
    fold_ws(&htmlize::unescape_attribute(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text_title_and_date() {
        let html = r#"<!doctype html><html><head><title>Trump &amp; Kim</title>
<meta property="article:published_time" content="2025-10-19T09:00:00Z">
<script>var x = "<p>not text</p>";</script></head>
<body><nav>Home | World</nav><h1>Trump may meet Kim</h1>
<p>US officials are <b>considering</b> a meeting, CNN reported&nbsp;Saturday.</p>
<p>&ldquo;No sign yet,&rdquo; Kang said.</p></body></html>"#;
        let p = html_to_article_parts(html);
        assert_eq!(p.title.as_deref(), Some("Trump & Kim"));
        assert_eq!(p.date.as_deref(), Some("2025-10-19T09:00:00Z"));
        assert_eq!(
            p.text,
            "Trump may meet Kim\nUS officials are considering a meeting, CNN reported Saturday.\n\u{201C}No sign yet,\u{201D} Kang said."
        );
    }

    #[test]
    fn a_date_meta_in_another_form_does_not_hide_the_published_time() {
        // The first date meta won even when it was no ISO date: the page was undated (and fell
        // back to --date) though its article:published_time said 2025-10-19.
        let html = r#"<html><head><meta name="date" content="October 18, 2025">
<meta property="article:published_time" content="2025-10-19T08:00:00Z">
<meta name="pubdate" content="2025-10-20"></head><body><p>The minister spoke.</p></body></html>"#;
        let p = html_to_article_parts(html);
        assert_eq!(p.date.as_deref(), Some("2025-10-19T08:00:00Z"));
        // With no ISO date at all, the first value is kept, for the reader to name.
        let html = r#"<meta name="date" content="October 18, 2025"><meta name="pubdate" content="20251019"><p>The minister spoke.</p>"#;
        assert_eq!(
            html_to_article_parts(html).date.as_deref(),
            Some("October 18, 2025")
        );
    }

    #[test]
    fn many_scripts_are_skipped_in_linear_time() {
        // Every <script> used to lowercase a copy of the rest of the page: quadratic.
        let block = "<script>var a = '<p>x</p>';</SCRIPT ><p>Kept.</p><style>p{}</Style>";
        let page = block.repeat(40_000);
        let started = std::time::Instant::now();
        let p = html_to_article_parts(&page);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(p.text.lines().count(), 40_000);
        assert!(p.text.lines().all(|l| l == "Kept."));
        assert_eq!(find_end_tag("a</ScRiPt>", "script"), Some(1));
        assert_eq!(find_end_tag("a</scrip", "script"), None);
        assert_eq!(find_end_tag("<\u{e9}</style", "style"), Some(3));
    }

    #[test]
    fn aspnet_form_wrapping_the_body_keeps_its_text() {
        // ASP.NET pages put the whole body in one <form>: the page read as "empty input".
        let html = r#"<html><body><form id="aspnetForm" action="x"><div><h1>Talks resume</h1><select><option>Home</option></select><button>Search</button><p>The minister said on Monday that talks would resume.</p></div></form></body></html>"#;
        let p = html_to_article_parts(html);
        assert_eq!(
            p.text,
            "Talks resume\nThe minister said on Monday that talks would resume."
        );
    }

    #[test]
    fn cp1252_numeric_and_named_references_are_decoded() {
        // &#146; was U+0092 (a control), &eacute; and &copy; stayed as written.
        let html = "<html><body><p>Trump&#146;s envoy said &#147;talks are over&#148; on Monday &#150; officials agreed.</p><p>The minister&apos;s aide&NewLine;said&nbsp;no &eacute;lite &copy; 2025 &hellip; &euro;5 &mdash; &ndash; &lsquo;a&rsquo; &ldquo;b&rdquo; &#0; &#xD800; &#1114112; &#x80; &#8364; AT&T &amp;c</p></body></html>";
        let p = html_to_article_parts(html);
        assert_eq!(
            p.text,
            "Trump\u{2019}s envoy said \u{201C}talks are over\u{201D} on Monday \u{2013} officials agreed.\nThe minister's aide said no \u{e9}lite \u{a9} 2025 \u{2026} \u{20AC}5 \u{2014} \u{2013} \u{2018}a\u{2019} \u{201C}b\u{201D} \u{FFFD} \u{FFFD} \u{FFFD} \u{20AC} \u{20AC} AT&T &c"
        );
        let p = html_to_article_parts(
            r#"<meta property="og:title" content="Caf&eacute; &amp; Bar&#146;s"><p>x</p>"#,
        );
        assert_eq!(p.title.as_deref(), Some("Caf\u{e9} & Bar\u{2019}s"));
    }

    /// A news page as sites publish it: the story inside `<article>`, surrounded by a menu, a
    /// cookie banner, a related-stories box, a caption and a footer.
    const NEWS_PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Ministers meet | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2025-10-19T08:30:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.com/world/ministers-meet?a=1&amp;b=2">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner"><div class="inner">We use cookies to improve your experience.</div> Accept all cookies?</div>
<article>
<h1>Ministers meet in Geneva</h1>
<p class="byline">By Jane Doe</p>
<p>The two ministers met on Friday, officials said.</p>
<figure><img src="a.jpg"><figcaption>The ministers shake hands in Geneva.</figcaption></figure>
<div class="story-body js-share-enabled"><p>They agreed to meet again next month.</p></div>
<div id="related_stories"><h3>Related</h3><ul><li>Ministers to meet, sources say</li></ul></div>
</article>
<aside><p>Most read: a story elsewhere.</p></aside>
<footer><p>Copyright 2025 Example News.</p></footer>
</body></html>"#;

    #[test]
    fn a_news_page_keeps_its_story_and_drops_the_furniture() {
        let p = html_to_article_parts(NEWS_PAGE);
        assert_eq!(
            p.text,
            "Ministers meet in Geneva\nBy Jane Doe\nThe two ministers met on Friday, officials said.\nThey agreed to meet again next month."
        );
        assert_eq!(p.title.as_deref(), Some("Ministers meet in Geneva"));
        assert_eq!(p.date.as_deref(), Some("2025-10-19T08:30:00Z"));
        assert_eq!(p.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://news.example.com/world/ministers-meet?a=1&b=2")
        );
    }

    #[test]
    fn a_page_without_a_story_element_drops_only_the_furniture() {
        let html = r#"<body><div class="ad-slot"><p>Buy now.</p></div><div id="main"><p>The council voted on Monday.</p><div class="newsletter_box"><div><p>Sign up</p></div></div><p>The vote was close.</p></div></body>"#;
        let p = html_to_article_parts(html);
        assert_eq!(p.text, "The council voted on Monday.\nThe vote was close.");
    }

    #[test]
    fn a_small_story_element_in_a_long_page_is_not_taken_for_the_story() {
        // A teaser card marked <article> beside the real text: the whole page stays.
        let body = "<p>The council voted on Monday to close the bridge for repairs.</p>".repeat(30);
        let html =
            format!("<body><article><p>Also read: ferries resume.</p></article>{body}</body>");
        let p = html_to_article_parts(&html);
        assert!(
            p.text
                .starts_with("Also read: ferries resume.\nThe council voted"),
            "{}",
            p.text
        );
        assert_eq!(p.text.lines().count(), 31);
    }

    #[test]
    fn an_unclosed_furniture_box_does_not_hide_the_page() {
        let html = r#"<body><div class="promo">Subscribe today<p>The council voted on Monday to close the bridge.</p>"#;
        let p = html_to_article_parts(html);
        assert_eq!(
            p.text,
            "Subscribe today\nThe council voted on Monday to close the bridge."
        );
    }

    #[test]
    fn an_author_meta_that_is_an_address_is_no_byline() {
        let p = html_to_article_parts(
            r#"<meta property="article:author" content="https://www.facebook.com/example"><p>x</p>"#,
        );
        assert_eq!(p.byline, None);
    }

    #[test]
    fn an_unquoted_attribute_value_keeps_its_slashes() {
        // Minified pages drop attribute quotes: the canonical address was cut at its first
        // slash ("https:") and an author profile address was taken for a byline.
        let p = html_to_article_parts(
            "<head><link rel=canonical href=https://news.example.com/world/bridge-to-close><meta name=author content=https://example.com/staff/jdoe><meta name=description content=a/b /></head><p>The bridge will close.</p>",
        );
        assert_eq!(
            p.url.as_deref(),
            Some("https://news.example.com/world/bridge-to-close")
        );
        assert_eq!(p.byline, None);
        assert_eq!(attr("meta content=a/b /", "content"), Some("a/b"));
        assert_eq!(attr("br/", "class"), None);
    }

    #[test]
    fn an_attribute_name_inside_another_attributes_value_is_not_an_attribute() {
        // A description that says "name=..." once made its own content the meta's key.
        let tag = r#"meta content="Officials, by name=undisclosed, said" property=og:title"#;
        assert_eq!(attr(tag, "name"), None);
        assert_eq!(attr(tag, "property"), Some("og:title"));
        assert_eq!(
            attr(
                r#"div data-note='class=footer' class="story body""#,
                "class"
            ),
            Some("story body")
        );
        assert_eq!(attr("input hidden CLASS = 'a b' ", "class"), Some("a b"));
        assert_eq!(attr(r#"a href="unclosed"#, "href"), Some("unclosed"));
        assert_eq!(attr("p", "class"), None);
        assert_eq!(attr("a href=", "href"), Some(""));
    }

    #[test]
    fn a_layout_wrapper_named_after_the_sidebar_keeps_the_story() {
        // Genesis-style themes wrap the story and the sidebar in "content-sidebar-wrap", and
        // Google's paywalled-content markup puts the story body in class="paywall": the whole
        // story was dropped as furniture, leaving the site header.
        let story = "<p>The council voted on Monday to close the bridge for repairs.</p>".repeat(5);
        let genesis = format!(
            r#"<body><header class="site-header"><p class="site-title">The Valley Evening Chronicle</p><p class="site-description">Local news for the valley since 1902</p></header><div class="site-inner"><div class="content-sidebar-wrap"><main class="content"><article class="post"><h1>Bridge to close</h1>{story}</article></main><aside class="sidebar"><p>Popular posts</p></aside></div></div></body>"#
        );
        let p = html_to_article_parts(&genesis);
        assert!(
            p.text.starts_with("Bridge to close\nThe council voted"),
            "{}",
            p.text
        );
        assert_eq!(p.text.lines().count(), 6);
        let paywalled = format!(
            r#"<body><p class="site-title">The Valley Evening Chronicle, local news since 1902</p><article><h1>Bridge to close</h1><p>The mayor spoke on Monday.</p><div class="paywall">{story}</div></article><div class="newsletter"><p>Sign up</p></div></body>"#
        );
        let p = html_to_article_parts(&paywalled);
        assert_eq!(p.text.lines().count(), 7, "{}", p.text);
        assert!(!p.text.contains("Sign up"));
        // A related box of <article> teaser cards is still furniture: it wraps story marks,
        // but holds less text than the page kept.
        let cards =
            r#"<article class="card"><h3>Ferry timetable changes for winter</h3></article>"#
                .repeat(3);
        let html = format!(
            r#"<body><article><h1>Bridge to close</h1>{story}</article><section class="related"><h2>Related</h2>{cards}</section></body>"#
        );
        let p = html_to_article_parts(&html);
        assert!(!p.text.contains("Ferry"), "{}", p.text);
        assert_eq!(p.text.lines().count(), 6);
        // A long related box outside a short story is still furniture.
        let teasers = "<li>Ferry timetable changes for winter, the operator said</li>".repeat(30);
        let related = format!(
            r#"<body><article><h1>Bridge to close</h1><p>The council voted on Monday to close the bridge.</p></article><div class="related-stories"><ul>{teasers}</ul></div></body>"#
        );
        let p = html_to_article_parts(&related);
        assert_eq!(
            p.text,
            "Bridge to close\nThe council voted on Monday to close the bridge."
        );
    }

    #[test]
    fn comments_marked_as_articles_are_not_the_story() {
        // WordPress marks each comment <article class="comment-body">: on a page whose story is
        // a plain div, the comments (over 600 bytes) were kept and the story dropped.
        let story =
            "<p>The council voted on Monday to close the bridge for repairs.</p>".repeat(20);
        let comment = r#"<article id="div-comment-7" class="comment-body"><p>I drive over that bridge every day and this is the first I have heard of it.</p></article>"#.repeat(8);
        let html = format!(
            r#"<body><div class="entry-content"><h1>Bridge to close</h1>{story}</div><div id="comments" class="comments-area"><ol class="comment-list"><li>{comment}</li></ol></div></body>"#
        );
        let p = html_to_article_parts(&html);
        assert!(
            p.text.starts_with("Bridge to close\nThe council voted"),
            "{}",
            p.text
        );
    }

    #[test]
    fn svg_icon_titles_are_not_the_page_title() {
        // Inline SVG icons carry a <title> for screen readers: its text was appended to the
        // page's title ("Bridge to close | City News Share on Facebook"), and a page without a
        // head title took an icon's name for its title.
        let p = html_to_article_parts(
            r#"<html><head><title>Bridge to close | City News</title></head><body><a href="/share"><svg viewBox="0 0 9 9"><title>Share on Facebook</title><path d="M0 0"/></svg></a><h1>Bridge to close</h1><p>The council voted on Monday.</p></body></html>"#,
        );
        assert_eq!(p.title.as_deref(), Some("Bridge to close | City News"));
        let p = html_to_article_parts(
            r#"<body><svg><title>Menu</title></svg><h1>Bridge to close</h1><p>The council voted on Monday.</p></body>"#,
        );
        assert_eq!(p.title, None);
    }

    #[test]
    fn a_less_than_sign_in_text_is_text() {
        // An unescaped '<' before a digit or space is text to a browser: "<2% in March</p" was
        // read as a tag, dropping the words and the paragraph's end.
        let p = html_to_article_parts(
            "<p>Inflation fell to <2% in March, the bank said.</p><p>Rates will stay at 3 < 4.</p>",
        );
        assert_eq!(
            p.text,
            "Inflation fell to <2% in March, the bank said.\nRates will stay at 3 < 4."
        );
    }

    #[test]
    fn a_greater_than_sign_in_a_quoted_attribute_does_not_end_the_tag() {
        // Gallery links carry HTML in data-caption, old pages inline handlers with '>': the tag
        // ended at that '>', and the rest of the attribute ('in the city">') became story text.
        let p = html_to_article_parts(
            r#"<p>The river rose overnight. <a href="/g/1" data-caption="<strong>Flooded streets</strong> in the city">See photos</a></p><p onclick="if (a > b) { go(); }">The mayor said on Monday that help was coming.</p><p title='x>y'>Schools stay shut.</p>"#,
        );
        assert_eq!(
            p.text,
            "The river rose overnight. See photos\nThe mayor said on Monday that help was coming.\nSchools stay shut."
        );
        // A quote left open: the first '>' ends the tag, the page is still read.
        let p = html_to_article_parts(r#"<p class="lead>The council met.</p><p>It voted.</p>"#);
        assert_eq!(p.text, "The council met.\nIt voted.");
    }

    #[test]
    fn teaser_cards_marked_as_articles_are_not_the_story() {
        // A "more stories" rail of <article> cards under a story in a plain div: the cards
        // together passed the story-region test (25% of the text or 600 bytes) and were kept
        // alone, the story dropped. One card is not the bulk of the page.
        let card = r#"<article class="card"><h3>Ferry timetable changes for winter</h3><p>Services will run every two hours from November, the operator said.</p></article>"#.repeat(6);
        for paragraphs in [20, 40] {
            let story = "<p>The council voted on Monday to close the bridge for repairs.</p>"
                .repeat(paragraphs);
            let html = format!(
                r#"<body><div class="entry-content"><h1>Bridge to close</h1>{story}</div><section class="more-stories"><h2>More stories</h2>{card}</section></body>"#
            );
            let p = html_to_article_parts(&html);
            assert!(
                p.text.starts_with("Bridge to close\nThe council voted"),
                "{paragraphs}: {}",
                p.text
            );
        }
    }

    #[test]
    fn an_unclosed_furniture_paragraph_ends_at_the_next_paragraph() {
        // Hand-written pages leave <p> open. A <p class="promo"> counted every later <p> as
        // nested in it and never closed: the story after it was dropped (the headline alone was
        // over the 40-byte fallback).
        let html = r#"<body><h1>Council votes to close the old harbour bridge</h1><p class="promo">Sponsored: visit the harbour museum<p>The council voted on Monday to close the bridge.<p>Repairs will take a year, officials said.</body>"#;
        let p = html_to_article_parts(html);
        assert_eq!(
            p.text,
            "Council votes to close the old harbour bridge\nThe council voted on Monday to close the bridge.\nRepairs will take a year, officials said."
        );
    }

    #[test]
    fn the_canonical_link_wins_over_an_earlier_og_url() {
        let p = html_to_article_parts(
            r#"<meta property="og:url" content="https://m.example.com/a?utm=x"><link rel="canonical" href="https://example.com/a"><p>Text.</p>"#,
        );
        assert_eq!(p.url.as_deref(), Some("https://example.com/a"));
        let p = html_to_article_parts(
            r#"<meta property="og:url" content="https://example.com/b"><p>Text.</p>"#,
        );
        assert_eq!(p.url.as_deref(), Some("https://example.com/b"));
    }

    #[test]
    fn table_cells_of_a_row_are_spaced() {
        let p = html_to_article_parts(
            "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Labour</td><td>412</td></tr></table>",
        );
        assert_eq!(p.text, "Party Seats\nLabour 412");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<p>open",
            "<",
            "&#xZZZ; &#99999999; &",
            "<script>never closed",
            "<!-- open comment",
        ] {
            let _ = html_to_article_parts(html);
        }
    }
}
