//! keepalived.conf compatibility: read the file as it is ([`parse`], [`model`]), report
//! what is wrong or would be silently changed, turn it into hakit's own values
//! ([`convert`]) and into a hakit composition an admin can read ([`plan`]).

pub mod convert;
pub mod gaps;
pub mod model;
pub mod parse;
pub mod plan;

use std::path::Path;

pub use model::Config;
pub use parse::{Diag, Level};

use crate::error::{Error, Result};

/// Read a keepalived.conf (and its includes): the configuration and every finding, as
/// `conf check` shows them. A file that is not there is a usage error.
pub fn read(path: &Path) -> Result<(Config, Vec<Diag>)> {
    if !path.exists() {
        return Err(Error::invalid(format!("{}: no such file", path.display())));
    }
    let mut diags = Vec::new();
    let c = model::read_file(path, &mut diags);
    in_file_order(&mut diags);
    Ok((c, diags))
}

/// Findings in the order of the places they name: by line and column within a file, the
/// files in the order they were first named (the real servers' come as the parser closes
/// each, before the rest of the file is read).
fn in_file_order(d: &mut [Diag]) {
    let mut files: Vec<std::sync::Arc<Path>> = Vec::new();
    for x in d.iter() {
        if !files.contains(&x.loc.file) {
            files.push(x.loc.file.clone());
        }
    }
    d.sort_by_key(|x| {
        let file = files.iter().position(|f| *f == x.loc.file);
        (file, x.loc.line, x.loc.col)
    });
}

/// Read a keepalived.conf to act on it, the one way every command that runs or plans it
/// does: a file with errors is refused (a usage error, exit 2) in one line, with its first
/// error, how many more there are, and the command that lists them all; otherwise its
/// warnings are logged.
pub fn load(path: &Path) -> Result<Config> {
    let (c, diags) = read(path)?;
    if let Some(first) = diags.iter().find(|d| d.level == Level::Error) {
        let n = errors(&diags);
        return Err(Error::invalid(format!(
            "{first}{} (hakit conf check {} lists every finding)",
            if n > 1 {
                format!(", and {} more error{}", n - 1, if n > 2 { "s" } else { "" })
            } else {
                String::new()
            },
            path.display()
        )));
    }
    // The log says "warning:" already.
    for d in diags.iter().filter(|d| d.level == Level::Warning) {
        log::warn!("{}: {}", d.loc, d.msg);
    }
    Ok(c)
}

/// Errors among the findings.
pub fn errors(d: &[Diag]) -> usize {
    d.iter().filter(|x| x.level == Level::Error).count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn findings_come_in_the_order_of_the_file() {
        // An unknown global keyword (found when the model is read) before a bad real
        // server (found while parsing).
        let dir = std::env::temp_dir().join(format!("hakit-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("k.conf");
        std::fs::write(
            &f,
            "global_defs {\n bogus_global 1\n}\nvirtual_server 10.0.0.1 80 {\n real_server 10.0.0.x 80 {\n }\n}\n",
        )
        .unwrap();
        let (_, d) = super::read(&f).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let lines: Vec<u32> = d.iter().map(|x| x.loc.line).collect();
        assert!(lines.len() >= 2 && lines.is_sorted(), "{d:?}");
        assert_eq!(lines[0], 2, "{d:?}");
    }
}
