//! The one module with `unsafe` code, kept small so it can be read at a glance.
//!
//! socket2 builds IPv4/IPv6/Unix socket addresses safely but has no constructor for a
//! link-layer `sockaddr_ll`, which sending a raw frame to an interface needs.

use socket2::SockAddr;

/// The link-layer address of interface `ifindex` for `sendto` on an `AF_PACKET` socket:
/// the frame goes out there as it is, `ethertype` naming its protocol (network order is
/// applied here). Binding is not needed, so the socket taps no traffic.
pub fn packet_addr(ifindex: u32, ethertype: u16) -> std::io::Result<SockAddr> {
    // SAFETY: `try_init` hands us a zeroed `sockaddr_storage`, which is larger than and
    // aligned for `sockaddr_ll`; we write only fields of a `sockaddr_ll` at its start and
    // report exactly that length, as the contract of `try_init` requires.
    let ((), addr) = unsafe {
        SockAddr::try_init(|storage, len| {
            let ll = storage.cast::<libc::sockaddr_ll>();
            (*ll).sll_family = libc::AF_PACKET as libc::sa_family_t;
            (*ll).sll_protocol = ethertype.to_be();
            (*ll).sll_ifindex = i32::try_from(ifindex)
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
            *len = std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t;
            Ok(())
        })
    }?;
    Ok(addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packet_address_is_a_sockaddr_ll_of_its_interface() {
        let a = packet_addr(7, 0x0806).unwrap();
        assert_eq!(a.family(), libc::AF_PACKET as libc::sa_family_t);
        assert_eq!(a.len() as usize, std::mem::size_of::<libc::sockaddr_ll>());
        assert!(a.as_socket().is_none());
        assert!(packet_addr(u32::MAX, 0x0806).is_err());
    }
}
