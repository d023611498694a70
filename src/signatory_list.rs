//! Reading a printed signatory list from a text: numbered ("1. Name", "2) Name") or bulleted
//! lines ("- Name", "• Name") of one name each, under group headings such as "SolidNet
//! Parties signing". Numbered paragraphs of the statement itself are not names: an item is a
//! name when it is short and does not end like a sentence.
use crate::error::Result;
use crate::fold::fold;
use crate::resolve::{Candidate, Lookup};
use crate::store::Store;
use crate::store::orgs::Orgs;

/// One line of a printed list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// The printed number, else the place in its group.
    pub position: i64,
    pub group: Option<String>,
    pub name: String,
    /// 1-based line in the text.
    pub line: usize,
}

/// The item of a list line: (printed number, text).
fn item(line: &str) -> Option<(Option<i64>, &str)> {
    let t = line.trim();
    for bullet in ['-', '•', '*', '–', '·'] {
        if let Some(rest) = t.strip_prefix(bullet)
            && rest.starts_with(char::is_whitespace)
        {
            return Some((None, rest.trim()));
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((t[..digits].parse().ok(), rest.trim()))
}

/// Whether an item's text reads like a name rather than a paragraph.
fn is_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=150).contains(&n)
        && !text.ends_with(['.', ':', ';', ',', '!', '?'])
        && text.split_whitespace().count() <= 16
}

/// Every name of every signatory list in `text`, in printed order.
pub fn parse(text: &str) -> Vec<Printed> {
    let mut out = Vec::new();
    let mut heading: Option<String> = None;
    let mut group: Option<String> = None;
    let mut in_list = false;
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match item(t) {
            Some((num, name)) if is_name(name) => {
                if !in_list {
                    group = heading.take();
                    in_list = true;
                    count = 0;
                }
                count += 1;
                out.push(Printed {
                    position: num.unwrap_or(count),
                    group: group.clone(),
                    name: name.to_string(),
                    line: i + 1,
                });
            }
            Some(_) => {
                in_list = false;
                heading = None;
            }
            None => {
                in_list = false;
                heading = (t.chars().count() <= 80 && !t.ends_with(['.', ';', ',']))
                    .then(|| t.trim_end_matches(':').trim().to_string());
            }
        }
    }
    out
}

/// What a printed name resolves to.
#[derive(Clone, Debug)]
pub enum Resolved {
    Org(Candidate),
    New,
    Ambiguous(Vec<String>),
}

/// The forms of a printed name to try: as printed, without its bracketed parts, and each
/// bracketed part ("Philippines Communist Party [PKP 1930]").
fn forms(name: &str) -> Vec<String> {
    let mut bare = String::new();
    let mut inside = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in name.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                cur.clear();
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                inside.push(cur.trim().to_string());
            }
            _ if depth > 0 => cur.push(c),
            _ => bare.push(c),
        }
    }
    let mut out = vec![name.to_string()];
    let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
    if !bare.is_empty() && bare != name {
        out.push(bare);
    }
    out.extend(inside.into_iter().filter(|s| !s.is_empty()));
    out
}

/// The organisation a printed name is: a form of it (as printed, without brackets, or a
/// bracketed part) that is exactly one organisation's name, all such forms agreeing. Names
/// that only contain the printed words are candidates, never a match ("Party of Labour" is
/// not the Party of Labour of Austria).
pub fn resolve_name(store: &Store, name: &str) -> Result<Resolved> {
    let orgs = Orgs(store);
    let mut exact: Vec<Candidate> = Vec::new();
    let mut partial: Vec<Candidate> = Vec::new();
    for form in forms(name) {
        let key = fold(&form);
        if key.is_empty() {
            continue;
        }
        for c in orgs.by_key(&key)? {
            if !exact.iter().any(|f| f.id == c.id) {
                exact.push(c);
            }
        }
        for c in orgs.by_words(&key)? {
            if !partial.iter().any(|f| f.id == c.id) {
                partial.push(c);
            }
        }
    }
    let describe = |cs: &[Candidate]| {
        cs.iter()
            .map(|c| format!("{} ({})", c.id, c.label))
            .collect()
    };
    Ok(match (exact.len(), partial.len()) {
        (1, _) => Resolved::Org(exact.remove(0)),
        (0, 0) => Resolved::New,
        (0, _) => Resolved::Ambiguous(describe(&partial)),
        _ => Resolved::Ambiguous(describe(&exact)),
    })
}

#[cfg(test)]
mod tests {
    use super::{forms, parse};

    #[test]
    fn reads_groups_and_skips_numbered_paragraphs() {
        let text = "Title\n\n1.   At the beginning of 2022, things happened.\n\nThe statement is open.\n\nSolidNet Parties signing \n\n  1. Communist Party of Albania\n  2. Party of Labour of Austria\n\nOther Parties\n\n  1. Communist Front (Italy)\n";
        let got = parse(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].group.as_deref(), Some("SolidNet Parties signing"));
        assert_eq!(got[1].position, 2);
        assert_eq!(got[2].group.as_deref(), Some("Other Parties"));
        assert_eq!(got[2].name, "Communist Front (Italy)");
    }

    #[test]
    fn bracketed_parts_are_tried_alone() {
        assert_eq!(
            forms("Philippines Communist Party [PKP 1930]"),
            [
                "Philippines Communist Party [PKP 1930]",
                "Philippines Communist Party",
                "PKP 1930"
            ]
        );
    }
}
