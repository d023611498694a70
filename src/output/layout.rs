//! Layout for people, a pure function of (rows, terminal context): a table whose ids, dates,
//! numbers and vocabulary words stay whole while prose is cut with `…` to fit the width, and
//! a record layout (label, value; long text wrapped at word boundaries, like psql's \x) for
//! one thing, or for a table that cannot fit. Control characters are shown escaped.
pub use super::text::{cut, display, width, wrap};
use crate::rows::Role;
use crate::term::Term;

/// Columns are two spaces apart.
const GAP: usize = 2;
/// A prose column is not made narrower than this (or its own width, if smaller).
const MIN_PROSE: usize = 16;
/// The longest prose column of a list is not made narrower than this.
const MAIN_PROSE: usize = 30;

/// How a block wants to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Many rows: a table, prose cut to fit; records only when even that cannot fit.
    List,
    /// One thing: a table only when everything fits uncut, else records.
    Record,
}

/// The width of each column, or None when the columns that may not be cut do not fit.
pub fn widths(
    columns: &[String],
    rows: &[Vec<String>],
    roles: &[Role],
    limit: Option<usize>,
) -> Option<Vec<usize>> {
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| {
            rows.iter()
                .map(|r| width(&r[i]))
                .chain([width(&columns[i])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let Some(limit) = limit else {
        return Some(natural);
    };
    let gaps = GAP * columns.len().saturating_sub(1);
    if natural.iter().sum::<usize>() + gaps <= limit {
        return Some(natural);
    }
    let prose: Vec<usize> = (0..columns.len())
        .filter(|i| roles[*i] == Role::Prose)
        .collect();
    let fixed: usize = (0..columns.len())
        .filter(|i| roles[*i] != Role::Prose)
        .map(|i| natural[i])
        .sum();
    // The longest prose (the quote, the title) is what a list is read for: it keeps more.
    let main = prose.iter().copied().max_by_key(|i| natural[*i]);
    let floor = |i: usize| {
        natural[i].min(if Some(i) == main {
            MAIN_PROSE
        } else {
            MIN_PROSE
        })
    };
    let mins: usize = prose.iter().map(|i| floor(*i)).sum();
    if fixed + gaps + mins > limit {
        return None;
    }
    // Each prose column gets its floor, then what is left in proportion to what it still
    // needs (so a long quote gains more than a short name).
    let mut out = natural.clone();
    for i in &prose {
        out[*i] = floor(*i);
    }
    let mut left = limit - fixed - gaps - mins;
    while left > 0 {
        let need: Vec<(usize, usize)> = prose
            .iter()
            .map(|i| (*i, natural[*i] - out[*i]))
            .filter(|(_, n)| *n > 0)
            .collect();
        let total: usize = need.iter().map(|(_, n)| n).sum();
        if total == 0 {
            break;
        }
        let mut given = 0;
        for (i, n) in &need {
            let add = (left * n / total).clamp(1, *n).min(left - given);
            out[*i] += add;
            given += add;
        }
        left -= given;
        if given == 0 {
            break;
        }
    }
    Some(out)
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

/// One table line of cells at the given widths (the last column unpadded).
pub fn line(cells: &[String], widths: &[usize], roles: &[Role]) -> String {
    let last = cells.len().saturating_sub(1);
    let parts: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Only prose is cut: a later, longer id or number (rows streamed after the layout
            // was fixed) runs over rather than lose its end.
            let c = if roles[i] == Role::Prose {
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

/// The header and its rule.
pub fn header(columns: &[String], widths: &[usize], term: &Term) -> Vec<String> {
    let names: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| pad(&cut(c, widths[i]), widths[i], false))
        .collect();
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    vec![
        bold(names.join(&" ".repeat(GAP)).trim_end(), term.color),
        rule.join(&" ".repeat(GAP)),
    ]
}

/// A table's layout: which columns are shown (in order) and their widths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub shown: Vec<usize>,
    pub widths: Vec<usize>,
}

impl Fit {
    /// The shown cells of a row.
    pub fn project<T: Clone>(&self, row: &[T]) -> Vec<T> {
        self.shown.iter().map(|i| row[*i].clone()).collect()
    }
}

/// The layout of a table for `rows` (already displayed as text), or None when the block
/// should be shown as records instead. A list that cannot fit hides columns from the right
/// (never the first, nor the first id); a record never hides anything.
pub fn fit(
    columns: &[String],
    rows: &[Vec<String>],
    roles: &[Role],
    shape: Shape,
    term: &Term,
) -> Option<Fit> {
    let limit = if term.wide { None } else { term.width };
    let all: Vec<usize> = (0..columns.len()).collect();
    if shape == Shape::Record {
        let natural = widths(columns, rows, roles, None)?;
        let total = natural.iter().sum::<usize>() + GAP * natural.len().saturating_sub(1);
        return (limit.is_none_or(|l| total <= l) && !rows.is_empty()).then_some(Fit {
            shown: all,
            widths: natural,
        });
    }
    let mut shown = all;
    let mut order = hiding_order(rows, roles).into_iter();
    loop {
        let f = Fit {
            shown: shown.clone(),
            widths: Vec::new(),
        };
        let cols = f.project(columns);
        let rs: Vec<Vec<String>> = rows.iter().map(|r| f.project(r)).collect();
        if let Some(w) = widths(&cols, &rs, &f.project(roles), limit) {
            return Some(Fit { shown, widths: w });
        }
        let drop = order.next()?;
        shown.retain(|i| *i != drop);
    }
}

/// The longest prose column: what a list is read for (the quote, the title, the detail).
fn main_prose(rows: &[Vec<String>], roles: &[Role]) -> Option<usize> {
    (0..roles.len())
        .filter(|i| roles[*i] == Role::Prose)
        .max_by_key(|i| rows.iter().map(|r| width(&r[*i])).max().unwrap_or(0))
}

/// Which columns a list hides first when it cannot fit: those the first column already
/// determines (a count repeated for each row of a group), then words and numbers from the
/// right (which cannot be cut), then prose from the right. Never the first column, the
/// first id or the longest prose; when even those do not fit, the list becomes records.
pub fn hiding_order(rows: &[Vec<String>], roles: &[Role]) -> Vec<usize> {
    let first_id = roles.iter().position(|r| *r == Role::Id);
    let main = main_prose(rows, roles);
    let keep = |i: usize| i == 0 || Some(i) == first_id || Some(i) == main;
    let determined = |i: usize| {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        rows.iter()
            .all(|r| match seen.iter().find(|(k, _)| *k == r[0]) {
                Some((_, v)) => *v == r[i],
                None => {
                    seen.push((&r[0], &r[i]));
                    true
                }
            })
            && seen.len() < rows.len()
    };
    let n = roles.len();
    let mut order: Vec<usize> = (0..n)
        .rev()
        .filter(|i| !keep(*i) && determined(*i))
        .collect();
    for prose in [false, true] {
        for i in (0..n).rev() {
            if !keep(i) && !order.contains(&i) && (roles[i] == Role::Prose) == prose {
                order.push(i);
            }
        }
    }
    order
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
            .map(|r| line(&f.project(r), &f.widths, &shown_roles)),
    );
    if let Some(note) = hidden(columns, &f) {
        out.push(cut(&note, term.width.unwrap_or(usize::MAX)));
    }
    Some(out)
}

/// The line under a table that hides columns: which, and how to see them.
pub fn hidden(columns: &[String], f: &Fit) -> Option<String> {
    let names: Vec<&str> = (0..columns.len())
        .filter(|i| !f.shown.contains(i))
        .map(|i| columns[i].as_str())
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "({} more columns, --wide shows them: {})",
            names.len(),
            names.join(", ")
        )
    })
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
