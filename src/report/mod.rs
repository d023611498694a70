//! The static HTML report (`stancedb report`): a site of plain files that works from
//! `file://` and any static server and makes no network request. Pages are written one by
//! one straight to their files; only ids (for links) are held across pages.
mod assets;
mod doc;
mod evidence;
mod html;
mod index;
mod issue;
mod layout;
mod matrix;
mod network;
mod org;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::store::{Store, report as q};

/// Marks a folder as a stancedb report, which a later run may replace.
const MARKER: &str = ".stancedb-report";

/// What to write.
pub struct Options {
    pub out: PathBuf,
    /// Only these issues (ids); all when empty.
    pub issues: Vec<String>,
    /// Only these statements (ids); all when empty.
    pub statements: Vec<String>,
}

/// What was written.
pub struct Summary {
    pub pages: usize,
    pub organisations: usize,
    pub issues: usize,
    pub documents: usize,
}

/// What the site holds, for deciding which names become links.
pub(crate) struct Site<'a> {
    pub store: &'a Store,
    pub dir: PathBuf,
    /// The issues covered, by id.
    pub issues: BTreeMap<String, q::Issue>,
    /// The organisations given a page; None = all.
    pub orgs: Option<HashSet<String>>,
    /// The statements listed; None = all.
    pub statements: Option<HashSet<String>>,
}

impl Site<'_> {
    pub fn has_org(&self, id: &str) -> bool {
        self.orgs.as_ref().is_none_or(|s| s.contains(id))
    }
    pub fn has_issue(&self, id: &str) -> bool {
        self.issues.contains_key(id)
    }
    /// An issue's title (its id when it is not covered).
    pub fn title<'s>(&'s self, id: &'s str) -> &'s str {
        self.issues.get(id).map_or(id, |i| &i.title)
    }
    pub fn lists_statement(&self, id: &str) -> bool {
        self.statements.as_ref().is_none_or(|s| s.contains(id))
    }
}

/// Write the whole report into `opts.out`, replacing an earlier report there.
pub fn write(store: &Store, opts: &Options) -> Result<Summary> {
    let partial = partial_dir(&opts.out)?;
    if partial.exists() {
        fs::remove_dir_all(&partial)?;
    }
    let built = build(store, opts, &partial);
    if built.is_err() {
        let _ = fs::remove_dir_all(&partial);
    }
    let summary = built?;
    if opts.out.exists() {
        fs::remove_dir_all(&opts.out)?;
    }
    fs::rename(&partial, &opts.out)?;
    Ok(summary)
}

/// The folder the report is built in before it replaces `out` (beside it, same file system),
/// after checking that `out` is absent, empty, or an earlier report.
fn partial_dir(out: &Path) -> Result<PathBuf> {
    let refuse = |why: &str| {
        Error::input(format!(
            "{}: {why}; give a new or empty folder (or an earlier report) to -o",
            out.display()
        ))
    };
    match fs::metadata(out) {
        Ok(m) if !m.is_dir() => return Err(refuse("is not a folder")),
        Ok(_) => {
            let empty = fs::read_dir(out)?.next().is_none();
            if !empty && !out.join(MARKER).exists() {
                return Err(refuse("holds files that are not a stancedb report"));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    let name = out
        .file_name()
        .ok_or_else(|| refuse("names no folder"))?
        .to_string_lossy();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(refuse("is in a folder that does not exist"));
    }
    Ok(parent.join(format!(".{name}.partial")))
}

fn build(store: &Store, opts: &Options, dir: &Path) -> Result<Summary> {
    for sub in ["", "org", "issue", "doc", "assets"] {
        fs::create_dir_all(dir.join(sub))?;
    }
    fs::write(dir.join(MARKER), "written by stancedb report\n")?;
    let site = site(store, opts, dir)?;
    assets::write(dir)?;
    let mut pages = 0;
    let mut changed = q::changed(store)?;
    let mut changed = changed.open()?;
    for i in site.issues.values() {
        issue::page(&site, i, &mut changed)?;
        pages += 1;
    }
    let organisations = org::pages(&site)?;
    let documents = doc::pages(&site)?;
    index::page(&site)?;
    matrix::page(&site)?;
    pages += organisations + documents + 2 + network::pages(&site)?;
    Ok(Summary {
        pages,
        organisations,
        issues: site.issues.len(),
        documents,
    })
}

fn site<'a>(store: &'a Store, opts: &Options, dir: &Path) -> Result<Site<'a>> {
    q::tune(store)?;
    let mut issues = BTreeMap::new();
    q::issues(store, |i| {
        if opts.issues.is_empty() || opts.issues.contains(&i.id) {
            issues.insert(i.id.clone(), i);
        }
        Ok(())
    })?;
    let filtered = !opts.issues.is_empty() || !opts.statements.is_empty();
    let orgs = if filtered {
        let mut set = HashSet::new();
        for i in &opts.issues {
            q::orgs_on_issue(store, i, |o| {
                set.insert(o);
                Ok(())
            })?;
        }
        for s in &opts.statements {
            q::signatories(store, s, |g| {
                set.insert(g.org_id);
                Ok(())
            })?;
        }
        Some(set)
    } else {
        None
    };
    let statements = if opts.statements.is_empty() {
        None
    } else {
        Some(opts.statements.iter().cloned().collect())
    };
    Ok(Site {
        store,
        dir: dir.to_path_buf(),
        issues,
        orgs,
        statements,
    })
}
