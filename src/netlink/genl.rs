//! Generic netlink: a raw message type for the [`NlSocket`] wrapper, a
//! small attribute (TLV) writer and reader, and family resolution through nlctrl.
//!
//! Families with many nested attributes (IPVS) are clearer written against these few
//! primitives than as one trait implementation per attribute.

use std::fmt;

use netlink_packet_core::{NetlinkDeserializable, NetlinkHeader, NetlinkSerializable};

use super::{NlSocket, NETLINK_GENERIC};
use crate::error::{libc_errno, Error, Result};

/// The controller family's fixed id.
const GENL_ID_CTRL: u16 = 0x10;
const CTRL_CMD_GETFAMILY: u8 = 3;
const CTRL_ATTR_FAMILY_ID: u16 = 1;
const CTRL_ATTR_FAMILY_NAME: u16 = 2;
/// Attribute type flag: the payload is nested attributes.
pub const NLA_F_NESTED: u16 = 0x8000;

/// A generic netlink message: family id (the netlink message type), command, version,
/// and the attributes as bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct GenlMsg {
    pub family: u16,
    pub cmd: u8,
    pub version: u8,
    pub attrs: Vec<u8>,
}

impl fmt::Debug for GenlMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "GenlMsg {{ family: {}, cmd: {}, {} attribute bytes }}",
            self.family,
            self.cmd,
            self.attrs.len()
        )
    }
}

impl NetlinkSerializable for GenlMsg {
    fn message_type(&self) -> u16 {
        self.family
    }

    fn buffer_len(&self) -> usize {
        4 + self.attrs.len()
    }

    fn serialize(&self, buffer: &mut [u8]) {
        buffer[0] = self.cmd;
        buffer[1] = self.version;
        buffer[2] = 0;
        buffer[3] = 0;
        buffer[4..4 + self.attrs.len()].copy_from_slice(&self.attrs);
    }
}

/// A generic netlink payload that could not be decoded.
#[derive(Debug, thiserror::Error)]
#[error("generic netlink message shorter than its header")]
pub struct ShortMessage;

impl NetlinkDeserializable for GenlMsg {
    type Error = ShortMessage;

    fn deserialize(header: &NetlinkHeader, payload: &[u8]) -> Result<Self, ShortMessage> {
        if payload.len() < 4 {
            return Err(ShortMessage);
        }
        Ok(GenlMsg {
            family: header.message_type,
            cmd: payload[0],
            version: payload[1],
            attrs: payload[4..].to_vec(),
        })
    }
}

/// Writes netlink attributes (native byte order for integers, as the kernel expects,
/// unless a `be` method says otherwise), 4-byte aligned.
#[derive(Debug, Default, Clone)]
pub struct AttrWriter {
    pub buf: Vec<u8>,
}

impl AttrWriter {
    pub fn new() -> AttrWriter {
        AttrWriter::default()
    }

    pub fn bytes(&mut self, kind: u16, value: &[u8]) -> &mut Self {
        let len = 4 + value.len();
        self.buf.extend_from_slice(&(len as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(value);
        while self.buf.len() % 4 != 0 {
            self.buf.push(0);
        }
        self
    }

    pub fn u8(&mut self, kind: u16, v: u8) -> &mut Self {
        self.bytes(kind, &[v])
    }

    pub fn u16(&mut self, kind: u16, v: u16) -> &mut Self {
        self.bytes(kind, &v.to_ne_bytes())
    }

    pub fn be16(&mut self, kind: u16, v: u16) -> &mut Self {
        self.bytes(kind, &v.to_be_bytes())
    }

    pub fn u32(&mut self, kind: u16, v: u32) -> &mut Self {
        self.bytes(kind, &v.to_ne_bytes())
    }

    /// A NUL-terminated string.
    pub fn str(&mut self, kind: u16, v: &str) -> &mut Self {
        let mut b = v.as_bytes().to_vec();
        b.push(0);
        self.bytes(kind, &b)
    }

    /// A nested attribute filled by `f`.
    pub fn nest(&mut self, kind: u16, f: impl FnOnce(&mut AttrWriter)) -> &mut Self {
        let mut inner = AttrWriter::new();
        f(&mut inner);
        self.bytes(kind | NLA_F_NESTED, &inner.buf)
    }
}

/// Iterate over the attributes in `buf`: (type without flags, value). Stops at the first
/// malformed attribute.
pub fn attrs(buf: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = buf;
    std::iter::from_fn(move || {
        if rest.len() < 4 {
            return None;
        }
        let len = usize::from(u16::from_ne_bytes([rest[0], rest[1]]));
        let kind = u16::from_ne_bytes([rest[2], rest[3]]) & 0x3fff;
        if len < 4 || len > rest.len() {
            return None;
        }
        let value = &rest[4..len];
        rest = &rest[((len + 3) & !3).min(rest.len())..];
        Some((kind, value))
    })
}

/// Read helpers for attribute values; a value of the wrong size reads as `None`.
pub fn get_u8(v: &[u8]) -> Option<u8> {
    v.first().copied()
}

pub fn get_u16(v: &[u8]) -> Option<u16> {
    Some(u16::from_ne_bytes(v.get(..2)?.try_into().ok()?))
}

pub fn get_be16(v: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes(v.get(..2)?.try_into().ok()?))
}

pub fn get_u32(v: &[u8]) -> Option<u32> {
    Some(u32::from_ne_bytes(v.get(..4)?.try_into().ok()?))
}

pub fn get_u64(v: &[u8]) -> Option<u64> {
    Some(u64::from_ne_bytes(v.get(..8)?.try_into().ok()?))
}

pub fn get_str(v: &[u8]) -> String {
    let end = v.iter().position(|b| *b == 0).unwrap_or(v.len());
    String::from_utf8_lossy(&v[..end]).into_owned()
}

/// A generic netlink socket bound to one resolved family.
pub struct GenlSocket {
    pub nl: NlSocket,
    pub family: u16,
    pub version: u8,
}

/// Resolve `name` to its family id. `Ok(None)` when the kernel has no such family.
pub fn resolve_family(nl: &mut NlSocket, name: &str) -> Result<Option<u16>> {
    let mut w = AttrWriter::new();
    w.str(CTRL_ATTR_FAMILY_NAME, name);
    let req = GenlMsg {
        family: GENL_ID_CTRL,
        cmd: CTRL_CMD_GETFAMILY,
        version: 1,
        attrs: w.buf,
    };
    let what = format!("look up the {name} generic netlink family");
    match nl.transact(req, &what) {
        Ok(msgs) => Ok(msgs
            .iter()
            .flat_map(|m| attrs(&m.attrs))
            .find(|(k, _)| *k == CTRL_ATTR_FAMILY_ID)
            .and_then(|(_, v)| get_u16(v))),
        Err(Error::Netlink {
            errno: libc_errno::ENOENT,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

impl GenlSocket {
    /// Open a generic netlink socket for family `name`; `missing` builds the error when the
    /// kernel does not know the family.
    pub fn open(name: &str, version: u8, missing: impl FnOnce() -> Error) -> Result<GenlSocket> {
        let mut nl = NlSocket::open(NETLINK_GENERIC)?;
        let family = resolve_family(&mut nl, name)?.ok_or_else(missing)?;
        Ok(GenlSocket {
            nl,
            family,
            version,
        })
    }

    pub fn msg(&self, cmd: u8, attrs: Vec<u8>) -> GenlMsg {
        GenlMsg {
            family: self.family,
            cmd,
            version: self.version,
            attrs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_round_trip_with_padding_and_nesting() {
        let mut w = AttrWriter::new();
        w.u16(1, 2).str(6, "wrr").be16(4, 80).nest(1, |n| {
            n.u32(5, 7);
        });
        assert_eq!(w.buf.len() % 4, 0);
        let got: Vec<(u16, Vec<u8>)> = attrs(&w.buf).map(|(k, v)| (k, v.to_vec())).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(get_u16(&got[0].1), Some(2));
        assert_eq!(get_str(&got[1].1), "wrr");
        assert_eq!(got[2].1, vec![0, 80], "big-endian port");
        assert_eq!(got[3].0, 1, "the nested flag is masked off");
        let inner: Vec<_> = attrs(&got[3].1).collect();
        assert_eq!(get_u32(inner[0].1), Some(7));
    }

    #[test]
    fn malformed_attributes_end_iteration_without_panic() {
        assert_eq!(attrs(&[]).count(), 0);
        assert_eq!(
            attrs(&[8, 0, 1, 0, 1]).count(),
            0,
            "length beyond the buffer"
        );
        assert_eq!(attrs(&[2, 0, 1, 0]).count(), 0, "length below the header");
        assert_eq!(get_u32(&[1, 2]), None);
        assert_eq!(get_str(b"abc"), "abc");
    }
}
