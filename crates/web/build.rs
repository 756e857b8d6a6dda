//! Copies the front-end packages from `node_modules` (installed by `npm ci`, which the README's
//! commands run first) into the build, so the binary serves them itself: the NL Design System
//! component CSS and Leaflet for the maps.

use std::path::PathBuf;

/// (file in node_modules, name in OUT_DIR)
const ASSETS: &[(&str, &str)] = &[
    (
        "@utrecht/component-library-css/dist/index.css",
        "utrecht.css",
    ),
    ("leaflet/dist/leaflet.js", "leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet.css"),
];

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("../..");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed=../../locales");
    for (source, name) in ASSETS {
        let path = root.join("node_modules").join(source);
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read(&path) {
            Ok(bytes) => std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable"),
            Err(_) => panic!(
                "{} is missing: run `npm ci` in the repository root first (the README's `make` targets do)",
                path.display()
            ),
        }
    }
}
