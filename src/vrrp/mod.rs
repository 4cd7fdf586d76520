//! VRRP v2/v3, wire-compatible with keepalived.
//!
//! Pure, and tested as data:
//! - [`packet`]: the advertisement codec; [`config`]: an instance's settings and the
//!   checks a received advert must pass; [`options`]: what `vrrp run` runs.
//! - [`machine`]: the state machine, time passed in; [`sync`]: sync-group decisions;
//!   [`track`]: tracker arithmetic.
//! - [`instance`]: one instance around its machine (trackers, adverts, VIPs, notify,
//!   state file) and [`speaker`]: all instances of a process with their sync groups on
//!   one thread. Every effect goes through the [`host`] seam, so both run as event
//!   scripts without root (`events`, the unit tests).
//!
//! The edges: sockets ([`io`]), the one event loop for one instance and many, its setup
//! threads and the real [`host::Host`] ([`run`]), the state file ([`status`]).

pub mod accept;
pub mod config;
pub mod fifo;
pub mod host;
pub mod instance;
pub mod io;
pub mod machine;
pub mod options;
pub mod packet;
pub mod run;
pub mod speaker;
pub mod status;
pub mod sync;
pub mod track;
pub mod vmac;

#[cfg(test)]
mod events;
