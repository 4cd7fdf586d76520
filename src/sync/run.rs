//! Running rsync at the edge: one process per target (never through a shell), its
//! progress and statistics read from stdout, its complaint from stderr; and the lock that
//! keeps two syncs of one source from overlapping.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Instant;

use nix::fcntl::{Flock, FlockArg};

use serde::Serialize;

use super::rsync::{exit_reason, parse_progress, parse_stats, retryable, stderr_reason, Stats};
use crate::error::{Error, Result};

/// How one rsync run ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub target: String,
    pub ok: bool,
    /// rsync's exit status (-1: killed by a signal).
    pub exit: i32,
    /// What went wrong, in one line; empty on success.
    pub message: String,
    /// Worth trying again later (target down or slow), as opposed to a configuration
    /// mistake.
    #[serde(skip)]
    pub retryable: bool,
    pub stats: Stats,
    pub elapsed_ms: u64,
}

/// Children that are running, so a stopping watcher can end them.
pub static RUNNING: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Run `rsync ARGS` for `target`; `progress` gets each percentage rsync reports.
pub fn rsync(target: &str, args: &[OsString], mut progress: impl FnMut(u8)) -> Result<Outcome> {
    let start = Instant::now();
    let mut child = Command::new("rsync")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Failed(
                    "rsync is not installed (Debian package rsync: apt-get install rsync)".into(),
                )
            } else {
                Error::io("start rsync", e)
            }
        })?;
    let pid = child.id();
    RUNNING.lock().unwrap_or_else(|p| p.into_inner()).push(pid);
    let mut err = child.stderr.take().expect("piped");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let mut out = String::new();
    if let Some(o) = child.stdout.take() {
        // progress2 rewrites its line with \r; statistics come as lines.
        let mut r = BufReader::new(o);
        let mut chunk = Vec::new();
        loop {
            chunk.clear();
            let n = read_until_any(&mut r, &mut chunk);
            if n == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&chunk);
            if let Some(p) = parse_progress(&line) {
                progress(p);
            } else {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    let st = child.wait().map_err(|e| Error::io("wait for rsync", e))?;
    RUNNING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|p| *p != pid);
    let stderr = err_reader.join().unwrap_or_default();
    let exit = st.code().unwrap_or(-1);
    let message = if exit == 0 {
        String::new()
    } else if exit < 0 {
        "rsync was killed by a signal".into()
    } else {
        match stderr_reason(&stderr) {
            Some(r) => format!("rsync exit {exit} ({}): {r}", exit_reason(exit)),
            None => format!("rsync exit {exit} ({})", exit_reason(exit)),
        }
    };
    Ok(Outcome {
        target: target.to_string(),
        ok: exit == 0,
        exit,
        retryable: exit != 0 && retryable(exit, &stderr),
        message,
        stats: parse_stats(&out),
        elapsed_ms: start.elapsed().as_millis() as u64,
    })
}

/// Read up to and including the next \n or \r (without it).
fn read_until_any(r: &mut impl BufRead, out: &mut Vec<u8>) -> usize {
    let mut total = 0;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return total,
        };
        if buf.is_empty() {
            return total;
        }
        match buf.iter().position(|c| *c == b'\n' || *c == b'\r') {
            Some(i) => {
                out.extend_from_slice(&buf[..i]);
                r.consume(i + 1);
                return total + i + 1;
            }
            None => {
                let n = buf.len();
                out.extend_from_slice(buf);
                r.consume(n);
                total += n;
            }
        }
    }
}

/// End the rsync children that are running (a watcher stopping).
pub fn stop_all() {
    for pid in RUNNING.lock().unwrap_or_else(|p| p.into_inner()).iter() {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(*pid as i32),
            nix::sys::signal::Signal::SIGTERM,
        );
    }
}

/// A held lock on a source directory (released when dropped).
#[derive(Debug)]
pub struct Lock {
    _held: Flock<File>,
    pub path: PathBuf,
}

/// Take the lock of `source` (its canonical path), or say who holds it.
pub fn lock(state_dir: &Path, source: &Path) -> Result<Lock> {
    use md5::{Digest, Md5};
    // A pull's destination that rsync is yet to make: its parent's path and its name.
    let canon = source
        .canonicalize()
        .or_else(|e| match (source.parent(), source.file_name()) {
            (Some(p), Some(n)) => {
                let p = if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                };
                p.canonicalize().map(|p| p.join(n)).map_err(|_| e)
            }
            _ => Err(e),
        })
        .map_err(|e| Error::io(format!("{}", source.display()), e))?;
    let dir = super::state_root(state_dir).join("locks");
    fs::create_dir_all(&dir).map_err(|e| Error::io(format!("create {}", dir.display()), e))?;
    let hash: String = Md5::digest(canon.as_os_str().as_encoded_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let path = dir.join(format!("{hash}.lock"));
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(format!("open {}", path.display()), e))?;
    match Flock::lock(f, FlockArg::LockExclusiveNonblock) {
        Ok(mut held) => {
            let _ = held.set_len(0);
            let _ = writeln!(&mut *held, "{} {}", std::process::id(), canon.display());
            Ok(Lock { _held: held, path })
        }
        Err((mut f, nix::errno::Errno::EWOULDBLOCK)) => {
            let mut who = String::new();
            let _ = f.read_to_string(&mut who);
            let pid = who.split_whitespace().next().unwrap_or("?").to_string();
            Err(Error::Failed(format!(
                "another hakit sync of {} is running (pid {pid}); not overlapping it",
                canon.display()
            )))
        }
        Err((_, e)) => Err(Error::Failed(format!("lock {}: {e}", path.display()))),
    }
}
