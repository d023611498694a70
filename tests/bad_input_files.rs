//! The bad-input corpus, files: every malformed or invalid CSV `import` may meet gets exit 2,
//! one line naming FILE:LINE:COLUMN, and a database left byte-identical; the well-formed odd
//! ones (header only, BOM, CRLF, SQL-looking text) import exactly.
mod common;
#[macro_use]
mod corpus;

use common::{Env, Outcome};
use corpus::{DB, Db, import, in_dir, rows, run};

const ORG_COLUMNS: &str = "(expected: id, name, kind, country, founded, dissolved, note)";
const STANCE_HEADER: &str = "org_id,issue_id,as_of,value,quote,document_id,evidence\n";
const SIGNATURE_HEADER: &str = "document_id,org_id,name_as_printed,source_id\n";
const JOINT: &str = "solidnet-2022-01-18-kazakhstan";
const SQL: &str = "'; DROP TABLE organisations; --";
const EMPTY: &str = "f.csv:1:1: the file is empty: expected a header row of column names";
const NOT_A_DATE: &str = "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";

/// A stance row for kprf on the CSTO issue, with `as_of` as given.
fn stance_on(as_of: &str) -> String {
    format!(
        "{STANCE_HEADER}kprf,csto-kazakhstan-2022,{as_of},support,Words.,cprf-2022-01-kazakhstan,own\n"
    )
}

/// Two organisations sharing the display name "Twin Party" (set up by a valid import).
const TWINS: &str = "id,name,kind\ntwin-a,Twin Party,party\ntwin-b,Twin Party,party\n";

/// The import report for `n` new rows from f.csv into `table`.
fn report(table: &str, n: usize) -> String {
    format!("table,file,inserted,replaced,skipped,written\n{table},f.csv,{n},0,0,yes\n")
}

/// The organisations a check expects, as (id, name, kind, note) rows.
#[track_caller]
fn orgs_like(env: &Env, out: &Outcome, pattern: &str, want: &[[&str; 4]]) {
    let got = rows(
        env,
        "SELECT id, name, kind, note FROM organisations WHERE id LIKE ?1 ORDER BY id",
        &[pattern],
    );
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(got, want, "stored rows differ\n{out}");
}

/// A file with two rows, one note spanning two lines, with LF line ends.
const LF: &str =
    "id,name,kind,note\nwin-a,Windows A,party,\"two\nlines\"\nwin-b,Windows B,party,\n";

fn same_as_lf(env: &Env, out: &Outcome) {
    assert_eq!(out.stdout, report("organisations", 2), "{out}");
    let lf = Env::new();
    lf.ready();
    std::fs::write(lf.path("lf.csv"), LF).expect("write");
    in_dir(&lf, DB, &["import", "organisations", "lf.csv"]).ok();
    let query = "SELECT * FROM organisations WHERE id LIKE 'win-%' ORDER BY id";
    let (got, want) = (rows(env, query, &[]), rows(&lf, query, &[]));
    assert_eq!(
        got, want,
        "the CRLF file must import exactly as the LF one\n{out}"
    );
    assert_eq!(want[0][6], "two\nlines", "{out}");
}

corpus! {
    an_empty_file_is_refused_at_its_first_line => import("organisations", "").fails(EMPTY),
    a_file_of_blank_lines_is_empty => import("organisations", "\n  \r\n\n").fails(EMPTY),
    a_file_holding_only_a_bom_is_empty => import("organisations", "\u{feff}").fails(EMPTY),
    a_header_only_file_imports_nothing_and_changes_nothing =>
        import("organisations", "id,name,kind\n").prints(report("organisations", 0)),
    a_utf8_bom_is_ignored =>
        import("organisations", "\u{feff}id,name,kind\nbom-party,BOM Party,party\n")
            .writes(|env, out| {
                assert_eq!(out.stdout, report("organisations", 1), "{out}");
                orgs_like(env, out, "bom-%", &[["bom-party", "BOM Party", "party", "NULL"]]);
            }),
    a_utf16_file_is_refused_with_the_encoding_named =>
        import("organisations", b"\xff\xfei\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x00")
            .fails("f.csv:1:1: the file is UTF-16 (it starts with the byte-order mark FF FE); save it as UTF-8"),
    a_misspelt_column_is_one_problem_naming_the_missing_one =>
        import("organisations", "id,nom,kind\nx,y,party\n").fails(format!(
            "f.csv:1:2: unknown column 'nom' {ORG_COLUMNS}; missing required column 'name'"
        )),
    a_missing_required_column_is_named =>
        import("organisations", "id,kind\nx,party\n")
            .fails("f.csv:1:1: missing required column 'name'"),
    an_unknown_extra_column_is_refused_where_it_stands =>
        import("organisations", "id,name,kind,colour\nx,y,party,red\n")
            .fails(format!("f.csv:1:4: unknown column 'colour' {ORG_COLUMNS}")),
    a_duplicate_header_column_is_refused_at_its_second_place =>
        import("organisations", "id,name,kind,name\nx,y,party,z\n")
            .fails("f.csv:1:4: column 'name' appears twice"),
    an_invalid_utf8_header_is_refused =>
        import("organisations", b"id,n\xe4me,kind\n")
            .fails("f.csv:1:2: header is not valid UTF-8; missing required column 'name'"),
    a_short_row_is_refused_at_its_first_missing_field =>
        import("organisations", "id,name,kind\nok-a,A,party\nok-b,B\n")
            .fails("f.csv:3:3: expected 3 fields like the header, found 2"),
    a_long_row_is_refused_at_its_first_extra_field =>
        import("organisations", "id,name,kind\nok-a,A,party,extra\n")
            .fails("f.csv:2:4: expected 3 fields like the header, found 4"),
    invalid_utf8_in_a_field_is_refused =>
        import("organisations", b"id,name,kind\nx,\xff\xfe,party\n")
            .fails("f.csv:2:2: name: not valid UTF-8 (byte 1); save the file as UTF-8"),
    latin1_text_is_refused_at_its_first_non_utf8_byte =>
        import("organisations", b"id,name,kind\nespana,Espa\xf1a,party\n")
            .fails("f.csv:2:2: name: not valid UTF-8 (byte 5); save the file as UTF-8"),
    a_nul_byte_is_refused =>
        import("organisations", b"id,name,kind\nx,a\x00b,party\n")
            .fails("f.csv:2:2: name: contains a NUL byte"),
    a_one_megabyte_field_is_refused =>
        import("organisations", format!("id,name,kind,note\nbig,Big,party,{}\n", "n".repeat(1_000_000)))
            .fails("f.csv:2:4: note: the value is 1000000 bytes long; the limit is 100000"),
    a_crlf_file_imports_exactly_as_the_same_file_with_lf =>
        import("organisations", LF.replace('\n', "\r\n")).writes(same_as_lf),
    an_unclosed_quote_is_refused_where_the_field_starts =>
        import("organisations", "id,name,kind\nok-a,A,party\nx,\"Unclosed,party\nnext,Row,party\n")
            .fails("f.csv:3:2: malformed CSV: the quoted field that starts here is never closed"),
    text_after_a_closing_quote_is_refused =>
        import("organisations", "id,name,kind\n\"x\"y,Name,party\n").fails(
            "f.csv:2:1: malformed CSV: text after the closing quote (a quote inside a quoted field is written twice: \"\")"
        ),
    a_quote_inside_an_unquoted_field_is_kept_as_text =>
        import("organisations", "id,name,kind\nsaid,He said \"no\",party\n").writes(|env, out| {
            assert_eq!(out.stdout, report("organisations", 1), "{out}");
            orgs_like(env, out, "said", &[["said", "He said \"no\"", "party", "NULL"]]);
        }),
    an_unknown_organisation_is_refused =>
        import("names", "org_id,name,lang,kind\nno-such-party,N,en,label\n")
            .fails("f.csv:2:1: unknown organisation 'no-such-party'"),
    an_ambiguous_organisation_is_refused_with_its_ids =>
        import("names", "org_id,name,lang,kind\nTwin Party,Twins,en,label\n")
            .file("twins.csv", TWINS)
            .after(&["import", "organisations", "twins.csv"])
            .fails("f.csv:2:1: ambiguous organisation 'Twin Party': matches twin-a, twin-b — use an id"),
    a_signature_already_in_the_seed_is_a_duplicate =>
        import("signatures", format!("{SIGNATURE_HEADER}{JOINT},cp-albania,Communist Party of Albania,{JOINT}\n"))
            .fails("f.csv:2:1: duplicate: a row with the same signatures.document_id, signatures.org_id already exists (use --on-conflict skip or replace)"),
    a_signature_twice_in_one_file_is_a_duplicate_on_its_second_line =>
        import("signatures", format!("{SIGNATURE_HEADER}{JOINT},kprf,KPRF,{JOINT}\n{JOINT},КПРФ,KPRF,{JOINT}\n"))
            .fails("f.csv:3:1: duplicate: a row with the same signatures.document_id, signatures.org_id already exists (use --on-conflict skip or replace)"),
    an_invalid_stance_value_is_refused =>
        import("stances", format!("{STANCE_HEADER}kprf,csto-kazakhstan-2022,2022-01-10,maybe,Words.,cprf-2022-01-kazakhstan,own\n"))
            .fails("f.csv:2:4: value: 'maybe' is not one of: support, oppose, ambivalent, none_found"),
    the_thirtieth_of_february_is_not_a_date =>
        import("stances", stance_on("2022-02-30")).fails(format!("f.csv:2:3: as_of: '2022-02-30' {NOT_A_DATE}")),
    a_thirteenth_month_is_not_a_date =>
        import("stances", stance_on("2022-13")).fails(format!("f.csv:2:3: as_of: '2022-13' {NOT_A_DATE}")),
    tomorrow_is_not_a_date =>
        import("stances", stance_on("tomorrow")).fails(format!("f.csv:2:3: as_of: 'tomorrow' {NOT_A_DATE}")),
    a_two_digit_year_is_not_a_date =>
        import("stances", stance_on("22-01-01")).fails(format!("f.csv:2:3: as_of: '22-01-01' {NOT_A_DATE}")),
    an_unknown_issue_is_refused =>
        import("stances", format!("{STANCE_HEADER}kprf,no-such-issue,2022-01-10,support,Words.,cprf-2022-01-kazakhstan,own\n"))
            .fails("f.csv:2:2: issue_id: no such issues row (unknown id)"),
    a_stance_quote_without_its_source_document_is_refused =>
        import("stances", format!("{STANCE_HEADER}kprf,csto-kazakhstan-2022,2022-01-10,support,Words.,,own\n"))
            .fails("f.csv:2:6: document_id: a value is required"),
    a_non_integer_id_is_refused =>
        import("names", "id,org_id,name,lang,kind\nabc,kprf,N,en,label\n")
            .fails("f.csv:2:1: id: 'abc' is not a whole number"),
    an_uppercase_slug_id_is_refused =>
        import("organisations", "id,name,kind\nKprf2,N,party\n")
            .fails("f.csv:2:1: id: 'Kprf2' is not a valid id (1 to 80 lowercase letters, digits and hyphens, not starting with a hyphen)"),
    a_slug_id_with_a_space_is_refused =>
        import("organisations", "id,name,kind\nnew party,N,party\n")
            .fails("f.csv:2:1: id: 'new party' is not a valid id (1 to 80 lowercase letters, digits and hyphens, not starting with a hyphen)"),
    a_lowercase_country_is_refused =>
        import("organisations", "id,name,kind,country\nnew-party,N,party,kz\n")
            .fails("f.csv:2:4: country: 'kz' is not a two-letter upper-case country code (e.g. KZ)"),
    sql_as_an_organisation_reference_is_an_unknown_organisation =>
        import("names", format!("org_id,name,lang,kind\n{SQL},N,en,label\n"))
            .fails(format!("f.csv:2:1: unknown organisation '{SQL}'")),
    sql_as_a_name_is_stored_verbatim_and_runs_nothing =>
        import("organisations", format!("id,name,kind\nsql-party,{SQL},party\n")).writes(|env, out| {
            assert_eq!(out.stdout, report("organisations", 1), "{out}");
            orgs_like(env, out, "sql-party", &[["sql-party", SQL, "party", "NULL"]]);
        }),
    control_characters_in_a_name_are_refused =>
        import("organisations", "id,name,kind\nctl,\x07\x1b[31m,party\n")
            .fails("f.csv:2:2: name: contains the control character U+0007 (names, titles and codes are one line of text)"),
    a_ten_thousand_character_name_is_refused =>
        import("organisations", format!("id,name,kind\nlong,{},party\n", "N".repeat(10_000)))
            .fails("f.csv:2:2: name: the value is 10000 characters long; the limit is 1000"),
    a_missing_import_file_is_refused =>
        run(&["import", "organisations", "missing.csv"])
            .fails("missing.csv: cannot read: No such file or directory (os error 2)"),
    an_import_file_that_is_a_directory_is_refused =>
        run(&["import", "organisations", "indir"]).dir("indir")
            .fails("indir: is a directory, not a CSV file"),
    an_unknown_table_is_refused =>
        import("nope", "id\n").fails(
            "unknown table 'nope' (tables: organisations, people, documents, issues, document_titles, \
             document_copies, names, person_names, document_people, roles, memberships, country_memberships, successions, \
             signatures, statement_positions, stances, interpretations)"
        ),
    an_import_into_a_write_protected_database_is_refused =>
        import("people", "id,name\nnew-person,New Person\n").db(Db::WriteProtected)
            .fails("test.sqlite: the database is read-only; nothing imported (--dry-run still checks the file)"),
    a_dry_run_still_checks_a_good_file_against_a_write_protected_database =>
        run(&["-f", "csv", "import", "people", "f.csv", "--dry-run"])
            .file("f.csv", "id,name\nnew-person,New Person\n")
            .db(Db::WriteProtected)
            .prints("table,file,inserted,replaced,skipped,written\npeople,f.csv,1,0,0,no (dry run)\n"),
    a_dry_run_against_a_write_protected_database_reports_a_bad_row =>
        run(&["import", "people", "f.csv", "--dry-run"])
            .file("f.csv", "id,name\nnew-person,New Person\nnew-person,Again\n")
            .db(Db::WriteProtected)
            .fails("f.csv:3:1: duplicate: a row with the same people.id already exists (use --on-conflict skip or replace)"),
}
