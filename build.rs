//! Names the commit the binary is built from, for `hakit --version`: HAKIT_COMMIT when set
//! (scripts/package.sh sets it), else what git says of this checkout, else "unknown".
//! Links the binary with packed relative relocations where the C library allows it, and
//! with the daemons' functions together (link/hot-code.ld) in release builds.

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
    // DT_RELR: the eleven thousand relative relocations of the binary packed into a few
    // kilobytes instead of 265 KB that the dynamic loader reads at every start and every
    // process keeps resident. The binary then needs glibc 2.36 (GLIBC_ABI_DT_RELR), so
    // only for a native, dynamically linked build on a glibc that has it.
    if packed_relocations_fit() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    // The functions the daemons run, first and together in the code (link/hot-code.ld,
    // written by scripts/hot-code.sh): the kernel maps code 64 KiB around each page first
    // run, so spread over the binary they kept 4 MiB of it resident. A linker script with
    // INSERT keeps the linker's own layout for everything else; GNU ld and lld take it
    // (both tried), mold and gold do not, and HAKIT_HOT_CODE=0 leaves it out for a linker
    // chosen where this cannot see (a wrapper, `mold -run`). Release builds only (a debug
    // build's code is not what runs).
    println!("cargo:rerun-if-env-changed=HAKIT_HOT_CODE");
    let script = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("link/hot-code.ld");
    if script.exists() {
        println!("cargo:rerun-if-changed=link/hot-code.ld");
        if hot_code_fits() {
            // -Xlinker pairs, not -Wl,: a path may hold a comma.
            for a in ["-Xlinker", "-T", "-Xlinker", &script.display().to_string()] {
                println!("cargo:rustc-link-arg-bins={a}");
            }
        }
    }
}

/// A release build for Linux, not turned off (HAKIT_HOT_CODE=0), its linker not chosen as
/// mold or gold in RUSTFLAGS (`-fuse-ld=mold`, `-Clink-arg=-fuse-ld=gold`, ...).
fn hot_code_fits() -> bool {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let other_linker = flags
        .split(['\x1f', ' ', '='])
        .any(|f| f.ends_with("mold") || f.ends_with("gold"));
    var("PROFILE") == "release"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("HAKIT_HOT_CODE") != "0"
        && !other_linker
}

/// A native gnu build, not static, on glibc 2.36 or later (`getconf GNU_LIBC_VERSION`).
fn packed_relocations_fit() -> bool {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if !var("TARGET").ends_with("-linux-gnu") || var("TARGET") != var("HOST") || static_crt {
        return false;
    }
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.trim().strip_prefix("glibc ").unwrap_or("");
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (2, 36)
}
