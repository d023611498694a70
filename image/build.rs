//! The image builder's build script: the same schema versions as the binary's, and the cfg
//! that makes this build of the library migrate and seed in memory (it has no image to embed).
include!("versions.rs");

fn main() {
    emit_schema_versions("../migrations", "../seed");
    println!("cargo::rustc-cfg=stancedb_image_builder");
}
