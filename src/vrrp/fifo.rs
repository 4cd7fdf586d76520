//! keepalived's notify FIFOs (notify_fifo, vrrp_notify_fifo): every notification as one
//! line, `INSTANCE "VI_1" MASTER 100`, for a reader that outlives notify scripts.
//!
//! As keepalived: the FIFO is created (mode 0600) when missing and removed at exit when
//! created here; it is opened read-write and non-blocking, so a missing or slow reader
//! never stalls VRRP (lines wait in the pipe, 64 KiB of them, until one reads); a path
//! that is not a FIFO owned by this user is refused. Unlike keepalived, which logs and
//! carries on without the FIFO, a refused FIFO is an error at start: a reader the admin
//! relies on would otherwise hear nothing.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::Path;

use nix::sys::stat::Mode;

use super::options::FifoConf;
use crate::error::{Error, Result};
use crate::process::Reaper;

/// One open notify FIFO.
pub struct Fifo {
    conf: FifoConf,
    file: File,
    /// Created by this process: removed when it is done with it.
    created: bool,
    /// Lines dropped since the pipe filled.
    dropped: u64,
}

fn kind_of(path: &Path) -> &'static str {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => "a symbolic link",
        Ok(m) if m.is_dir() => "a directory",
        Ok(m) if m.is_file() => "a regular file",
        Ok(m) if m.file_type().is_socket() => "a socket",
        Ok(m) if m.file_type().is_char_device() || m.file_type().is_block_device() => "a device",
        _ => "not a FIFO",
    }
}

impl Fifo {
    /// Create (when missing) and open the FIFO of `conf`, then start its reader command,
    /// if any, with the path appended.
    pub fn open(conf: &FifoConf, reaper: &mut Reaper) -> Result<Fifo> {
        let path = &conf.path;
        let what = || format!("notify FIFO {}", path.display());
        let created = match nix::unistd::mkfifo(path, Mode::S_IRUSR | Mode::S_IWUSR) {
            Ok(()) => true,
            Err(nix::errno::Errno::EEXIST) => false,
            Err(e) => {
                return Err(Error::Failed(format!(
                    "{}: cannot create it: {}",
                    what(),
                    std::io::Error::from(e)
                )))
            }
        };
        let refuse = |why: String| {
            if created {
                let _ = std::fs::remove_file(path);
            }
            Error::Failed(format!("{}: {why}", what()))
        };
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
            .open(path)
            .map_err(|e| match e.raw_os_error() {
                Some(libc::ELOOP) => refuse(
                    "is a symbolic link; name the FIFO itself (keepalived refuses it too)".into(),
                ),
                _ => refuse(format!("cannot open it: {e}")),
            })?;
        let meta = file
            .metadata()
            .map_err(|e| refuse(format!("cannot read it: {e}")))?;
        if !meta.file_type().is_fifo() {
            return Err(refuse(format!(
                "is {}, not a FIFO: remove it, or name a path that does not exist (it is created)",
                kind_of(path)
            )));
        }
        let me = nix::unistd::geteuid().as_raw();
        if meta.uid() != me {
            return Err(refuse(format!(
                "belongs to uid {}, not to this user ({me}): a FIFO someone else planted is not written to",
                meta.uid()
            )));
        }
        if let Some(argv) = &conf.script {
            let arg = path.display().to_string();
            reaper
                .spawn(argv, &[arg])
                .map_err(|e| refuse(format!("its reader {:?} cannot start: {e}", argv[0])))?;
        }
        log::info!(
            "notify FIFO {}{}",
            path.display(),
            if created { " (created)" } else { "" }
        );
        Ok(Fifo {
            conf: conf.clone(),
            file,
            created,
            dropped: 0,
        })
    }

    pub fn conf(&self) -> &FifoConf {
        &self.conf
    }

    /// Write one line. A full pipe (no reader keeping up) drops it: said once, and how
    /// many were lost when lines flow again.
    pub fn write(&mut self, line: &str) {
        // A line under PIPE_BUF (4096) goes in whole or not at all.
        match self.file.write_all(line.as_bytes()) {
            Ok(_) => {
                if self.dropped > 0 {
                    log::warn!(
                        "notify FIFO {}: a reader drains it again; {} line(s) were dropped while it was full",
                        self.conf.path.display(),
                        self.dropped
                    );
                    self.dropped = 0;
                }
            }
            Err(e) => {
                if self.dropped == 0 {
                    log::warn!(
                        "notify FIFO {}: {}; lines are dropped until a reader drains it",
                        self.conf.path.display(),
                        if e.kind() == std::io::ErrorKind::WouldBlock {
                            "full (no reader is keeping up)".to_string()
                        } else {
                            e.to_string()
                        }
                    );
                }
                self.dropped += 1;
            }
        }
    }
}

impl Drop for Fifo {
    fn drop(&mut self) {
        // Removed first, as keepalived does, so a reader that reopens it in a loop does
        // not find it again.
        if self.created {
            let _ = std::fs::remove_file(&self.conf.path);
        }
    }
}

/// Open every FIFO of `confs` (the same path twice is one FIFO).
pub fn open_all(confs: &[FifoConf], reaper: &mut Reaper) -> Result<Vec<Fifo>> {
    let mut out: Vec<Fifo> = Vec::new();
    for c in confs {
        if out.iter().any(|f| f.conf.path == c.path) {
            continue;
        }
        out.push(Fifo::open(c, reaper)?);
    }
    Ok(out)
}
