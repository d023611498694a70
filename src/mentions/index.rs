//! The matcher: every known name form keyed by its words' keys, and a table of first words
//! with the longest name they start, so a text is scanned once, word by word, trying only the
//! names that can start at each word (longest first), by hash lookups on slices of one key
//! string (no copying but for a last word's variant).
use std::collections::HashMap;

use super::words::{Word, name_key, words};

/// A name form found in a text: which form (its code) and the words it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub code: i64,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
}

/// Every known name form, ready to match.
#[derive(Default)]
pub struct Index {
    /// Name key -> its code (the caller's number for the name form).
    keys: HashMap<Box<str>, i64>,
    /// Further codes of a key several forms share.
    more: HashMap<Box<str>, Vec<i64>>,
    /// First word -> the most words of a name starting with it.
    first: HashMap<Box<str>, u8>,
}

impl Index {
    /// Add a name form under `code`.
    pub fn add(&mut self, code: i64, name: &str) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let n = key.split(' ').count().min(u8::MAX as usize) as u8;
        let first = key.split(' ').next().unwrap_or_default();
        match self.first.get_mut(first) {
            Some(m) => *m = (*m).max(n),
            None => {
                self.first.insert(first.into(), n);
            }
        }
        if self.keys.contains_key(key.as_str()) {
            self.more
                .entry(key.into_boxed_str())
                .or_default()
                .push(code);
        } else {
            self.keys.insert(key.into_boxed_str(), code);
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn codes(&self, key: &str, out: &mut Vec<i64>) -> bool {
        let Some(&c) = self.keys.get(key) else {
            return false;
        };
        out.push(c);
        if let Some(m) = self.more.get(key) {
            out.extend(m);
        }
        true
    }

    /// Every name form in `text`, leftmost-longest, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let ws = words(text);
        // One string of all keys, so a run of words is a slice of it.
        let mut joined = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(ws.len());
        for w in &ws {
            if !joined.is_empty() {
                joined.push(' ');
            }
            let s = joined.len();
            joined.push_str(&w.key);
            spans.push((s, joined.len()));
        }
        let mut out = Vec::new();
        let mut codes = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        while i < ws.len() {
            let found = self.longest_at(&ws, &joined, &spans, i, &mut buf, &mut codes);
            match found {
                Some(n) => {
                    for &code in &codes {
                        out.push(Match {
                            code,
                            start: ws[i].start,
                            end: ws[i + n - 1].end,
                        });
                    }
                    codes.clear();
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The number of words of the longest name starting at word `i` (its codes in `codes`).
    fn longest_at(
        &self,
        ws: &[Word],
        joined: &str,
        spans: &[(usize, usize)],
        i: usize,
        buf: &mut String,
        codes: &mut Vec<i64>,
    ) -> Option<usize> {
        let most = self.first.get(ws[i].key.as_str()).copied().unwrap_or(0) as usize;
        for n in (1..=most.min(ws.len() - i)).rev() {
            let last = i + n - 1;
            if self.codes(&joined[spans[i].0..spans[last].1], codes) {
                return Some(n);
            }
            for v in &ws[last].variants {
                buf.clear();
                buf.push_str(&joined[spans[i].0..spans[last].0]);
                buf.push_str(v);
                if self.codes(buf, codes) {
                    return Some(n);
                }
            }
        }
        // A one-word name that only the word's variant spells (KPRFs, 공산당은).
        for v in &ws[i].variants {
            if self.first.contains_key(v.as_str()) && self.codes(v, codes) {
                return Some(1);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Index;

    fn index() -> Index {
        let mut ix = Index::default();
        ix.add(1, "Communist Party of the Russian Federation");
        ix.add(2, "KPRF");
        ix.add(3, "러시아연방공산당");
        ix.add(4, "Communist Party");
        ix.add(5, "Организация Договора о коллективной безопасности");
        ix.add(6, "PO");
        ix
    }

    fn codes(text: &str) -> Vec<i64> {
        index().find(text).iter().map(|m| m.code).collect()
    }

    #[test]
    fn longest_name_wins_at_word_boundaries() {
        assert_eq!(
            codes("the communist party of the Russian Federation said"),
            [1]
        );
        assert_eq!(codes("a Communist Party"), [4]);
        assert_eq!(codes("KPRFX and xKPRF"), Vec::<i64>::new());
    }

    #[test]
    fn inflected_forms_are_found() {
        assert_eq!(
            codes("러시아연방공산당은 그리고 러시아연방공산당의"),
            [3, 3]
        );
        assert_eq!(codes("the KPRF's line"), [2]);
        assert_eq!(
            codes("силами Организации Договора о коллективной безопасности"),
            [5]
        );
        assert_eq!(codes("по"), Vec::<i64>::new());
    }
}
