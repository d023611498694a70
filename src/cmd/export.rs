//! `export`: tables, views or a query's rows to CSV/TSV/JSON/JSONL/XLSX, streamed and written
//! atomically, in the seed/ format by default and spreadsheet-safe on request.
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::output::encode::{Delimited, Json, JsonShape};
use crate::output::progress::Counted;
use crate::output::xlsx::Xlsx;
use crate::output::{Cell, Format, Output, Rows, Sink};
use crate::store::Store;
use crate::store::export::{self, Selection, TempFile};
use crate::store::tables;
use crate::term::Term;

const EXAMPLES: &str = "\
Examples:
  stancedb export signatories --format xlsx -o signatories.xlsx
  stancedb export signatories -o signatories.xlsx      (format from the extension)
  stancedb export signatories --where statement_id=solidnet-2022-01-18-kazakhstan -o joint.xlsx
  stancedb export names --excel -o names.csv           (for Excel / LibreOffice / Sheets)
  stancedb export --all seed/                          (every table, the seed/ format)
  stancedb export --all tables.xlsx                    (one workbook, a sheet per table)
  stancedb -f json export --query \"SELECT org_id, count(*) AS n FROM signatures GROUP BY 1\"";

/// Export a table, a view or the rows of a query, streamed (no row cap, flat memory) and
/// written atomically (a temporary file renamed into place: never a partial file).
///
/// Formats: CSV by default (RFC 4180, UTF-8, LF, NULL = empty: exactly the seed/ format, and
/// what `import` reads back); `--format csv|tsv|json|jsonl|xlsx` (`--xlsx` is short for
/// `--format xlsx`).
/// With -o and no format given, the file's extension decides (.csv .tsv .json .jsonl .xlsx).
/// `--excel` makes CSV/TSV safe to open in a spreadsheet: UTF-8 BOM, CRLF, and text beginning
/// with = + - @ (or tab, CR, LF, or full-width ＝＋－＠) prefixed with ' so it is never run as a
/// formula.
///
/// Tables: organisations, people, documents, issues, document_titles, document_copies, names,
/// person_names, document_people, roles, memberships, country_memberships, successions,
/// signatures, statement_positions, stances, interpretations.
/// Views: signatories, stance_evidence, current_stances, members.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["name", "query", "all"])))]
pub struct Args {
    /// The table or view to export
    pub name: Option<String>,
    /// Export the rows of this one SELECT statement, run on a read-only connection
    #[arg(long, value_name = "SELECT", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Export every table: into directory DIR, one file per table named TABLE.csv (the seed/
    /// format); with --xlsx, or when DIR ends in .xlsx, one workbook with a sheet per table
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub all: Option<PathBuf>,
    /// Write to FILE instead of stdout (replaced only once the export is complete; - is stdout)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write an XLSX workbook (strings stay strings, dates are dates, bold frozen header,
    /// autofilter)
    #[arg(long)]
    pub xlsx: bool,
    /// Spreadsheet profile for CSV/TSV: UTF-8 BOM, CRLF, formula-like text neutralised with '
    #[arg(long)]
    pub excel: bool,
    /// Only rows whose COLUMN is VALUE, as exported (an empty VALUE matches an empty cell);
    /// repeatable, all must hold. Columns are those of the table or view exported
    #[arg(long = "where", value_name = "COLUMN=VALUE", value_parser = filter, conflicts_with_all = ["query", "all"])]
    pub filters: Vec<(String, String)>,
}

/// One `--where COLUMN=VALUE`, split at the first '='.
fn filter(arg: &str) -> std::result::Result<(String, String), String> {
    match arg.split_once('=') {
        Some((column, value)) if !column.trim().is_empty() => {
            Ok((column.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("takes COLUMN=VALUE, not '{arg}'")),
    }
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Csv,
    Tsv,
    Json,
    Jsonl,
    Xlsx,
}

impl Kind {
    fn extension(self) -> &'static str {
        match self {
            Kind::Csv => "csv",
            Kind::Tsv => "tsv",
            Kind::Json => "json",
            Kind::Jsonl => "jsonl",
            Kind::Xlsx => "xlsx",
        }
    }

    fn from_extension(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Kind::Csv),
            "tsv" | "tab" => Some(Kind::Tsv),
            "json" => Some(Kind::Json),
            "jsonl" | "ndjson" => Some(Kind::Jsonl),
            "xlsx" => Some(Kind::Xlsx),
            _ => None,
        }
    }
}

/// The format from --xlsx, the global --format (its default, table, means "not given"), or
/// the extension of the file written.
fn choose(args: &Args, global: Format) -> Result<Kind> {
    let explicit = match global {
        Format::Table => None,
        Format::Csv => Some(Kind::Csv),
        Format::Tsv => Some(Kind::Tsv),
        Format::Json => Some(Kind::Json),
        Format::Jsonl => Some(Kind::Jsonl),
        Format::Xlsx => Some(Kind::Xlsx),
        Format::Md => {
            return Err(Error::input(
                "export writes csv, tsv, json, jsonl (--format) or xlsx (--xlsx), not md",
            ));
        }
    };
    let kind = match (args.xlsx, explicit) {
        (true, Some(Kind::Xlsx)) => Kind::Xlsx,
        (true, Some(k)) => {
            return Err(Error::input(format!(
                "choose one format: --xlsx or --format {}",
                k.extension()
            )));
        }
        (true, None) => Kind::Xlsx,
        (false, Some(k)) => k,
        (false, None) => args
            .output
            .as_deref()
            .or(args.all.as_deref())
            .and_then(Kind::from_extension)
            .unwrap_or(Kind::Csv),
    };
    if args.excel && !matches!(kind, Kind::Csv | Kind::Tsv) {
        return Err(Error::input(format!(
            "--excel is the spreadsheet profile of CSV and TSV; it does not apply to {} \
             (XLSX cells are always plain strings)",
            kind.extension()
        )));
    }
    Ok(kind)
}

/// A text sink over `out`.
fn text_sink(kind: Kind, out: Box<dyn Write>, excel: bool) -> Result<Box<dyn Sink>> {
    Ok(match kind {
        Kind::Csv => Box::new(Delimited::csv(out, excel)?),
        Kind::Tsv => Box::new(Delimited::tsv(out, excel)?),
        Kind::Json => Box::new(Json::new(out, JsonShape::Array)),
        Kind::Jsonl | Kind::Xlsx => Box::new(Json::new(out, JsonShape::Lines)),
    })
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let kind = choose(&args, out.format)?;
    // A user's query runs on a second, read-only connection to the same file.
    let query_conn = match &args.query {
        Some(_) => {
            let path = store.path().ok_or_else(|| {
                Error::input("--query needs a database file (this database is in memory)")
            })?;
            Some(crate::store::readonly::open(path)?)
        }
        None => None,
    };
    let conn = query_conn.as_ref().unwrap_or(store.conn());
    // One read transaction: every table of --all comes from the same snapshot.
    let tx = conn.unchecked_transaction()?;
    let selections: Vec<Selection> = if let Some(sql) = &args.query {
        vec![Selection::query(&tx, sql)?]
    } else if let Some(name) = &args.name {
        vec![Selection::named(&tx, name)?.filtered(&tx, &args.filters)?]
    } else {
        tables::TABLES
            .iter()
            .map(|t| Selection::table(&tx, t))
            .collect::<Result<_>>()?
    };
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let summary = match (&args.all, output) {
        (Some(dir), _) => to_dir(
            &tx,
            &selections,
            dir,
            kind,
            args.excel,
            store.path(),
            out.term(),
        )?,
        (None, Some(file)) => {
            let target = export::output_target(file, store.path())?;
            to_file(
                &tx,
                &selections,
                file,
                &target,
                kind,
                args.excel,
                out.term(),
            )?
        }
        (None, None) => return to_stdout(&tx, &selections[0], kind, args.excel, out),
    };
    drop(tx);
    let mut rows = Rows::new("export", &["exported", "rows", "file"]);
    for (name, n, file) in summary {
        rows.push(vec![
            Cell::from(name),
            Cell::from(i64::try_from(n).unwrap_or(i64::MAX)),
            Cell::from(file.display().to_string()),
        ]);
    }
    // The summary of what went to the file(s) is for reading: an XLSX format chose the file.
    if out.format == Format::Xlsx {
        out.format = Format::Table;
    }
    out.rows(&rows, "nothing exported")
}

/// Every row of `sel` into `sink`, with a progress bar when the terminal context allows.
fn stream(
    conn: &rusqlite::Connection,
    sel: &Selection,
    sink: &mut dyn Sink,
    term: &Term,
) -> Result<u64> {
    let mut counted = Counted::new(sink, term, &sel.name, || sel.total(conn));
    export::stream(conn, sel, &mut counted)
}

type Summary = Vec<(String, u64, PathBuf)>;

fn to_stdout(
    conn: &rusqlite::Connection,
    sel: &Selection,
    kind: Kind,
    excel: bool,
    out: &mut Output,
) -> Result<()> {
    let term = &out.term().clone();
    let n = if kind == Kind::Xlsx {
        if term.stdout_tty {
            return Err(Error::input(
                "not writing a binary XLSX workbook to the terminal: give -o FILE.xlsx or redirect stdout",
            ));
        }
        let tmp = TempFile::scratch(".xlsx");
        let mut book = Xlsx::new(tmp.dir())?;
        let n = stream(conn, sel, &mut book, term)?;
        book.save(tmp.path())?;
        export::check_interrupted()?;
        let mut file = std::fs::File::open(tmp.path())?;
        let mut stdout = std::io::stdout().lock();
        std::io::copy(&mut file, &mut stdout)?;
        stdout.flush()?;
        n
    } else {
        let stdout: Box<dyn Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
        let mut sink = text_sink(kind, stdout, excel)?;
        stream(conn, sel, sink.as_mut(), term)?
    };
    if n == 0 {
        out.notice(&format!("'{}' has no rows", sel.name));
    }
    Ok(())
}

/// One selection into one file (`target`, what `file` names; replaced atomically).
fn to_file(
    conn: &rusqlite::Connection,
    selections: &[Selection],
    file: &Path,
    target: &Path,
    kind: Kind,
    excel: bool,
    term: &Term,
) -> Result<Summary> {
    let tmp = TempFile::beside(target)?;
    let mut summary = Vec::new();
    if kind == Kind::Xlsx {
        let mut book = Xlsx::new(tmp.dir())?;
        for sel in selections {
            let n = stream(conn, sel, &mut book, term)?;
            summary.push((sel.name.clone(), n, file.to_path_buf()));
        }
        book.save(tmp.path())?;
    } else {
        let f: Box<dyn Write> = Box::new(std::io::BufWriter::new(tmp.create()?));
        let mut sink = text_sink(kind, f, excel)?;
        for sel in selections {
            let n = stream(conn, sel, sink.as_mut(), term)?;
            summary.push((sel.name.clone(), n, file.to_path_buf()));
        }
    }
    tmp.commit()?;
    Ok(summary)
}

/// Every selection into DIR (one file each), or into one workbook for XLSX. The files are all
/// written first and moved into place only when every one is complete.
fn to_dir(
    conn: &rusqlite::Connection,
    selections: &[Selection],
    dir: &Path,
    kind: Kind,
    excel: bool,
    database: Option<&Path>,
    term: &Term,
) -> Result<Summary> {
    if kind == Kind::Xlsx {
        let file = if Kind::from_extension(dir) == Some(Kind::Xlsx) {
            dir.to_path_buf()
        } else {
            create_dir(dir)?;
            dir.join("stancedb.xlsx")
        };
        if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
            create_dir(parent)?;
        }
        let target = export::output_target(&file, database)?;
        return to_file(conn, selections, &file, &target, kind, excel, term);
    }
    create_dir(dir)?;
    let mut pending = Vec::new();
    let mut summary = Vec::new();
    for sel in selections {
        let file = dir.join(format!("{}.{}", sel.name, kind.extension()));
        let tmp = TempFile::beside(&export::output_target(&file, database)?)?;
        let f: Box<dyn Write> = Box::new(std::io::BufWriter::new(tmp.create()?));
        let mut sink = text_sink(kind, f, excel)?;
        let n = stream(conn, sel, sink.as_mut(), term)?;
        drop(sink);
        summary.push((sel.name.clone(), n, file));
        pending.push(tmp);
    }
    for tmp in pending {
        tmp.commit()?;
    }
    Ok(summary)
}

/// The folder --all writes into, created when missing; anything else there is refused.
fn create_dir(dir: &Path) -> Result<()> {
    if let Ok(m) = std::fs::metadata(dir)
        && !m.is_dir()
    {
        let kind = crate::store::kind_of(&m).unwrap_or("a file");
        return Err(Error::input(format!(
            "{}: is {kind}, not a folder: --all writes one file per table into a folder \
             (or one workbook: --all FILE.xlsx)",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::input(format!("{}: cannot create the folder: {e}", dir.display())))
}
