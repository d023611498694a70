//! Rebuild when migrations or seed data change, so refinery's embed_migrations! and the
//! include_str! seed tables never go stale; and tell the code the newest schema version
//! (from the V{n}__name.sql file names) without parsing migrations at run time.
use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=seed");
    let mut versions = Vec::new();
    if let Ok(dir) = fs::read_dir("migrations") {
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(rest) = name.strip_prefix('V')
                && let Some((num, _)) = rest.split_once("__")
                && let Ok(n) = num.parse::<u32>()
            {
                versions.push(n);
            }
        }
    }
    versions.sort_unstable();
    let latest = versions.last().copied().unwrap_or(0);
    let list: Vec<String> = versions.iter().map(u32::to_string).collect();
    println!("cargo:rustc-env=STANCEDB_SCHEMA_VERSION={latest}");
    // Every version number, so a history can be checked for gaps (numbers may skip).
    println!(
        "cargo:rustc-env=STANCEDB_SCHEMA_VERSIONS={}",
        list.join(",")
    );
}
