//! With the `embedded-web` feature, compiles the built web app (`client-wasm/web/dist`, or the
//! directory named by `PDE_WEB_DIST`) into the binary: a table of every file with its MIME
//! type and its precompressed gzip and Brotli forms (written by the web build). Without the
//! feature the table is empty and the server serves `--web-dir`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=PDE_WEB_DIST");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let table = if std::env::var_os("CARGO_FEATURE_EMBEDDED_WEB").is_some() {
        let manifest =
            PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
        let dist = std::env::var_os("PDE_WEB_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| manifest.join("../client-wasm/web/dist"));
        println!("cargo:rerun-if-changed={}", dist.display());
        if !dist.join("index.html").is_file() {
            panic!(
                "the embedded-web feature needs the built web app in {}: build it first \
                 (cargo xtask test --only web-build, or npm run build in client-wasm/web)",
                dist.display()
            );
        }
        embedded_table(&dist)
    } else {
        "&[]".to_owned()
    };
    let code = format!(
        "/// Every file of the embedded web app.\npub static FILES: &[EmbeddedFile] = {table};\n"
    );
    std::fs::write(out.join("embedded_web.rs"), code).expect("writing the embedded table");
}

fn embedded_table(dist: &Path) -> String {
    let mut files = Vec::new();
    walk(dist, &mut files);
    files.sort();
    let mut table = String::from("&[\n");
    for file in files {
        let name = file.to_string_lossy();
        if name.ends_with(".gz") || name.ends_with(".br") {
            continue;
        }
        let rel = file
            .strip_prefix(dist)
            .expect("under dist")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let sibling = |ext: &str| {
            let p = PathBuf::from(format!("{name}.{ext}"));
            if p.is_file() {
                format!(
                    "Some(include_bytes!({:?}))",
                    p.canonicalize().expect("exists")
                )
            } else {
                "None".to_owned()
            }
        };
        let _ = writeln!(
            table,
            "    EmbeddedFile {{ path: {:?}, mime: {:?}, raw: include_bytes!({:?}), gzip: {}, br: {} }},",
            format!("/{rel}"),
            mime_of(&rel),
            file.canonicalize().expect("exists"),
            sibling("gz"),
            sibling("br"),
        );
    }
    table.push(']');
    table
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("reading the web app directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The MIME type of the file kinds a Vite build writes.
fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "txt" | "ftl" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}
