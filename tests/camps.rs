//! `camps`: the split over the CSTO intervention, with signature-only evidence shown as such.
mod common;
use common::Env;

#[test]
fn camps_on_the_csto_intervention() {
    let env = Env::new();
    let out = env.run(&["--format", "json", "camps", "csto-kazakhstan-2022"]);
    let v = out.ok().json();
    let summary = v["camps"].as_array().unwrap();
    let count = |val: &str| {
        summary
            .iter()
            .find(|r| r["value"] == val)
            .map(|r| r["organisations"].as_i64().unwrap())
    };
    assert!(
        count("oppose").unwrap() >= 25,
        "23 signatories + RCIT + its Russian comrades\n{out}"
    );
    assert!(count("support").unwrap() >= 1, "{out}");
    assert_eq!(count("ambivalent"), Some(1), "{out}");
    let orgs = v["organisations"].as_array().unwrap();
    let find = |id: &str| {
        orgs.iter()
            .find(|r| r["org_id"] == id)
            .unwrap_or_else(|| panic!("{id}\n{out}"))
    };
    assert_eq!(find("kprf")["value"], "support");
    assert_eq!(find("rcit")["value"], "oppose");
    assert_eq!(find("rcwp")["value"], "oppose");
    assert_eq!(
        find("rcwp")["basis"],
        "signature",
        "signed but never spoke on its own\n{out}"
    );
    assert_eq!(find("cpsu")["value"], "oppose");
    assert_eq!(find("theses-2022-author")["value"], "ambivalent");
}

#[test]
fn camps_accepts_an_issue_title_and_rejects_an_unknown_issue() {
    let env = Env::new();
    env.run(&["camps", "CSTO military intervention in Kazakhstan"])
        .ok()
        .stdout_has("kprf");
    env.run(&["camps", "moon landing"])
        .code(2)
        .one_line_error()
        .stderr_has("unknown issue");
}

#[test]
fn the_camp_counts_are_the_current_stances_view_counted_per_value() {
    let env = Env::new();
    env.ready();
    let c = env.sqlite();
    for issue in ["csto-kazakhstan-2022", "kazakhstan-protests-2022"] {
        let out = env.run(&["--format", "json", "camps", issue]);
        let v = out.ok().json();
        let orgs = v["organisations"].as_array().unwrap();
        let got: Vec<(String, i64, i64, i64, i64, i64)> = v["camps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let n = |k: &str| r[k].as_i64().unwrap_or_else(|| panic!("{k}\n{out}"));
                let value = r["value"].as_str().unwrap().to_string();
                // The order-unknown count is the organisations so marked in the other section.
                let marked = orgs
                    .iter()
                    .filter(|o| o["value"] == value.as_str())
                    .filter(|o| !o["order_unknown_against"].is_null())
                    .count() as i64;
                assert_eq!(n("order_unknown"), marked, "{value}\n{out}");
                let own = n("own_words");
                (
                    value,
                    n("organisations"),
                    own,
                    n("attributed"),
                    n("by_signature_only"),
                    marked,
                )
            })
            .collect();
        let mut st = c
            .prepare(
                "SELECT value, count(*), sum(basis = 'words' AND evidence = 'own'), \
                 sum(basis = 'words' AND evidence = 'attributed'), sum(basis = 'signature') \
                 FROM current_stances WHERE issue_id = ?1 GROUP BY value \
                 ORDER BY CASE value WHEN 'support' THEN 1 WHEN 'oppose' THEN 2 \
                 WHEN 'ambivalent' THEN 3 ELSE 4 END, value",
            )
            .unwrap();
        let expected: Vec<(String, i64, i64, i64, i64)> = st
            .query_map([issue], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let got_counts: Vec<_> = got
            .iter()
            .map(|g| (g.0.clone(), g.1, g.2, g.3, g.4))
            .collect();
        assert_eq!(got_counts, expected, "{issue}\n{out}");
    }
    let out = env.run(&["--format", "json", "camps", "kazakhstan-protests-2022"]);
    let v = out.ok().json();
    assert!(
        v["camps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["order_unknown"].as_i64() > Some(0)),
        "an issue with an organisation whose order is unknown\n{out}"
    );
}
