//! `sync`: content sync with the real rsync. The library builds rsync's argument list
//! (never a shell string), reads its statistics and progress, and explains its exit codes
//! ([`rsync`], pure); [`run`] runs it at the edge with a lock per source; [`watch`] is
//! the sersync-style watcher: inotify, debounced batches, a durable queue per target.

pub mod queue;
pub mod rsync;
pub mod run;
pub mod watch;

use std::path::PathBuf;

pub use rsync::{Direction, Options, Target};

/// `STATE_DIR/sync/` holds locks and queues.
pub fn state_root(state_dir: &std::path::Path) -> PathBuf {
    state_dir.join("sync")
}

/// One watch queue as `sync status` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QueueStatus {
    /// The watch's name (its directory under STATE_DIR/sync/).
    pub watch: String,
    pub target: String,
    /// Paths waiting (before deduplication).
    pub queued: usize,
    pub full_sync_owed: bool,
    /// When the oldest change still owed was queued (RFC 3339 UTC), null when none is.
    pub oldest_change: Option<String>,
    pub last: Option<queue::Last>,
    /// Whether a watcher runs for it now (the process named in the watch's marker
    /// lives): a queue without one sees no changes.
    pub watching: bool,
}

/// Every watch queue under `state_dir`, by watch and target.
pub fn queues(state_dir: &std::path::Path) -> crate::error::Result<Vec<QueueStatus>> {
    let list = |d: &std::path::Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    let name = |p: &std::path::Path| {
        p.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let mut rows = Vec::new();
    for w in list(&state_root(state_dir))
        .iter()
        .filter(|p| p.is_dir() && !p.ends_with("locks"))
    {
        let watching = std::fs::read_to_string(w.join("watching"))
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .is_some_and(crate::statefile::pid_alive);
        for t in list(w).iter().filter(|p| p.is_dir()) {
            let q = queue::Queue::open(t)?;
            let (queued, full) = q.depth();
            rows.push(QueueStatus {
                watch: name(w),
                target: std::fs::read_to_string(t.join("target")).unwrap_or_else(|_| name(t)),
                queued,
                full_sync_owed: full,
                oldest_change: queue::Queue::oldest(t),
                last: queue::Queue::read_last(t),
                watching,
            });
        }
    }
    Ok(rows)
}
