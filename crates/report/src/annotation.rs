//! Annotation JSONL: one record per article in the gold format of `shared/gold/README.md`, with
//! Unicode code point offsets (end exclusive).

use std::io::Write;

use claimsheet_extract::{Annotation, Article};
use serde_json::{json, Map, Value};

use crate::{CharIndex, ReportError};

fn spans(idx: &CharIndex<'_>, spans: &[claimsheet_ingest::Span]) -> Value {
    Value::Array(spans.iter().map(|s| json!(idx.span(*s))).collect())
}

/// The annotation record of one article as a JSON object.
///
/// Keys: `id`, `date`, `title`, `paragraphs`, `sentences`, `entities`, `referents`, `timexes`,
/// `cues`, `attributions`, `claims`. Every offset is a code point offset into the input text,
/// end exclusive.
pub fn annotation_record(article: &Article, ann: &Annotation) -> Value {
    let idx = CharIndex::new(&article.text);
    let text = article.text.as_str();
    let mut rec = Map::new();
    rec.insert("id".into(), json!(article.id));
    rec.insert("date".into(), json!(article.date.map(|d| d.to_string())));
    rec.insert("title".into(), json!(article.title));
    rec.insert(
        "paragraphs".into(),
        Value::Array(
            article
                .paragraphs
                .iter()
                .map(|p| {
                    let [start, end] = idx.span(p.span);
                    json!({"start": start, "end": end, "kind": p.kind.as_str()})
                })
                .collect(),
        ),
    );
    rec.insert(
        "sentences".into(),
        Value::Array(
            ann.segmentation
                .sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let [start, end] = idx.span(s.span);
                    let mut o = json!({"start": start, "end": end, "paragraph": s.paragraph});
                    if let Some(h) = ann.hedges.sentences.get(i) {
                        o["certainty"] = json!(h.certainty.as_str());
                        o["polarity"] = json!(h.polarity.as_str());
                    }
                    o
                })
                .collect(),
        ),
    );
    rec.insert(
        "entities".into(),
        Value::Array(
            ann.entities
                .mentions
                .iter()
                .map(|m| {
                    let [start, end] = idx.span(m.span);
                    json!({"start": start, "end": end, "type": m.kind.as_str(), "text": m.span.slice(text), "ref": m.referent})
                })
                .collect(),
        ),
    );
    rec.insert(
        "referents".into(),
        Value::Array(
            ann.entities
                .referents
                .iter()
                .enumerate()
                .map(|(i, r)| json!({"id": i, "canonical": r.canonical, "type": r.kind.as_str(), "role": r.role, "mentions": r.mentions}))
                .collect(),
        ),
    );
    rec.insert(
        "timexes".into(),
        Value::Array(
            ann.timexes
                .iter()
                .map(|t| {
                    let [start, end] = idx.span(t.span);
                    let anchor = match t.anchor {
                        claimsheet_extract::time::Anchor::None => json!("none"),
                        claimsheet_extract::time::Anchor::Publication => json!("publication"),
                        claimsheet_extract::time::Anchor::Previous(i) => json!(format!("timex:{i}")),
                    };
                    json!({"start": start, "end": end, "type": t.kind.as_str(), "value": t.value, "text": t.span.slice(text), "mod": t.modifier, "anchor": anchor, "range_with": t.range_with})
                })
                .collect(),
        ),
    );
    rec.insert(
        "cues".into(),
        Value::Array(
            ann.hedges
                .cues
                .iter()
                .map(|c| {
                    let [start, end] = idx.span(c.span);
                    json!({"start": start, "end": end, "class": c.class.as_str(), "text": c.span.slice(text)})
                })
                .collect(),
        ),
    );
    rec.insert(
        "attributions".into(),
        Value::Array(
            ann.attributions
                .iter()
                .map(|a| {
                    json!({
                        "source": spans(&idx, &a.source),
                        "cue": spans(&idx, &a.cue),
                        "content": spans(&idx, &a.content),
                        "speaker": a.speaker,
                        "speaker_type": a.speaker_type.as_str(),
                        "anonymous": a.anonymous.map(|c| c.as_str()),
                        "kind": a.kind.as_str(),
                        "parent": a.parent,
                    })
                })
                .collect(),
        ),
    );
    rec.insert(
        "claims".into(),
        Value::Array(
            ann.claims
                .iter()
                .map(|c| {
                    let [start, end] = idx.span(c.span);
                    json!({"start": start, "end": end, "kind": c.kind.as_str(), "sentence": c.sentence, "attribution": c.attribution})
                })
                .collect(),
        ),
    );
    Value::Object(rec)
}

/// Writes the annotation record of one article as one JSON line.
pub fn write_annotation<W: Write>(
    out: &mut W,
    article: &Article,
    ann: &Annotation,
) -> Result<(), ReportError> {
    serde_json::to_writer(&mut *out, &annotation_record(article, ann))?;
    out.write_all(b"\n")?;
    Ok(())
}
