//! Annotation JSONL: one record per article in the gold format of `shared/gold/README.md`, with
//! Unicode code point offsets (end exclusive).

use std::io::Write;

use claimsheet_extract::{Annotation, Article, Span};
use serde::Serialize;

use crate::{CharIndex, ReportError};

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<String>,
    title: Option<&'a str>,
    paragraphs: Vec<ParagraphOut>,
    sentences: Vec<SentenceOut>,
    entities: Vec<EntityOut<'a>>,
    referents: Vec<ReferentOut<'a>>,
    timexes: Vec<TimexOut<'a>>,
    cues: Vec<CueOut<'a>>,
    signals: Vec<CueOut<'a>>,
    attributions: Vec<AttributionOut<'a>>,
    claims: Vec<ClaimOut>,
}

#[derive(Serialize)]
struct ParagraphOut {
    start: usize,
    end: usize,
    kind: &'static str,
}

#[derive(Serialize)]
struct SentenceOut {
    start: usize,
    end: usize,
    paragraph: usize,
    certainty: &'static str,
    polarity: &'static str,
    verification: Option<&'static str>,
    /// The sentence (index) whose statement gave the verification verdict.
    verdict_sentence: Option<usize>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    text: &'a str,
    #[serde(rename = "ref")]
    referent: usize,
}

#[derive(Serialize)]
struct ReferentOut<'a> {
    id: usize,
    canonical: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    role: Option<&'a str>,
    subtype: Option<&'static str>,
    gender: Option<&'static str>,
    place: Option<&'a str>,
    mentions: usize,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    text: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<&'static str>,
    anchor: String,
    range_with: Option<usize>,
}

#[derive(Serialize)]
struct CueOut<'a> {
    start: usize,
    end: usize,
    class: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    source: Vec<[usize; 2]>,
    cue: Vec<[usize; 2]>,
    content: Vec<[usize; 2]>,
    speaker: Option<&'a str>,
    speaker_type: &'static str,
    anonymous: Option<&'static str>,
    kind: &'static str,
    parent: Option<usize>,
}

#[derive(Serialize)]
struct ClaimOut {
    start: usize,
    end: usize,
    kind: &'static str,
    sentence: usize,
    attribution: Option<usize>,
    relays: Option<usize>,
}

/// The hedge cues that are news signals (`signal`), or the uncertainty cues (`!signal`).
fn cues_out<'a>(
    idx: &CharIndex<'_>,
    text: &'a str,
    ann: &'a Annotation,
    signal: bool,
) -> Vec<CueOut<'a>> {
    ann.hedges
        .cues
        .iter()
        .filter(|c| c.signal == signal)
        .map(|c| {
            let [start, end] = idx.span(c.span);
            CueOut {
                start,
                end,
                class: c.class.as_str(),
                text: c.span.slice(text),
            }
        })
        .collect()
}

fn spans(idx: &CharIndex<'_>, spans: &[Span]) -> Vec<[usize; 2]> {
    spans.iter().map(|s| idx.span(*s)).collect()
}

fn record<'a>(article: &'a Article, ann: &'a Annotation) -> Record<'a> {
    let idx = CharIndex::new(&article.text);
    let text = article.text.as_str();
    Record {
        id: &article.id,
        date: article.date.map(|d| d.to_string()),
        title: article.title.as_deref(),
        paragraphs: article
            .paragraphs
            .iter()
            .map(|p| {
                let [start, end] = idx.span(p.span);
                ParagraphOut {
                    start,
                    end,
                    kind: p.kind.as_str(),
                }
            })
            .collect(),
        sentences: ann
            .segmentation
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let [start, end] = idx.span(s.span);
                let h = ann.hedges.sentences.get(i);
                SentenceOut {
                    start,
                    end,
                    paragraph: s.paragraph,
                    certainty: h.map_or("certain", |h| h.certainty.as_str()),
                    polarity: h.map_or("positive", |h| h.polarity.as_str()),
                    verification: h.and_then(|h| h.verification).map(|(v, _)| v.as_str()),
                    verdict_sentence: h.and_then(|h| h.verification).map(|(_, s)| s),
                }
            })
            .collect(),
        entities: ann
            .entities
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = idx.span(m.span);
                EntityOut {
                    start,
                    end,
                    kind: m.kind.as_str(),
                    text: m.span.slice(text),
                    referent: m.referent,
                }
            })
            .collect(),
        referents: ann
            .entities
            .referents
            .iter()
            .enumerate()
            .map(|(id, r)| ReferentOut {
                id,
                canonical: &r.canonical,
                kind: r.kind.as_str(),
                role: r.role.as_deref(),
                subtype: r.subtype.map(|s| s.as_str()),
                gender: r.gender.map(|g| g.as_str()),
                place: r.place.as_deref(),
                mentions: r.mentions,
            })
            .collect(),
        timexes: ann
            .timexes
            .iter()
            .map(|t| {
                let [start, end] = idx.span(t.span);
                TimexOut {
                    start,
                    end,
                    kind: t.kind.as_str(),
                    value: &t.value,
                    text: t.span.slice(text),
                    modifier: t.modifier,
                    anchor: t.anchor.to_string(),
                    range_with: t.range_with,
                }
            })
            .collect(),
        cues: cues_out(&idx, text, ann, false),
        signals: cues_out(&idx, text, ann, true),
        attributions: ann
            .attributions
            .iter()
            .map(|a| AttributionOut {
                source: spans(&idx, &a.source),
                cue: spans(&idx, &a.cue),
                content: spans(&idx, &a.content),
                speaker: a.speaker.as_deref(),
                speaker_type: a.speaker_type.as_str(),
                anonymous: a.anonymous.map(|c| c.as_str()),
                kind: a.kind.as_str(),
                parent: a.parent,
            })
            .collect(),
        claims: ann
            .claims
            .iter()
            .map(|c| {
                let [start, end] = idx.span(c.span);
                ClaimOut {
                    start,
                    end,
                    kind: c.kind.as_str(),
                    sentence: c.sentence,
                    attribution: c.attribution,
                    relays: c.relays,
                }
            })
            .collect(),
    }
}

/// The annotation record of one article as a JSON value.
///
/// Keys: `id`, `date`, `title`, `paragraphs`, `sentences`, `entities`, `referents`, `timexes`,
/// `cues` (uncertainty cues in the Szeged / CoNLL-2010 sense, the gold format's layer),
/// `signals` (the hedge layer's news signals: denials, plans, vague attribution, statements
/// about verification; same fields as `cues`), `attributions`, `claims`. Every offset is a
/// code point offset into the input text, end exclusive.
pub fn annotation_record(article: &Article, ann: &Annotation) -> serde_json::Value {
    serde_json::to_value(record(article, ann)).unwrap_or(serde_json::Value::Null)
}

/// Writes the annotation record of one article as one JSON line.
pub fn write_annotation<W: Write>(
    out: &mut W,
    article: &Article,
    ann: &Annotation,
) -> Result<(), ReportError> {
    serde_json::to_writer(&mut *out, &record(article, ann))?;
    out.write_all(b"\n")?;
    Ok(())
}
