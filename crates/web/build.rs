//! Copies the NL Design System component CSS from `node_modules` (installed by `npm ci`, which
//! the README's commands run first) into the build, so the binary serves it itself.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("../..");
    let css = root.join("node_modules/@utrecht/component-library-css/dist/index.css");
    println!("cargo:rerun-if-changed={}", css.display());
    println!("cargo:rerun-if-changed=../../locales");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("utrecht.css");
    match std::fs::read(&css) {
        Ok(bytes) => std::fs::write(&out, bytes).expect("OUT_DIR is writable"),
        Err(_) => panic!(
            "{} is missing: run `npm ci` in the repository root first (the README's `make` targets do)",
            css.display()
        ),
    }
}
