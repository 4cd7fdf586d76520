//! IPVS over generic netlink: the model ([`model`]), the attribute codec ([`codec`]), the
//! client ([`client`]) and ipvsadm's text formats ([`text`]). Self-contained enough to be
//! lifted into a crate of its own.

pub mod args;
pub mod client;
pub mod codec;
pub mod model;
pub mod restore;
pub mod text;

pub use client::Ipvs;
pub use model::{Dest, Entry, Forward, Info, Key, Protocol, Service};
