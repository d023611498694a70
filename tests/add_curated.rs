//! `add issue|person|person-name|role|position|country-membership`, and `add stance` deriving
//! its evidence: each stored, proven like every other verbatim text, found at once by every
//! query and view, refused with one line and the database untouched when wrong.
mod common;
use common::{Env, with_seed_texts};

const JOINT_ID: &str = "solidnet-2022-01-18-kazakhstan";
const JOINT_QUOTE: &str = "The unacceptable Russian military intervention through the Collective Security Treaty Organization (CSTO), led by Russia";

/// A new issue with no evidence yet.
fn add_issue(env: &Env) {
    env.run(&[
        "add",
        "issue",
        "--id",
        "csto-repression",
        "--title",
        "CSTO role in the repression",
        "--question",
        "Did the CSTO forces facilitate the repression?",
        "--start",
        "2022-01-06",
    ])
    .ok()
    .stdout_has("csto-repression");
}

#[test]
fn a_statements_position_puts_its_signers_in_camps_and_the_views_at_once() {
    let Some(env) = with_seed_texts() else {
        return;
    };
    add_issue(&env);
    let before = env.db_bytes();
    // A quote the statement does not print is refused, naming the nearest passage.
    env.run(&[
        "add",
        "position",
        JOINT_ID,
        "csto-repression",
        "--value",
        "support",
        "--quote",
        "The acceptable Russian military intervention",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("add position")
    .stderr_has("not in the stored text");
    assert_eq!(
        env.db_bytes(),
        before,
        "a refused position left the database unchanged"
    );
    env.run(&[
        "-f",
        "csv",
        "add",
        "position",
        JOINT_ID,
        "csto-repression",
        "--value",
        "support",
        "--quote",
        JOINT_QUOTE,
    ])
    .ok()
    .stdout_has("csto-repression");
    let camps = env.run(&[
        "-f",
        "csv",
        "camps",
        "csto-repression",
        "--section",
        "organisations",
    ]);
    let table = camps.ok().table();
    assert!(
        table
            .rows()
            .any(|r| r.get("org_id") == "cp-albania" && r.get("value") == "support"),
        "a signer of the statement is in the support camp\n{camps}"
    );
    // An outside reader sees the same through the views and the stored positions.
    let conn = env.sqlite();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let signers = count(
        "SELECT count(*) FROM signatures WHERE document_id = 'solidnet-2022-01-18-kazakhstan'",
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM current_stances WHERE issue_id = 'csto-repression' AND value = 'support'"
        ),
        signers
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM current_positions WHERE issue_id = 'csto-repression' AND value = 'support'"
        ),
        signers
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM quote_proofs p JOIN statement_positions s ON s.id = p.row_id \
               WHERE p.tbl = 'statement_positions' AND s.issue_id = 'csto-repression' AND p.text_id IS NOT NULL"
        ),
        1,
        "the position's quote is proven against the statement's text"
    );
}

#[test]
fn a_person_with_a_name_form_and_a_role_speaks_for_the_organisation() {
    let env = Env::new();
    env.run(&[
        "-f",
        "json",
        "add",
        "person",
        "Valentin Testov",
        "--source",
        "ria-2022-01-05-novikov",
        "--lang",
        "en",
        "--unverified",
    ])
    .ok()
    .stdout_has("valentin-testov");
    env.run(&[
        "add",
        "person-name",
        "Valentin Testov",
        "Валентин Тестов",
        "--lang",
        "ru",
        "--source",
        "ria-2022-01-05-novikov",
        "--unverified",
    ])
    .ok();
    let stance = |speaker: &str| {
        env.run(&[
            "-f",
            "csv",
            "add",
            "stance",
            "--unverified",
            "kprf",
            "csto-kazakhstan-2022",
            "--value",
            "support",
            "--as-of",
            "2022-01-05",
            "--source",
            "ria-2022-01-05-novikov",
            "--quote",
            "Testov's words.",
            "--speaker",
            speaker,
        ])
    };
    // Not yet one of the party's people: the evidence cannot be derived.
    let before = env.db_bytes();
    stance("Валентин Тестов")
        .code(2)
        .one_line_error()
        .stderr_has("--evidence is required")
        .stderr_has("holds no role in kprf");
    assert_eq!(env.db_bytes(), before);
    env.run(&[
        "add",
        "role",
        "Валентин Тестов",
        "KPRF",
        "Deputy Chairman",
        "--kind",
        "office",
        "--source",
        "ria-2022-01-05-novikov",
        "--unverified",
    ])
    .ok()
    .stdout_has("Deputy Chairman");
    let out = stance("valentin-testov");
    let t = out.ok().table();
    assert_eq!(t.column("evidence"), ["own"], "{out}");
    assert_eq!(t.column("speaker_id"), ["valentin-testov"], "{out}");
}

#[test]
fn add_stance_derives_own_words_only_from_the_record_and_refuses_otherwise() {
    let env = Env::new();
    let args = |org: &'static str, doc: &'static str| {
        vec![
            "-f",
            "csv",
            "add",
            "stance",
            "--unverified",
            org,
            "csto-kazakhstan-2022",
            "--value",
            "oppose",
            "--as-of",
            "2022-01-08",
            "--source",
            doc,
            "--quote",
            "Some words.",
        ]
    };
    env.ready();
    let before = env.db_bytes();
    // The RCIT's article about the KPRF is not the KPRF's own words.
    env.run(&args("kprf", "rcit-2022-01-08-kprf"))
        .code(2)
        .one_line_error()
        .stderr_has("--evidence is required: rcit-2022-01-08-kprf is not kprf's own document (its author is rcit)");
    assert_eq!(env.db_bytes(), before, "nothing written on refusal");
    // The RCIT's own article is its own words.
    let out = env.run(&args("rcit", "rcit-2022-01-08-kprf"));
    assert_eq!(out.ok().table().column("evidence"), ["own"], "{out}");
    // Said explicitly, attributed words are stored as attributed.
    let mut a = args("kprf", "rcit-2022-01-08-kprf");
    a.extend(["--evidence", "attributed"]);
    let out = env.run(&a);
    assert_eq!(out.ok().table().column("evidence"), ["attributed"], "{out}");
}

#[test]
fn check_lists_own_words_from_a_document_the_organisation_did_not_write() {
    let env = Env::new();
    let out = env.run(&["-f", "csv", "check"]);
    let t = out.ok().table();
    assert_eq!(
        t.row("check", "own words not its own").get("status"),
        "none",
        "the seed has no such stance\n{out}"
    );
    env.run(&[
        "add",
        "stance",
        "--unverified",
        "kprf",
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022-01-08",
        "--source",
        "rcit-2022-01-08-kprf",
        "--quote",
        "Words.",
        "--evidence",
        "own",
    ])
    .ok();
    let out = env.run(&["-f", "csv", "check"]);
    let t = out.ok().table();
    let found = t.rows_where("check", "own words not its own");
    assert_eq!(found.len(), 1, "{out}");
    assert_eq!(found[0].get("subject"), "kprf", "{out}");
    assert!(
        found[0]["detail"].contains("rcit-2022-01-08-kprf (written by rcit; no speaker)"),
        "{out}"
    );
}

#[test]
fn a_bloc_membership_of_a_state_is_proven_and_refused_when_wrong() {
    let Some(env) = with_seed_texts() else {
        return;
    };
    let before = env.db_bytes();
    env.run(&[
        "add",
        "country-membership",
        "RU",
        "CSTO",
        "--source",
        JOINT_ID,
        "--quote",
        "CSTO, led by Russia and China",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("not in the stored text");
    env.run(&[
        "add",
        "country-membership",
        "ru",
        "CSTO",
        "--source",
        JOINT_ID,
    ])
    .code(2)
    .one_line_error();
    assert_eq!(env.db_bytes(), before);
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "country-membership",
        "RU",
        "CSTO",
        "--source",
        JOINT_ID,
        "--quote",
        "Collective Security Treaty Organization (CSTO), led by Russia",
    ]);
    let t = out.ok().table();
    assert_eq!(
        t.row("country", "RU").pick(["bloc_id", "role"]),
        ["csto", "member"],
        "{out}"
    );
    let conn = env.sqlite();
    let proven: i64 = conn
        .query_row(
            "SELECT count(*) FROM quote_proofs p JOIN country_memberships m ON m.id = p.row_id \
             WHERE p.tbl = 'country_memberships' AND m.country = 'RU' AND m.role = 'member' AND p.text_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(proven, 1, "the quote's proof is recorded");
}

#[test]
fn an_issue_is_refused_with_a_bad_date_and_found_at_once_when_stored() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    env.run(&[
        "add",
        "issue",
        "--title",
        "T",
        "--question",
        "Q?",
        "--start",
        "Jan 2022",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("--start 'Jan 2022' is not a date");
    assert_eq!(env.db_bytes(), before);
    add_issue(&env);
    env.run(&["-f", "csv", "issues"])
        .ok()
        .stdout_has("csto-repression");
}
