//! Likely organisation names a text prints that are not on record: runs of capitalised words
//! (with "of", "de", "der", "и" … between) around a noun such as party, union, front or
//! movement in English, German, Spanish, Italian or Russian, and Korean words ending in
//! 당, 동맹, 전선, 연합, 연맹 or 운동 with the words before them.
use std::sync::OnceLock;

use super::words::{Script, Word, name_key, words};

/// The organisation nouns, as word keys (Russian ones as stems).
fn nouns() -> &'static Vec<String> {
    static NOUNS: OnceLock<Vec<String>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        [
            "party",
            "parties",
            "union",
            "front",
            "movement",
            "league",
            "alliance",
            "organisation",
            "organization",
            "congress",
            "tendency",
            "committee",
            "bloc",
            "coalition",
            "international",
            "partei",
            "bund",
            "bewegung",
            "liga",
            "bündnis",
            "allianz",
            "partido",
            "unión",
            "frente",
            "movimiento",
            "alianza",
            "organización",
            "partito",
            "unione",
            "fronte",
            "movimento",
            "lega",
            "alleanza",
            "organizzazione",
            "партия",
            "союз",
            "фронт",
            "движение",
            "лига",
            "альянс",
            "организация",
            "блок",
            "коалиция",
        ]
        .iter()
        .map(|w| name_key(w))
        .collect()
    })
}

const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "la", "los", "las", "y", "di", "della", "dei", "degli",
    "e", "der", "des", "die", "und", "fur", "Ci", "Co",
];
const DETERMINERS: &[&str] = &[
    "the", "this", "these", "that", "its", "their", "our", "his", "her", "a", "an", "die", "der",
    "das", "el", "la", "los", "las", "il", "lo", "le", "gli", "i", "other",
];
/// Korean words that end a phrase rather than start a name (particles, verb endings).
const KOREAN_ENDS: &[char] = &[
    '다', '한', '된', '던', '인', '할', '는', '은', '을', '를', '의', '이', '가', '고', '며', '서',
    '면', '게', '도', '와', '과', '로', '런',
];
const KOREAN_DETERMINERS: &[&str] = &["이", "그", "저", "같은", "소위", "이런", "그런"];
const AND: &[&str] = &["and", "und", "y", "e", "et", "Ci"];
const KOREAN_NOUNS: &[&str] = &["당", "동맹", "전선", "연합", "연맹", "운동"];

fn capitalised(text: &str, w: &Word) -> bool {
    text[w.start..w.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_noun(w: &Word) -> bool {
    nouns().contains(&w.key)
}

/// Only blanks and dashes between two words of a name.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text[a.end..b.start]
        .chars()
        .all(|c| c == ' ' || c == '-' || c == '–' || c == '\u{a0}')
        && b.start - a.end <= 3
}

/// Byte spans of likely organisation names in `text`.
pub fn candidates(text: &str) -> Vec<(usize, usize)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if ws[i].script == Script::Hangul {
            if let Some(span) = korean(text, &ws, i) {
                out.push(span);
            }
            i += 1;
            continue;
        }
        // A run of capitalised words, nouns and connectors, unbroken by punctuation.
        let mut j = i;
        while j < ws.len()
            && ws[j].script != Script::Hangul
            && (capitalised(text, &ws[j])
                || is_noun(&ws[j])
                || CONNECTORS.contains(&ws[j].key.as_str()))
            && (j == i || joined(text, &ws[j - 1], &ws[j]))
        {
            j += 1;
        }
        if j == i {
            i += 1;
            continue;
        }
        // "X Party and the Y Front" is two names: split at "and" when both sides have a noun.
        let mut from = i;
        for k in i..j {
            if AND.contains(&ws[k].key.as_str())
                && ws[from..k].iter().any(is_noun)
                && ws[k + 1..j].iter().any(is_noun)
            {
                emit(text, &ws[from..k], &mut out);
                from = k + 1;
            }
        }
        emit(text, &ws[from..j], &mut out);
        i = j;
    }
    out
}

/// Push the run `ws` as a candidate once trimmed of connectors and determiners, if it still
/// reads like a name: two words or more, a capitalised noun, another capitalised word.
fn emit(text: &str, ws: &[Word], out: &mut Vec<(usize, usize)>) {
    let (mut a, mut b) = (0, ws.len());
    while a < b
        && (CONNECTORS.contains(&ws[a].key.as_str()) || DETERMINERS.contains(&ws[a].key.as_str()))
    {
        a += 1;
    }
    while b > a && CONNECTORS.contains(&ws[b - 1].key.as_str()) {
        b -= 1;
    }
    // A noun counts when capitalised, as names print it (Russian ones in any case).
    let named = |w: &Word| is_noun(w) && (w.script == Script::Cyrillic || capitalised(text, w));
    let has_noun = ws[a..b].iter().any(named);
    let has_other = ws[a..b].iter().any(|w| !is_noun(w) && capitalised(text, w));
    let starts_well = a < b && capitalised(text, &ws[a]);
    if b > a + 1 && has_noun && has_other && starts_well {
        out.push((ws[a].start, ws[b - 1].end));
    }
}

/// A Korean word ending in an organisation noun (a particle stripped), with up to two
/// Korean words before it.
fn korean(text: &str, ws: &[Word], i: usize) -> Option<(usize, usize)> {
    let raw = &text[ws[i].start..ws[i].end];
    let bare = super::words::strip_particle(raw);
    if !KOREAN_NOUNS.iter().any(|n| bare.ends_with(n)) {
        return None;
    }
    let mut a = i;
    while a > 0
        && i - a < 2
        && ws[a - 1].script == Script::Hangul
        && joined(text, &ws[a - 1], &ws[a])
    {
        let before = &text[ws[a - 1].start..ws[a - 1].end];
        let ends_phrase = before
            .chars()
            .last()
            .is_some_and(|c| KOREAN_ENDS.contains(&c));
        if ends_phrase || KOREAN_DETERMINERS.contains(&before) {
            break;
        }
        a -= 1;
    }
    // One word alone must say more than "party" or "movement" (공산당, 야당, 대중운동 are
    // common nouns): at least three letters before the noun.
    let noun_len = KOREAN_NOUNS
        .iter()
        .find(|n| bare.ends_with(*n))
        .map_or(0, |n| n.len());
    if a == i && bare[..bare.len() - noun_len].chars().count() < 3 {
        return None;
    }
    Some((ws[a].start, ws[i].start + bare.len()))
}
