//! The build script: it tells the code the schema versions, so that nothing parses migrations
//! at run time.

fn main() {
    emit_schema_versions("migrations", "seed");
}

// Tell the code the newest schema version and
// every version number, from the V{n}__name.sql file names in `dir` (numbers may skip), so
// nothing parses migrations at run time; and rebuild when migrations or seed data change, so
// refinery's embed_migrations! and the include_str! seed tables never go stale.
fn emit_schema_versions(migrations: &str, seed: &str) {
    println!("cargo:rerun-if-changed={migrations}");
    println!("cargo:rerun-if-changed={seed}");
    let mut versions = Vec::new();
    if let Ok(dir) = std::fs::read_dir(migrations) {
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
    println!(
        "cargo:rustc-env=STANCEDB_SCHEMA_VERSIONS={}",
        list.join(",")
    );
}
