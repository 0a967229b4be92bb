//! The report as one self-contained HTML page: a sortable, filterable table of all claims, then
//! each article's text with its claims highlighted and speakers, cues, hedges and dates marked in
//! distinct colours; hovering a claim shows its row. No network, no external assets (a
//! Content-Security-Policy forbids any load).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{Seek, Write};

use tempfile::SpooledTempFile;

use claimsheet_extract::{Annotation, Article, Span};
use claimsheet_ingest::ParagraphKind;

use crate::rows::{claim_rows, ClaimRow};
use crate::sink::ReportSink;
use crate::{CharIndex, ReportError};

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR",sans-serif;margin:0;color:#1d2228;background:#fafafa}
header,section{padding:12px 28px}header{background:#263238;color:#fff}header h1{margin:0;font-size:22px}
.legend span{margin-right:14px;padding:1px 6px;border-radius:3px;color:#1d2228}.legend .speaker,.legend .cue{background:#fff}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}th,td{border:1px solid #d5d9dd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eceff1;cursor:pointer;position:sticky;top:0}th.sorted-asc:after{content:" \25B2"}th.sorted-desc:after{content:" \25BC"}
#filter{width:40%;padding:6px;margin:6px 0;font-size:14px}
.article{background:#fff;margin:18px 28px;border:1px solid #d5d9dd;border-radius:6px}.article h2{margin:4px 0;font-size:18px}
.meta{color:#607d8b;font-size:13px}.furniture{color:#90a4ae;font-style:italic}
.claim{background:#fff3c4;border-bottom:2px solid #f9a825}.claim.k-quote,.claim.k-mixed{background:#e3f2fd;border-bottom-color:#1e88e5}
.claim.k-paraphrase,.claim.k-according-to{background:#ede7f6;border-bottom-color:#7e57c2}
.speaker{color:#b71c1c;font-weight:600}.cue{color:#6a1b9a;text-decoration:underline}
.hedge{background:#ffccbc;outline:1px dashed #e64a19}.date{background:#c8e6c9;outline:1px solid #43a047}
.hl{outline:2px solid #d50000}
"#;

const SCRIPT: &str = r#"
(function(){
var table=document.getElementById('claims-table');if(!table)return;
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
document.getElementById('filter').addEventListener('input',function(e){
 var q=e.target.value.toLowerCase();var shown=0;
 rows.forEach(function(r){var ok=r.textContent.toLowerCase().indexOf(q)>=0;r.style.display=ok?'':'none';if(ok)shown++;});
 document.getElementById('shown').textContent=shown;});
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
 var asc=!th.classList.contains('sorted-asc');
 Array.prototype.forEach.call(table.tHead.rows[0].cells,function(x){x.classList.remove('sorted-asc','sorted-desc');});
 th.classList.add(asc?'sorted-asc':'sorted-desc');
 rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;var nx=parseFloat(x),ny=parseFloat(y);
  var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
 rows.forEach(function(r){body.appendChild(r);});});});
document.addEventListener('mouseover',function(e){var t=e.target.closest('[data-claims]');
 document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl');});
 if(!t)return;t.getAttribute('data-claims').split(' ').forEach(function(id){
  document.querySelectorAll('[data-claims~="'+id+'"]').forEach(function(x){x.classList.add('hl');});});});
})();
"#;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, &mut out);
    out
}

/// How much of each part of the page (the claims table, the articles) is kept in memory before
/// it moves to a temporary file: a page for a whole archive costs disk, not memory.
const SPOOL_IN_MEMORY: usize = 32 << 20;

/// The HTML report, written when finished. The page opens with the counts and the table of all
/// claims, which are known only at the end, so the table rows and the rendered articles are
/// spooled (in memory up to 32 MiB each, then in an unnamed temporary file)
/// and copied out in order by `finish`.
pub struct HtmlSink<W: Write> {
    out: W,
    table: SpooledTempFile,
    articles: SpooledTempFile,
    /// One article's table rows or text, rendered before it goes to its spool.
    buf: String,
    article_count: usize,
    claim_count: usize,
    /// Claim ids used as element ids so far.
    claim_ids: HashSet<String>,
}

impl<W: Write> HtmlSink<W> {
    /// An HTML report on `out`.
    pub fn new(out: W) -> Self {
        Self::with_spool(out, SPOOL_IN_MEMORY)
    }

    /// An HTML report on `out` that keeps up to `in_memory` bytes of each spooled part in memory.
    fn with_spool(out: W, in_memory: usize) -> Self {
        HtmlSink {
            out,
            table: tempfile::spooled_tempfile(in_memory),
            articles: tempfile::spooled_tempfile(in_memory),
            buf: String::new(),
            article_count: 0,
            claim_count: 0,
            claim_ids: HashSet::new(),
        }
    }
}

/// A marked span of the article text: its byte span, CSS class and, for a claim's own mark, the
/// index of the claim's row. Marks are kept in the order they were made (claims first, in claim
/// order); that order decides the order of a segment's classes and tooltips.
struct Mark {
    span: Span,
    class: String,
    row: Option<usize>,
}

fn tooltip(row: &ClaimRow) -> String {
    let mut t = format!("{} · {}", row.kind, row.speaker);
    for (label, value) in [
        ("chain", row.source_chain.as_str()),
        ("certainty", row.certainty),
        ("hedges", row.hedges.as_str()),
        ("verification", &*row.verification),
        ("said on", row.said_on),
        ("dates", row.dates.as_str()),
        ("entities", row.entities.as_str()),
    ] {
        if !value.is_empty() {
            let _ = write!(t, "\n{label}: {value}");
        }
    }
    t
}

/// One article's marks and claims, ready to render paragraph by paragraph.
///
/// The marks are swept in order of their starts: the paragraphs of an article come in text
/// order, so each paragraph picks up where the last one stopped, and within a paragraph each text
/// segment does the same. A page costs what it writes, not paragraphs x marks.
struct Renderer<'a> {
    text: &'a str,
    marks: &'a [Mark],
    /// Per claim row: its element id on the page and its escaped tooltip.
    claims: &'a [ClaimMark<'a>],
    /// Indices into `marks`, sorted by (start, index).
    by_start: Vec<usize>,
    /// How many of `by_start` have been taken up by the sweep.
    next: usize,
    /// Marks taken up that may still reach into the coming paragraphs, in `by_start` order.
    active: Vec<usize>,
    /// Start of the last paragraph rendered (a paragraph before it restarts the sweep).
    last_start: usize,
    /// Element ids already written on this article.
    anchored: HashSet<&'a str>,
}

/// What the text rendering needs of a claim row.
struct ClaimMark<'a> {
    key: &'a str,
    tip: String,
}

impl<'a> Renderer<'a> {
    fn new(text: &'a str, marks: &'a [Mark], claims: &'a [ClaimMark<'a>]) -> Self {
        let mut by_start: Vec<usize> = (0..marks.len()).collect();
        by_start.sort_by_key(|&i| (marks.get(i).map_or(0, |m| m.span.start), i));
        Renderer {
            text,
            marks,
            claims,
            by_start,
            next: 0,
            active: Vec::new(),
            last_start: 0,
            anchored: HashSet::new(),
        }
    }

    fn span(&self, i: usize) -> Span {
        self.marks.get(i).map_or(Span::new(0, 0), |m| m.span)
    }

    /// The marks that overlap `para`, in order of their starts.
    fn marks_over(&mut self, para: Span) -> Vec<usize> {
        if para.start < self.last_start {
            self.next = 0;
            self.active.clear();
        }
        self.last_start = para.start;
        let marks = self.marks;
        let span = |i: usize| marks.get(i).map_or(Span::new(0, 0), |m| m.span);
        // Marks ending before this paragraph end before every later one too.
        self.active.retain(|&i| span(i).end > para.start);
        while let Some(&i) = self.by_start.get(self.next) {
            let s = span(i);
            if s.start >= para.end {
                break;
            }
            self.next += 1;
            if s.end > para.start {
                self.active.push(i);
            }
        }
        self.active
            .iter()
            .copied()
            .filter(|&i| span(i).overlaps(para))
            .collect()
    }

    fn paragraph(&mut self, para: Span, out: &mut String) {
        let over = self.marks_over(para);
        let mut cuts: Vec<usize> = Vec::with_capacity(2 * over.len() + 2);
        cuts.push(para.start);
        cuts.push(para.end);
        for &i in &over {
            let s = self.span(i);
            cuts.push(s.start.clamp(para.start, para.end));
            cuts.push(s.end.clamp(para.start, para.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        // Marks of `over` (in start order) that started at or before the current segment.
        let mut next = 0;
        let mut open: Vec<usize> = Vec::new();
        let mut covering: Vec<usize> = Vec::new();
        for w in cuts.windows(2) {
            let seg = Span::new(w[0], w[1]);
            while let Some(&i) = over.get(next) {
                if self.span(i).start > seg.start {
                    break;
                }
                open.push(i);
                next += 1;
            }
            let marks = self.marks;
            let span = |i: usize| marks.get(i).map_or(Span::new(0, 0), |m| m.span);
            open.retain(|&i| span(i).end > seg.start);
            let piece = seg.slice(self.text);
            if piece.is_empty() {
                continue;
            }
            covering.clear();
            covering.extend(open.iter().copied().filter(|&i| span(i).contains(seg)));
            if covering.is_empty() {
                escape(piece, out);
                continue;
            }
            covering.sort_unstable();
            self.segment(piece, &covering, out);
        }
    }

    /// Writes one text segment covered by the marks `covering` (indices, in mark order).
    fn segment(&mut self, piece: &str, covering: &[usize], out: &mut String) {
        let marks = self.marks;
        let claims = self.claims;
        let mut classes: Vec<&str> = covering
            .iter()
            .filter_map(|&i| marks.get(i))
            .map(|m| m.class.as_str())
            .collect();
        classes.dedup();
        // The claims covering the segment, in claim order.
        let rows: Vec<&ClaimMark<'_>> = covering
            .iter()
            .filter_map(|&i| marks.get(i)?.row)
            .filter_map(|r| claims.get(r))
            .collect();
        out.push_str("<span class=\"");
        escape(&classes.join(" "), out);
        out.push('"');
        let mut extra: Vec<&str> = Vec::new();
        if !rows.is_empty() {
            let mut keys: Vec<&str> = rows.iter().map(|c| c.key).collect();
            keys.sort_unstable();
            keys.dedup();
            out.push_str(" data-claims=\"");
            escape(&keys.join(" "), out);
            out.push_str("\" title=\"");
            for (n, c) in rows.iter().enumerate() {
                if n > 0 {
                    out.push_str("\n\n");
                }
                out.push_str(&c.tip);
            }
            out.push('"');
            // An anchor for every claim on the first segment it covers (where it starts, unless
            // it starts between paragraphs): the first as the span's id, the others as empty
            // anchors inside it.
            let mut unanchored: Vec<&str> = rows
                .iter()
                .map(|c| c.key)
                .filter(|k| !self.anchored.contains(k))
                .collect();
            unanchored.sort_unstable();
            unanchored.dedup();
            for key in unanchored {
                if self.anchored.insert(key) {
                    extra.push(key);
                }
            }
            if let Some(first) = extra.first() {
                let _ = write!(out, " id=\"{}\"", esc(first));
            }
        }
        out.push('>');
        for key in extra.iter().skip(1) {
            let _ = write!(out, "<a id=\"{}\"></a>", esc(key));
        }
        escape(piece, out);
        out.push_str("</span>");
    }
}

impl<W: Write> ReportSink for HtmlSink<W> {
    fn article(&mut self, article: &Article, ann: &Annotation) -> Result<usize, ReportError> {
        let rows = claim_rows(article, ann);
        let text = article.text.as_str();
        let idx = CharIndex::new(text);
        self.article_count += 1;
        self.claim_count += rows.len();
        let n = self.article_count;
        let anchor = format!("a{n}");
        // A blank title (a JSONL record's "title": "") would leave the heading empty.
        let title = article
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&article.id);
        // Element ids: a claim's id, or, when an earlier article on the page already used it (two
        // records with one article id), the id behind this article's anchor, so ids stay unique.
        let keys: Vec<String> = rows
            .iter()
            .map(|r| {
                if self.claim_ids.contains(&r.claim_id) {
                    format!("{anchor}-{}", r.claim_id)
                } else {
                    r.claim_id.clone()
                }
            })
            .collect();
        self.buf.clear();
        for (row, key) in rows.iter().zip(&keys) {
            let _ = writeln!(
                self.buf,
                "<tr><td><a href=\"#{anchor}\">{}</a></td><td><a href=\"#{}\" title=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(row.article_id),
                esc(key),
                esc(&row.claim_id),
                esc(row.claim),
                row.kind,
                esc(&row.speaker),
                esc(row.speaker_type),
                esc(&row.source_chain),
                row.certainty,
                esc(&row.hedges),
                esc(&row.verification),
                esc(&row.entities),
                esc(&row.dates),
            );
        }
        self.table.write_all(self.buf.as_bytes())?;
        for row in &rows {
            if !self.claim_ids.contains(&row.claim_id) {
                self.claim_ids.insert(row.claim_id.clone());
            }
        }
        // Each claim row's element id and tooltip (rows are in claim order).
        let claims: Vec<ClaimMark<'_>> = rows
            .iter()
            .zip(&keys)
            .map(|(row, key)| ClaimMark {
                key: key.as_str(),
                tip: esc(&tooltip(row)),
            })
            .collect();
        let mut marks: Vec<Mark> = ann
            .claims
            .iter()
            .zip(rows.iter())
            .enumerate()
            .map(|(i, (c, row))| Mark {
                span: c.span,
                class: format!("claim k-{}", row.kind),
                row: Some(i),
            })
            .collect();
        let mark = |span: Span, class: &str| Mark {
            span,
            class: class.to_string(),
            row: None,
        };
        for a in &ann.attributions {
            marks.extend(a.source.iter().map(|s| mark(*s, "speaker")));
            marks.extend(a.cue.iter().map(|s| mark(*s, "cue")));
        }
        marks.extend(ann.hedges.cues.iter().map(|c| mark(c.span, "hedge")));
        marks.extend(ann.timexes.iter().map(|t| mark(t.span, "date")));
        let s = &mut self.buf;
        s.clear();
        let _ = write!(
            s,
            "<section class=\"article\" id=\"{anchor}\"><h2>{}</h2><p class=\"meta\">{}",
            esc(title),
            esc(&article.id)
        );
        if let Some(d) = article.date {
            let _ = write!(s, " · {d}");
        }
        let _ = write!(
            s,
            " · {} claims · {} characters</p><div class=\"text\">",
            rows.len(),
            idx.char_offset(text.len())
        );
        let mut renderer = Renderer::new(text, &marks, &claims);
        for p in &article.paragraphs {
            if p.kind == ParagraphKind::Body {
                s.push_str("<p>");
                renderer.paragraph(p.span, s);
                s.push_str("</p>\n");
            } else {
                let _ = write!(s, "<p class=\"furniture\" title=\"{}\">", p.kind.as_str());
                escape(p.span.slice(text), s);
                s.push_str("</p>\n");
            }
        }
        // Claims that cover no body text (empty, or outside the body paragraphs) still get a
        // target for their table link: the end of their article's text.
        for c in &claims {
            if renderer.anchored.insert(c.key) {
                let _ = write!(s, "<a id=\"{}\"></a>", esc(c.key));
            }
        }
        s.push_str("</div></section>\n");
        self.articles.write_all(s.as_bytes())?;
        Ok(rows.len())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ReportError> {
        let head = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>claimsheet report</title><style>{STYLE}</style></head><body>\n<header><h1>claimsheet report</h1><p>{} articles · {} claims</p><p class=\"legend\"><span class=\"claim\">statement</span><span class=\"claim k-quote\">quote</span><span class=\"claim k-paraphrase\">paraphrase</span><span class=\"speaker\">speaker</span><span class=\"cue\">cue</span><span class=\"hedge\">hedge</span><span class=\"date\">date</span></p></header>\n<section id=\"claims\"><h2>All claims (<span id=\"shown\">{}</span> shown)</h2><input id=\"filter\" type=\"search\" placeholder=\"Filter claims: any word, speaker, date…\">\n<table id=\"claims-table\"><thead><tr><th>article</th><th>claim</th><th>kind</th><th>speaker</th><th>speaker type</th><th>source chain</th><th>certainty</th><th>hedges</th><th>verification</th><th>entities</th><th>dates</th></tr></thead><tbody>\n",
            self.article_count, self.claim_count, self.claim_count
        );
        self.out.write_all(head.as_bytes())?;
        self.table.rewind()?;
        std::io::copy(&mut self.table, &mut self.out)?;
        self.out.write_all(b"</tbody></table></section>\n")?;
        self.articles.rewind()?;
        std::io::copy(&mut self.articles, &mut self.out)?;
        write!(self.out, "<script>{SCRIPT}</script>\n</body></html>\n")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimsheet_extract::claims::{Claim, ClaimKind};
    use claimsheet_extract::Pipeline;
    use claimsheet_ingest::{parse_date, Articles, Input, Options, Origin};

    /// The page for some annotated articles.
    fn page(items: &[(Article, Annotation)]) -> String {
        page_spooled(items, SPOOL_IN_MEMORY)
    }

    /// The page for some annotated articles, with `in_memory` bytes of each part kept in memory.
    fn page_spooled(items: &[(Article, Annotation)], in_memory: usize) -> String {
        let mut buf = Vec::new();
        let mut sink = Box::new(HtmlSink::with_spool(&mut buf, in_memory));
        for (article, ann) in items {
            sink.article(article, ann).expect("article written");
        }
        sink.finish().expect("page written");
        String::from_utf8(buf).expect("UTF-8 page")
    }

    fn annotated(id: &str, text: &str) -> (Article, Annotation) {
        let article = Article::new(
            id,
            Origin::file(id),
            text.to_string(),
            parse_date("2025-10-19"),
            None,
        );
        let ann = Pipeline::new().annotate(&article);
        (article, ann)
    }

    /// The values of attribute `name` (written as ` name="..."`; values are escaped, so a value
    /// never holds a `"`).
    fn attrs<'h>(html: &'h str, name: &str) -> Vec<&'h str> {
        let open = format!(" {name}=\"");
        html.match_indices(&open)
            .filter_map(|(at, _)| {
                let rest = html.get(at + open.len()..)?;
                rest.get(..rest.find('"')?)
            })
            .collect()
    }

    /// Asserts that element ids are unique and that every in-page link has a target; returns
    /// the links to claims (every `#` link but those to articles, `#a1`, `#a2`...).
    fn assert_links_resolve(html: &str) -> Vec<String> {
        let mut ids = HashSet::new();
        for id in attrs(html, "id") {
            assert!(ids.insert(id), "element id {id} is written twice");
        }
        let mut claims = Vec::new();
        for href in attrs(html, "href") {
            let target = href.strip_prefix('#').expect("in-page link");
            assert!(ids.contains(target), "link #{target} has no target");
            let article = target
                .strip_prefix('a')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
            if !article {
                claims.push(target.to_string());
            }
        }
        claims
    }

    #[test]
    fn an_article_with_a_blank_title_is_headed_by_its_id() {
        // A JSONL record with "title": "" gave its section an empty heading: nothing to tell
        // the article by on the page.
        let (mut article, ann) = annotated("story-7", "The minister said the talks would resume.");
        article.title = Some(" ".to_string());
        let html = page(&[(article, ann)]);
        assert!(html.contains("id=\"a1\"><h2>story-7</h2>"), "{html}");
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<b>\"Kim\" & 'Lee'</b>"),
            "&lt;b&gt;&quot;Kim&quot; &amp; &#39;Lee&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn every_table_link_of_the_corpus_page_resolves() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        let articles = Articles::new(
            vec![Input::parse(corpus)],
            Options {
                default_date: parse_date("2025-10-19"),
                ..Options::default()
            },
        );
        let pipeline = Pipeline::new();
        let items: Vec<(Article, Annotation)> = articles
            .filter_map(Result::ok)
            .map(|a| {
                let ann = pipeline.annotate(&a);
                (a, ann)
            })
            .collect();
        let claims: usize = items.iter().map(|(_, ann)| ann.claims.len()).sum();
        assert!(items.len() > 50 && claims > 1000, "the corpus is read");
        let html = page(&items);
        let links = assert_links_resolve(&html);
        assert_eq!(links.len(), claims, "one link per claim row");
        // Claims that start together, if the corpus has any, each have their own anchor (the
        // unit test below checks it on a made-up article).
        let shared_start = items.iter().any(|(_, ann)| {
            let mut starts: Vec<usize> = ann.claims.iter().map(|c| c.span.start).collect();
            starts.sort_unstable();
            starts.windows(2).any(|w| w[0] == w[1])
        });
        assert!(
            !shared_start || html.contains("\"><a id=\"c"),
            "extra anchors are written"
        );
        // A page too big for memory moves its parts to temporary files: the same page.
        assert!(
            html.len() > 200_000,
            "the corpus page is bigger than the spool below"
        );
        assert_eq!(page_spooled(&items, 4096), html, "a spooled page differs");
    }

    #[test]
    fn claims_starting_at_one_byte_each_get_an_anchor() {
        let text = "The talks will resume on Monday, officials said in Seoul.";
        let (article, mut ann) = annotated("same-start", text);
        let claim = |end: usize, kind| Claim {
            span: Span::new(0, end),
            sentence: 0,
            paragraph: 0,
            kind,
            attribution: None,
            relays: None,
        };
        ann.attributions.clear();
        ann.claims = vec![
            claim(text.len(), ClaimKind::Statement),
            claim(31, ClaimKind::Paraphrase),
            claim(31, ClaimKind::Quote),
        ];
        let html = page(&[(article, ann)]);
        let links = assert_links_resolve(&html);
        assert_eq!(links.len(), 3);
        let ids = attrs(&html, "id");
        for link in &links {
            assert!(ids.contains(&link.as_str()), "{link} is anchored");
        }
        // One as the first span's id, two as empty anchors at its start.
        assert_eq!(html.matches("></a><a id=\"c").count(), 1, "{html}");
        let text_start = html.find("<div class=\"text\"><p><span").expect("text");
        let first_text = html[text_start..].find("The talks").expect("text shown");
        assert_eq!(
            html[text_start..text_start + first_text]
                .matches("<a id=\"c")
                .count(),
            2
        );
    }

    #[test]
    fn a_claim_outside_the_body_still_has_a_link_target() {
        let text = "Talks resume\n\nThe talks will resume on Monday, officials said.";
        let (article, mut ann) = annotated("outside", text);
        let end = text.len();
        ann.claims.push(Claim {
            span: Span::new(end, end),
            sentence: 0,
            paragraph: 0,
            kind: ClaimKind::Statement,
            attribution: None,
            relays: None,
        });
        ann.claims.push(Claim {
            span: Span::new(end + 5, end + 9),
            sentence: 0,
            paragraph: 0,
            kind: ClaimKind::Statement,
            attribution: None,
            relays: None,
        });
        let html = page(&[(article, ann)]);
        let links = assert_links_resolve(&html);
        assert!(links.len() >= 2);
        assert!(html.contains("</a></div></section>"), "anchored at the end");
    }

    #[test]
    fn duplicate_article_ids_keep_element_ids_unique_and_links_local() {
        let text = "The minister said the talks would resume on Monday.";
        let items = [annotated("story-1", text), annotated("story-1", text)];
        assert_eq!(items[0].1.claims.len(), 1);
        let html = page(&items);
        let links = assert_links_resolve(&html);
        assert_eq!(links.len(), 2);
        assert_ne!(links[0], links[1]);
        // Each table link leads into its own article's section.
        let second = html
            .find("<section class=\"article\" id=\"a2\"")
            .expect("a2");
        let first_target = html.find(&format!(" id=\"{}\"", links[0])).expect("t1");
        let second_target = html.find(&format!(" id=\"{}\"", links[1])).expect("t2");
        assert!(first_target < second && second_target > second);
        assert_eq!(links[1], format!("a2-{}", links[0]));
        // The table still shows the claim id itself.
        assert_eq!(
            html.matches(&format!(" title=\"{}\">", links[0])).count(),
            2,
            "claim id shown in both rows"
        );
        // Hovering a claim highlights only its own article's copy.
        assert_eq!(
            attrs(&html, "data-claims")
                .iter()
                .filter(|c| **c == links[1])
                .count(),
            attrs(&html, "data-claims")
                .iter()
                .filter(|c| **c == links[0])
                .count()
        );
    }

    /// A tiny deterministic generator for the equivalence test.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    /// The rendering spelled out: every segment scans every mark.
    fn render_naive(
        text: &str,
        paras: &[Span],
        marks: &[Mark],
        claims: &[ClaimMark<'_>],
    ) -> String {
        let mut out = String::new();
        let mut anchored: Vec<&str> = Vec::new();
        for &para in paras {
            let mut cuts = vec![para.start, para.end];
            for m in marks.iter().filter(|m| m.span.overlaps(para)) {
                cuts.push(m.span.start.clamp(para.start, para.end));
                cuts.push(m.span.end.clamp(para.start, para.end));
            }
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let seg = Span::new(w[0], w[1]);
                let piece = seg.slice(text);
                if piece.is_empty() {
                    continue;
                }
                let covering: Vec<&Mark> = marks.iter().filter(|m| m.span.contains(seg)).collect();
                if covering.is_empty() {
                    escape(piece, &mut out);
                    continue;
                }
                let mut classes: Vec<&str> = covering.iter().map(|m| m.class.as_str()).collect();
                classes.dedup();
                let rows: Vec<&ClaimMark<'_>> =
                    covering.iter().filter_map(|m| claims.get(m.row?)).collect();
                out.push_str("<span class=\"");
                escape(&classes.join(" "), &mut out);
                out.push('"');
                let mut new: Vec<&str> = Vec::new();
                if !rows.is_empty() {
                    let mut keys: Vec<&str> = rows.iter().map(|c| c.key).collect();
                    keys.sort_unstable();
                    keys.dedup();
                    out.push_str(" data-claims=\"");
                    escape(&keys.join(" "), &mut out);
                    out.push_str("\" title=\"");
                    let tips: Vec<&str> = rows.iter().map(|c| c.tip.as_str()).collect();
                    out.push_str(&tips.join("\n\n"));
                    out.push('"');
                    new = keys.into_iter().filter(|k| !anchored.contains(k)).collect();
                    anchored.extend(&new);
                    if let Some(first) = new.first() {
                        let _ = write!(out, " id=\"{first}\"");
                    }
                }
                out.push('>');
                for k in new.iter().skip(1) {
                    let _ = write!(out, "<a id=\"{k}\"></a>");
                }
                escape(piece, &mut out);
                out.push_str("</span>");
            }
        }
        out
    }

    #[test]
    fn the_sweep_renders_what_scanning_every_mark_renders() {
        let text = "Kim said \u{201C}we will meet\u{201D} on 5 Oct — 北朝鮮 & <Seoul> 'agreed' 2025, officials said.";
        let bounds: Vec<usize> = (0..=text.len() + 3).collect();
        let keys: Vec<String> = (0..12).map(|i| format!("c{i:02}")).collect();
        let classes = ["speaker", "cue", "hedge", "date"];
        let mut rng = Lcg(7);
        for round in 0..400 {
            let span = |rng: &mut Lcg| {
                let a = bounds[rng.below(bounds.len())];
                let b = if rng.below(8) == 0 {
                    bounds[rng.below(bounds.len())]
                } else {
                    (a + rng.below(30)).min(text.len() + 2)
                };
                Span::new(a, b)
            };
            let n_claims = rng.below(keys.len());
            let claims: Vec<ClaimMark<'_>> = (0..n_claims)
                .map(|i| ClaimMark {
                    key: &keys[rng.below(keys.len()).min(i + 2)],
                    tip: format!("tip {i}"),
                })
                .collect();
            let mut marks: Vec<Mark> = (0..n_claims)
                .map(|i| Mark {
                    span: span(&mut rng),
                    class: format!("claim k-{}", i % 3),
                    row: Some(i),
                })
                .collect();
            for _ in 0..rng.below(14) {
                marks.push(Mark {
                    span: span(&mut rng),
                    class: classes[rng.below(classes.len())].to_string(),
                    row: None,
                });
            }
            let mut paras = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let end = (at + 1 + rng.below(40)).min(text.len() + 1);
                paras.push(Span::new(at, end));
                at = end + rng.below(3);
            }
            if round % 10 == 0 {
                // Out of order paragraphs restart the sweep.
                paras.reverse();
            }
            let mut fast = String::new();
            let mut renderer = Renderer::new(text, &marks, &claims);
            for &p in &paras {
                renderer.paragraph(p, &mut fast);
            }
            assert_eq!(
                fast,
                render_naive(text, &paras, &marks, &claims),
                "round {round}"
            );
        }
    }

    #[test]
    fn many_paragraphs_render_in_linear_time() {
        let para = "Officials said the talks would resume on Monday in Seoul.";
        let n = 20_000;
        let text = vec![para; n].join("\n\n");
        let (article, _) = annotated("long", para);
        let mut article = article;
        article.text = text.clone();
        article.paragraphs = (0..n)
            .map(|i| {
                let start = i * (para.len() + 2);
                claimsheet_ingest::Paragraph {
                    span: Span::new(start, start + para.len()),
                    kind: ParagraphKind::Body,
                    dateline: None,
                }
            })
            .collect();
        let claims = article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Claim {
                span: Span::new(p.span.start + 15, p.span.end),
                sentence: i,
                paragraph: i,
                kind: ClaimKind::Paraphrase,
                attribution: None,
                relays: None,
            })
            .collect();
        let ann = Annotation {
            claims,
            ..Annotation::default()
        };
        let started = std::time::Instant::now();
        let html = page(&[(article, ann)]);
        let took = started.elapsed();
        assert_eq!(assert_links_resolve(&html).len(), n);
        let body = html.get(html.find("<div class=\"text\">").expect("text")..);
        let body = body.expect("text");
        assert_eq!(body.matches("<p>Officials said<span").count(), 0);
        assert_eq!(body.matches("</span></p>").count(), n);
        // Scanning every mark per paragraph took about 10 s here; the sweep takes milliseconds.
        assert!(took.as_secs_f64() < 3.0, "{n} paragraphs took {took:?}");
    }
}
