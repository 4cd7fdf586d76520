//! hakit: scriptable Linux load-balancer high availability.
//!
//! Everything the `hakit` binary does lives in this library; the binary only dispatches on
//! its name and arguments. Modules:
//!
//! - [`service`]: the backend-neutral service model and the [`service::DataPlane`] trait;
//!   [`ipvs`]: the kernel's IPVS as one (and ipvsadm's syntax at its edge)
//! - [`vip`]: addresses on interfaces and their gratuitous ARP / unsolicited NA;
//!   [`rsprep`]: real-server preparation for LVS-DR/TUN
//! - [`check`]: health checks; [`lb`]: the checker loop that keeps a data plane in line
//! - [`vrrp`]: VRRP v2/v3, wire-compatible with keepalived
//! - [`sync`]: rsync push/pull and the watch mode
//! - [`conf`]: keepalived.conf read, checked, converted and planned
//! - [`bgp`]: VIPs announced over BGP through BIRD 2
//! - [`metrics`]: Prometheus exposition of every daemon's state and of the data plane;
//!   [`conntrack`]: the NATed connections the nftables data plane does not count itself
//! - [`iproute`]: routes and rules in keepalived's (and ip's) syntax, for what follows
//!   mastership and what is set at start
//! - shared: [`netlink`](mod@netlink) (every netlink socket), [`link`](mod@link)
//!   (interfaces), [`addr`] (`ADDR:PORT`), [`checksum`], [`process`] (commands without a
//!   shell), [`units`], [`logging`], [`statefile`], [`error`]
//! - [`ffi`]: the one module with `unsafe` (a link-layer socket address, libnftables)
//! - [`cli`]: the clap definitions and the thin layer that formats results

pub mod addr;
pub mod bgp;
pub mod check;
pub mod checksum;
pub mod cli;
pub mod conf;
pub mod conntrack;
pub mod dataplane;
pub mod error;
pub mod ffi;
pub mod iproute;
pub mod ipvs;
pub mod lb;
pub mod link;
pub mod logging;
pub mod maglev;
pub mod metrics;
pub mod netlink;
pub mod nft;
pub mod process;
pub mod proctrack;
pub mod route;
pub mod rsprep;
pub mod service;
pub mod statefile;
pub mod sync;
pub mod units;
pub mod vip;
pub mod vrrp;

#[cfg(test)]
mod props;

pub use error::{Error, Result};
