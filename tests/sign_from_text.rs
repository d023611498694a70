//! `sign --from-text` (#16 part 4, #21): the signatory list printed in the joint statement's
//! stored text reads as exactly the 23 seed signatures, all exact; a later version of the list
//! with one more line adds only that signature, dated with --date; names that are new or
//! ambiguous are left out by --apply, which records the rest.
mod common;
use common::{Env, JOINT, Outcome, seeds_dir, with_seed_texts};
use serde_json::Value;

const DOC: &str = "solidnet-2022-01-18-kazakhstan";

fn s(row: &Value, col: &str) -> String {
    match &row[col] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
}

/// (group, position, name as printed, organisation) of each row; a printed country read
/// apart from the name is put back in brackets, as the seed records it.
fn signatures(rows: &[Value]) -> Vec<[String; 4]> {
    rows.iter()
        .map(|r| {
            let country = s(r, "country_as_printed");
            let name = match country.as_str() {
                "" => s(r, "name_as_printed"),
                c => format!("{} ({c})", s(r, "name_as_printed")),
            };
            [s(r, "group"), s(r, "position"), name, s(r, "org_id")]
        })
        .collect()
}

/// A database with the seed texts, and the joint statement's text.
fn with_texts() -> Option<(Env, String)> {
    let env = with_seed_texts()?;
    let seeds = seeds_dir()?;
    let text = std::fs::read_to_string(seeds.join("004_a00deff8f2290ae6.txt")).expect("004");
    Some((env, text))
}

#[test]
fn the_joint_statement_list_reads_as_exactly_the_23_seed_signatures() {
    let Some((env, _)) = with_texts() else { return };
    let seed: Vec<[String; 4]> = json_rows(env.run(&["-f", "json", "signatories", JOINT]).ok())
        .iter()
        .map(|r| ["group", "position", "name_as_printed", "org_id"].map(|c| s(r, c)))
        .collect();
    assert_eq!(seed.len(), 23);
    let read = env.run(&["-f", "json", "sign", "--from-text", DOC]);
    let table = json_rows(read.ok());
    assert_eq!(signatures(&table), seed, "{read}");
    assert!(
        table
            .iter()
            .all(|r| s(r, "status") == "exact" && s(r, "action") == "on record"),
        "{read}"
    );
    // --apply has nothing to add.
    env.run(&["sign", "--from-text", DOC, "--apply"])
        .ok()
        .stderr_has("0 signatures recorded");
    assert_eq!(
        json_rows(&env.run(&["-f", "json", "signatories", JOINT])).len(),
        23
    );
}

#[test]
fn a_later_list_with_a_new_line_adds_only_the_new_signature_dated() {
    let Some((env, text)) = with_texts() else {
        return;
    };
    let last = "  20. Communist Party of Venezuela";
    assert!(text.contains(last), "the seed text changed");
    let later = text.replacen(
        last,
        &format!("{last}\n  21. Communist Party of the Russian Federation"),
        1,
    );
    let file = env.write("004-later.txt", later.as_bytes());
    env.run(&[
        "add",
        "text",
        DOC,
        file.to_str().expect("utf-8"),
        "--lang",
        "en",
    ])
    .ok();
    let dry = env.run(&[
        "-f",
        "json",
        "sign",
        "--from-text",
        DOC,
        "--copy",
        "004-later.txt",
    ]);
    let table = json_rows(dry.ok());
    let to_record: Vec<&Value> = table
        .iter()
        .filter(|r| s(r, "action") == "record")
        .collect();
    assert_eq!(to_record.len(), 1, "{dry}");
    assert_eq!(s(to_record[0], "org_id"), "kprf");
    assert_eq!(
        json_rows(&env.run(&["-f", "json", "signatories", JOINT])).len(),
        23,
        "a dry run"
    );

    env.run(&[
        "sign",
        "--from-text",
        DOC,
        "--copy",
        "004-later.txt",
        "--date",
        "2022-02-01",
        "--apply",
    ])
    .ok()
    .stderr_has("1 signatures recorded");
    let now = json_rows(&env.run(&["-f", "json", "signatories", JOINT]));
    assert_eq!(now.len(), 24);
    let kprf: Vec<&Value> = now.iter().filter(|r| s(r, "org_id") == "kprf").collect();
    assert_eq!(s(kprf[0], "signed_on"), "2022-02-01");
    assert_eq!(s(kprf[0], "group"), "SolidNet Parties signing");
    assert_eq!(s(kprf[0], "position"), "21");
    // Again: nothing new.
    env.run(&[
        "sign",
        "--from-text",
        DOC,
        "--copy",
        "004-later.txt",
        "--apply",
    ])
    .ok()
    .stderr_has("0 signatures recorded");
}

#[test]
fn unknown_names_are_new_or_ambiguous_and_apply_leaves_them_out() {
    let Some((env, text)) = with_texts() else {
        return;
    };
    let last = "  3. Communist Front (Italy)";
    let later = text.replacen(
        last,
        &format!("{last}\n  4. Communist Party of Atlantis\n  5. Party of Labour"),
        1,
    );
    let file = env.write("004-new.txt", later.as_bytes());
    env.run(&["add", "text", DOC, file.to_str().expect("utf-8")])
        .ok();
    let out = env.run(&[
        "-f",
        "json",
        "sign",
        "--from-text",
        DOC,
        "--apply",
        "--copy",
        "004-new.txt",
    ]);
    out.ok().stderr_has("0 signatures recorded");
    let table = json_rows(&out);
    let status = |name: &str| {
        table
            .iter()
            .find(|r| s(r, "name_as_printed") == name)
            .map(|r| s(r, "status"))
    };
    assert_eq!(
        status("Communist Party of Atlantis").as_deref(),
        Some("new"),
        "{out}"
    );
    // Only part of a known name: candidates, not a match.
    assert_eq!(
        status("Party of Labour").as_deref(),
        Some("ambiguous"),
        "{out}"
    );
    assert_eq!(
        json_rows(&env.run(&["-f", "json", "signatories", JOINT])).len(),
        23
    );
    env.run(&["sign", "--from-text", "cprf-2022-01-kazakhstan"])
        .code(2)
        .stderr_has("no signatory list");
}

fn json_rows(o: &Outcome) -> Vec<Value> {
    o.json_rows()
}
