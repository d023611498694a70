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
