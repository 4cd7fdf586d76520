//! VRRP v2/v3, wire-compatible with keepalived.
//!
//! So far the protocol core, pure and tested as data: the advertisement codec ([`packet`])
//! and the state machine with time passed in ([`machine`]). The socket edge, trackers,
//! notify scripts and the `hakit vrrp` commands follow.

pub mod config;
pub mod daemon;
pub mod io;
pub mod machine;
pub mod multi;
pub mod packet;
pub mod status;
pub mod track;
