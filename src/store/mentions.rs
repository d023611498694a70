//! The name forms `mentions` matches texts against, and whose each one is: every printed name
//! form and every display name. A form's code is rowid * 4 + 0 for names, + 1 for
//! person_names, + 2 for an organisation's display name, + 3 for a person's.
use super::Store;
use crate::error::Result;

const ALL_FORMS: &str = "SELECT id * 4, name FROM names WHERE kind <> 'label' \
     UNION ALL SELECT id * 4 + 1, name FROM person_names \
     UNION ALL SELECT rowid * 4 + 2, name FROM organisations \
     UNION ALL SELECT rowid * 4 + 3, name FROM people";
const OWNERS: [&str; 4] = [
    "SELECT n.org_id, o.name FROM names n JOIN organisations o ON o.id = n.org_id WHERE n.id = ?1",
    "SELECT n.person_id, p.name FROM person_names n JOIN people p ON p.id = n.person_id WHERE n.id = ?1",
    "SELECT id, name FROM organisations WHERE rowid = ?1",
    "SELECT id, name FROM people WHERE rowid = ?1",
];

/// Hand every printed name form (code, name) to `f`, streamed.
pub fn each_form(store: &Store, mut f: impl FnMut(i64, &str)) -> Result<()> {
    let mut st = store.conn.prepare(ALL_FORMS)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let code: i64 = r.get(0)?;
        if let Ok(name) = r.get_ref(1)?.as_str() {
            f(code, name);
        }
    }
    Ok(())
}

/// Whose form `code` is: ("organisation" | "person", id, display name).
pub fn owner_of(store: &Store, code: i64) -> Result<(&'static str, String, String)> {
    let which = code.rem_euclid(4) as usize;
    let kind = if which.is_multiple_of(2) {
        "organisation"
    } else {
        "person"
    };
    let (id, name) = store
        .conn
        .prepare_cached(OWNERS[which])?
        .query_row([code.div_euclid(4)], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((kind, id, name))
}
