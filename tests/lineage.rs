//! Lineage (issue #26): a fixture party that is renamed, loses a split-off and absorbs a
//! merged party, inside an alliance whose membership changes between statements. The seed's
//! sources print no succession (tests/data_truth.rs), so these rows are made up for the test.
mod common;
use std::collections::HashMap;

use common::{Env, Outcome};

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

const FIXTURE: &[(&str, &str)] = &[
    (
        "organisations",
        "id,name,kind,country\n\
         old-left,Renewed Left,party,FI\n\
         red-faction,Red Faction,party,FI\n\
         green-union,Green Union,party,FI\n\
         left-alliance,Left Alliance,alliance,\n",
    ),
    (
        "issues",
        "id,title,question\nbase-closure,Closing the base,Should the foreign base be closed?\n",
    ),
    (
        "documents",
        "id,title,kind,date,languages\n\
         list-2011,Appeal of 2011,joint_statement,2011-06-01,en\n\
         congress-2013,Congress resolution,statement,2013-05-20,en\n\
         split-2015,Founding declaration,statement,2015-03-01,en\n\
         stmt-2016,Statement of 2016,statement,2016-02-01,en\n\
         merge-2018,Unity congress,statement,2018-06-01,en\n\
         stmt-2019,Statement of 2019,statement,2019-01-01,en\n",
    ),
    (
        "names",
        "org_id,name,lang,kind,source_id,valid_from,valid_until\n\
         old-left,Left Party,en,official,list-2011,,2013-05-19\n\
         old-left,Renewed Left,en,official,congress-2013,2013-05-20,\n\
         red-faction,Red Faction,en,official,split-2015,,\n\
         green-union,Green Union,en,official,merge-2018,,\n\
         left-alliance,Left Alliance,en,official,list-2011,,\n",
    ),
    (
        "successions",
        "org_id,kind,other_id,date,name_before,name_after,source_id,quote\n\
         old-left,renamed,,2013-05-20,Left Party,Renewed Left,congress-2013,The Left Party is renamed the Renewed Left.\n\
         red-faction,split_from,old-left,2015-03,,,split-2015,We leave the Renewed Left and found the Red Faction.\n\
         green-union,merged_into,old-left,2018-06,,,merge-2018,The Green Union joins the Renewed Left.\n",
    ),
    (
        "memberships",
        "org_id,alliance_id,role,start,end,source_id\n\
         old-left,left-alliance,member,2010,2015-12,list-2011\n\
         red-faction,left-alliance,member,2015-03,,split-2015\n\
         green-union,left-alliance,member,2012,2018-06,merge-2018\n",
    ),
    (
        "signatures",
        "document_id,org_id,name_as_printed,source_id\nlist-2011,old-left,Left Party,list-2011\n",
    ),
    (
        "stances",
        "org_id,issue_id,as_of,value,quote,document_id,evidence\n\
         old-left,base-closure,2011-06-01,support,Close the base.,list-2011,own\n\
         old-left,base-closure,2016-02-01,oppose,The base must stay.,stmt-2016,own\n\
         green-union,base-closure,2016-02-01,ambivalent,The base is a question for later.,stmt-2016,attributed\n\
         red-faction,base-closure,2019-01-01,support,Close the base now.,stmt-2019,own\n",
    ),
];

/// A database holding the seed and the fixture.
fn fixture() -> Env {
    let env = Env::new();
    for (table, text) in FIXTURE {
        let file = env.write(&format!("{table}.csv"), text.as_bytes());
        env.run(&["import", table, file.to_str().expect("utf-8 path")])
            .ok();
    }
    env
}

#[test]
fn show_prints_the_lineage_both_ways() {
    let env = fixture();
    let (out, rows) = csv(&env, &["show", "old-left", "--section", "lineage"]);
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["lineage"].as_str(),
                r["other_id"].as_str(),
                r["date"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("renamed", "", "2013-05-20"),
            ("had split off", "red-faction", "2015-03"),
            ("absorbed", "green-union", "2018-06")
        ],
        "{out}"
    );
    assert_eq!(
        (
            rows[0]["name_before"].as_str(),
            rows[0]["name_after"].as_str()
        ),
        ("Left Party", "Renewed Left")
    );
    let (out, rows) = csv(&env, &["show", "Red Faction", "--section", "lineage"]);
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(
        (rows[0]["lineage"].as_str(), rows[0]["other_id"].as_str()),
        ("split from", "old-left"),
        "{out}"
    );
}

#[test]
fn a_renamed_party_keeps_one_id_and_its_stances_and_signatures_follow_it() {
    let env = fixture();
    let (out, rows) = csv(
        &env,
        &[
            "stance",
            "Renewed Left",
            "--issue",
            "base-closure",
            "--history",
        ],
    );
    let docs: Vec<&str> = rows.iter().map(|r| r["document_id"].as_str()).collect();
    assert_eq!(docs, ["list-2011", "stmt-2016"], "{out}");
    let (out, rows) = csv(&env, &["signed", "Renewed Left"]);
    assert_eq!(rows.len(), 1, "{out}");
    out.stdout_has("Left Party");
}

#[test]
fn a_split_off_party_never_inherits_its_parents_later_stances() {
    let env = fixture();
    let (out, rows) = csv(&env, &["show", "red-faction", "--section", "stances"]);
    assert!(!rows.is_empty(), "{out}");
    assert!(
        rows.iter().all(|r| r.values().all(|v| v != "stmt-2016")),
        "the parent's 2016 stance is not the split-off's\n{out}"
    );
    out.stdout_lacks("The base must stay.");
    let (out, rows) = csv(&env, &["stance", "red-faction", "--history"]);
    let docs: Vec<&str> = rows.iter().map(|r| r["document_id"].as_str()).collect();
    assert_eq!(docs, ["stmt-2019"], "{out}");
}

#[test]
fn members_as_of_and_camps_by_alliance_follow_the_membership_dates() {
    let env = fixture();
    let members = |date: &str| -> Vec<String> {
        let (_, rows) = csv(&env, &["members", "Left Alliance", "--as-of", date]);
        let mut ids: Vec<String> = rows.iter().map(|r| r["org_id"].clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(members("2014"), ["green-union", "old-left"]);
    assert_eq!(
        members("2015-06"),
        ["green-union", "old-left", "red-faction"]
    );
    assert_eq!(members("2017-01-01"), ["green-union", "red-faction"]);
    // The month of the merge still counts (the end is a month: its last day).
    assert_eq!(members("2018-06-30"), ["green-union", "red-faction"]);
    assert_eq!(members("2018-07"), ["red-faction"]);
    let camps = |date: &str| -> Vec<(String, String)> {
        let (_, rows) = csv(
            &env,
            &[
                "camps",
                "base-closure",
                "--alliance",
                "left-alliance",
                "--as-of",
                date,
                "--section",
                "organisations",
            ],
        );
        let mut got: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r["org_id"].clone(), r["value"].clone()))
            .collect();
        got.sort();
        got
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        camps("2014"),
        [
            pair("green-union", "ambivalent"),
            pair("old-left", "oppose")
        ]
    );
    assert_eq!(camps("2019"), [pair("red-faction", "support")]);
    env.run(&[
        "camps",
        "base-closure",
        "--alliance",
        "left-alliance",
        "--as-of",
        "2019",
    ])
    .ok()
    .stdout_lacks("old-left");
}

#[test]
fn add_succession_records_one_step_and_refuses_a_malformed_one() {
    let env = fixture();
    env.run(&[
        "add",
        "succession",
        "red-faction",
        "merged-into",
        "Renewed Left",
        "--date",
        "2020",
        "--source",
        "stmt-2019",
        "--quote",
        "Close the base now.",
        "--unverified",
    ])
    .ok();
    let (out, rows) = csv(&env, &["show", "old-left", "--section", "lineage"]);
    assert!(
        rows.iter().any(|r| r["lineage"] == "absorbed"
            && r["other_id"] == "red-faction"
            && r["date"] == "2020"),
        "{out}"
    );
    let before = env.db_bytes();
    env.run(&[
        "add",
        "succession",
        "old-left",
        "renamed",
        "red-faction",
        "--source",
        "stmt-2019",
        "--quote",
        "x",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("keeps its id");
    env.run(&[
        "add",
        "succession",
        "old-left",
        "split-from",
        "--source",
        "stmt-2019",
        "--quote",
        "x",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("needs the other organisation");
    assert_eq!(env.db_bytes(), before, "a refusal writes nothing");
}
