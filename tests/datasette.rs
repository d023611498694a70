//! The Datasette config (datasette.json) against the seeded database, without Datasette: every
//! canned query runs, with its parameters, and returns the rows of the stancedb command it
//! stands for; the tables the config names exist; internal tables are hidden. (The same
//! checks over HTTP, in a real Datasette: scripts/datasette-check.sh.)
mod common;
use common::Env;
use serde_json::{Map, Value, json};

fn config() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/datasette.json"))
        .expect("datasette.json at the repository root");
    serde_json::from_str(&text).expect("datasette.json is JSON")
}

fn db(cfg: &Value) -> &Map<String, Value> {
    cfg["databases"]["stancedb"]
        .as_object()
        .expect("a 'stancedb' database in the config")
}

/// The rows of a canned query as JSON objects (Datasette's `_shape=array`).
fn canned(env: &Env, sql: &str, params: &[(&str, &str)]) -> Vec<Value> {
    let c = rusqlite::Connection::open(&env.db).unwrap();
    let mut st = c.prepare(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    let names: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
    let named: Vec<(String, &str)> = params.iter().map(|(k, v)| (format!(":{k}"), *v)).collect();
    let bound: Vec<(&str, &dyn rusqlite::ToSql)> = named
        .iter()
        .map(|(k, v)| (k.as_str(), v as &dyn rusqlite::ToSql))
        .collect();
    let mut rows = st.query(bound.as_slice()).unwrap();
    let mut out = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        let mut obj = Map::new();
        for (i, n) in names.iter().enumerate() {
            let v = match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                rusqlite::types::Value::Null => Value::Null,
                rusqlite::types::Value::Integer(n) => json!(n),
                rusqlite::types::Value::Real(f) => json!(f),
                rusqlite::types::Value::Text(s) => json!(s),
                rusqlite::types::Value::Blob(_) => panic!("no blobs expected"),
            };
            obj.insert(n.clone(), v);
        }
        out.push(Value::Object(obj));
    }
    out
}

fn query<'a>(cfg: &'a Value, name: &str) -> &'a str {
    db(cfg)["queries"][name]["sql"]
        .as_str()
        .unwrap_or_else(|| panic!("canned query {name} in datasette.json"))
}

#[test]
fn every_canned_query_returns_the_rows_of_its_command() {
    let env = Env::new();
    env.ready();
    let cfg = config();
    let (stmt, org, org2, issue) = (
        "solidnet-2022-01-18-kazakhstan",
        "kprf",
        "cp-greece",
        "csto-kazakhstan-2022",
    );
    let cli = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        env.run(&all).ok().json()
    };
    let mut checked = Vec::new();
    let mut same = |name: &'static str, params: &[(&str, &str)], want: Value| {
        let got = canned(&env, query(&cfg, name), params);
        assert!(!got.is_empty(), "{name} returns rows on the seed");
        assert_eq!(Value::Array(got), want, "canned query {name}");
        checked.push(name);
    };
    same(
        "who_signed",
        &[("statement", stmt)],
        cli(&["signatories", stmt]),
    );
    same(
        "where_does_org_stand",
        &[("org", org)],
        cli(&["stance", org]),
    );
    let camps = cli(&["camps", issue]);
    same(
        "camps_on_issue",
        &[("issue", issue)],
        camps["organisations"].clone(),
    );
    same("camp_sizes", &[("issue", issue)], camps["camps"].clone());

    // compare names its columns after the organisations; the canned query after a and b.
    let got = canned(
        &env,
        query(&cfg, "compare_two"),
        &[("org_a", org), ("org_b", org2)],
    );
    let want = cli(&["compare", org, org2]);
    let want = want["comparison"].as_array().unwrap();
    assert_eq!(got.len(), want.len(), "compare_two: one row per issue");
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["issue"], w["issue"]);
        for (side, id) in [("a", org), ("b", org2)] {
            for f in ["value", "as_of", "quote"] {
                assert_eq!(g[format!("{side}_{f}")], w[format!("{id} {f}")], "{g}\n{w}");
            }
        }
        assert_eq!(g["agree"], w["agree"]);
    }
    checked.push("compare_two");

    let all: Vec<&String> = db(&cfg)["queries"].as_object().unwrap().keys().collect();
    for name in all {
        assert!(
            checked.contains(&name.as_str()),
            "canned query {name} has no check here"
        );
    }
}

#[test]
fn the_config_names_real_tables_and_hides_the_internal_ones() {
    let env = Env::new();
    env.ready();
    let cfg = config();
    let c = rusqlite::Connection::open(&env.db).unwrap();
    let exists = |name: &str| -> bool {
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = ?1)",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    };
    let tables = db(&cfg)["tables"].as_object().unwrap();
    for (name, t) in tables {
        // sqlite_stat tables appear once the planner has statistics.
        assert!(
            exists(name) || name.starts_with("sqlite_stat"),
            "datasette.json configures {name}, which the schema lacks"
        );
        if let Some(facets) = t["facets"].as_array() {
            for f in facets {
                let sql = format!("SELECT \"{}\" FROM \"{name}\" LIMIT 1", f.as_str().unwrap());
                c.prepare(&sql)
                    .unwrap_or_else(|e| panic!("facet {f} on {name}: {e}"));
            }
        }
    }
    for internal in [
        "refinery_schema_history",
        "organisations_fts_forms",
        "documents_fts_forms",
        "positions_queue",
        "organisations_fts_queue",
        "documents_fts_queue",
        "name_keys",
        "mention_index",
    ] {
        assert!(exists(internal));
        assert_eq!(
            tables[internal]["hidden"],
            json!(true),
            "{internal} is hidden"
        );
    }
    // Every table that people browse and search has its <table>_fts by the Datasette
    // convention (content="<table>"), which is how ?_search= finds it.
    for t in ["organisations", "names", "stances", "documents"] {
        let sql: String = c
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [format!("{t}_fts")],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sql.contains(&format!("content=\"{t}\"")), "{sql}");
    }
    let kprf: Vec<String> = c
        .prepare(
            "SELECT id FROM organisations WHERE rowid IN \
             (SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH '\"кпрф\"')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(kprf, ["kprf"], "?_search=кпрф on organisations");
}
