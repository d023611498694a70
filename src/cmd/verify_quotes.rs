//! `verify-quotes`: prove that every quote, printed name, title and role on record occurs in
//! the text of its source document: the texts stored in the database, or those in a folder.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::quotes::Haystack;
use crate::store::{Store, documents, stances, texts};

/// Check every verbatim text on record (stance and statement quotes, membership quotes,
/// printed names, titles, roles) against the stored texts of their source documents (see
/// `add texts`), or against the source texts in DIR. Whitespace and words
/// hyphenated across line breaks are folded; everything else must match to the letter.
/// Lists what is missing (all rows with --all); exit 1 if anything is not found.
///
/// Example: stancedb verify-quotes
/// Example: stancedb verify-quotes ../shared/seeds
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder holding the documents' text files (names as in document_copies) [default: the
    /// texts stored in the database]
    pub dir: Option<PathBuf>,
    /// List every checked text, not only the missing ones
    #[arg(long)]
    pub all: bool,
}

/// The texts that may hold a document's words: (label, text) of each.
type Texts = Vec<(String, Rc<Haystack>)>;

/// Where the texts come from: a folder (files named in document_copies) or the database.
struct Library<'a> {
    store: &'a Store,
    dir: Option<&'a Path>,
    files: HashMap<String, Option<Rc<Haystack>>>,
    stored: HashMap<String, Texts>,
}

impl Library<'_> {
    fn texts(&mut self, src: &documents::TextSource) -> Result<Texts> {
        let Some(dir) = self.dir else {
            if let Some(t) = self.stored.get(&src.document_id) {
                return Ok(t.clone());
            }
            let t: Texts = texts::source_texts(self.store.conn(), &src.document_id)?
                .into_iter()
                .map(|t| {
                    let label = t.file.unwrap_or_else(|| format!("text {}", t.id));
                    (label, Rc::new(Haystack::new(&t.text)))
                })
                .collect();
            self.stored.insert(src.document_id.clone(), t.clone());
            return Ok(t);
        };
        let mut out = Vec::new();
        for f in &src.files {
            let hay = self.files.entry(f.clone()).or_insert_with(|| {
                std::fs::read(dir.join(f))
                    .ok()
                    .map(|b| Rc::new(Haystack::new(&String::from_utf8_lossy(&b))))
            });
            if let Some(h) = hay {
                out.push((f.clone(), h.clone()));
            }
        }
        Ok(out)
    }
}

/// The error when no text of any document could be read, in the folder or the database.
fn nothing_held(dir: Option<&std::path::Path>) -> Error {
    Error::input(match dir {
        Some(d) => format!(
            "{}: none of the documents' text files are in this folder",
            d.display()
        ),
        None => "no stored text holds any document on record: store them with `stancedb add texts DIR`, or pass DIR".to_string(),
    })
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if let Some(dir) = &args.dir
        && !dir.is_dir()
    {
        return Err(Error::input(format!("{}: not a folder", dir.display())));
    }
    let place = match &args.dir {
        Some(d) => d.display().to_string(),
        None => "the database".to_string(),
    };
    let mut library = Library {
        store,
        dir: args.dir.as_deref(),
        files: HashMap::new(),
        stored: HashMap::new(),
    };
    let mut rows = Rows::new(
        "verification",
        &[
            "status", "table", "id", "record", "document", "files", "text",
        ],
    );
    let (mut found, mut missing, mut skipped) = (0, 0, 0);
    for q in stances::verbatim_texts(store)? {
        let src = documents::text_source(store, &q.document_id)?;
        let held = library.texts(&src)?;
        let any_file = !held.is_empty();
        let ok = held.iter().any(|(_, h)| h.contains(&q.text));
        let labels: Vec<String> = if args.dir.is_some() || held.is_empty() {
            src.files.clone()
        } else {
            held.iter().map(|(l, _)| l.clone()).collect()
        };
        let status = if ok {
            found += 1;
            "found"
        } else if any_file {
            missing += 1;
            "NOT FOUND"
        } else {
            skipped += 1;
            if args.dir.is_some() {
                "no copy in folder"
            } else {
                "no stored text"
            }
        };
        if args.all || !ok {
            let doc = match &src.via {
                Some(v) => format!("{} (via {v})", q.document_id),
                None => q.document_id.clone(),
            };
            rows.push(vec![
                Cell::from(status),
                Cell::from(q.table),
                Cell::from(q.id),
                Cell::from(q.what),
                Cell::from(doc),
                Cell::from(labels.join(" ")),
                Cell::from(q.text),
            ]);
        }
    }
    if found == 0 && missing == 0 {
        return Err(nothing_held(args.dir.as_deref()));
    }
    out.rows(&rows, "")?;
    out.notice(&format!(
        "{} checked: {found} found, {missing} not found, {skipped} without a copy in {place}",
        found + missing + skipped,
    ));
    if missing > 0 {
        return Err(Error::Findings(format!(
            "{missing} texts not found in their source documents"
        )));
    }
    Ok(())
}
