//! The keepalived keywords hakit reads but does not carry over, each with the reason:
//! `conf check` names them and counts them, and the man page lists them from this table.

/// Where a keyword is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Top,
    GlobalDefs,
    Instance,
    SyncGroup,
}

impl Within {
    pub fn name(self) -> &'static str {
        match self {
            Within::Top => "top level",
            Within::GlobalDefs => "global_defs",
            Within::Instance => "vrrp_instance",
            Within::SyncGroup => "vrrp_sync_group",
        }
    }
}

const NOT_YET: &str = "not implemented yet";

/// (where, keyword, why it is not carried over).
pub const GAPS: &[(Within, &str, &str)] = &[
    (Within::Top, "virtual_server_group", NOT_YET),
    (Within::Top, "linkbeat_interfaces", NOT_YET),
    (Within::Top, "garp_group", NOT_YET),
    (Within::GlobalDefs, "vrrp_skip_check_adv_addr", NOT_YET),
    (
        Within::GlobalDefs,
        "vrrp_iptables",
        "hakit writes no iptables rules (keepalived's serve vrrp_strict)",
    ),
    (
        Within::GlobalDefs,
        "nftables",
        "hakit writes no VRRP firewall rules (keepalived's serve vrrp_strict)",
    ),
    (
        Within::GlobalDefs,
        "vrrp_priority",
        "a process priority: set it in the unit (Nice=)",
    ),
    (
        Within::GlobalDefs,
        "checker_priority",
        "a process priority: set it in the unit (Nice=)",
    ),
    (
        Within::GlobalDefs,
        "max_auto_priority",
        "realtime scheduling: set it in the unit (CPUSchedulingPolicy=)",
    ),
    (
        Within::GlobalDefs,
        "lvs_flush",
        "lb run never flushes a table at start; `hakit ipvs flush` does on request",
    ),
    (
        Within::GlobalDefs,
        "lvs_flush_onstop",
        "lb run takes out at exit what it put in, and only that",
    ),
    (
        Within::GlobalDefs,
        "lvs_flush_on_stop",
        "lb run takes out at exit what it put in, and only that",
    ),
    (
        Within::GlobalDefs,
        "lvs_notify_fifo",
        "not implemented yet: lb run writes no FIFO (notify_fifo gets vrrp run's lines only)",
    ),
    (Within::GlobalDefs, "lvs_notify_fifo_script", NOT_YET),
    (
        Within::GlobalDefs,
        "log_unknown_vrids",
        "a kernel filter gives each instance only its own VRID's adverts; `hakit vrrp watch` shows every VRID on the wire",
    ),
    (
        Within::Instance,
        "native_ipv6",
        "the VIPs' family decides the instance's: give IPv6 VIPs",
    ),
    (Within::Instance, "debug", "use hakit's -v and -vv"),
    (
        Within::Instance,
        "lvs_sync_daemon_interface",
        "start IPVS's sync daemon with `hakit ipvs sync-daemon start`",
    ),
    (Within::Instance, "track_bfd", NOT_YET),
    (Within::SyncGroup, "track_bfd", NOT_YET),
];

/// Why `key` (written `within`) is not carried over, when it is one of those.
pub fn reason(within: Within, key: &str) -> Option<&'static str> {
    GAPS.iter()
        .find(|(w, k, _)| *w == within && *k == key)
        .map(|g| g.2)
}

/// The man page's list: every keyword, where, and why.
pub fn help() -> String {
    let mut s = String::from(
        "NOT CARRIED OVER:\n  keepalived keywords that conf check names, and vrrp run --config and lb run\n  --config ignore (conf check ends with their count):\n",
    );
    for (w, k, why) in GAPS {
        s.push_str(&format!("  {k} ({}): {why}\n", w.name()));
    }
    s.push_str(
        "\nDELIBERATE DEVIATIONS:\n  A master's advert timing does not depend on the invalid packets it receives\n  (keepalived re-arms its advert timer on every packet, even one it discards, so a\n  keepalived master hit by wrong-password adverts can fall silent for longer than the\n  master-down interval). Track scripts and notify commands with shell syntax run\n  through /bin/sh -c (keepalived runs them without a shell). A notify FIFO path that\n  is not a FIFO of this user is refused at start (keepalived runs without it); a reload\n  keeps the FIFO and its reader, and the FIFO script reads the STOP lines at exit\n  (keepalived makes a new FIFO at a reload and kills the script before stopping).\n  With vrrp_garp_interval, a burst sends the vrrp_garp_master_repeat count given, spaced\n  (keepalived 2.2.7 then sends at most two per address). The interval spaces one\n  instance's frames (keepalived's, all frames of an interface).\n",
    );
    s
}
