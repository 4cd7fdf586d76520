//! State and record files: written whole or not at all (a temporary file renamed over
//! the old one), and the liveness of the process that wrote them.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

/// Write `value` as JSON to `path` atomically, creating its directory. The JSON is
/// compact and streamed to the file: a checker's state with a thousand real servers is
/// not built in memory first.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    write_with(path, |f| {
        serde_json::to_writer(f, value).map_err(std::io::Error::other)
    })
}

/// Write what `body` writes, then a newline, to `path` atomically (through a file beside
/// it, renamed), creating its directory.
pub fn write_with(
    path: &Path,
    body: impl Fn(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    let write = || {
        let mut f = std::io::BufWriter::with_capacity(16 * 1024, fs::File::create(&tmp)?);
        body(&mut f)?;
        f.write_all(b"\n")?;
        f.into_inner().map_err(|e| e.into_error())?;
        fs::rename(&tmp, path)
    };
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

/// Whether process `pid` still runs (a state file of a dead process is stale). A zombie
/// (killed, its parent not yet told) runs no more.
pub fn pid_alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| running(&s))
}

/// Whether a /proc/PID/stat line is of a process that runs: its state (the first field
/// after the name, which is in parentheses and may hold any character) is not Z or X.
fn running(stat: &str) -> bool {
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next())
        .is_some_and(|state| state != 'Z' && state != 'X')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zombie_or_a_missing_process_does_not_run() {
        assert!(running("15520 (hakit) S 1 15520 ..."));
        assert!(running("7 (a) b) R 1"), "a name with a parenthesis");
        assert!(!running("15520 (hakit) Z 1 15520 ..."));
        assert!(!running("15520 (hakit) X 1"));
        assert!(!running(""));
        assert!(pid_alive(std::process::id()));
        // A child killed and not yet waited for is a zombie.
        let mut c = std::process::Command::new("sleep")
            .arg("10")
            .spawn()
            .unwrap();
        c.kill().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(!pid_alive(c.id()));
        c.wait().unwrap();
        assert!(!pid_alive(c.id()));
    }
}
