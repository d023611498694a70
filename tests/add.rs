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
    env.run(&[
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
    ])
    .ok()
    .stdout_has(&format!("{NEW_ID},{CYRILLIC_NAME},ru,translation"));
    env.run(&[
        "sign",
        "--unverified",
        JOINT,
        CYRILLIC_NAME,
        "--date",
        "2022-02-01",
    ])
    .ok();
    env.run(&[
        "-f",
        "csv",
        "add",
        "stance",
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
    ])
    .ok()
    .stdout_has("csto-kazakhstan-2022,2022-01-10,oppose,Russian troops out of Kazakhstan!");
}

#[test]
fn a_new_organisation_is_found_at_once_by_every_query() {
    let env = Env::new();
    new_org_with_record(&env);
    let csv = |args: &[&str]| env.run(&[&["-f", "csv"], args].concat());
    // By any name form, in any script (folding and transliteration included).
    for name in [
        NEW_ORG,
        CYRILLIC_NAME,
        "workers party of testland",
        "Rabochaya partiya Testlandii",
    ] {
        csv(&["show", name, "--section", "organisation"])
            .ok()
            .stdout_has(NEW_ID);
    }
    csv(&["orgs", "--country", "KZ"]).ok().stdout_has(NEW_ID);
    csv(&["signatories", JOINT])
        .ok()
        .stdout_has(&format!("{NEW_ORG},{NEW_ID},{NEW_ORG},KZ,2022-02-01"));
    csv(&["orgs", "--signed", JOINT]).ok().stdout_has(NEW_ID);
    // Its words and, later, its signature: both in the history, the later one current.
    csv(&[
        "stance",
        CYRILLIC_NAME,
        "--issue",
        "csto-kazakhstan-2022",
        "--history",
    ])
    .ok()
    .stdout_has("2022-01-10,oppose,own,words,Russian troops out of Kazakhstan!")
    .stdout_has("2022-02-01,oppose,own,signature");
    csv(&[
        "camps",
        "csto-kazakhstan-2022",
        "--section",
        "organisations",
    ])
    .ok()
    .stdout_has(NEW_ID);
    csv(&["compare", CYRILLIC_NAME, "kprf", "--section", "comparison"])
        .ok()
        .stdout_has("csto-kazakhstan-2022,oppose,2022-02-01");
    csv(&["compare", CYRILLIC_NAME, "kprf", "--section", "agreement"])
        .ok()
        .stdout_has(&format!("{NEW_ID},kprf"));
    csv(&["search", "Тестланд"]).ok().stdout_has(NEW_ID);
}

#[test]
fn membership_and_document_are_stored_and_printed_and_the_document_is_found_by_its_title() {
    let env = Env::new();
    new_org_with_record(&env);
    env.run(&[
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
    ])
    .ok()
    .stdout_has(&format!(
        "{NEW_ID},solidnet,member,2022,,theses-2022-kazakhstan"
    ));
    env.run(&["-f", "csv", "members", "solidnet"])
        .ok()
        .stdout_has(NEW_ID);
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
    env.run(&["-f", "csv", "signatories", "appeal of the testland workers"])
        .ok()
        .stdout_has("kprf");
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
    ]);
    let v = out.ok().json();
    assert_eq!(v["organisations"][0]["id"], "unnamed-youth-group", "{out}");
    assert_eq!(v["names"][0]["kind"], "label", "{out}");
    assert!(v["names"][0]["source_id"].is_null(), "{out}");
    env.run(&[
        "-f",
        "csv",
        "show",
        "unnamed youth group",
        "--section",
        "organisation",
    ])
    .ok()
    .stdout_has("youth_org");
}
