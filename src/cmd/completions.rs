//! `completions`: the shell completion script for bash, zsh, fish, elvish or PowerShell,
//! generated from the same clap definitions that parse the command line, so it never drifts.
use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;

const EXAMPLES: &str = "\
Install (see the README for more):
  bash:  stancedb completions bash > ~/.local/share/bash-completion/completions/stancedb
  zsh:   stancedb completions zsh > ~/.zfunc/_stancedb   (with fpath+=~/.zfunc before compinit)
  fish:  stancedb completions fish > ~/.config/fish/completions/stancedb.fish";

/// Print the shell completion script for SHELL (subcommands, flags and their choices). It
/// does not open the database.
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The shell to complete in
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut buf);
    buf
}

pub fn run(args: &Args) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script(args.shell))?;
    stdout.flush()?;
    Ok(())
}
