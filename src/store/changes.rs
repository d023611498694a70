//! The change log's writing side: every stancedb write transaction names itself in
//! change_context (its write number and its command line, values that could be secrets
//! stripped) so the log triggers of migrations/V21 record who wrote; the row is deleted
//! before the commit, so a write made elsewhere finds none and is logged as 'unknown'.
use std::ops::Deref;

use rusqlite::Transaction;

use crate::error::Result;

const NEXT_TXN: &str = "SELECT COALESCE(MAX(txn), 0) + 1 FROM changes";
const SET_CONTEXT: &str = "INSERT INTO change_context (txn, command) VALUES (?1, ?2)";
const CLEAR_CONTEXT: &str = "DELETE FROM change_context";
const HAS_LOG: &str =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_context'";
const LOG_TRIGGERS: &str =
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_log_a[iud]'";

/// A benchmark switch, not for users: with it set, a write transaction sets the log triggers
/// aside and puts them back before it commits (the log's cost measured against no log).
pub const LOG_OFF_FOR_BENCHMARK: &str = "STANCEDB_BENCHMARK_LOG_OFF";

/// A write transaction of stancedb: the transaction itself (by `Deref`), named in the change
/// log. Rolled back when dropped without `commit`.
pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    txn: Option<i64>,
    aside: Vec<String>,
}

impl<'c> Deref for WriteTx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

impl<'c> WriteTx<'c> {
    /// Name `tx` in the change log by this process's command line.
    pub fn begin(tx: Transaction<'c>) -> Result<WriteTx<'c>> {
        let logged = tx.prepare_cached(HAS_LOG)?.exists([])?;
        if !logged {
            return Ok(WriteTx::unlogged(tx));
        }
        let txn: i64 = tx.query_row(NEXT_TXN, [], |r| r.get(0))?;
        tx.execute(SET_CONTEXT, rusqlite::params![txn, command_line()])?;
        let mut aside = Vec::new();
        if std::env::var_os(LOG_OFF_FOR_BENCHMARK).is_some_and(|v| v == "1") {
            aside = set_triggers_aside(&tx)?;
        }
        Ok(WriteTx {
            tx,
            txn: Some(txn),
            aside,
        })
    }

    /// A transaction that is never committed (a dry run) or writes nothing logged.
    pub fn unlogged(tx: Transaction<'c>) -> WriteTx<'c> {
        WriteTx {
            tx,
            txn: None,
            aside: Vec::new(),
        }
    }

    /// This write's number in the change log (None when not logged).
    pub fn txn(&self) -> Option<i64> {
        self.txn
    }

    /// Take the context row out, put any trigger set aside back, and commit.
    pub fn commit(self) -> Result<()> {
        if self.txn.is_some() {
            self.tx.execute(CLEAR_CONTEXT, [])?;
        }
        for sql in &self.aside {
            self.tx.execute_batch(sql)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// Drop the log triggers inside `tx`; their SQL, to create them again.
fn set_triggers_aside(tx: &Transaction) -> Result<Vec<String>> {
    let found: Vec<(String, String)> = {
        let mut st = tx.prepare(LOG_TRIGGERS)?;
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut sqls = Vec::new();
    for (name, sql) in found {
        // The name is SQLite's own, read from sqlite_master just now.
        let drop = ["DROP TRIGGER \"", &name.replace('"', "\"\""), "\""].concat();
        tx.execute_batch(&drop)?;
        sqls.push(sql);
    }
    Ok(sqls)
}

/// Flags whose values may be secrets.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "key",
    "auth",
    "credential",
];

/// This process's command line as the log keeps it: the program as `stancedb`, and the
/// value of any flag named like a secret, and the password of a URL, as `***`.
pub fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    sanitized(&args)
}

/// `args` (without the program) as one line, secrets stripped.
pub fn sanitized(args: &[String]) -> String {
    let mut out = vec!["stancedb".to_string()];
    let mut hide_next = false;
    for a in args {
        if hide_next {
            out.push("***".into());
            hide_next = false;
            continue;
        }
        let secret_flag = |flag: &str| {
            let f = flag.trim_start_matches('-').to_ascii_lowercase();
            flag.starts_with("--") && SECRET_WORDS.iter().any(|w| f.contains(w))
        };
        match a.split_once('=') {
            Some((flag, _)) if secret_flag(flag) => out.push(format!("{flag}=***")),
            _ if secret_flag(a) => {
                out.push(a.clone());
                hide_next = true;
            }
            _ => out.push(without_url_password(a)),
        }
    }
    out.iter()
        .map(|w| quoted_word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `scheme://user:password@host` as `scheme://user:***@host`.
fn without_url_password(word: &str) -> String {
    let Some(scheme_end) = word.find("://") else {
        return word.to_string();
    };
    let rest = &word[scheme_end + 3..];
    let host_start = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let Some(at) = rest[..host_start].rfind('@') else {
        return word.to_string();
    };
    let Some((user, _)) = rest[..at].split_once(':') else {
        return word.to_string();
    };
    format!("{}://{user}:***{}", &word[..scheme_end], &rest[at..])
}

/// A word as a shell would need it to be read back as one word.
fn quoted_word(w: &str) -> String {
    if !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,@*".contains(c))
    {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::sanitized;

    fn line(args: &[&str]) -> String {
        sanitized(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn secret_flag_values_and_url_passwords_are_stripped_and_the_rest_kept() {
        assert_eq!(
            line(&[
                "--api-token",
                "abc",
                "--password=hunter2",
                "add",
                "org",
                "--name",
                "Party X"
            ]),
            "stancedb --api-token *** --password=*** add org --name 'Party X'"
        );
        assert_eq!(
            line(&["import", "https://me:pw@example.org/x.csv"]),
            "stancedb import https://me:***@example.org/x.csv"
        );
        assert_eq!(line(&["stance", "kprf"]), "stancedb stance kprf");
    }
}
