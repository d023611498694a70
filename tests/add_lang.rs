//! `add org` and `add name` never assume a name's language (issue #11, class 11): `--lang`,
//! else the source document's only language, else a one-line refusal.
mod common;
use common::Env;

#[test]
fn a_new_name_takes_its_language_from_lang_or_a_one_language_source_else_is_refused() {
    let env = Env::new();
    // The theses are in English only: their language is the name's.
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "name",
        "--unverified",
        "kprf",
        "Komparty",
        "--kind",
        "informal",
        "--source",
        "theses-2022-kazakhstan",
    ]);
    assert_eq!(
        out.ok().table().row("name", "Komparty").get("lang"),
        "en",
        "{out}"
    );
    // The joint statement is in three languages: --lang is needed.
    env.run(&[
        "add", "name", "--unverified", "kprf", "Компартия", "--kind", "informal", "--source",
        "solidnet-2022-01-18-kazakhstan",
    ])
    .code(2)
    .one_line_error()
    .stderr_has(
        "add name: --lang is required (source solidnet-2022-01-18-kazakhstan is in more than one language: en ru es)",
    );
    let out = env.run(&[
        "-f",
        "csv",
        "add",
        "name",
        "--unverified",
        "kprf",
        "Компартия",
        "--kind",
        "informal",
        "--lang",
        "ru",
        "--source",
        "solidnet-2022-01-18-kazakhstan",
    ]);
    assert_eq!(
        out.ok().table().row("name", "Компартия").get("lang"),
        "ru",
        "{out}"
    );
    // No source and no --lang: never a silent English.
    env.run(&[
        "add",
        "org",
        "--unverified",
        "--name",
        "Partido Nuevo",
        "--kind",
        "party",
    ])
    .code(2)
    .one_line_error()
    .stderr_has("add org: --lang is required (no --source to take the name's language from)");
    env.run(&[
        "add",
        "org",
        "--unverified",
        "--name",
        "Partido Nuevo",
        "--kind",
        "party",
        "--lang",
        "es",
    ])
    .ok();
    let out = env.run(&[
        "-f",
        "csv",
        "sql",
        "SELECT lang, kind FROM names WHERE org_id = 'partido-nuevo'",
    ]);
    let t = out.ok().table();
    assert_eq!(t.len(), 1, "{out}");
    assert_eq!(
        t.rows().next().unwrap().pick(["lang", "kind"]),
        ["es", "label"],
        "{out}"
    );
}
