//! `orgs`: list organisations, with filters that combine.
use crate::error::{Error, Result};
use crate::output::Output;
use crate::resolve::resolve;
use crate::store::Store;
use crate::store::documents::Documents;
use crate::store::orgs::{self, Filter, Orgs};
use crate::store::stances::Issues;
use crate::vocab::{self, OrgKind, StanceValue};
use clap::ValueEnum;

/// List organisations with their other name forms. Filters combine (all must hold).
///
/// Example: stancedb orgs --member-of SolidNet --stance csto-kazakhstan-2022=oppose
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only this kind
    #[arg(long)]
    pub kind: Option<OrgKind>,
    /// Only this country (ISO 3166-1 alpha-2, e.g. RU)
    #[arg(long)]
    pub country: Option<String>,
    /// Only members of this alliance or network (id or any name form)
    #[arg(long, value_name = "ALLIANCE")]
    pub member_of: Option<String>,
    /// Only signatories of this statement (id or any title)
    #[arg(long, value_name = "STATEMENT")]
    pub signed: Option<String>,
    /// Only organisations whose current stance on ISSUE is VALUE (support, oppose, ambivalent, none_found)
    #[arg(long, value_name = "ISSUE=VALUE")]
    pub stance: Option<String>,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let mut f = Filter {
        kind: args.kind.map(|k| k.as_str().to_string()),
        ..Filter::default()
    };
    if let Some(c) = args.country {
        let c = c.trim().to_ascii_uppercase();
        if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
            return Err(Error::input(format!(
                "--country takes a two-letter ISO code, not '{c}'"
            )));
        }
        f.country = Some(c);
    }
    if let Some(a) = args.member_of {
        f.member_of = Some(resolve(&Orgs(store), &a)?.id);
    }
    if let Some(s) = args.signed {
        f.signed = Some(resolve(&Documents(store), &s)?.id);
    }
    if let Some(s) = args.stance {
        let (issue, value) = s
            .split_once('=')
            .ok_or_else(|| Error::input(format!("--stance takes ISSUE=VALUE, not '{s}'")))?;
        let value = value.trim();
        let value = StanceValue::from_str(value, false).map_err(|_| {
            Error::input(format!(
                "unknown stance value '{value}' (values: {})",
                vocab::words(StanceValue::ALL)
            ))
        })?;
        f.stance_issue = Some(resolve(&Issues(store), issue)?.id);
        f.stance_value = Some(value.as_str().to_string());
    }
    let rows = orgs::list(store, &f)?;
    out.rows(&rows, "no organisations match")
}
