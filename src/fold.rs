//! Folding of names for lookup: case-, accent-, punctuation- and script-insensitive keys.
//!
//! `fold("КПРФ") == fold("KPRF") == "kprf"`; `fold("SKP–KPSS") == fold("skp-kpss") == "skp kpss"`.
//! Transliteration is any_ascii's (Cyrillic, Greek, Hangul, CJK …), not a hand-made table.
//! The result holds only `[a-z0-9 ]`, words separated by one space, so it is safe inside LIKE
//! patterns without escaping.

/// Fold a string into its lookup key.
pub fn fold(s: &str) -> String {
    let ascii = any_ascii::any_ascii(s);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' {
            // Apostrophes join: "Workers'" and "Workers" fold alike, "don't" stays one word.
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_scripts_case_accents_and_dashes() {
        assert_eq!(fold("КПРФ"), "kprf");
        assert_eq!(fold("KPRF"), "kprf");
        assert_eq!(fold("SKP–KPSS"), fold("skp-kpss"));
        assert_eq!(fold("Pröbsting"), "probsting");
        assert_eq!(fold("Workers’ Parties"), fold("Workers' Parties"));
        assert_eq!(fold("  Communist   Party  "), "communist party");
        assert_eq!(
            fold("Philippines Communist Party [PKP 1930]"),
            "philippines communist party pkp 1930"
        );
        assert!(
            fold("러시아연방공산당")
                .chars()
                .all(|c| c.is_ascii_lowercase())
        );
    }

    #[test]
    fn fold_output_is_lookup_safe() {
        for s in ["a%b_c", "100%", "x\\y", "'; DROP TABLE x; --"] {
            assert!(
                fold(s)
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ')
            );
        }
    }
}
