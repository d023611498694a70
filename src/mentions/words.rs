//! Words of a text or a name, each with the key it is matched by: folded (case and accents
//! gone, any_ascii's transliteration), tagged with its script so a form matches only in its
//! own script (Russian "по" is not the abbreviation "PO"), Russian words reduced to their
//! stem (case endings), and for the last word of a match the variants without a Korean
//! particle (러시아연방공산당은 → 러시아연방공산당) or a genitive/possessive -s.
use std::sync::OnceLock;

use crate::fold::fold;

/// The scripts a word may be in; names match only words of their own script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Hangul,
    Other,
}

pub fn script(c: char) -> Script {
    match c as u32 {
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        _ => Script::Other,
    }
}

/// One word: its byte span in the text, its key and the keys of its variants.
#[derive(Clone, Debug)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub script: Script,
    pub key: String,
    /// Keys of the word without an attached ending (used for the last word of a name).
    pub variants: Vec<String>,
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '\u{0300}'..='\u{036F}' | '\u{00AD}')
}

/// The words of `text`: runs of letters and digits, split where the script changes.
pub fn words(text: &str) -> Vec<Word> {
    Words::new(text).collect()
}

/// The words of a text, one at a time (a long text is matched without holding all its
/// words at once).
pub struct Words<'t> {
    text: &'t str,
    iter: std::iter::Peekable<std::str::CharIndices<'t>>,
    start: Option<(usize, Script)>,
    skip_to: usize,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str) -> Self {
        Words {
            text,
            iter: text.char_indices().peekable(),
            start: None,
            skip_to: 0,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let text = self.text;
        while let Some((i, c)) = self.iter.next() {
            if i < self.skip_to {
                continue;
            }
            if self.start.is_none() && is_url(&text[i..]) {
                // A web address names no one: "…/v-kprf-poyasnili…" is not a mention.
                self.skip_to = text[i..]
                    .find(char::is_whitespace)
                    .map_or(text.len(), |n| i + n);
                continue;
            }
            if c == '-' && self.start.is_some() {
                // A word hyphenated across a line break (PDF text) is one word: "Move-\nment".
                let rest = &text[i + 1..];
                let blank = rest.len() - rest.trim_start().len();
                if rest[..blank].contains('\n') && rest[blank..].starts_with(char::is_lowercase) {
                    self.skip_to = i + 1 + blank;
                    continue;
                }
            }
            if c.is_alphanumeric() {
                let s = if c.is_ascii_digit() {
                    self.start.map_or(Script::Latin, |(_, s)| s)
                } else {
                    script(c)
                };
                match self.start {
                    Some((b, cur)) if cur != s && !c.is_ascii_digit() => {
                        self.start = Some((i, s));
                        if let Some(w) = word(text, b, i, cur) {
                            return Some(w);
                        }
                    }
                    None => self.start = Some((i, s)),
                    _ => {}
                }
            } else if joins(c)
                && self.start.is_some()
                && self.iter.peek().is_some_and(|(_, n)| n.is_alphanumeric())
            {
                // An apostrophe or combining mark inside a word.
            } else if let Some((b, s)) = self.start.take()
                && let Some(w) = word(text, b, i, s)
            {
                return Some(w);
            }
        }
        let (b, s) = self.start.take()?;
        word(text, b, text.len(), s)
    }
}

fn is_url(s: &str) -> bool {
    let b = s.as_bytes();
    let head = &b[..b.len().min(8)];
    let lower = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    lower(b"http://") || lower(b"https://") || lower(b"www.")
}

/// The word at [start, end) of `text`, unless nothing of it is left folded.
fn word(text: &str, start: usize, end: usize, script: Script) -> Option<Word> {
    let raw = &text[start..end];
    let folded = fold_word(raw);
    if folded.is_empty() {
        return None;
    }
    let mut variants = Vec::new();
    match script {
        Script::Hangul => {
            for p in PARTICLES {
                if let Some(stem) = raw.strip_suffix(p)
                    && !stem.is_empty()
                {
                    variants.push(tag(script, &fold_word(stem)));
                }
            }
        }
        Script::Latin if folded.len() > 3 => {
            if let Some(stem) = folded.strip_suffix('s') {
                variants.push(stem.to_string());
                if let Some(stem) = stem.strip_suffix('e') {
                    variants.push(stem.to_string());
                }
            }
        }
        _ => {}
    }
    // A Latin word is its own key (no copy: most words of a text are Latin).
    let key = match script {
        Script::Latin => folded,
        _ => tag(script, &folded),
    };
    Some(Word {
        start,
        end,
        script,
        key,
        variants,
    })
}

/// Fold one word: lowercase ASCII directly, anything else through `fold`; no spaces.
fn fold_word(raw: &str) -> String {
    if raw.is_ascii() {
        let mut s = String::with_capacity(raw.len());
        s.extend(
            raw.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|c| char::from(c.to_ascii_lowercase())),
        );
        s
    } else {
        fold(raw).replace(' ', "")
    }
}

/// The key of a folded word in `script`: Latin as is, others tagged with an uppercase
/// letter (never in a folded word), Russian reduced to its stem.
fn tag(script: Script, folded: &str) -> String {
    match script {
        Script::Latin => folded.to_string(),
        Script::Cyrillic => format!("C{}", stem(folded)),
        Script::Hangul => format!("K{folded}"),
        Script::Other => format!("X{folded}"),
    }
}

/// Korean particles and endings that attach to a noun, longest first.
const PARTICLES: &[&str] = &[
    "에서는",
    "으로는",
    "에게서",
    "과의",
    "와의",
    "에서",
    "에게",
    "으로",
    "에는",
    "이다",
    "이며",
    "이나",
    "이랑",
    "께서",
    "처럼",
    "보다",
    "까지",
    "부터",
    "조차",
    "마저",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "과",
    "와",
    "에",
    "로",
    "도",
    "만",
    "나",
];

/// `raw` (a Korean word) without the longest particle it ends with, if any is left.
pub fn strip_particle(raw: &str) -> &str {
    PARTICLES
        .iter()
        .find_map(|p| raw.strip_suffix(p).filter(|s| !s.is_empty()))
        .unwrap_or(raw)
}

/// Russian case endings (adjective and noun), as any_ascii transliterates them.
fn endings() -> &'static [String] {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let cyr = [
            "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ая", "яя", "ое", "ее", "ую",
            "юю", "ых", "их", "ым", "им", "ой", "ей", "ий", "ый", "ом", "ем", "ах", "ях", "ам",
            "ям", "ов", "ев", "ии", "ия", "ие", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й",
        ];
        let mut v: Vec<String> = cyr.iter().map(|e| fold(e)).collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.len()));
        v.dedup();
        v
    })
}

/// A transliterated Russian word without its case ending (the stem keeps 3+ letters).
fn stem(word: &str) -> &str {
    for e in endings() {
        if let Some(s) = word.strip_suffix(e.as_str())
            && s.len() >= 3
        {
            return s;
        }
    }
    word
}

/// The key of a whole name: its words' keys joined by one space.
pub fn name_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_key(name);
    }
    let ws = words(name);
    let mut key = String::with_capacity(name.len());
    for w in &ws {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w.key);
    }
    key
}

/// `name_key` of an ASCII name without building its words (most of a large corpus).
fn ascii_key(name: &str) -> String {
    let b = name.as_bytes();
    let mut key = String::with_capacity(name.len());
    let mut gap = false;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            key.push(c.to_ascii_lowercase() as char);
        } else if c == b'\''
            && !key.is_empty()
            && !gap
            && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            // An apostrophe inside a word joins it, as in `words`.
        } else {
            gap = true;
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::{ascii_key, name_key, words};

    #[test]
    fn the_ascii_fast_path_agrees_with_words() {
        for n in [
            "Communist Party of the Workers' of Spain",
            "SKP-KPSS",
            "  PKP 1930 ",
            "a'b 'c d'",
        ] {
            let slow: Vec<String> = words(n).into_iter().map(|w| w.key).collect();
            assert_eq!(ascii_key(n), slow.join(" "), "{n}");
        }
    }

    #[test]
    fn korean_particles_give_variants() {
        let w = words("러시아연방공산당은");
        assert!(w[0].variants.contains(&name_key("러시아연방공산당")));
    }

    #[test]
    fn russian_case_endings_share_a_stem() {
        assert_eq!(
            name_key("Коммунистическая партия Российской Федерации"),
            name_key("Коммунистической партии Российской Федерации")
        );
        assert_ne!(name_key("по"), name_key("PO"));
    }

    #[test]
    fn scripts_split_words_and_case_folds() {
        let w = words("RCIT와 SKP–KPSS의 Pröbsting's");
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys[0], "rcit");
        assert_eq!(keys[2], "skp");
        assert_eq!(keys[3], "kpss");
        assert_eq!(keys[5], "probstings");
        assert!(w[5].variants.contains(&"probsting".to_string()));
    }
}
