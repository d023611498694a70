//! The name forms `mentions` matches texts against (migration V14): each form's match key in
//! `name_keys` (NULL until folded: triggers reset it whenever any client writes a name), who
//! owns each form, and the matcher built from them, kept whole in `mention_index` (deleted
//! by the same triggers, so it is never older than the names).
use rusqlite::{Connection, MAIN_DB, OptionalExtension};

use crate::error::Result;

/// Every name form with its key (NULL when not folded yet), its printed form and its owner:
/// names but labels, person names, and the display names of organisations and people.
const ALL_FORMS: &str = "\
    SELECT k.id, k.key, n.name, 'organisation', o.id, o.name FROM name_keys k \
      JOIN names n ON n.id = k.form_id JOIN organisations o ON o.id = n.org_id \
      WHERE k.form = 'names' \
    UNION ALL SELECT k.id, k.key, n.name, 'person', p.id, p.name FROM name_keys k \
      JOIN person_names n ON n.id = k.form_id JOIN people p ON p.id = n.person_id \
      WHERE k.form = 'person_names' \
    UNION ALL SELECT k.id, k.key, o.name, 'organisation', o.id, o.name FROM name_keys k \
      JOIN organisations o ON o.id = k.form_id WHERE k.form = 'organisations' \
    UNION ALL SELECT k.id, k.key, p.name, 'person', p.id, p.name FROM name_keys k \
      JOIN people p ON p.id = k.form_id WHERE k.form = 'people'";
const SET_KEY: &str = "UPDATE name_keys SET key = ?2 WHERE id = ?1";
const IMAGE_SIZE: &str = "SELECT length(image) FROM mention_index WHERE id = 1";
const PUT_IMAGE: &str = "INSERT OR REPLACE INTO mention_index (id, image) VALUES (1, ?1)";

/// One name form as `each_form` hands it over.
pub struct Form<'a> {
    /// Its row in name_keys.
    pub id: i64,
    /// Its match key, if folded already.
    pub key: Option<&'a str>,
    pub name: &'a str,
    /// "organisation" or "person".
    pub kind: &'static str,
    pub owner_id: &'a str,
    pub owner_name: &'a str,
}

/// Hand every name form to `f`, streamed, in a stable order (names, person names, display
/// names of organisations, of people).
pub fn each_form(conn: &Connection, mut f: impl FnMut(Form)) -> Result<()> {
    let mut st = conn.prepare(ALL_FORMS)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str()?) };
        let kind = if text(3)? == "person" {
            "person"
        } else {
            "organisation"
        };
        f(Form {
            id: r.get(0)?,
            key: r
                .get_ref(1)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)?,
            name: text(2)?,
            kind,
            owner_id: text(4)?,
            owner_name: text(5)?,
        });
    }
    Ok(())
}

/// Record the keys just folded: (name_keys row, key).
pub fn set_keys(conn: &Connection, keys: &[(i64, String)]) -> Result<()> {
    let mut st = conn.prepare_cached(SET_KEY)?;
    for (id, key) in keys {
        st.execute(rusqlite::params![id, key])?;
    }
    Ok(())
}

/// The kept matcher image's length, if there is one (no name form changed since it was built).
pub fn image_size(conn: &Connection) -> Result<Option<usize>> {
    let size = conn
        .query_row(IMAGE_SIZE, [], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten();
    Ok(size.and_then(|n| usize::try_from(n).ok()))
}

/// The kept matcher image, if there is one (no name form changed since it was built): read
/// straight into one buffer (incremental blob I/O; a plain SELECT would copy it twice).
pub fn image(conn: &Connection) -> Result<Option<Vec<u8>>> {
    let Some(size) = image_size(conn)? else {
        return Ok(None);
    };
    let blob = conn.blob_open(MAIN_DB, c"mention_index", c"image", 1, true)?;
    let mut image = vec![0; size];
    blob.read_at_exact(&mut image, 0)?;
    Ok(Some(image))
}

/// Keep the matcher image (inside the transaction that folded the keys it was built from).
pub fn put_image(conn: &Connection, image: &[u8]) -> Result<()> {
    conn.execute(PUT_IMAGE, [image])?;
    Ok(())
}
