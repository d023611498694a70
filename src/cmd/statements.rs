//! `statements`: every statement with its date, author and number of signatories.
use crate::error::Result;
use crate::output::Output;
use crate::store::{Store, documents};

/// Every statement with its date, author and number of signatories.
///
/// Example: stancedb statements --format csv
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args, store: &Store, out: &mut Output) -> Result<()> {
    out.rows(&documents::statements(store)?, "no statements recorded")
}
