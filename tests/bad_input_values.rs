//! The bad-input corpus, values and shapes: input without end (a row, a header, a quoted
//! field, a stream of zeros) stopped at a limit; many bad rows reported a few at a time;
//! FILE:LINE:COLUMN exact whatever the line ends; text that lies (invisible format characters,
//! marks without letters, a name that is another organisation's); values out of range or off
//! the calendar; implausible dates needing --force and --note; the spreadsheet apostrophe; a
//! file in the wrong separator or encoding. Exit 2, exact message, nothing changed.
mod common;
#[macro_use]
mod corpus;

use common::{Env, Outcome};
use corpus::{import, rows, run};

const JOINT: &str = "solidnet-2022-01-18-kazakhstan";
const STANCE_HEADER: &str = "org_id,issue_id,as_of,value,quote,document_id,evidence\n";
const SIG_HEADER: &str = "document_id,org_id,name_as_printed,position,source_id\n";
const LONG: &str = "the row is longer than 4000000 bytes without ending (reading stopped here)";
const WIDE: &str =
    "more than 1000 fields in one row; no table has that many columns (reading stopped here)";
const INVISIBLE: &str = "(zero-width, direction or byte-order mark); remove it";
const ONE_LINE: &str = "(names, titles and codes are one line of text)";
const NOT_A_DATE: &str = "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
const INSIST: &str = "if the source really says so, pass --force with a --note saying why";
const FORMULA: &str = "starts with ' before a formula character, as a spreadsheet export \
                       neutralises it; import the file with --excel to take the apostrophe off";
const SAVE_COMMAS: &str = "not commas: save the file as CSV with commas (in a spreadsheet: CSV \
                           UTF-8, comma-separated)";

/// A signature of kprf on the joint statement at `position`.
fn signature_at(position: &str) -> String {
    format!("{SIG_HEADER}{JOINT},kprf,KPRF,{position},{JOINT}\n")
}

/// `n` organisation rows each one field short, after the header.
fn short_rows(n: usize) -> String {
    let mut s = String::from("id,name,kind\n");
    for i in 0..n {
        s.push_str(&format!("short-{i},Short\n"));
    }
    s
}

/// `each` rows of three kinds of fault, interleaved.
fn three_faults(each: usize) -> String {
    let mut s = String::from("id,name,kind\n");
    for i in 0..each {
        s.push_str(&format!(
            "short-{i},Short\nnul-{i},a\0b,party\nbad-{i},Bad,sect\n"
        ));
    }
    s
}

/// `add stance` for kprf on the CSTO issue as of `as_of`, and `extra` flags.
fn stance_as_of<'a>(as_of: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "add",
        "stance",
        "--unverified",
        "kprf",
        "csto-kazakhstan-2022",
        "--value",
        "support",
        "--as-of",
        as_of,
        "--source",
        "cprf-2022-01-kazakhstan",
        "--quote",
        "Words.",
    ];
    v.extend_from_slice(extra);
    v
}

/// The stored name of organisation `id`.
fn name_is(id: &'static str, want: &'static str) -> impl Fn(&Env, &Outcome) {
    move |env: &Env, out: &Outcome| {
        assert_eq!(
            rows(env, "SELECT name FROM organisations WHERE id = ?1", &[id]),
            [[want]],
            "{out}"
        );
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

corpus! {
    a_five_megabyte_row_without_end_stops_at_the_limit =>
        import("organisations", format!("id,name,kind\n{}", "x".repeat(5_000_000)))
            .fails(format!("f.csv:2:1: {LONG}")),
    a_header_of_two_thousand_columns_stops_at_the_limit =>
        import("organisations", "a,".repeat(2_000)).fails(format!("f.csv:1:1001: {WIDE}")),
    a_row_of_five_thousand_fields_stops_at_the_limit =>
        import("organisations", format!("id,name,kind\nx,{}\n", ",".repeat(5_000)))
            .fails(format!("f.csv:2:1001: {WIDE}")),
    an_unclosed_quote_over_megabytes_stops_at_the_limit =>
        import("organisations", format!("id,name,kind\nx,\"{}", "y\n".repeat(2_500_000)))
            .fails(format!("f.csv:2:2: {LONG}")),
    a_stream_of_zeros_stops_at_the_limit =>
        run(&["import", "organisations", "/dev/zero"]).fails(format!("/dev/zero:1:1: {LONG}")),
    a_thousand_bad_rows_are_five_lines_and_a_count =>
        import("organisations", short_rows(1_000)).fails(
            (2..=6).map(|l| format!("f.csv:{l}:3: expected 3 fields like the header, found 2\n"))
                .collect::<String>() + "f.csv: … and 995 more problems"
        ),
    repeated_faults_of_three_kinds_show_five_of_each =>
        import("organisations", three_faults(10)).fails({
            let mut want = Vec::new();
            for i in 0..5u64 {
                let l = 2 + 3 * i;
                want.push(format!("f.csv:{l}:3: expected 3 fields like the header, found 2"));
                want.push(format!("f.csv:{}:2: name: contains a NUL byte", l + 1));
                want.push(format!(
                    "f.csv:{}:3: kind: 'sect' is not one of: party, youth_org, organisation, \
                     alliance, network, tendency, bloc, state_body, media, company, armed_group",
                    l + 2
                ));
            }
            want.push("f.csv: … and 15 more problems".to_string());
            want.join("\n")
        }),

    a_crlf_file_places_the_bad_row_on_its_line =>
        import("organisations", "id,name,kind\r\nok-a,A,party\r\nbad,B\r\n")
            .fails("f.csv:3:3: expected 3 fields like the header, found 2"),
    a_cr_only_file_places_the_bad_row_on_its_line =>
        import("organisations", "id,name,kind\rok-a,A,party\rbad,B\r")
            .fails("f.csv:3:3: expected 3 fields like the header, found 2"),
    mixed_line_ends_each_count_once =>
        import("organisations", "id,name,kind\r\nok-a,A,party\nok-b,B,party\rbad,B\r\n")
            .fails("f.csv:4:3: expected 3 fields like the header, found 2"),
    a_bom_and_crlf_file_places_the_bad_row_on_its_line =>
        import("organisations", "\u{feff}id,name,kind\r\nok-a,A,party\r\nbad,B\r\n")
            .fails("f.csv:3:3: expected 3 fields like the header, found 2"),
    a_quoted_field_over_three_lines_moves_the_next_row_down =>
        import("organisations", "id,name,kind,note\nq,Q,party,\"a\nb\nc\"\nbad,B,party,x,y\n")
            .fails("f.csv:5:5: expected 4 fields like the header, found 5"),
    a_quoted_crlf_field_moves_the_next_row_down =>
        import("organisations", "id,name,kind,note\r\nq,Q,party,\"a\r\nb\"\r\nbad,B\r\n")
            .fails("f.csv:4:3: expected 4 fields like the header, found 2"),
    blank_lines_of_every_kind_are_counted =>
        import("organisations", "id,name,kind\n\n\r\n\r\nbad,B\n")
            .fails("f.csv:5:3: expected 3 fields like the header, found 2"),
    a_bad_field_after_a_cr_only_quoted_field_is_placed_exactly =>
        import("organisations", "id,name,kind,note\rq,Q,party,\"a\rb\"\rx,\x07,party,\r")
            .fails(format!("f.csv:4:2: name: contains the control character U+0007 {ONE_LINE}")),

    a_zero_width_space_in_a_name_is_refused_and_shown_escaped =>
        import("organisations", "id,name,kind\nzw,K\u{200b}PRF,party\n")
            .fails(format!("f.csv:2:2: name: contains the invisible format character U+200B {INVISIBLE}")),
    a_bidi_override_in_an_id_is_refused =>
        import("organisations", "id,name,kind\nkp\u{202e}rf,Name,party\n")
            .fails(format!("f.csv:2:1: id: contains the invisible format character U+202E {INVISIBLE}")),
    a_bom_inside_a_name_is_refused =>
        import("organisations", "id,name,kind\nok-a,A,party\nbom,\u{feff}Party,party\n")
            .fails(format!("f.csv:3:2: name: contains the invisible format character U+FEFF {INVISIBLE}")),
    a_soft_hyphen_in_a_name_is_refused =>
        import("names", "org_id,name,lang,kind\nkprf,KP\u{ad}RF,en,label\n")
            .fails(format!("f.csv:2:2: name: contains the invisible format character U+00AD {INVISIBLE}")),
    a_tag_character_in_a_name_is_refused =>
        import("names", "org_id,name,lang,kind\nkprf,KPRF\u{e0041},en,label\n")
            .fails(format!("f.csv:2:2: name: contains the invisible format character U+E0041 {INVISIBLE}")),
    a_name_of_combining_marks_only_is_refused =>
        import("organisations", "id,name,kind\nmarks,\u{301}\u{308},party\n")
            .fails("f.csv:2:2: name: is made only of combining marks (nothing to read); write the letters too"),
    an_invisible_character_in_a_new_name_flag_is_refused_and_escaped =>
        run(&["add", "org", "--name", "K\u{200b}PRF", "--kind", "party", "--lang", "en", "--id", "zw"])
            .fails(format!("add org: --name 'K\\u{{200b}}PRF': contains the invisible format character U+200B {INVISIBLE}")),
    a_name_form_of_another_organisation_is_refused_naming_both =>
        run(&["add", "name", "cp-greece", "KPRF", "--lang", "en", "--kind", "abbreviation"])
            .fails(format!(
                "add name: the name 'KPRF' is already a name of kprf (Communist Party of the \
                 Russian Federation); adding it to cp-greece (Communist Party of Greece) would make it \
                 ambiguous; {INSIST}"
            )),
    a_name_form_that_folds_to_another_organisations_is_refused =>
        run(&["add", "name", "cp-greece", "kprf", "--lang", "en", "--kind", "abbreviation"])
            .fails(format!(
                "add name: the name 'kprf' is already a name of kprf (Communist Party of the \
                 Russian Federation); adding it to cp-greece (Communist Party of Greece) would make it \
                 ambiguous; {INSIST}"
            )),

    a_position_above_a_million_is_refused =>
        import("signatures", signature_at("1000001"))
            .fails("f.csv:2:4: position: '1000001' is out of range (1 to 1000000)"),
    a_position_of_zero_is_refused =>
        import("signatures", signature_at("0"))
            .fails("f.csv:2:4: position: '0' is out of range (1 to 1000000)"),
    the_largest_integer_as_a_position_is_refused =>
        import("signatures", signature_at("9223372036854775807"))
            .fails("f.csv:2:4: position: '9223372036854775807' is out of range (1 to 1000000)"),
    a_position_beyond_any_integer_is_not_a_whole_number =>
        import("signatures", signature_at("99999999999999999999"))
            .fails("f.csv:2:4: position: '99999999999999999999' is not a whole number"),
    an_id_beyond_a_trillion_is_refused =>
        import("names", "id,org_id,name,lang,kind\n10000000000000,kprf,N,en,label\n")
            .fails("f.csv:2:1: id: '10000000000000' is out of range (1 to 1000000000000)"),
    year_zero_is_not_a_date =>
        import("stances", format!("{STANCE_HEADER}kprf,csto-kazakhstan-2022,0000,support,Words.,cprf-2022-01-kazakhstan,own\n"))
            .fails(format!("f.csv:2:3: as_of: '0000' {NOT_A_DATE}")),
    year_zero_is_not_a_founding_date =>
        import("organisations", "id,name,kind,founded\nold,Old,party,0000-01-01\n")
            .fails(format!("f.csv:2:4: founded: '0000-01-01' {NOT_A_DATE}")),
    members_as_of_year_zero_is_refused =>
        run(&["members", "skp-kpss", "--as-of", "0000"])
            .fails("--as-of: '0000' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    a_signature_dated_before_its_statement_is_refused =>
        run(&["sign", JOINT, "kprf", "--date", "2021-12"])
            .fails(format!("sign: --date '2021-12' is before the statement's own date (2022-01-18); {INSIST}")),
    a_signature_dated_in_the_future_is_refused =>
        run(&["sign", JOINT, "kprf", "--date", "2999-01-01"])
            .fails(format!("sign: --date '2999-01-01' is in the future; {INSIST}")),
    force_without_a_note_is_refused =>
        run(&["sign", JOINT, "kprf", "--date", "2021", "--force"])
            .fails("sign: --date '2021' is before the statement's own date (2022-01-18); --force needs a --note saying why"),
    force_with_a_note_stores_the_early_signature =>
        run(&["-f", "csv", "sign", JOINT, "kprf", "--date", "2021", "--force", "--note", "Signed the draft.", "--unverified"])
            .writes(|env, out| {
                assert_eq!(
                    rows(env, "SELECT signed_on, note FROM signatures WHERE org_id = 'kprf' AND document_id = ?1", &[JOINT]),
                    [["2021", "Signed the draft."]],
                    "{out}"
                );
            }),
    a_stance_dated_after_its_source_document_is_refused =>
        run(&stance_as_of("2023", &[]))
            .fails(format!("add stance: --as-of '2023' is after the date of its source document (2022-01), which cannot show a later stance; {INSIST}")),
    a_stance_after_its_source_with_force_but_no_note_is_refused =>
        run(&stance_as_of("2023", &["--force"]))
            .fails("add stance: --as-of '2023' is after the date of its source document (2022-01), which cannot show a later stance; --force needs a --note saying why"),
    a_stance_after_its_source_with_force_and_a_note_is_stored =>
        run(&stance_as_of("2023", &["--force", "--note", "Restated in 2023."]))
            .writes(|env, out| {
                assert_eq!(
                    rows(env, "SELECT note FROM stances WHERE org_id = 'kprf' AND as_of = '2023'", &[]),
                    [["Restated in 2023."]],
                    "{out}"
                );
            }),
    a_shared_name_form_with_force_and_a_note_is_stored =>
        run(&["add", "name", "cp-greece", "KPRF", "--lang", "en", "--kind", "label", "--force",
              "--note", "A misprint in one source."])
            .writes(|env, out| {
                assert_eq!(
                    rows(env, "SELECT org_id FROM names WHERE name = 'KPRF' ORDER BY org_id", &[]),
                    [["cp-greece"], ["kprf"]],
                    "{out}"
                );
            }),
    a_document_dated_in_the_future_is_refused =>
        run(&["add", "document", "--title", "Tomorrow's Paper", "--kind", "article", "--languages", "en", "--date", "2999"])
            .fails(format!("add document: --date '2999' is in the future; {INSIST}")),
    a_stance_dated_in_the_future_is_refused =>
        run(&stance_as_of("2999-12", &[]))
            .fails(format!("add stance: --as-of '2999-12' is in the future; {INSIST}")),

    an_apostrophe_before_a_formula_is_refused_in_a_plain_file =>
        import("organisations", "id,name,kind\nf,'=1+1,party\n").fails(format!("f.csv:2:2: name: {FORMULA}")),
    an_apostrophe_before_a_minus_is_refused_in_a_plain_file =>
        import("organisations", "id,name,kind,note\nf,F,party,'-1\n").fails(format!("f.csv:2:4: note: {FORMULA}")),
    a_spreadsheet_profile_file_has_its_apostrophe_taken_off =>
        import("organisations", "\u{feff}id,name,kind\r\nf,'=1+1,party\r\n").writes(name_is("f", "=1+1")),
    the_excel_flag_takes_the_apostrophe_off =>
        run(&["import", "organisations", "f.csv", "--excel"])
            .file("f.csv", "id,name,kind\nf,'@home,party\n").writes(name_is("f", "@home")),
    a_full_width_formula_sign_is_restored_too =>
        run(&["import", "organisations", "f.csv", "--excel"])
            .file("f.csv", "id,name,kind\nf,'＝x,party\n").writes(name_is("f", "＝x")),

    a_semicolon_separated_file_gets_a_hint =>
        import("organisations", "id;name;kind\nx;X;party\n")
            .fails(format!("f.csv:1:1: the header is separated by semicolons (;), {SAVE_COMMAS}")),
    a_tab_separated_file_gets_a_hint =>
        import("organisations", "id\tname\tkind\nx\tX\tparty\n")
            .fails(format!("f.csv:1:1: the header is separated by tabs, {SAVE_COMMAS}")),
    utf16_little_endian_without_a_bom_is_named =>
        import("organisations", utf16("id,name,kind\n", false))
            .fails("f.csv:1:1: the file is UTF-16 (little-endian, without a byte-order mark); save it as UTF-8"),
    utf16_big_endian_without_a_bom_is_named =>
        import("organisations", utf16("id,name,kind\n", true))
            .fails("f.csv:1:1: the file is UTF-16 (big-endian, without a byte-order mark); save it as UTF-8"),
    utf16_big_endian_with_its_bom_is_named =>
        import("organisations", [b"\xfe\xff".to_vec(), utf16("id,name,kind\n", true)].concat())
            .fails("f.csv:1:1: the file is UTF-16 (it starts with the byte-order mark FE FF); save it as UTF-8"),
}
