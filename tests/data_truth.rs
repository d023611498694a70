//! Issue #26 (data truth, round 3): one case per finding class, each read against the five
//! sources in ../shared/seeds, plus the rule that holds the class together where one can be
//! written down (own words are their author's; a printed publisher is printed; every
//! interpretation names a decision that says it is one; decisions name rows that exist).
//! Round 2's cases are in tests/data_truth_round2.rs.
mod common;
use std::collections::{BTreeSet, HashMap};

use common::{Env, Outcome, seed_dir, seeds_dir};

/// stdout (CSV) as one map per row, by column name.
fn records(out: &Outcome) -> Vec<HashMap<String, String>> {
    let rows = out.ok().csv();
    let (header, body) = rows
        .split_first()
        .unwrap_or_else(|| panic!("no header\n{out}"));
    body.iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

fn csv(env: &Env, args: &[&str]) -> (Outcome, Vec<HashMap<String, String>>) {
    let mut all = vec!["--format", "csv"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    let recs = records(&out);
    (out, recs)
}

fn sql(env: &Env, query: &str) -> (Outcome, Vec<HashMap<String, String>>) {
    csv(env, &["sql", query])
}

/// Whitespace folded to single spaces, so a sentence broken across PDF lines is found.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source text whose file name starts with `prefix` ("000" … "004"), folded; None (and
/// the test skipped) when ../shared/seeds is not there.
fn source(prefix: &str) -> Option<String> {
    let dir = seeds_dir()?;
    let entry = std::fs::read_dir(&dir)
        .expect("read seeds")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}_* in {}", dir.display()));
    Some(folded(
        &std::fs::read_to_string(entry.path()).expect("read source"),
    ))
}

fn decisions() -> String {
    std::fs::read_to_string(seed_dir().join("DECISIONS.md")).expect("DECISIONS.md")
}

#[test]
fn class1_a_past_sentence_about_peoples_is_no_stance_of_the_party_and_own_words_are_their_authors()
{
    let Some(cprf) = source("003") else { return };
    // The sentence names "we" = the fraternal peoples, in the past tense, and the EurAsEC.
    assert!(cprf.contains("The fraternal peoples of Russia and Kazakhstan"));
    assert!(cprf.contains("Together we revived integration processes creating the EurAsEC"));
    let env = Env::new();
    let (out, rows) = sql(
        &env,
        "SELECT count(*) AS n FROM stances WHERE quote LIKE '%revived integration%'",
    );
    assert_eq!(rows[0]["n"], "0", "{out}");
    let (out, now) = csv(&env, &["stance", "KPRF", "--issue", "eurasian-integration"]);
    assert_eq!(now[0]["evidence"], "attributed", "{out}");
    assert_eq!(now[0]["document_id"], "rcit-2022-01-08-kprf", "{out}");
    // The class: a stance is the body's own words only in a document it wrote (or one that
    // names no author body, like a news item quoting it).
    let (out, rows) = sql(
        &env,
        "SELECT s.id, s.org_id, d.author_org_id FROM stances s JOIN documents d ON d.id = s.document_id \
         WHERE s.evidence = 'own' AND d.author_org_id IS NOT NULL AND d.author_org_id <> s.org_id",
    );
    assert!(
        rows.is_empty(),
        "own words in another body's document\n{out}"
    );
}

#[test]
fn class2_a_quote_carries_the_value_in_the_speakers_own_quoted_words() {
    let Some(rcit) = source("000") else { return };
    let env = Env::new();
    let (out, rows) = csv(
        &env,
        &[
            "stance",
            "KPRF",
            "--issue",
            "kazakhstan-protests-2022",
            "--history",
        ],
    );
    let telegram = rows
        .iter()
        .find(|r| r["document_id"] == "ria-2022-01-05-zyuganov")
        .unwrap_or_else(|| panic!("Telegram row\n{out}"));
    assert!(telegram["quote"].contains("uprising"), "{out}");
    assert!(
        telegram["quote"].contains("“hybrid war on Russia”"),
        "{out}"
    );
    assert!(
        rcit.contains(&telegram["quote"]),
        "quote as printed (000:46)"
    );
    let (out, rows) = csv(
        &env,
        &[
            "stance",
            "SKP–KPSS",
            "--issue",
            "kazakhstan-protests-2022",
            "--history",
        ],
    );
    let own = rows
        .iter()
        .find(|r| r["evidence"] == "own")
        .unwrap_or_else(|| panic!("SKP–KPSS own words\n{out}"));
    assert!(own["quote"].ends_with("in these January days."), "{out}");
    assert!(
        rcit.contains(&format!("“{}", own["quote"])),
        "its words in quotation marks (000:49)"
    );
}

#[test]
fn class3_a_presidents_title_decisions_and_regime_are_the_presidencys() {
    let Some(rcit) = source("000") else { return };
    let Some(korean) = source("001") else { return };
    assert!(rcit.contains("President Putin"));
    assert!(korean.contains("푸틴 정권이 모든 수단을 동원하여 봉기를 분쇄하기로 결정하자"));
    let env = Env::new();
    for form in ["Kremlin", "푸틴 정권"] {
        let out = env.run(&["--format", "csv", "show", form, "--section", "organisation"]);
        out.ok().stdout_has("ru-president");
    }
    let (out, roles) = sql(
        &env,
        "SELECT DISTINCT org_id FROM roles WHERE person_id = 'putin'",
    );
    assert_eq!(roles.len(), 1, "{out}");
    assert_eq!(roles[0]["org_id"], "ru-president", "{out}");
    let (out, gov) = csv(&env, &["stance", "ru-government", "--history"]);
    assert!(
        gov.is_empty(),
        "the government holds no presidential decision\n{out}"
    );
    // The form the theses use for the authority after the cabinet resigned (002:41–43).
    let Some(theses) = source("002") else { return };
    assert!(theses.contains("Kazakhstani gov- ernment's suppression"));
    let (out, names) = sql(
        &env,
        "SELECT org_id FROM names WHERE name = 'Kazakhstani government'",
    );
    assert_eq!(names[0]["org_id"], "kz-president", "{out}");
}

#[test]
fn class4_a_person_acting_in_a_sentence_is_not_recorded_as_its_speaker() {
    let Some(rcit) = source("000") else { return };
    assert!(rcit.contains("Tokayev notorious speech on 7 January when he ordered his troops"));
    let env = Env::new();
    let (out, rows) = sql(
        &env,
        "SELECT id, speaker_id FROM stances WHERE speaker_id IN ('tokayev', 'putin')",
    );
    assert!(rows.is_empty(), "none of their words is quoted\n{out}");
    let (out, rows) = csv(&env, &["stance", "President of Kazakhstan", "--history"]);
    let order = rows
        .iter()
        .find(|r| r["as_of"] == "2022-01-07")
        .unwrap_or_else(|| panic!("the 7 January order\n{out}"));
    assert_eq!(order["speaker"], "", "{out}");
}

#[test]
fn class5_inferences_are_flagged_and_publishers_are_printed() {
    let sources: Vec<String> = ["000", "001", "002", "003", "004"]
        .iter()
        .filter_map(|p| source(p))
        .collect();
    if sources.len() < 5 {
        return;
    }
    let env = Env::new();
    // The class: every publisher on record is printed in one of the sources.
    let (out, docs) = sql(
        &env,
        "SELECT id, publisher FROM documents WHERE publisher IS NOT NULL",
    );
    for d in &docs {
        assert!(
            sources.iter().any(|s| s.contains(&d["publisher"])),
            "{} publisher {:?} is printed nowhere\n{out}",
            d["id"],
            d["publisher"]
        );
    }
    assert!(
        !docs
            .iter()
            .any(|d| d["id"] == "solidnet-2022-01-18-kazakhstan"),
        "{out}"
    );
    // The CPRF statement reports the CSTO Council's decision, not the deployment of 6 January.
    let (out, rows) = sql(
        &env,
        "SELECT not_before FROM documents WHERE id = 'cprf-2022-01-kazakhstan'",
    );
    assert_eq!(rows[0]["not_before"], "2022-01-05", "{out}");
    let (out, listed) = csv(&env, &["check", "--interpretations"]);
    let has = |table: &str, row: &str, decision: &str| {
        listed
            .iter()
            .any(|r| r["table"] == table && r["row"] == row && r["decision"] == decision)
    };
    assert!(has("documents", "cprf-2022-01-kazakhstan", "D36"), "{out}");
    assert!(has("document_people", "13", "D38"), "{out}");
    assert!(
        has("roles", "7", "D18"),
        "office mapped to the presidency\n{out}"
    );
    // Novikov: the citation form "Name: Title" names the author, as for Yang Sheng.
    let (out, people) = sql(
        &env,
        "SELECT document_id, role FROM document_people WHERE person_id IN ('novikov', 'yang-sheng') ORDER BY document_id",
    );
    let roles: Vec<&str> = people.iter().map(|r| r["role"].as_str()).collect();
    assert_eq!(roles, ["author", "author"], "{out}");
}

#[test]
fn class5_every_interpretation_points_at_a_decision_that_says_it_is_one() {
    let text = decisions();
    let env = Env::new();
    let (out, listed) = csv(&env, &["check", "--interpretations"]);
    assert!(listed.len() >= 20, "{out}");
    for r in &listed {
        assert_ne!(
            r["what"], "",
            "the row {}/{} exists\n{out}",
            r["table"], r["row"]
        );
        let head = format!("- **{}.**", r["decision"]);
        let at = text
            .find(&head)
            .unwrap_or_else(|| panic!("{} is not in DECISIONS.md", r["decision"]));
        let body = &text[at + head.len()..];
        let body = &body[..body.find("\n- **").unwrap_or(body.len())];
        assert!(
            body.to_lowercase().contains("interpret"),
            "{} does not call itself an interpretation",
            r["decision"]
        );
    }
}

#[test]
fn class6_decision_texts_name_rows_that_exist_and_do_not_contradict_them() {
    let text = decisions();
    let env = Env::new();
    for table in ["stances", "names", "roles", "country_memberships"] {
        let (out, rows) = sql(&env, &format!("SELECT id FROM {table}"));
        let ids: BTreeSet<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        let tag = format!("[{table} ");
        for (at, _) in text.match_indices(&tag) {
            let rest = &text[at + tag.len()..];
            let list = &rest[..rest.find(']').expect("closing bracket")];
            for id in list.split([',', '–']).map(str::trim) {
                if let Ok(n) = id.parse::<u32>() {
                    assert!(
                        ids.contains(n.to_string().as_str()),
                        "{table} {n} in DECISIONS.md\n{out}"
                    );
                }
            }
        }
    }
    // "the Communist Party" (000:62) is settled by its own sentence: not called ambiguous.
    let d23 = &text[text.find("- **D23.**").expect("D23")..];
    let d23 = &d23[..d23.find("\n- **").unwrap_or(d23.len())];
    assert!(!d23.contains("ambiguous"), "{d23}");
    // D6 states the rule the rows follow: the CPRF's words about others are attributed.
    let (out, rows) = sql(
        &env,
        "SELECT DISTINCT evidence FROM stances WHERE document_id = 'cprf-2022-01-kazakhstan' AND org_id <> 'kprf'",
    );
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(rows[0]["evidence"], "attributed", "{out}");
}

#[test]
fn class7_what_the_sources_print_beside_recorded_facts_is_recorded() {
    let (Some(rcit), Some(theses), Some(cprf)) = (source("001"), source("002"), source("003"))
    else {
        return;
    };
    let env = Env::new();
    // An attributed stance of a state body against the protests (002:171–179).
    let (out, rows) = csv(
        &env,
        &[
            "stance",
            "kz-government",
            "--issue",
            "kazakhstan-protests-2022",
            "--history",
        ],
    );
    let put_down = rows
        .iter()
        .find(|r| r["document_id"] == "theses-2022-kazakhstan")
        .unwrap_or_else(|| panic!("the theses on the government\n{out}"));
    assert_eq!(
        (put_down["value"].as_str(), put_down["evidence"].as_str()),
        ("oppose", "attributed")
    );
    assert!(theses.contains(&put_down["quote"]), "{out}");
    // Memberships in the CPRF's list of integration bodies, flagged as inference.
    let (out, rows) = sql(
        &env,
        "SELECT c.country, i.decision_id FROM country_memberships c \
         LEFT JOIN interpretations i ON i.tbl = 'country_memberships' AND i.row_id = CAST(c.id AS TEXT) \
         WHERE c.bloc_id = 'eurasec' ORDER BY c.country",
    );
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["country"].as_str(), r["decision_id"].as_str()))
        .collect();
    assert_eq!(got, [("KZ", "D41"), ("RU", "D41")], "{out}");
    // Historical persons named beside Bukeikhanov, and the periodical footnote 8 cites.
    assert!(cprf.contains("along with Kolchak and Ataman Dutrov"));
    for person in ["Kolchak", "Ataman Dutrov", "Mustafa Shokai"] {
        let (out, found) = csv(&env, &["search", person]);
        assert!(
            found.iter().any(|r| r.values().any(|v| v == person)),
            "{out}"
        );
    }
    assert!(rcit.contains("in: Revolutionary Communism No. 21"));
    let (out, rows) = sql(
        &env,
        "SELECT kind FROM organisations WHERE name = 'Revolutionary Communism'",
    );
    assert_eq!(rows[0]["kind"], "media", "{out}");
}

#[test]
fn the_seed_records_no_succession_the_sources_do_not_print() {
    let env = Env::new();
    let (out, rows) = sql(&env, "SELECT count(*) AS n FROM successions");
    assert_eq!(rows[0]["n"], "0", "{out}");
    assert!(decisions().contains("the sources print no succession between organisations"));
}
