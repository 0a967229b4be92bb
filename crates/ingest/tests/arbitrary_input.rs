//! Property tests: arbitrary text (markup, references, line ends, multi-byte characters) never
//! panics the HTML reader or the layout, and layout spans stay on character boundaries, inside
//! the text, in order.

use claimsheet_ingest::{html_to_article_parts, layout};
use proptest::prelude::*;

/// Text built from pieces that exercise the readers' edge cases.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<script>".to_string()),
        Just("</SCRIPT".to_string()),
        Just("<style>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("&#146;".to_string()),
        Just("&#x".to_string()),
        Just("&eacute".to_string()),
        Just("&amp;".to_string()),
        Just("&#99999999999;".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{85}".to_string()),
        Just("By ".to_string()),
        Just("SEOUL, Oct 5 (Reuters) - ".to_string()),
        Just(" \u{2014} ".to_string()),
        Just("Copyright ".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{a9}".to_string()),
        "[a-zA-Z0-9 .,()\u{e9}\u{ac15}-]{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_on_char_boundaries(text in pieces()) {
        let parts = html_to_article_parts(&text);
        for t in [&text, &parts.text] {
            let paragraphs = layout(t, None);
            let mut last_end = 0;
            for p in &paragraphs {
                prop_assert!(p.span.start >= last_end && p.span.start < p.span.end);
                prop_assert!(p.span.end <= t.len());
                prop_assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
                if let Some(d) = p.dateline {
                    prop_assert!(d.start == p.span.start && d.end <= p.span.end);
                    prop_assert!(t.is_char_boundary(d.end));
                }
                last_end = p.span.end;
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,80}") {
        let parts = html_to_article_parts(&text);
        let _ = layout(&text, None);
        let _ = layout(&parts.text, parts.title.as_deref());
    }
}
