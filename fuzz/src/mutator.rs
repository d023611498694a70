//! A header-aware mutator for the import target: most mutations change one field of one data
//! row (to an id, name or vocabulary word the database knows, or to bytes libFuzzer mutated),
//! add, copy or drop rows, swap columns, quote a field or change line ends — the header stays
//! a header, so most inputs reach row validation, references, upserts and the triggers.
//! A few mutations are libFuzzer's own over the whole input, so the header and quoting are
//! fuzzed too.
use stancedb::store::load::OnConflict;
use stancedb::store::tables::TABLES;

use crate::Rng;
use crate::import_input::{MODES, parse, render};
use crate::tokens::Tokens;

/// The most data rows a structured mutation leaves in a file.
const MAX_ROWS: usize = 12;

/// libFuzzer's own mutation of `data[..size]` within `max_size`; returns the new size.
pub type Default<'a> = &'a mut dyn FnMut(&mut [u8], usize, usize) -> usize;

/// The file as lines (header first) of comma-separated fields; line ends kept as given.
struct Doc {
    table: &'static str,
    mode: OnConflict,
    lines: Vec<Vec<u8>>,
}

fn fields(line: &[u8]) -> Vec<Vec<u8>> {
    line.split(|&b| b == b',').map(<[u8]>::to_vec).collect()
}

impl Doc {
    fn of(data: &[u8]) -> Doc {
        let input = parse(data);
        let mut lines: Vec<Vec<u8>> = input
            .csv
            .split(|&b| b == b'\n')
            .map(<[u8]>::to_vec)
            .collect();
        if lines.last().is_some_and(Vec::is_empty) {
            lines.pop();
        }
        Doc {
            table: input.table,
            mode: input.on_conflict,
            lines,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut csv = self.lines.join(&b'\n');
        if !self.lines.is_empty() {
            csv.push(b'\n');
        }
        render(self.table, self.mode, &csv)
    }

    fn seed_lines<'t>(&self, tokens: &'t Tokens) -> &'t [Vec<u8>] {
        tokens
            .seed_lines
            .iter()
            .find(|(t, _)| *t == self.table)
            .map_or(&[][..], |(_, l)| l)
    }

    /// A data row's index, adding a seed row first when there is none.
    fn some_row(&mut self, rng: &mut Rng, tokens: &Tokens) -> Option<usize> {
        if self.lines.len() < 2 {
            self.add_seed_row(rng, tokens);
        }
        (self.lines.len() >= 2).then(|| 1 + rng.below(self.lines.len() - 1))
    }

    fn add_seed_row(&mut self, rng: &mut Rng, tokens: &Tokens) {
        let seed = self.seed_lines(tokens);
        if self.lines.is_empty() {
            if let Some(h) = seed.first() {
                self.lines.push(h.clone());
            }
        }
        if seed.len() > 1 {
            let row = seed[1 + rng.below(seed.len() - 1)].clone();
            let at = 1 + rng.below(self.lines.len());
            self.lines.insert(at.min(self.lines.len()), row);
        }
    }

    /// Replace field `col` of line `row` with whatever `f` makes of it.
    fn edit_field(&mut self, row: usize, rng: &mut Rng, f: impl FnOnce(&[u8]) -> Vec<u8>) {
        let mut fs = fields(&self.lines[row]);
        let col = rng.below(fs.len());
        fs[col] = f(&fs[col]);
        self.lines[row] = fs.join(&b',');
    }
}

/// Mutate `data[..size]` in place within `max_size`; returns the new size.
pub fn mutate(
    data: &mut [u8],
    size: usize,
    max_size: usize,
    seed: u32,
    tokens: &Tokens,
    default: Default,
) -> usize {
    let mut rng = Rng::new(seed);
    let choice = rng.below(16);
    if choice < 3 {
        return default(data, size, max_size);
    }
    let mut doc = Doc::of(&data[..size]);
    match choice {
        3..=6 => {
            if let Some(row) = doc.some_row(&mut rng, tokens) {
                let word = rng.pick(&tokens.words).clone();
                doc.edit_field(row, &mut rng, |_| word);
            }
        }
        7..=8 => {
            if let Some(row) = doc.some_row(&mut rng, tokens) {
                doc.edit_field(row, &mut rng, |f| {
                    let mut buf = f.to_vec();
                    buf.resize(f.len() + 16, 0);
                    let n = default(&mut buf, f.len(), f.len() + 16);
                    buf.truncate(n);
                    buf
                });
            }
        }
        9 => doc.add_seed_row(&mut rng, tokens),
        10 => {
            if let Some(row) = doc.some_row(&mut rng, tokens) {
                if rng.below(2) == 0 {
                    let copy = doc.lines[row].clone();
                    doc.lines.insert(row, copy);
                } else {
                    doc.lines.remove(row);
                }
            }
        }
        11 => doc.mode = rng.pick(MODES).1,
        12 => {
            doc.table = *rng.pick(TABLES);
            doc.lines.clear();
            for _ in 0..1 + rng.below(4) {
                doc.add_seed_row(&mut rng, tokens);
            }
        }
        13 => swap_columns(&mut doc, &mut rng),
        14 => {
            if let Some(row) = doc.some_row(&mut rng, tokens) {
                doc.edit_field(row, &mut rng, quote);
            }
        }
        _ => line_ends(&mut doc, &mut rng),
    }
    // Few rows: a bug shows in one or two rows, and each row costs a write and its triggers.
    if doc.lines.len() > 1 + MAX_ROWS {
        let drop = 1 + rng.below(doc.lines.len() - 1);
        doc.lines.remove(drop);
        doc.lines.truncate(1 + MAX_ROWS);
    }
    let out = doc.bytes();
    if out.len() > max_size || data.len() < out.len() {
        return default(data, size, max_size);
    }
    data[..out.len()].copy_from_slice(&out);
    out.len()
}

/// The field in double quotes, inner quotes doubled (as a careful CSV writer would).
fn quote(f: &[u8]) -> Vec<u8> {
    let mut out = vec![b'"'];
    for &b in f {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
    out
}

/// Swap two columns in the header and every row.
fn swap_columns(doc: &mut Doc, rng: &mut Rng) {
    let width = doc.lines.first().map_or(0, |h| fields(h).len());
    if width < 2 {
        return;
    }
    let (a, b) = (rng.below(width), rng.below(width));
    for line in &mut doc.lines {
        let mut fs = fields(line);
        if a < fs.len() && b < fs.len() {
            fs.swap(a, b);
            *line = fs.join(&b',');
        }
    }
}

/// CRLF line ends on or off, or a byte-order mark added or removed.
fn line_ends(doc: &mut Doc, rng: &mut Rng) {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if rng.below(2) == 0 {
        let crlf = doc.lines.first().is_some_and(|l| l.ends_with(b"\r"));
        for line in &mut doc.lines {
            if crlf {
                if line.ends_with(b"\r") {
                    line.pop();
                }
            } else {
                line.push(b'\r');
            }
        }
    } else if let Some(h) = doc.lines.first_mut() {
        if h.starts_with(BOM) {
            h.drain(..3);
        } else {
            h.splice(0..0, BOM.iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> Tokens {
        let store = stancedb::Store::in_memory().expect("seeded store");
        crate::tokens::gather(store.conn()).expect("tokens")
    }

    #[test]
    fn most_mutations_keep_the_header() {
        let tokens = tokens();
        let mut kept = 0;
        let start = render(
            "organisations",
            OnConflict::Error,
            b"id,name,kind\nx-party,X,party\n",
        );
        for seed in 0..400u32 {
            let mut buf = start.clone();
            buf.resize(4096, 0);
            let n = mutate(&mut buf, start.len(), 4096, seed, &tokens, &mut |_, s, _| s);
            let doc = Doc::of(&buf[..n]);
            let header = doc.lines.first().map(|h| fields(h).len());
            if doc.table == "organisations" && header == Some(3) {
                kept += 1;
            }
        }
        assert!(kept > 250, "only {kept} of 400 kept a 3-column header");
    }
}
