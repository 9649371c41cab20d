//! The core's modules import downward only: each module may use modules of
//! lower layers, never its own layer or above, so there is no cycle. The
//! layers are the ones described at the top of `src/lib.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Lowest first. A new module must be placed here.
const LAYERS: &[&[&str]] = &[
    &["io", "text", "lang", "column"],
    &["countries"],
    &["model"],
    &["topics"],
    &["actors"],
    &["stamp", "briefings"],
    &["index"],
    &["corpus"],
    &["cache"],
    &["load"],
    &["query"],
    &["search"],
    &["searcher"],
    &["markdown", "config", "remembered"],
    &["saved", "report"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src` belongs to (`load/parse.rs` -> `load`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.strip_suffix(".rs").unwrap_or(name).to_string())
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first names after each `crate::` in code (comments left out),
/// including each name of a `crate::{a, b::c}` group.
fn crate_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                names.extend(inner.split(',').map(|n| ident(n.trim()).to_string()));
            } else {
                names.push(ident(rest).to_string());
            }
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// Names `lib.rs` re-exports (`pub use corpus::Corpus;`), with their module,
/// so `crate::Corpus` counts as a use of `corpus`.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = ident(rest).to_string();
        let tail = rest[module.len()..].trim_start_matches("::");
        let names = tail.trim_start_matches('{').trim_end_matches(';');
        for name in names.trim_end_matches('}').split(',') {
            map.insert(ident(name.trim()).to_string(), module.clone());
        }
    }
    map
}

#[test]
fn core_modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let reexported = reexports(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 10,
        "core sources not found in {}",
        src.display()
    );
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        if module == "lib" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!(
                "{module}: not in LAYERS; place it there and in lib.rs"
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for name in crate_names(&text) {
            let target = reexported.get(&name).cloned().unwrap_or(name);
            if target == module {
                continue;
            }
            match layer_of(&target) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!(
                    "{} uses crate::{target}, not below it",
                    file.strip_prefix(&src).unwrap_or(file).display()
                )),
                None => wrong.push(format!(
                    "{} uses crate::{target}: an unknown module or re-export",
                    file.strip_prefix(&src).unwrap_or(file).display()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "upward or sideways imports:\n{}",
        wrong.join("\n")
    );
}

/// The layers as the doc comment of `lib.rs` lists them: the backquoted
/// names before the colon of each numbered line (`//! 3. `model`: ...`).
fn documented_layers(lib: &str) -> Vec<Vec<String>> {
    lib.lines()
        .filter_map(|l| l.strip_prefix("//! "))
        .filter_map(|l| {
            let (number, rest) = l.split_once(". ")?;
            number.parse::<usize>().ok()?;
            let names = rest.split(':').next().unwrap_or_default();
            Some(
                names
                    .split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn lib_rs_lists_the_same_layers() {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let lib = std::fs::read_to_string(lib).unwrap_or_default();
    let layers: Vec<Vec<String>> = LAYERS
        .iter()
        .map(|l| l.iter().map(|m| m.to_string()).collect())
        .collect();
    assert_eq!(documented_layers(&lib), layers);
}

#[test]
fn crate_names_reads_groups_and_skips_comments() {
    assert_eq!(
        crate_names("use crate::{model::Sort, text};\n// crate::search\nlet x = crate::load::f();"),
        vec!["model", "text", "load"]
    );
}
