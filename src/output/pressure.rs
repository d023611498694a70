//! How a table gives way under pressure: each column's floor by its part (see `parts`) and
//! the pressure level, the order in which columns are hidden, and how the width left over is
//! shared. `fit` chooses the layout; `layout` draws it.
use super::layout::{GAP, Shape, width};
use super::parts::{self, Part};
use crate::rows::Role;
use crate::term::Term;

/// A prose column is not made narrower than this (or its own width, if smaller).
const MIN_PROSE: usize = 16;
/// The longest prose column of a list is not made narrower than this until labels are cut.
const MAIN_PROSE: usize = 30;

/// Cut floors under pressure: a label, a key when pressed, a key when nothing else is left,
/// an answer's header (shortened with a legend, never its values).
const LABEL_FLOOR: usize = 12;
const KEY_SOFT: usize = 24;
const KEY_FLOOR: usize = 10;
const HEADER_FLOOR: usize = 5;
/// A snippet's column keeps room for a match up to this wide (a longer one shows its start).
const MATCH_ROOM: usize = 40;

/// What a layout knows of each column: its part, natural width, widest value, widest
/// »match« (a snippet is never cut inside its match).
struct Measure {
    parts: Vec<Part>,
    natural: Vec<usize>,
    values: Vec<usize>,
    marked: Vec<usize>,
    main: Option<usize>,
}

impl Measure {
    fn new(columns: &[String], rows: &[Vec<String>], roles: &[Role]) -> Measure {
        let values: Vec<usize> = (0..columns.len())
            .map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0))
            .collect();
        let natural = (0..columns.len())
            .map(|i| values[i].max(width(&columns[i])))
            .collect();
        let marked = (0..columns.len())
            .map(|i| {
                rows.iter()
                    .filter_map(|r| marked_width(&r[i]))
                    .map(|w| w + 2)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let parts = parts::parts(columns, roles);
        let main = (0..columns.len())
            .filter(|i| parts[*i] == Part::Prose)
            .max_by_key(|i| values[*i]);
        Measure {
            parts,
            natural,
            values,
            marked,
            main,
        }
    }

    /// The narrowest column `i` may be at pressure `level` (0: none; 1: prose cut; 2: labels
    /// cut and keys shortened; 3: the main prose cut further; 4: answers' headers shortened;
    /// 5: keys cut to the bone). A snippet keeps room for its match (up to `MATCH_ROOM`).
    fn floor(&self, i: usize, role: Role, level: u8) -> usize {
        let n = self.natural[i];
        let cuttable = matches!(role, Role::Prose | Role::Id);
        let marked = self.marked[i].min(MATCH_ROOM);
        let f = match self.parts[i] {
            _ if level == 0 => n,
            Part::Prose | Part::Echo => {
                let base = if Some(i) == self.main && level < 3 {
                    MAIN_PROSE
                } else {
                    MIN_PROSE
                };
                base.max(marked)
            }
            Part::Label if level >= 2 && cuttable => LABEL_FLOOR.max(marked),
            Part::Key if level >= 5 && cuttable => KEY_FLOOR,
            Part::Key if level >= 2 && cuttable => KEY_SOFT,
            Part::Answer if level >= 4 => self.values[i].max(HEADER_FLOOR),
            _ => n,
        };
        f.min(n)
    }

    /// The columns a list hides at each step, in order: (1) empty ones and echoes, before the
    /// labels are cut; (2) labels, before the main prose is cut further; (3) prose (the main
    /// prose last); each from the right. Keys and answers are never hidden, even when empty
    /// (an issue no shown organisation has a stance on is still a column of the matrix).
    fn hiding_order(&self) -> [Vec<usize>; 3] {
        let n = self.parts.len();
        let key = self.parts.iter().position(|p| *p == Part::Key);
        let empty = |i: usize| self.values[i] == 0 && Some(i) != key;
        let first: Vec<usize> = (0..n)
            .rev()
            .filter(|i| empty(*i) && self.parts[*i] != Part::Answer)
            .chain(
                (0..n)
                    .rev()
                    .filter(|i| self.parts[*i] == Part::Echo && !empty(*i)),
            )
            .collect();
        let from_right = |part: Part| -> Vec<usize> {
            (0..n)
                .rev()
                .filter(|i| self.parts[*i] == part && Some(*i) != self.main && !first.contains(i))
                .collect()
        };
        let labels = from_right(Part::Label);
        let mut prose = from_right(Part::Prose);
        prose.extend(self.main.filter(|m| !first.contains(m)));
        [first, labels, prose]
    }
}

/// The width of the widest »match« in a snippet, if it marks one.
fn marked_width(s: &str) -> Option<usize> {
    let open = s.find('»')?;
    let close = s[open..].find('«')? + open;
    Some(width(&s[open..close + '«'.len_utf8()]))
}

/// Widths for columns that may shrink from `natural` down to `floors`: None when the floors
/// do not fit in `limit`; else each column its floor, then what is left goes tier by tier
/// (in the order of `tiers`), within a tier
/// in proportion to what each still needs (so a long quote gains more than a short name).
pub fn spread(
    natural: &[usize],
    floors: &[usize],
    tiers: &[u8],
    limit: usize,
) -> Option<Vec<usize>> {
    let gaps = GAP * natural.len().saturating_sub(1);
    if natural.iter().sum::<usize>() + gaps <= limit {
        return Some(natural.to_vec());
    }
    if floors.iter().sum::<usize>() + gaps > limit {
        return None;
    }
    let mut out = floors.to_vec();
    let mut left = limit - floors.iter().sum::<usize>() - gaps;
    let mut order: Vec<u8> = tiers.to_vec();
    order.sort_unstable();
    order.dedup();
    for tier in order {
        while left > 0 {
            let need: Vec<(usize, usize)> = (0..out.len())
                .filter(|i| tiers[*i] == tier)
                .map(|i| (i, natural[i] - out[i]))
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
    }
    Some(out)
}

/// A table's layout: which columns are shown (in order), their widths, and which of them may
/// be cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub shown: Vec<usize>,
    pub widths: Vec<usize>,
    pub cuts: Vec<bool>,
}

impl Fit {
    /// The shown cells of a row.
    pub fn project<T: Clone>(&self, row: &[T]) -> Vec<T> {
        self.shown.iter().map(|i| row[*i].clone()).collect()
    }
}

/// The layout of a table for `rows` (already displayed as text), or None when the block
/// should be shown as records instead. A list under pressure cuts its prose, hides its echoes,
/// cuts its labels (and shortens its keys), hides labels and prose, then shortens the
/// answers' headers and cuts the key further; its answers stay whole, and only when they
/// cannot fit beside the key is it records.
/// A record is a table only when everything fits uncut.
pub fn fit(
    columns: &[String],
    rows: &[Vec<String>],
    roles: &[Role],
    shape: Shape,
    term: &Term,
) -> Option<Fit> {
    let limit = if term.wide { None } else { term.width };
    let m = Measure::new(columns, rows, roles);
    let all: Vec<usize> = (0..columns.len()).collect();
    let make = |shown: &[usize], widths: Vec<usize>| Fit {
        cuts: shown
            .iter()
            .zip(&widths)
            .map(|(i, w)| {
                m.parts[*i] != Part::Answer && (roles[*i] == Role::Prose || *w < m.natural[*i])
            })
            .collect(),
        shown: shown.to_vec(),
        widths,
    };
    let total = m.natural.iter().sum::<usize>() + GAP * columns.len().saturating_sub(1);
    if limit.is_none_or(|l| total <= l) {
        return (shape == Shape::List || !rows.is_empty()).then(|| make(&all, m.natural.clone()));
    }
    let limit = limit?;
    if shape == Shape::Record {
        return None;
    }
    let attempt = |shown: &[usize], level: u8| {
        let natural: Vec<usize> = shown.iter().map(|i| m.natural[*i]).collect();
        let floors: Vec<usize> = shown
            .iter()
            .map(|i| m.floor(*i, roles[*i], level))
            .collect();
        // Room left over goes to answers' headers, labels, prose, then keys (past KEY_SOFT).
        let tier = |p: Part| match p {
            Part::Answer => 0,
            Part::Label => 1,
            Part::Prose | Part::Echo => 2,
            Part::Key => 3,
        };
        let tiers: Vec<u8> = shown.iter().map(|i| tier(m.parts[*i])).collect();
        spread(&natural, &floors, &tiers, limit).map(|w| make(shown, w))
    };
    let mut shown = all;
    if let Some(f) = attempt(&shown, 1) {
        return Some(f);
    }
    // Each step hides its columns one at a time at its pressure level, then presses harder.
    for (hide, level) in m.hiding_order().into_iter().zip([1, 2, 3]) {
        for drop in hide {
            shown.retain(|i| *i != drop);
            if let Some(f) = attempt(&shown, level) {
                return Some(f);
            }
        }
        if let Some(f) = attempt(&shown, level + 1) {
            return Some(f);
        }
    }
    attempt(&shown, 5)
}
