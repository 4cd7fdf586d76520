//! One integration-test binary (fast to build): the real `hakit` run as a user runs it.
//!
//! - `cli`: unprivileged behaviour (help, usage errors, the multi-call names)
//! - `docs`: the committed man pages and completions match the clap definitions
//! - `vip`, `rsprep`: privileged, in network namespaces built by `support`

mod support;

mod bgp;
mod check;
mod cli;
mod conf;
mod docs;
mod examples;
mod faults;
mod ipvs;
mod lab;
mod lb;
mod mastership;
mod metrics;
mod nft;
mod notify;
mod package;
mod rsprep;
mod sync;
mod vip;
mod vrrp;
