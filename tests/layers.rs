//! The layers stay clean (issue #14): the store returns rows without knowing any output format,
//! and one file decides what a terminal is.
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn files_containing(dir: &str, needle: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    let mut hits: Vec<String> = files
        .iter()
        .filter(|p| std::fs::read_to_string(p).expect("read").contains(needle))
        .map(|p| p.strip_prefix(root).expect("under root").display().to_string())
        .collect();
    hits.sort();
    hits
}

#[test]
fn no_file_under_src_store_imports_the_output_layer() {
    assert_eq!(
        files_containing("src/store", "crate::output"),
        Vec::<String>::new()
    );
}

#[test]
fn only_the_terminal_context_asks_whether_a_stream_is_a_terminal() {
    assert_eq!(files_containing("src", "is_terminal"), vec!["src/term.rs"]);
}
