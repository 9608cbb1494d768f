use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code points in the original text, serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span::new(start, end)
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_pair() {
        let s = Span::new(3, 7);
        assert_eq!(serde_json::to_string(&s).ok().as_deref(), Some("[3,7]"));
        let back: Span = serde_json::from_str("[3,7]").unwrap_or_default();
        assert_eq!(back, s);
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(0, 4);
        let b = Span::new(3, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(!a.overlaps(Span::new(4, 5)));
        assert!(Span::new(0, 10).contains(b));
    }
}
