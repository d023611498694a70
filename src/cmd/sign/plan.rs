//! What `sign --from-text` does with each printed row: the proposal, the choice (an existing
//! organisation, a new one, or leave it out), whether it is on record already, the table
//! shown (the review file), and what --apply writes.
use std::collections::HashSet;

use crate::error::Result;
use crate::fold::fold;
use crate::lists::{Entry, countries};
use crate::matching::{Index, Printed, Proposal, Status};
use crate::output::{Cell, Rows};
use crate::store::edits::Record;
use crate::store::grow::{self, Growth};
use crate::store::{Store, signatures};

/// Proposals taken without editing the review file.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Every `likely` row is the organisation proposed
    Likely,
    /// Every `new` row is a new organisation
    New,
}

/// What apply does with a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Org(String),
    New,
    Leave,
}

/// One printed row on its way to the database.
#[derive(Clone, Debug)]
pub struct Row {
    pub entry: Entry,
    pub proposal: Proposal,
    pub choice: Choice,
    /// For a new organisation: its kind and country.
    pub kind: Option<String>,
    pub country: Option<String>,
    /// The organisation on record as signing under this row, before this run.
    pub on_record: Option<String>,
    /// Written by this run (set after the commit).
    pub recorded: bool,
    /// The id given to a new organisation.
    pub new_id: Option<String>,
}

/// The code of the country printed with an entry.
pub fn code_of(e: &Entry) -> Option<&'static str> {
    e.country.as_deref().and_then(countries::code)
}

pub fn propose(e: &Entry, index: &Index) -> Proposal {
    index.propose(Printed {
        name: &e.name,
        country: code_of(e),
        country_as_printed: e.country.as_deref(),
    })
}

/// The choice a proposal makes by itself: exact rows are taken, likely and new ones only
/// when accepted.
pub fn default_choice(p: &Proposal, accept: &[Accept]) -> Choice {
    match (&p.org, p.status) {
        (Some(o), Status::Exact) => Choice::Org(o.id.clone()),
        (Some(o), Status::Likely) if accept.contains(&Accept::Likely) => Choice::Org(o.id.clone()),
        (_, Status::New) if accept.contains(&Accept::New) => Choice::New,
        _ => Choice::Leave,
    }
}

/// A row as proposed, with no review file.
pub fn proposed(e: Entry, index: &Index, accept: &[Accept]) -> Row {
    let proposal = propose(&e, index);
    let choice = default_choice(&proposal, accept);
    row(e, proposal, choice, None, None)
}

/// A row; a new one's kind defaults to party, its country to the printed one.
pub fn row(
    e: Entry,
    proposal: Proposal,
    choice: Choice,
    kind: Option<String>,
    country: Option<String>,
) -> Row {
    let new = choice == Choice::New || proposal.status == Status::New;
    let kind = kind.or_else(|| new.then(|| "party".to_string()));
    let country = country.or_else(|| new.then(|| code_of(&e).map(str::to_string)).flatten());
    Row {
        entry: e,
        proposal,
        choice,
        kind,
        country,
        on_record: None,
        recorded: false,
        new_id: None,
    }
}

/// Mark the rows already on record: signed under the same printed name and group, or by the
/// organisation chosen.
pub fn settle(store: &Store, doc: &str, rows: &mut [Row]) -> Result<()> {
    let signed = signatures::signers(store, doc)?;
    for r in rows.iter_mut() {
        r.on_record = grow::signed_as(store, doc, &r.entry.name, r.entry.group.as_deref())?;
        if let (None, Choice::Org(id)) = (&r.on_record, &r.choice)
            && signed.contains(id)
        {
            r.on_record = Some(id.clone());
        }
    }
    Ok(())
}

/// What apply does (or did) with a row.
fn action(r: &Row) -> &'static str {
    match (&r.on_record, &r.choice, r.recorded) {
        (Some(_), _, _) => "on record",
        (None, Choice::Org(_), false) => "record",
        (None, Choice::New, false) => "create and record",
        (None, Choice::Org(_), true) => "recorded",
        (None, Choice::New, true) => "created and recorded",
        (None, Choice::Leave, _) => "leave out",
    }
}

/// The table of rows (the review file).
pub fn table(rows: &[Row], index: &Index) -> Rows {
    let mut t = Rows::new(
        "signatures",
        &[
            "line",
            "group",
            "position",
            "name_as_printed",
            "country_as_printed",
            "org_id",
            "organisation",
            "status",
            "reason",
            "candidates",
            "kind",
            "country",
            "action",
        ],
    );
    for r in rows {
        let org_id = match (&r.on_record, &r.choice, &r.new_id) {
            (Some(id), _, _) | (None, Choice::Org(id), _) | (None, Choice::New, Some(id)) => {
                Some(id.clone())
            }
            (None, Choice::New, None) => Some("new".to_string()),
            (None, Choice::Leave, _) => None,
        };
        let organisation = match (&org_id, &r.choice) {
            (_, Choice::New) if r.on_record.is_none() => Some(r.entry.name.clone()),
            (Some(id), _) => index.org(id).map(|o| o.name.clone()),
            _ => None,
        };
        let status = if r.recorded {
            "recorded"
        } else {
            r.proposal.status.as_str()
        };
        let candidates: Vec<String> = r
            .proposal
            .candidates
            .iter()
            .map(|c| format!("{} ({})", c.id, c.name))
            .collect();
        t.push(vec![
            Cell::from(r.entry.line as i64),
            Cell::from(r.entry.group.clone()),
            Cell::from(r.entry.position),
            Cell::from(r.entry.name.as_str()),
            Cell::from(r.entry.country.clone()),
            Cell::from(org_id),
            Cell::from(organisation),
            Cell::from(status),
            Cell::from(r.proposal.reason.as_str()),
            Cell::from((!candidates.is_empty()).then(|| candidates.join("; "))),
            Cell::from(
                r.kind
                    .clone()
                    .filter(|_| r.choice == Choice::New || r.proposal.status == Status::New),
            ),
            Cell::from(r.country.clone()),
            Cell::from(action(r)),
        ]);
    }
    t
}

/// Settings of one apply.
pub struct Apply<'a> {
    pub doc: &'a str,
    pub lang: String,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// A fresh id for a new organisation made from its name (then its country, then a number).
fn new_id(name: &str, country: Option<&str>, index: &Index, taken: &mut HashSet<String>) -> String {
    let mut base: String = fold(name).replace(' ', "-").chars().take(70).collect();
    while base.ends_with('-') {
        base.pop();
    }
    if base.is_empty() {
        base = "organisation".to_string();
    }
    let free = |id: &str, taken: &HashSet<String>| index.org(id).is_none() && !taken.contains(id);
    let mut id = base.clone();
    if !free(&id, taken)
        && let Some(c) = country
    {
        id = format!("{base}-{}", c.to_ascii_lowercase());
    }
    let mut n = 2;
    while !free(&id, taken) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// What applying `rows` writes; new organisations get their ids here.
pub fn growth(store: &Store, index: &Index, rows: &mut [Row], a: &Apply) -> Result<Growth> {
    let mut g = Growth::default();
    let mut taken = HashSet::new();
    let mut forms: HashSet<(String, String)> = HashSet::new();
    for r in rows.iter_mut().filter(|r| r.on_record.is_none()) {
        let (id, new) = match &r.choice {
            Choice::Leave => continue,
            Choice::Org(id) => (id.clone(), false),
            Choice::New => {
                let id = new_id(&r.entry.name, r.country.as_deref(), index, &mut taken);
                r.new_id = Some(id.clone());
                (id, true)
            }
        };
        if new {
            g.orgs.push(
                Record::new("organisations")
                    .field("id", "", Some(id.clone()))
                    .field("name", "", Some(r.entry.name.clone()))
                    .field("kind", "kind", r.kind.clone().or(Some("party".to_string())))
                    .field("country", "country", r.country.clone()),
            );
        } else if let Some(code) = code_of(&r.entry)
            && index.org(&id).is_some_and(|o| o.country.is_none())
            && !g.countries.iter().any(|(o, _)| *o == id)
        {
            g.countries.push((id.clone(), code.to_string()));
        }
        let key = fold(&r.entry.name);
        let fresh = forms.insert((id.clone(), key.clone()));
        if fresh && (new || !grow::form_on_record(store, &id, &key)?) {
            let kind = match (new, r.proposal.reason.contains("abbreviation")) {
                (true, _) => "official",
                (false, true) => "abbreviation",
                (false, false) => "informal",
            };
            g.names.push(
                Record::new("names")
                    .field("org_id", "", Some(id.clone()))
                    .field("name", "", Some(r.entry.name.clone()))
                    .field("lang", "", Some(a.lang.clone()))
                    .field("kind", "", Some(kind.to_string()))
                    .field("source_id", "", Some(a.doc.to_string())),
            );
        }
        g.signatures.push(
            Record::new("signatures")
                .field("document_id", "", Some(a.doc.to_string()))
                .field("org_id", "", Some(id))
                .field("name_as_printed", "", Some(r.entry.name.clone()))
                .field("printed_group", "", r.entry.group.clone())
                .field("position", "", Some(r.entry.position.to_string()))
                .field("signed_on", "date", a.date.clone())
                .field("source_id", "", Some(a.doc.to_string()))
                .field("note", "note", a.note.clone()),
        );
    }
    Ok(g)
}
