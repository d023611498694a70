//! Fuzz the verbatim-quote matcher. The source texts are read once from ../shared/seeds (or
//! `STANCEDB_SEEDS`), never copied into the repository, and prepared for searching once:
//! whole, and cut into overlapping windows of a few thousand characters (the matcher scans
//! its text from every position, so a window is searched ten times faster than a whole
//! text; quotes are at most 400 characters, so every quote lies whole in some window). The
//! input is a recipe: which text (or the input's own tail, as a text of its own), where to
//! cut a quote, how long, and how to disturb it; the quote is searched for in its window, and
//! in the whole text on one recipe in 64. Checked on every execution:
//! - no panic, whatever the text and the quote;
//! - a quote cut from a text is found in it, also with each run of whitespace replaced by
//!   another (the matcher folds whitespace), unless the quote is only whitespace;
//! - the same quote with a character the text does not hold put into it is not found.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use stancedb::quotes::Haystack;

/// A character none of the texts holds (a private-use code point).
const FOREIGN: char = '\u{E000}';

/// Characters per window, and how far apart windows start (windows overlap by more than the
/// longest quote).
const WINDOW: usize = 2000;
const STRIDE: usize = 1500;

struct Text {
    chars: Vec<char>,
    hay: Haystack,
    /// (first character, prepared window) covering the text.
    windows: Vec<(usize, Haystack)>,
}

fn seeds_dir() -> PathBuf {
    std::env::var_os("STANCEDB_SEEDS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds")),
        PathBuf::from,
    )
}

fn texts() -> &'static [Text] {
    thread_local! {
        static T: &'static [Text] = Box::leak(load().into_boxed_slice());
    }
    T.with(|t| *t)
}

fn load() -> Vec<Text> {
    let dir = seeds_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set STANCEDB_SEEDS)", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no source texts in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            let text =
                String::from_utf8_lossy(&std::fs::read(p).expect("a source text")).into_owned();
            assert!(!text.contains(FOREIGN));
            let chars: Vec<char> = text.chars().collect();
            let windows = (0..chars.len().max(1))
                .step_by(STRIDE)
                .map(|at| {
                    let end = (at + WINDOW).min(chars.len());
                    let w: String = chars[at..end].iter().collect();
                    (at, Haystack::new(&w))
                })
                .collect();
            Text {
                hay: Haystack::new(&text),
                chars,
                windows,
            }
        })
        .collect()
}

/// Each run of whitespace in `quote` replaced by another one, chosen by `how`.
fn rewhitespace(quote: &str, how: u8) -> String {
    const RUNS: &[&str] = &[" ", "  ", "\n", "\r\n", "\t", " \n\n ", "\u{a0}"];
    let mut out = String::with_capacity(quote.len());
    let mut in_ws = false;
    let mut n = how as usize;
    for c in quote.chars() {
        if c.is_whitespace() {
            if !in_ws {
                out.push_str(RUNS[n % RUNS.len()]);
                n = n.wrapping_mul(31).wrapping_add(7);
            }
            in_ws = true;
        } else {
            in_ws = false;
            out.push(c);
        }
    }
    out
}

fn check(chars: &[char], hay: &Haystack, start: usize, len: usize, how: u8) {
    if chars.is_empty() {
        return;
    }
    let start = start % chars.len();
    let end = (start + len).min(chars.len());
    let quote: String = chars[start..end].iter().collect();
    let _ = hay.contains(&quote);
    if quote.trim().is_empty() {
        assert!(!hay.contains(&quote), "a blank quote counts as found");
        return;
    }
    assert!(
        hay.contains(&quote),
        "quote cut at {start}..{end} not found: {quote:?}"
    );
    let moved = rewhitespace(&quote, how);
    assert!(
        hay.contains(&moved),
        "quote cut at {start}..{end} with its whitespace changed not found: {moved:?}"
    );
    let mut chars_q: Vec<char> = quote.chars().collect();
    let at = how as usize % chars_q.len();
    chars_q.insert(at, FOREIGN);
    let foreign: String = chars_q.into_iter().collect();
    assert!(
        !hay.contains(&foreign),
        "a quote holding a character the text lacks is found: {foreign:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let start = u16::from_le_bytes([data[1], data[2]]) as usize;
    let len = 1 + u16::from_le_bytes([data[3], data[4]]) as usize % 400;
    let how = data[5];
    let texts = texts();
    let pick = data[0] as usize;
    if pick < texts.len() * 32 {
        let t = &texts[pick % texts.len()];
        if how % 64 == 0 {
            // The whole text: any text (the input's tail) never panics the matcher.
            let _ = t.hay.contains(&String::from_utf8_lossy(&data[6..]));
            check(&t.chars, &t.hay, start, len, how);
            return;
        }
        let (at, hay) = &t.windows[start % t.windows.len()];
        let end = (at + WINDOW).min(t.chars.len());
        let _ = hay.contains(&String::from_utf8_lossy(&data[6..]));
        check(&t.chars[*at..end], hay, start / t.windows.len(), len, how);
    } else {
        // The input's tail is the text: the tokenizer meets every combination.
        let own = String::from_utf8_lossy(&data[6..]).replace(FOREIGN, "");
        let chars: Vec<char> = own.chars().collect();
        check(&chars, &Haystack::new(&own), start, len, how);
    }
});
