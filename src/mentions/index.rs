//! The matcher: every known name form's key in one finite-state transducer (the fst crate),
//! so a text is scanned once, word by word, walking from each word the transducer's states
//! for as many words as some name has (most words fail at their first letters), longest
//! match first. The transducer, the owners of each key and the owners' names are one byte
//! image (`image`), kept in the database and used as read, without rebuilding anything.
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::rc::Rc;

use fst::raw::{Fst, Node, Output};

use super::Owner;
use super::words::{Word, Words};
use crate::error::{Error, Result};

/// A transducer that cannot be built (keys out of order: a bug, not bad input).
fn fst_error(e: fst::Error) -> Error {
    std::io::Error::other(e).into()
}

/// A name form found in a text: whose it is (an owner's number in the index) and the words it
/// covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub code: i64,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
}

/// Every known name form, ready to match: parts of one image (`image`), used in place.
pub struct Index {
    /// Key -> owner number * 2, or (offset in `shared`) * 2 + 1 for a key several own.
    pub(super) map: fst::Map<Part>,
    /// Lists of owners of shared keys: a count, then that many owner numbers (u32 LE).
    pub(super) shared: Part,
    /// Where each owner's record ends in `owners` (u32 LE).
    pub(super) ends: Part,
    /// Owner i is `owners[ends[i - 1]..ends[i]]`: a kind letter, the id, NUL, the name.
    pub(super) owners: Part,
}

/// A byte range of the index's image (shared, never copied).
#[derive(Clone)]
pub(super) struct Part {
    pub(super) image: Rc<Vec<u8>>,
    pub(super) range: Range<usize>,
}

impl AsRef<[u8]> for Part {
    fn as_ref(&self) -> &[u8] {
        &self.image[self.range.clone()]
    }
}

impl Part {
    /// The `i`th little-endian u32 of the part.
    fn u32_at(&self, i: usize) -> Option<u32> {
        let b: [u8; 4] = self.as_ref().get(i * 4..i * 4 + 4)?.try_into().ok()?;
        Some(u32::from_le_bytes(b))
    }
}

/// Collects name forms and their owners, then builds an `Index`.
#[derive(Default)]
pub struct Builder {
    entries: Vec<(Box<str>, u32)>,
    ends: Vec<u32>,
    owners: Vec<u8>,
    numbers: HashMap<(u8, Box<str>), u32>,
}

fn kind_letter(kind: &str) -> u8 {
    if kind == "person" { b'p' } else { b'o' }
}

impl Builder {
    /// The number of the owner (`kind` "organisation" or "person", id, display name).
    pub fn owner(&mut self, kind: &str, id: &str, name: &str) -> u32 {
        let letter = kind_letter(kind);
        if let Some(&n) = self.numbers.get(&(letter, id.into())) {
            return n;
        }
        let n = self.ends.len() as u32;
        self.owners.push(letter);
        self.owners.extend_from_slice(id.as_bytes());
        self.owners.push(0);
        self.owners.extend_from_slice(name.as_bytes());
        self.ends.push(self.owners.len() as u32);
        self.numbers.insert((letter, id.into()), n);
        n
    }

    /// Add a name form by its key (`words::name_key`); an empty key matches nothing.
    pub fn add(&mut self, key: &str, owner: u32) {
        if !key.is_empty() {
            self.entries.push((key.into(), owner));
        }
    }

    pub fn build(mut self) -> Result<Index> {
        // Stable: the owners of one key stay in the order they were added.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut map = fst::MapBuilder::memory();
        let mut shared = Vec::new();
        let mut i = 0;
        while i < self.entries.len() {
            let key = &self.entries[i].0;
            let mut owners: Vec<u32> = Vec::new();
            while i < self.entries.len() && self.entries[i].0 == *key {
                if !owners.contains(&self.entries[i].1) {
                    owners.push(self.entries[i].1);
                }
                i += 1;
            }
            let value = if let [one] = owners[..] {
                u64::from(one) * 2
            } else {
                let at = shared.len() as u64;
                shared.push(owners.len() as u32);
                shared.extend_from_slice(&owners);
                at * 2 + 1
            };
            map.insert(key.as_bytes(), value).map_err(fst_error)?;
        }
        let fst = map.into_inner().map_err(fst_error)?;
        let image = super::image::write(&fst, &shared, &self.ends, &self.owners);
        Index::from_image(image)
            .ok_or_else(|| std::io::Error::other("a new mentions index does not read back").into())
    }
}

/// Walk `bytes` from `node`; the state reached and the output so far.
fn walk<'f>(
    fst: &'f Fst<Part>,
    mut node: Node<'f>,
    mut out: Output,
    bytes: &[u8],
) -> Option<(Node<'f>, Output)> {
    for &b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

/// The value of a key ending at `node` (after `out`), if a key ends there.
fn value(found: Option<(Node, Output)>) -> Option<u64> {
    let (node, out) = found?;
    node.is_final()
        .then(|| out.cat(node.final_output()).value())
}

impl Index {
    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whose name owner number `code` is.
    pub fn owner(&self, code: i64) -> Option<Owner> {
        let i = usize::try_from(code).ok()?;
        let end = self.ends.u32_at(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends.u32_at(i - 1)? as usize,
        };
        let rec = self.owners.as_ref().get(start..end)?;
        let (&letter, rest) = rec.split_first()?;
        let nul = rest.iter().position(|&b| b == 0)?;
        Some(Owner {
            kind: if letter == b'p' {
                "person"
            } else {
                "organisation"
            },
            id: String::from_utf8_lossy(&rest[..nul]).into_owned(),
            name: String::from_utf8_lossy(&rest[nul + 1..]).into_owned(),
        })
    }

    /// The owners of a key's value, in the order their forms were added.
    fn owners_of(&self, value: u64, out: &mut Vec<i64>) {
        if value.is_multiple_of(2) {
            out.push((value / 2) as i64);
            return;
        }
        let at = (value / 2) as usize;
        let n = self.shared.u32_at(at).unwrap_or(0) as usize;
        out.extend((at + 1..at + 1 + n).filter_map(|j| self.shared.u32_at(j).map(i64::from)));
    }

    /// Every name form in `text`, leftmost-longest, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut more = Words::new(text);
        // The words from the current one on, read as far as a walk has needed.
        let mut ahead: VecDeque<Word> = VecDeque::new();
        let mut out = Vec::new();
        let mut codes = Vec::new();
        // The first step from each distinct word, walked once: most words of a text recur,
        // and most start no name at all.
        let mut firsts: HashMap<&str, Step, BuildHasherDefault<WordHasher>> = HashMap::default();
        let root = self.map.as_fst().root();
        loop {
            if ahead.is_empty() {
                match more.next() {
                    Some(w) => ahead.push_back(w),
                    None => break,
                }
            }
            let w = &ahead[0];
            let first = *firsts
                .entry(&text[w.start..w.end])
                .or_insert_with(|| self.step(root, Output::zero(), w));
            match self.longest(&mut ahead, &mut more, first) {
                Some((n, v)) => {
                    self.owners_of(v, &mut codes);
                    for &code in &codes {
                        out.push(Match {
                            code,
                            start: ahead[0].start,
                            end: ahead[n - 1].end,
                        });
                    }
                    codes.clear();
                    ahead.drain(..n);
                }
                None => {
                    ahead.pop_front();
                }
            }
        }
        out
    }

    /// The number of words of the longest name starting at `ahead[0]` (whose first step is
    /// `first`; words are read from `more` as needed), and its key's value. Every word but
    /// the last must be the name's word as it is; the last may also be one of its variants
    /// (a Korean particle or a genitive -s taken off).
    fn longest(
        &self,
        ahead: &mut VecDeque<Word>,
        more: &mut Words,
        first: Step,
    ) -> Option<(usize, u64)> {
        let mut best = first.hit.map(|v| (1, v));
        let mut next = first.next;
        let mut k = 1;
        while let Some((node, out)) = next {
            if ahead.len() <= k {
                match more.next() {
                    Some(w) => ahead.push_back(w),
                    None => break,
                }
            }
            let s = self.step(node, out, &ahead[k]);
            if let Some(v) = s.hit {
                best = Some((k + 1, v));
            }
            next = s.next;
            k += 1;
        }
        best
    }

    /// From the state (`node`, `out`), word `w`: the value of a key ending with it (as it is,
    /// else a variant), and the state after it and a space, if some key goes on.
    fn step<'f>(&'f self, node: Node<'f>, out: Output, w: &Word) -> Step<'f> {
        let fst = self.map.as_fst();
        let exact = walk(fst, node, out, w.key.as_bytes());
        let hit = value(exact).or_else(|| {
            w.variants
                .iter()
                .find_map(|v| value(walk(fst, node, out, v.as_bytes())))
        });
        let next = exact.and_then(|(n, o)| walk(fst, n, o, b" "));
        Step { hit, next }
    }
}

/// A quick hash for the short words of a text (FxHash's mix, a byte at a time): the words
/// are the user's own text, so nothing needs the default hasher's resistance to attack.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One word's step through the transducer.
#[derive(Clone, Copy)]
struct Step<'f> {
    hit: Option<u64>,
    next: Option<(Node<'f>, Output)>,
}

#[cfg(test)]
mod tests {
    use super::{Builder, Index};
    use crate::mentions::words::name_key;

    fn index() -> Index {
        let mut b = Builder::default();
        for (i, name) in [
            "Communist Party of the Russian Federation",
            "KPRF",
            "러시아연방공산당",
            "Communist Party",
            "Организация Договора о коллективной безопасности",
            "PO",
        ]
        .iter()
        .enumerate()
        {
            let o = b.owner("organisation", &format!("o{}", i + 1), name);
            b.add(&name_key(name), o);
        }
        b.build().expect("built")
    }

    fn codes(text: &str) -> Vec<i64> {
        index().find(text).iter().map(|m| m.code + 1).collect()
    }

    #[test]
    fn longest_name_wins_at_word_boundaries() {
        assert_eq!(
            codes("the communist party of the Russian Federation said"),
            [1]
        );
        assert_eq!(codes("a Communist Party"), [4]);
        assert_eq!(codes("KPRFX and xKPRF"), Vec::<i64>::new());
        assert_eq!(codes("the Communist Party of the Russian people"), [4]);
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

    #[test]
    fn a_key_several_own_finds_each_owner_once() {
        let mut b = Builder::default();
        let a = b.owner("organisation", "a", "SKP-KPSS");
        let p = b.owner("person", "b", "Skp Kpss");
        b.add(&name_key("SKP-KPSS"), a);
        b.add(&name_key("SKP–KPSS"), a);
        b.add(&name_key("Skp Kpss"), p);
        let ix = b.build().expect("built");
        let found: Vec<i64> = ix.find("the SKP–KPSS").iter().map(|m| m.code).collect();
        assert_eq!(found, [i64::from(a), i64::from(p)]);
        let owner = ix.owner(i64::from(p)).expect("owner");
        assert_eq!((owner.kind, owner.id.as_str()), ("person", "b"));
        assert_eq!(owner.name, "Skp Kpss");
        assert!(ix.owner(7).is_none());
    }
}
