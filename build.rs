//! Build script: records the git commit the binary is built from, for `hashiya --version` and
//! Help > About (`HASHIYA_COMMIT`: short hash and commit date, or `unknown` outside a git
//! checkout, e.g. from a source archive; a `HASHIYA_COMMIT` in the environment wins).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=HASHIYA_COMMIT");
    // Rebuild when HEAD moves: HEAD itself, the branch it points at, and packed refs (these
    // paths are per worktree where git keeps them so).
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        let path = git(&["rev-parse", "--path-format=absolute", "--git-path", &name]);
        // A missing file would make cargo run this script (and rebuild) every time.
        if let Some(path) = path.filter(|p| std::path::Path::new(p).exists()) {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = std::env::var("HASHIYA_COMMIT").ok().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| {
        git(&["log", "-1", "--format=%h %cs", "--abbrev=10"]).unwrap_or_else(|| "unknown".to_string())
    });
    println!("cargo:rustc-env=HASHIYA_COMMIT={commit}");
}
