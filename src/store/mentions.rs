//! The name forms `mentions` matches texts against, and whose each one is. A form's code is
//! names.id * 2 for an organisation's name, person_names.id * 2 + 1 for a person's.
use super::Store;
use crate::error::Result;

const ALL_FORMS: &str = "SELECT id * 2, name FROM names WHERE kind <> 'label' \
     UNION ALL SELECT id * 2 + 1, name FROM person_names";
const ORG_OF: &str = "SELECT n.org_id, o.name FROM names n JOIN organisations o ON o.id = n.org_id \
     WHERE n.id = ?1";
const PERSON_OF: &str = "SELECT n.person_id, p.name FROM person_names n JOIN people p ON p.id = n.person_id \
     WHERE n.id = ?1";

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
    let (kind, sql) = if code % 2 == 0 {
        ("organisation", ORG_OF)
    } else {
        ("person", PERSON_OF)
    };
    let (id, name) = store
        .conn
        .prepare_cached(sql)?
        .query_row([code / 2], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((kind, id, name))
}
