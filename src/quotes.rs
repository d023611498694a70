//! Finding a verbatim quote in a source text, forgiving only what typesetting changes:
//! runs of whitespace (folded to one space) and words hyphenated across a line break
//! ("wor-\n\nkers" matches "workers"; "anti-\n\npeople" matches "anti-people" too).

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Ch(char),
    /// A hyphen that ended a line: matches a quote's '-' or nothing.
    SoftHyphen,
}

/// A source text prepared for repeated searching.
pub struct Haystack {
    toks: Vec<Tok>,
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
                }
                continue;
            }
            toks.push(Tok::Ch(c));
            i += 1;
        }
        Haystack { toks }
    }

    /// Whether `quote` occurs (after folding its whitespace).
    pub fn contains(&self, quote: &str) -> bool {
        let q = fold_ws(quote);
        if q.is_empty() {
            return false;
        }
        (0..self.toks.len()).any(|start| self.matches_at(start, &q))
    }

    fn matches_at(&self, start: usize, q: &[char]) -> bool {
        let (mut i, mut j) = (start, 0);
        if self.toks[start] == Tok::SoftHyphen && q[0] != '-' {
            return false;
        }
        while j < q.len() {
            match self.toks.get(i) {
                None => return false,
                Some(Tok::Ch(c)) if *c == q[j] => {
                    i += 1;
                    j += 1;
                }
                Some(Tok::SoftHyphen) if q[j] == '-' => {
                    i += 1;
                    j += 1;
                    // A quote copied with the line break after the hyphen has it as a space.
                    if q.get(j) == Some(&' ') {
                        j += 1;
                    }
                }
                Some(Tok::SoftHyphen) => i += 1,
                Some(Tok::Ch(_)) => return false,
            }
        }
        true
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
