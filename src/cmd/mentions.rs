//! `mentions DOC|FILE`: the known organisations and people a text names, each with its
//! count, first position and a snippet; with --unknown also likely organisation names that
//! are not on record.
use std::path::Path;

use crate::error::{Error, Result};
use crate::mentions::{self, Index, Mention, Source};
use crate::output::{Cell, Output, Rows};
use crate::resolve::resolve;
use crate::source_text;
use crate::store::documents::Documents;
use crate::store::{Store, texts};

/// List every known organisation and person a text mentions: every name form in every
/// script, case- and accent-insensitive, on word boundaries, also with a Korean particle
/// (러시아연방공산당은), a Russian case ending or a genitive -s attached. One row each, in
/// order of first mention: how often, the forms as printed, where first (text and character
/// offset) and a snippet with the mention in »…«.
///
/// Example: stancedb mentions solidnet-2022-01-18-kazakhstan --unknown
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A document with a stored text (id or any title), or a text file (plain, Markdown, HTML)
    pub source: String,
    /// Also list likely organisation names not on record (runs of words around party, union,
    /// front, movement … in English, German, Spanish, Italian, Russian and Korean)
    #[arg(long)]
    pub unknown: bool,
    /// One row per mention (text, character offset, form as printed, snippet) instead of
    /// one per organisation or person
    #[arg(long, conflicts_with = "unknown")]
    pub each: bool,
}

/// The texts to look in: the file, if SOURCE is one, else the document's stored texts.
fn texts_of(store: &Store, source: &str) -> Result<Vec<(String, String)>> {
    let path = Path::new(source);
    if path.is_file() {
        let (_, text) = source_text::read(path)?;
        let label = path
            .file_name()
            .map_or(source.to_string(), |n| n.to_string_lossy().into_owned());
        return Ok(vec![(label, text)]);
    }
    let doc = resolve(&Documents(store), source)?;
    let stored = texts::own_texts(store.conn(), &doc.id)?;
    if stored.is_empty() {
        return Err(Error::input(format!(
            "'{}' has no stored text: store one with `stancedb add text {} FILE`, or name a text file",
            doc.id, doc.id
        )));
    }
    Ok(stored
        .into_iter()
        .map(|t| {
            (
                t.file.unwrap_or_else(|| format!("{} #{}", doc.id, t.id)),
                t.text,
            )
        })
        .collect())
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let loaded = texts_of(store, &args.source)?;
    let sources: Vec<Source> = loaded
        .iter()
        .map(|(label, text)| Source {
            label: label.clone(),
            text,
        })
        .collect();
    let ix = mentions::load(store)?;

    let (mut found, spans) =
        mentions::known(&ix, &sources, |code| ix.owner(code).ok_or_else(damaged))?;
    if args.unknown {
        found.extend(mentions::unknown(&ix, &sources, &spans));
    }
    if args.each {
        return each(&ix, &sources, &spans, out);
    }
    let mut rows = Rows::new(
        "mentions",
        &[
            "kind", "id", "name", "count", "forms", "first_in", "first_at", "snippet",
        ],
    );
    for m in found {
        rows.push(row(m));
    }
    out.rows(&rows, "no known organisation or person is mentioned")
}

fn each(ix: &Index, sources: &[Source], spans: &mentions::Spans, out: &mut Output) -> Result<()> {
    let mut rows = Rows::new(
        "mentions",
        &["kind", "id", "name", "text", "at", "form", "snippet"],
    );
    for (src, found) in sources.iter().zip(spans) {
        // Character offsets, counted once along the text.
        let (mut byte, mut chars) = (0, 0);
        for (s, e, code) in found {
            let o = ix.owner(*code).ok_or_else(damaged)?;
            chars += src.text[byte..*s].chars().count();
            byte = *s;
            rows.push(vec![
                Cell::from(o.kind),
                Cell::from(o.id.as_str()),
                Cell::from(o.name.as_str()),
                Cell::from(src.label.as_str()),
                Cell::from(chars as i64),
                Cell::from(&src.text[*s..*e]),
                Cell::from(mentions::snippet(src.text, *s, *e)),
            ]);
        }
    }
    out.rows(&rows, "no known organisation or person is mentioned")
}

/// An owner number the kept matcher does not hold (only a damaged image can give one).
fn damaged() -> Error {
    Error::input(
        "the kept mentions index is damaged: delete it (DELETE FROM mention_index) and run again",
    )
}

fn row(m: Mention) -> Vec<Cell> {
    vec![
        Cell::from(m.owner.kind),
        Cell::from(m.owner.id),
        Cell::from(m.owner.name),
        Cell::from(m.count as i64),
        Cell::from(m.forms.join(" | ")),
        Cell::from(m.first_in),
        Cell::from(m.first_at as i64),
        Cell::from(m.snippet),
    ]
}
