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
    fn invalid_utf8_is_lossy_with_a_warning() {
        let (t, w) = decode(b"caf\xe9 au lait", &origin()).expect("lossy");
        assert_eq!(t, "caf\u{FFFD} au lait");
        assert!(w.expect("warning").contains("invalid UTF-8 at byte 3"));
    }
}
