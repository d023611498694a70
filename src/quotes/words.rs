//! Where a proof may start and end: on the word boundaries of the text (Unicode UAX #29), never
//! inside a word — "acceptable" is not proven by "unacceptable", nor "wor" by "wor-\nkers" —
//! and only for words: a quote or printed name must hold at least one word, and two letters or
//! digits at least (a lone letter or full stop proves nothing). A word may end where grammar
//! ends one inside a written word: before an English possessive 's, or before Korean
//! particles (조사, words of their own in Korean grammar, written joined to the word before:
//! "주가노프가", "공산당을"). The one home of the rule: every
//! proof (at entry, `add text`, `verify-quotes`) finds its words through `Haystack::find`,
//! which asks here.
use unicode_segmentation::UnicodeSegmentation;

/// How far either side of a position the word boundary rules are read (they need only a few
/// characters of context; a bound keeps a text without spaces linear).
const WINDOW: usize = 64;

/// Whether `quote` holds a word: one of UAX #29's words, and two letters or digits in all.
pub fn holds_a_word(quote: &str) -> bool {
    quote.unicode_words().next().is_some()
        && quote
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(2)
            .count()
            == 2
}

/// Whether a match may start at byte `p` of `text`.
pub fn starts_word(text: &str, p: usize) -> bool {
    boundary(text, p) && !after_soft_hyphen(&text[..p])
}

/// Whether a match may end at byte `p` of `text` (the byte after its last character).
pub fn ends_word(text: &str, p: usize) -> bool {
    let (before, after) = text.split_at(p);
    (boundary(text, p) || clitic_follows(before, after)) && !before_soft_hyphen(before, after)
}

/// Korean particles and copula forms (a closed list; up to three may follow one another).
const PARTICLES: &[&str] = &[
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "에게서",
    "께",
    "께서",
    "한테",
    "와",
    "과",
    "로",
    "으로",
    "로서",
    "으로서",
    "로써",
    "으로써",
    "도",
    "만",
    "까지",
    "부터",
    "보다",
    "처럼",
    "마다",
    "이나",
    "나",
    "이랑",
    "랑",
    "하고",
    "조차",
    "밖에",
    "뿐",
    "이다",
    "입니다",
    "이며",
    "이고",
    "인",
    "였다",
    "이었다",
    "이라는",
    "라는",
    "이라고",
    "라고",
];

/// After a word's last letter, in the same written word: an English possessive ('s or ’s and
/// no letter after), or a Hangul remainder made only of particles.
fn clitic_follows(before: &str, after: &str) -> bool {
    let Some(last) = before.chars().next_back().filter(|c| c.is_alphanumeric()) else {
        return false;
    };
    if let Some(rest) = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
    {
        return !rest.chars().next().is_some_and(char::is_alphanumeric);
    }
    let end = after.find(|c| !hangul(c)).unwrap_or(after.len());
    hangul(last) && end > 0 && particles(&after[..end], 3)
}

fn hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// `s` is a run of at most `n` particles.
fn particles(s: &str, n: usize) -> bool {
    s.is_empty()
        || (n > 0
            && PARTICLES
                .iter()
                .any(|p| s.strip_prefix(p).is_some_and(|r| particles(r, n - 1))))
}

/// A word boundary of `text` at byte `p` (the start and the end of the text are ones).
fn boundary(text: &str, p: usize) -> bool {
    if p == 0 || p >= text.len() {
        return true;
    }
    let from = floor(text, p.saturating_sub(WINDOW));
    let to = ceil(text, (p + WINDOW).min(text.len()));
    text[from..to]
        .split_word_bound_indices()
        .any(|(i, _)| from + i == p)
}

/// A letter, then a hyphen, then whitespace holding a line break, just before the end of
/// `before`: the line break split a word there.
fn after_soft_hyphen(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && before[trimmed.len()..].contains(['\n', '\r'])
        && trimmed
            .strip_suffix('-')
            .and_then(|w| w.chars().next_back())
            .is_some_and(char::is_alphanumeric)
}

/// The match ends on a letter and the text goes on with a hyphen, a line break and a letter.
fn before_soft_hyphen(before: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix('-') else {
        return false;
    };
    let next = rest.trim_start();
    before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && rest[..rest.len() - next.len()].contains(['\n', '\r'])
        && next.chars().next().is_some_and(char::is_alphanumeric)
}

fn floor(text: &str, mut p: usize) -> usize {
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn ceil(text: &str, mut p: usize) -> usize {
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::super::Haystack;
    use super::holds_a_word;
    use proptest::prelude::*;

    fn alnum(c: Option<&char>) -> bool {
        c.is_some_and(|c| c.is_alphanumeric())
    }

    /// A position between two letters or digits: inside a word.
    fn cuts(chars: &[char], p: usize) -> bool {
        alnum(p.checked_sub(1).and_then(|i| chars.get(i))) && alnum(chars.get(p))
    }

    #[test]
    fn a_quote_cut_from_a_longer_word_is_not_proven() {
        let h = Haystack::new("This is unacceptable interference in the internal affairs.");
        assert_eq!(h.find("acceptable interference"), None);
        assert!(h.find("unacceptable interference").is_some());
        assert_eq!(h.find("internal affair"), None);
        assert_eq!(h.find("e"), None);
        assert_eq!(h.find("."), None);
        assert!(h.find("affairs.").is_some());
    }

    #[test]
    fn a_word_may_end_before_a_possessive_or_korean_particles() {
        let h = Haystack::new(
            "the Kazakhstani gov-\n\nernment's troops; 주가노프가 의장으로서, 러시아 의회인 두마의",
        );
        assert!(h.find("Kazakhstani government").is_some());
        assert!(h.find("주가노프").is_some());
        assert!(h.find("의장").is_some());
        assert!(h.find("러시아 의회").is_some());
        assert_eq!(h.find("주가노"), None);
        assert_eq!(h.find("Kazakhstani govern"), None);
    }

    #[test]
    fn a_word_split_by_a_line_break_is_one_word() {
        let h = Haystack::new("the wor-\n\nkers of the world");
        assert!(h.find("workers").is_some());
        assert_eq!(h.find("kers of"), None);
        assert_eq!(h.find("the wor"), None);
    }

    #[test]
    fn scripts_without_spaces_and_marks_keep_their_words() {
        assert!(holds_a_word("中国"));
        assert!(!holds_a_word("K"));
        assert!(!holds_a_word("…"));
        let h = Haystack::new("Партия «Ақ жол» заявила");
        assert!(h.find("«Ақ жол»").is_some());
        assert_eq!(h.find("Ақ жо"), None);
    }

    proptest! {
        /// Whatever is found starts and ends on a word boundary and holds a word; and every
        /// slice of the text cut on word boundaries that holds a word is found.
        #[test]
        fn proofs_are_whole_words(
            text in "[ab1 !-]{0,40}",
            from in 0usize..40,
            len in 0usize..20,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let h = Haystack::new(&text);
            let from = from.min(chars.len());
            let to = (from + len).min(chars.len());
            let quote: String = chars[from..to].iter().collect();
            match h.find(&quote) {
                Some((s, e)) => {
                    prop_assert!(holds_a_word(&quote));
                    prop_assert!(!cuts(&chars, s) && !cuts(&chars, e));
                }
                None => {
                    let whole = !(cuts(&chars, from) || cuts(&chars, to));
                    prop_assert!(!(whole && holds_a_word(&quote)) || quote.trim() != quote);
                }
            }
        }
    }
}
