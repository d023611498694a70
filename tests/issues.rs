//! `issues`: every issue with its title, question and period, and how many organisations
//! currently hold each stance value — the same counts `camps` gives, in every format.
mod common;
use common::Env;

const CSTO: &str = "csto-kazakhstan-2022";

#[test]
fn issues_lists_every_issue_with_its_question_period_and_the_camps_counts() {
    let env = Env::new();
    let out = env.run(&["-f", "csv", "issues"]);
    let issues = out.ok().table();
    assert_eq!(
        issues.columns,
        [
            "id",
            "title",
            "question",
            "start",
            "end",
            "organisations",
            "support",
            "oppose",
            "ambivalent",
            "none_found"
        ],
        "{issues}"
    );
    // One row per issue in the database, by id, with its own text.
    let conn = env.sqlite();
    let mut st = conn
        .prepare("SELECT id, title, question, coalesce(start, ''), coalesce(end, '') FROM issues ORDER BY id")
        .unwrap();
    let want: Vec<[String; 5]> = st
        .query_map([], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let got: Vec<[String; 5]> = issues
        .rows()
        .map(|r| {
            r.pick(["id", "title", "question", "start", "end"])
                .map(String::from)
        })
        .collect();
    assert_eq!(got, want, "{issues}");
    let csto = issues.row("id", CSTO);
    assert_eq!(
        csto.pick(["start", "end"]),
        ["2022-01-06", "2022-01-19"],
        "{issues}"
    );
    // The counts are those of `camps`, value by value, and they add up.
    let camps = env.run(&["-f", "csv", "camps", CSTO, "--section", "camps"]);
    let summary = camps.ok().table();
    assert!(!summary.is_empty(), "{camps}");
    let mut total = 0;
    for value in ["support", "oppose", "ambivalent", "none_found"] {
        let want = summary
            .rows_where("value", value)
            .first()
            .map_or("0", |r| r.get("organisations"))
            .to_string();
        assert_eq!(csto[value], want, "{value} on {CSTO}\n{issues}\n{camps}");
        total += want.parse::<i64>().unwrap();
    }
    assert_eq!(csto["organisations"], total.to_string(), "{issues}");
}

#[test]
fn a_new_stance_is_counted_at_once_and_json_keeps_counts_as_integers() {
    let env = Env::new();
    let before = env.run(&["-f", "csv", "issues"]);
    let before = before.ok().table();
    let eurasian = before.row("id", "eurasian-integration");
    let was: i64 = eurasian["none_found"].parse().unwrap();
    // The RCWP has no stance on record on this issue; a search that found none is one.
    env.run(&[
        "-f",
        "csv",
        "stance",
        "rcwp",
        "--issue",
        "eurasian-integration",
    ])
    .ok()
    .stderr_has("no stance");
    env.run(&[
        "add",
        "stance",
        "--evidence",
        "attributed",
        "rcwp",
        "eurasian-integration",
        "--value",
        "none_found",
        "--as-of",
        "2022-01",
        "--source",
        "cprf-2022-01-kazakhstan",
    ])
    .ok();
    let out = env.run(&["-f", "json", "issues"]);
    let json = out.ok().json();
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "eurasian-integration")
        .unwrap_or_else(|| panic!("no eurasian-integration\n{out}"));
    assert_eq!(row["none_found"], serde_json::json!(was + 1), "{out}");
    let total: i64 = ["support", "oppose", "ambivalent", "none_found"]
        .iter()
        .map(|v| {
            row[v]
                .as_i64()
                .unwrap_or_else(|| panic!("{v} is not an integer\n{out}"))
        })
        .sum();
    assert_eq!(row["organisations"], serde_json::json!(total), "{out}");
}
