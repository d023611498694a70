//! `man`: the manual page(s) in roff, generated from the same clap definitions that parse the
//! command line (doc comments are the text), so the manual never drifts from `--help`.
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};

const EXAMPLES: &str = "\
Examples:
  stancedb man | man -l -                    (read it now)
  stancedb man > ~/.local/share/man/man1/stancedb.1
  stancedb man --dir ~/.local/share/man/man1 (stancedb.1 and a page per subcommand)";

/// Print the manual page stancedb(1) in roff, or with --dir write it and one page per
/// subcommand (stancedb-add-org.1, …) into a directory. It does not open the database.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Write stancedb.1 and a page for every subcommand into DIR (created if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The command tree the pages describe: the clap definitions, without the `help`
/// subcommands (every page already documents its own help).
fn manual() -> clap::Command {
    fn without_help(cmd: clap::Command) -> clap::Command {
        cmd.disable_help_subcommand(true)
            .mut_subcommands(without_help)
    }
    let mut cmd = without_help(Cli::command());
    cmd.build();
    cmd
}

/// The roff text of one page.
fn render(cmd: clap::Command) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    Ok(buf)
}

/// The roff text of stancedb(1).
pub fn page() -> Result<Vec<u8>> {
    render(manual())
}

pub fn run(args: &Args, out: &mut Output) -> Result<()> {
    let Some(dir) = &args.dir else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&page()?)?;
        stdout.flush()?;
        return Ok(());
    };
    let cannot = |e: std::io::Error| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: cannot write the manual pages: {e}", dir.display()),
        ))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let mut written = Vec::new();
    write_pages(manual(), dir, &mut written).map_err(|e| match e {
        Error::Io(io) => cannot(io),
        other => other,
    })?;
    let mut rows = Rows::new("man", &["file"]);
    for file in written {
        rows.push(vec![Cell::from(file.display().to_string())]);
    }
    out.rows(&rows, "no page written")
}

/// The page of `cmd` (named after its full name: stancedb-add-org.1) and of every visible
/// subcommand under it, into `dir`; each file written is added to `written`.
fn write_pages(cmd: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> Result<()> {
    let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_string();
    let file = dir.join(format!("{name}.1"));
    std::fs::write(&file, render(cmd.clone())?)?;
    written.push(file);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub.clone(), dir, written)?;
    }
    Ok(())
}
