//! Mentions: which known organisations and people a text names (every name form, in its own
//! script, case- and accent-insensitively, on word boundaries, also with a Korean particle,
//! a Russian case ending or a genitive -s attached), and which likely organisation names it
//! prints that are not on record. Each with its count, first position and a snippet.
mod image;
pub mod index;
mod keep;
mod unknown;
pub mod words;

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

fn tally(
    out: &mut Vec<Mention>,
    at: &mut HashMap<Owner, usize>,
    owner: Owner,
    src: &Source,
    (start, end): (usize, usize),
    cursor: &mut CharCursor,
) {
    let printed = printed(&src.text[start..end]);
    match at.get(&owner) {
        Some(&i) => {
            let m = &mut out[i];
            m.count += 1;
            if !m.forms.contains(&printed) {
                m.forms.push(printed);
            }
        }
        None => {
            at.insert(owner.clone(), out.len());
            out.push(Mention {
                owner,
                count: 1,
                first_in: src.label.clone(),
                first_at: cursor.at(src.text, start),
                forms: vec![printed],
                snippet: snippet(src.text, start, end),
            });
        }
    }
}

/// Each mention: the byte span matched in a source, and whose name it is.
pub type Spans = Vec<Vec<(usize, usize, Owner)>>;

/// Known names in `sources`; `owner_of` says whose a name form (by code) is. Also every
/// mention, per source (for `unknown` and a list of each).
pub fn known(
    index: &Index,
    sources: &[Source],
    mut owner_of: impl FnMut(i64) -> Result<Owner>,
) -> Result<(Vec<Mention>, Spans)> {
    let mut out = Vec::new();
    let mut at = HashMap::new();
    let mut owners: HashMap<i64, Owner> = HashMap::new();
    let mut spans = Vec::with_capacity(sources.len());
    for src in sources {
        let found = index.find(src.text);
        let mut mine: Vec<(usize, usize, Owner)> = Vec::with_capacity(found.len());
        let mut here: Vec<Owner> = Vec::new();
        let mut cursor = CharCursor { byte: 0, chars: 0 };
        for m in found {
            let owner = match owners.get(&m.code) {
                Some(o) => o.clone(),
                None => {
                    let o = owner_of(m.code)?;
                    owners.insert(m.code, o.clone());
                    o
                }
            };
            // Two forms of one owner on the same words (SKP–KPSS, SKP-KPSS) count once.
            let last = mine.last().map(|l| (l.0, l.1));
            if last != Some((m.start, m.end)) {
                here.clear();
            } else if here.contains(&owner) {
                continue;
            }
            here.push(owner.clone());
            tally(
                &mut out,
                &mut at,
                owner.clone(),
                src,
                (m.start, m.end),
                &mut cursor,
            );
            mine.push((m.start, m.end, owner));
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
            let owner = Owner {
                kind: "unknown",
                id: String::new(),
                name: words::name_key(name),
            };
            tally(&mut out, &mut at, owner, src, (s, e), &mut cursor);
        }
    }
    for m in &mut out {
        m.owner.name = m.forms[0].clone();
    }
    out
}

/// A form as printed, on one line: a word hyphenated across lines joined, blanks folded.
fn printed(s: &str) -> String {
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
    out
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
    let s = format!("{lead}{before}»{}«{after}{trail}", &text[start..end]);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
