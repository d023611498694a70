//! README "Add a new statement", step 4 (#21 part 5): the propose-review-apply workflow on the
//! made-up list in examples/ prints exactly the numbers the README shows.
mod common;
use common::{Env, csv_file};

#[test]
fn the_readme_workflow_on_the_made_up_list_prints_its_numbers() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/signatories-made-up.txt"
    );
    let env = Env::new();
    env.run(&[
        "add",
        "document",
        "--id",
        "made-up-2022-02-20",
        "--kind",
        "statement",
        "--date",
        "2022-02-20",
        "--title",
        "Joint statement on the strike at the Blue Lantern works (made-up example)",
        "--languages",
        "en",
        "--text",
        example,
    ])
    .ok();
    let dry = env.run(&["-f", "csv", "sign", "--from-text", "made-up-2022-02-20"]);
    let notice = |o: &common::Outcome| {
        o.stderr
            .trim_end()
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        readme.contains(&notice(dry.ok())),
        "README lacks: {}",
        notice(&dry)
    );
    // The review, as the README says: `new` on the new rows, youth_org for the youth group.
    let review = env.write("review.csv", dry.stdout.as_bytes());
    let table = csv_file(&review);
    let mut w = csv::Writer::from_path(&review).expect("write");
    w.write_record(&table.columns).expect("header");
    for r in table.rows() {
        let mut cells: Vec<String> = table
            .columns
            .iter()
            .map(|c| r[c.as_str()].to_string())
            .collect();
        if &r["status"] == "new" {
            cells[table.col("org_id")] = "new".to_string();
        }
        if &r["name_as_printed"] == "Young Anvil Circle" {
            cells[table.col("kind")] = "youth_org".to_string();
        }
        w.write_record(&cells).expect("row");
    }
    w.flush().expect("flush");
    let review = review.to_str().expect("utf-8");
    let args = [
        "sign",
        "--from-text",
        "made-up-2022-02-20",
        "--review",
        review,
        "--accept",
        "likely",
        "--apply",
    ];
    let applied = env.run(&args);
    assert!(
        readme.contains(&notice(applied.ok())),
        "README lacks: {}",
        notice(&applied)
    );
    let again = env.run(&args);
    assert!(
        readme.contains(&notice(again.ok())),
        "README lacks: {}",
        notice(&again)
    );
    let orgs = env.run(&["-f", "csv", "orgs"]).ok().table();
    assert_eq!(
        orgs.row("name", "Young Anvil Circle")
            .pick(["kind", "country"]),
        ["youth_org", "PT"]
    );
}
