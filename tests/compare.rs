//! `compare`: side by side with both quotes and an agreement figure that does not count
//! missing stances as disagreement.
mod common;
use common::Env;

#[test]
fn kprf_and_communist_party_of_greece_compared_with_both_quotes() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "compare",
        "KPRF",
        "Communist Party of Greece",
    ]);
    let v = out.ok().json();
    let csto = v["comparison"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["issue"] == "csto-kazakhstan-2022")
        .expect("csto row");
    assert_eq!(csto["kprf value"], "support", "{out}");
    assert_eq!(csto["cp-greece value"], "oppose", "{out}");
    assert!(
        csto["kprf quote"]
            .as_str()
            .unwrap()
            .contains("forced but adequate"),
        "{out}"
    );
    assert!(
        csto["cp-greece quote"]
            .as_str()
            .unwrap()
            .contains("unacceptable Russian military intervention"),
        "{out}"
    );
    assert_eq!(csto["agree"], "no", "{out}");
    let imperialist = v["comparison"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["issue"] == "russia-imperialist")
        .expect("row");
    assert_eq!(imperialist["cp-greece value"], "no stance", "{out}");
    let pair = &v["agreement"][0];
    assert_eq!(pair["issues_both"], 2, "{out}");
    assert_eq!(pair["same"], 0, "{out}");
    assert_eq!(
        pair["issues_one_side_only"], 2,
        "missing stances are not disagreement\n{out}"
    );
}

#[test]
fn agreement_is_one_for_two_signatories_of_the_same_statement() {
    let env = Env::new();
    let out = env.run(&[
        "--format",
        "json",
        "compare",
        "PCRF",
        "PRCF",
        "--issue",
        "csto-kazakhstan-2022",
    ]);
    let v = out.ok().json();
    assert_eq!(v["agreement"][0]["agreement"], 1.0, "{out}");
    assert_eq!(v["comparison"][0]["agree"], "yes", "{out}");
}

#[test]
fn compare_needs_two_different_organisations() {
    let env = Env::new();
    env.run(&["compare", "KPRF"]).code(2);
    env.run(&["compare", "KPRF", "КПРФ"])
        .code(2)
        .one_line_error()
        .stderr_has("again");
}
