//! `report`: the static HTML site, written by the real binary from the seed database — every
//! link resolves, every record has its page, signatories keep their printed order, hostile
//! text is escaped, and two runs give the same bytes.
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Env, JOINT};

const JOINT_ID: &str = "solidnet-2022-01-18-kazakhstan";

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&p).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Write the report of `env`'s database into `env`'s `name` folder.
fn report(env: &Env, name: &str, extra: &[&str]) -> (PathBuf, BTreeMap<String, String>) {
    let dir = env.path(name);
    let mut args = vec!["report", "-o", dir.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    env.run(&args).ok();
    let pages = tree(&dir)
        .into_iter()
        .map(|(k, v)| (k, String::from_utf8(v).expect("UTF-8 page")))
        .collect();
    (dir, pages)
}

/// The values of every `attr="…"` in `html`.
fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Ids of every row a `stancedb sql` query returns, first column.
fn ids(env: &Env, sql: &str) -> Vec<String> {
    let out = env.run(&["sql", sql, "--format", "csv"]);
    out.ok();
    out.csv()
        .into_iter()
        .skip(1)
        .map(|r| r[0].clone())
        .collect()
}

#[test]
fn every_internal_link_and_anchor_resolves_to_a_file() {
    let env = Env::new();
    let (dir, pages) = report(&env, "site", &[]);
    let mut checked = 0;
    for (rel, html) in pages.iter().filter(|(k, _)| k.ends_with(".html")) {
        let base = dir.join(rel);
        let base = base.parent().expect("page folder");
        for link in attrs(html, "href").into_iter().chain(attrs(html, "src")) {
            if link.starts_with("http://") || link.starts_with("https://") {
                continue;
            }
            assert!(!link.contains("//"), "{rel}: link {link} leaves the site");
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = if file.is_empty() {
                dir.join(rel)
            } else {
                base.join(file)
            };
            assert!(
                target.is_file(),
                "{rel}: link {link} -> {} is not a file",
                target.display()
            );
            if !anchor.is_empty() {
                let body = std::fs::read_to_string(&target).expect("read target");
                assert!(
                    body.contains(&format!("id=\"{anchor}\"")),
                    "{rel}: link {link}: no id {anchor} in {}",
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn every_organisation_statement_and_issue_has_its_page() {
    let env = Env::new();
    let (_, pages) = report(&env, "site", &[]);
    for (sql, folder) in [
        ("SELECT id FROM organisations", "org"),
        ("SELECT id FROM documents", "doc"),
        ("SELECT id FROM issues", "issue"),
    ] {
        let all = ids(&env, sql);
        assert!(!all.is_empty(), "{sql} gave nothing");
        for id in all {
            let page = format!("{folder}/{id}.html");
            assert!(pages.contains_key(&page), "no page {page}");
            assert!(
                pages["index.html"].contains(&format!("href=\"{page}\"")),
                "index does not link {page}"
            );
        }
    }
    for page in [
        "index.html",
        "matrix.html",
        "network.html",
        "assets/search-index.js",
    ] {
        assert!(pages.contains_key(page), "no {page}");
    }
}

#[test]
fn the_23_signatories_are_listed_in_printed_groups_and_order() {
    let env = Env::new();
    let (_, pages) = report(&env, "site", &[]);
    let want = env.run(&["signatories", JOINT, "--format", "csv"]);
    want.ok();
    let rows = want.csv();
    let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
    let (org, group) = (col("org_id"), col("group"));
    let want_orgs: Vec<String> = rows[1..]
        .iter()
        .map(|r| format!("../org/{}.html", r[org]))
        .collect();
    assert_eq!(want_orgs.len(), 23);
    let page = &pages[&format!("doc/{JOINT_ID}.html")];
    let list = &page[page
        .find("id=\"signatories\"")
        .expect("signatories section")..];
    let got: Vec<&str> = attrs(list, "href")
        .into_iter()
        .filter(|h| h.starts_with("../org/"))
        .collect();
    assert_eq!(got, want_orgs, "signatory links out of printed order");
    let mut last = 0;
    for r in &rows[1..] {
        let at = list
            .find(&format!("<h3>{}</h3>", r[group]))
            .expect("printed group heading");
        assert!(at >= last, "group {} out of order", r[group]);
        last = at;
    }
}

#[test]
fn a_hostile_quote_added_through_add_stance_renders_as_text() {
    let env = Env::new();
    let hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)> & more";
    env.run(&[
        "add",
        "document",
        "--id",
        "hostile-2022-02-01",
        "--title",
        "A <b>bold</b> title",
        "--kind",
        "statement",
        "--date",
        "2022-02-01",
        "--languages",
        "en",
    ])
    .ok();
    env.run(&[
        "add",
        "stance",
        "kprf",
        "russia-imperialist",
        "--value",
        "oppose",
        "--as-of",
        "2022-02-01",
        "--quote",
        hostile,
        "--source",
        "hostile-2022-02-01",
        "--evidence",
        "own",
        "--unverified",
    ])
    .ok();
    let (_, pages) = report(&env, "site", &[]);
    let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more";
    for page in [
        "org/kprf.html",
        "issue/russia-imperialist.html",
        "doc/hostile-2022-02-01.html",
    ] {
        let html = &pages[page];
        assert!(html.contains(escaped), "{page} lacks the escaped quote");
        assert!(!html.contains("<script>alert"), "{page} has a live script");
        assert!(!html.contains("<img"), "{page} has a live image");
        assert!(
            !html.contains("<b>bold"),
            "{page} has live markup from a title"
        );
    }
    for (name, html) in &pages {
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script src=\"").count(),
            "{name}: inline script"
        );
    }
}

#[test]
fn two_runs_give_byte_identical_sites() {
    let env = Env::new();
    let (a, _) = report(&env, "one", &[]);
    let (b, _) = report(&env, "two", &[]);
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb[k] == *v, "{k} differs between two runs");
    }
    // A second run into the same folder replaces the earlier report, with the same bytes.
    let (again, _) = report(&env, "one", &[]);
    assert_eq!(tree(&again), ta);
}

#[test]
fn names_in_other_scripts_carry_their_language() {
    let env = Env::new();
    let (_, pages) = report(&env, "site", &[]);
    let kprf = &pages["org/kprf.html"];
    assert!(
        kprf.contains("<bdi lang=\"ru\">КПРФ</bdi>"),
        "Cyrillic name without lang"
    );
    assert!(
        kprf.contains("<bdi lang=\"ko\">러시아연방공산당</bdi>"),
        "Korean name without lang"
    );
    assert!(kprf.contains("<html lang=\"en\">") && kprf.contains("<meta charset=\"utf-8\">"));
    // Own words and attributed words are marked differently.
    assert!(
        kprf.contains("<blockquote class=\"own\"")
            && kprf.contains("<blockquote class=\"attributed\"")
    );
}

#[test]
fn the_issue_page_shows_camps_with_counts_and_flags_signature_only_and_changes() {
    let env = Env::new();
    let (_, pages) = report(&env, "site", &[]);
    let camps = env.run(&["camps", "csto-kazakhstan-2022", "--format", "json"]);
    camps.ok();
    let json = camps.json();
    let page = &pages["issue/csto-kazakhstan-2022.html"];
    let summary = json["camps"].as_array().expect("camps section");
    for camp in summary {
        let value = camp["value"].as_str().expect("value");
        let n = camp["organisations"].as_i64().expect("count");
        let s = if n == 1 { "" } else { "s" };
        assert!(
            page.contains(&format!("id=\"camp-{value}\""))
                && page.contains(&format!("<span>{n} organisation{s} (")),
            "camp {value} with {n} organisations missing"
        );
    }
    assert!(page.contains("by signature only"));
    let protests = &pages["issue/kazakhstan-protests-2022.html"];
    assert!(
        protests
            .contains("href=\"../org/kprf.html#issue-kazakhstan-protests-2022\">changed position")
    );
}

#[test]
fn an_issue_filter_keeps_that_issue_and_its_organisations_with_working_links() {
    let env = Env::new();
    let (dir, pages) = report(&env, "site", &["--issue", "russia-imperialist"]);
    assert!(pages.contains_key("issue/russia-imperialist.html"));
    assert!(!pages.contains_key("issue/csto-kazakhstan-2022.html"));
    assert!(pages.contains_key("org/kprf.html") && pages.contains_key("org/rcit.html"));
    assert!(
        !pages.contains_key("org/cp-albania.html"),
        "a signatory with no stance on the issue"
    );
    for (rel, html) in pages.iter().filter(|(k, _)| k.ends_with(".html")) {
        let base = dir.join(rel);
        for link in attrs(html, "href") {
            let file = link.split('#').next().unwrap_or_default();
            if link.starts_with("http") || file.is_empty() {
                continue;
            }
            assert!(
                base.parent().expect("folder").join(file).is_file(),
                "{rel}: broken {link}"
            );
        }
    }
}

#[test]
fn a_folder_that_is_not_a_report_is_refused_and_left_alone() {
    let env = Env::new();
    let dir = env.path("mine");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    let out = env.run(&["report", "-o", dir.to_str().expect("utf-8")]);
    out.code(2)
        .one_line_error()
        .stderr_has("not a stancedb report");
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1);
}

#[test]
fn a_statement_page_shows_its_stored_text_escaped() {
    let Some(env) = common::with_seed_texts() else {
        return;
    };
    let (_, pages) = report(&env, "site", &[]);
    let page = &pages[&format!("doc/{JOINT_ID}.html")];
    let text = &page[page.find("id=\"text\"").expect("a Text section")..];
    assert!(
        text.contains("<details class=\"stored-text\">"),
        "{text:.400}"
    );
    // A passage of the joint statement, as stored (its words, escaped where HTML needs it).
    assert!(
        text.contains(
            "Joint statement of Communist and Workers&#39; Parties on the valuable experience"
        ),
        "{text:.600}"
    );
    assert!(!text.contains("<script"), "{text:.400}");
    // A document with no stored text has no Text section.
    let (_, bare) = report(&Env::new(), "bare", &[]);
    assert!(!bare[&format!("doc/{JOINT_ID}.html")].contains("id=\"text\""));
}
