//! The bad-input corpus, command line and database files: bad flags, names made of SQL, of
//! control characters or of 10,000 characters, and database paths stancedb must refuse or
//! only read, each with exit 2, one line on stderr, and nothing changed.
mod common;
#[macro_use]
mod corpus;

use common::Outcome;
use corpus::{Db, latest_migration, rows, run};

const JOINT: &str = "solidnet-2022-01-18-kazakhstan";
const SQL: &str = "'; DROP TABLE organisations; --";
const CONTROL: &str = "\x07\x1b[31m";
const READ_ONLY: &str = "test.sqlite: the database is read-only; nothing was written";
const ONE_LINE: &str = "(names, titles and codes are one line of text)";
const TWINS: &str = "id,name,kind\ntwin-a,Twin Party,party\ntwin-b,Twin Party,party\n";
const TWIN_NAMES: &str =
    "org_id,name,lang,kind\ntwin-a,Twin Party,en,label\ntwin-b,Twin Party,en,label\n";

/// `add stance` for kprf on the CSTO issue with `value`.
fn add_stance(value: &str) -> Vec<&str> {
    vec![
        "add",
        "stance",
        "--unverified",
        "kprf",
        "csto-kazakhstan-2022",
        "--value",
        value,
        "--as-of",
        "2022-01-10",
        "--source",
        "cprf-2022-01-kazakhstan",
        "--quote",
        "Words.",
    ]
}

fn long_name() -> String {
    "N".repeat(10_000)
}

fn clipped() -> String {
    format!("{}…", "N".repeat(60))
}

/// The KPRF's current stance on the CSTO intervention, as read from the seed.
fn kprf_supports_csto(_: &common::Env, out: &Outcome) {
    let csv = out.csv();
    assert_eq!(csv.len(), 2, "one stance\n{out}");
    assert_eq!(
        csv[1][..5],
        ["csto-kazakhstan-2022", "2022-01", "support", "own", "words"],
        "{out}"
    );
}

corpus! {
    a_database_path_that_is_a_directory_is_refused =>
        run(&["statements"]).db(Db::Directory).fails("adir: not a regular file (a directory); give the path of a database file"),
    a_database_in_a_missing_folder_is_refused_and_no_folder_is_made =>
        run(&["statements"]).db(Db::MissingFolder)
            .fails("missing/test.sqlite: the folder missing does not exist"),
    a_database_path_where_nothing_can_be_created_is_refused =>
        run(&["statements"]).db(Db::Proc).fails(
            "/proc/stancedb-test.sqlite: the folder /proc is write-protected; no database was created there"
        ),
    a_file_that_is_not_a_database_is_refused_and_left_untouched =>
        run(&["statements"]).db(Db::NotSqlite)
            .fails("notes.sqlite: is not a stancedb database (not an SQLite file); left untouched"),
    a_foreign_sqlite_database_is_refused_and_left_untouched =>
        run(&["add", "org", "--unverified", "--name", "New Party", "--kind", "party", "--lang", "en"]).db(Db::Foreign)
            .fails("foreign.sqlite: is an SQLite database but not a stancedb database; left untouched"),
    a_database_from_a_newer_stancedb_is_refused_before_any_write =>
        run(&["add", "org", "--unverified", "--name", "New Party", "--kind", "party", "--lang", "en"]).db(Db::Newer).fails(format!(
            "test.sqlite: written by a newer stancedb (schema version 999; this binary knows up \
             to {}); upgrade stancedb — the file was left untouched",
            latest_migration()
        )),
    a_write_protected_database_is_read =>
        run(&["-f", "csv", "stance", "kprf", "--issue", "csto-kazakhstan-2022"])
            .db(Db::WriteProtected)
            .reads(kprf_supports_csto),
    adding_to_a_write_protected_database_is_refused =>
        run(&["add", "org", "--unverified", "--name", "New Party", "--kind", "party", "--lang", "en"]).db(Db::WriteProtected)
            .fails(READ_ONLY),
    signing_in_a_write_protected_database_is_refused =>
        run(&["sign", "--unverified", JOINT, "kprf"]).db(Db::WriteProtected).fails(READ_ONLY),
    init_force_does_not_replace_a_write_protected_database =>
        run(&["init", "--force"]).db(Db::WriteProtected).fails(
            "test.sqlite: is write-protected; `init --force` will not replace it (make it writable first)"
        ),
    export_of_a_table_and_a_query_at_once_is_a_usage_error =>
        run(&["export", "signatures", "--query", "SELECT 1"]).fails(
            "the argument '[NAME]' cannot be used with '--query <SELECT>'; try '--help'"
        ),
    an_unknown_on_conflict_policy_is_a_usage_error =>
        run(&["import", "names", "f.csv", "--on-conflict", "maybe"]).file("f.csv", "org_id\n").fails(
            "invalid value 'maybe' for '--on-conflict <ON_CONFLICT>' [possible values: error, skip, replace]; try '--help'"
        ),
    an_unknown_format_is_a_usage_error =>
        run(&["--format", "xml", "orgs"]).fails(
            "invalid value 'xml' for '--format <FORMAT>' [possible values: table, csv, tsv, json, jsonl, md, xlsx] tip: a similar value exists: 'xlsx'; try '--help'"
        ),
    an_unknown_command_is_a_usage_error =>
        run(&["frobnicate"]).fails("unrecognized subcommand 'frobnicate'; try '--help'"),
    a_missing_argument_is_a_usage_error =>
        run(&["sign", "--unverified", JOINT]).fails("the following required arguments were not provided: <ORG>; try '--help'"),
    signing_twice_is_refused =>
        run(&["sign", "--unverified", JOINT, "cp-albania"]).fails(format!(
            "'cp-albania' already signed '{JOINT}' (signature 1, printed as “Communist Party of Albania”)"
        )),
    signing_with_an_impossible_date_is_refused =>
        run(&["sign", "--unverified", JOINT, "kprf", "--date", "2022-02-30"])
            .fails("sign: --date '2022-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    adding_a_stance_with_an_invalid_value_is_refused =>
        run(&add_stance("maybe"))
            .fails("invalid value 'maybe' for '--value <VALUE>' [possible values: support, oppose, ambivalent, none_found]; try '--help'"),
    adding_a_stance_on_an_unknown_issue_is_refused =>
        run(&["add", "stance", "--unverified", "kprf", "no-such-issue", "--value", "support", "--as-of", "2022",
              "--source", "cprf-2022-01-kazakhstan", "--quote", "Words."])
            .fails("unknown issue 'no-such-issue'"),
    members_as_of_an_impossible_date_is_refused =>
        run(&["members", "skp-kpss", "--as-of", "2022-02-30"])
            .fails("--as-of: '2022-02-30' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    sql_as_an_organisation_argument_is_an_unknown_organisation =>
        run(&["stance", SQL]).fails(format!("unknown organisation '{SQL}'")),
    sql_as_a_new_organisation_name_is_stored_verbatim_and_runs_nothing =>
        run(&["-f", "csv", "add", "org", "--unverified", "--name", SQL, "--kind", "party", "--lang", "en"]).writes(|env, out| {
            assert_eq!(
                rows(env, "SELECT id, name, kind FROM organisations WHERE name = ?1", &[SQL]),
                [["drop-table-organisations", SQL, "party"]],
                "{out}"
            );
        }),
    a_write_through_sql_is_refused =>
        run(&["sql", "DROP TABLE organisations"]).fails(
            "refused: `sql` runs read-only queries (no INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH \
             or writing PRAGMA); use import, sign or add to change data"
        ),
    control_characters_in_an_argument_are_shown_escaped =>
        run(&["stance", CONTROL]).fails("unknown organisation '\\u{7}\\u{1b}[31m'"),
    control_characters_in_a_new_name_are_refused_and_shown_escaped =>
        run(&["add", "org", "--unverified", "--name", CONTROL, "--kind", "party", "--lang", "en", "--id", "ctl"]).fails(format!(
            "add org: --name '\\u{{7}}\\u{{1b}}[31m': contains the control character U+0007 {ONE_LINE}"
        )),
    a_line_break_in_an_argument_stays_on_one_line =>
        run(&["stance", "Zzz\nQqq"]).fails("unknown organisation 'Zzz\\nQqq'"),
    a_ten_thousand_character_argument_is_clipped_in_the_message =>
        run(&["stance", &long_name()]).fails(format!("unknown organisation '{}'", clipped())),
    a_ten_thousand_character_name_is_refused =>
        run(&["add", "org", "--unverified", "--name", &long_name(), "--kind", "party", "--lang", "en", "--id", "long"]).fails(format!(
            "add org: --name '{}': the value is 10000 characters long; the limit is 1000",
            clipped()
        )),
    an_ambiguous_organisation_argument_lists_the_candidates =>
        run(&["stance", "Twin Party"])
            .file("twins.csv", TWINS)
            .file("names.csv", TWIN_NAMES)
            .after(&["import", "organisations", "twins.csv"])
            .after(&["import", "names", "names.csv"])
            .fails("ambiguous organisation 'Twin Party': it matches twin-a (party, Twin Party); \
                    twin-b (party, Twin Party) — use an id"),
}
