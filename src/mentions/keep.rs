//! The matcher of every name form on record, as each `mentions` run gets it: read whole from
//! the image kept in the database when no name form changed since it was built; else built
//! from the stored keys, folding only the forms written since (by stancedb or any other
//! client). Kept by the commands that write (`keep`, run after each); `mentions` reads it, or
//! builds it in memory when a change made elsewhere left none: a query writes nothing.
use rusqlite::Connection;

use super::index::{Builder, Index};
use super::words::name_key;
use crate::error::Result;
use crate::store::{Store, mentions as forms};

/// The matcher for `store`'s name forms, as they are now: the kept one, else built in memory
/// (`mentions` only reads; a write keeps it, `keep`).
pub fn load(store: &Store) -> Result<Index> {
    if let Some(ix) = kept(store.conn())? {
        return Ok(ix);
    }
    Ok(build(store.conn())?.0)
}

/// Keep the matcher in the database when no kept one is current (a name form changed since,
/// or none was ever built), after a command that writes: nothing when the store is read-only.
pub fn keep(store: &Store) -> Result<()> {
    if store.is_read_only() || forms::image_size(store.conn())?.is_some() {
        return Ok(());
    }
    let tx = store.write_tx()?;
    // Another process may have built it while this one waited for the write lock.
    if forms::image_size(&tx)?.is_some() {
        return Ok(());
    }
    keep_in(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Build the matcher and keep it, with the keys it folded, through `conn` (inside the
/// caller's transaction): after a write, and in a new database, so that it is born whole.
pub fn keep_in(conn: &Connection) -> Result<()> {
    let (ix, folded) = build(conn)?;
    forms::set_keys(conn, &folded)?;
    forms::put_image(conn, ix.image())?;
    Ok(())
}

fn kept(conn: &Connection) -> Result<Option<Index>> {
    Ok(forms::image(conn)?.and_then(Index::from_image))
}

/// The matcher from every form's key, and the keys that had to be folded: (row, key).
fn build(conn: &Connection) -> Result<(Index, Vec<(i64, String)>)> {
    let mut b = Builder::default();
    let mut folded = Vec::new();
    forms::each_form(conn, |f| {
        let owner = b.owner(f.kind, f.owner_id, f.owner_name);
        match f.key {
            Some(key) => b.add(key, owner),
            None => {
                let key = name_key(f.name);
                b.add(&key, owner);
                folded.push((f.id, key));
            }
        }
    })?;
    Ok((b.build()?, folded))
}
