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
    Ok((c, diags))
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
    for d in diags.iter().filter(|d| d.level == Level::Warning) {
        log::warn!("{d}");
    }
    Ok(c)
}

/// Errors among the findings.
pub fn errors(d: &[Diag]) -> usize {
    d.iter().filter(|x| x.level == Level::Error).count()
}
