//! hakit: scriptable Linux load-balancer high availability.
//!
//! Everything the `hakit` binary does lives in this library; the binary only dispatches on
//! its name and arguments. Modules:
//!
//! - [`netlink`](mod@netlink): one synchronous netlink socket (request + ack, dump, error mapping)
//! - [`link`](mod@link): interfaces (name, index, MAC, up/down)
//! - [`vip`]: addresses on interfaces and their gratuitous ARP / unsolicited NA
//! - [`rsprep`]: real-server preparation for LVS-DR/TUN
//! - [`vrrp`]: VRRP v2/v3 (so far the packet codec)
//! - [`units`], [`logging`], [`error`]: shared conventions
//! - [`ffi`]: the one module with `unsafe` (a link-layer socket address)
//! - [`cli`]: the clap definitions and the thin layer that formats results

pub mod addr;
pub mod check;
pub mod checksum;
pub mod cli;
pub mod conf;
pub mod error;
pub mod ffi;
pub mod ipvs;
pub mod lb;
pub mod link;
pub mod logging;
pub mod netlink;
pub mod process;
pub mod rsprep;
pub mod service;
pub mod statefile;
pub mod sync;
pub mod units;
pub mod vip;
pub mod vrrp;

pub use error::{Error, Result};
