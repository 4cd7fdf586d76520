//! VIPs announced over BGP through BIRD 2: hakit never speaks BGP itself.
//!
//! hakit owns one file that BIRD's configuration includes: two static protocols,
//! `hakit4` and `hakit6`, holding one blackhole route per announced VIP. The BGP sessions
//! export those routes (next hop self), so every router learns the VIP through every
//! director that announces it, and spreads flows over them (ECMP). A change rewrites the
//! file atomically and asks BIRD to reconfigure through its control socket (`birdc
//! configure`); if BIRD refuses, the previous file is put back and BIRD keeps running what
//! it had.
//!
//! The pure part (the file, the configuration hakit proposes, birdc's answers read back)
//! is here; [`Bird`] is the edge that runs birdc and writes the file.

use std::collections::BTreeSet;
use std::io::{ErrorKind, Write};
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::check::Check;
use crate::error::{Error, Result};
use crate::units::format_duration;

/// The static protocols of hakit's include file.
pub const PROTO4: &str = "hakit4";
pub const PROTO6: &str = "hakit6";
/// Debian's bird2 defaults.
pub const SOCKET: &str = "/run/bird/bird.ctl";
pub const INCLUDE: &str = "/etc/bird/hakit-vips.conf";

const HEADER: &str = "# Written by hakit (hakit bgp announce/withdraw): the VIPs this director announces.\n# Edits are overwritten; BIRD's configuration includes this file.\n";

/// The include file announcing `vips`: both protocols always exist, so the BGP
/// sessions' export filters name them whether or not a VIP of that family is announced.
pub fn render_include(vips: &BTreeSet<IpAddr>) -> String {
    let mut s = String::from(HEADER);
    for (proto, channel, v6) in [(PROTO4, "ipv4", false), (PROTO6, "ipv6", true)] {
        s.push_str(&format!("protocol static {proto} {{\n  {channel};\n"));
        for v in vips.iter().filter(|v| v.is_ipv6() == v6) {
            let len = if v6 { 128 } else { 32 };
            s.push_str(&format!("  route {v}/{len} blackhole;\n"));
        }
        s.push_str("}\n");
    }
    s
}

/// The VIPs of an include file hakit wrote.
pub fn parse_include(text: &str) -> std::result::Result<BTreeSet<IpAddr>, String> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let w: Vec<&str> = line.split_whitespace().collect();
        if w.first() != Some(&"route") {
            continue;
        }
        let addr = w
            .get(1)
            .and_then(|p| p.split('/').next())
            .and_then(|a| a.parse::<IpAddr>().ok())
            .ok_or_else(|| format!("line {}: not a route hakit wrote: {line}", i + 1))?;
        out.insert(addr);
    }
    Ok(out)
}

/// A router: its address and AS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbor {
    pub addr: IpAddr,
    /// The interface of a link-local IPv6 router (`fe80::1%eth0`).
    pub interface: Option<String>,
    pub asn: u32,
}

impl std::str::FromStr for Neighbor {
    type Err = String;

    /// `ADDR:AS` (`2001:db8::1:65000`: the AS after the last colon; `[2001:db8::1]:65000`).
    fn from_str(s: &str) -> std::result::Result<Neighbor, String> {
        let (a, n) = s
            .rsplit_once(':')
            .ok_or_else(|| format!("router \"{s}\": give ADDR:AS"))?;
        let a = a.trim_start_matches('[').trim_end_matches(']');
        let (a, interface) = match a.split_once('%') {
            Some((a, i)) if !i.is_empty() => (a, Some(i.to_string())),
            _ => (a, None),
        };
        let addr = a.parse::<IpAddr>().map_err(|_| {
            format!("router \"{s}\": \"{a}\" is neither an IPv4 nor an IPv6 address")
        })?;
        let asn = n.parse::<u32>().ok().filter(|&n| n > 0).ok_or_else(|| {
            format!("router \"{s}\": AS \"{n}\" is not a number from 1 to 4294967295")
        })?;
        let link_local = matches!(addr, IpAddr::V6(v6) if v6.segments()[0] & 0xffc0 == 0xfe80);
        match (&interface, link_local) {
            (None, true) => Err(format!(
                "router \"{s}\": a link-local address needs its interface: {a}%eth0:{n}"
            )),
            (Some(_), false) => Err(format!(
                "router \"{s}\": only a link-local IPv6 address takes an interface"
            )),
            _ => Ok(Neighbor {
                addr,
                interface,
                asn,
            }),
        }
    }
}

/// What `hakit bgp config` writes a BIRD configuration from.
#[derive(Debug, Clone)]
pub struct Plan {
    pub router_id: Ipv4Addr,
    pub local_as: u32,
    pub neighbors: Vec<Neighbor>,
    pub include: PathBuf,
    pub bfd: bool,
    /// BFD's interval in milliseconds (detection: three of them).
    pub bfd_interval_ms: u32,
    /// BGP hold time in seconds (keepalives at a third of it).
    pub hold: u16,
}

/// A complete BIRD 2 configuration for a director: one BGP session per router, BFD on,
/// hakit's static protocols exported with next hop self and nothing imported (a
/// director needs no routes from the routers to announce a VIP).
pub fn render_config(p: &Plan) -> String {
    let mut s = format!(
        "# BIRD 2 configuration for a hakit director (hakit bgp config).\nrouter id {};\n\nprotocol device {{\n}}\n",
        p.router_id
    );
    if p.bfd {
        s.push_str(&format!(
            "\nprotocol bfd {{\n  interface \"*\" {{\n    min rx interval {ms} ms;\n    min tx interval {ms} ms;\n    multiplier 3;\n  }};\n}}\n",
            ms = p.bfd_interval_ms
        ));
    }
    // A pattern matching just the file: BIRD refuses to start on an include that does
    // not exist, but not on a pattern that matches nothing (before the first announce).
    let path = p.include.display().to_string();
    let pattern = match path.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphanumeric() => format!("{}[{c}]", &path[..i]),
        _ => path,
    };
    s.push_str(&format!(
        "\n# The VIPs, written by hakit bgp announce/withdraw (a pattern, so bird starts\n# before the file exists).\ninclude \"{pattern}\";\n"
    ));
    for (i, n) in p.neighbors.iter().enumerate() {
        let (channel, proto) = if n.addr.is_ipv6() {
            ("ipv6", PROTO6)
        } else {
            ("ipv4", PROTO4)
        };
        s.push_str(&format!(
            "\nprotocol bgp router{} {{\n  local as {};\n  neighbor {} as {};\n  hold time {};\n  keepalive time {};\n",
            i + 1,
            p.local_as,
            match &n.interface {
                Some(i) => format!("{}%{i}", n.addr),
                None => n.addr.to_string(),
            },
            n.asn,
            p.hold,
            (p.hold / 3).max(1)
        ));
        if p.bfd {
            s.push_str("  bfd on;\n");
        }
        s.push_str(&format!(
            "  {channel} {{\n    import none;\n    export where proto = \"{proto}\";\n    next hop self;\n  }};\n}}\n"
        ));
    }
    s
}

/// birdc's words when nothing listens on the socket.
fn unreachable(stderr: &str) -> bool {
    stderr.contains("Unable to connect")
}

/// A protocol as `birdc show protocols` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub name: String,
    pub proto: String,
    pub state: String,
    pub since: String,
    /// BGP: Established, Active, Connect, ...
    pub info: String,
}

/// The rows of `birdc show protocols`.
pub fn parse_protocols(text: &str) -> Vec<Session> {
    text.lines()
        .filter(|l| !l.starts_with("BIRD ") && !l.starts_with("Name "))
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() >= 5).then(|| Session {
                name: w[0].into(),
                proto: w[1].into(),
                state: w[3].into(),
                since: w[4].into(),
                info: w[5..].join(" "),
            })
        })
        .collect()
}

/// A BFD session as `birdc show bfd sessions` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bfd {
    pub addr: IpAddr,
    pub interface: String,
    pub state: String,
}

/// The rows of `birdc show bfd sessions`.
pub fn parse_bfd(text: &str) -> Vec<Bfd> {
    text.lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            Some(Bfd {
                addr: w.first()?.parse().ok()?,
                interface: w.get(1)?.to_string(),
                state: w.get(2)?.to_string(),
            })
        })
        .collect()
}

/// The VIPs in BIRD's table from hakit's protocols (`birdc show route protocol ...`).
pub fn parse_routes(text: &str) -> BTreeSet<IpAddr> {
    text.lines()
        .filter_map(|l| {
            let first = l.split_whitespace().next()?;
            first.split_once('/')?.0.parse().ok()
        })
        .collect()
}

/// What announce or withdraw did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changed {
    /// VIPs whose announcement changed.
    pub changed: Vec<IpAddr>,
    /// VIPs that were already as asked.
    pub unchanged: Vec<IpAddr>,
}

/// What `hakit bgp status` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub include: PathBuf,
    /// In hakit's file.
    pub configured: BTreeSet<IpAddr>,
    /// In BIRD's table (what BIRD announces).
    pub announced: BTreeSet<IpAddr>,
    pub sessions: Vec<Session>,
    pub bfd: Vec<Bfd>,
}

/// BIRD as hakit drives it: its control socket and hakit's include file.
#[derive(Debug, Clone)]
pub struct Bird {
    pub socket: PathBuf,
    pub include: PathBuf,
}

impl Bird {
    /// birdc's answer to `args`, whatever it is; an error only when birdc cannot run.
    fn run_birdc(&self, args: &[&str]) -> Result<std::process::Output> {
        Command::new("birdc")
            .arg("-s")
            .arg(&self.socket)
            .args(args)
            .output()
            .map_err(|e| {
                if e.kind() == ErrorKind::NotFound {
                    Error::Failed("needs birdc (Debian: apt-get install bird2)".into())
                } else {
                    Error::Failed(format!("run birdc: {e}"))
                }
            })
    }

    /// Whether BIRD answers on the socket now: false when nothing listens there (not
    /// started yet, restarting); an error when birdc cannot run or the socket cannot be
    /// used for another reason (permissions), or BIRD answers with an error.
    pub fn answers(&self) -> Result<bool> {
        let args = ["show", "status"];
        let out = self.run_birdc(&args)?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if unreachable(&stderr)
            && (stderr.contains("No such file") || stderr.contains("Connection refused"))
        {
            return Ok(false);
        }
        self.answer(&args, out).map(|_| true)
    }

    /// Run birdc with `args`: its answer, or one line saying why not.
    fn birdc(&self, args: &[&str]) -> Result<String> {
        let out = self.run_birdc(args)?;
        self.answer(args, out)
    }

    /// birdc's output, or its error in one line.
    fn answer(&self, args: &[&str], out: std::process::Output) -> Result<String> {
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if unreachable(&stderr) {
            // birdc names the socket too: its reason alone ("No such file or directory").
            let why = stderr.trim();
            let why = why.rsplit_once("): ").map_or(why, |(_, w)| w);
            return Err(Error::Failed(format!(
                "BIRD's control socket {} is unreachable: {why} (is bird running? --socket names another)",
                self.socket.display(),
            )));
        }
        if !out.status.success() {
            // BIRD's own message: the lines after birdc's greeting and "Reading ...".
            let msg: Vec<&str> = stdout
                .lines()
                .chain(stderr.lines())
                .filter(|l| !l.starts_with("BIRD ") && !l.starts_with("Reading configuration"))
                .collect();
            return Err(Error::Failed(format!(
                "birdc {}: {}",
                args.join(" "),
                msg.join("; ")
            )));
        }
        Ok(stdout)
    }

    /// The VIPs in hakit's file (none if it does not exist yet).
    pub fn configured(&self) -> Result<BTreeSet<IpAddr>> {
        self.parse(self.read_include()?.as_deref())
    }

    /// hakit's file as it is (`None`: not written yet).
    fn read_include(&self) -> Result<Option<String>> {
        match std::fs::read_to_string(&self.include) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(format!("read {}", self.include.display()), e)),
        }
    }

    fn parse(&self, text: Option<&str>) -> Result<BTreeSet<IpAddr>> {
        parse_include(text.unwrap_or_default())
            .map_err(|e| Error::Failed(format!("{}: {e}", self.include.display())))
    }

    /// Announce (`on`) or withdraw `vips`. Idempotent: what is already so is reported
    /// and changes nothing. BIRD refusing the new configuration puts the previous file
    /// back, and the error carries BIRD's message.
    pub fn set(&self, vips: &[IpAddr], on: bool) -> Result<Changed> {
        // Reach BIRD first: an unreachable socket changes nothing.
        self.birdc(&["show", "status"])?;
        let old = self.read_include()?;
        let before = self.parse(old.as_deref())?;
        let mut after = before.clone();
        let (mut changed, mut unchanged) = (Vec::new(), Vec::new());
        for &v in vips {
            let did = if on {
                after.insert(v)
            } else {
                after.remove(&v)
            };
            if did {
                changed.push(v);
            } else if !unchanged.contains(&v) {
                unchanged.push(v);
            }
        }
        if changed.is_empty() {
            return Ok(Changed { changed, unchanged });
        }
        write_atomic(&self.include, render_include(&after).as_bytes())?;
        if let Err(e) = self.birdc(&["configure"]) {
            let restored = match &old {
                Some(b) => write_atomic(&self.include, b.as_bytes()),
                None => std::fs::remove_file(&self.include)
                    .map_err(|e| Error::io(format!("remove {}", self.include.display()), e)),
            };
            return Err(match restored {
                Ok(()) => Error::Failed(format!(
                    "BIRD refused the configuration, {} is as it was: {e}",
                    self.include.display()
                )),
                Err(r) => Error::Failed(format!("BIRD refused the configuration ({e}), and {r}")),
            });
        }
        Ok(Changed { changed, unchanged })
    }

    /// Take `vips` out of hakit's file without telling BIRD, which does not answer: the
    /// BIRD that starts next does not announce them.
    pub fn withdraw_offline(&self, vips: &[IpAddr]) -> Result<()> {
        let mut after = self.configured()?;
        let before = after.len();
        for v in vips {
            after.remove(v);
        }
        if after.len() == before {
            return Ok(());
        }
        write_atomic(&self.include, render_include(&after).as_bytes())
    }

    /// hakit's VIPs, in the file and in BIRD's table, and the sessions as BIRD has them.
    pub fn status(&self) -> Result<Status> {
        let configured = self.configured()?;
        let protocols = parse_protocols(&self.birdc(&["show", "protocols"])?);
        let mut announced = BTreeSet::new();
        for p in [PROTO4, PROTO6] {
            if protocols.iter().any(|s| s.name == p) {
                announced.extend(parse_routes(
                    &self.birdc(&["show", "route", "protocol", p])?,
                ));
            }
        }
        let bfd = if protocols.iter().any(|s| s.proto == "BFD") {
            parse_bfd(&self.birdc(&["show", "bfd", "sessions"])?)
        } else {
            Vec::new()
        };
        Ok(Status {
            include: self.include.clone(),
            configured,
            announced,
            sessions: protocols.into_iter().filter(|s| s.proto == "BGP").collect(),
            bfd,
        })
    }
}

/// Whether the local service is healthy, from check results: --fall bad results in a row
/// make it unhealthy, --rise good ones healthy again; before the first verdict it is
/// unknown (nothing announced).
#[derive(Debug, Clone)]
pub struct Health {
    pub fall: u32,
    pub rise: u32,
    state: Option<bool>,
    run: u32,
}

impl Health {
    pub fn new(fall: u32, rise: u32) -> Health {
        Health {
            fall: fall.max(1),
            rise: rise.max(1),
            state: None,
            run: 0,
        }
    }

    pub fn healthy(&self) -> Option<bool> {
        self.state
    }

    /// One check's result: the new state if it changed. The first result decides at
    /// once (a director that starts healthy announces without waiting --rise checks, one
    /// that starts failing never announces).
    pub fn observe(&mut self, ok: bool) -> Option<bool> {
        match self.state {
            None => {
                self.state = Some(ok);
                self.run = 0;
                Some(ok)
            }
            Some(s) if s == ok => {
                self.run = 0;
                None
            }
            Some(_) => {
                self.run += 1;
                let need = if ok { self.rise } else { self.fall };
                if self.run >= need {
                    self.state = Some(ok);
                    self.run = 0;
                    Some(ok)
                } else {
                    None
                }
            }
        }
    }
}

/// How `hakit bgp run` paces itself: a check every `every`; `drain` waited at the end.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub every: Duration,
    pub drain: Duration,
}

/// `hakit bgp run`'s loop, until `stop`: `check` every `pace.every`, `vips` announced
/// while `health` says healthy and withdrawn when not (a change BIRD refuses is tried
/// again at the next check). At the end the VIPs are withdrawn first and `pace.drain`
/// waited, unless nothing was announced. `heart` beats at every check.
pub fn announce_while_healthy(
    bird: &Bird,
    vips: &[IpAddr],
    check: &Check,
    pace: Pace,
    mut health: Health,
    stop: &AtomicBool,
    heart: &crate::metrics::http::Heartbeat,
) -> Result<()> {
    let Pace { every, drain } = pace;
    let list: Vec<String> = vips.iter().map(|v| v.to_string()).collect();
    let list = list.join(", ");
    // What BIRD has from us, as far as we know (None: not yet set).
    let mut announced: Option<bool> = None;
    // The last refusal and how often it came since: logged once, not at every check.
    let mut refused: Option<(String, u32)> = None;
    while !stop.load(Ordering::Relaxed) {
        heart.beat();
        let started = Instant::now();
        let (ok, why) = match check.run_blocking() {
            Ok(v) => (v.healthy, v.reason),
            Err(e) => (false, e.to_string()),
        };
        if let Some(now) = health.observe(ok) {
            let (what, doing) = if now {
                ("passes", "announcing")
            } else {
                ("fails", "withdrawing")
            };
            log::warn!("check {what} ({why}): {doing} {list}");
        }
        if let Some(want) = health.healthy() {
            if announced != Some(want) {
                match bird.set(vips, want) {
                    Ok(_) => {
                        announced = Some(want);
                        if let Some((_, n)) = refused.take() {
                            log::warn!("BIRD took the change after {n} refused tries");
                        }
                    }
                    Err(e) => {
                        let e = e.to_string();
                        match &mut refused {
                            Some((last, n)) if *last == e => {
                                *n += 1;
                                log::debug!("{e} (again)");
                            }
                            _ => {
                                log::error!("{e} (tried again at every check; logged once)");
                                refused = Some((e, 1));
                            }
                        }
                    }
                }
            }
        }
        while !stop.load(Ordering::Relaxed) && started.elapsed() < every {
            std::thread::sleep(Duration::from_millis(20).min(every));
        }
    }
    if announced == Some(true) {
        bird.set(vips, false)?;
        log::warn!(
            "stopping: withdrew {list}; draining for {}",
            format_duration(drain)
        );
        std::thread::sleep(drain);
    } else {
        log::warn!("stopping: nothing announced, nothing to drain");
    }
    Ok(())
}

/// Replace `path` with `bytes` at once: a temporary file beside it, renamed over it.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.hakit-tmp"));
    let what = || format!("write {}", path.display());
    let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io(what(), e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(what(), e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(what(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[&str]) -> BTreeSet<IpAddr> {
        v.iter().map(|a| a.parse().unwrap()).collect()
    }

    #[test]
    fn the_include_file_reads_back_and_keeps_both_protocols() {
        let vips = set(&["10.0.0.100", "2001:db8::100", "10.0.0.7"]);
        let t = render_include(&vips);
        assert!(t.contains("protocol static hakit4 {\n  ipv4;\n  route 10.0.0.7/32 blackhole;\n  route 10.0.0.100/32 blackhole;\n}"), "{t}");
        assert!(t.contains("route 2001:db8::100/128 blackhole;"), "{t}");
        assert_eq!(parse_include(&t).unwrap(), vips);
        let empty = render_include(&BTreeSet::new());
        assert!(
            empty.contains("protocol static hakit4") && empty.contains("protocol static hakit6")
        );
        assert!(parse_include(&empty).unwrap().is_empty());
        assert!(parse_include("route nonsense;").is_err());
    }

    #[test]
    fn routers_are_addr_colon_as_of_either_family() {
        let n: Neighbor = "10.0.0.254:65000".parse().unwrap();
        assert_eq!((n.addr, n.asn), ("10.0.0.254".parse().unwrap(), 65000));
        let n: Neighbor = "2001:db8::1:64512".parse().unwrap();
        assert_eq!(n.addr, "2001:db8::1".parse::<IpAddr>().unwrap());
        let n: Neighbor = "[fd00::1]:4200000000".parse().unwrap();
        assert_eq!(n.asn, 4_200_000_000);
        for bad in ["router1:65000", "10.0.0.1", "10.0.0.1:0", "10.0.0.1:x"] {
            assert!(bad.parse::<Neighbor>().is_err(), "{bad}");
        }
        let e = "gw.example:65000".parse::<Neighbor>().unwrap_err();
        assert!(e.contains("neither an IPv4 nor an IPv6 address"), "{e}");
        let n: Neighbor = "fe80::1%eth1:65000".parse().unwrap();
        assert_eq!(n.interface.as_deref(), Some("eth1"));
        let e = "fe80::1:65000".parse::<Neighbor>().unwrap_err();
        assert!(e.contains("needs its interface: fe80::1%eth0:65000"), "{e}");
        let e = "10.0.0.1%eth0:65000".parse::<Neighbor>().unwrap_err();
        assert!(e.contains("only a link-local"), "{e}");
    }

    #[test]
    fn the_config_has_a_session_per_router_with_bfd_exporting_hakits_routes() {
        let p = Plan {
            router_id: "10.0.0.1".parse().unwrap(),
            local_as: 65001,
            neighbors: vec![
                "10.0.0.254:65000".parse().unwrap(),
                "fd00::fe:65000".parse().unwrap(),
                "fe80::1%eth1:65000".parse().unwrap(),
            ],
            include: INCLUDE.into(),
            bfd: true,
            bfd_interval_ms: 100,
            hold: 9,
        };
        let c = render_config(&p);
        assert!(c.contains("router id 10.0.0.1;"), "{c}");
        assert!(
            c.contains("include \"/etc/bird/hakit-vips.con[f]\";"),
            "{c}"
        );
        assert!(c.contains("min rx interval 100 ms;"), "{c}");
        assert!(c.contains("protocol bgp router1 {\n  local as 65001;\n  neighbor 10.0.0.254 as 65000;\n  hold time 9;\n  keepalive time 3;\n  bfd on;\n  ipv4 {\n    import none;\n    export where proto = \"hakit4\";\n    next hop self;"), "{c}");
        assert!(c.contains("neighbor fd00::fe as 65000;"), "{c}");
        assert!(c.contains("neighbor fe80::1%eth1 as 65000;"), "{c}");
        assert!(c.contains("export where proto = \"hakit6\";"), "{c}");
        let c = render_config(&Plan { bfd: false, ..p });
        assert!(!c.contains("bfd"), "{c}");
    }

    #[test]
    fn health_follows_fall_and_rise() {
        let mut h = Health::new(2, 3);
        assert_eq!(h.healthy(), None);
        assert_eq!(h.observe(true), Some(true), "the first result decides");
        assert_eq!(h.observe(false), None);
        assert_eq!(h.observe(true), None, "a good result resets the count");
        assert_eq!(h.observe(false), None);
        assert_eq!(h.observe(false), Some(false), "two bad in a row");
        assert_eq!(h.observe(true), None);
        assert_eq!(h.observe(true), None);
        assert_eq!(h.observe(true), Some(true), "three good in a row");
        let mut h = Health::new(1, 1);
        assert_eq!(h.observe(false), Some(false));
        assert_eq!(h.observe(false), None);
        assert_eq!(h.observe(true), Some(true));
        assert_eq!(Health::new(0, 0).fall, 1);
    }

    #[test]
    fn birdc_answers_read_back() {
        let protos = "BIRD 2.0.12 ready.\nName       Proto      Table      State  Since         Info\ndevice1    Device     ---        up     13:50:49.607  \nhakit4     Static     master4    up     13:50:49.607  \nr1         BGP        ---        up     13:50:53.472  Established   \nr2         BGP        ---        start  13:50:49.607  Active        Socket: Connection refused\n";
        let p = parse_protocols(protos);
        assert_eq!(p.len(), 4);
        assert_eq!(p[2].name, "r1");
        assert_eq!(
            (p[2].state.as_str(), p[2].info.as_str()),
            ("up", "Established")
        );
        assert_eq!(p[3].info, "Active Socket: Connection refused");
        let bfd = "BIRD 2.0.12 ready.\nbfd1:\nIP address                Interface  State      Since         Interval  Timeout\n10.77.0.2                 hkb1e      Up         13:50:50.362    0.100    0.300\n";
        assert_eq!(
            parse_bfd(bfd),
            [Bfd {
                addr: "10.77.0.2".parse().unwrap(),
                interface: "hkb1e".into(),
                state: "Up".into()
            }]
        );
        let routes = "BIRD 2.0.12 ready.\nTable master4:\n10.77.9.100/32       blackhole [hakit4 13:50:49.661] * (200)\n";
        assert_eq!(parse_routes(routes), set(&["10.77.9.100"]));
    }
}
