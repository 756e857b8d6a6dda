//! Embeds the migrations of both databases (`migrations/sqlite`, `migrations/postgres`) in the
//! build, so the binary brings its own schema; see `src/migrate.rs`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut code = String::new();
    for (name, folder) in [("SQLITE", "sqlite"), ("POSTGRES", "postgres")] {
        let dir = Path::new(&root).join("migrations").join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        let _ = writeln!(code, "pub(crate) const {name}: &[Migration] = &[");
        for path in files {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a migration's name is text");
            let (version, description) = stem
                .split_once('_')
                .unwrap_or_else(|| panic!("{stem}: a migration is named NNNN_description.sql"));
            let version: i64 = version
                .parse()
                .unwrap_or_else(|_| panic!("{stem}: a migration's name starts with its number"));
            let _ = writeln!(
                code,
                "    Migration {{ version: {version}, description: {:?}, sql: include_str!({:?}) }},",
                description.replace('_', " "),
                path.display().to_string()
            );
        }
        let _ = writeln!(code, "];");
    }
    std::fs::write(Path::new(&out).join("migrations.rs"), code).expect("writing migrations.rs");
}
