//! VRRP v2/v3, wire-compatible with keepalived.
//!
//! The protocol core is pure and tested as data: the advertisement codec ([`packet`]), the
//! state machine with time passed in ([`machine`]), sync-group decisions ([`sync`]) and
//! tracker arithmetic ([`track`]). The edges: sockets ([`io`]), one instance's loop
//! ([`daemon`]), several instances in one process ([`multi`]) and the state file
//! ([`status`]).

pub mod config;
pub mod daemon;
pub mod io;
pub mod machine;
pub mod multi;
pub mod packet;
pub mod status;
pub mod sync;
pub mod track;
