//! Document texts in the database (#16 parts 1, 2, 5): `add texts` stores the source texts,
//! `verify-quotes` proves against them with no folder, `text` shows them, quotes are proven
//! at entry (a wrong one refused with the nearest passage), `--unverified` is listed by
//! `check`, and `search` finds passages. Source texts come from ../shared/seeds at run time.
mod common;
use common::{Env, Outcome, seeds_dir};
use serde_json::Value;

/// An environment whose database holds the five seed texts (None without ../shared/seeds).
fn with_texts() -> Option<(Env, Outcome)> {
    let seeds = seeds_dir()?;
    let env = Env::new();
    let out = env.run(&[
        "-f",
        "json",
        "add",
        "texts",
        seeds.to_str().expect("utf-8 path"),
    ]);
    Some((env, out))
}

fn s<'a>(row: &'a Value, col: &str) -> &'a str {
    row[col].as_str().unwrap_or_default()
}

#[test]
fn add_texts_stores_the_five_seed_texts_and_proves_the_quotes_on_record() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    let stored = json_rows(&out);
    let mut docs: Vec<&str> = stored.iter().map(|r| s(r, "document")).collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            "cprf-2022-01-kazakhstan",
            "rcit-2022-01-08-kprf",
            "rcit-2022-01-08-kprf",
            "solidnet-2022-01-18-kazakhstan",
            "theses-2022-kazakhstan"
        ],
        "{out}"
    );
    let listed = env.run(&["-f", "json", "text"]);
    assert_eq!(json_rows(listed.ok()).len(), 5, "{listed}");
    assert!(
        json_rows(&listed)
            .iter()
            .all(|r| r["proven"].as_i64() > Some(0)),
        "every text proves some quote on record\n{listed}"
    );
    // Storing them again replaces them: still five.
    env.run(&[
        "add",
        "texts",
        seeds_dir().expect("seeds").to_str().expect("utf-8"),
    ])
    .ok();
    assert_eq!(json_rows(env.run(&["-f", "json", "text"]).ok()).len(), 5);
}

#[test]
fn verify_quotes_without_a_folder_checks_the_stored_texts() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    let v = env.run(&["verify-quotes", "--all", "-f", "json"]);
    v.ok().stderr_has(" 0 not found");
    let checked = json_rows(&v);
    assert!(checked.len() > 100, "{v}");
    assert!(checked.iter().all(|r| s(r, "status") == "found"), "{v}");
    // Without stored texts there is nothing to check against.
    let bare = Env::new();
    bare.run(&["verify-quotes"]).code(2).stderr_has("add texts");
}

#[test]
fn text_prints_a_stored_text_and_the_passage_around_some_words() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    let whole = env.run(&["text", "cprf-2022-01-kazakhstan"]);
    whole
        .ok()
        .stdout_has("The Voice of the Working People of Kazakhstan");
    let around = env.run(&[
        "-f",
        "json",
        "text",
        "rcit-2022-01-08-kprf",
        "--around",
        "comrades   in\nRussia",
        "--context",
        "40",
    ]);
    let hits = json_rows(around.ok());
    assert_eq!(hits.len(), 2, "both copies hold it\n{around}");
    for h in &hits {
        assert_eq!(s(h, "match"), "exact");
        assert!(
            s(h, "passage").contains("its »comrades in Russia« supported"),
            "{around}"
        );
    }
    // Words not in the text: the nearest passage, marked as such.
    let near = env.run(&[
        "-f",
        "json",
        "text",
        "rcit-2022-01-08-kprf",
        "--around",
        "comrades in Rusia",
    ]);
    let hits = json_rows(near.ok());
    assert_eq!(s(&hits[0], "match"), "nearest", "{near}");
    assert!(
        s(&hits[0], "passage").contains("comrades in Russia"),
        "{near}"
    );
    env.run(&["text", "mk-2022-01-06-kprf"])
        .code(2)
        .one_line_error();
}

#[test]
fn a_wrong_quote_is_refused_with_the_nearest_passage_and_nothing_is_written() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    let before = env
        .run(&["sql", "SELECT count(*) AS n FROM stances"])
        .stdout;
    let wrong = env.run(&[
        "add",
        "stance",
        "rcit",
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022-01-08",
        "--source",
        "rcit-2022-01-08-kprf",
        "--quote",
        "Kick out all Rusian/CSTO troops!",
    ]);
    wrong
        .code(2)
        .one_line_error()
        .stderr_has("is not in the stored text of rcit-2022-01-08-kprf")
        .stderr_has("nearest passage: “Kick out all Russian/CSTO troops”");
    assert_eq!(
        env.run(&["sql", "SELECT count(*) AS n FROM stances"])
            .stdout,
        before
    );
    // The right words go in, and where they were found is recorded.
    let right = env.run(&[
        "-f",
        "json",
        "add",
        "stance",
        "rcit",
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022-01-08",
        "--source",
        "rcit-2022-01-08-kprf",
        "--quote",
        "Kick out all   Russian/CSTO troops!",
    ]);
    let id = json_rows(right.ok())[0]["id"].as_i64().expect("id");
    let proof = env.run(&[
        "-f",
        "json",
        "sql",
        &format!("SELECT t.file, substr(t.text, p.start + 1, p.end - p.start) AS words FROM quote_proofs p JOIN document_texts t ON t.id = p.text_id WHERE p.tbl = 'stances' AND p.row_id = {id}"),
    ]);
    let p = json_rows(proof.ok());
    assert_eq!(
        s(&p[0], "words"),
        "Kick out all Russian/CSTO troops!",
        "{proof}"
    );
}

#[test]
fn printed_names_are_proven_at_entry_too() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    env.run(&[
        "add",
        "name",
        "kprf",
        "Communist Party of the Russian Federations",
        "--lang",
        "en",
        "--kind",
        "official",
        "--source",
        "rcit-2022-01-08-kprf",
    ])
    .code(2)
    .stderr_has("nearest passage");
    env.run(&[
        "add",
        "membership",
        "cp-belarus",
        "skp-kpss",
        "--role",
        "observer",
        "--source",
        "rcit-2022-01-08-kprf",
        "--quote",
        "an invented sentence about Belarus",
    ])
    .code(2)
    .stderr_has("is not in the stored text");
    env.run(&[
        "sign",
        "solidnet-2022-01-18-kazakhstan",
        "kprf",
        "--as-printed",
        "KPRF of Russia",
    ])
    .code(2)
    .stderr_has("is not in the stored text of solidnet-2022-01-18-kazakhstan");
}

#[test]
fn a_source_without_a_stored_text_needs_unverified_and_check_lists_it() {
    let env = Env::new();
    let args = [
        "add",
        "stance",
        "--evidence",
        "attributed",
        "kprf",
        "csto-kazakhstan-2022",
        "--value",
        "support",
        "--as-of",
        "2022-01-06",
        "--source",
        "mk-2022-01-06-kprf",
        "--quote",
        "words nobody checked",
    ];
    env.run(&args)
        .code(2)
        .stderr_has("has no stored text")
        .stderr_has("--unverified");
    let mut unverified = args.to_vec();
    unverified.push("--unverified");
    env.run(&unverified).ok();
    let check = env.run(&["-f", "json", "check"]);
    let listed: Vec<Value> = json_rows(check.ok())
        .into_iter()
        .filter(|r| s(r, "check") == "unverified quote" && s(r, "status") == "finding")
        .collect();
    assert_eq!(listed.len(), 1, "{check}");
    assert!(
        s(&listed[0], "subject").contains("words nobody checked"),
        "{check}"
    );
    env.run(&["check", "--strict"]).code(1);
}

#[test]
fn add_document_with_an_html_or_markdown_text_stores_plain_text() {
    let env = Env::new();
    let html = env.write(
        "statement.html",
        "<html><body><h1>On peace</h1><p>We <b>firmly</b> oppose the intervention.</p></body></html>"
            .as_bytes(),
    );
    env.run(&[
        "add",
        "document",
        "--id",
        "test-peace",
        "--title",
        "On peace",
        "--kind",
        "statement",
        "--languages",
        "en",
        "--text",
        html.to_str().expect("utf-8"),
    ])
    .ok();
    env.run(&["text", "test-peace"])
        .ok()
        .stdout_has("We firmly oppose the intervention.")
        .stdout_lacks("<b>");
    env.run(&[
        "add",
        "stance",
        "--evidence",
        "attributed",
        "kprf",
        "csto-kazakhstan-2022",
        "--value",
        "oppose",
        "--as-of",
        "2022",
        "--source",
        "test-peace",
        "--quote",
        "We firmly oppose the intervention.",
    ])
    .ok();
    let md = env.write("later.md", b"# Later\n\nWe *still* oppose it.\n");
    env.run(&[
        "add",
        "text",
        "test-peace",
        md.to_str().expect("utf-8"),
        "--lang",
        "en",
    ])
    .ok();
    env.run(&["text", "test-peace", "--file", "later.md"])
        .ok()
        .stdout_has("We still oppose it.");
    // A PDF or a file that is not UTF-8 is refused, and the document is not half-written.
    let bad = env.write("bad.txt", b"caf\xe9");
    env.run(&[
        "add",
        "document",
        "--id",
        "test-bad",
        "--title",
        "Bad",
        "--kind",
        "statement",
        "--languages",
        "en",
        "--text",
        bad.to_str().expect("utf-8"),
    ])
    .code(2)
    .stderr_has("not UTF-8");
    let left = env.run(&[
        "-f",
        "json",
        "sql",
        "SELECT count(*) AS n FROM documents WHERE id = 'test-bad'",
    ]);
    assert_eq!(json_rows(left.ok())[0]["n"].as_i64(), Some(0), "{left}");
}

#[test]
fn search_finds_passages_of_stored_texts_with_their_document() {
    let Some((env, out)) = with_texts() else {
        return;
    };
    out.ok();
    let found = env.run(&["-f", "json", "search", "군사개입"]);
    let passages: Vec<Value> = json_rows(found.ok())
        .into_iter()
        .filter(|r| s(r, "type") == "passage")
        .collect();
    assert!(!passages.is_empty(), "{found}");
    assert!(
        passages
            .iter()
            .all(|r| s(r, "id") == "rcit-2022-01-08-kprf"),
        "{found}"
    );
    assert!(s(&passages[0], "matched").contains("»군사개입«"), "{found}");
}

fn json_rows(o: &Outcome) -> Vec<Value> {
    o.json_rows()
}
