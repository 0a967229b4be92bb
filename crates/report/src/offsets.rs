/// Converts byte offsets of a text to Unicode code point offsets.
///
/// For ASCII text the two are the same and conversion is free. Otherwise a checkpoint every 64
/// bytes keeps each conversion to a short scan.
#[derive(Clone, Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code point offset at each multiple of 64 bytes, or empty for ASCII text.
    checkpoints: Vec<u32>,
}

const STEP: usize = 64;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars = 0u32;
        for chunk in bytes.chunks(STEP) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        // The end of a text whose length is a multiple of STEP needs its own checkpoint.
        checkpoints.push(chars);
        CharIndex { text, checkpoints }
    }

    /// The code point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// character counts as that character's start).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / STEP;
        let base = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        let from = block * STEP;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }

    /// A byte span as a `[start, end]` code point pair.
    pub fn span(&self, span: claimsheet_ingest::Span) -> [usize; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "Kang Kyung-wha (강경화) said “no sign yet” – ".repeat(20);
        let idx = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(byte), chars);
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn end_of_text_a_multiple_of_64_bytes_long() {
        let text = "é".repeat(32); // 64 bytes, 32 chars
        let idx = CharIndex::new(&text);
        assert_eq!(idx.char_offset(64), 32);
        assert_eq!(idx.char_offset(62), 31);
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain text");
        assert_eq!(idx.char_offset(5), 5);
        assert_eq!(idx.char_offset(99), 10);
    }
}
