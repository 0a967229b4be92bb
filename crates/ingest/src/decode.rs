//! Bytes to text: byte-order marks, UTF-16, binary detection and lossy UTF-8.

use crate::{IngestError, Origin};

/// Decodes a whole file. Returns the text and an optional warning.
///
/// - a UTF-8 byte-order mark is dropped;
/// - UTF-16 with a byte-order mark (either order) is decoded;
/// - a NUL byte anywhere means binary: refused (the whole input is scanned, at memchr speed);
/// - invalid UTF-8 is decoded lossily (U+FFFD for each bad sequence) with a warning naming the
///   first bad byte offset.
pub(crate) fn decode(
    bytes: &[u8],
    origin: &Origin,
) -> Result<(String, Option<String>), IngestError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, origin);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(rest, u16::from_be_bytes));
    }
    decode_utf8(bytes, origin)
}

/// Decodes an HTML page: [`decode`], except that a page that is not UTF-8 and declares a
/// Latin-1 charset near its top (`<meta charset="windows-1252">`, `content="text/html;
/// charset=iso-8859-1"`) is read in that charset, as a browser reads it: Windows-1252, which
/// browsers use for every Latin-1 and ASCII label.
pub(crate) fn decode_html(
    bytes: &[u8],
    origin: &Origin,
) -> Result<(String, Option<String>), IngestError> {
    if std::str::from_utf8(bytes).is_err()
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && declares_windows_1252(bytes)
    {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(IngestError::Binary {
                origin: origin.clone(),
                offset,
            });
        }
        return Ok((bytes.iter().map(|&b| windows_1252(b)).collect(), None));
    }
    decode(bytes, origin)
}

/// The labels browsers read as Windows-1252 (WHATWG Encoding Standard).
const WINDOWS_1252_LABELS: &[&str] = &[
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// True when the page's first 1024 bytes (where a browser looks) declare a charset that is
/// read as Windows-1252.
fn declares_windows_1252(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes).to_ascii_lowercase();
    let key = b"charset";
    let mut from = 0;
    while let Some(pos) = head
        .get(from..)
        .and_then(|h| h.windows(key.len()).position(|w| w == key))
    {
        let mut i = from + pos + key.len();
        from = i;
        while head.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if head.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while head
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\''))
        {
            i += 1;
        }
        let start = i;
        while head.get(i).is_some_and(|b| {
            !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b';' | b'>' | b'/')
        }) {
            i += 1;
        }
        let label = head.get(start..i).unwrap_or_default();
        return WINDOWS_1252_LABELS.iter().any(|l| l.as_bytes() == label);
    }
    false
}

/// One Windows-1252 byte as a character (WHATWG's table: the five unassigned bytes are the C1
/// controls of the same number, as in Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn decode_utf8(bytes: &[u8], origin: &Origin) -> Result<(String, Option<String>), IngestError> {
    // `contains` on bytes is a memchr scan; the offset is looked for only when there is one.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(IngestError::Binary {
            origin: origin.clone(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(e) => {
            let warning = format!(
                "invalid UTF-8 at byte {}: bad sequences replaced with U+FFFD, offsets refer to the decoded text",
                e.valid_up_to()
            );
            Ok((String::from_utf8_lossy(bytes).into_owned(), Some(warning)))
        }
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<String>) {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut bad = 0usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                bad += 1;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    let odd = bytes.len() % 2 == 1;
    if odd {
        // A byte left over is a broken character, as a browser shows it.
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let warning = (bad > 0 || odd).then(|| {
        format!(
            "UTF-16 input with {bad} unpaired surrogate(s){}: replaced with U+FFFD",
            if odd { " and an odd trailing byte" } else { "" }
        )
    });
    (text, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::file("x.txt")
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let (t, w) = decode(b"\xEF\xBB\xBFHello", &origin()).expect("decodes");
        assert_eq!(t, "Hello");
        assert!(w.is_none());
    }

    #[test]
    fn utf16_le_and_be_are_decoded() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Kang 강".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Kang 강".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le, &origin()).expect("le").0, "Kang 강");
        assert_eq!(decode(&be, &origin()).expect("be").0, "Kang 강");
    }

    #[test]
    fn a_trailing_odd_byte_of_utf16_is_a_replacement_character() {
        // The warning said the odd byte was "replaced with U+FFFD", but it was dropped
        // without a trace in the text.
        let (t, w) = decode(b"\xFF\xFEa\x00b", &origin()).expect("decodes");
        assert_eq!(t, "a\u{FFFD}");
        assert!(w.expect("warning").contains("odd trailing byte"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"PK\x03\x04\x00\x00", &origin()).expect_err("binary");
        assert!(err.to_string().contains("binary file"), "{err}");
    }

    #[test]
    fn nul_byte_after_the_first_8_kib_means_binary() {
        // Only the first 8 KiB were checked, though files with NUL bytes are refused.
        let mut bytes = "The minister spoke.\n".repeat(600).into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"\x00\x01\x02 more");
        let err = decode(&bytes, &origin()).expect_err("binary");
        assert_eq!(
            err.to_string(),
            format!("x.txt: binary file, not text (NUL byte at offset {at})")
        );
        assert!(at > 8192);
    }

    #[test]
    fn a_declared_latin1_charset_is_read_as_windows_1252() {
        // Pages that declare windows-1252 or iso-8859-1 were read as UTF-8: every accented
        // letter and curly quote became U+FFFD, with a warning.
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Jos\xe9 M\xfcller said \x93soon\x94 \x80 5.</p></body></html>";
        let (t, w) = decode_html(page, &origin()).expect("decodes");
        assert!(
            t.contains("Caf\u{e9}</title>")
                && t.contains("Jos\u{e9} M\u{fc}ller said \u{201C}soon\u{201D} \u{20AC} 5."),
            "{t}"
        );
        assert!(w.is_none());
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>Le caf\xe9.</p>";
        assert!(decode_html(page, &origin())
            .expect("decodes")
            .0
            .contains("Le caf\u{e9}."));
        // UTF-8 stays UTF-8 whatever the page declares; an undeclared or other charset is
        // decoded lossily, with the warning.
        let utf8 = "<meta charset=\"iso-8859-1\"><p>Caf\u{e9}</p>";
        assert_eq!(
            decode_html(utf8.as_bytes(), &origin()).expect("utf-8").0,
            utf8
        );
        let (t, w) =
            decode_html(b"<meta charset=\"koi8-r\"><p>\xe9</p>", &origin()).expect("lossy");
        assert!(t.contains('\u{FFFD}') && w.is_some());
        let (t, w) = decode_html(b"<p>Caf\xe9</p>", &origin()).expect("lossy");
        assert!(t.contains('\u{FFFD}') && w.is_some());
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_warning() {
        let (t, w) = decode(b"caf\xe9 au lait", &origin()).expect("lossy");
        assert_eq!(t, "caf\u{FFFD} au lait");
        assert!(w.expect("warning").contains("invalid UTF-8 at byte 3"));
    }
}
