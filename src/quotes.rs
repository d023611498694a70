//! Finding a verbatim quote in a source text, forgiving only what typesetting changes:
//! runs of whitespace (folded to one space) and words hyphenated across a line break
//! ("wor-\n\nkers" matches "workers"; "anti-\n\npeople" matches "anti-people" too).

mod nearest;
mod prove;
mod words;
pub use prove::{Prover, at_entry, prove_stored};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Ch(char),
    /// A hyphen that ended a line: matches a quote's '-' or nothing.
    SoftHyphen,
}

/// A source text prepared for repeated searching. A quote is searched in the text as it is,
/// read token by token from each place its first character occurs (nothing is built for
/// it: proving a quote at entry reads the text once); the text as characters is made only
/// for the passages shown around a quote or in place of one not found.
pub struct Haystack {
    text: String,
    chars: std::cell::OnceCell<Vec<char>>,
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

/// The text's tokens from a byte offset on, each with the byte offset it starts at: a
/// character; a run of whitespace as one ' ' (none for a run that ends the text); a hyphen
/// followed by whitespace holding a line break as one `SoftHyphen`, the whitespace dropped.
struct Toks<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Toks<'_> {
    type Item = (Tok, usize);

    fn next(&mut self) -> Option<(Tok, usize)> {
        let p = self.at;
        let rest = &self.text[p..];
        let c = rest.chars().next()?;
        if c.is_whitespace() {
            self.at = self.text.len() - rest.trim_start().len();
            return (self.at < self.text.len()).then_some((Tok::Ch(' '), p));
        }
        self.at = p + c.len_utf8();
        if c == '-' {
            let after = &self.text[self.at..];
            let blank = &after[..after.len() - after.trim_start().len()];
            if blank.contains(['\n', '\r']) {
                self.at += blank.len();
                return Some((Tok::SoftHyphen, p));
            }
        }
        Some((Tok::Ch(c), p))
    }
}

/// The byte offset of the last token of a match of `q` whose first token starts at byte `at`.
fn matches_at(text: &str, at: usize, q: &[char]) -> Option<usize> {
    let mut toks = Toks { text, at };
    let mut j = 0;
    let mut last = at;
    let mut first = true;
    while j < q.len() {
        let (tok, p) = toks.next()?;
        if first && tok == Tok::SoftHyphen && q[0] != '-' {
            return None;
        }
        first = false;
        match tok {
            Tok::Ch(c) if c == q[j] => {
                j += 1;
                last = p;
            }
            Tok::SoftHyphen if q[j] == '-' => {
                j += 1;
                last = p;
                // A quote copied with the line break after the hyphen has it as a space.
                if q.get(j) == Some(&' ') {
                    j += 1;
                }
            }
            Tok::SoftHyphen => {}
            Tok::Ch(_) => return None,
        }
    }
    Some(last)
}

impl Haystack {
    pub fn new(text: &str) -> Self {
        Haystack {
            text: text.to_string(),
            chars: std::cell::OnceCell::new(),
        }
    }

    /// The text as characters (character offsets index it).
    fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| self.text.chars().collect())
    }

    /// Whether `quote` occurs (after folding its whitespace).
    pub fn contains(&self, quote: &str) -> bool {
        self.find(quote).is_some()
    }

    /// Where `quote` first occurs: character offsets [start, end) in the original text.
    /// Only whole words are found (see words.rs).
    pub fn find(&self, quote: &str) -> Option<(usize, usize)> {
        if !words::holds_a_word(quote) {
            return None;
        }
        let q = fold_ws(quote);
        let head = *q.first()?;
        let text = self.text.as_str();
        let mut from = 0;
        while let Some(rel) = text[from..].find(head) {
            let at = from + rel;
            if let Some(last) = matches_at(text, at, &q) {
                let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
                if words::starts_word(text, at) && words::ends_word(text, end) {
                    let start = text[..at].chars().count();
                    return Some((start, start + text[at..last].chars().count() + 1));
                }
            }
            from = at + head.len_utf8();
        }
        None
    }

    /// The original text between two character offsets, its whitespace folded.
    pub fn passage(&self, start: usize, end: usize) -> String {
        let chars = self.chars();
        let end = end.min(chars.len());
        let s: String = chars[start.min(end)..end].iter().collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The passage around [start, end) with `context` characters either side, widened to
    /// whole words, the match itself marked with »…«.
    pub fn around(&self, start: usize, end: usize, context: usize) -> String {
        let chars = self.chars();
        let n = chars.len();
        let mut from = start.saturating_sub(context);
        while from > 0 && !chars[from - 1].is_whitespace() {
            from -= 1;
        }
        let mut to = (end + context).min(n);
        while to < n && !chars[to].is_whitespace() {
            to += 1;
        }
        let mut s = String::new();
        if from > 0 {
            s.push('…');
        }
        for (i, c) in chars[from..to].iter().enumerate() {
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
        nearest::nearest(self.chars(), quote)
    }
}

#[cfg(test)]
mod tests {
    use super::{Haystack, Tok, fold_ws};
    use proptest::prelude::*;

    /// The text as one token list (how quotes were searched before the search read the text
    /// in place): the reference the in-place search must agree with.
    fn tokens(text: &str) -> (Vec<Tok>, Vec<usize>) {
        let chars: Vec<char> = text.chars().collect();
        let (mut toks, mut pos) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_whitespace() {
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
            toks.push(Tok::Ch(chars[i]));
            pos.push(i);
            i += 1;
        }
        (toks, pos)
    }

    fn reference_find(text: &str, quote: &str) -> Option<(usize, usize)> {
        let (toks, pos) = tokens(text);
        let q = fold_ws(quote);
        if q.is_empty() || !super::words::holds_a_word(quote) {
            return None;
        }
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        (0..toks.len()).find_map(|start| {
            let (mut i, mut j) = (start, 0);
            if toks[start] == Tok::SoftHyphen && q[0] != '-' {
                return None;
            }
            while j < q.len() {
                match toks.get(i)? {
                    Tok::Ch(c) if *c == q[j] => (i, j) = (i + 1, j + 1),
                    Tok::SoftHyphen if q[j] == '-' => {
                        (i, j) = (i + 1, j + 1);
                        if q.get(j) == Some(&' ') {
                            j += 1;
                        }
                    }
                    Tok::SoftHyphen => i += 1,
                    Tok::Ch(_) => return None,
                }
            }
            let (s, e) = (pos[start], pos[i - 1] + 1);
            (super::words::starts_word(text, byte(s)) && super::words::ends_word(text, byte(e)))
                .then_some((s, e))
        })
    }

    proptest! {
        #[test]
        fn the_in_place_search_finds_what_the_token_list_finds(
            text in "[ab\\- \n\tä]{0,40}",
            quote in "[ab\\- \nä]{0,6}",
        ) {
            let h = Haystack::new(&text);
            prop_assert_eq!(h.find(&quote), reference_find(&text, &quote));
        }
    }

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
