//! Import progress: a bar (rows, rate, time left by bytes read) on a terminal when the import
//! takes a while; nothing when stderr is piped or with --quiet.
mod common;
use common::{Env, pty};

#[test]
fn import_shows_a_bar_only_on_a_terminal_and_not_with_quiet() {
    let env = Env::new();
    env.ready();
    let mut csv = String::from("id,name,kind\n");
    // 2,000 rows (about 95 KB: three reads of the loader's 64 KiB buffer, the last one empty),
    // each read made to wait 400 ms by the test hook: the reading outlasts the bar's
    // half-second delay.
    let slow = "STANCEDB_TEST_READ_PACE_MS=400";
    for i in 0..2_000 {
        csv.push_str(&format!("gen-org-{i},Generated Organisation {i},party\n"));
    }
    let file = env.write("orgs.csv", csv.as_bytes());
    let file = file.to_str().unwrap();
    let args = ["import", "organisations", file, "--dry-run"];
    let shown = pty(&env, 100, slow, &args);
    assert!(
        shown.contains("rows/s"),
        "a bar with rows and rate:\n{shown}"
    );
    assert!(shown.contains("left)"), "and the time left:\n{shown}");
    let quiet = pty(
        &env,
        100,
        slow,
        &["--quiet", "import", "organisations", file, "--dry-run"],
    );
    assert!(!quiet.contains("rows/s"), "{quiet}");
    let piped = env.run(&args);
    assert!(!piped.ok().stderr.contains("rows/s"), "{piped}");
}
