//! The durable queue of one watch target: paths waiting to be pushed survive a crash or a
//! restart, so the watcher loses nothing. Files in the queue's directory:
//!
//! - `pending`: NUL-separated paths (relative to the watched root), appended and synced
//!   by the watcher;
//! - `sending`: the batch in flight, rewritten (deduplicated) from `pending` when a push
//!   starts and removed when it succeeds; a failed or interrupted push leaves it for the
//!   next try;
//! - `full`: a full sync is owed (initial sync, inotify queue overflow).
//!
//! One process owns a queue (the watch lock); inside it a mutex orders the watcher's
//! appends and the pusher's takes.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What a push must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Batch {
    /// Everything (then the listed paths are covered too).
    Full,
    /// The paths listed (NUL-separated) in this file, and how many.
    Files(PathBuf, usize),
}

/// How the last push went, kept beside the queue for `sync status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Last {
    /// RFC 3339 UTC.
    pub at: String,
    pub ok: bool,
    pub message: String,
    /// Failed pushes in a row.
    pub failures: u32,
    /// How long the push took (rsync's run).
    #[serde(default)]
    pub duration_ms: u64,
}

pub struct Queue {
    pub dir: PathBuf,
    lock: Mutex<()>,
}

fn io(what: &str, p: &Path, e: std::io::Error) -> Error {
    Error::io(format!("{what} {}", p.display()), e)
}

fn read_list(p: &Path) -> Result<Vec<Vec<u8>>> {
    match fs::read(p) {
        Ok(b) => Ok(b
            .split(|c| *c == 0)
            .filter(|s| !s.is_empty())
            .map(<[u8]>::to_vec)
            .collect()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(vec![]),
        Err(e) => Err(io("read", p, e)),
    }
}

/// Keep the first occurrence of each path, in order.
pub fn dedup(paths: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    let mut seen = HashSet::new();
    paths
        .into_iter()
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

impl Queue {
    pub fn open(dir: &Path) -> Result<Queue> {
        fs::create_dir_all(dir).map_err(|e| io("create", dir, e))?;
        Ok(Queue {
            dir: dir.to_path_buf(),
            lock: Mutex::new(()),
        })
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Append paths, durably (synced before returning).
    pub fn push<P: AsRef<OsStr>>(&self, paths: &[P]) -> Result<()> {
        if paths.is_empty() {
            return Ok(());
        }
        let _g = self.guard();
        let p = self.dir.join("pending");
        let mut buf = Vec::new();
        for x in paths {
            buf.extend_from_slice(x.as_ref().as_bytes());
            buf.push(0);
        }
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&p)
            .map_err(|e| io("open", &p, e))?;
        f.write_all(&buf).map_err(|e| io("write", &p, e))?;
        f.sync_data().map_err(|e| io("sync", &p, e))?;
        self.waiting_since_now()
    }

    /// Owe a full sync.
    pub fn mark_full(&self) -> Result<()> {
        let _g = self.guard();
        let p = self.dir.join("full");
        fs::write(&p, b"").map_err(|e| io("write", &p, e))?;
        self.waiting_since_now()
    }

    /// `since`: when the oldest change still owed was queued (kept from the first change
    /// into an empty queue until the queue is empty again).
    fn waiting_since_now(&self) -> Result<()> {
        let p = self.dir.join("since");
        if p.exists() {
            return Ok(());
        }
        let now = crate::logging::rfc3339_utc(std::time::SystemTime::now());
        fs::write(&p, now).map_err(|e| io("write", &p, e))
    }

    /// When the oldest change still owed was queued (RFC 3339 UTC), if one is.
    pub fn oldest(dir: &Path) -> Option<String> {
        fs::read_to_string(dir.join("since")).ok()
    }

    /// The next batch, if anything is owed: pending paths are folded into `sending`.
    pub fn take(&self) -> Result<Option<Batch>> {
        let _g = self.guard();
        let sending = self.dir.join("sending");
        let pending = self.dir.join("pending");
        let mut all = read_list(&sending)?;
        all.extend(read_list(&pending)?);
        let all = dedup(all);
        if !all.is_empty() {
            let tmp = self.dir.join("sending.tmp");
            let mut buf = Vec::new();
            for x in &all {
                buf.extend_from_slice(x);
                buf.push(0);
            }
            let mut f = fs::File::create(&tmp).map_err(|e| io("create", &tmp, e))?;
            f.write_all(&buf).map_err(|e| io("write", &tmp, e))?;
            f.sync_data().map_err(|e| io("sync", &tmp, e))?;
            fs::rename(&tmp, &sending).map_err(|e| io("rename", &tmp, e))?;
        }
        match fs::remove_file(&pending) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(io("remove", &pending, e)),
        }
        let full = self.dir.join("full").exists();
        if full || !all.is_empty() {
            // What is queued from now on waits since now at the oldest.
            let now = crate::logging::rfc3339_utc(std::time::SystemTime::now());
            let t = self.dir.join("taken");
            fs::write(&t, now).map_err(|e| io("write", &t, e))?;
        }
        if full {
            return Ok(Some(Batch::Full));
        }
        Ok((!all.is_empty()).then_some(Batch::Files(sending, all.len())))
    }

    /// The batch was pushed: forget it (paths queued since stay). After a full sync the
    /// paths queued before it stay too: a full sync deletes nothing on the target without
    /// --delete, and their batch does (the deletions the watcher saw).
    pub fn done(&self, b: &Batch) -> Result<()> {
        let _g = self.guard();
        let gone = vec![if *b == Batch::Full {
            self.dir.join("full")
        } else {
            self.dir.join("sending")
        }];
        for p in gone {
            match fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(io("remove", &p, e)),
            }
        }
        // Anything still owed came after the batch was taken.
        let since = self.dir.join("since");
        if self.dir.join("pending").exists() || self.dir.join("full").exists() {
            let _ = fs::copy(self.dir.join("taken"), &since);
        } else {
            let _ = fs::remove_file(&since);
        }
        Ok(())
    }

    /// Paths waiting (pending and in flight, before deduplication) and whether a full sync
    /// is owed.
    pub fn depth(&self) -> (usize, bool) {
        let n = read_list(&self.dir.join("pending"))
            .map(|v| v.len())
            .unwrap_or(0)
            + read_list(&self.dir.join("sending"))
                .map(|v| v.len())
                .unwrap_or(0);
        (n, self.dir.join("full").exists())
    }

    pub fn write_last(&self, l: &Last) -> Result<()> {
        crate::statefile::write_json(&self.dir.join("last.json"), l)
    }

    pub fn read_last(dir: &Path) -> Option<Last> {
        serde_json::from_slice(&fs::read(dir.join("last.json")).ok()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("hakit-queue-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn paths_survive_until_done() {
        let d = tmp("survive");
        let q = Queue::open(&d).unwrap();
        assert_eq!(q.take().unwrap(), None);
        q.push(&["a.html", "dir with space/b", "a.html"]).unwrap();
        let b = q.take().unwrap().unwrap();
        assert_eq!(b, Batch::Files(d.join("sending"), 2), "deduplicated");
        // A failed push: the batch stays, later paths join it.
        q.push(&["c"]).unwrap();
        // A restart: a new Queue on the same directory sees everything.
        let q2 = Queue::open(&d).unwrap();
        assert_eq!(q2.depth(), (3, false));
        let b = q2.take().unwrap().unwrap();
        assert_eq!(b, Batch::Files(d.join("sending"), 3));
        let listed = fs::read(d.join("sending")).unwrap();
        assert_eq!(listed, b"a.html\0dir with space/b\0c\0");
        q2.done(&b).unwrap();
        assert_eq!(q2.take().unwrap(), None);
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_full_sync_goes_first_and_what_was_queued_follows_it() {
        let d = tmp("full");
        let q = Queue::open(&d).unwrap();
        q.push(&["x"]).unwrap();
        q.mark_full().unwrap();
        let b = q.take().unwrap().unwrap();
        assert_eq!(b, Batch::Full);
        q.push(&["y"]).unwrap();
        q.done(&b).unwrap();
        // "x" (queued before, maybe a deletion the full sync does not make) and "y"
        // (arrived during the full run) are still owed.
        assert_eq!(q.take().unwrap(), Some(Batch::Files(d.join("sending"), 2)));
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn the_oldest_change_owed_is_dated_until_the_queue_empties() {
        let d = tmp("since");
        let q = Queue::open(&d).unwrap();
        assert_eq!(Queue::oldest(&d), None);
        q.push(&["a"]).unwrap();
        let first = Queue::oldest(&d).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        q.push(&["b"]).unwrap();
        assert_eq!(
            Queue::oldest(&d).unwrap(),
            first,
            "the oldest, not the newest"
        );
        let b = q.take().unwrap().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        q.push(&["c"]).unwrap();
        q.done(&b).unwrap();
        // "c" came after the take: dated from it, later than "a".
        let later = Queue::oldest(&d).unwrap();
        assert!(later > first, "{later} after {first}");
        let b = q.take().unwrap().unwrap();
        q.done(&b).unwrap();
        assert_eq!(Queue::oldest(&d), None, "nothing owed");
        fs::remove_dir_all(&d).unwrap();
    }
}
