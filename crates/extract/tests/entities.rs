//! Entity layer tests: the seed article, cases from `data/entities/cases.txt`, and a property
//! test.

use claimsheet_extract::entities::{Entities, EntityTagger, EntityType, Gender, Subtype};
use claimsheet_extract::{segment, Article, Doc, Span};
use claimsheet_ingest::Origin;
use proptest::prelude::*;

fn article(text: &str) -> Article {
    Article::new(
        "t",
        Origin::file("t"),
        text.to_string(),
        None,
        Some(String::new()),
    )
}

fn run(tagger: &EntityTagger, a: &Article) -> (Entities, segment::Segmentation) {
    let seg = segment::segment(a);
    let doc = Doc::new(a, &seg);
    (tagger.tag(&doc), seg)
}

fn mentions<'a>(e: &Entities, text: &'a str) -> Vec<(&'a str, EntityType)> {
    e.mentions
        .iter()
        .map(|m| (&text[m.span.start..m.span.end], m.kind))
        .collect()
}

fn parse_type(s: &str) -> EntityType {
    match s {
        "PER" => EntityType::Per,
        "ORG" => EntityType::Org,
        "LOC" => EntityType::Loc,
        "MISC" => EntityType::Misc,
        other => panic!("bad type {other}"),
    }
}

#[test]
fn cases_from_data_file() {
    let tagger = EntityTagger::new();
    let data = include_str!("data/entities/cases.txt");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut current: Option<(Article, Entities, segment::Segmentation)> = None;
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(": ").expect("key: value");
        if key == "text" {
            let a = article(&value.replace("\\n", "\n"));
            let (e, seg) = run(&tagger, &a);
            current = Some((a, e, seg));
            continue;
        }
        let (a, e, seg) = current.as_ref().expect("text first");
        let doc = Doc::new(a, seg);
        let text = a.text.as_str();
        let found = mentions(e, text);
        checked += 1;
        let ok = match key {
            "has" => {
                let (name, ty) = value.rsplit_once(' ').expect("has: NAME TYPE");
                found.contains(&(name, parse_type(ty)))
            }
            "all" => {
                let (name, ty) = value.rsplit_once(' ').expect("all: NAME TYPE");
                let ty = parse_type(ty);
                let same: Vec<_> = found.iter().filter(|(m, _)| *m == name).collect();
                !same.is_empty() && same.iter().all(|(_, t)| *t == ty)
            }
            "not" => {
                let value = value.replace("\\n", "\n");
                !found.iter().any(|(m, _)| m.contains(&value))
            }
            "ref" => {
                let (m, canon) = value.split_once(" => ").expect("ref: A => B");
                e.mentions.iter().any(|x| {
                    &text[x.span.start..x.span.end] == m
                        && e.referents[x.referent].canonical == canon
                })
            }
            "role" => {
                let (canon, role) = value.split_once(" => ").expect("role: A => B");
                let want = (role != "none").then_some(role);
                e.referents
                    .iter()
                    .any(|r| r.canonical == canon && r.role.as_deref() == want)
            }
            "gender" => {
                let (canon, g) = value
                    .split_once(" => ")
                    .expect("gender: A => male|female|unknown");
                let want = match g {
                    "male" => Some(Gender::Male),
                    "female" => Some(Gender::Female),
                    "unknown" => None,
                    other => panic!("bad gender {other}"),
                };
                e.referents
                    .iter()
                    .any(|r| r.canonical == canon && r.gender == want)
            }
            "subtype" => {
                let (canon, st) = value.split_once(" => ").expect("subtype: A => media");
                e.referents
                    .iter()
                    .any(|r| r.canonical == canon && r.subtype.map(Subtype::as_str) == Some(st))
            }
            "pronoun" => {
                let (pron, canon) = value.split_once(" => ").expect("pronoun: She => A");
                let start = text
                    .find(&format!(" {pron} "))
                    .map(|i| i + 1)
                    .expect("pronoun");
                let found = e.pronoun_referent(&doc, Span::new(start, start + pron.len()));
                if canon == "none" {
                    found.is_none()
                } else {
                    found.is_some_and(|r| e.referents[r].canonical == canon)
                }
            }
            "company" => {
                let (phrase, canon) = value.split_once(" => ").expect("company: PHRASE => A");
                let at = text.find(phrase).expect("phrase");
                e.organisation_referent(&doc, at)
                    .is_some_and(|r| e.referents[r].canonical == canon)
            }
            other => panic!("unknown key {other}"),
        };
        if !ok {
            failures.push(format!("{text}\n    {key}: {value}\n    got {found:?}"));
        }
    }
    assert!(checked > 20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const SEED: &str = include_str!("../../../corpus/seed-korea-trump-kim.txt");

#[test]
fn seed_article_referents() {
    let tagger = EntityTagger::new();
    let a = article(SEED);
    let (e, _) = run(&tagger, &a);
    let find = |name: &str| {
        e.referents
            .iter()
            .find(|r| r.canonical == name)
            .unwrap_or_else(|| panic!("no referent {name}: {:#?}", e.referents))
    };
    let trump = find("Donald Trump");
    assert_eq!(trump.kind, EntityType::Per);
    assert_eq!(trump.gender, Some(Gender::Male));
    assert!(trump.mentions >= 10, "{trump:?}");
    let kim = find("Kim Jong Un");
    assert_eq!(kim.kind, EntityType::Per);
    assert_eq!(kim.role.as_deref(), Some("North Korean leader"));
    // "Kim" opens the name as the family name: the given-name lists (where Kim is a woman's
    // name) say nothing about Kim Jong Un.
    assert_eq!(kim.gender, None);
    assert!(kim.mentions >= 3);
    let kang = find("Kang Kyung-wha");
    assert_eq!(kang.kind, EntityType::Per);
    assert_eq!(
        kang.role.as_deref(),
        Some("South Korea\u{2019}s ambassador to Washington")
    );
    assert_eq!(
        find("Lee Jae Myung").role.as_deref(),
        Some("South Korean President")
    );
    assert_eq!(
        find("Xi Jinping").role.as_deref(),
        Some("Chinese President")
    );
    let cnn = find("CNN");
    assert_eq!(
        (cnn.kind, cnn.subtype),
        (EntityType::Org, Some(Subtype::Media))
    );
    assert_eq!(find("White House").subtype, Some(Subtype::Government));
    // The acronym joins its expansion, and both are an organisation.
    let apec = find("Asia-Pacific Economic Cooperation");
    assert_eq!(apec.kind, EntityType::Org);
    assert!(apec.mentions >= 4, "{apec:?}");
    assert!(e
        .mentions
        .iter()
        .all(|m| &SEED[m.span.start..m.span.end] != "APEC"
            || e.referents[m.referent].canonical == "Asia-Pacific Economic Cooperation"));
    for place in [
        "North Korea",
        "South Korea",
        "Pyongyang",
        "Gyeongju",
        "Washington",
        "Asia",
        "Seoul",
    ] {
        assert_eq!(find(place).kind, EntityType::Loc, "{place}");
    }
    let nk = find("North Korean");
    assert_eq!(nk.kind, EntityType::Misc);
    assert_eq!(nk.place.as_deref(), Some("North Korea"));
    // Every "Trump" mention, possessives included, is the name alone.
    for m in &e.mentions {
        let t = &SEED[m.span.start..m.span.end];
        assert!(
            !t.ends_with("\u{2019}s") && !t.starts_with("President"),
            "{t}"
        );
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle");
    Span::new(s, s + needle.len())
}

#[test]
fn pronouns_resolve_to_the_seed_speakers() {
    let tagger = EntityTagger::new();
    let a = article(SEED);
    let (e, seg) = run(&tagger, &a);
    let doc = Doc::new(&a, &seg);
    let she = span_of(SEED, "She added");
    let she = Span::new(she.start, she.start + 3);
    let r = e.pronoun_referent(&doc, she).expect("she");
    assert_eq!(e.referents[r].canonical, "Kang Kyung-wha");
    let it = span_of(SEED, "It added");
    let it = Span::new(it.start, it.start + 2);
    let r = e.pronoun_referent(&doc, it).expect("it");
    assert_eq!(e.referents[r].canonical, "CNN");
    // Not a pronoun.
    let word = span_of(SEED, "officials");
    assert_eq!(e.pronoun_referent(&doc, word), None);
}

#[test]
fn model_loads_fast() {
    let t = std::time::Instant::now();
    let tagger = EntityTagger::new();
    assert!(tagger.has_model());
    // Generous bound for debug builds on a shared machine; release loads in a few ms.
    assert!(t.elapsed().as_millis() < 2000, "{:?}", t.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text_never_panics(s in "[A-Za-z0-9 .,'’\"“”()\\-\nÄéßКим김정은北京]{0,200}") {
        let tagger = EntityTagger::new();
        let a = article(&s);
        let (e, seg) = run(&tagger, &a);
        let mut last = 0;
        for m in &e.mentions {
            prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
            prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last);
            last = m.span.end;
            prop_assert!(m.referent < e.referents.len());
        }
        let doc = Doc::new(&a, &seg);
        for t in &seg.tokens {
            if let Some(r) = e.pronoun_referent(&doc, t.span) {
                prop_assert!(r < e.referents.len());
            }
        }
    }
}
