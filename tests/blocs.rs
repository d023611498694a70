//! `blocs` on the hand-built fixture (tests/network_fixture): the partition and its modularity
//! worked out by hand, the cross-tab with the camps, determinism, and the seed's one clique.
mod common;
mod network_fixture;

/// The fixture's co-signature weights (statements together), read off its table by hand.
const EDGES: [(&str, &str, f64); 12] = [
    ("fx-a1", "fx-a2", 4.0), // s1 s2 s3 s8
    ("fx-a1", "fx-a3", 2.0), // s1 s2
    ("fx-a1", "fx-a4", 2.0), // s1 s3
    ("fx-a2", "fx-a3", 2.0), // s1 s2
    ("fx-a2", "fx-a4", 2.0), // s1 s3
    ("fx-a3", "fx-a4", 1.0), // s1
    ("fx-b1", "fx-b2", 3.0), // s4 s5 s6
    ("fx-b1", "fx-b3", 2.0), // s4 s5
    ("fx-b2", "fx-b3", 2.0), // s4 s5
    ("fx-a1", "fx-b1", 1.0), // s7
    ("fx-a1", "fx-x", 1.0),  // s7
    ("fx-b1", "fx-x", 1.0),  // s7
];

/// Q = Σ_C [in_C / 2m − (tot_C / 2m)²] for a partition given as a test on org ids.
fn modularity(same: impl Fn(&str, &str) -> bool) -> f64 {
    let m2: f64 = EDGES.iter().map(|e| 2.0 * e.2).sum();
    let orgs: Vec<&str> = {
        let mut v: Vec<&str> = EDGES.iter().flat_map(|e| [e.0, e.1]).collect();
        v.sort();
        v.dedup();
        v
    };
    let strength = |o: &str| -> f64 {
        EDGES
            .iter()
            .filter(|e| e.0 == o || e.1 == o)
            .map(|e| e.2)
            .sum()
    };
    // Σ over pairs in one community of (A_ij − k_i k_j / 2m), over 2m.
    let mut q = 0.0;
    for a in &orgs {
        for b in &orgs {
            if same(a, b) {
                let w = EDGES
                    .iter()
                    .find(|e| (e.0 == *a && e.1 == *b) || (e.0 == *b && e.1 == *a))
                    .map_or(0.0, |e| e.2);
                q += w - strength(a) * strength(b) / m2;
            }
        }
    }
    q / m2
}

#[test]
fn blocs_split_the_fixture_into_its_two_camps_with_the_hand_computed_modularity() {
    let env = network_fixture::env();
    let out = env.run(&["-f", "json", "blocs", "--since", "2023"]);
    let members = out.ok().json_section("members");
    let bloc_of = |o: &str| members.row("org_id", o).get("bloc").to_string();
    // x signed once, with a1 and b1: joining bloc B gains 1 − 2·16/46 > 0, bloc A 1 − 2·28/46 < 0.
    for o in ["fx-a1", "fx-a2", "fx-a3", "fx-a4"] {
        assert_eq!(bloc_of(o), "1", "{o}\n{out}");
    }
    for o in ["fx-b1", "fx-b2", "fx-b3", "fx-x"] {
        assert_eq!(bloc_of(o), "2", "{o}\n{out}");
    }
    let is_a = |o: &str| o.starts_with("fx-a");
    let want = modularity(|a, b| is_a(a) == is_a(b));
    // By hand: 26/46 + 16/46 − (28/46)² − (18/46)² = 0.389414…
    assert!((want - 0.389_414).abs() < 1e-6, "{want}");
    let net = out.json_section("network");
    let got: f64 = net
        .rows()
        .next()
        .expect("one row")
        .get("modularity")
        .parse()
        .unwrap();
    assert!((got - want).abs() < 1e-4, "{got} vs {want}\n{out}");
    // Moving x to bloc A, or leaving it alone, scores lower: the answer is the best split.
    assert!(modularity(|a, b| (is_a(a) || a == "fx-x") == (is_a(b) || b == "fx-x")) < want);
    let row = net.rows().next().unwrap();
    assert_eq!(
        row.pick(["organisations", "ties", "statements", "blocs"]),
        ["8", "12", "8", "2"]
    );
    // Strength = statements signed together summed over partners: a1 4+2+2+1+1.
    assert_eq!(members.row("org_id", "fx-a1").get("strength"), "10");
    let blocs = out.json_section("blocs");
    assert_eq!(
        blocs.row("bloc", "1").pick(["ties_inside", "ties_across"]),
        ["13", "2"]
    );
}

#[test]
fn blocs_against_an_issue_counts_each_bloc_per_camp() {
    let env = network_fixture::env();
    let t = env
        .run(&[
            "-f",
            "csv",
            "blocs",
            "--since",
            "2023",
            "--against",
            "fx-issue",
            "--section",
            "against",
        ])
        .ok()
        .table();
    // Bloc A: a1 a2 a3 oppose, a4 support. Bloc B: b1 support, b2 none_found, b3 and x nothing.
    let cols = [
        "organisations",
        "support",
        "oppose",
        "ambivalent",
        "none_found",
        "no_stance",
    ];
    assert_eq!(
        t.row("bloc", "1").pick(cols),
        ["4", "1", "3", "0", "0", "0"]
    );
    assert_eq!(
        t.row("bloc", "2").pick(cols),
        ["4", "1", "0", "0", "1", "2"]
    );
    env.run(&["blocs", "--against", "no-such-issue"])
        .code(2)
        .one_line_error();
}

#[test]
fn blocs_are_the_same_every_run_and_the_window_filters_them() {
    let env = network_fixture::env();
    let a = env.run(&["-f", "json", "blocs", "--since", "2023"]);
    let b = env.run(&["-f", "json", "blocs", "--since", "2023"]);
    assert_eq!(a.ok().stdout, b.ok().stdout);
    // Up to June 2023 x signed nothing (s7 is July): it is in no bloc.
    let t = env
        .run(&[
            "-f",
            "csv",
            "blocs",
            "--since",
            "2023",
            "--until",
            "2023-06",
            "--section",
            "members",
        ])
        .ok()
        .table();
    assert!(t.rows_where("org_id", "fx-x").is_empty(), "{t}");
    assert_eq!(t.len(), 7, "{t}");
}

#[test]
fn on_the_seed_the_one_joint_statement_is_one_bloc_of_zero_modularity() {
    let env = common::Env::new();
    let out = env.run(&["-f", "json", "blocs"]);
    let net = out.ok().json_section("network");
    let row = net.rows().next().unwrap();
    assert_eq!(row.get("blocs"), "1", "{out}");
    assert_eq!(
        row.get("modularity"),
        "0.0",
        "one clique: in/2m = 1 = (tot/2m)²\n{out}"
    );
}
