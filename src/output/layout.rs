//! Layout for people, a pure function of (rows, terminal context): a table that keeps the
//! columns answering the question (what gives way first is `pressure`'s), and a record
//! layout (label, value; long text wrapped at word boundaries, like psql's \x) for one thing,
//! or for a table whose answers cannot fit. Control characters are shown escaped.
pub use super::pressure::{Fit, fit};
pub use super::text::{cut, display, width, wrap};
use crate::rows::Role;
use crate::term::Term;

/// Columns are two spaces apart.
pub const GAP: usize = 2;

/// How a block wants to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Many rows: a table, prose cut to fit; records only when even that cannot fit.
    List,
    /// One thing: a table only when everything fits uncut, else records.
    Record,
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right {
        fill + s
    } else {
        s.to_string() + &fill
    }
}

fn bold(s: &str, on: bool) -> String {
    if on {
        format!("\x1b[1m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// One table line of cells at the given widths (the last column unpadded). Only columns the
/// layout may cut are cut: a later, longer answer (rows streamed after the layout was fixed)
/// runs over rather than lose its end.
pub fn line(cells: &[String], widths: &[usize], roles: &[Role], cuts: &[bool]) -> String {
    let last = cells.len().saturating_sub(1);
    let parts: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = if cuts[i] {
                cut(c, widths[i])
            } else {
                c.clone()
            };
            if i == last && roles[i] != Role::Number {
                c
            } else {
                pad(&c, widths[i], roles[i] == Role::Number)
            }
        })
        .collect();
    parts.join(&" ".repeat(GAP)).trim_end().to_string()
}

/// The header and its rule (names too long for their column shortened; see `notes`).
pub fn header(columns: &[String], widths: &[usize], term: &Term) -> Vec<String> {
    let names: Vec<String> = short_names(columns, widths)
        .iter()
        .enumerate()
        .map(|(i, c)| pad(c, widths[i], false))
        .collect();
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    vec![
        bold(names.join(&" ".repeat(GAP)).trim_end(), term.color),
        rule.join(&" ".repeat(GAP)),
    ]
}

/// Each column's name as its header shows it: cut to the column with `…`; numbered ("2:…")
/// when two cut names would read the same.
fn short_names(columns: &[String], widths: &[usize]) -> Vec<String> {
    let cut_all = |numbered: bool| -> Vec<String> {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| match width(c) > widths[i] {
                true if numbered => cut(&format!("{}:{c}", i + 1), widths[i]),
                _ => cut(c, widths[i]),
            })
            .collect()
    };
    let names = cut_all(false);
    let clash = (0..names.len()).any(|i| (0..i).any(|j| names[i] == names[j]));
    if clash { cut_all(true) } else { names }
}

/// A table for `rows`, or None when it cannot fit the width.
pub fn table(
    columns: &[String],
    rows: &[Vec<String>],
    roles: &[Role],
    shape: Shape,
    term: &Term,
) -> Option<Vec<String>> {
    let f = fit(columns, rows, roles, shape, term)?;
    let shown_roles = f.project(roles);
    let mut out = header(&f.project(columns), &f.widths, term);
    out.extend(
        rows.iter()
            .map(|r| line(&f.project(r), &f.widths, &shown_roles, &f.cuts)),
    );
    out.extend(notes(columns, &f, term));
    Some(out)
}

/// The lines under a table: the full names of shortened headers, and which columns are
/// hidden and how to see them; each fitted to the width.
pub fn notes(columns: &[String], f: &Fit, term: &Term) -> Vec<String> {
    let shown = f.project(columns);
    let short = short_names(&shown, &f.widths);
    let legend: Vec<String> = shown
        .iter()
        .zip(&short)
        .filter(|(c, s)| c != s)
        .map(|(c, s)| format!("{s} = {c}"))
        .collect();
    let names: Vec<&str> = (0..columns.len())
        .filter(|i| !f.shown.contains(i))
        .map(|i| columns[i].as_str())
        .collect();
    let mut out = Vec::new();
    let w = term.width.unwrap_or(usize::MAX).max(20);
    if !legend.is_empty() {
        // Whole entries to a line ("short = full" is never split).
        let mut line = String::from("(columns:");
        for (k, e) in legend.iter().enumerate() {
            let sep = if k + 1 == legend.len() { ")" } else { ";" };
            if width(&line) + 1 + width(e) + 1 > w && line != "(columns:" {
                out.push(std::mem::take(&mut line));
                line.push_str(e);
            } else {
                line = format!("{line} {e}");
            }
            line.push_str(sep);
        }
        out.push(line);
    }
    if !names.is_empty() {
        out.push(cut(
            &format!(
                "({} more columns, --wide shows them: {})",
                names.len(),
                names.join(", ")
            ),
            w,
        ));
    }
    out
}

/// Every row as a record: "label  value" lines, values wrapped under themselves, records
/// apart by a blank line. Empty values are left out.
pub fn records(columns: &[String], rows: &[Vec<String>], term: &Term) -> Vec<String> {
    let label_w = columns.iter().map(|c| width(c)).max().unwrap_or(0);
    let limit = if term.wide { None } else { term.width };
    let value_w = limit.map(|l| l.saturating_sub(label_w + GAP).max(10));
    let mut out = Vec::new();
    for (n, r) in rows.iter().enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        for (c, v) in columns.iter().zip(r) {
            if v.is_empty() {
                continue;
            }
            let lines = match value_w {
                Some(w) => wrap(v, w),
                None => vec![v.clone()],
            };
            for (k, l) in lines.iter().enumerate() {
                let label = if k == 0 {
                    pad(c, label_w, false)
                } else {
                    " ".repeat(label_w)
                };
                out.push(format!(
                    "{}{}{l}",
                    bold(&label, term.color),
                    " ".repeat(GAP)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
