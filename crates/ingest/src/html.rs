//! A small HTML-to-text reader for news pages: the title, a publication date from the usual meta
//! tags, and the text of block elements (paragraphs, headings, list items) one per line.
//! Scripts, styles and navigation furniture are dropped.

/// What [`html_to_article_parts`] finds in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlParts {
    /// The page's text, one block element per line, entities decoded.
    pub text: String,
    /// The `<title>` or `og:title`.
    pub title: Option<String>,
    /// The publication date meta value (`article:published_time`, `date`, `pubdate`...).
    pub date: Option<String>,
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
];
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "svg", "head", "template", "iframe", "aside",
    // Form controls, not the form: ASP.NET pages wrap the whole body in one <form>.
    "select", "button", "textarea",
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

/// Reads an HTML page into text, title and date.
///
/// The text is what a reader sees: one line per block element, runs of white space folded,
/// character references decoded. The reported spans of the article refer to this text.
pub fn html_to_article_parts(html: &str) -> HtmlParts {
    let mut parts = HtmlParts::default();
    let mut text = String::with_capacity(html.len() / 2);
    let mut skip_depth: usize = 0;
    let mut in_title = false;
    let mut title = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut text, rest, skip_depth, in_title, &mut title);
            break;
        };
        push_text(&mut text, &rest[..lt], skip_depth, in_title, &mut title);
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "meta" {
            read_meta(tag, &mut parts);
            continue;
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        if SKIPPED.contains(&name.as_str()) && name != "head" {
            if closing {
                skip_depth = skip_depth.saturating_sub(1);
            } else if !tag.ends_with('/') {
                skip_depth += 1;
                if name == "script" || name == "style" {
                    // Raw text elements: jump to their end tag.
                    match find_end_tag(rest, &name) {
                        Some(e) => rest = rest.get(e..).unwrap_or(""),
                        None => rest = "",
                    }
                }
            }
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
    }
    let title = fold_ws(&title);
    if !title.is_empty() && parts.title.is_none() {
        parts.title = Some(title);
    }
    parts.text = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    parts
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

fn push_text(out: &mut String, raw: &str, skip_depth: usize, in_title: bool, title: &mut String) {
    if in_title {
        title.push_str(&decode_entities(raw));
        return;
    }
    if skip_depth > 0 || raw.is_empty() {
        return;
    }
    let decoded = decode_entities(raw);
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

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - after.len() + 1;
        let v = tag[value_start..].trim_start();
        let (quote, body) = match v.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
            _ => (None, v),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '/')
                .unwrap_or(body.len()),
        };
        return Some(&body[..end]);
    }
    None
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
    if parts.date.is_none() && DATE_METAS.contains(&key.as_str()) {
        parts.date = Some(content.to_string());
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
