//! `cosign`: an organisation's co-signers, with how often and since when they sign together.
use crate::error::{Error, Result};
use crate::network::cosign::cosigners;
use crate::network::window::WindowArgs;
use crate::output::{Cell, Output, Rows};
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::orgs::Orgs;

/// The organisations that signed statements together with ORG. For each partner: `together`
/// (statements both signed), `share_of_org` (of ORG's statements), `share_of_partner` (of the
/// partner's), `jaccard` (together ÷ statements either signed) and the first and last
/// statement signed together. Every count is over the statements in the --since/--until
/// window; --kind keeps partners of one kind. Most statements together first.
///
/// Example: stancedb cosign "Communist Party of Greece" --min 2
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The organisation: id or any name form, in any script
    pub org: String,
    #[command(flatten)]
    pub window: WindowArgs,
    /// Only partners with at least this many statements together
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min: i64,
}

/// A share rounded to 4 decimals, so every format shows the same number.
pub fn share(x: f64) -> Cell {
    Cell::from((x * 10_000.0).round() / 10_000.0)
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    if args.min < 1 {
        return Err(Error::input(format!(
            "--min {}: give a count of 1 or more",
            args.min
        )));
    }
    let w = args.window.window()?;
    let org = resolve(&Orgs(store), &args.org)?;
    let c = cosigners(store, &org.id, &w, args.min)?;
    let mut rows = Rows::new(
        "cosigners",
        &[
            "partner_id",
            "partner",
            "kind",
            "country",
            "together",
            "share_of_org",
            "share_of_partner",
            "jaccard",
            "first_statement_id",
            "first_date",
            "last_statement_id",
            "last_date",
        ],
    );
    for p in &c.partners {
        rows.push(vec![
            Cell::from(p.id.as_str()),
            Cell::from(p.name.as_str()),
            Cell::from(p.kind.as_str()),
            Cell::from(p.country.clone()),
            Cell::from(p.together),
            share(p.share_of_org(c.org_signed)),
            share(p.share_of_partner()),
            share(p.jaccard(c.org_signed)),
            Cell::from(p.first.0.as_str()),
            Cell::from(p.first.1.clone()),
            Cell::from(p.last.0.as_str()),
            Cell::from(p.last.1.clone()),
        ]);
    }
    out.rows(
        &rows,
        &format!(
            "{} ({}) signed {} statement(s) in the window, with no co-signer at least {} time(s)",
            org.label, org.id, c.org_signed, args.min
        ),
    )
}
