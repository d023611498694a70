//! The keys a printed name is compared by, from strict to loose: the exact key (folded, "&"
//! read as "and"); the loose words (abbreviations such as CP expanded, articles and
//! prepositions dropped); the loose words without country names; in any order; and spelled
//! the way transliterations differ. Qualifier words (Marxist, New, Workers…) are never
//! dropped, so look-alikes keep different keys.
use crate::fold::fold;
use crate::lists::countries;

/// The exact key: folded, "&" read as "and".
pub fn exact_key(s: &str) -> String {
    fold(&s.replace('&', " and "))
}

/// Printed abbreviations and what they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("cp", "communist party"),
    ("wp", "workers party"),
    ("ncp", "new communist party"),
    ("ucp", "united communist party"),
    ("rcp", "revolutionary communist party"),
    ("kp", "communist party"),
    ("yl", "young league"),
    ("cy", "communist youth"),
];

/// Articles and prepositions that real lists drop or add.
const STOP: &[&str] = &[
    "of", "the", "de", "del", "della", "di", "la", "le", "les", "los", "las", "el", "des", "du",
    "d", "l", "der", "die", "das", "den", "von", "in", "for",
];

/// Spellings that are one word to the loose key.
const SAME: &[(&str, &str)] = &[
    ("labor", "labour"),
    ("organization", "organisation"),
    ("organizations", "organisations"),
];

/// Words that make a name another organisation's when one of two names has them and the
/// other does not ("Communist Party of India (Marxist)", "New Communist Party").
const QUALIFIERS: &[&str] = &[
    "marxist",
    "leninist",
    "maoist",
    "trotskyist",
    "marxism",
    "leninism",
    "ml",
    "m",
    "l",
    "reconstituted",
    "reconstruction",
    "refounded",
    "refoundation",
    "rifondazione",
    "workers",
    "worker",
    "peoples",
    "people",
    "new",
    "unified",
    "united",
    "revolutionary",
    "bolshevik",
    "bolsheviks",
    "youth",
    "young",
    "marxista",
    "leninista",
    "marxiste",
    "leniniste",
    "nuevo",
    "nueva",
    "nouveau",
    "nouvelle",
    "neue",
    "unificado",
    "unifie",
    "revolucionario",
    "revolutionnaire",
    "obrero",
    "obreros",
    "trabajadores",
    "travailleurs",
    "arbeiter",
    "pueblos",
    "peuples",
    "reconstituido",
    "reconstitue",
    "maoista",
    "independent",
    "democratic",
    "socialist",
    "communist",
    "labour",
    "popular",
    "left",
    "red",
    "proletarian",
    "international",
];

/// Whether a word marks a different organisation.
pub fn is_qualifier(w: &str) -> bool {
    QUALIFIERS.contains(&w)
}

/// The loose words of a name, and whether an abbreviation was expanded.
pub fn loose_words(s: &str) -> (Vec<String>, bool) {
    let key = exact_key(s);
    let mut out = Vec::new();
    let mut expanded = false;
    for w in key.split(' ').filter(|w| !w.is_empty()) {
        if let Some((_, full)) = ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
            out.extend(full.split(' ').map(str::to_string));
            expanded = true;
        } else if !STOP.contains(&w) {
            let w = SAME.iter().find(|(a, _)| *a == w).map_or(w, |(_, b)| b);
            out.push(w.to_string());
        }
    }
    (out, expanded)
}

/// The loose words without the country names among them, and the country they name.
pub fn without_countries(words: &[String]) -> (Vec<String>, Option<&'static str>) {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut code = None;
    let mut i = 0;
    while i < refs.len() {
        match countries::at_start(&refs[i..]) {
            Some((c, n)) => {
                code = Some(c);
                i += n;
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    (out, code)
}

/// The words in sorted order, as one key.
pub fn sorted_key(words: &[String]) -> String {
    let mut w: Vec<&str> = words.iter().map(String::as_str).collect();
    w.sort_unstable();
    w.join(" ")
}

/// The key spelled the way transliterations differ (kh/h, y/i/j, w/v, doubled letters).
pub fn phonetic_key(words: &[String]) -> String {
    let joined = words.join(" ");
    let s = joined
        .replace("kh", "h")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("ou", "u")
        .replace(['y', 'j'], "i")
        .replace('w', "v");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) && c != ' ' {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_words_expand_and_drop() {
        let (w, expanded) = loose_words("CP of Norway");
        assert_eq!(w, ["communist", "party", "norway"]);
        assert!(expanded);
        assert_eq!(
            loose_words("Communist Party of the Workers of Spain").0,
            ["communist", "party", "workers", "spain"]
        );
        assert_eq!(
            without_countries(&loose_words("Communist Party of the Russian Federation").0),
            (
                vec!["communist".to_string(), "party".to_string()],
                Some("RU")
            )
        );
        assert_eq!(
            phonetic_key(&["kommunisticheskaya".to_string()]),
            phonetic_key(&["komunisticheskaja".to_string()])
        );
    }
}
