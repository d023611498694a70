//! Finding a verbatim quote in a source text, forgiving only what typesetting changes:
//! runs of whitespace (folded to one space) and words hyphenated across a line break
//! ("wor-\n\nkers" matches "workers"; "anti-\n\npeople" matches "anti-people" too).

mod nearest;
mod prove;
pub use prove::{Prover, at_entry, prove_stored};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Ch(char),
    /// A hyphen that ended a line: matches a quote's '-' or nothing.
    SoftHyphen,
}

/// A source text prepared for repeated searching.
pub struct Haystack {
    toks: Vec<Tok>,
    /// The character offset in the original text where each token starts.
    pos: Vec<usize>,
    /// The original text, as characters (for passages).
    chars: Vec<char>,
}

fn fold_ws(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut in_ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            in_ws = true;
        } else {
            if in_ws && !out.is_empty() {
                out.push(' ');
            }
            in_ws = false;
            out.push(c);
        }
    }
    out
}

impl Haystack {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut toks = Vec::with_capacity(chars.len());
        let mut pos = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                let start = i;
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                let newline = chars[start..i].iter().any(|&c| c == '\n' || c == '\r');
                if newline && matches!(toks.last(), Some(Tok::Ch('-'))) {
                    toks.pop();
                    toks.push(Tok::SoftHyphen);
                } else if !toks.is_empty() && i < chars.len() {
                    toks.push(Tok::Ch(' '));
                    pos.push(start);
                }
                continue;
            }
            toks.push(Tok::Ch(c));
            pos.push(i);
            i += 1;
        }
        Haystack { toks, pos, chars }
    }

    /// Whether `quote` occurs (after folding its whitespace).
    pub fn contains(&self, quote: &str) -> bool {
        self.find(quote).is_some()
    }

    /// Where `quote` first occurs: character offsets [start, end) in the original text.
    pub fn find(&self, quote: &str) -> Option<(usize, usize)> {
        let q = fold_ws(quote);
        if q.is_empty() {
            return None;
        }
        (0..self.toks.len()).find_map(|start| {
            let last = self.matches_at(start, &q)?;
            Some((self.pos[start], self.pos[last] + 1))
        })
    }

    /// The index of the last token of a match of `q` starting at token `start`.
    fn matches_at(&self, start: usize, q: &[char]) -> Option<usize> {
        let (mut i, mut j) = (start, 0);
        if self.toks[start] == Tok::SoftHyphen && q[0] != '-' {
            return None;
        }
        while j < q.len() {
            match self.toks.get(i)? {
                Tok::Ch(c) if *c == q[j] => {
                    i += 1;
                    j += 1;
                }
                Tok::SoftHyphen if q[j] == '-' => {
                    i += 1;
                    j += 1;
                    // A quote copied with the line break after the hyphen has it as a space.
                    if q.get(j) == Some(&' ') {
                        j += 1;
                    }
                }
                Tok::SoftHyphen => i += 1,
                Tok::Ch(_) => return None,
            }
        }
        Some(i - 1)
    }

    /// The original text between two character offsets, its whitespace folded.
    pub fn passage(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        let s: String = self.chars[start.min(end)..end].iter().collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The passage around [start, end) with `context` characters either side, widened to
    /// whole words, the match itself marked with »…«.
    pub fn around(&self, start: usize, end: usize, context: usize) -> String {
        let n = self.chars.len();
        let mut from = start.saturating_sub(context);
        while from > 0 && !self.chars[from - 1].is_whitespace() {
            from -= 1;
        }
        let mut to = (end + context).min(n);
        while to < n && !self.chars[to].is_whitespace() {
            to += 1;
        }
        let mut s = String::new();
        if from > 0 {
            s.push('…');
        }
        for (i, c) in self.chars[from..to].iter().enumerate() {
            if from + i == start {
                s.push('»');
            }
            if from + i == end {
                s.push('«');
            }
            s.push(*c);
        }
        if to == end {
            s.push('«');
        }
        if to < n {
            s.push('…');
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The passage most like `quote` (for a quote that is not found), if any is alike, and
    /// how alike (the number of the quote's words it holds).
    pub fn nearest(&self, quote: &str) -> Option<(usize, usize, usize)> {
        nearest::nearest(&self.chars, quote)
    }
}

#[cfg(test)]
mod tests {
    use super::Haystack;

    #[test]
    fn joins_words_hyphenated_across_lines() {
        let h = Haystack::new("at a rapid pace, wor-\n\nkers' protests developed");
        assert!(h.contains("at a rapid pace, workers' protests developed"));
        assert!(h.contains("wor-kers' protests"));
        assert!(!h.contains("wor kers"));
    }

    #[test]
    fn folds_whitespace_but_not_characters() {
        let h = Haystack::new("The  CPRF\ttakes the view\nthat “peace”");
        assert!(h.contains("The CPRF takes the view that “peace”"));
        assert!(!h.contains("The CPRF takes the view that \"peace\""));
        assert!(!h.contains(""));
    }

    #[test]
    fn keeps_a_hyphen_that_ends_no_line() {
        let h = Haystack::new("anti-people in character");
        assert!(h.contains("anti-people"));
        assert!(!h.contains("antipeople"));
    }
}
