//! The binary's build script: the schema versions (image/versions.rs), and the first run's
//! database image. The library's own sources, built once more for this script as the
//! `stancedb-image` package (image/), migrate and seed a database in memory exactly as a first
//! run would; its bytes go to OUT_DIR and are embedded by src/store/image.rs, so a first run
//! only writes, syncs and checks a file. `tests/image.rs` compares the embedded image with a
//! database migrated and seeded at run time.
include!("image/versions.rs");

fn main() {
    emit_schema_versions("migrations", "seed");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = match stancedb_image::store::seeded_image() {
        Ok(b) => b,
        Err(e) => panic!("cannot build the seeded database image: {e}"),
    };
    std::fs::write(out.join("seeded.sqlite"), bytes).expect("write the seeded database image");
}
