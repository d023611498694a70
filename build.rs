//! Rebuild when migrations or seed data change, so refinery's embed_migrations! and the
//! include_str! seed tables never go stale.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=seed");
}
