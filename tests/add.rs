//! `add org|name|membership|document|stance`: one record each, validated like an imported row,
//! one transaction each, printed as stored — and at once found by every query.
mod common;
use common::{Env, JOINT};

const NEW_ORG: &str = "Workers' Party of Testland";
const NEW_ID: &str = "workers-party-of-testland";
const CYRILLIC_NAME: &str = "Рабочая партия Тестландии";

/// A new organisation with a Cyrillic name form, a signature and a stance.
fn new_org_with_record(env: &Env) {
    let out = env.run(&[
        "-f",
        "json",
        "add",
        "org",
        "--unverified",
        "--name",
        NEW_ORG,
        "--kind",
        "party",
        "--country",
        "KZ",
        "--founded",
        "1991",
        "--source",
        "theses-2022-kazakhstan",
    ]);
    let v = out.ok().json();
    let org = &v["organisations"][0];
    assert_eq!(org["id"], NEW_ID, "{out}");
    assert_eq!(org["name"], NEW_ORG, "{out}");
    assert_eq!(org["country"], "KZ", "{out}");
    assert_eq!(org["founded"], "1991", "{out}");
    let name = &v["names"][0];
    assert_eq!(name["org_id"], NEW_ID, "{out}");
    assert_eq!(name["name"], NEW_ORG, "{out}");
    assert_eq!(name["kind"], "official", "{out}");
    assert_eq!(name["source_id"], "theses-2022-kazakhstan", "{out}");
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "name",
        "--unverified",
        NEW_ID,
        CYRILLIC_NAME,
        "--lang",
        "ru",
        "--kind",
        "translation",
        "--source",
        "theses-2022-kazakhstan",
    ]);
    let stored = out.ok().table();
    assert_eq!(
        stored
            .row("name", CYRILLIC_NAME)
            .pick(["org_id", "lang", "kind", "source_id"]),
        [NEW_ID, "ru", "translation", "theses-2022-kazakhstan"],
        "{out}"
    );
    env.run(&[
        "sign",
        "--unverified",
        JOINT,
        CYRILLIC_NAME,
        "--date",
        "2022-02-01",
    ])
    .ok();
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "stance",
        "--evidence",
        "attributed",
        "--unverified",
        CYRILLIC_NAME,
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022-01-10",
        "--quote",
        "Russian troops out of Kazakhstan!",
        "--source",
        "theses-2022-kazakhstan",
    ]);
    let stored = out.ok().table();
    assert_eq!(
        stored
            .row("org_id", NEW_ID)
            .pick(["issue_id", "as_of", "value", "quote", "evidence"]),
        [
            "csto-kazakhstan-2022",
            "2022-01-10",
            "oppose",
            "Russian troops out of Kazakhstan!",
            "attributed"
        ],
        "{out}"
    );
}

#[test]
fn a_new_organisation_is_found_at_once_by_every_query() {
    let env = Env::new();
    new_org_with_record(&env);
    let csv = |args: &[&str]| env.run(&[&["-f", "csv"], args].concat());
    let json = |args: &[&str]| env.run(&[&["-f", "json"], args].concat());
    // By any name form, in any script (folding and transliteration included).
    for name in [
        NEW_ORG,
        CYRILLIC_NAME,
        "workers party of testland",
        "Rabochaya partiya Testlandii",
    ] {
        let out = json(&["show", name]);
        assert_eq!(
            out.ok().json_section("organisation").column("id"),
            [NEW_ID],
            "{out}"
        );
    }
    let out = csv(&["orgs", "--country", "KZ"]);
    out.ok().table().row("id", NEW_ID);
    let out = csv(&["signatories", JOINT]);
    let signatories = out.ok().table();
    assert_eq!(
        signatories.row("org_id", NEW_ID).pick([
            "name_as_printed",
            "organisation",
            "country",
            "signed_on"
        ]),
        [NEW_ORG, NEW_ORG, "KZ", "2022-02-01"],
        "{out}"
    );
    let out = csv(&["orgs", "--signed", JOINT]);
    out.ok().table().row("id", NEW_ID);
    // Its words and, later, its signature: both in the history, the later one current.
    let out = csv(&[
        "stance",
        CYRILLIC_NAME,
        "--issue",
        "csto-kazakhstan-2022",
        "--history",
    ]);
    let history = out.ok().table();
    let seen: Vec<[&str; 5]> = history
        .rows()
        .map(|r| r.pick(["as_of", "value", "evidence", "basis", "quote"]))
        .collect();
    let words = [
        "2022-01-10",
        "oppose",
        "attributed",
        "words",
        "Russian troops out of Kazakhstan!",
    ];
    assert!(seen.contains(&words), "{out}");
    assert!(
        seen.iter()
            .any(|r| r[..4] == ["2022-02-01", "oppose", "own", "signature"]),
        "{out}"
    );
    let out = json(&["camps", "csto-kazakhstan-2022"]);
    let camps = out.ok().json_section("organisations");
    assert_eq!(camps.row("org_id", NEW_ID).get("value"), "oppose", "{out}");
    let out = json(&["compare", CYRILLIC_NAME, "kprf"]);
    let comparison = out.ok().json_section("comparison");
    let csto = comparison.row("issue", "csto-kazakhstan-2022");
    assert_eq!(
        csto.pick([&format!("{NEW_ID} value"), &format!("{NEW_ID} as_of")]),
        ["oppose", "2022-02-01"],
        "{out}"
    );
    let agreement = out.json_section("agreement");
    assert_eq!(agreement.column("org_a"), [NEW_ID], "{out}");
    assert_eq!(agreement.column("org_b"), ["kprf"], "{out}");
    let out = csv(&["search", "Тестланд"]);
    assert!(out.ok().table().column("id").contains(&NEW_ID), "{out}");
}

#[test]
fn membership_and_document_are_stored_and_printed_and_the_document_is_found_by_its_title() {
    let env = Env::new();
    new_org_with_record(&env);
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "membership",
        "--unverified",
        CYRILLIC_NAME,
        "SolidNet",
        "--source",
        "theses-2022-kazakhstan",
        "--start",
        "2022",
    ]);
    let stored = out.ok().table();
    assert_eq!(
        stored
            .row("org_id", NEW_ID)
            .pick(["alliance_id", "role", "start", "end", "source_id"]),
        ["solidnet", "member", "2022", "", "theses-2022-kazakhstan"],
        "{out}"
    );
    let out = env.run(&["-f", "csv", "members", "solidnet"]);
    let members = out.ok().table();
    assert_eq!(members.row("org_id", NEW_ID).get("role"), "member", "{out}");
    let out = env.run(&[
        "-f",
        "json",
        "add",
        "document",
        "--title",
        "Appeal of the Testland workers",
        "--kind",
        "statement",
        "--languages",
        "en ru",
        "--date",
        "2022-02-02",
        "--author-org",
        CYRILLIC_NAME,
        "--open-for-signatures",
        "yes",
    ]);
    let v = out.ok().json();
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], "appeal-of-the-testland-workers", "{out}");
    assert_eq!(doc["date"], "2022-02-02", "{out}");
    assert_eq!(doc["author_org_id"], NEW_ID, "{out}");
    assert_eq!(doc["open_for_signatures"], 1, "{out}");
    assert_eq!(doc["languages"], "en ru", "{out}");
    let title = &v["document_titles"][0];
    assert_eq!(title["lang"], "en", "{out}");
    assert_eq!(title["title"], "Appeal of the Testland workers", "{out}");
    // Found by its title at once: a signature on it, then its signatories.
    env.run(&[
        "sign",
        "--unverified",
        "Appeal of the Testland workers",
        "kprf",
    ])
    .ok();
    let out = env.run(&["-f", "csv", "signatories", "appeal of the testland workers"]);
    assert_eq!(out.ok().table().column("org_id"), ["kprf"], "{out}");
}

#[test]
fn each_add_is_validated_like_import_and_changes_nothing_when_refused() {
    let env = Env::new();
    env.ready();
    let before = env.db_bytes();
    for (args, needle) in [
        (
            vec![
                "add",
                "org",
                "--unverified",
                "--name",
                "X",
                "--kind",
                "cult",
            ],
            "invalid value 'cult' for '--kind <KIND>' [possible values: party,",
        ),
        (
            vec![
                "add",
                "stance",
                "--evidence",
                "attributed",
                "--unverified",
                "kprf",
                "csto-kazakhstan-2022",
                "--value",
                "yes",
                "--as-of",
                "2022",
                "--quote",
                "q",
                "--source",
                "theses-2022-kazakhstan",
            ],
            "invalid value 'yes' for '--value <VALUE>' [possible values: support,",
        ),
        (
            vec![
                "add",
                "org",
                "--unverified",
                "--name",
                "X",
                "--kind",
                "party",
                "--lang",
                "en",
                "--country",
                "kz",
            ],
            "add org: --country 'kz' is not a two-letter upper-case country code",
        ),
        (
            vec![
                "add",
                "org",
                "--unverified",
                "--name",
                "KPRF",
                "--kind",
                "party",
                "--lang",
                "en",
            ],
            "add org: --id 'kprf': duplicate",
        ),
        (
            vec![
                "add",
                "org",
                "--unverified",
                "--name",
                "X",
                "--kind",
                "party",
                "--lang",
                "en",
                "--id",
                "Not An Id",
            ],
            "is not a valid id",
        ),
        (
            vec![
                "add",
                "name",
                "--unverified",
                "kprf",
                "KPRF-2",
                "--lang",
                "en",
                "--kind",
                "official",
            ],
            "add name: --source: a source is required unless the kind is label",
        ),
        (
            vec![
                "add",
                "membership",
                "--unverified",
                "kprf",
                "kprf",
                "--source",
                "theses-2022-kazakhstan",
            ],
            "add membership: alliance_id: an organisation cannot be a member of itself",
        ),
        (
            vec![
                "add",
                "stance",
                "--evidence",
                "attributed",
                "--unverified",
                "kprf",
                "csto-kazakhstan-2022",
                "--value",
                "support",
                "--as-of",
                "2022-01",
                "--source",
                "theses-2022-kazakhstan",
            ],
            "add stance: --quote: a quote is required unless the value is none_found",
        ),
        (
            vec![
                "add",
                "stance",
                "--evidence",
                "attributed",
                "--unverified",
                "kprf",
                "csto-kazakhstan-2022",
                "--value",
                "support",
                "--as-of",
                "Jan 2022",
                "--quote",
                "q",
                "--source",
                "theses-2022-kazakhstan",
            ],
            "add stance: --as-of 'Jan 2022' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            vec![
                "add",
                "document",
                "--title",
                "T",
                "--kind",
                "statement",
                "--languages",
                "en",
                "--url",
                "ftp://x",
            ],
            "add document: --url 'ftp://x' is not a URL",
        ),
        (
            vec![
                "add",
                "stance",
                "--evidence",
                "attributed",
                "--unverified",
                "No Such Org Here",
                "csto-kazakhstan-2022",
                "--value",
                "oppose",
                "--as-of",
                "2022",
                "--quote",
                "q",
                "--source",
                "theses-2022-kazakhstan",
            ],
            "unknown organisation",
        ),
    ] {
        env.run(&args).code(2).one_line_error().stderr_has(needle);
    }
    assert_eq!(env.db_bytes(), before, "a refused add must change nothing");
}

#[test]
fn add_org_without_a_source_records_its_name_as_an_editorial_label() {
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "json",
        "add",
        "org",
        "--unverified",
        "--name",
        "Unnamed Youth Group",
        "--kind",
        "youth_org",
        "--lang",
        "en",
    ]);
    let v = out.ok().json();
    assert_eq!(v["organisations"][0]["id"], "unnamed-youth-group", "{out}");
    assert_eq!(v["names"][0]["kind"], "label", "{out}");
    assert!(v["names"][0]["source_id"].is_null(), "{out}");
    let out = env.run(&["-f", "json", "show", "unnamed youth group"]);
    let org = out.ok().json_section("organisation");
    assert_eq!(
        org.row("id", "unnamed-youth-group").get("kind"),
        "youth_org",
        "{out}"
    );
}
