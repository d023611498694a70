//! `search`: find organisations and people by any name form across scripts, and quotes and
//! document titles containing the text.
use crate::error::{Error, Result};
use crate::fold::fold;
use crate::output::{Cell, Output, Rows};
use crate::store::{Store, search, texts};

/// Search everything: organisation and person names in every form and script (typing KPRF
/// finds КПРФ, Cyrillic finds Latin forms — via transliteration, not a hand-made table),
/// plus quotes, document titles and passages of the stored document texts containing the
/// text (full-text indexes). Ranked: exact name, name prefix, whole word in a name, part of a
/// name, then quotes and titles by relevance, then passages (the match in [brackets]).
/// Each hit says what matched.
///
/// Example: stancedb search кпрф
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The text to look for
    pub text: String,
    /// At most this many hits of each kind (names, texts)
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(Error::input("search needs some text"));
    }
    if args.limit < 1 {
        return Err(Error::input("--limit must be at least 1"));
    }
    let key = fold(text);
    let mut hits = if key.is_empty() {
        Vec::new()
    } else {
        search::names(store, &key, args.limit)?
    };
    hits.extend(search::texts(store, text, args.limit)?);
    // Passages of the stored document texts (#16), after quotes and titles, best first.
    for (i, (doc, file, whole)) in texts::search(store, text, args.limit)?
        .into_iter()
        .enumerate()
    {
        hits.push(search::Hit {
            rank: 100.0 + i as f64,
            kind: "passage",
            id: doc,
            label: file.unwrap_or_default(),
            matched: passage(&whole, text),
            field: "document text".to_string(),
        });
    }
    // Best first; among equals, a name exactly as typed (any case) before its other forms.
    let typed = text.to_lowercase();
    let as_typed = |h: &search::Hit| h.matched.to_lowercase() != typed;
    hits.sort_by(|a, b| {
        a.rank
            .total_cmp(&b.rank)
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| as_typed(a).cmp(&as_typed(b)))
    });
    // One hit per organisation or person: its best-matching name.
    let mut seen = std::collections::HashSet::new();
    hits.retain(|h| {
        !matches!(h.kind, "organisation" | "person") || seen.insert((h.kind, h.id.clone()))
    });
    let mut rows = Rows::new("hits", &["type", "id", "label", "matched", "field"]);
    for h in hits {
        rows.push(vec![
            Cell::from(h.kind),
            Cell::from(h.id),
            Cell::from(h.label),
            Cell::from(h.matched),
            Cell::from(h.field),
        ]);
    }
    out.rows(&rows, &format!("nothing matches '{text}'"))
}

/// The first passage of `whole` holding `text` (any case), the match in »…«.
fn passage(whole: &str, text: &str) -> String {
    let lower = whole.to_lowercase();
    let at = if lower.len() == whole.len() {
        lower.find(&text.to_lowercase())
    } else {
        whole.find(text)
    };
    match at {
        Some(s) => crate::mentions::snippet(whole, s, s + text.len()),
        None => whole.chars().take(120).collect::<String>() + "…",
    }
}
