//! `compare` (in progress).
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::Store;

/// (in progress)
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args, _store: &Store, _out: &mut Output) -> Result<()> {
    Err(Error::input("`compare` is not implemented yet"))
}
