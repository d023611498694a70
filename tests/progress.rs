//! Import progress: a bar (rows, rate, time left by bytes read) on a terminal when the import
//! takes a while; nothing when stderr is piped or with --quiet.
mod common;
use common::{Env, pty};

#[test]
fn import_shows_a_bar_only_on_a_terminal_and_not_with_quiet() {
    let env = Env::new();
    env.ready();
    let mut csv = String::from("id,name,kind\n");
    // Long enough to outlast the bar's half-second delay in either build.
    let rows = if cfg!(debug_assertions) {
        40_000
    } else {
        400_000
    };
    for i in 0..rows {
        csv.push_str(&format!("gen-org-{i},Generated Organisation {i},party\n"));
    }
    let file = env.write("orgs.csv", csv.as_bytes());
    let file = file.to_str().unwrap();
    let args = ["import", "organisations", file, "--dry-run"];
    let shown = pty(&env, 100, "", &args);
    assert!(
        shown.contains("rows/s"),
        "a bar with rows and rate:\n{shown}"
    );
    assert!(shown.contains("left)"), "and the time left:\n{shown}");
    let quiet = pty(
        &env,
        100,
        "",
        &["--quiet", "import", "organisations", file, "--dry-run"],
    );
    assert!(!quiet.contains("rows/s"), "{quiet}");
    let piped = env.run(&args);
    assert!(!piped.ok().stderr.contains("rows/s"), "{piped}");
}
