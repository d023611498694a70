//! Code shape (issue #14): no function in src/ longer than 80 lines, no source file longer
//! than 400 lines except those on the commented allow-list below, so the rule holds by test
//! rather than by review; and the layers stay clean: the store imports no output layer, and
//! one file decides what a terminal is.
use std::path::{Path, PathBuf};

const MAX_FN_LINES: usize = 80;
const MAX_FILE_LINES: usize = 400;

/// Files allowed over MAX_FILE_LINES, each with the reason. Keep this list short; empty is best.
const LONG_FILES_ALLOWED: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The text with every comment, string literal and char literal blanked to spaces (newlines
/// kept), so that braces and `fn` can be found by plain scanning.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == 'r' && !ident_before && matches!(c.get(i + 1), Some('"' | '#')) {
            // A raw string r"..." or r#"..."#, or an ident such as r#type.
            let mut j = i + 1;
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            out.push_str(&" ".repeat(j + 1 - i));
            i = j + 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(c[i]));
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' && c.get(i + 1) == Some(&'\\') {
            // An escaped char literal such as '\n', '\'' or '\u{7b}'.
            out.push_str("  ");
            i += 2;
            while i < c.len() {
                let ch = c[i];
                out.push(' ');
                i += 1;
                if ch == '\'' && c[i - 2] != '\\' {
                    break;
                }
            }
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            // A plain char literal 'x' (a lifetime 'a never has a quote two chars on).
            out.push_str("   ");
            i += 3;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Whether a (blanked) line opens a function: optional visibility and qualifiers, then `fn`.
fn opens_fn(line: &str) -> Option<usize> {
    let mut rest = line.trim_start();
    let indent = line.len() - rest.len();
    if rest.starts_with("pub(") {
        rest = rest.split_once(')').map_or("", |(_, r)| r).trim_start();
    }
    for word in rest.split_whitespace() {
        match word {
            "pub" | "const" | "async" | "unsafe" | "extern" | "default" => {}
            "fn" => return Some(indent),
            w if w.starts_with('"') => {}
            _ => return None,
        }
    }
    None
}

/// (first line, length in lines) of every function with a body, lines counted from 1.
fn functions(src: &str) -> Vec<(usize, usize)> {
    let code = code_only(src);
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(indent) = opens_fn(line) else {
            continue;
        };
        let mut depth = 0i64;
        let mut opened = false;
        'scan: for (n, l) in lines.iter().enumerate().skip(start) {
            let from = if n == start { indent } else { 0 };
            for ch in l[from..].chars() {
                match ch {
                    ';' if !opened => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            found.push((start + 1, n - start + 1));
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    found
}

#[test]
fn no_function_over_80_lines_and_no_file_over_400_lines_in_src() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 10,
        "found only {} files under src/",
        files.len()
    );
    let mut problems = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(root).expect("under the crate root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {rel}: {e}"));
        let lines = src.lines().count();
        if lines > MAX_FILE_LINES && !LONG_FILES_ALLOWED.iter().any(|(f, _)| *f == rel) {
            problems.push(format!(
                "{rel}: file is {lines} lines (max {MAX_FILE_LINES})"
            ));
        }
        for (line, len) in functions(&src) {
            if len > MAX_FN_LINES {
                problems.push(format!(
                    "{rel}:{line}: fn is {len} lines (max {MAX_FN_LINES})"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "code shape:\n{}", problems.join("\n"));
}

#[test]
fn the_allow_list_names_only_files_that_are_still_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, why) in LONG_FILES_ALLOWED {
        let src = std::fs::read_to_string(root.join(file))
            .unwrap_or_else(|e| panic!("allow-listed {file} ({why}): {e}"));
        let lines = src.lines().count();
        assert!(
            lines > MAX_FILE_LINES,
            "{file} is {lines} lines now: take it off the allow-list"
        );
    }
}

#[test]
fn the_counter_measures_fns_and_ignores_braces_in_literals_and_comments() {
    let src = "fn a() {\n    let s = \"}}\"; // }\n    let c = '}';\n    /* } */\n    let r = r#\"{\"#;\n}\nfn b<'x>(v: &'x str) -> &'x str {\n    v\n}\ntrait T {\n    fn c(&self);\n}\n";
    assert_eq!(functions(src), vec![(1, 6), (7, 3)]);
}

/// The files under `dir` (relative to the repository) whose text contains `needle`, sorted.
fn files_containing(dir: &str, needle: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    let mut hits: Vec<String> = files
        .iter()
        .filter(|p| std::fs::read_to_string(p).expect("read").contains(needle))
        .map(|p| {
            p.strip_prefix(root)
                .expect("under root")
                .display()
                .to_string()
        })
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
