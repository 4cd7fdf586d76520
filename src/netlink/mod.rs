//! One small synchronous netlink socket: request + ack, dump, and error mapping.
//!
//! Every netlink socket of hakit is opened here: requests for rtnetlink (addresses, links)
//! and generic netlink (IPVS, [`genl`]), and [`Watch`]es of multicast notifications. No
//! async runtime: a request is one `send` and a loop of `recv` until the kernel's ACK or
//! DONE.

use std::fmt::Debug;

use netlink_packet_core::{
    NetlinkDeserializable, NetlinkHeader, NetlinkMessage, NetlinkPayload, NetlinkSerializable,
    NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST,
};
use netlink_sys::{Socket, SocketAddr};

use crate::error::{libc_errno, Error, Result};

pub mod genl;

pub use netlink_sys::constants::{NETLINK_GENERIC, NETLINK_ROUTE};

/// Size of the receive buffer: large enough for any single dump datagram.
const RECV_BUF: usize = 256 * 1024;

/// Kernel extended-ack attribute carrying a human-readable message.
const NLMSGERR_ATTR_MSG: u16 = 1;
/// Flag in an error message header: extended-ack TLVs follow the payload.
const NLM_F_ACK_TLVS: u16 = 0x200;
/// Flag in an error message header: the quoted request is only its header.
const NLM_F_CAPPED: u16 = 0x100;
/// Length of a netlink message header.
const NLMSG_HDRLEN: usize = 16;

/// A bound netlink socket of one protocol.
pub struct NlSocket {
    sock: Socket,
    seq: u32,
    buf: Vec<u8>,
}

impl NlSocket {
    /// Open and bind a socket of `protocol` (e.g. [`NETLINK_ROUTE`]).
    pub fn open(protocol: isize) -> Result<Self> {
        let mut sock = Socket::new(protocol).map_err(|e| Error::io("open a netlink socket", e))?;
        sock.bind_auto()
            .map_err(|e| Error::io("bind a netlink socket", e))?;
        sock.connect(&SocketAddr::new(0, 0))
            .map_err(|e| Error::io("connect a netlink socket", e))?;
        // Both are best effort: old kernels lack them and we only lose nicer messages.
        let _ = sock.set_ext_ack(true);
        let _ = sock.set_cap_ack(true);
        Ok(NlSocket {
            sock,
            seq: 0,
            buf: Vec::with_capacity(RECV_BUF),
        })
    }

    fn send<I>(&mut self, payload: I, flags: u16, what: &str) -> Result<u32>
    where
        I: NetlinkSerializable + Debug,
    {
        self.seq = self.seq.wrapping_add(1);
        let mut header = NetlinkHeader::default();
        header.flags = NLM_F_REQUEST | flags;
        header.sequence_number = self.seq;
        let mut msg = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(payload));
        msg.finalize();
        let mut out = vec![0u8; msg.buffer_len()];
        msg.serialize(&mut out);
        self.sock
            .send(&out, 0)
            .map_err(|e| Error::io(format!("{what}: send netlink request"), e))?;
        Ok(self.seq)
    }

    /// Receive datagrams and hand each message of sequence `seq` to `f` until `stop`
    /// says so (an ACK, DONE or error ends it too).
    fn receive<I>(&mut self, seq: u32, what: &str, mut f: impl FnMut(I), dump: bool) -> Result<()>
    where
        I: NetlinkDeserializable + Debug,
    {
        loop {
            self.buf.clear();
            self.sock
                .recv(&mut self.buf, 0)
                .map_err(|e| Error::io(format!("{what}: receive netlink answer"), e))?;
            let mut off = 0;
            while off + NLMSG_HDRLEN <= self.buf.len() {
                let len = u32::from_ne_bytes(self.buf[off..off + 4].try_into().unwrap()) as usize;
                if len < NLMSG_HDRLEN || off + len > self.buf.len() {
                    return Err(Error::Failed(format!(
                        "{what}: malformed netlink answer (length {len})"
                    )));
                }
                let bytes = &self.buf[off..off + len];
                off += (len + 3) & !3;
                let msg_flags = u16::from_ne_bytes([bytes[6], bytes[7]]);
                let msg = NetlinkMessage::<I>::deserialize(bytes).map_err(|e| {
                    Error::Failed(format!("{what}: cannot decode netlink answer: {e}"))
                })?;
                if msg.header.sequence_number != seq {
                    continue;
                }
                match msg.payload {
                    NetlinkPayload::InnerMessage(m) => f(m),
                    NetlinkPayload::Done(_) => return Ok(()),
                    NetlinkPayload::Error(e) => match e.code {
                        None => {
                            if !dump {
                                return Ok(());
                            }
                        }
                        Some(code) => {
                            let ext = if msg_flags & NLM_F_ACK_TLVS != 0 {
                                ext_ack_message(&e.header, msg_flags & NLM_F_CAPPED != 0)
                            } else {
                                None
                            };
                            return Err(nl_error(what, -code.get(), ext));
                        }
                    },
                    NetlinkPayload::Noop | NetlinkPayload::Overrun(_) => {}
                    _ => {}
                }
            }
        }
    }

    /// Send `payloads` as one datagram of requests (the kernel handles them in order) and
    /// collect each one's acknowledgement: one result per request, in order. `what` names
    /// request `i` in errors.
    pub fn batch<I>(
        &mut self,
        payloads: Vec<I>,
        what: impl Fn(usize) -> String,
    ) -> Result<Vec<Result<()>>>
    where
        I: NetlinkSerializable + NetlinkDeserializable + Debug,
    {
        let first = self.seq.wrapping_add(1);
        let mut out = Vec::new();
        for p in payloads {
            self.seq = self.seq.wrapping_add(1);
            let mut header = NetlinkHeader::default();
            header.flags = NLM_F_REQUEST | NLM_F_ACK;
            header.sequence_number = self.seq;
            let mut msg = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(p));
            msg.finalize();
            let at = out.len();
            out.resize(at + ((msg.buffer_len() + 3) & !3), 0);
            msg.serialize(&mut out[at..at + msg.buffer_len()]);
        }
        let n = self.seq.wrapping_sub(first).wrapping_add(1) as usize;
        if n == 0 {
            return Ok(vec![]);
        }
        self.sock
            .send(&out, 0)
            .map_err(|e| Error::io(format!("{}: send netlink requests", what(0)), e))?;
        let mut results: Vec<Option<Result<()>>> = (0..n).map(|_| None).collect();
        let mut pending = n;
        while pending > 0 {
            self.buf.clear();
            self.sock
                .recv(&mut self.buf, 0)
                .map_err(|e| Error::io(format!("{}: receive netlink answers", what(0)), e))?;
            let mut off = 0;
            while off + NLMSG_HDRLEN <= self.buf.len() {
                let len = u32::from_ne_bytes(self.buf[off..off + 4].try_into().unwrap()) as usize;
                if len < NLMSG_HDRLEN || off + len > self.buf.len() {
                    break;
                }
                let bytes = self.buf[off..off + len].to_vec();
                off += (len + 3) & !3;
                let msg_flags = u16::from_ne_bytes([bytes[6], bytes[7]]);
                let seq = u32::from_ne_bytes(bytes[8..12].try_into().unwrap());
                let idx = seq.wrapping_sub(first) as usize;
                if idx >= n || results[idx].is_some() {
                    continue;
                }
                if let Ok(NetlinkMessage {
                    payload: NetlinkPayload::Error(e),
                    ..
                }) = NetlinkMessage::<I>::deserialize(&bytes)
                {
                    results[idx] = Some(match e.code {
                        None => Ok(()),
                        Some(code) => {
                            let ext = if msg_flags & NLM_F_ACK_TLVS != 0 {
                                ext_ack_message(&e.header, msg_flags & NLM_F_CAPPED != 0)
                            } else {
                                None
                            };
                            Err(nl_error(&what(idx), -code.get(), ext))
                        }
                    });
                    pending -= 1;
                }
            }
        }
        Ok(results.into_iter().map(|r| r.unwrap_or(Ok(()))).collect())
    }

    /// Send a request and wait for the kernel's acknowledgement.
    pub fn request<I>(&mut self, payload: I, flags: u16, what: &str) -> Result<()>
    where
        I: NetlinkSerializable + NetlinkDeserializable + Debug,
    {
        let seq = self.send(payload, flags | NLM_F_ACK, what)?;
        self.receive::<I>(seq, what, |_| {}, false)
    }

    /// Send a request that answers with messages, then an acknowledgement.
    pub fn transact<I>(&mut self, payload: I, what: &str) -> Result<Vec<I>>
    where
        I: NetlinkSerializable + NetlinkDeserializable + Debug,
    {
        let seq = self.send(payload, NLM_F_ACK, what)?;
        let mut out = Vec::new();
        self.receive::<I>(seq, what, |m| out.push(m), false)?;
        Ok(out)
    }

    /// Send a dump request and collect every message of the answer.
    pub fn dump<I>(&mut self, payload: I, what: &str) -> Result<Vec<I>>
    where
        I: NetlinkSerializable + NetlinkDeserializable + Debug,
    {
        let seq = self.send(payload, NLM_F_DUMP, what)?;
        let mut out = Vec::new();
        self.receive::<I>(seq, what, |m| out.push(m), true)?;
        Ok(out)
    }

    /// A dump the kernel filters by the request's header (the addresses of one interface
    /// when it names an index): strict checking is on for this request only, since it
    /// also makes the kernel refuse headers that plain dumps may leave loose. A kernel
    /// without it (before 4.20) dumps everything, so callers still filter.
    pub fn dump_filtered<I>(&mut self, payload: I, what: &str) -> Result<Vec<I>>
    where
        I: NetlinkSerializable + NetlinkDeserializable + Debug,
    {
        let strict = self.sock.set_netlink_get_strict_chk(true).is_ok();
        let out = self.dump(payload, what);
        if strict {
            let _ = self.sock.set_netlink_get_strict_chk(false);
        }
        out
    }
}

/// Map a kernel errno on `what` to the library's error.
/// A non-blocking socket subscribed to one multicast group (link changes, say): its
/// descriptor is readable whenever the kernel notifies something; what was notified is
/// read again with a request, so the messages themselves are only drained.
pub struct Watch {
    sock: Socket,
    buf: Vec<u8>,
}

impl Watch {
    /// Subscribe to `group` of `protocol`; `what` names it in errors.
    pub fn open(protocol: isize, group: u32, what: &str) -> Result<Watch> {
        let mut sock = Socket::new(protocol).map_err(|e| Error::io("open a netlink socket", e))?;
        sock.bind_auto()
            .map_err(|e| Error::io("bind a netlink socket", e))?;
        sock.add_membership(group)
            .map_err(|e| Error::io(format!("subscribe to {what}"), e))?;
        sock.set_non_blocking(true)
            .map_err(|e| Error::io("configure a netlink socket", e))?;
        Ok(Watch {
            sock,
            buf: Vec::with_capacity(64 * 1024),
        })
    }

    /// Let the kernel queue up to `bytes` of notifications for it (the default, about
    /// 200 KiB, holds a few hundred: a thousand VIPs leaving at once overran it). As root
    /// past net.core.rmem_max; else up to it.
    pub fn buffer(self, bytes: usize) -> Watch {
        use nix::sys::socket::{setsockopt, sockopt};
        use std::os::fd::AsFd;
        if setsockopt(&self.sock.as_fd(), sockopt::RcvBufForce, &bytes).is_err() {
            let _ = setsockopt(&self.sock.as_fd(), sockopt::RcvBuf, &bytes);
        }
        self
    }

    /// Subscribe to one more group (`what` names it in errors).
    pub fn also(self, group: u32, what: &str) -> Result<Watch> {
        self.sock
            .add_membership(group)
            .map_err(|e| Error::io(format!("subscribe to {what}"), e))?;
        Ok(self)
    }

    pub fn fd(&self) -> std::os::fd::BorrowedFd<'_> {
        use std::os::fd::AsFd;
        self.sock.as_fd()
    }

    /// Read every pending notification; true when there was any.
    pub fn drain(&mut self) -> bool {
        self.drain_each(|_| {}).any
    }

    /// Read every pending notification, handing each datagram to `f`.
    pub fn drain_each(&mut self, mut f: impl FnMut(&[u8])) -> Drained {
        let mut d = Drained::default();
        loop {
            self.buf.clear();
            match self.sock.recv(&mut self.buf, 0) {
                Ok(_) => {
                    d.any = true;
                    f(&self.buf);
                }
                // Overrun (ENOBUFS): something changed, and some of it was lost.
                Err(e) if e.raw_os_error() == Some(libc_errno::ENOBUFS) => {
                    d.any = true;
                    d.overrun = true;
                }
                Err(_) => return d,
            }
        }
    }
}

/// What [`Watch::drain_each`] read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Drained {
    /// Something came.
    pub any: bool,
    /// The kernel dropped notifications: what they said is not known.
    pub overrun: bool,
}

pub fn nl_error(what: &str, errno: i32, ext: Option<String>) -> Error {
    match errno {
        libc_errno::EPERM => Error::Permission { what: what.into() },
        _ => Error::Netlink {
            what: what.into(),
            errno,
            ext,
        },
    }
}

/// Extract the extended-ack message from an error payload: the quoted request (only its
/// header when `capped`), then TLV attributes.
pub fn ext_ack_message(payload: &[u8], capped: bool) -> Option<String> {
    let quoted = if capped {
        NLMSG_HDRLEN
    } else {
        let len = u32::from_ne_bytes(payload.get(..4)?.try_into().ok()?) as usize;
        (len + 3) & !3
    };
    let mut tlvs = payload.get(quoted..)?;
    while tlvs.len() >= 4 {
        let len = u16::from_ne_bytes([tlvs[0], tlvs[1]]) as usize;
        let kind = u16::from_ne_bytes([tlvs[2], tlvs[3]]) & 0x3fff;
        if len < 4 || len > tlvs.len() {
            return None;
        }
        if kind == NLMSGERR_ATTR_MSG {
            let v = &tlvs[4..len];
            let v = v.split(|b| *b == 0).next().unwrap_or(v);
            return Some(String::from_utf8_lossy(v).trim().to_string());
        }
        tlvs = &tlvs[((len + 3) & !3).min(tlvs.len())..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tlv(kind: u16, value: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
        v.extend_from_slice(&kind.to_ne_bytes());
        v.extend_from_slice(value);
        while v.len() % 4 != 0 {
            v.push(0);
        }
        v
    }

    #[test]
    fn finds_the_extended_ack_message_after_other_attributes() {
        let mut p = vec![0u8; NLMSG_HDRLEN];
        p.extend(tlv(2, &7u32.to_ne_bytes()));
        p.extend(tlv(
            NLMSGERR_ATTR_MSG,
            b"ipv6: IPv6 is disabled on this device\0",
        ));
        assert_eq!(
            ext_ack_message(&p, true).as_deref(),
            Some("ipv6: IPv6 is disabled on this device")
        );
    }

    #[test]
    fn uncapped_error_skips_the_whole_quoted_request() {
        let mut p = vec![0u8; 24];
        p[..4].copy_from_slice(&24u32.to_ne_bytes());
        p.extend(tlv(NLMSGERR_ATTR_MSG, b"Unknown device\0"));
        assert_eq!(
            ext_ack_message(&p, false).as_deref(),
            Some("Unknown device")
        );
    }

    #[test]
    fn malformed_extended_ack_yields_none_not_a_panic() {
        assert_eq!(ext_ack_message(&[], true), None);
        let mut p = vec![0u8; NLMSG_HDRLEN];
        p.extend_from_slice(&[200, 0, 1, 0, b'x']);
        assert_eq!(ext_ack_message(&p, true), None);
        let mut p = vec![0u8; NLMSG_HDRLEN];
        p.extend_from_slice(&[0, 0, 1, 0]);
        assert_eq!(ext_ack_message(&p, true), None);
    }

    #[test]
    fn eperm_maps_to_permission_with_hint() {
        let e = nl_error("add address", libc_errno::EPERM, None);
        assert!(e.hint().is_some());
        let e = nl_error("add address", libc_errno::EEXIST, None);
        assert!(matches!(e, Error::Netlink { errno: 17, .. }));
    }
}
