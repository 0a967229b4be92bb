//! The report as one self-contained HTML page: a sortable, filterable table of all claims, then
//! each article's text with its claims highlighted and speakers, cues, hedges and dates marked in
//! distinct colours; hovering a claim shows its row. No network, no external assets (a
//! Content-Security-Policy forbids any load).

use std::fmt::Write as _;
use std::io::Write;

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

/// The HTML report, written when finished.
pub struct HtmlSink<W: Write> {
    out: W,
    table: String,
    articles: String,
    article_count: usize,
    claim_count: usize,
}

impl<W: Write> HtmlSink<W> {
    /// An HTML report on `out`.
    pub fn new(out: W) -> Self {
        HtmlSink {
            out,
            table: String::new(),
            articles: String::new(),
            article_count: 0,
            claim_count: 0,
        }
    }
}

/// A marked span of the article text: its byte span, CSS class and the claim ids it belongs to.
struct Mark<'a> {
    span: Span,
    class: String,
    claims: Vec<&'a str>,
}

fn tooltip(row: &ClaimRow) -> String {
    let mut t = format!("{} · {}", row.kind, row.speaker);
    for (label, value) in [
        ("chain", row.source_chain.as_str()),
        ("certainty", row.certainty),
        ("hedges", row.hedges.as_str()),
        ("verification", row.verification.as_str()),
        ("said on", row.said_on.as_str()),
        ("dates", row.dates.as_str()),
        ("entities", row.entities.as_str()),
    ] {
        if !value.is_empty() {
            let _ = write!(t, "\n{label}: {value}");
        }
    }
    t
}

fn render_paragraph(
    text: &str,
    para: Span,
    marks: &[Mark<'_>],
    rows: &[(Span, &ClaimRow)],
    out: &mut String,
) {
    let mut cuts: Vec<usize> = vec![para.start, para.end];
    for m in marks.iter().filter(|m| m.span.overlaps(para)) {
        cuts.push(m.span.start.clamp(para.start, para.end));
        cuts.push(m.span.end.clamp(para.start, para.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut anchored: Vec<&str> = Vec::new();
    for w in cuts.windows(2) {
        let seg = Span::new(w[0], w[1]);
        let piece = seg.slice(text);
        if piece.is_empty() {
            continue;
        }
        let covering: Vec<&Mark<'_>> = marks.iter().filter(|m| m.span.contains(seg)).collect();
        if covering.is_empty() {
            escape(piece, out);
            continue;
        }
        let mut classes: Vec<&str> = covering.iter().map(|m| m.class.as_str()).collect();
        classes.dedup();
        let mut claims: Vec<&str> = covering
            .iter()
            .flat_map(|m| m.claims.iter().copied())
            .collect();
        claims.sort_unstable();
        claims.dedup();
        out.push_str("<span class=\"");
        escape(&classes.join(" "), out);
        out.push('"');
        if !claims.is_empty() {
            out.push_str(" data-claims=\"");
            escape(&claims.join(" "), out);
            out.push_str("\" title=\"");
            let tips: Vec<String> = rows
                .iter()
                .filter(|(s, r)| s.contains(seg) && claims.contains(&r.claim_id.as_str()))
                .map(|(_, r)| tooltip(r))
                .collect();
            escape(&tips.join("\n\n"), out);
            out.push('"');
            if let Some(first) = claims.iter().find(|c| !anchored.contains(c)) {
                if rows
                    .iter()
                    .any(|(s, r)| r.claim_id == *first && s.start == seg.start)
                {
                    let _ = write!(out, " id=\"{}\"", esc(first));
                    anchored.push(first);
                }
            }
        }
        out.push('>');
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
        let title = article.title.as_deref().unwrap_or(&article.id);
        for row in &rows {
            let _ = writeln!(
                self.table,
                "<tr><td><a href=\"#{anchor}\">{}</a></td><td><a href=\"#{}\" title=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&row.article_id),
                esc(&row.claim_id),
                esc(&row.claim_id),
                esc(&row.claim),
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
        // Byte spans of each claim row, to place marks (rows are in claim order).
        let claim_spans: Vec<(Span, &ClaimRow)> =
            ann.claims.iter().map(|c| c.span).zip(rows.iter()).collect();
        let mut marks: Vec<Mark<'_>> = claim_spans
            .iter()
            .map(|(span, row)| Mark {
                span: *span,
                class: format!("claim k-{}", row.kind),
                claims: vec![row.claim_id.as_str()],
            })
            .collect();
        for a in &ann.attributions {
            for s in &a.source {
                marks.push(Mark {
                    span: *s,
                    class: "speaker".into(),
                    claims: Vec::new(),
                });
            }
            for s in &a.cue {
                marks.push(Mark {
                    span: *s,
                    class: "cue".into(),
                    claims: Vec::new(),
                });
            }
        }
        for c in &ann.hedges.cues {
            marks.push(Mark {
                span: c.span,
                class: "hedge".into(),
                claims: Vec::new(),
            });
        }
        for t in &ann.timexes {
            marks.push(Mark {
                span: t.span,
                class: "date".into(),
                claims: Vec::new(),
            });
        }
        // Claim marks carry their ids; other marks inherit the ids of the claims they sit in.
        let ids: Vec<(Span, &str)> = claim_spans
            .iter()
            .map(|(s, r)| (*s, r.claim_id.as_str()))
            .collect();
        for m in marks.iter_mut().filter(|m| m.claims.is_empty()) {
            m.claims = ids
                .iter()
                .filter(|(s, _)| s.contains(m.span))
                .map(|(_, id)| *id)
                .collect();
        }
        let s = &mut self.articles;
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
        for p in &article.paragraphs {
            if p.kind == ParagraphKind::Body {
                s.push_str("<p>");
                render_paragraph(text, p.span, &marks, &claim_spans, s);
                s.push_str("</p>\n");
            } else {
                let _ = write!(s, "<p class=\"furniture\" title=\"{}\">", p.kind.as_str());
                escape(p.span.slice(text), s);
                s.push_str("</p>\n");
            }
        }
        s.push_str("</div></section>\n");
        Ok(rows.len())
    }

    fn finish(mut self: Box<Self>) -> Result<(), ReportError> {
        let head = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>claimsheet report</title><style>{STYLE}</style></head><body>\n<header><h1>claimsheet report</h1><p>{} articles · {} claims</p><p class=\"legend\"><span class=\"claim\">statement</span><span class=\"claim k-quote\">quote</span><span class=\"claim k-paraphrase\">paraphrase</span><span class=\"speaker\">speaker</span><span class=\"cue\">cue</span><span class=\"hedge\">hedge</span><span class=\"date\">date</span></p></header>\n<section id=\"claims\"><h2>All claims (<span id=\"shown\">{}</span> shown)</h2><input id=\"filter\" type=\"search\" placeholder=\"Filter claims: any word, speaker, date…\">\n<table id=\"claims-table\"><thead><tr><th>article</th><th>claim</th><th>kind</th><th>speaker</th><th>speaker type</th><th>source chain</th><th>certainty</th><th>hedges</th><th>verification</th><th>entities</th><th>dates</th></tr></thead><tbody>\n",
            self.article_count, self.claim_count, self.claim_count
        );
        self.out.write_all(head.as_bytes())?;
        self.out.write_all(self.table.as_bytes())?;
        self.out.write_all(b"</tbody></table></section>\n")?;
        self.out.write_all(self.articles.as_bytes())?;
        write!(self.out, "<script>{SCRIPT}</script>\n</body></html>\n")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<b>\"Kim\" & 'Lee'</b>"),
            "&lt;b&gt;&quot;Kim&quot; &amp; &#39;Lee&#39;&lt;/b&gt;"
        );
    }
}
