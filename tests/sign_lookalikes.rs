//! Look-alikes stay apart (#21 part 2): for every qualifier class — "(Marxist)",
//! "(Marxist–Leninist)", "[reconstituted]", "of the Workers of", "of the Peoples of", "New",
//! "Unified", "Revolutionary" — and for a differing printed country, a printed name next to a
//! recorded one is never `exact`, never `likely` to it, and `--accept likely,new --apply`
//! never signs it for the recorded party; word order is only `likely`; the real forms still
//! match, so the table can fail.
mod common;
use common::{Env, statement_with_text};

/// (recorded id, recorded name, its country, printed name) — made-up parties.
const PAIRS: &[(&str, &str, &str, &str)] = &[
    (
        "cp-testland",
        "Communist Party of Testland",
        "IN",
        "Communist Party of Testland (Marxist)",
    ),
    (
        "cp-ruritania",
        "Communist Party of Ruritania",
        "GR",
        "Communist Party of Ruritania (Marxist–Leninist)",
    ),
    (
        "cp-freedonia",
        "Communist Party of Freedonia",
        "IT",
        "Communist Party of Freedonia [reconstituted]",
    ),
    (
        "cp-borduria",
        "Communist Party of Borduria",
        "ES",
        "Communist Party of the Workers of Borduria",
    ),
    (
        "cp-syldavia",
        "Communist Party of Syldavia",
        "ES",
        "Communist Party of the Peoples of Syldavia",
    ),
    (
        "cp-elbonia",
        "Communist Party of Elbonia",
        "GB",
        "New Communist Party of Elbonia",
    ),
    (
        "cp-genovia",
        "Communist Party of Genovia",
        "NP",
        "Unified Communist Party of Genovia",
    ),
    (
        "cp-latveria",
        "Communist Party of Latveria",
        "FR",
        "Revolutionary Communist Party of Latveria",
    ),
    // The recorded party carries the qualifier; the printed one does not.
    (
        "cp-ml-zubrowka",
        "Communist Party of Zubrowka (Marxist)",
        "DE",
        "Communist Party of Zubrowka",
    ),
];

fn setup() -> (Env, String) {
    let env = Env::new();
    let mut text = String::from("Signatories:\n");
    for (_, _, _, printed) in PAIRS {
        text.push_str(&format!("{printed}\n"));
    }
    // A differing printed country; a word-order swap; the real forms (controls).
    text.push_str("Cyprus, Communist Party of Testland\nTestland Communist Party\nCommunist Party of Ruritania\nCommunist Party of Zubrowka (Marxist)\n");
    let doc = statement_with_text(&env, "Look-alikes", "look.txt", &text);
    // The recorded names are proven against a text of their own.
    let register: Vec<&str> = PAIRS.iter().map(|p| p.1).collect();
    let source = statement_with_text(&env, "Register", "register.txt", &register.join(".\n"));
    let mut orgs = String::from("id,name,kind,country\n");
    let mut names = String::from("org_id,name,lang,kind,source_id\n");
    for (id, name, country, _) in PAIRS {
        orgs.push_str(&format!("{id},\"{name}\",party,{country}\n"));
        names.push_str(&format!("{id},\"{name}\",en,official,{source}\n"));
    }
    let o = env.write("orgs.csv", orgs.as_bytes());
    let n = env.write("names.csv", names.as_bytes());
    env.run(&["import", "organisations", o.to_str().expect("utf-8")])
        .ok();
    env.run(&[
        "import",
        "names",
        n.to_str().expect("utf-8"),
        "--on-conflict",
        "skip",
    ])
    .ok();
    (env, doc)
}

#[test]
fn no_qualifier_class_or_printed_country_joins_a_look_alike() {
    let (env, doc) = setup();
    let dry = env.run(&["-f", "csv", "sign", "--from-text", &doc]);
    let table = dry.ok().table();
    for (id, _, _, printed) in PAIRS {
        let r = table.row("name_as_printed", printed);
        assert_ne!(&r["status"], "exact", "{printed}\n{table}");
        assert_ne!(&r["status"], "likely", "{printed}\n{table}");
        assert_ne!(&r["org_id"], *id, "{printed}\n{table}");
    }
    let cyprus = table.row("country_as_printed", "Cyprus");
    assert_eq!(&cyprus["status"], "new", "{table}");
    assert!(cyprus["reason"].contains("cp-testland is in IN"), "{table}");
    let swapped = table.row("name_as_printed", "Testland Communist Party");
    assert_eq!(
        swapped.pick(["status", "reason"]),
        ["likely", "word order"],
        "{table}"
    );
    assert!(swapped["candidates"].starts_with("cp-testland (Communist Party of Testland)"));
    // The controls: the recorded forms themselves are exact.
    assert_eq!(
        &table.row("name_as_printed", "Communist Party of Ruritania")["status"],
        "exact"
    );
    assert_eq!(
        &table.row("name_as_printed", "Communist Party of Zubrowka (Marxist)")["org_id"],
        "cp-ml-zubrowka"
    );

    env.run(&["sign", "--from-text", &doc, "--accept", "likely", "--apply"])
        .ok();
    let signed = env.run(&["-f", "csv", "signatories", &doc]);
    let signed = signed.ok().table();
    for (id, _, _, printed) in PAIRS {
        for r in signed.rows_where("name_as_printed", printed) {
            assert_ne!(&r["org_id"], *id, "{printed}\n{signed}");
        }
    }
    // Creating the look-alike "Communist Party of Testland" of Cyprus would give a second
    // party cp-testland's name: refused (a name that folds to another's needs --force).
    env.run(&["sign", "--from-text", &doc, "--accept", "new", "--apply"])
        .code(2)
        .stderr_has("would make it ambiguous");
    assert_eq!(
        &signed.row("name_as_printed", "Testland Communist Party")["org_id"],
        "cp-testland"
    );
}
