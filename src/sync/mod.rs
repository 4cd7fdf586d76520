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
