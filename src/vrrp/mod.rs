//! VRRP v2/v3, wire-compatible with keepalived.
//!
//! So far the protocol core's codec ([`packet`]); the state machine, the socket edge and the
//! daemon follow (issue: `hakit vrrp`).

pub mod packet;
