//! `add text DOC FILE` and `add texts DIR`: store the texts of documents in the database
//! (plain text, Markdown or HTML, read at run time from files the user names), and prove
//! against them every quote and printed name already on record from those documents.
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::output::Output;
use crate::resolve::resolve;
use crate::source_text::{store_file, stored_rows};
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::texts;

/// Store a text of a document: another language version or copy. A text read before from a
/// file of the same name is replaced. Prints what was stored and how many quotes and printed
/// names on record from the document were proven against it.
///
/// Example: stancedb add text rcit-2022-01-08-kprf article-ko.txt --lang ko
#[derive(clap::Args, Debug)]
pub struct TextArgs {
    /// The document: id or any of its titles
    pub doc: String,
    /// The file: UTF-8 plain text, Markdown (.md) or HTML (.html)
    pub file: PathBuf,
    /// Language of this text (a code such as en, ru, ko)
    #[arg(long)]
    pub lang: Option<String>,
}

/// Store every text named in document_copies that is in DIR (e.g. ../shared/seeds), in one
/// transaction, and prove the quotes on record against them.
///
/// Example: stancedb add texts ../shared/seeds
#[derive(clap::Args, Debug)]
pub struct TextsArgs {
    /// Folder holding the documents' text files (names as in document_copies)
    pub dir: PathBuf,
}

pub fn text(args: &TextArgs, store: &Store, out: &mut Output) -> Result<()> {
    let doc = resolve(&Documents(store), &args.doc)?;
    let tx = store.write_tx()?;
    let mut rows = stored_rows();
    rows.push(store_file(&tx, &doc.id, &args.file, args.lang.as_deref())?);
    tx.commit()?;
    out.rows(&rows, "nothing stored")
}

pub fn texts(args: &TextsArgs, store: &Store, out: &mut Output) -> Result<()> {
    if !args.dir.is_dir() {
        return Err(Error::input(format!(
            "{}: not a folder",
            args.dir.display()
        )));
    }
    let tx = store.write_tx()?;
    let mut rows = stored_rows();
    let mut absent = 0;
    for (doc, file) in texts::copies(&tx)? {
        let path = args.dir.join(&file);
        if path.is_file() {
            rows.push(store_file(&tx, &doc, &path, None)?);
        } else {
            absent += 1;
        }
    }
    if rows.is_empty() {
        return Err(Error::input(format!(
            "{}: none of the files named in document_copies are in this folder",
            args.dir.display()
        )));
    }
    tx.commit()?;
    out.rows(&rows, "")?;
    out.notice(&format!(
        "{} texts stored from {}; {absent} copies on record are not there",
        rows.rows.len(),
        args.dir.display()
    ));
    Ok(())
}
