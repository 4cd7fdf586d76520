//! TCP_CHECK: healthy when a connection opens within the timeout.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use super::{connect, io_reason, Try};

/// One try of a TCP check.
pub async fn try_once(addr: SocketAddr, bindto: Option<IpAddr>, timeout: Duration) -> Try {
    match connect(addr, bindto, timeout).await {
        Ok(_) => Ok(format!("TCP connect to {addr} succeeded")),
        Err(e) => Err(io_reason(&format!("TCP connect to {addr}"), &e)),
    }
}
