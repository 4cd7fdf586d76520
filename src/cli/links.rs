//! `hakit links DIR`: install the `hakit-GROUP` symlinks of the multi-call binary.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::PathBuf;

use clap::Args;

use super::{groups, Exit, Out};
use crate::error::Error;

/// Install symlinks `hakit-GROUP` -> this binary in DIR (idempotent).
///
/// A symlink that already points at this binary is left alone; any other file of that name
/// is an error unless --force replaces it.
#[derive(Args, Debug)]
pub struct LinksArgs {
    /// Directory to create the links in (e.g. /usr/local/sbin).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Replace files or links of the same name that point elsewhere.
    #[arg(long)]
    force: bool,
    /// Also link `ipvsadm` (the ipvsadm personality; do not shadow a real ipvsadm you need).
    #[arg(long)]
    ipvsadm: bool,
}

pub fn exec(a: &LinksArgs, out: &Out) -> Exit {
    let exe = std::env::current_exe().map_err(|e| Error::io("find this binary's path", e))?;
    if !a.dir.is_dir() {
        return Err(Error::invalid(format!(
            "{} is not a directory",
            a.dir.display()
        )));
    }
    let mut names: Vec<String> = groups().iter().map(|g| format!("hakit-{g}")).collect();
    if a.ipvsadm {
        names.push("ipvsadm".into());
    }
    for name in names {
        let link = a.dir.join(&name);
        if fs::symlink_metadata(&link).is_ok() {
            if fs::read_link(&link).ok().as_ref() == Some(&exe) {
                out.line(format!(
                    "{} already links to {}",
                    link.display(),
                    exe.display()
                ));
                continue;
            }
            if !a.force {
                return Err(Error::Failed(format!(
                    "{} exists and is not a link to {} (--force replaces it)",
                    link.display(),
                    exe.display()
                )));
            }
            fs::remove_file(&link)
                .map_err(|e| Error::io(format!("remove {}", link.display()), e))?;
        }
        symlink(&exe, &link).map_err(|e| Error::io(format!("create {}", link.display()), e))?;
        out.line(format!("{} -> {}", link.display(), exe.display()));
    }
    Ok(0)
}
