//! Entry point: parse the command line, run it, and map the outcome to an exit code.
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use stancedb::error::{EXIT_INPUT, escape_controls};

fn main() -> ExitCode {
    // First, so no signal finds the process half-way without a handler.
    stancedb::signals::install();
    let cli = match stancedb::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version (stdout, exit 0), or help shown for a missing subcommand.
        Err(e)
            if !e.use_stderr()
                || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_INPUT } else { 0 });
        }
        // A usage error is bad input: one line, like every other error.
        Err(e) => {
            eprintln!("stancedb: {}", escape_controls(&usage_line(&e)));
            return ExitCode::from(EXIT_INPUT);
        }
    };
    match stancedb::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stancedb: {}", e.report());
            ExitCode::from(e.exit_code())
        }
    }
}

/// A clap usage error on one line: its message and hints, without the usage block.
fn usage_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut parts = Vec::new();
    let mut in_usage = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("Usage:") {
            in_usage = true;
        } else if line.is_empty() {
            in_usage = false;
        } else if !in_usage && !line.starts_with("For more information") {
            parts.push(line.strip_prefix("error: ").unwrap_or(line));
        }
    }
    format!("{}; try '--help'", parts.join(" "))
}
