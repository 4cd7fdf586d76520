//! keepalived.conf compatibility: read the file as it is ([`parse`], [`model`]), report
//! what is wrong or would be silently changed, turn it into hakit's own values
//! ([`convert`]) and into a hakit composition an admin can read ([`plan`]).

pub mod convert;
pub mod model;
pub mod parse;
pub mod plan;

use std::path::Path;

pub use model::Config;
pub use parse::{Diag, Level};

/// Read a keepalived.conf (and its includes): the configuration and every finding.
pub fn load(path: &Path) -> (Config, Vec<Diag>) {
    let mut diags = Vec::new();
    let nodes = parse::parse_file(path, &mut diags);
    let c = model::read(&nodes, &mut diags);
    (c, diags)
}

/// Errors among the findings.
pub fn errors(d: &[Diag]) -> usize {
    d.iter().filter(|x| x.level == Level::Error).count()
}
