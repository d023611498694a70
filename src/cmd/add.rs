//! `add` (in progress).
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::Store;

/// (in progress)
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// (in progress)
    Org,
}

pub fn run(_cmd: Command, _store: &Store, _out: &mut Output) -> Result<()> {
    Err(Error::input("`add` is not implemented yet"))
}
