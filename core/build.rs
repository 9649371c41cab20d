//! Embeds the shipped corpus so `brief` works from any folder after `cargo install`.

use std::path::Path;

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, root, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            let rel = p.strip_prefix(root).unwrap_or(&p).display().to_string();
            let abs = p.canonicalize().unwrap_or(p.clone());
            out.push(format!(
                "    ({rel:?}, include_bytes!({:?})),\n",
                abs.display().to_string()
            ));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    // The shipped briefings sit at the top of the workspace, beside `core/`.
    let root = Path::new(&manifest).parent().unwrap_or(Path::new(".."));
    let dir = root.join("briefings");
    println!("cargo:rerun-if-changed=../briefings");
    let mut rows = Vec::new();
    collect(&dir, root, &mut rows);
    let code = format!(
        "pub static FILES: &[(&str, &[u8])] = &[\n{}];\n",
        rows.concat()
    );
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("embedded.rs"), code) {
        panic!("cannot write embedded corpus: {e}");
    }
}
