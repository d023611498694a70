//! `mentions` (#16 part 3) on the seed texts: the joint statement names all 23 signatories;
//! the RCIT article names the KPRF, the SKP–KPSS, the Communist Party of Belarus, the RCIT
//! and the CSTO in its English and its Korean parts, Korean forms with particles included.
//! Names written after the matcher was kept (by `add name`, `import`, or plain SQL from
//! another client) are matched by the next run.
mod common;
use std::collections::BTreeSet;

use common::{Env, JOINT, Outcome, with_seed_texts};
use serde_json::Value;

fn s<'a>(row: &'a Value, col: &str) -> &'a str {
    row[col].as_str().unwrap_or_default()
}

#[test]
fn the_joint_statement_mentions_all_its_signatories() {
    let Some(env) = with_seed_texts() else { return };
    let signed: BTreeSet<String> = json_rows(env.run(&["-f", "json", "signatories", JOINT]).ok())
        .iter()
        .map(|r| s(r, "org_id").to_string())
        .collect();
    assert_eq!(signed.len(), 23);
    let out = env.run(&["-f", "json", "mentions", "solidnet-2022-01-18-kazakhstan"]);
    let found: BTreeSet<String> = json_rows(out.ok())
        .iter()
        .filter(|r| s(r, "kind") == "organisation")
        .map(|r| s(r, "id").to_string())
        .collect();
    let missing: Vec<&String> = signed.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "signatories not found: {missing:?}\n{out}"
    );
    // Each row has a count, a first position and a snippet holding the mention.
    for r in json_rows(&out) {
        assert!(r["count"].as_i64() >= Some(1), "{out}");
        assert!(r["first_at"].as_i64().is_some(), "{out}");
        assert!(s(&r, "snippet").contains('»'), "{out}");
    }
}

#[test]
fn the_rcit_article_mentions_five_organisations_in_english_and_korean() {
    let Some(env) = with_seed_texts() else { return };
    let out = env.run(&["-f", "json", "mentions", "rcit-2022-01-08-kprf", "--each"]);
    let each = json_rows(out.ok());
    let forms = |id: &str| -> Vec<String> {
        each.iter()
            .filter(|r| s(r, "id") == id)
            .map(|r| s(r, "form").to_string())
            .collect()
    };
    let hangul = |f: &String| f.chars().any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c));
    for id in ["kprf", "skp-kpss", "cp-belarus", "rcit"] {
        let f = forms(id);
        assert!(
            f.iter().any(|f| !hangul(f)),
            "{id}: no English form in {f:?}"
        );
        assert!(f.iter().any(hangul), "{id}: no Korean form in {f:?}");
    }
    // The Korean forms are found with their particles attached.
    let kprf = forms("kprf");
    for printed in ["러시아연방공산당의", "러시아연방공산당"] {
        assert!(
            kprf.iter().any(|f| f == printed),
            "{printed} not in {kprf:?}"
        );
    }
    assert!(
        forms("cp-belarus")
            .iter()
            .any(|f| f == "벨라루스 공산당이다"),
        "{out}"
    );
    // The CSTO: once in the English part, once in the Korean part (its footnote).
    let csto: Vec<&Value> = each.iter().filter(|r| s(r, "id") == "csto").collect();
    assert!(csto.len() >= 2, "{out}");
    let korean_part = csto.iter().any(|r| {
        let snippet = s(r, "snippet");
        snippet.contains("CSTO")
            && each.iter().any(|k| {
                s(k, "text") == s(r, "text")
                    && hangul(&s(k, "form").to_string())
                    && k["at"].as_i64() < r["at"].as_i64()
            })
    });
    assert!(
        korean_part,
        "no CSTO mention after Korean text began\n{out}"
    );
}

#[test]
fn mentions_reads_a_file_and_matches_inflected_forms_on_word_boundaries() {
    let env = Env::new();
    let file = env.write(
        "news.txt",
        "Заявление Коммунистической партии Российской Федерации и КПРФ. \
         The KPRF's line. 러시아연방공산당은 말했다. Die Politik der KPRFs. \
         Not a mention: KPRFX, xKPRF, https://example.org/kprf-news."
            .as_bytes(),
    );
    let out = env.run(&[
        "-f",
        "json",
        "mentions",
        file.to_str().expect("utf-8"),
        "--each",
    ]);
    let kprf: Vec<String> = json_rows(out.ok())
        .iter()
        .filter(|r| s(r, "id") == "kprf")
        .map(|r| s(r, "form").to_string())
        .collect();
    assert_eq!(
        kprf,
        ["КПРФ", "KPRF's", "러시아연방공산당은", "KPRFs"],
        "{out}"
    );
}

#[test]
fn unknown_lists_likely_organisation_names_not_on_record() {
    let env = Env::new();
    let file = env.write(
        "new.txt",
        "The Communist Party of Tajikistan and the Partito Comunista Italiano met the \
         Kommunistische Partei Deutschlands, the Socialist Movement of Kazakhstan and 노동자혁명당은 오늘."
            .as_bytes(),
    );
    let out = env.run(&[
        "-f",
        "json",
        "mentions",
        file.to_str().expect("utf-8"),
        "--unknown",
    ]);
    let all = json_rows(out.ok());
    let unknown: BTreeSet<&str> = all
        .iter()
        .filter(|r| s(r, "kind") == "unknown")
        .map(|r| s(r, "name"))
        .collect();
    for name in [
        "Communist Party of Tajikistan",
        "Partito Comunista Italiano",
        "Kommunistische Partei Deutschlands",
        "노동자혁명당",
    ] {
        assert!(unknown.contains(name), "{name} not listed\n{out}");
    }
    // A known organisation is listed as known, not as unknown.
    assert!(
        !unknown.contains("Socialist Movement of Kazakhstan"),
        "{out}"
    );
    assert!(
        all.iter()
            .any(|r| s(r, "id") == "socialist-movement-kazakhstan"),
        "{out}"
    );
}

/// The ids `mentions FILE` finds, of one kind ("organisation" or "person").
fn mentioned(env: &Env, file: &std::path::Path, kind: &str) -> BTreeSet<String> {
    let out = env.run(&["-f", "json", "mentions", file.to_str().expect("utf-8")]);
    json_rows(out.ok())
        .iter()
        .filter(|r| s(r, "kind") == kind)
        .map(|r| s(r, "id").to_string())
        .collect()
}

const NEWS: &str = "The Zentralrat der Roten Arbeiter met the Union of Kama Rowers.";

#[test]
fn a_name_added_by_add_name_is_found_by_the_next_mentions() {
    let env = Env::new();
    let file = env.write("news.txt", NEWS.as_bytes());
    // `init` keeps the matcher in the database; a run reads it and writes nothing.
    env.run(&["init", "--force"]).ok();
    let before = env.db_bytes();
    assert!(mentioned(&env, &file, "organisation").is_empty());
    assert_eq!(env.db_bytes(), before, "a mentions run writes nothing");
    let kept: i64 = env
        .sqlite()
        .query_row("SELECT count(*) FROM mention_index", [], |r| r.get(0))
        .expect("count");
    assert_eq!(kept, 1, "the matcher is kept by init");
    env.run(&[
        "add",
        "name",
        "kprf",
        "Zentralrat der Roten Arbeiter",
        "--lang",
        "de",
        "--kind",
        "translation",
        "--source",
        "mk-2022-01-06-kprf",
        "--unverified",
    ])
    .ok();
    assert_eq!(
        mentioned(&env, &file, "organisation"),
        BTreeSet::from(["kprf".to_string()])
    );
}

#[test]
fn a_name_imported_from_csv_is_found_by_the_next_mentions() {
    let env = Env::new();
    let file = env.write("news.txt", NEWS.as_bytes());
    assert!(mentioned(&env, &file, "organisation").is_empty());
    let csv = env.write(
        "names.csv",
        "org_id,name,lang,kind,source_id\n\
         rcit,Union of Kama Rowers,en,informal,rcit-2022-01-08-kprf\n"
            .as_bytes(),
    );
    env.run(&["import", "names", csv.to_str().expect("utf-8")])
        .ok();
    assert_eq!(
        mentioned(&env, &file, "organisation"),
        BTreeSet::from(["rcit".to_string()])
    );
}

#[test]
fn names_written_by_plain_sql_are_found_renamed_and_forgotten() {
    let env = Env::new();
    let file = env.write("news.txt", NEWS.as_bytes());
    assert!(mentioned(&env, &file, "organisation").is_empty());
    let db = env.sqlite();
    let sql = |q: &str| {
        db.execute_batch(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    };
    // Another client (sqlite3, Datasette) adds a name, a person and an organisation.
    sql("INSERT INTO names (org_id, name, lang, kind, source_id) \
         VALUES ('kprf', 'Zentralrat der Roten Arbeiter', 'de', 'informal', 'mk-2022-01-06-kprf')");
    sql(
        "INSERT INTO organisations (id, name, kind) VALUES ('kama', 'Union of Kama Rowers', 'organisation')",
    );
    let found = mentioned(&env, &file, "organisation");
    assert_eq!(found, BTreeSet::from(["kprf".into(), "kama".into()]));
    // It renames one and deletes the other: the old words no longer match.
    sql(
        "UPDATE names SET name = 'Rat der Roten Arbeiter' WHERE name = 'Zentralrat der Roten Arbeiter'",
    );
    sql("DELETE FROM organisations WHERE id = 'kama'");
    assert!(mentioned(&env, &file, "organisation").is_empty());
    let renamed = env.write(
        "renamed.txt",
        "Der Rat der Roten Arbeiter tagte.".as_bytes(),
    );
    assert_eq!(
        mentioned(&env, &renamed, "organisation"),
        BTreeSet::from(["kprf".to_string()])
    );
    // A person's display name changed by hand is matched as it now reads.
    let person: String = db
        .query_row("SELECT id FROM people ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("a seed person");
    sql(&format!(
        "UPDATE people SET name = 'Ottokar Kamaruderer' WHERE id = '{person}'"
    ));
    let named = env.write("person.txt", "Ottokar Kamaruderer spoke.".as_bytes());
    assert_eq!(mentioned(&env, &named, "person"), BTreeSet::from([person]));
}

#[test]
fn a_read_only_database_is_matched_without_being_written() {
    let env = Env::new();
    env.ready();
    let db = env.sqlite();
    db.execute_batch(
        "INSERT INTO names (org_id, name, lang, kind, source_id) \
         VALUES ('kprf', 'Zentralrat der Roten Arbeiter', 'de', 'informal', 'mk-2022-01-06-kprf')",
    )
    .expect("insert");
    drop(db);
    let file = env.write("news.txt", NEWS.as_bytes());
    let mut perms = std::fs::metadata(&env.db).expect("db").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&env.db, perms).expect("chmod");
    assert_eq!(
        mentioned(&env, &file, "organisation"),
        BTreeSet::from(["kprf".to_string()])
    );
    let kept: i64 = env
        .sqlite()
        .query_row("SELECT count(*) FROM mention_index", [], |r| r.get(0))
        .expect("count");
    assert_eq!(kept, 0, "nothing is written to a read-only database");
}

fn json_rows(o: &Outcome) -> Vec<Value> {
    o.json_rows()
}
