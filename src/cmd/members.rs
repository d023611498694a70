//! `members`: who belongs to an alliance or network.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::orgs::{self, Orgs};

/// The members of an alliance or network, with role, dates and source. With --as-of, only
/// memberships that a source does not date outside that day.
///
/// Example: stancedb members SKP-KPSS --as-of 2022-01-07
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The alliance or network: id or any name form
    pub alliance: String,
    /// Only memberships covering this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// Validate a date the way the schema does: YYYY, YYYY-MM or a real YYYY-MM-DD.
pub fn check_date(flag: &str, d: &str) -> Result<()> {
    let bad = || {
        Error::input(format!(
            "{flag}: '{d}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    };
    let parts: Vec<&str> = d.split('-').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts[0].len() != 4
        || !d.chars().all(|c| c.is_ascii_digit() || c == '-')
    {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let year = num(parts[0])?;
    if let Some(m) = parts.get(1) {
        let month = num(m)?;
        if m.len() != 2 || !(1..=12).contains(&month) {
            return Err(bad());
        }
        if let Some(dd) = parts.get(2) {
            let day = num(dd)?;
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ][month as usize - 1];
            if dd.len() != 2 || day == 0 || day > days {
                return Err(bad());
            }
        }
    }
    Ok(())
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if let Some(d) = &args.as_of {
        check_date("--as-of", d)?;
    }
    let alliance = resolve(&Orgs(store), &args.alliance)?;
    let rows = orgs::members(store, &alliance.id, args.as_of.as_deref())?;
    out.rows(
        &rows,
        &format!(
            "no members of {} ({}) on record",
            alliance.label, alliance.id
        ),
    )
}
