//! Regression tests for what the fuzz targets (fuzz/, run with cargo-fuzz) found: each crash
//! or broken invariant, reduced to the input that showed it, checked here without the fuzz
//! crate so it runs in every `cargo test`.
use stancedb::quotes::Haystack;

/// Found by `quotes`: a quote copied with the line break after a hyphen that ends a line
/// (the text's own "wor-\n\nkers", folded to "wor- kers") was not found in the text it was
/// cut from.
#[test]
fn a_quote_keeping_a_line_end_hyphen_and_its_line_break_is_found() {
    let text = "at a rapid pace, wor-\n\nkers' protests developed";
    let h = Haystack::new(text);
    for quote in [
        "wor-\n\nkers' protests",
        "wor- kers' protests",
        "pace, wor-\nkers'",
        "-\n\nkers'",
    ] {
        assert!(h.contains(quote), "{quote:?} cut from {text:?} is not found");
    }
    assert!(!h.contains("wor kers"), "a soft hyphen is not a space");
}
