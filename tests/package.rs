//! The Debian package as an admin meets it: scripts/package.sh builds it from a clean copy
//! of the checkout, lintian finds no error or warning, dpkg installs it over an
//! /etc/hakit the admin already has, the binary, man pages, completions and links work
//! from the installed paths, systemd-analyze accepts every unit (all disabled), the
//! examples are valid, an upgrade keeps the configuration, and dpkg -r / -P remove what
//! they should. Named pkg_ so that test.sh runs it on its own (it builds in release mode
//! and installs into this machine).

use std::path::{Path, PathBuf};

use crate::support::{privileged, project_dir, run, sh, Netns, Run};

/// The package is purged again however the test ends.
struct Installed;

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = run("dpkg", ["-P", "hakit"], &[]);
        let _ = std::fs::remove_dir_all("/etc/hakit");
    }
}

fn sh_run(cmd: &str) -> Run {
    run("sh", ["-c", cmd], &[])
}

/// Build the package from `src` (a copy of the checkout) with `extra` arguments: its path.
fn package(src: &Path, target: &Path, out: &Path, commit: &str, extra: &[&str]) -> PathBuf {
    let mut args = vec![
        src.join("scripts/package.sh")
            .to_string_lossy()
            .into_owned(),
        "--out".into(),
        out.to_string_lossy().into_owned(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let r = run(
        "bash",
        &args,
        &[
            ("CARGO_TARGET_DIR", target.to_str().unwrap()),
            ("HAKIT_COMMIT", commit),
        ],
    );
    r.ok();
    PathBuf::from(r.stdout.trim())
}

/// The patterns of the linker script `script` that match no function of `binary` (its
/// symbol table, by `nm`).
fn hot_code_unmatched(script: &Path, binary: &Path) -> Vec<String> {
    let mut syms: Vec<String> = sh(&format!("nm --defined-only {}", binary.display()))
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() == 3 && (f[1] == "t" || f[1] == "T")).then(|| f[2].to_string())
        })
        .collect();
    syms.sort();
    let text = std::fs::read_to_string(script).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("*(.text.")?.split(' ').next())
        .filter(|pat| {
            let prefix = pat.split('*').next().unwrap_or("");
            let from = syms.partition_point(|s| s.as_str() < prefix);
            !syms[from..]
                .iter()
                .take_while(|s| s.starts_with(prefix))
                .any(|s| glob(pat, s))
        })
        .map(str::to_string)
        .collect()
}

/// Whether `name` matches `pat`, whose one wildcard is `*`.
fn glob(pat: &str, name: &str) -> bool {
    let parts: Vec<&str> = pat.split('*').collect();
    let Some(mut rest) = name.strip_prefix(parts[0]) else {
        return false;
    };
    let Some((last, middle)) = parts[1..].split_last() else {
        return rest.is_empty();
    };
    for p in middle {
        match rest.find(p) {
            Some(i) => rest = &rest[i + p.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[test]
fn glob_takes_star_as_any_run() {
    assert!(glob(
        "_ZN5hakit2lb3run17h*",
        "_ZN5hakit2lb3run17h0123456789abcdefE"
    ));
    assert!(!glob(
        "_ZN5hakit2lb3run17h*",
        "_ZN5hakit2lb4stop17h0123456789abcdefE"
    ));
    assert!(glob("_RNvCs*_3std4main", "_RNvCsjrHSE_3std4main"));
    assert!(!glob("_RNvCs*_3std4main", "_RNvCsjrHSE_3std4mainX"));
    assert!(glob("a*b*c", "abc") && glob("a*b*c", "a__b__c") && !glob("a*b*c", "acb"));
    assert!(glob("exact", "exact") && !glob("exact", "exactly"));
}

/// `file` with the example lines uncommented: `#-...` and their `#  ...` continuations,
/// `#ARGS=...`, `#DIR=`, `#TARGETS=`.
fn uncommented(file: &Path) -> String {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let body = l.strip_prefix('#')?;
            let example = body.starts_with('-')
                || body.starts_with("  -")
                || ["ARGS=", "DIR=", "TARGETS="]
                    .iter()
                    .any(|k| body.starts_with(k));
            example.then(|| body.to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn pkg_debian_package_builds_installs_upgrades_and_is_removed() {
    if !privileged("pkg_debian_package_builds_installs_upgrades_and_is_removed") {
        return;
    }
    let project = project_dir();
    let work = std::env::temp_dir().join(format!("hakit-pkg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let (src, out) = (work.join("src"), work.join("out"));
    std::fs::create_dir_all(&src).unwrap();
    // A clean checkout: the files git knows (committed or not yet, but not ignored), no
    // build output, no .git.
    sh(&format!(
        "cd {} && git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C {}",
        project.display(),
        src.display()
    ));
    let commit = sh(&format!(
        "git -C {} rev-parse --short=12 HEAD",
        project.display()
    ))
    .trim()
    .to_string();
    // Its own target directory (release builds do not disturb the tests' debug ones),
    // kept between runs.
    let target = project.join("target/package");
    let v1 = package(&src, &target, &out, &commit, &[]);
    let version = sh(&format!("dpkg-deb -f {} Version", v1.display()))
        .trim()
        .to_string();
    assert!(
        v1.ends_with(format!(
            "hakit_{version}_{}.deb",
            sh("dpkg --print-architecture").trim()
        )),
        "{}",
        v1.display()
    );
    let next = format!("{version}+1");
    let v2 = package(
        &src,
        &target,
        &out,
        &commit,
        &[
            "--version",
            &next,
            "--binary",
            target.join("release/hakit").to_str().unwrap(),
        ],
    );

    // lintian: no error, no warning. (Accepted: pedantic manual-page-for-system-command,
    // since hakit's man pages are section 1 for its user-facing subcommands too, and the
    // informational package-supports-alternative-init-but-no-init.d-script: the units
    // are systemd's; elsewhere any supervisor runs the commands.)
    let l = run(
        "lintian",
        ["--fail-on", "error,warning", v1.to_str().unwrap()],
        &[],
    );
    assert!(
        l.code == 0
            && !l
                .stdout
                .lines()
                .any(|x| x.starts_with("E:") || x.starts_with("W:")),
        "lintian:\n{}{}",
        l.stdout,
        l.stderr
    );

    // The admin already has an /etc/hakit/lb.conf: installing keeps it (dpkg's default
    // answer, Enter at its question) and puts the package's beside it.
    let _ = run("dpkg", ["-P", "hakit"], &[]);
    let _ = std::fs::remove_dir_all("/etc/hakit");
    let _ = std::fs::remove_dir_all("/run/hakit");
    std::fs::create_dir_all("/etc/hakit").unwrap();
    let mine = "-t 10.0.0.1:80 -r 10.0.0.2:80  # the admin's own\n";
    std::fs::write("/etc/hakit/lb.conf", mine).unwrap();
    let installed = Installed;
    sh_run(&format!("printf '\\n' | dpkg -i {}", v1.display())).ok();
    assert_eq!(std::fs::read_to_string("/etc/hakit/lb.conf").unwrap(), mine);
    assert!(Path::new("/etc/hakit/lb.conf.dpkg-dist").exists());
    assert!(Path::new("/etc/hakit/vrrp-VI_1.conf").exists());
    assert!(
        Path::new("/run/hakit").is_dir(),
        "tmpfiles.d made /run/hakit"
    );

    // From the installed paths: the version and commit, the links, man, completion.
    run("/usr/sbin/hakit", ["--version"], &[])
        .ok()
        .stdout_has(&format!("hakit {version} (commit {commit})"));
    run("/usr/sbin/hakit", ["--help"], &[])
        .ok()
        .stdout_has("Usage: hakit");
    // The release build put the daemons' code first and together (link/hot-code.ld), and
    // the functions named there are this build's: a dependency or compiler update changes
    // the hashes that some names keep (run scripts/hot-code.sh again). Not checked when the
    // tester turned the layout off (HAKIT_HOT_CODE=0, as a build with mold or gold needs).
    if std::env::var("HAKIT_HOT_CODE").as_deref() == Ok("0") {
        eprintln!("HAKIT_HOT_CODE=0: the code layout is not checked");
    } else {
        let sections = sh("readelf -SW /usr/sbin/hakit");
        assert!(
            sections.contains(" .text.hot "),
            "build.rs left the code layout out (HAKIT_HOT_CODE=0 to test such a build):\n{sections}"
        );
        let built = target.join("release/hakit");
        let stale = hot_code_unmatched(&project.join("link/hot-code.ld"), &built);
        assert!(
            stale.is_empty(),
            "link/hot-code.ld names functions this build does not have: run \
             scripts/hot-code.sh again ({} of them, first {:?})",
            stale.len(),
            stale.first()
        );
    }
    // Nothing of the C math library is used but pow, which hakit defines (src/ffi.rs).
    let needed = sh("readelf -dW /usr/sbin/hakit");
    assert!(
        needed.contains("libc.so") && !needed.contains("libm.so"),
        "{needed}"
    );
    run("/usr/sbin/hakit-vip", ["list", "--json"], &[]).ok();
    let listed = sh("dpkg-query -L hakit");
    assert!(
        listed.contains("/usr/sbin/hakit-vip\n") && !listed.contains("ipvsadm"),
        "the links, but not ipvsadm (Debian's ipvsadm owns the name):\n{listed}"
    );
    for page in ["hakit", "hakit-lb-run"] {
        assert_eq!(
            sh(&format!("man -w {page}")).trim(),
            format!("/usr/share/man/man1/{page}.1.gz")
        );
    }
    let page = sh("MANWIDTH=80 man -P cat hakit-vrrp-run 2>/dev/null");
    assert!(page.contains("EXIT STATUS"), "{page}");
    let completed = sh(
        "bash -c '. /usr/share/bash-completion/completions/hakit; COMP_WORDS=(hakit vi); \
         COMP_CWORD=1; COMP_LINE=\"hakit vi\"; COMP_POINT=8; _hakit hakit vi hakit; echo \"${COMPREPLY[*]}\"'",
    );
    assert_eq!(completed.trim(), "vip");
    for f in [
        "/usr/share/zsh/vendor-completions/_hakit",
        "/usr/share/fish/vendor_completions.d/hakit.fish",
    ] {
        assert!(Path::new(f).exists(), "{f}");
    }

    // Every unit passes systemd-analyze verify, and none is enabled.
    let units = [
        "hakit-lb.service",
        "hakit-bgp.service",
        "hakit-vrrp@VI_1.service",
        "hakit-sync-watch@html.service",
    ];
    for u in units {
        let file = format!(
            "/lib/systemd/system/{}",
            u.replace("@VI_1", "@").replace("@html", "@")
        );
        assert!(Path::new(&file).exists(), "{file}");
        let v = run(
            "systemd-analyze",
            ["verify", &format!("/lib/systemd/system/{u}")],
            &[("SYSTEMD_LOG_LEVEL", "notice")],
        );
        assert!(
            v.code == 0 && v.stderr.trim().is_empty(),
            "{u}: {}{}",
            v.stdout,
            v.stderr
        );
        let e = run("systemctl", ["--root=/", "is-enabled", u], &[]);
        assert_eq!(e.stdout.trim(), "disabled", "{u}");
    }

    // The examples are valid: lb.conf's services start a checker (in a namespace of
    // this test with no way out: its checks go nowhere), and the VRRP ARGS start a
    // speaker through the unit's own `eval`, on a veth of that namespace.
    let ns = Netns::new("pkg");
    ns.ip("link add eth0 type veth peer name eth1");
    ns.ip("link set eth1 up");
    ns.ip("addr add 192.168.139.1/24 dev eth0");
    ns.ip("link set eth0 up");
    let lb = work.join("lb.conf");
    std::fs::write(&lb, uncommented(Path::new("/etc/hakit/lb.conf.dpkg-dist"))).unwrap();
    let lb_run = sh_run(&format!(
        "ip netns exec {} timeout 2 /usr/sbin/hakit --state-dir {} lb run --dry-run --dataplane ipvs --file {}",
        ns.name,
        work.join("state").display(),
        lb.display()
    ));
    assert_eq!(lb_run.code, 124, "lb.conf's examples: {}", lb_run.stderr);
    for args in uncommented(Path::new("/etc/hakit/vrrp-VI_1.conf")).lines() {
        let conf = work.join("vrrp.conf");
        std::fs::write(&conf, format!("{args}\n")).unwrap();
        let v = sh_run(&format!(
            "ip netns exec {} timeout 1 sh -c '. {}; eval exec /usr/sbin/hakit --state-dir {} vrrp run --name VI_1 \"$ARGS\"'",
            ns.name,
            conf.display(),
            work.join("state").display()
        ));
        assert_eq!(v.code, 124, "{args}: {}", v.stderr);
    }
    assert!(
        !uncommented(Path::new("/etc/hakit/sync-html.env")).is_empty()
            && !uncommented(Path::new("/etc/hakit/bgp.conf")).is_empty()
    );

    // The upgrade keeps the admin's files, edited or their own, without asking.
    sh("echo '# edited' >> /etc/hakit/vrrp-VI_1.conf");
    sh_run(&format!("dpkg -i {} </dev/null", v2.display())).ok();
    assert_eq!(sh("dpkg-query -W -f '${Version}' hakit"), next);
    assert_eq!(std::fs::read_to_string("/etc/hakit/lb.conf").unwrap(), mine);
    assert!(sh("cat /etc/hakit/vrrp-VI_1.conf").ends_with("# edited\n"));

    // dpkg -r: everything but the conffiles goes; dpkg -P: those too.
    let files: Vec<String> = sh("dpkg-query -L hakit")
        .lines()
        .filter(|p| !Path::new(p).is_dir())
        .map(String::from)
        .collect();
    let conffiles: Vec<String> = sh("dpkg-query -W -f '${Conffiles}' hakit")
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect();
    assert_eq!(conffiles.len(), 4, "{conffiles:?}");
    assert!(files.len() > 100, "{} files", files.len());
    sh("dpkg -r hakit");
    for f in &files {
        let there = std::fs::symlink_metadata(f).is_ok();
        assert_eq!(there, conffiles.contains(f), "{f} after dpkg -r");
    }
    sh("dpkg -P hakit");
    assert!(
        !Path::new("/etc/hakit").exists(),
        "/etc/hakit after dpkg -P"
    );
    assert_eq!(sh_run("dpkg-query -W hakit").code, 1);
    drop(installed);
    let _ = std::fs::remove_dir_all(&work);
}
