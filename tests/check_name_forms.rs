//! `check` lists every organisation without a name form (#21 part 4): no list or lookup can
//! meet it by a recorded form.
mod common;
use common::Env;

#[test]
fn check_lists_an_organisation_without_a_name_form() {
    let env = Env::new();
    let none = env.run(&["-f", "csv", "check"]).ok().table();
    assert_eq!(&none.row("check", "no name form")["status"], "none");
    env.sqlite()
        .execute("DELETE FROM names WHERE org_id = 'cp-norway'", [])
        .expect("delete");
    let t = env.run(&["-f", "csv", "check"]).ok().table();
    let row = t.row("check", "no name form");
    assert_eq!(
        row.pick(["status", "subject"]),
        ["finding", "cp-norway"],
        "{t}"
    );
    assert!(row["detail"].starts_with("Communist Party of Norway: no name form on record"));
}
