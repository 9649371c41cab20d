//! Embeds the shipped corpus (`briefings/`) so `brief` works from any folder
//! after `cargo install`: `src/demo.rs` includes the table written here.

// A build script speaks to cargo on its standard output.
#![allow(clippy::print_stdout)]

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

fn main() -> std::io::Result<()> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    // The shipped briefings sit at the top of the package, beside `src/`.
    let root = Path::new(&manifest);
    let dir = root.join("briefings");
    println!("cargo:rerun-if-changed=briefings");
    let mut rows = Vec::new();
    collect(&dir, root, &mut rows);
    let code = format!(
        "pub static FILES: &[(&str, &[u8])] = &[\n{}];\n",
        rows.concat()
    );
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    // A failure ends the build with the error.
    std::fs::write(Path::new(&out).join("embedded.rs"), code)
}
