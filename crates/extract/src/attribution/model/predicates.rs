//! A hand-written lexicon of attribution predicates by class: verbs and nouns of saying,
//! manner of speaking, belief, intention, evaluation and evidence.
//!
//! The cue tagger's lemma lexicon is learned from the training cues, so a word never seen as a
//! cue there has no lemma and no weight of its own. The classes here give such words a feature
//! they share with the seen members of their class ("pledged" with "promised", "mocked" with
//! "ridiculed"), and make them cue candidates. Every inflection of a base form is generated
//! ([`forms`]): third person, past and participles (irregular ones listed with the base),
//! "-ing" forms, noun plurals, and British "-ise" spellings.

/// Class of a predicate (0: none).
pub type Class = u8;

/// Verbs of communication: saying, telling, reporting, writing.
pub const SAY: Class = 1;
/// Manner of speaking: shouting, chanting, joking, boasting.
pub const MANNER: Class = 2;
/// Cognition and belief: thinking, believing, knowing, fearing.
pub const BELIEF: Class = 3;
/// Intention, plan and commitment: wanting, planning, pledging, refusing.
pub const INTENT: Class = 4;
/// Evaluation and criticism: praising, criticising, mocking, supporting.
pub const EVAL: Class = 5;
/// Evidence and findings: showing, finding, revealing, indicating.
pub const EVIDENCE: Class = 6;
/// Directives and requests: urging, demanding, asking, warning.
pub const DIRECT: Class = 7;
/// Nouns of statements: claim, statement, accusation, remarks.
pub const NOUN_SAY: Class = 8;
/// Nouns of attitude and intention: plan, pledge, belief, criticism, support.
pub const NOUN_ATTITUDE: Class = 9;
/// Number of classes, 0 included.
pub const CLASSES: usize = 10;

/// Verbs by class. An entry is a base form, or `base/past/participle` for an irregular verb.
const VERBS: &[(Class, &str)] = &[
    (
        SAY,
        "say/said/said tell/told/told state add note explain announce declare report \
         write/wrote/written tweet retweet post reply respond answer inform mention remark \
         comment describe repeat reiterate recount recall quote cite speak/spoke/spoken talk \
         discuss address email text publish broadcast/broadcast/broadcast release issue testify \
         disclose confirm acknowledge admit concede insist maintain argue contend assert claim \
         allege affirm reaffirm proclaim assure reassure stress emphasize underscore highlight \
         observe conclude predict estimate forecast/forecast/forecast project point recap \
         summarize characterize portray depict label brand dub term call clarify correct \
         contradict counter rebut retort respond echo confess profess relay convey \
         communicate signal hint imply indicate suggest explain elaborate detail outline \
         specify write blog narrate recite read/read/read preach lecture brief \
         interview telephone phone message caution notify announce advertise tout trumpet \
         pronounce rule decree attest certify swear/swore/sworn vouch deny dispute refute \
         reject dismiss downplay acknowledge recognize",
    ),
    (
        MANNER,
        "shout yell scream cry chant whisper mutter mumble exclaim bark roar boom \
         sing/sang/sung laugh sigh groan grumble grouse snap snarl quip joke jest tease \
         boast brag gush enthuse rant rave complain whine moan lament bemoan bewail protest fume \
         thunder bellow holler howl shriek squeal stammer stutter murmur muse ponder \
         wonder gripe carp crow chime gloat scoff sneer jeer taunt heckle boo cheer \
         applaud hail lash fire/fired/fired blurt spit/spat/spat vent",
    ),
    (
        BELIEF,
        "think/thought/thought believe feel/felt/felt know/knew/known expect hope fear doubt \
         suspect assume presume consider regard view see/saw/seen understand/understood/understood \
         realize recognize imagine guess reckon worry suppose figure trust sense deem judge \
         conclude anticipate foresee/foresaw/foreseen envision envisage perceive remember \
         forget/forgot/forgotten agree disagree bet/bet/bet mean/meant/meant seem appear \
         sound look learn/learned/learned hear/heard/heard gather infer speculate theorize \
         calculate estimate count question wonder dread",
    ),
    (
        INTENT,
        "want plan intend aim seek/sought/sought try decide choose/chose/chosen vow pledge \
         promise threaten propose offer agree refuse decline vote commit resolve determine \
         attempt strive endeavor prefer wish desire need plot scheme push lobby campaign \
         fight/fought/fought press pursue mean/meant/meant hope prepare consider weigh \
         contemplate mull explore negotiate insist volunteer undertake/undertook/undertaken \
         swear/swore/sworn guarantee ensure sign endorse back support oppose nominate \
         appoint approve veto block",
    ),
    (
        EVAL,
        "criticize blame accuse attack praise condemn denounce slam blast mock ridicule \
         deride dismiss reject oppose support back endorse favor applaud welcome celebrate \
         defend question challenge dispute disdain scorn lambaste lambast chide scold rebuke \
         castigate berate assail excoriate pillory skewer savage trash smear disparage \
         belittle insult disparage decry deplore lament regret apologize thank congratulate \
         commend laud hail extol tout champion salute admire credit fault knock hit/hit/hit \
         pan bash rip lampoon satirize vilify demonize target single label \
         brand denigrate discredit undermine rebuff spurn snub shun scold warn \
         complain object resent protest oppose disavow repudiate renounce distance",
    ),
    (
        EVIDENCE,
        "show/showed/shown find/found/found reveal indicate demonstrate prove suggest \
         confirm document establish determine conclude estimate uncover expose illustrate \
         reflect highlight underline record register measure rank rate poll survey \
         tally count project calculate",
    ),
    (
        DIRECT,
        "urge call demand ask request order instruct command encourage invite advise \
         recommend warn caution implore beg plead/pleaded/pleaded appeal press push petition \
         summon direct require insist challenge dare/dared/dared exhort prod nudge lobby \
         pressure pressure goad beseech entreat",
    ),
];

/// Nouns by class (plurals generated).
const NOUNS: &[(Class, &str)] = &[
    (
        NOUN_SAY,
        "statement claim accusation allegation remark comment assertion announcement \
         declaration testimony interview speech address quote quotation tweet post \
         message letter memo report account explanation answer response reply retort \
         rebuttal denial admission confession disclosure revelation warning prediction \
         estimate forecast promise pledge vow threat demand request appeal plea call \
         argument contention insistence suggestion proposal recommendation advice \
         complaint protest objection criticism critique condemnation denunciation \
         praise endorsement rhetoric words conversation remarks briefing op-ed editorial \
         column essay book speech memoir slogan chant rant joke boast insult attack \
         jab swipe dig barb broadside tirade diatribe",
    ),
    (
        NOUN_ATTITUDE,
        "belief view opinion position stance thought sense feeling fear hope concern \
         worry doubt suspicion expectation assumption conviction impression plan \
         intention aim goal desire wish refusal decision determination commitment \
         resolve support opposition backing disdain contempt scorn anger outrage \
         frustration disappointment dismay skepticism scepticism confidence optimism \
         pessimism enthusiasm approval disapproval objection resistance embrace \
         rejection dismissal defense defence agenda vision platform policy idea case \
         insistence argument assessment judgment judgement verdict conclusion finding \
         analysis evidence proof indication sign",
    ),
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a base ends consonant-vowel-consonant ("plan", "admit"), so that its final
/// consonant may double ("planned", "admitting").
fn cvc(w: &[u8]) -> bool {
    match w {
        [.., a, b, c] => {
            !is_vowel(*a) && is_vowel(*b) && !is_vowel(*c) && !matches!(c, b'w' | b'x' | b'y')
        }
        _ => false,
    }
}

/// The "-s" form of a base ("watches", "denies", "says").
fn plural(w: &str) -> String {
    let b = w.as_bytes();
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else if w.ends_with('y') && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

/// Regular verb forms of a base: "-s", "-ed" and "-ing" (both with and without a doubled
/// final consonant when the base ends consonant-vowel-consonant).
fn verb_forms(w: &str, out: &mut Vec<String>) {
    let b = w.as_bytes();
    let Some(&last) = b.last() else { return };
    out.push(w.to_string());
    out.push(plural(w));
    if last == b'e' {
        out.push(format!("{w}d"));
        if let Some(stem) = w.strip_suffix("ie") {
            out.push(format!("{stem}ying"));
        } else if w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe") {
            out.push(format!("{w}ing"));
        } else {
            out.push(format!("{}ing", &w[..w.len() - 1]));
        }
    } else if last == b'y' && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
        out.push(format!("{}ied", &w[..w.len() - 1]));
        out.push(format!("{w}ing"));
    } else {
        out.push(format!("{w}ed"));
        out.push(format!("{w}ing"));
        if cvc(b) {
            out.push(format!("{w}{}ed", last as char));
            out.push(format!("{w}{}ing", last as char));
        }
    }
}

/// Every form of every predicate with its class, British "-ise" spellings included. A form
/// listed in several classes keeps its first class.
pub fn forms() -> Vec<(String, Class)> {
    let mut out: Vec<(String, Class)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |f: String, c: Class, out: &mut Vec<(String, Class)>| {
        if !f.is_empty() && seen.insert(f.clone()) {
            out.push((f, c));
        }
    };
    let mut buf = Vec::new();
    for &(class, list) in VERBS {
        for entry in list.split_whitespace() {
            buf.clear();
            let mut parts = entry.split('/');
            let base = parts.next().unwrap_or("");
            verb_forms(base, &mut buf);
            buf.extend(parts.map(str::to_string));
            if let Some(stem) = base.strip_suffix("ize") {
                verb_forms(&format!("{stem}ise"), &mut buf);
            }
            for f in buf.drain(..) {
                push(f, class, &mut out);
            }
        }
    }
    for &(class, list) in NOUNS {
        for n in list.split_whitespace() {
            push(n.to_string(), class, &mut out);
            push(plural(n), class, &mut out);
        }
    }
    out
}

/// The class of a word form (ASCII letters in any case), 0 when the lexicon lacks it. The
/// table of [`forms`] is built once per process.
pub fn class_of(word: &str) -> Class {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, Class>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| forms().into_iter().collect());
    // Lowercased into a buffer on the stack; no form in the lexicon is longer.
    let mut buf = [0u8; 24];
    if word.len() > buf.len() || !word.is_ascii() {
        return 0;
    }
    let Some(b) = buf.get_mut(..word.len()) else {
        return 0;
    };
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b)
        .ok()
        .and_then(|l| table.get(l).copied())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(w: &str) -> Class {
        forms()
            .into_iter()
            .find(|(f, _)| f == w)
            .map_or(0, |(_, c)| c)
    }

    #[test]
    fn inflections_are_generated() {
        assert_eq!(class("pledged"), INTENT);
        assert_eq!(class("denouncing"), EVAL);
        assert_eq!(class("mocked"), EVAL);
        assert_eq!(class("chanting"), MANNER);
        assert_eq!(class("admitted"), SAY);
        assert_eq!(class("criticised"), EVAL);
        assert_eq!(class("denies"), SAY);
        assert_eq!(class("thought"), BELIEF);
        assert_eq!(class("accusations"), NOUN_SAY);
        assert_eq!(class("table"), 0);
    }
}
