//! Help a person can scan: a command's own options come first, the options every command
//! takes are listed after them under "Global options".
mod common;
use common::Env;

#[test]
fn a_commands_own_options_come_before_the_global_ones() {
    let env = Env::new();
    for args in [
        &["stance", "--help"][..],
        &["help", "camps"],
        &["matrix", "-h"],
    ] {
        let out = env.run(args);
        let text = &out.ok().stdout;
        let global = text.find("Global options:");
        let own = text.find("Options:");
        assert!(
            own.is_some() && global.is_some() && own < global,
            "own options first, then the global ones\n{out}"
        );
        let globals = &text[global.unwrap_or(0)..];
        for flag in [
            "--db", "--format", "--width", "--wide", "--color", "--quiet",
        ] {
            assert!(globals.contains(flag), "{flag} under Global options\n{out}");
            let before = &text[..global.unwrap_or(0)];
            assert!(
                !before.contains(&format!("  {flag} ")),
                "{flag} among the own options\n{out}"
            );
        }
    }
}
