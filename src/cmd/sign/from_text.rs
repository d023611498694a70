//! `sign --from-text`: the signatory list printed in a statement's stored text, read into a
//! dry-run table, and with --apply the signatures not yet on record added in one transaction.
use super::Args;
use crate::error::{Error, Result};
use crate::output::{Cell, Output, Rows};
use crate::quotes::at_entry;
use crate::resolve::resolve;
use crate::signatory_list::{self, Printed, Resolved};
use crate::store::documents::Documents;
use crate::store::edits::{self, Signature};
use crate::store::plausible::Insist;
use crate::store::{Store, signatures, texts};

/// The signatory list printed in the statement's stored text (the newest copy, or the one
/// read from --copy), with the label of that copy.
fn printed_list(args: &Args, store: &Store, doc: &str) -> Result<(String, Vec<Printed>)> {
    let mut stored = texts::own_texts(store.conn(), doc)?;
    if let Some(c) = &args.copy {
        stored.retain(|t| t.file.as_deref() == Some(c.as_str()));
    }
    let Some(text) = stored.last() else {
        return Err(Error::input(match &args.copy {
            Some(c) => format!("'{doc}' has no stored copy read from {c}"),
            None => {
                format!("'{doc}' has no stored text: store it with `stancedb add text {doc} FILE`")
            }
        }));
    };
    let label = text
        .file
        .clone()
        .unwrap_or_else(|| format!("text {}", text.id));
    let printed = signatory_list::parse(&text.text);
    if printed.is_empty() {
        return Err(Error::input(format!(
            "no signatory list in the text of '{doc}' ({label}): expected one name per line, numbered or bulleted, under a group heading"
        )));
    }
    Ok((label, printed))
}

/// The dry-run table: one row per printed name.
fn signature_rows() -> Rows {
    Rows::new(
        "signatures",
        &[
            "line",
            "group",
            "position",
            "name_as_printed",
            "org_id",
            "organisation",
            "status",
            "candidates",
        ],
    )
}

pub fn run(args: Args, store: &Store, out: &mut Output) -> Result<()> {
    let statement = args.from_text.as_deref().unwrap_or_default();
    let doc = resolve(&Documents(store), statement)?;
    let (label, printed) = printed_list(&args, store, &doc.id)?;
    let mut signed = signatures::signers(store, &doc.id)?;
    let mut rows = signature_rows();
    let (mut todo, mut unresolved) = (Vec::new(), 0);
    for p in &printed {
        let (org_id, org_name, status, candidates) =
            match signatory_list::resolve_name(store, &p.name)? {
                Resolved::Org(c) if signed.contains(&c.id) => {
                    (Some(c.id), Some(c.label), "on record", None)
                }
                Resolved::Org(c) => {
                    signed.push(c.id.clone());
                    todo.push(Signature {
                        document_id: doc.id.clone(),
                        org_id: c.id.clone(),
                        name_as_printed: Some(p.name.clone()),
                        printed_group: p.group.clone(),
                        signed_on: args.date.clone(),
                        source_id: None,
                        note: args.note.clone(),
                        position: Some(p.position),
                        insist: Insist { force: args.force },
                    });
                    let status = if args.apply { "recorded" } else { "to record" };
                    (Some(c.id), Some(c.label), status, None)
                }
                Resolved::New => {
                    unresolved += 1;
                    (None, None, "NEW", None)
                }
                Resolved::Ambiguous(c) => {
                    unresolved += 1;
                    (None, None, "AMBIGUOUS", Some(c.join("; ")))
                }
            };
        rows.push(vec![
            Cell::from(p.line as i64),
            Cell::from(p.group.clone()),
            Cell::from(p.position),
            Cell::from(p.name.as_str()),
            Cell::from(org_id),
            Cell::from(org_name),
            Cell::from(status),
            Cell::from(candidates),
        ]);
    }
    if args.apply && unresolved > 0 {
        out.rows(&rows, "")?;
        return Err(Error::input(format!(
            "{unresolved} printed names are NEW or AMBIGUOUS: add the organisation (`stancedb add org`) or the name form (`stancedb add name`) and run again; nothing was recorded"
        )));
    }
    if args.apply && !todo.is_empty() {
        at_entry(args.unverified, || edits::sign_all(store, &todo))?;
    }
    out.rows(&rows, "")?;
    out.notice(&format!(
        "{} names in the list of {} ({label}); {} {}",
        printed.len(),
        doc.id,
        todo.len(),
        if args.apply {
            "signatures recorded"
        } else {
            "to record (dry run: --apply records them)"
        }
    ));
    Ok(())
}
