//! Names the commit the binary is built from, for `hakit --version`: HAKIT_COMMIT when set
//! (scripts/package.sh sets it), else what git says of this checkout, else "unknown".

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rerun-if-env-changed=HAKIT_COMMIT");
    let commit = std::env::var("HAKIT_COMMIT")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=HAKIT_COMMIT={commit}");
    // DT_RELR: the eleven thousand relative relocations of the binary packed into a few
    // kilobytes instead of 265 KB that the dynamic loader reads at every start and every
    // process keeps resident (GNU ld 2.38 and glibc 2.36 on; an older ld ignores it, and
    // ld leaves the relocations unpacked for a glibc without it).
    if std::env::var("TARGET").is_ok_and(|t| t.ends_with("-linux-gnu")) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    // A new commit (or another branch) builds again; paths that are not there are not
    // named, since cargo would then run this every time.
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        for p in ["HEAD", "refs/heads", "packed-refs"] {
            let p = Path::new(&dir).join(p);
            if p.exists() {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
    }
}
