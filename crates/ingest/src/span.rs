/// A half-open range `start..end` of **byte** offsets into an article's text.
///
/// Both ends lie on UTF-8 character boundaries. Reports convert byte spans to Unicode code point
/// offsets once, at output time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `""` when the span does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies wholly inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The union of `spans` as sorted, disjoint spans: spans that overlap or touch merge.
    pub fn union(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
        let mut sorted: Vec<Span> = spans.into_iter().collect();
        sorted.sort_unstable();
        let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
        for s in sorted {
            match out.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => out.push(s),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn union_merges_overlapping_and_touching_spans_in_any_order() {
        let spans = [
            Span::new(10, 12),
            Span::new(0, 4),
            Span::new(3, 6),
            Span::new(6, 8),
            Span::new(0, 4),
            Span::new(11, 11),
        ];
        assert_eq!(Span::union(spans), [Span::new(0, 8), Span::new(10, 12)]);
        assert!(Span::union([]).is_empty());
    }
}
