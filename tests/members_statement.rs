//! `members ALLIANCE --statement S` on the hand-built fixture (tests/network_fixture): who of
//! the members at the statement's date signed it, and no non-member counted as not signing.
mod common;
mod network_fixture;

#[test]
fn members_on_a_statement_lists_each_member_at_its_date_signed_or_not() {
    let env = network_fixture::env();
    let t = env
        .run(&["-f", "csv", "members", "fx-al", "--statement", "fx-s7"])
        .ok()
        .table();
    // s7 (2023-07-01) was signed by a1, b1 and x. x left fx-al in 2022-12: not listed at all,
    // though it signed; b1 was never a member.
    assert_eq!(t.column("org_id"), ["fx-a1", "fx-a2", "fx-a3", "fx-a4"]);
    assert_eq!(t.column("signed"), ["yes", "no", "no", "no"]);
    assert_eq!(
        t.column("member_at_date"),
        ["yes", "yes", "yes", "undated"],
        "a4's membership has no dates on record\n{t}"
    );
    let t = env
        .run(&["-f", "csv", "members", "fx-al", "--statement", "fx-s1"])
        .ok()
        .table();
    assert_eq!(t.column("signed"), ["yes", "yes", "yes", "yes"]);
}

#[test]
fn a_membership_that_ended_before_the_statement_or_began_after_it_is_not_listed() {
    let env = network_fixture::env();
    // x: member 2021 – 2022-12. A statement of 2022 (the year) may fall in December, when x was
    // still a member, so x is listed as uncertain; one of 2023 is after the end.
    let docs = env.write(
        "more-docs.csv",
        b"id,title,kind,date,languages\nfx-s9,Fixture statement nine,joint_statement,2022,en\nfx-s10,Fixture statement ten,joint_statement,2019-05-01,en\n",
    );
    env.run(&["import", "documents", docs.to_str().unwrap()])
        .ok();
    let t = env
        .run(&["-f", "csv", "members", "fx-al", "--statement", "fx-s9"])
        .ok()
        .table();
    assert_eq!(t.row("org_id", "fx-x").get("member_at_date"), "uncertain");
    // In May 2019 only a4 (undated) may have been a member: a1 a2 joined in 2020, a3 in 2020-06.
    let t = env
        .run(&["-f", "csv", "members", "fx-al", "--statement", "fx-s10"])
        .ok()
        .table();
    assert_eq!(t.column("org_id"), ["fx-a4"]);
    env.run(&["members", "fx-al", "--statement", "no-such-statement"])
        .code(2)
        .one_line_error();
}
