//! State and record files: written whole or not at all (a temporary file renamed over
//! the old one), and the liveness of the process that wrote them.

use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

/// Write `value` as pretty JSON to `path` atomically, creating its directory.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    let body = serde_json::to_vec_pretty(value).expect("state serializes");
    let write = || fs::write(&tmp, &body).and_then(|_| fs::rename(&tmp, path));
    // The directory is made when missing, not looked for at every write: a thousand
    // VRRP instances write their files once a second.
    match write() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| Error::io(format!("create {}", dir.display()), e))?;
            }
            write()
        }
        r => r,
    }
    .map_err(|e| Error::io(format!("write {}", path.display()), e))
}

/// Whether process `pid` still runs (a state file of a dead process is stale).
pub fn pid_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}
