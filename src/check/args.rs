//! A check written back as the `hakit check` arguments that give it: what `conf plan`
//! writes as an `lb run --check` template. The inverse of the command line's parser, and
//! tested as a round trip against it (`cli::check`). Only what differs from that command's
//! defaults is written.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use super::http::{HttpCheck, StatusSet};
use super::simple::{self, UdpReply};
use super::{Check, Policy, Probe};
use crate::addr::host_port;
use crate::units::format_duration;

/// The defaults of `hakit check`'s --connect-timeout, --retry and --delay-before-retry.
const DEFAULT_POLICY: Policy = Policy {
    connect_timeout: Duration::from_secs(5),
    retry: 1,
    delay_before_retry: Duration::from_secs(1),
};

/// `hakit check misc`'s defaults: --timeout 5s, no retry.
const MISC_POLICY: Policy = Policy {
    connect_timeout: Duration::from_secs(5),
    retry: 0,
    delay_before_retry: Duration::from_secs(1),
};

/// The default payload of `check udp`.
pub const UDP_PAYLOAD: &[u8] = b"hakit";
/// The default HELO name of `check smtp`.
pub const SMTP_HELO: &str = "hakit.check";

struct Words(Vec<String>);

impl Words {
    fn flag(&mut self, f: &str) {
        self.0.push(f.into());
    }

    fn opt(&mut self, f: &str, v: impl ToString) {
        self.0.push(f.into());
        self.0.push(v.to_string());
    }

    /// The target: nothing when it is `default`, the options that differ otherwise, the
    /// whole `ADDR:PORT` without a default.
    fn target(&mut self, addr: SocketAddr, bindto: Option<IpAddr>, default: Option<SocketAddr>) {
        match default {
            None => self.0.push(host_port(addr.ip(), addr.port())),
            Some(d) => {
                if addr.ip() != d.ip() {
                    self.opt("--connect-ip", addr.ip());
                }
                if addr.port() != d.port() {
                    self.opt("--connect-port", addr.port());
                }
            }
        }
        if let Some(b) = bindto {
            self.opt("--bindto", b);
        }
    }

    fn policy(&mut self, p: &Policy, default: &Policy, timeout_flag: &str) {
        if p.connect_timeout != default.connect_timeout {
            self.opt(timeout_flag, format_duration(p.connect_timeout));
        }
        if p.retry != default.retry {
            self.opt("--retry", p.retry);
        }
        if p.delay_before_retry != default.delay_before_retry {
            self.opt(
                "--delay-before-retry",
                format_duration(p.delay_before_retry),
            );
        }
    }

    fn http(&mut self, h: &HttpCheck, default: Option<SocketAddr>) {
        self.target(h.addr, h.bindto, default);
        self.opt("--path", &h.path);
        if h.status != StatusSet::default() {
            self.opt("--status-code", h.status.to_string());
        }
        if let Some(d) = &h.digest {
            self.opt("--digest", d);
        }
        if let Some(v) = &h.virtualhost {
            self.opt("--virtualhost", v);
        }
        if let Some(r) = &h.regex {
            self.opt("--regex", r.as_str());
        }
        if h.http10 {
            self.flag("--http10");
        }
    }
}

/// The arguments of `hakit check` that give `c`, its target left out where it is
/// `default` (the real server, for an `lb run --check` template). `None` for what one
/// `hakit check` cannot say: several checks that must all pass.
pub fn words(c: &Check, default: Option<SocketAddr>) -> Option<Vec<String>> {
    let mut w = Words(Vec::new());
    match &c.probe {
        Probe::Tcp { addr, bindto } => {
            w.flag("tcp");
            w.target(*addr, *bindto, default);
        }
        Probe::Http(h) => {
            w.flag("http");
            w.http(h, default);
        }
        Probe::Ssl(h, t) => {
            w.flag("ssl");
            w.http(h, default);
            let spec = &t.spec;
            if let Some(s) = &spec.sni {
                w.opt("--sni", s);
            }
            for (f, p) in [
                ("--ca", &spec.ca),
                ("--cert", &spec.cert),
                ("--key", &spec.key),
            ] {
                if let Some(p) = p {
                    w.opt(f, p.display());
                }
            }
        }
        Probe::Misc { argv, dynamic } => {
            // One argument after `--` is split like a shell would: a program whose one
            // argument would split differently cannot be said.
            if let [one] = argv.as_slice() {
                if crate::process::split_command(one).ok()? != *argv {
                    return None;
                }
            }
            w.flag("misc");
            if *dynamic {
                w.flag("--dynamic");
            }
            w.policy(&c.policy, &MISC_POLICY, "--timeout");
            w.flag("--");
            w.0.extend(argv.iter().cloned());
            return Some(w.0);
        }
        Probe::Smtp { addr, bindto, helo } => {
            w.flag("smtp");
            w.target(*addr, *bindto, default);
            if helo != SMTP_HELO {
                w.opt("--helo-name", helo);
            }
        }
        Probe::Dns {
            addr,
            bindto,
            name,
            qtype,
        } => {
            w.flag("dns");
            w.target(*addr, *bindto, default);
            if *qtype != simple::DNS_DEFAULT_TYPE {
                w.opt("--type", simple::dns_type_name(*qtype)?);
            }
            if name != "." {
                w.opt("--name", name);
            }
        }
        Probe::Udp {
            addr,
            bindto,
            payload,
            reply,
        } => {
            w.flag("udp");
            w.target(*addr, *bindto, default);
            if payload != UDP_PAYLOAD {
                w.opt("--payload-hex", simple::hex(payload));
            }
            match reply {
                UdpReply::Optional => w.flag("--no-reply-ok"),
                UdpReply::Contains(t) => w.opt("--expect", String::from_utf8(t.clone()).ok()?),
                UdpReply::Required {
                    pattern,
                    min_len,
                    max_len,
                } => {
                    if !pattern.is_empty() {
                        w.opt("--require-reply", simple::hex_pattern(pattern));
                    }
                    if *min_len != 0 {
                        w.opt("--min-reply-length", min_len);
                    }
                    let max_default = if pattern.is_empty() { usize::MAX } else { 255 };
                    if *max_len != max_default {
                        w.opt("--max-reply-length", max_len);
                    }
                }
            }
        }
        Probe::Ping { addr } => {
            w.flag("ping");
            if default.map(|d| d.ip()) != Some(*addr) {
                w.0.push(addr.to_string());
            }
        }
        Probe::All(_) => return None,
    }
    w.policy(&c.policy, &DEFAULT_POLICY, "--connect-timeout");
    Some(w.0)
}
