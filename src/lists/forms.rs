//! What one line of a text is to a list reader: an item (numbered `1.` `1)` `(1)` or
//! bulleted), a heading (ending in ":" or a signatory heading in one of five languages), a
//! date, a closing formula, prose, or a plain line that may be an entry; and how an entry
//! splits into the party and the printed country ("Country, Party", "Party (Country)"…).
use super::countries;
use crate::fold::fold;

/// One line, by its form.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    /// A numbered or bulleted item: the printed number (none for a bullet) and its text.
    Item(Option<i64>, &'a str),
    Plain(&'a str),
}

const BULLETS: [char; 11] = ['-', '•', '*', '–', '—', '·', '▪', '○', '◦', '●', '►'];

/// The form of one line.
pub fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Blank;
    }
    for bullet in BULLETS {
        if let Some(rest) = t.strip_prefix(bullet)
            && rest.starts_with(char::is_whitespace)
        {
            return Line::Item(None, rest.trim());
        }
    }
    numbered(t).map_or(Line::Plain(t), |(n, rest)| Line::Item(Some(n), rest))
}

/// "12. X", "12) X", "(12) X": (12, "X").
fn numbered(t: &str) -> Option<(i64, &str)> {
    let (open, body) = match t.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &body[digits..];
    let rest = if open {
        rest.strip_prefix(')')?
    } else {
        rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?
    };
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((body[..digits].parse().ok()?, rest.trim()))
}

/// Words that make a heading a signatory heading, as folded stems.
const SIGNATORY: &[&str] = &[
    "signator",
    "signing",
    "signed",
    "signat",
    "firmant",
    "firmad",
    "firman",
    "suscri",
    "subscri",
    "unterzeichn",
    "podpisa",
    "parties",
    "partidos",
    "partis",
    "parteien",
    "partii",
    "organisations",
    "organizations",
    "organizaciones",
    "organisationen",
    "organizatsii",
    "youth",
    "juventud",
    "jeunesse",
    "jugend",
    "molodezh",
];

/// Whether `t` names a list of signatories or groups of them.
pub fn signatory_heading(t: &str) -> bool {
    fold(t)
        .split(' ')
        .any(|w| SIGNATORY.iter().any(|s| w.starts_with(s)))
}

/// The group a heading line names, if the line is one: it ends with ":" (and is not a
/// sentence), or it is short and names signatories ("Signatories", "Other Parties").
pub fn heading(t: &str) -> Option<String> {
    let words = t.split_whitespace().count();
    if words == 0 || words > 24 || t.chars().count() > 200 {
        return None;
    }
    if let Some(body) = t.strip_suffix(':') {
        return (!body.contains(". ")).then(|| body.trim().to_string());
    }
    (words <= 6 && !t.ends_with(['.', ',', ';', '!', '?']) && signatory_heading(t))
        .then(|| t.to_string())
}

/// Words that mark a name as an organisation's, as folded stems.
const ORGANISATION: &[&str] = &[
    "part",
    "communis",
    "comunis",
    "kommunis",
    "kommunist",
    "socialis",
    "sozialis",
    "worker",
    "obrer",
    "ouvrier",
    "arbeiter",
    "labour",
    "labor",
    "union",
    "uni",
    "league",
    "liga",
    "ligue",
    "bund",
    "movement",
    "moviment",
    "mouvement",
    "bewegung",
    "front",
    "frente",
    "youth",
    "juventud",
    "jeunes",
    "jugend",
    "organi",
    "committee",
    "comite",
    "federation",
    "federaci",
    "alliance",
    "alianza",
    "congress",
    "congres",
    "council",
    "consejo",
    "conseil",
    "forum",
    "initiative",
    "platform",
    "network",
    "group",
    "collective",
    "colectiv",
    "tendency",
    "association",
    "asociaci",
    "revolution",
    "marxis",
    "leninis",
    "people",
    "popular",
    "democrat",
    "green",
    "left",
    "izquierda",
    "gauche",
    "linke",
    "levy",
    "levaia",
    "rabochi",
];

/// Whether a printed name looks like an organisation's (a list of them is a signatory list).
pub fn organisation_like(name: &str) -> bool {
    fold(name)
        .split(' ')
        .any(|w| ORGANISATION.iter().any(|s| w.starts_with(s)))
}

/// Month names and abbreviations, folded (English, Spanish, French, German, Russian).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "januar",
    "februar",
    "marz",
    "maerz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "январь",
    "января",
    "февраль",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The month names, folded once.
fn months() -> &'static [String] {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| MONTHS.iter().map(|m| fold(m)).collect())
}

/// Whether a line is a date ("18 January 2022", "Moscow, 18.01.2022", "2022-01-18").
pub fn is_date(t: &str) -> bool {
    let key = fold(t);
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() > 8 {
        return false;
    }
    let year = |w: &&str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let has_year = words.iter().any(year);
    let month = words.iter().any(|w| months().iter().any(|m| m == w));
    let numeric = t.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    });
    has_year && (month || numeric)
}

/// Folded beginnings of closing formulas.
const CLOSINGS: &[&str] = &[
    "long live",
    "workers of all",
    "proletarians of all",
    "viva",
    "vive",
    "es lebe",
    "da zdravstvuet",
    "in solidarity",
    "with solidarity",
    "comradely",
    "fraternally",
    "sincerely",
    "yours",
    "con saludos",
    "saludos",
    "salutations",
    "mit solidarischen",
    "hasta la victoria",
    "proletarios de todos",
    "proletaires de tous",
    "proletarier aller",
];

/// Whether a line closes a statement ("Workers of all countries, unite!", "In solidarity,").
pub fn is_closing(t: &str) -> bool {
    let key = fold(t);
    t.ends_with('!') || t.starts_with('¡') || CLOSINGS.iter().any(|c| key.starts_with(c))
}

/// The entry an item or plain line holds, if it reads like one name (short, not a sentence,
/// not a date or a closing formula): the text without a trailing ";" or ",".
pub fn entry(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches([';', ',']).trim_end();
    let n = t.chars().count();
    let ok = (2..=150).contains(&n)
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ':', '!', '?'])
        && t.split_whitespace().count() <= 16
        && !is_date(t)
        && !is_closing(text.trim());
    ok.then_some(t)
}

/// An entry split into the party and the country printed with it, if any: "Country, Party",
/// "Country – Party", "Country: Party", "Party (Country)", "Party, Country", "Party – Country".
pub fn split_country(t: &str) -> (&str, Option<&str>) {
    const SEPARATORS: [&str; 5] = [", ", " – ", " — ", " - ", ": "];
    for sep in SEPARATORS {
        if let Some((left, right)) = t.split_once(sep)
            && countries::code(left).is_some()
            && !right.trim().is_empty()
        {
            return (right.trim(), Some(left.trim()));
        }
    }
    if let Some(body) = t.strip_suffix(')').or_else(|| t.strip_suffix(']'))
        && let Some(open) = body.rfind(['(', '['])
    {
        let inner = body[open + 1..].trim();
        let party = body[..open].trim();
        if countries::code(inner).is_some() && !party.is_empty() {
            return (party, Some(inner));
        }
    }
    for sep in SEPARATORS {
        if let Some((left, right)) = t.rsplit_once(sep)
            && countries::code(right).is_some()
            && !left.trim().is_empty()
        {
            return (left.trim(), Some(right.trim()));
        }
    }
    (t, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_lines() {
        assert_eq!(classify("  (3) Party A"), Line::Item(Some(3), "Party A"));
        assert_eq!(classify("3) Party A"), Line::Item(Some(3), "Party A"));
        assert_eq!(classify("• Party A"), Line::Item(None, "Party A"));
        assert_eq!(classify("2022 was hard"), Line::Plain("2022 was hard"));
        assert!(is_date("Moscow, 18.01.2022") && is_date("18 January 2022"));
        assert!(!is_date("Philippines Communist Party [PKP 1930]"));
        assert_eq!(
            split_country("Greece, Communist Party of Greece"),
            ("Communist Party of Greece", Some("Greece"))
        );
        assert_eq!(
            split_country("Communist Party of India (Marxist)"),
            ("Communist Party of India (Marxist)", None)
        );
        assert_eq!(split_country("Party X (Spain)"), ("Party X", Some("Spain")));
        assert_eq!(split_country("Party X – Spain"), ("Party X", Some("Spain")));
    }
}
