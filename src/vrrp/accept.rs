//! Accept mode (RFC 5798 6.4.3, keepalived's accept / no_accept): a master that does not
//! own its VIPs and is in no_accept mode drops what is addressed to them, as keepalived
//! does with its own nftables table. hakit's is `inet hakit_vrrp`, shared by every
//! `vrrp run` of the host: an input chain drops packets to the addresses in its sets, an
//! output chain packets from them (neighbour discovery passes both ways). An instance
//! puts its VIPs in the sets on becoming master and takes them out on leaving it, so the
//! rules match only while a no_accept master holds them. No other table is touched.
//!
//! The batches are nft syntax, built here as pure text (tested), run in-process through
//! libnftables ([`crate::ffi::Nftables`]).

use std::net::IpAddr;

/// hakit's table for accept mode.
pub const TABLE: &str = "hakit_vrrp";

/// The batch that makes the table, its sets and its rules (again: a second run leaves
/// one copy of each rule and the sets' elements as they are).
pub fn setup() -> String {
    format!(
        "add table inet {TABLE}
add set inet {TABLE} vips4 {{ type ipv4_addr; }}
add set inet {TABLE} vips6 {{ type ipv6_addr; }}
add chain inet {TABLE} in {{ type filter hook input priority -1; policy accept; }}
add chain inet {TABLE} out {{ type filter hook output priority -1; policy accept; }}
flush chain inet {TABLE} in
flush chain inet {TABLE} out
add rule inet {TABLE} in icmpv6 type {{ nd-neighbor-solicit, nd-neighbor-advert }} accept
add rule inet {TABLE} in ip daddr @vips4 drop
add rule inet {TABLE} in ip6 daddr @vips6 drop
add rule inet {TABLE} out icmpv6 type {{ nd-neighbor-solicit, nd-neighbor-advert }} accept
add rule inet {TABLE} out ip saddr @vips4 drop
add rule inet {TABLE} out ip6 saddr @vips6 drop
"
    )
}

/// The batch that puts `addrs` in the sets (`block`) or takes them out.
pub fn elements(addrs: &[IpAddr], block: bool) -> String {
    let verb = if block { "add" } else { "delete" };
    let mut out = String::new();
    for (set, v6) in [("vips4", false), ("vips6", true)] {
        let of: Vec<String> = addrs
            .iter()
            .filter(|a| a.is_ipv6() == v6)
            .map(|a| a.to_string())
            .collect();
        if !of.is_empty() {
            out.push_str(&format!(
                "{verb} element inet {TABLE} {set} {{ {} }}\n",
                of.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_name_only_hakit_s_table() {
        for line in setup().lines() {
            let w: Vec<&str> = line.split_whitespace().collect();
            assert!(w.windows(2).any(|p| p == ["inet", TABLE]), "{line}");
        }
        let a: Vec<IpAddr> = vec![
            "10.0.0.1".parse().unwrap(),
            "2001:db8::1".parse().unwrap(),
            "10.0.0.2".parse().unwrap(),
        ];
        assert_eq!(
            elements(&a, true),
            "add element inet hakit_vrrp vips4 { 10.0.0.1, 10.0.0.2 }\nadd element inet hakit_vrrp vips6 { 2001:db8::1 }\n"
        );
        assert_eq!(
            elements(&a[..1], false),
            "delete element inet hakit_vrrp vips4 { 10.0.0.1 }\n"
        );
        assert_eq!(elements(&[], true), "");
    }
}
