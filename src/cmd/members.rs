//! `members`: who belongs to an alliance or network.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::orgs::{self, Orgs};
use crate::values::PartialDate;

/// The members of an alliance, network or bloc, with role, dates and source; for a bloc also
/// the states the sources print in it (kind `state`, by country code) and which leads it.
/// With --as-of, only memberships that a source does not date outside that day.
/// With --statement S: the members at the statement's date, each `signed` yes or no (a
/// membership whose recorded dates exclude that date is not listed: a non-member never counts
/// as not signing); `member_at_date` is `yes`, `undated` (no start recorded) or `uncertain`.
///
/// Example: stancedb members SKP-KPSS --as-of 2022-01-07
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The alliance or network: id or any name form
    pub alliance: String,
    /// Only memberships covering this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// List the members at this statement's date, signed or not (id or any title)
    #[arg(long, value_name = "STATEMENT", conflicts_with = "as_of")]
    pub statement: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if let Some(d) = &args.as_of {
        PartialDate::parse(d).map_err(|_| {
            Error::input(format!(
                "--as-of: '{d}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        })?;
    }
    let alliance = resolve(&Orgs(store), &args.alliance)?;
    if let Some(s) = &args.statement {
        let doc = resolve(&crate::store::documents::Documents(store), s)?;
        let rows = crate::store::cosign::members_on_statement(store, &alliance.id, &doc.id)?;
        return out.rows(
            &rows,
            &format!(
                "no members of {} ({}) on record at the date of {}",
                alliance.label, alliance.id, doc.id
            ),
        );
    }
    let rows = orgs::members(store, &alliance.id, args.as_of.as_deref())?;
    out.rows(
        &rows,
        &format!(
            "no members of {} ({}) on record",
            alliance.label, alliance.id
        ),
    )
}
