//! `text [DOC]`: the stored texts of a document, printed whole or around some words; with
//! no DOC, the list of stored texts.
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::quotes::Haystack;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::texts::{self, StoredText};

/// Print a document's stored text (every copy, each under a "==> file <==" line when there
/// are several), or with --around the passage holding some words, with context either side
/// (whitespace and words hyphenated across lines folded, as for quotes). Words not found
/// verbatim show the nearest passage instead, marked as such. Without DOC: the stored texts.
///
/// Example: stancedb text rcit-2022-01-08-kprf --around "comrades in Russia"
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The document: id or any of its titles
    pub doc: Option<String>,
    /// Show the passage holding these words instead of the whole text
    #[arg(long, value_name = "WORDS")]
    pub around: Option<String>,
    /// Characters of context either side of the passage
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub context: usize,
    /// Only the copy read from this file
    #[arg(long, value_name = "FILE")]
    pub file: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let Some(doc) = &args.doc else {
        return out.rows(
            &texts::list(store)?,
            "no stored texts: add them with `stancedb add texts DIR`",
        );
    };
    let doc = resolve(&Documents(store), doc)?;
    let mut stored = texts::own_texts(store.conn(), &doc.id)?;
    if let Some(f) = &args.file {
        stored.retain(|t| t.file.as_deref() == Some(f.as_str()));
    }
    if stored.is_empty() {
        return Err(Error::input(match &args.file {
            Some(f) => format!("'{}' has no stored text read from {f}", doc.id),
            None => format!(
                "'{}' has no stored text: store one with `stancedb add text {} FILE`",
                doc.id, doc.id
            ),
        }));
    }
    match &args.around {
        Some(words) => around(&stored, words, args.context, out),
        None => {
            let several = stored.len() > 1;
            for t in &stored {
                if several {
                    out.line(&format!("==> {} <==", label(t)))?;
                }
                out.line(t.text.trim_end())?;
            }
            Ok(())
        }
    }
}

fn label(t: &StoredText) -> String {
    t.file.clone().unwrap_or_else(|| format!("text {}", t.id))
}

fn around(stored: &[StoredText], words: &str, context: usize, out: &mut Output) -> Result<()> {
    let mut rows = Rows::new(
        "passages",
        &["document", "text", "match", "start", "end", "passage"],
    );
    let hays: Vec<Haystack> = stored.iter().map(|t| Haystack::new(&t.text)).collect();
    for (t, h) in stored.iter().zip(&hays) {
        if let Some((s, e)) = h.find(words) {
            rows.push(passage_row(t, "exact", s, e, h.around(s, e, context)));
        }
    }
    if rows.is_empty() {
        let best = stored
            .iter()
            .zip(&hays)
            .filter_map(|(t, h)| h.nearest(words).map(|(s, e, score)| (score, t, h, s, e)))
            .max_by_key(|(score, ..)| *score);
        if let Some((_, t, h, s, e)) = best {
            rows.push(passage_row(t, "nearest", s, e, h.around(s, e, context)));
        }
        if !rows.is_empty() {
            out.notice("not found verbatim: the nearest passages");
        }
    }
    out.rows(&rows, "no passage holds these words or any like them")
}

fn passage_row(t: &StoredText, how: &str, s: usize, e: usize, passage: String) -> Vec<Cell> {
    vec![
        Cell::from(t.document_id.as_str()),
        Cell::from(label(t)),
        Cell::from(how),
        Cell::from(s as i64),
        Cell::from(e as i64),
        Cell::from(passage),
    ]
}
