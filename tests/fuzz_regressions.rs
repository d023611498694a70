//! Regression tests for what the fuzz targets (fuzz/, run with cargo-fuzz) found: each crash
//! or broken invariant, reduced to the input that showed it, checked here without the fuzz
//! crate so it runs in every `cargo test`.
mod common;

use common::Env;
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
        assert!(
            h.contains(quote),
            "{quote:?} cut from {text:?} is not found"
        );
    }
    assert!(!h.contains("wor kers"), "a soft hyphen is not a space");
}

/// Found by `values`: SQLite's GLOB stops at a NUL byte, so the schema's date CHECK accepts
/// "2018\0-11-88" (it sees "2018"). The loader must refuse the NUL before the CHECK is asked:
/// exit 2, the field named, nothing written.
#[test]
fn a_date_hiding_garbage_behind_a_nul_byte_is_refused_by_import() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    let file = env.write(
        "nul.csv",
        b"org_id,issue_id,as_of,value,quote,document_id,evidence\n\
          kprf,csto-kazakhstan-2022,2018\0-11-88,support,Words.,cprf-2022-01-kazakhstan,own\n",
    );
    let out = env.run(&["import", "stances", &file.display().to_string()]);
    out.code(2).one_line_error();
    out.stderr_has("nul.csv:2:3: as_of: contains a NUL byte");
    assert_eq!(env.db_bytes(), before, "the database changed\n{out}");
}
