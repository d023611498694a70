//! The curated seed: every fact has a source, every reference resolves, and every quote,
//! printed name and title is found in its source document (../shared/seeds, when present).
mod common;
use common::{Env, seeds_dir};

#[test]
fn every_signature_membership_and_stance_has_a_source_and_references_resolve() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    for sql in [
        "SELECT count(*) FROM signatures WHERE source_id IS NULL",
        "SELECT count(*) FROM memberships WHERE source_id IS NULL",
        "SELECT count(*) FROM stances WHERE document_id IS NULL OR (quote IS NULL AND value <> 'none_found')",
        "SELECT count(*) FROM names WHERE source_id IS NULL AND kind <> 'label'",
        "SELECT count(*) FROM pragma_foreign_key_check",
    ] {
        let n: i64 = c.query_row(sql, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{sql}");
    }
}

#[test]
fn every_quote_name_and_title_is_found_in_its_source_text() {
    let Some(dir) = seeds_dir() else { return };
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "csv",
        "verify-quotes",
        "--all",
        dir.to_str().unwrap(),
    ]);
    out.ok().stderr_has(" 0 not found, 0 without a copy");
    let rows = out.csv();
    assert!(rows.len() > 100, "{out}");
    assert!(rows[1..].iter().all(|r| r[0] == "found"), "{out}");
    // Quotes of every kind were among them.
    for table in ["stances", "statement_positions", "names", "document_titles"] {
        assert!(rows.iter().any(|r| r[1] == table), "no {table} rows\n{out}");
    }
}

#[test]
fn verify_quotes_reports_a_quote_missing_from_its_document() {
    let Some(dir) = seeds_dir() else { return };
    let env = Env::new();
    env.ready();
    env.sqlite()
        .execute_batch("UPDATE stances SET quote = 'The CPRF opposes the CSTO deployment.' WHERE id = (SELECT min(id) FROM stances WHERE org_id = 'kprf')")
        .unwrap();
    env.run(&["verify-quotes", dir.to_str().unwrap()])
        .code(1)
        .stdout_has("NOT FOUND")
        .stdout_has("The CPRF opposes the CSTO deployment.")
        .stderr_has("1 not found");
}

#[test]
fn verify_quotes_on_a_folder_without_the_texts_is_an_input_error() {
    let env = Env::new();
    let empty = env.path("empty");
    std::fs::create_dir(&empty).unwrap();
    env.run(&["verify-quotes", empty.to_str().unwrap()])
        .code(2)
        .one_line_error();
    env.run(&["verify-quotes", "/no/such/folder"])
        .code(2)
        .one_line_error();
}

#[test]
fn traps_similar_names_are_different_organisations() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    let owner = |name: &str| -> Vec<String> {
        let mut st = c
            .prepare("SELECT DISTINCT org_id FROM names WHERE name = ?1")
            .unwrap();
        st.query_map([name], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(owner("Communist Party of the Soviet Union"), ["cpsu"]);
    assert_eq!(owner("Russian Communist Workers' Party"), ["rcwp"]);
    assert_eq!(owner("KPRF"), ["kprf"]);
    assert_eq!(owner("EurAsEC"), ["eurasec"]);
    assert_eq!(owner("Eurasian Economic Union"), ["eaeu"]);
}
