//! IPVS, the kernel's load balancer, as a data plane for the [service model](crate::service):
//! the generic netlink attribute codec ([`codec`]), the client ([`client`], a
//! [`DataPlane`](crate::service::DataPlane)), ipvsadm's text formats ([`text`]) and, at the
//! edge, ipvsadm's command line ([`ipvsadm`]) and its restore format ([`restore`]).
//!
//! Imports go one way: `ipvsadm` and `restore` -> `client` -> `codec` -> the model;
//! `text` reads the model only.

pub mod client;
pub mod codec;
pub mod ipvsadm;
pub mod restore;
pub mod text;

use serde::Serialize;

pub use client::Ipvs;

/// IPVS version and connection table size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Info {
    pub version: u32,
    pub conn_tab_size: u32,
}

impl Info {
    /// `1.2.1`
    pub fn version_string(&self) -> String {
        format!(
            "{}.{}.{}",
            self.version >> 16,
            (self.version >> 8) & 0xff,
            self.version & 0xff
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_print_dotted() {
        assert_eq!(
            Info {
                version: 0x010201,
                conn_tab_size: 4096
            }
            .version_string(),
            "1.2.1"
        );
    }
}
