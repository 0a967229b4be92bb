//! The report read back by real clients: headless LibreOffice for CSV (plain and `--excel`) and
//! XLSX, headless Chromium for the HTML page.
//!
//! On a machine without LibreOffice or Chromium these tests say so and pass; CI installs both and
//! sets `CLAIMSHEET_REQUIRE_CLIENTS=1`, which turns a missing client into a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/seed-korea-trump-kim.txt"
);

fn require_clients() -> bool {
    std::env::var_os("CLAIMSHEET_REQUIRE_CLIENTS").is_some_and(|v| v != "0")
}

/// The path of the first of `names` found on PATH.
fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn client(names: &[&str]) -> Option<PathBuf> {
    let found = which(names);
    if found.is_none() {
        assert!(
            !require_clients(),
            "{names:?} is not installed but CLAIMSHEET_REQUIRE_CLIENTS is set"
        );
        eprintln!("SKIPPED: {names:?} not installed (CI installs it)");
    }
    found
}

fn claimsheet(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(args)
        .output()
        .expect("claimsheet runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An input that exercises every cell hazard: Korean names, curly quotes, em dashes, a cell with
/// a newline and quotes (the id), cells that look like formulas.
fn hazard_input(dir: &Path) -> PathBuf {
    let text = "Kang Kyung-wha (강경화) crossed the \u{201C}Bridge of No Return\u{201D} on foot \u{2014} not before November.\n=SUM(A1:A9) was typed into the form on Monday.\n-5 degrees was the low on Friday in Seoul.\n@channel was posted by the account on Tuesday.\n+44 numbers were called by the firm last week.";
    let record =
        serde_json::json!({"id": "line one\nline \"two\"", "date": "2025-10-19", "text": text});
    let p = dir.join("hazards.jsonl");
    std::fs::write(&p, format!("{record}\n")).expect("write input");
    p
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read csv");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_string).collect())
        .collect()
}

/// Has LibreOffice read `input` and write its first sheet back as UTF-8 CSV into `outdir`.
fn libreoffice_to_csv(soffice: &Path, input: &Path, outdir: &Path, profile: &Path) -> PathBuf {
    let is_csv = input.extension().is_some_and(|e| e == "csv");
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore"]);
    if is_csv {
        // Comma, double quote, UTF-8, from row 1; every column as text so nothing is reinterpreted.
        cmd.arg("--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2/11/2/12/2/13/2/14/2/15/2/16/2/17/2/18/2/19/2/20/2/21/2/22/2");
    }
    let status = cmd
        .args([
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
        ])
        .arg("--outdir")
        .arg(outdir)
        .arg(input)
        .status()
        .expect("soffice runs");
    assert!(
        status.success(),
        "LibreOffice converted {}",
        input.display()
    );
    let out = outdir.join(input.with_extension("csv").file_name().expect("name"));
    assert!(out.is_file(), "LibreOffice wrote {}", out.display());
    out
}

#[test]
fn csv_and_xlsx_cells_survive_libreoffice() {
    let Some(soffice) = client(&["soffice", "libreoffice"]) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let input = hazard_input(dir.path());
    let plain = dir.path().join("plain.csv");
    let excel = dir.path().join("excel.csv");
    let xlsx = dir.path().join("book.xlsx");
    let i = input.to_str().expect("path");
    claimsheet(&["extract", i, "-o", plain.to_str().expect("p")]);
    claimsheet(&["extract", "--excel", i, "-o", excel.to_str().expect("p")]);
    claimsheet(&[
        "extract",
        "--format",
        "xlsx",
        i,
        "-o",
        xlsx.to_str().expect("p"),
    ]);
    // XLSX cells are typed strings, never formulas, so they need no apostrophe guard: compare them
    // with the unguarded CSV.
    let raw = dir.path().join("raw.csv");
    claimsheet(&[
        "extract",
        "--no-formula-guard",
        i,
        "-o",
        raw.to_str().expect("p"),
    ]);
    let written = read_csv(&plain);
    let unguarded = read_csv(&raw);
    assert!(written.len() >= 6, "header and five claims");
    assert!(
        written.iter().all(|r| r.len() == 22),
        "22 columns on every row written"
    );
    let profile = dir.path().join("lo-profile");
    for (input, name) in [(&plain, "plain"), (&excel, "excel"), (&xlsx, "xlsx")] {
        let outdir = dir.path().join(format!("back-{name}"));
        std::fs::create_dir_all(&outdir).expect("mkdir");
        let back = read_csv(&libreoffice_to_csv(&soffice, input, &outdir, &profile));
        let written = if name == "xlsx" { &unguarded } else { &written };
        assert_eq!(back.len(), written.len(), "{name}: row count");
        for (r, (got, want)) in back.iter().zip(written.iter()).enumerate() {
            let got: Vec<&str> = got.iter().map(String::as_str).collect();
            let want: Vec<&str> = want.iter().map(String::as_str).collect();
            assert_eq!(got.len(), 22, "{name} row {r}: column count");
            assert_eq!(got, want, "{name} row {r}: cells read back as written");
        }
        let claims: Vec<&str> = back.iter().map(|r| r[6].as_str()).collect();
        assert!(
            claims
                .iter()
                .any(|c| c.contains("강경화") && c.contains('\u{201C}') && c.contains('\u{2014}')),
            "{name}"
        );
        assert!(
            back.iter()
                .skip(1)
                .all(|r| r[0] == "line one\nline \"two\""),
            "{name}: id with a newline and quotes"
        );
        let guard = if name == "xlsx" { "" } else { "'" };
        let formula = format!("{guard}=SUM(A1:A9) was typed into the form on Monday.");
        let minus = format!("{guard}-5 degrees was the low on Friday in Seoul.");
        assert!(
            claims.contains(&formula.as_str()),
            "{name}: formula kept as text"
        );
        assert!(
            claims.contains(&minus.as_str()),
            "{name}: minus kept as text"
        );
    }
}

#[test]
fn html_page_renders_offline_in_chromium() {
    let Some(chromium) = client(&["chromium", "chromium-browser", "google-chrome"]) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("report.html");
    claimsheet(&[
        "extract",
        "--date",
        "2025-10-19",
        "--format",
        "html",
        SEED,
        "-o",
        page.to_str().expect("p"),
    ]);
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for attr in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "@import",
        "url(http",
    ] {
        assert!(!html.contains(attr), "no external asset ({attr})");
    }
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let profile = dir.path().join("chromium-profile");
    let url = format!("file://{}", page.display());
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-seed.png");
    let status = Command::new(&chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--window-size=1280,1600")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .status()
        .expect("chromium runs");
    assert!(status.success());
    let png = std::fs::read(&shot).expect("screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "a real screenshot"
    );
    let out = Command::new(&chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("claimsheet report"), "rendered");
    assert!(
        dom.contains("US officials are considering arranging a meeting"),
        "claims are shown"
    );
    assert!(dom.contains("But there is no sign yet"), "claims are shown");
    assert!(dom.contains("(article)"), "speakers are shown");
    let csv = Command::new(env!("CARGO_BIN_EXE_claimsheet"))
        .args(["extract", "--date", "2025-10-19", SEED])
        .output()
        .expect("claimsheet runs");
    let rows = csv::Reader::from_reader(csv.stdout.as_slice())
        .records()
        .count();
    assert!(rows > 10);
    assert!(
        dom.contains(&format!("{rows} claims")),
        "the claim count ({rows}) is shown"
    );
}
