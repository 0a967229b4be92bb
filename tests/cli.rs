//! End-to-end tests of the `claimsheet` binary: rows a user sees, exit codes and messages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::csv_rows;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/seed-korea-trump-kim.txt"
);
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

fn claimsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(args)
        .output()
        .expect("claimsheet runs")
}

fn claimsheet_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimsheet starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("claimsheet ends")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).expect(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn seed_article_gives_one_row_per_body_sentence_and_none_for_furniture() {
    let out = claimsheet(&["extract", "--date", "2025-10-19", SEED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        header,
        [
            "article_id",
            "claim_id",
            "paragraph",
            "sentence",
            "start",
            "end",
            "claim",
            "kind",
            "speaker",
            "speaker_type",
            "speaker_role",
            "cue",
            "source_chain",
            "anonymous",
            "quote",
            "said_on",
            "certainty",
            "polarity",
            "hedges",
            "verification",
            "entities",
            "dates"
        ]
    );
    let claim = col(&header, "claim");
    let claims: Vec<&str> = rows.iter().map(|r| r[claim].as_str()).collect();
    assert!(claims[0].starts_with("US officials are considering arranging a meeting"));
    // Kang's quote of two sentences is one claim.
    assert!(claims.iter().any(
        |c| c.contains("President Trump has said he is open to dialogue")
            && c.contains("(leaning toward dialogue). But there is no sign yet")
    ));
    assert!(!claims
        .iter()
        .any(|c| c.starts_with("But there is no sign yet")));
    // Never the heading, byline, e-mail or editor's note.
    for furniture in [
        "SEOUL DISMISSES",
        "By Sookyung Seo",
        "skseo@hankyung.com",
        "edited this article",
    ] {
        assert!(
            !claims.iter().any(|c| c.contains(furniture)),
            "{furniture} is not a claim"
        );
    }
    // The closing sentence is a claim; what follows it (byline, e-mail, note) is not.
    assert!(claims
        .iter()
        .any(|c| c.starts_with("The reported internal discussions")));
}

#[test]
fn seed_article_offsets_round_trip_to_the_claim_text() {
    let text = std::fs::read_to_string(SEED).expect("seed");
    let chars: Vec<char> = text.chars().collect();
    let out = claimsheet(&["extract", "--date", "2025-10-19", SEED]);
    let (header, rows) = csv_rows(&out.stdout);
    let (start, end, claim) = (
        col(&header, "start"),
        col(&header, "end"),
        col(&header, "claim"),
    );
    assert!(!rows.is_empty());
    for row in &rows {
        let a: usize = row[start].parse().expect("start");
        let b: usize = row[end].parse().expect("end");
        let slice: String = chars[a..b].iter().collect();
        assert_eq!(slice, row[claim], "code point offsets {a}..{b}");
    }
}

#[test]
fn claim_ids_do_not_depend_on_threads_or_input_order() {
    let meantime = format!("{CORPUS}/wikinews-meantime.jsonl");
    let ids = |args: &[&str]| {
        let out = claimsheet(args);
        assert!(out.status.success(), "{}", stderr(&out));
        let (header, rows) = csv_rows(&out.stdout);
        let (a, c) = (col(&header, "article_id"), col(&header, "claim_id"));
        let mut v: Vec<(String, String)> =
            rows.iter().map(|r| (r[a].clone(), r[c].clone())).collect();
        v.sort();
        v
    };
    let one = ids(&[
        "extract",
        "-j",
        "1",
        "--date",
        "2025-10-19",
        SEED,
        &meantime,
    ]);
    let two = ids(&[
        "extract",
        "-j",
        "2",
        "--date",
        "2025-10-19",
        &meantime,
        SEED,
    ]);
    assert_eq!(one, two);
    let unique: std::collections::HashSet<_> = one.iter().map(|(_, c)| c).collect();
    assert_eq!(unique.len(), one.len(), "claim ids are unique");
}

#[test]
fn annotate_writes_gold_format_records_with_code_point_offsets() {
    let out = claimsheet(&["annotate", "--date", "2025-10-19", SEED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(SEED).expect("seed");
    let chars: Vec<char> = text.chars().collect();
    let line = String::from_utf8(out.stdout).expect("utf-8");
    let rec: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON record");
    assert_eq!(rec["id"], SEED);
    assert_eq!(rec["date"], "2025-10-19");
    for layer in [
        "entities",
        "timexes",
        "cues",
        "attributions",
        "claims",
        "sentences",
    ] {
        assert!(rec[layer].is_array(), "{layer} is a list");
    }
    let sentences = rec["sentences"].as_array().expect("sentences");
    let first = &sentences[0];
    let (a, b) = (
        first["start"].as_u64().expect("start") as usize,
        first["end"].as_u64().expect("end") as usize,
    );
    let s: String = chars[a..b].iter().collect();
    assert!(
        s.starts_with("US officials") && s.ends_with("familiar with the matter."),
        "{s}"
    );
    // The curly apostrophe before this sentence makes bytes and code points differ.
    let kang = sentences
        .iter()
        .map(|x| {
            chars[x["start"].as_u64().expect("s") as usize..x["end"].as_u64().expect("e") as usize]
                .iter()
                .collect::<String>()
        })
        .find(|x| x.starts_with("She added"))
        .expect("the She added sentence");
    assert!(
        kang.ends_with("\u{201C}the possibility open.\u{201D}"),
        "{kang}"
    );
}

#[test]
fn folders_are_read_recursively_in_sorted_order() {
    let out = claimsheet(&["annotate", "--date", "2025-10-19", CORPUS]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["id"]
                .as_str()
                .expect("id")
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), 1 + 60 + 24);
    assert!(ids[0].ends_with("seed-korea-trump-kim.txt"), "{}", ids[0]);
    assert!(
        stderr(&out).contains("85 articles read, 85 written"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_path_is_named_and_the_rest_still_runs() {
    let out = claimsheet(&["extract", "--date", "2025-10-19", "no/such/file.txt", SEED]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no/such/file.txt: no such file or folder"),
        "{err}"
    );
    assert!(err.contains("1 articles read, 1 written"), "{err}");
    assert!(err.contains("1 failed"), "{err}");
    let (_, rows) = csv_rows(&out.stdout);
    assert!(rows.len() > 10);
}

#[test]
fn empty_folder_binary_and_empty_files_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty_dir = dir.path().join("nothing");
    std::fs::create_dir(&empty_dir).expect("mkdir");
    write(&empty_dir, "notes.md", b"# not an article format");
    let binary = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let empty = write(dir.path(), "empty.txt", b"  \n\n ");
    let out = claimsheet(&["extract", s(&empty_dir), s(&binary), s(&empty), SEED]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nothing: folder holds no articles"), "{err}");
    assert!(err.contains("photo.txt: binary file, not text"), "{err}");
    assert!(err.contains("empty.txt: empty input, no text"), "{err}");
    assert!(
        err.contains("1 articles read, 1 written") && err.contains("3 failed"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"The caf\xe9 reopened on Monday after a long renovation.\n",
    );
    let out = claimsheet(&["extract", s(&latin1)]);
    assert_eq!(out.status.code(), Some(0), "a warning is not a failure");
    let err = stderr(&out);
    assert!(err.contains("latin1.txt: invalid UTF-8 at byte 7"), "{err}");
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        rows[0][col(&header, "claim")],
        "The caf\u{FFFD} reopened on Monday after a long renovation."
    );
}

#[test]
fn utf16_with_a_bom_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Kang Kyung-wha (강경화) visited Gyeongju on Friday with a small delegation.\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let p = write(dir.path(), "utf16.txt", &bytes);
    let out = claimsheet(&["extract", s(&p)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(rows[0][col(&header, "claim")], text.trim_end());
}

#[test]
fn bad_jsonl_lines_are_named_and_good_lines_still_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "batch.jsonl",
        b"{\"id\": \"a\", \"text\": \"Officials said the talks would resume in May.\", \"date\": \"2024-03-01\"}\n{not json\n{\"id\": \"c\", \"body\": \"no text key\"}\n\n{\"id\": \"d\", \"text\": \"The minister resigned on Tuesday after a vote.\"}\n",
    );
    let out = claimsheet(&["extract", s(&p)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("batch.jsonl:2: not a JSON object"), "{err}");
    assert!(
        err.contains("batch.jsonl:3: record has no \"text\" string"),
        "{err}"
    );
    assert!(
        err.contains("2 articles read, 2 written") && err.contains("2 failed"),
        "{err}"
    );
    let (header, rows) = csv_rows(&out.stdout);
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r[col(&header, "article_id")].as_str())
        .collect();
    assert_eq!(ids, ["a", "d"]);
}

#[test]
fn huge_article_is_refused_with_the_limit_named_unless_raised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read_to_string(SEED).expect("seed");
    let mut big = String::with_capacity(51 * 1024 * 1024);
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&seed);
    }
    let p = write(dir.path(), "huge.txt", big.as_bytes());
    let out = claimsheet(&["extract", s(&p), SEED]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("huge.txt: article is 524")
            && err.contains("over the limit of 16777216 bytes"),
        "{err}"
    );
    assert!(err.contains("1 articles read, 1 written"), "{err}");
    // Raised, the same article runs through the whole pipeline.
    let out = claimsheet(&["annotate", "--max-article-bytes", "60000000", s(&p)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 articles read, 1 written"));
}

#[test]
fn stdin_takes_text_or_jsonl() {
    let out = claimsheet_stdin(
        &["extract", "-"],
        b"The council voted on Monday to close the bridge.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(rows[0][col(&header, "article_id")], "-");
    let out = claimsheet_stdin(&["extract", "-"], b"{\"id\": \"x1\", \"text\": \"The council voted to close the bridge.\"}\n{\"id\": \"x2\", \"text\": \"The mayor agreed with the council.\"}\n");
    let (header, rows) = csv_rows(&out.stdout);
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r[col(&header, "article_id")].as_str())
        .collect();
    assert_eq!(ids, ["x1", "x2"]);
}

#[test]
fn usage_errors_exit_2() {
    let out = claimsheet(&["extract"]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimsheet(&["extract", "--date", "19/10/2025", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a date in the form YYYY-MM-DD"));
    let out = claimsheet(&["extract", "-o", "/no/such/dir/out.csv", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot create /no/such/dir/out.csv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn excel_flavour_has_bom_and_crlf() {
    let out = claimsheet(&["extract", "--excel", "--date", "2025-10-19", SEED]);
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFarticle_id,"));
    assert!(out.stdout.windows(2).any(|w| w == b"\r\n"));
}

#[test]
fn bench_prints_speed_for_every_stage() {
    let out = claimsheet(&["bench", "--runs", "1", "--date", "2025-10-19", SEED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("MB/s") && text.contains("tokens/s") && text.contains("articles/s"),
        "{text}"
    );
    for stage in [
        "segment",
        "time",
        "entities",
        "hedge",
        "attribution",
        "claims",
        "report",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(stage)),
            "{stage} in {text}"
        );
    }
}

#[test]
fn seed_article_snapshot() {
    let out = claimsheet(&[
        "extract",
        "--date",
        "2025-10-19",
        "corpus/seed-korea-trump-kim.txt",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!("seed_claims_csv", String::from_utf8_lossy(&out.stdout));
}

/// Whole claim tables of three bundled Wikinews articles (CC BY, see corpus/ATTRIBUTION.md): a
/// diplomatic conflict with government speakers, a company statement with its dates, and an
/// aircraft order with products and companies.
#[test]
fn wikinews_article_snapshots() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, id) in [
        ("wikinews-gum.jsonl", "GUM_news_korea"),
        ("wikinews-meantime.jsonl", "195869_Apple_to_give_free_cases"),
        (
            "wikinews-meantime.jsonl",
            "11716_Airbus_wins_Qatar_Airways_order_worth_15bn",
        ),
    ] {
        let lines = std::fs::read_to_string(format!("{CORPUS}/{file}")).expect("corpus file");
        let key = format!("\"id\": \"{id}\"");
        let line = lines
            .lines()
            .find(|l| l.contains(&key))
            .expect("article in the corpus");
        let path = write(dir.path(), &format!("{id}.jsonl"), line.as_bytes());
        let out = claimsheet(&["extract", s(&path)]);
        assert!(out.status.success(), "{}", stderr(&out));
        let csv = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(csv.lines().count() > 5, "{id}: {csv}");
        insta::assert_snapshot!(format!("wikinews_{id}"), csv);
    }
}

#[test]
fn html_pages_give_text_title_and_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = write(
        dir.path(),
        "story.html",
        "<!doctype html><html><head><title>Talks stall</title><meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\"><script>var a = '<p>no</p>';</script></head><body><nav>Home</nav><h1>Talks stall</h1><p>The ministers met on Tuesday &amp; agreed on nothing.</p><p>By Jane Roe</p></body></html>".as_bytes(),
    );
    let out = claimsheet(&["annotate", s(&page)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rec["date"], "2024-05-02");
    assert_eq!(rec["title"], "Talks stall");
    let kinds: Vec<&str> = rec["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["title", "body", "byline"]);
    let out = claimsheet(&["extract", s(&page)]);
    let (header, rows) = csv_rows(&out.stdout);
    assert!(
        rows.iter().all(|r| r[col(&header, "paragraph")] == "2"),
        "only the body paragraph gives claims"
    );
    assert_eq!(
        rows[0][col(&header, "claim")],
        "The ministers met on Tuesday & agreed on nothing."
    );
}

#[test]
fn output_over_an_input_is_refused_before_the_input_is_truncated() {
    // `extract victim.txt -o victim.txt` truncated the article before reading it.
    let dir = tempfile::tempdir().expect("tempdir");
    let article = b"The minister said on Monday that talks would resume.\n";
    let victim = write(dir.path(), "victim.txt", article);
    let out = claimsheet(&["extract", s(&victim), "-o", s(&victim)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is the input") && stderr(&out).contains("victim.txt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&victim).expect("still there"), article);

    // The same file by another spelling, and through annotate.
    let other_spelling = dir.path().join(".").join("victim.txt");
    let out = claimsheet(&["annotate", s(&victim), "-o", s(&other_spelling)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&victim).expect("still there"), article);

    // --tables writing claims.csv over an input of that name.
    let tables = dir.path().join("tables");
    std::fs::create_dir(&tables).expect("mkdir");
    let claims = write(&tables, "claims.csv", b"keep me");
    let out = claimsheet(&["extract", s(&victim), s(&claims), "--tables", s(&tables)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&claims).expect("still there"), b"keep me");

    // An output that the input folder would read; a CSV there is fine (folders skip it).
    let out = claimsheet(&[
        "annotate",
        s(dir.path()),
        "-o",
        s(&dir.path().join("out.jsonl")),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("input folder"), "{}", stderr(&out));
    assert!(!dir.path().join("out.jsonl").exists());
    let csv_out = dir.path().join("out.csv");
    let out = claimsheet(&["extract", s(&victim), "-o", s(&csv_out)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(csv_out.exists());
}

/// Regression: `-o -` wrote a file named "-" instead of standard output.
#[test]
fn dash_as_output_is_standard_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(
        dir.path(),
        "a.txt",
        b"The minister said on Monday that talks would resume.\n",
    );
    for (command, expected) in [
        ("extract", "talks would resume"),
        ("annotate", "\"attributions\""),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
            .args([command, s(&article), "--date", "2025-10-19", "-o", "-"])
            .current_dir(dir.path())
            .output()
            .expect("claimsheet runs");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "{command}: {stdout}");
        assert!(
            !dir.path().join("-").exists(),
            "{command} wrote a file named -"
        );
    }
}

/// Regression: a failed write printed its cause twice ("cannot write output: X: X"), once in the
/// report error's message and once as its source.
#[test]
fn a_full_disk_is_one_clear_message() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for format in ["csv", "html", "jsonl"] {
        let out = claimsheet(&[
            "extract",
            SEED,
            "--date",
            "2025-10-19",
            "--format",
            format,
            "-o",
            "/dev/full",
        ]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = stderr(&out);
        assert_eq!(
            err.matches("No space left on device").count(),
            1,
            "{format}: {err}"
        );
        assert!(err.contains("cannot write output"), "{format}: {err}");
    }
}

/// Regression: the XLSX writer's temporary files are made with `unwrap` inside
/// rust_xlsxwriter, so an unwritable temporary directory panicked; it is now an error that names
/// the directory, before any work.
#[test]
fn xlsx_with_an_unwritable_temporary_directory_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("claimsheet-xlsx-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let target = dir.join("claims.xlsx");
    let out = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(["extract", SEED, "--format", "xlsx", "-o"])
        .arg(&target)
        .env("TMPDIR", "/nonexistent-claimsheet-tmp")
        .output()
        .expect("claimsheet runs");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("/nonexistent-claimsheet-tmp"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!target.exists(), "no workbook is written");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A saved news page gives the story's claims only: the cookie banner, the caption, the
/// related-stories box and the footer were claims of the article before.
#[test]
fn a_news_page_gives_claims_from_its_story_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("story.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html><head><title>Bridge to close | City News</title>
<meta property="article:published_time" content="2025-10-19T08:30:00Z"></head><body>
<nav><a href="/">Home</a></nav>
<div class="cookie-consent">We use cookies to improve your experience on our website.</div>
<article><h1>Bridge to close for repairs</h1>
<p>The mayor said on Friday that the old bridge will close for repairs next month.</p>
<figure><img src="b.jpg"><figcaption>The old bridge seen from the river bank on Thursday.</figcaption></figure>
<p>Engineers found cracks in two of its supports in August.</p>
<div class="related-links"><p>Ferry services will be extended over the winter months.</p></div>
</article>
<footer><p>All content is owned by City News and may not be copied.</p></footer>
</body></html>"#,
    )
    .expect("page written");
    let out = claimsheet(&["extract", page.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    let claim = header
        .iter()
        .position(|h| h == "claim")
        .expect("claim column");
    let claims: Vec<&str> = rows.iter().map(|r| r[claim].as_str()).collect();
    assert!(
        claims
            .iter()
            .any(|c| c.contains("the old bridge will close")),
        "{claims:?}"
    );
    assert!(
        claims
            .iter()
            .any(|c| c.starts_with("Engineers found cracks")),
        "{claims:?}"
    );
    for furniture in [
        "cookies",
        "river bank",
        "Ferry",
        "owned by",
        "Bridge to close",
    ] {
        assert!(
            !claims.iter().any(|c| c.contains(furniture)),
            "{furniture}: {claims:?}"
        );
    }
    let said_on = header.iter().position(|h| h == "said_on").expect("said_on");
    assert!(
        rows.iter().any(|r| r[said_on] == "2025-10-17"),
        "dated from the page's meta"
    );
}

#[test]
fn repeated_jsonl_ids_get_distinct_claim_ids_and_a_warning() {
    // An archive that repeats an id (the same wire story scraped twice) gave two rows with one
    // claim_id, silently: claim_id stopped being a key, and attributions.csv joined both.
    let dir = tempfile::tempdir().expect("temp dir");
    let line = r#"{"id": "story-1", "text": "The minister said the bridge will close on Monday."}"#;
    let other = r#"{"id": "story-2", "text": "The mayor said taxes will rise."}"#;
    let input = write(
        dir.path(),
        "a.jsonl",
        format!("{line}\n{other}\n{line}\n").as_bytes(),
    );
    let out = claimsheet(&["extract", s(&input)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&out.stdout);
    let id = col(&header, "claim_id");
    let article = col(&header, "article_id");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][article], rows[2][article]);
    assert_ne!(rows[0][id], rows[2][id], "claim ids repeat");
    assert!(
        stderr(&out).contains(&format!(
            "{}:3: id \"story-1\" repeats an earlier article's id",
            s(&input)
        )),
        "{}",
        stderr(&out)
    );
    // The first article keeps the id it has when alone.
    let first = write(dir.path(), "b.jsonl", format!("{line}\n").as_bytes());
    let alone = claimsheet(&["extract", s(&first)]);
    let (_, alone_rows) = csv_rows(&alone.stdout);
    assert_eq!(alone_rows[0][id], rows[0][id]);
    // The tables join each attribution to its own claim.
    let tables = dir.path().join("tables");
    let out = claimsheet(&["extract", s(&input), "--tables", s(&tables)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let attributions = std::fs::read(tables.join("attributions.csv")).expect("attributions");
    let (aheader, arows) = csv_rows(&attributions);
    let aid = col(&aheader, "claim_id");
    let mut ids: Vec<&str> = arows.iter().map(|r| r[aid].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), arows.len(), "{arows:?}");
}

#[test]
fn an_absurd_thread_count_is_a_usage_error_not_a_hang() {
    // `-j 100000` started a hundred thousand threads: the run hung for minutes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(["extract", SEED, "-j", "100000", "-o", "/dev/null"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimsheet starts");
    let started = std::time::Instant::now();
    while child.try_wait().expect("poll").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("-j 100000 still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("100000 threads is more than the 1024 allowed"),
        "{}",
        stderr(&out)
    );
    let ok = claimsheet(&["extract", SEED, "-j", "3", "-o", "/dev/null"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn tables_into_an_existing_file_says_it_is_not_a_folder() {
    // `--tables notes.txt` said "notes.txt: File exists (os error 17)", which reads as a
    // refusal to overwrite.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "notes.txt", b"keep me");
    let out = claimsheet(&["extract", SEED, "--tables", s(&file)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("notes.txt is a file, not a folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&file).expect("still there"), b"keep me");
}

#[test]
fn messages_in_a_terminal_are_not_glued_to_the_progress_line() {
    // With stderr a terminal, a warning met after the first batch was written onto the
    // spinner's line: "⠁ 256 articles 17,488/s [0s]   claimsheet: warning: ...".
    // `script` (util-linux) gives the run a terminal; without it there is nothing to check.
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let line = "{\"id\": \"same\", \"text\": \"The mayor said taxes will rise.\"}\n";
    let input = write(dir.path(), "w.jsonl", line.repeat(600).as_bytes());
    let command = format!(
        "{} extract {} -o /dev/null",
        env!("CARGO_BIN_EXE_claimsheet"),
        s(&input)
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("599 warnings"), "{shown}");
    for l in shown.split(['\r', '\n']) {
        assert!(
            !(l.contains(" articles ") && l.contains("claimsheet: warning")),
            "a warning shares the progress line: {l:?}"
        );
    }
}

/// Regression: `claimsheet extract archive.jsonl | head` ended with "claimsheet: error: cannot
/// write CSV: Broken pipe (os error 32)" and exit status 2 once `head` had its lines. A reader
/// that goes away now ends the run quietly, with status 0, for every output format.
#[test]
fn a_reader_closing_the_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    let seed = std::fs::read_to_string(SEED).expect("seed article");
    let line = format!(
        "{}\n",
        serde_json::json!({"text": seed, "date": "2025-10-19"})
    );
    let dir = std::env::temp_dir().join(format!("claimsheet-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("archive.jsonl");
    // Far more output than a pipe holds (64 KiB), so the writer meets the closed pipe.
    std::fs::write(&input, line.repeat(400)).expect("write archive");
    for args in [
        &["extract", "--format", "csv"][..],
        &["extract", "--format", "jsonl"][..],
        &["annotate"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
            .args(args)
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("claimsheet starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("first line");
        assert!(!first.is_empty(), "{args:?}");
        // The reader is dropped here, as `head -1` exits.
        let out = child.wait_with_output().expect("claimsheet ends");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("error"), "{args:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
