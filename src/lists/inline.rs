//! Inline lists: the names after a lead-in such as "signed by" in one line, separated by
//! semicolons, else by commas (the last pair joined by "and", "y", "et", "und" or "и").
use super::forms;

/// Lead-ins, lowercase.
const LEAD_INS: &[&str] = &[
    "signed by",
    "signatories are",
    "signatories:",
    "firmado por",
    "firmada por",
    "suscrito por",
    "signé par",
    "signée par",
    "unterzeichnet von",
    "подписали:",
    "подписано",
];

/// Where a line's lead-in ends, if it has one.
pub fn lead_in(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        return None;
    }
    LEAD_INS
        .iter()
        .filter_map(|l| lower.find(l).map(|at| at + l.len()))
        .min()
}

/// The names printed after the lead-in (empty when the line ends there: the list then
/// follows on the next lines).
pub fn names(rest: &str) -> Vec<&str> {
    let rest = rest.trim().trim_start_matches(':').trim();
    let rest = rest.strip_suffix('.').unwrap_or(rest).trim();
    if rest.is_empty() {
        return Vec::new();
    }
    let mut pieces: Vec<&str> = if rest.contains(';') {
        rest.split(';').collect()
    } else {
        rest.split(',').collect()
    };
    if pieces.len() >= 2
        && let Some(last) = pieces.pop()
    {
        let (a, b) = split_and(last);
        pieces.push(a);
        pieces.extend(b);
    }
    pieces
        .into_iter()
        .map(|p| {
            let p = p.trim();
            let p = strip_word(p, &["and ", "y ", "et ", "und ", "и "]);
            strip_word(p, &["the ", "The "])
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn strip_word<'a>(p: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .find_map(|w| p.strip_prefix(w))
        .unwrap_or(p)
        .trim()
}

/// "A and B" as two names when both sides read as organisations of two words or more.
fn split_and(piece: &str) -> (&str, Option<&str>) {
    for and in [" and ", " y ", " et ", " und ", " и "] {
        if let Some((a, b)) = piece.rsplit_once(and) {
            let full = |s: &str| s.split_whitespace().count() >= 2 && forms::organisation_like(s);
            if full(a) && full(b) {
                return (a, Some(b));
            }
        }
    }
    (piece, None)
}

#[cfg(test)]
mod tests {
    use super::{lead_in, names};

    #[test]
    fn names_after_signed_by() {
        let line = "The statement was signed by the Party of A, Party of B and Party of C.";
        let at = lead_in(line).expect("lead-in");
        assert_eq!(
            names(&line[at..]),
            ["Party of A", "Party of B", "Party of C"]
        );
        let line = "Signed by: Party A (Spain); Party B (Chile)";
        assert_eq!(
            names(&line[lead_in(line).expect("lead-in")..]),
            ["Party A (Spain)", "Party B (Chile)"]
        );
    }
}
