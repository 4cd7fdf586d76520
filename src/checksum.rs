//! The Internet checksum (RFC 1071), shared by the VRRP codec and the ICMP echo of `check
//! ping`.

/// The Internet checksum (RFC 1071) over a sequence of byte slices.
pub fn inet(parts: &[&[u8]]) -> u16 {
    let mut sum: u32 = 0;
    let mut odd: Option<u8> = None;
    for p in parts {
        for &b in *p {
            match odd.take() {
                Some(hi) => sum += u32::from(u16::from_be_bytes([hi, b])),
                None => odd = Some(b),
            }
        }
    }
    if let Some(hi) = odd {
        sum += u32::from(u16::from_be_bytes([hi, 0]));
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1071_examples() {
        // RFC 1071 section 3: 0001 f203 f4f5 f6f7 sums to ddf2, so the checksum is 220d.
        assert_eq!(
            inet(&[&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]]),
            0x220d
        );
        // Split anywhere, odd lengths included: the same sum.
        assert_eq!(
            inet(&[&[0x00, 0x01, 0xf2], &[0x03, 0xf4, 0xf5, 0xf6, 0xf7]]),
            0x220d
        );
        assert_eq!(inet(&[&[0xab]]), !0xab00);
        assert_eq!(inet(&[]), 0xffff);
    }
}
