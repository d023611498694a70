//! The command line: global options, the subcommands, and the dispatcher that opens the
//! database once and hands it to the command.
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;
use crate::error::Result;
use crate::output::{Format, Output};
use crate::store::{self, Store};

const AFTER_HELP: &str = "\
Database: --db PATH, else $STANCEDB_DB, else stancedb.sqlite in the platform data directory.
It is created, migrated and seeded on first use; no set-up step is needed.

Names: every ORG / STATEMENT / ISSUE argument takes an id or any name form (official,
abbreviation, translation, transliteration), case-, accent- and script-insensitively:
KPRF, CPRF, КПРФ and \"Communist Party of the Russian Federation\" are one organisation.

Exit codes:
  0  success (also: an empty result, said on stderr; output cut short by a closed pipe)
  1  failure not caused by input (I/O, database), `verify-quotes` finding a quote missing,
     `check --strict` finding something
  2  bad input: usage, unknown or ambiguous name, invalid file (FILE:LINE:COLUMN), a
     database file that is not stancedb's or is newer than this binary, an output path
     that is not a regular file or is the database
  130, 143, 129  interrupted by SIGINT, SIGTERM, SIGHUP: whatever was being written was
     rolled back";

/// Record and query political organisations, the statements they sign and their stances,
/// each with the verbatim quote and the document that prove it.
#[derive(Parser, Debug)]
#[command(name = "stancedb", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Database file [default: $STANCEDB_DB, else the platform data directory]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub term: crate::term::TermArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Init(cmd::init::Args),
    Orgs(cmd::orgs::Args),
    Show(cmd::show::Args),
    Statements(cmd::statements::Args),
    Signatories(cmd::signatories::Args),
    Signed(cmd::signed::Args),
    Cosign(cmd::cosign::Args),
    Stance(cmd::stance::Args),
    Compare(cmd::compare::Args),
    Matrix(cmd::matrix::Args),
    Camps(cmd::camps::Args),
    Blocs(cmd::blocs::Args),
    Issues(cmd::issues::Args),
    Members(cmd::members::Args),
    Cohesion(cmd::cohesion::Args),
    Report(cmd::report::Args),
    Search(cmd::search::Args),
    Check(cmd::check::Args),
    VerifyQuotes(cmd::verify_quotes::Args),
    Export(cmd::export::Args),
    Import(cmd::import::Args),
    Sign(cmd::sign::Args),
    #[command(subcommand)]
    Add(cmd::add::Command),
    Sql(cmd::sql::Args),
    Text(cmd::text::Args),
    Mentions(cmd::mentions::Args),
    Log(cmd::log::Args),
    Undo(cmd::undo::Args),
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

/// The database path from --db, $STANCEDB_DB, or the platform data directory.
pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    match std::env::var_os("STANCEDB_DB") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => store::default_path(),
    }
}

/// Run one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let mut out = Output::stdout(cli.format, crate::term::Term::detect(&cli.term));
    // These two only print what the clap definitions say: no database is needed.
    match &cli.command {
        Command::Completions(args) => return cmd::completions::run(args),
        Command::Man(args) => return cmd::man::run(args, &mut out),
        _ => {}
    }
    let path = db_path(cli.db)?;
    if let Command::Init(args) = &cli.command {
        return cmd::init::run(args, &path, &mut out);
    }
    let store = Store::open(&path)?;
    match cli.command {
        Command::Init(_) | Command::Completions(_) | Command::Man(_) => Ok(()),
        Command::Orgs(a) => cmd::orgs::run(a, &store, &mut out),
        Command::Show(a) => cmd::show::run(a, &store, &mut out),
        Command::Statements(a) => cmd::statements::run(a, &store, &mut out),
        Command::Signatories(a) => cmd::signatories::run(a, &store, &mut out),
        Command::Signed(a) => cmd::signed::run(a, &store, &mut out),
        Command::Cosign(a) => cmd::cosign::run(a, &store, &mut out),
        Command::Stance(a) => cmd::stance::run(a, &store, &mut out),
        Command::Compare(a) => cmd::compare::run(a, &store, &mut out),
        Command::Matrix(a) => cmd::matrix::run(a, &store, &mut out),
        Command::Camps(a) => cmd::camps::run(a, &store, &mut out),
        Command::Blocs(a) => cmd::blocs::run(a, &store, &mut out),
        Command::Issues(a) => cmd::issues::run(a, &store, &mut out),
        Command::Members(a) => cmd::members::run(a, &store, &mut out),
        Command::Cohesion(a) => cmd::cohesion::run(a, &store, &mut out),
        Command::Report(a) => cmd::report::run(a, &store, &mut out),
        Command::Search(a) => cmd::search::run(a, &store, &mut out),
        Command::Check(a) => cmd::check::run(a, &store, &mut out),
        Command::VerifyQuotes(a) => cmd::verify_quotes::run(a, &store, &mut out),
        Command::Export(a) => cmd::export::run(a, &store, &mut out),
        Command::Import(a) => cmd::import::run(a, &store, &mut out),
        Command::Sign(a) => cmd::sign::run(a, &store, &mut out),
        Command::Add(a) => cmd::add::run(a, &store, &mut out),
        Command::Sql(a) => cmd::sql::run(a, &store, &mut out),
        Command::Text(a) => cmd::text::run(a, &store, &mut out),
        Command::Mentions(a) => cmd::mentions::run(a, &store, &mut out),
        Command::Log(a) => cmd::log::run(a, &store, &mut out),
        Command::Undo(a) => cmd::undo::run(a, &store, &mut out),
    }
}
