//! The committed man pages and shell completions are generated from the clap definitions;
//! this test fails when they are stale. `HAKIT_BLESS=1 cargo test docs` (or
//! `scripts/gen-docs.sh`) regenerates them.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::support::project_dir;

/// Every page: hakit.1, hakit-vip.1, hakit-vip-add.1, ...
fn man_pages() -> BTreeMap<String, Vec<u8>> {
    fn walk(cmd: clap::Command, name: String, bin: String, out: &mut BTreeMap<String, Vec<u8>>) {
        let leaked: &'static str = Box::leak(name.clone().into_boxed_str());
        let cmd = cmd.name(leaked).bin_name(bin.clone());
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let sub_bin = format!("{bin} {}", sub.get_name());
            walk(
                sub.clone(),
                format!("{name}-{}", sub.get_name()),
                sub_bin,
                out,
            );
        }
        let mut extra = cmd
            .get_after_long_help()
            .map(|h| h.to_string())
            .unwrap_or_default();
        if !extra.contains("EXIT STATUS:") {
            extra = format!("{extra}\n\n{}", hakit::cli::EXIT_STATUS);
        }
        let has_subs = cmd.has_subcommands();
        let has_version = cmd.get_version().is_some();
        let man = clap_mangen::Man::new(cmd);
        let mut buf = Vec::new();
        man.render_title(&mut buf).unwrap();
        man.render_name_section(&mut buf).unwrap();
        man.render_synopsis_section(&mut buf).unwrap();
        man.render_description_section(&mut buf).unwrap();
        man.render_options_section(&mut buf).unwrap();
        if has_subs {
            man.render_subcommands_section(&mut buf).unwrap();
        }
        buf.extend(sections_roff(&extra).as_bytes());
        if has_version {
            man.render_version_section(&mut buf).unwrap();
        }
        out.insert(format!("{name}.1"), buf);
    }
    let mut out = BTreeMap::new();
    // The pages name the version, not the commit (that would make them stale at each).
    let mut cmd = hakit::cli::Cli::command().long_version(None::<&str>);
    cmd.build();
    walk(cmd, "hakit".into(), "hakit".into(), &mut out);
    out
}

/// Turn `HEADING:` blocks of help text into man sections with preformatted bodies.
fn sections_roff(text: &str) -> String {
    let mut out = String::new();
    let mut open = false;
    for line in text.trim().lines() {
        let is_heading = !line.starts_with(' ')
            && line.ends_with(':')
            && line
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == ' ' || c == ':');
        if is_heading {
            if open {
                out.push_str(".fi\n");
            }
            out.push_str(&format!(".SH \"{}\"\n.nf\n", line.trim_end_matches(':')));
            open = true;
        } else if open {
            let esc = line.replace('\\', "\\e").replace('-', "\\-");
            let esc = if esc.starts_with('.') || esc.starts_with('\'') {
                format!("\\&{esc}")
            } else {
                esc
            };
            out.push_str(&esc);
            out.push('\n');
        }
    }
    if open {
        out.push_str(".fi\n");
    }
    out
}

fn completions() -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for (shell, file) in [
        (Shell::Bash, "hakit.bash"),
        (Shell::Zsh, "_hakit"),
        (Shell::Fish, "hakit.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut hakit::cli::Cli::command(), "hakit", &mut buf);
        out.insert(file.to_string(), buf);
    }
    out
}

fn check_dir(dir: &Path, want: BTreeMap<String, Vec<u8>>) {
    let bless = std::env::var("HAKIT_BLESS").as_deref() == Ok("1");
    if bless {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).unwrap();
        for (name, body) in &want {
            std::fs::write(dir.join(name), body).unwrap();
        }
        return;
    }
    let mut have: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            have.insert(
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    let stale: Vec<&String> = want
        .iter()
        .filter(|(n, b)| have.get(*n) != Some(*b))
        .map(|(n, _)| n)
        .chain(have.keys().filter(|n| !want.contains_key(*n)))
        .collect();
    assert!(
        stale.is_empty(),
        "{} is stale ({stale:?}): run scripts/gen-docs.sh and commit the result",
        dir.display()
    );
}

#[test]
fn man_pages_are_current() {
    let pages = man_pages();
    assert!(pages.contains_key("hakit-vip-add.1"));
    assert!(pages.contains_key("hakit-rs-prep-arp-status.1"));
    let top = String::from_utf8_lossy(&pages["hakit.1"]).into_owned();
    for (name, body) in &pages {
        let body = String::from_utf8_lossy(body);
        assert!(
            body.contains(".SH \"EXIT STATUS\""),
            "{name} documents exit codes"
        );
    }
    assert!(top.contains("usage error or invalid input"));
    check_dir(&project_dir().join("man"), pages);
}

#[test]
fn completions_are_current() {
    check_dir(&project_dir().join("completions"), completions());
}
