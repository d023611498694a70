//! `blocs`: the communities the co-signatures draw, with modularity; --against cross-tabulates
//! them with the camps on an issue.
use std::collections::HashMap;

use crate::error::Result;
use crate::network::blocs::{Blocs, blocs};
use crate::network::window::WindowArgs;
use crate::output::{Cell, Output, Rows, SectionArg};
use crate::resolve::resolve;
use crate::store::stances::Issues;
use crate::store::{Store, analysis, cosign};

/// Blocs of co-signers: communities of the graph whose edges join organisations that signed
/// statements together, weighted by how many (Louvain method, Blondel et al. 2008; no
/// randomness: organisations are visited in id order, so the answer is the same every run).
/// Sections: `network` (organisations, ties, statements, modularity), `blocs` (bloc 1 is the
/// largest; ties inside and across), `members` (each organisation's bloc and strength: the
/// statements it signed together with others, summed over partners). With --against ISSUE,
/// `against`: how many of each bloc are in each camp on that issue. Organisations with no
/// co-signer in the window are in no bloc.
///
/// Example: stancedb blocs --since 2020 --against csto-kazakhstan-2022
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub window: WindowArgs,
    /// Cross-tabulate the blocs with the camps on this issue (id or title)
    #[arg(long, value_name = "ISSUE")]
    pub against: Option<String>,
    #[command(flatten)]
    pub section: SectionArg,
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let w = args.window.window()?;
    let issue = match &args.against {
        Some(i) => Some(resolve(&Issues(store), i)?),
        None => None,
    };
    let b = blocs(store, &w)?;
    if b.graph.ids.is_empty() {
        out.notice("no two organisations signed a statement together in the window");
    }
    let mut sections = vec![summary(&b), list(&b), members(store, &b)?];
    if let Some(issue) = issue {
        sections.push(against(store, &b, &issue.id)?);
    }
    out.sections(&sections, &args.section)
}

fn summary(b: &Blocs) -> Rows {
    let mut rows = Rows::new(
        "network",
        &[
            "organisations",
            "ties",
            "statements",
            "blocs",
            "modularity",
            "method",
        ],
    );
    rows.push(vec![
        Cell::from(b.graph.ids.len() as i64),
        Cell::from(b.graph.edges() as i64),
        Cell::from(b.graph.statements as i64),
        Cell::from(b.members.len() as i64),
        Cell::from((b.partition.modularity * 1e4).round() / 1e4),
        Cell::from(format!(
            "Louvain (Blondel et al. 2008), {} level(s), id order",
            b.partition.levels
        )),
    ]);
    rows
}

fn list(b: &Blocs) -> Rows {
    let mut rows = Rows::new(
        "blocs",
        &[
            "bloc",
            "organisations",
            "ties_inside",
            "ties_across",
            "strongest",
        ],
    );
    for (i, m) in b.members.iter().enumerate() {
        let (inside, across) = b.ties(i);
        let strongest: Vec<&str> = m.iter().take(5).map(|&n| b.graph.ids[n].as_str()).collect();
        let more = m.len().saturating_sub(5);
        let mut names = strongest.join(", ");
        if more > 0 {
            names.push_str(&format!(" and {more} more"));
        }
        rows.push(vec![
            Cell::from(i as i64 + 1),
            Cell::from(m.len() as i64),
            Cell::from(inside as i64),
            Cell::from(across as i64),
            Cell::from(names),
        ]);
    }
    rows
}

fn members(store: &Store, b: &Blocs) -> Result<Rows> {
    let mut rows = Rows::new(
        "members",
        &[
            "bloc",
            "org_id",
            "organisation",
            "kind",
            "country",
            "partners",
            "strength",
        ],
    );
    for (i, m) in b.members.iter().enumerate() {
        for &n in m {
            let (name, kind, country) = cosign::node(store, &b.graph.ids[n])?;
            rows.push(vec![
                Cell::from(i as i64 + 1),
                Cell::from(b.graph.ids[n].as_str()),
                Cell::from(name),
                Cell::from(kind),
                Cell::from(country),
                Cell::from(b.graph.adj[n].len() as i64),
                Cell::from(b.graph.strength(n) as i64),
            ]);
        }
    }
    Ok(rows)
}

/// The camps on `issue` counted per bloc; `no_stance` counts members with none on record.
fn against(store: &Store, b: &Blocs, issue: &str) -> Result<Rows> {
    const CAMPS: [&str; 4] = ["support", "oppose", "ambivalent", "none_found"];
    let camps = analysis::camps(store, issue)?;
    let col = |name: &str| camps.columns.iter().position(|c| c == name);
    let (Some(org), Some(value)) = (col("org_id"), col("value")) else {
        return Err(crate::error::Error::Sql(
            "camps: no org_id or value column".into(),
        ));
    };
    let value_of: HashMap<String, String> = camps
        .rows
        .iter()
        .map(|r| (r[org].text(), r[value].text()))
        .collect();
    let mut cols = vec!["bloc", "organisations"];
    cols.extend(CAMPS);
    cols.push("no_stance");
    let mut rows = Rows::new("against", &cols);
    for (i, m) in b.members.iter().enumerate() {
        let mut counts = [0i64; 5];
        for &n in m {
            let at = value_of
                .get(&b.graph.ids[n])
                .and_then(|v| CAMPS.iter().position(|c| c == v))
                .unwrap_or(4);
            counts[at] += 1;
        }
        let mut row = vec![Cell::from(i as i64 + 1), Cell::from(m.len() as i64)];
        row.extend(counts.iter().map(|&c| Cell::from(c)));
        rows.push(row);
    }
    Ok(rows)
}
