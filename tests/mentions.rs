//! `mentions` (#16 part 3) on the seed texts: the joint statement names all 23 signatories;
//! the RCIT article names the KPRF, the SKP–KPSS, the Communist Party of Belarus, the RCIT
//! and the CSTO in its English and its Korean parts, Korean forms with particles included.
mod common;
use std::collections::BTreeSet;

use common::{Env, JOINT, Outcome, with_seed_texts};
use serde_json::Value;

fn s<'a>(row: &'a Value, col: &str) -> &'a str {
    row[col].as_str().unwrap_or_default()
}

#[test]
fn the_joint_statement_mentions_all_its_signatories() {
    let Some(env) = with_seed_texts() else { return };
    let signed: BTreeSet<String> = json_rows(env.run(&["-f", "json", "signatories", JOINT]).ok())
        .iter()
        .map(|r| s(r, "org_id").to_string())
        .collect();
    assert_eq!(signed.len(), 23);
    let out = env.run(&["-f", "json", "mentions", "solidnet-2022-01-18-kazakhstan"]);
    let found: BTreeSet<String> = json_rows(out.ok())
        .iter()
        .filter(|r| s(r, "kind") == "organisation")
        .map(|r| s(r, "id").to_string())
        .collect();
    let missing: Vec<&String> = signed.difference(&found).collect();
    assert!(
        missing.is_empty(),
        "signatories not found: {missing:?}\n{out}"
    );
    // Each row has a count, a first position and a snippet holding the mention.
    for r in json_rows(&out) {
        assert!(r["count"].as_i64() >= Some(1), "{out}");
        assert!(r["first_at"].as_i64().is_some(), "{out}");
        assert!(s(&r, "snippet").contains('»'), "{out}");
    }
}

#[test]
fn the_rcit_article_mentions_five_organisations_in_english_and_korean() {
    let Some(env) = with_seed_texts() else { return };
    let out = env.run(&["-f", "json", "mentions", "rcit-2022-01-08-kprf", "--each"]);
    let each = json_rows(out.ok());
    let forms = |id: &str| -> Vec<String> {
        each.iter()
            .filter(|r| s(r, "id") == id)
            .map(|r| s(r, "form").to_string())
            .collect()
    };
    let hangul = |f: &String| f.chars().any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c));
    for id in ["kprf", "skp-kpss", "cp-belarus", "rcit"] {
        let f = forms(id);
        assert!(
            f.iter().any(|f| !hangul(f)),
            "{id}: no English form in {f:?}"
        );
        assert!(f.iter().any(hangul), "{id}: no Korean form in {f:?}");
    }
    // The Korean forms are found with their particles attached.
    let kprf = forms("kprf");
    for printed in ["러시아연방공산당의", "러시아연방공산당"] {
        assert!(
            kprf.iter().any(|f| f == printed),
            "{printed} not in {kprf:?}"
        );
    }
    assert!(
        forms("cp-belarus")
            .iter()
            .any(|f| f == "벨라루스 공산당이다"),
        "{out}"
    );
    // The CSTO: once in the English part, once in the Korean part (its footnote).
    let csto: Vec<&Value> = each.iter().filter(|r| s(r, "id") == "csto").collect();
    assert!(csto.len() >= 2, "{out}");
    let korean_part = csto.iter().any(|r| {
        let snippet = s(r, "snippet");
        snippet.contains("CSTO")
            && each.iter().any(|k| {
                s(k, "text") == s(r, "text")
                    && hangul(&s(k, "form").to_string())
                    && k["at"].as_i64() < r["at"].as_i64()
            })
    });
    assert!(
        korean_part,
        "no CSTO mention after Korean text began\n{out}"
    );
}

#[test]
fn mentions_reads_a_file_and_matches_inflected_forms_on_word_boundaries() {
    let env = Env::new();
    let file = env.write(
        "news.txt",
        "Заявление Коммунистической партии Российской Федерации и КПРФ. \
         The KPRF's line. 러시아연방공산당은 말했다. Die Politik der KPRFs. \
         Not a mention: KPRFX, xKPRF, https://example.org/kprf-news."
            .as_bytes(),
    );
    let out = env.run(&[
        "-f",
        "json",
        "mentions",
        file.to_str().expect("utf-8"),
        "--each",
    ]);
    let kprf: Vec<String> = json_rows(out.ok())
        .iter()
        .filter(|r| s(r, "id") == "kprf")
        .map(|r| s(r, "form").to_string())
        .collect();
    assert_eq!(
        kprf,
        ["КПРФ", "KPRF's", "러시아연방공산당은", "KPRFs"],
        "{out}"
    );
}

#[test]
fn unknown_lists_likely_organisation_names_not_on_record() {
    let env = Env::new();
    let file = env.write(
        "new.txt",
        "The Communist Party of Tajikistan and the Partito Comunista Italiano met the \
         Kommunistische Partei Deutschlands, the Socialist Movement of Kazakhstan and 노동자혁명당은 오늘."
            .as_bytes(),
    );
    let out = env.run(&[
        "-f",
        "json",
        "mentions",
        file.to_str().expect("utf-8"),
        "--unknown",
    ]);
    let all = json_rows(out.ok());
    let unknown: BTreeSet<&str> = all
        .iter()
        .filter(|r| s(r, "kind") == "unknown")
        .map(|r| s(r, "name"))
        .collect();
    for name in [
        "Communist Party of Tajikistan",
        "Partito Comunista Italiano",
        "Kommunistische Partei Deutschlands",
        "노동자혁명당",
    ] {
        assert!(unknown.contains(name), "{name} not listed\n{out}");
    }
    // A known organisation is listed as known, not as unknown.
    assert!(
        !unknown.contains("Socialist Movement of Kazakhstan"),
        "{out}"
    );
    assert!(
        all.iter()
            .any(|r| s(r, "id") == "socialist-movement-kazakhstan"),
        "{out}"
    );
}

fn json_rows(o: &Outcome) -> Vec<Value> {
    o.json_rows()
}
