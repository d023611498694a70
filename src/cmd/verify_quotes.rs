//! `verify-quotes`: prove that every quote, printed name, title and role on record occurs in
//! the text of its source document, read from a folder of source texts.
use std::collections::HashMap;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::quotes::Haystack;
use crate::store::{Store, documents, stances};

/// Check every verbatim text on record (stance and statement quotes, membership quotes,
/// printed names, titles, roles) against the source texts in DIR. Whitespace and words
/// hyphenated across line breaks are folded; everything else must match to the letter.
/// Lists what is missing (all rows with --all); exit 1 if anything is not found.
///
/// Example: stancedb verify-quotes ../shared/seeds
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder holding the documents' text files (names as in document_copies)
    pub dir: PathBuf,
    /// List every checked text, not only the missing ones
    #[arg(long)]
    pub all: bool,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if !args.dir.is_dir() {
        return Err(Error::input(format!(
            "{}: not a folder",
            args.dir.display()
        )));
    }
    let mut texts: HashMap<String, Option<Haystack>> = HashMap::new();
    let mut rows = Rows::new(
        "verification",
        &[
            "status", "table", "id", "record", "document", "files", "text",
        ],
    );
    let (mut found, mut missing, mut skipped) = (0, 0, 0);
    for q in stances::verbatim_texts(store)? {
        let src = documents::text_source(store, &q.document_id)?;
        let mut any_file = false;
        let mut ok = false;
        for f in &src.files {
            let hay = texts.entry(f.clone()).or_insert_with(|| {
                std::fs::read(args.dir.join(f))
                    .ok()
                    .map(|b| Haystack::new(&String::from_utf8_lossy(&b)))
            });
            if let Some(h) = hay {
                any_file = true;
                if h.contains(&q.text) {
                    ok = true;
                    break;
                }
            }
        }
        let status = if ok {
            found += 1;
            "found"
        } else if any_file {
            missing += 1;
            "NOT FOUND"
        } else {
            skipped += 1;
            "no copy in folder"
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
                Cell::from(src.files.join(" ")),
                Cell::from(q.text),
            ]);
        }
    }
    if found == 0 && missing == 0 {
        return Err(Error::input(format!(
            "{}: none of the documents' text files are in this folder",
            args.dir.display()
        )));
    }
    out.rows(&rows, "")?;
    out.notice(&format!(
        "{} checked: {found} found, {missing} not found, {skipped} without a copy in {}",
        found + missing + skipped,
        args.dir.display()
    ));
    if missing > 0 {
        return Err(Error::Findings(format!(
            "{missing} texts not found in their source documents"
        )));
    }
    Ok(())
}
