//! The import target's input: a first line naming the table and the conflict mode
//! (`signatures replace`), then the CSV file exactly as `import` would read it. Seeds stay
//! readable and a crash file is a ready-made `import` case: the first line gives the command.
use stancedb::store::load::OnConflict;
use stancedb::store::tables::{self, TABLES};

/// One import: which table, what to do on a conflict, and the file's bytes.
#[derive(Clone, Copy, Debug)]
pub struct ImportInput<'a> {
    pub table: &'static str,
    pub on_conflict: OnConflict,
    pub csv: &'a [u8],
}

/// The conflict modes, as `--on-conflict` spells them.
pub const MODES: &[(&str, OnConflict)] = &[
    ("error", OnConflict::Error),
    ("skip", OnConflict::Skip),
    ("replace", OnConflict::Replace),
];

/// Split `data` into the command line and the file. A first line that names no table still
/// picks one (by its bytes), so no input is wasted.
pub fn parse(data: &[u8]) -> ImportInput<'_> {
    let (head, csv) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    let text = String::from_utf8_lossy(head);
    let mut words = text.split_whitespace();
    let table = words
        .next()
        .and_then(|w| tables::table(w).ok())
        .unwrap_or_else(|| {
            let sum = head.iter().fold(0usize, |a, &b| a.wrapping_add(b as usize));
            TABLES[sum % TABLES.len()]
        });
    let on_conflict = words
        .next()
        .and_then(|w| MODES.iter().find(|(name, _)| *name == w))
        .map_or(OnConflict::Error, |(_, m)| *m);
    ImportInput {
        table,
        on_conflict,
        csv,
    }
}

/// The input for `table`, `mode` and `csv` (the inverse of `parse`).
pub fn render(table: &str, mode: OnConflict, csv: &[u8]) -> Vec<u8> {
    let name = MODES
        .iter()
        .find(|(_, m)| *m == mode)
        .map_or("error", |(n, _)| *n);
    let mut out = format!("{table} {name}\n").into_bytes();
    out.extend_from_slice(csv);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_then_parse_round_trips() {
        let data = render("stances", OnConflict::Replace, b"a,b\n1,2\n");
        let p = parse(&data);
        assert_eq!(p.table, "stances");
        assert_eq!(p.on_conflict, OnConflict::Replace);
        assert_eq!(p.csv, b"a,b\n1,2\n");
    }

    #[test]
    fn any_first_line_picks_a_table() {
        assert!(TABLES.contains(&parse(b"\xff\xfe").table));
        assert_eq!(parse(b"names\n").on_conflict, OnConflict::Error);
    }
}
