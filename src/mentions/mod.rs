//! Mentions: which known organisations and people a text names (every name form, in its own
//! script, case- and accent-insensitively, on word boundaries, also with a Korean particle,
//! a Russian case ending or a genitive -s attached), and which likely organisation names it
//! prints that are not on record. Each with its count, first position and a snippet.
mod image;
pub mod index;
pub(crate) mod keep;
mod unknown;
pub mod words;

use std::borrow::Cow;
use std::collections::HashMap;

pub use index::{Builder, Index, Match};
pub use keep::load;

use crate::error::Result;

/// A text to look in, and what to call it in the output (its file or document).
pub struct Source<'a> {
    pub label: String,
    pub text: &'a str,
}

/// Who a name form belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Owner {
    /// "organisation", "person" or "unknown".
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

/// Everything one owner's names matched.
#[derive(Clone, Debug)]
pub struct Mention {
    pub owner: Owner,
    pub count: usize,
    /// The source and character offset of the first mention.
    pub first_in: String,
    pub first_at: usize,
    /// The distinct forms as printed, in order of appearance.
    pub forms: Vec<String>,
    pub snippet: String,
}

/// Character offsets of byte positions met in increasing order (counted once along the text).
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Count one mention of `owner` (known by `key`) at [start, end) of `src`.
fn tally<K: std::hash::Hash + Eq>(
    out: &mut Vec<Mention>,
    at: &mut HashMap<K, usize>,
    (key, owner): (K, impl FnOnce() -> Result<Owner>),
    src: &Source,
    (start, end): (usize, usize),
    cursor: &mut CharCursor,
) -> Result<()> {
    let printed = printed(&src.text[start..end]);
    match at.get(&key) {
        Some(&i) => {
            let m = &mut out[i];
            m.count += 1;
            if !m.forms.iter().any(|f| *f == *printed) {
                m.forms.push(printed.into_owned());
            }
        }
        None => {
            at.insert(key, out.len());
            out.push(Mention {
                owner: owner()?,
                count: 1,
                first_in: src.label.clone(),
                first_at: cursor.at(src.text, start),
                forms: vec![printed.into_owned()],
                snippet: snippet(src.text, start, end),
            });
        }
    }
    Ok(())
}

/// Each mention: the byte span matched in a source, and whose name it is (an owner's number
/// in the index).
pub type Spans = Vec<Vec<(usize, usize, i64)>>;

/// Known names in `sources`; `owner_of` says whose a name form (by code) is. Also every
/// mention, per source (for `unknown` and a list of each).
pub fn known(
    index: &Index,
    sources: &[Source],
    mut owner_of: impl FnMut(i64) -> Result<Owner>,
) -> Result<(Vec<Mention>, Spans)> {
    let mut out = Vec::new();
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut spans = Vec::with_capacity(sources.len());
    for src in sources {
        let found = index.find(src.text);
        let mut mine: Vec<(usize, usize, i64)> = Vec::with_capacity(found.len());
        let mut cursor = CharCursor { byte: 0, chars: 0 };
        for m in found {
            let owner = (m.code, || owner_of(m.code));
            tally(&mut out, &mut at, owner, src, (m.start, m.end), &mut cursor)?;
            mine.push((m.start, m.end, m.code));
        }
        spans.push(mine);
    }
    Ok((out, spans))
}

/// Likely organisation names in `sources` that no known form matched (`spans`, per source).
pub fn unknown(index: &Index, sources: &[Source], spans: &Spans) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut at = HashMap::new();
    for (src, known) in sources.iter().zip(spans) {
        let mut cursor = CharCursor { byte: 0, chars: 0 };
        for (s, e) in unknown::candidates(src.text) {
            let overlaps = known.iter().any(|&(ks, ke, _)| ks < e && s < ke);
            let name = &src.text[s..e];
            if overlaps || !index.find(name).is_empty() {
                continue;
            }
            let key = words::name_key(name);
            let owner = Owner {
                kind: "unknown",
                id: String::new(),
                name: key.clone(),
            };
            // Never fails: the owner is at hand.
            let _ = tally(
                &mut out,
                &mut at,
                (key, || Ok(owner)),
                src,
                (s, e),
                &mut cursor,
            );
        }
    }
    for m in &mut out {
        m.owner.name = m.forms[0].clone();
    }
    out
}

/// A form as printed, on one line: a word hyphenated across lines joined, blanks folded
/// (most are printed on one line already, and are returned as they are).
fn printed(s: &str) -> Cow<'_, str> {
    let one_line =
        !s.contains("- ") && !s.contains("  ") && s.chars().all(|c| c == ' ' || !c.is_whitespace());
    if one_line {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut parts = s.split_whitespace().peekable();
    while let Some(p) = parts.next() {
        out.push_str(p);
        let broken = p.ends_with('-')
            && parts
                .peek()
                .is_some_and(|n| n.starts_with(char::is_lowercase));
        if broken {
            out.pop();
        } else if parts.peek().is_some() {
            out.push(' ');
        }
    }
    Cow::Owned(out)
}

/// About 60 characters either side of [start, end), whole words, the match in »…«, on one line.
pub fn snippet(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let head = &text[..start];
        let mut chars: Vec<char> = head.chars().rev().take(60).collect();
        // Cut back to a word start, unless the text itself starts there.
        if chars.iter().map(|c| c.len_utf8()).sum::<usize>() < head.len() {
            while chars.last().is_some_and(|c| !c.is_whitespace()) {
                chars.pop();
            }
        }
        chars.into_iter().rev().collect()
    };
    let tail = &text[end..];
    let mut after: String = tail.chars().take(60).collect();
    if after.len() < tail.len()
        && let Some(cut) = after.rfind(char::is_whitespace)
    {
        after.truncate(cut);
    }
    let lead = if before.len() < start { "…" } else { "" };
    let trail = if after.len() < tail.len() { "…" } else { "" };
    one_line(&format!(
        "{lead}{before}»{}«{after}{trail}",
        &text[start..end]
    ))
}

/// `s` with every run of whitespace one space, none at the ends.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
