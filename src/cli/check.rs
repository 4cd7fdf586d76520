//! `hakit check`: one-shot health checks for scripts, cron and `vrrp run --track-script`.

use std::net::{IpAddr, SocketAddr};

use clap::{Args, Subcommand};
use regex::Regex;

use super::{Exit, Out};
use crate::addr::parse_host_port;
use crate::check::http::{self, HttpCheck, StatusSet};
use crate::check::simple::UdpReply;
use crate::check::{self, simple, ssl, Check, Policy, Probe, Verdict};
use crate::error::{Error, Result, EXIT_FAIL};
use crate::process::split_command;
use crate::units::{parse_duration, parse_positive_duration};

/// Health checks with keepalived's semantics: exit 0 healthy, 1 unhealthy, 2 usage.
///
/// A check is tried, then retried --retry times with --delay-before-retry between tries;
/// each try is bounded by --connect-timeout. Addresses are IP literals (names are not
/// resolved). The verdict, its reason and the timings print as one line, or as JSON.
#[derive(Args, Debug)]
#[command(after_long_help = "EXAMPLES:
  hakit check http http://192.168.139.7/ --status-code 200
  hakit check tcp 192.168.139.7:3306 --connect-timeout 3
  hakit check misc \"/bin/sh -c '[ ! -e /etc/keepalived/down ]'\"
  hakit check misc --timeout 3s -- /bin/sh -c '[ ! -e /etc/keepalived/down ]'

EXIT STATUS:
  0  healthy
  1  unhealthy
  2  usage error or invalid input")]
pub struct CheckArgs {
    #[command(subcommand)]
    cmd: CheckCmd,
}

#[derive(Subcommand, Debug)]
pub(super) enum CheckCmd {
    /// TCP_CHECK: a connection opens.
    Tcp(TcpArgs),
    /// HTTP_GET: the page answers with an accepted status (and digest, regex).
    Http(HttpArgs),
    /// SSL_GET: the same over TLS (no certificate verification unless --ca).
    Ssl(SslArgs),
    /// MISC_CHECK: a command exits 0 (with --dynamic, 2-255 set a weight).
    Misc(MiscArgs),
    /// SMTP_CHECK: a 220 banner and 250 to HELO.
    Smtp(SmtpArgs),
    /// DNS_CHECK: a query answered without error.
    Dns(DnsArgs),
    /// UDP_CHECK: a payload answered (no ICMP port unreachable).
    Udp(UdpArgs),
    /// PING_CHECK: an ICMP echo reply.
    Ping(PingArgs),
    /// Print the MD5 digest of a page's body, for --digest (keepalived's genhash).
    Digest(DigestArgs),
}

#[derive(Args, Debug)]
pub(super) struct SmtpArgs {
    /// ADDR[:PORT] (port 25 by default).
    #[arg(value_name = "TARGET")]
    target: Option<String>,
    #[command(flatten)]
    to: Target,
    /// Name to send with HELO.
    #[arg(long, default_value = "hakit.check")]
    helo_name: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
pub(super) struct DnsArgs {
    /// ADDR[:PORT] of the server (port 53 by default).
    #[arg(value_name = "SERVER")]
    target: Option<String>,
    #[command(flatten)]
    to: Target,
    /// Name to ask for.
    #[arg(long, default_value = ".")]
    name: String,
    /// Record type: A, AAAA, NS, SOA, MX, TXT, CNAME, PTR, SRV.
    #[arg(long = "type", default_value = "SOA")]
    qtype: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
pub(super) struct UdpArgs {
    /// ADDR:PORT
    #[arg(value_name = "TARGET")]
    target: Option<String>,
    #[command(flatten)]
    to: Target,
    /// Payload to send.
    #[arg(long, default_value = "hakit", conflicts_with = "payload_hex")]
    payload: String,
    /// Payload to send, as keepalived's HEX_STR (`01 ab 2`: groups of hex digits).
    #[arg(long, value_name = "HEX")]
    payload_hex: Option<String>,
    /// The answer must contain this.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["require_reply", "no_reply_ok"])]
    expect: Option<String>,
    /// keepalived's require_reply: the answer must start with these bytes (HEX_STR, X for
    /// a nibble that may be anything), compared as far as both go.
    #[arg(long, value_name = "HEX", conflicts_with = "no_reply_ok")]
    require_reply: Option<String>,
    /// Shortest acceptable answer.
    #[arg(long, value_name = "N", conflicts_with = "no_reply_ok")]
    min_reply_length: Option<usize>,
    /// Longest acceptable answer [default: 255 with --require-reply, else any].
    #[arg(long, value_name = "N", conflicts_with = "no_reply_ok")]
    max_reply_length: Option<usize>,
    /// keepalived's UDP_CHECK without require_reply: no answer is needed, only an ICMP
    /// error (port unreachable) fails.
    #[arg(long)]
    no_reply_ok: bool,
    #[command(flatten)]
    common: Common,
}

impl UdpArgs {
    fn payload(&self) -> Result<Vec<u8>> {
        match &self.payload_hex {
            Some(h) => Ok(simple::parse_hex(h, false)
                .map_err(|e| Error::invalid(format!("--payload-hex: {e}")))?
                .into_iter()
                .map(|(_, v)| v)
                .collect()),
            None => Ok(self.payload.as_bytes().to_vec()),
        }
    }

    fn reply(&self) -> Result<UdpReply> {
        if self.no_reply_ok {
            return Ok(UdpReply::Optional);
        }
        if let Some(e) = &self.expect {
            return Ok(UdpReply::Contains(e.as_bytes().to_vec()));
        }
        let pattern = match &self.require_reply {
            Some(h) => simple::parse_hex(h, true)
                .map_err(|e| Error::invalid(format!("--require-reply: {e}")))?,
            None => Vec::new(),
        };
        let max_default = if self.require_reply.is_some() {
            255
        } else {
            usize::MAX
        };
        Ok(UdpReply::Required {
            pattern,
            min_len: self.min_reply_length.unwrap_or(0),
            max_len: self.max_reply_length.unwrap_or(max_default),
        })
    }
}

#[derive(Args, Debug)]
pub(super) struct PingArgs {
    /// The address to ping.
    #[arg(value_name = "ADDR")]
    addr: Option<IpAddr>,
    #[command(flatten)]
    common: Common,
}

/// Options every check takes.
#[derive(Args, Debug)]
struct Common {
    /// Bound of one try.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "5s",
        allow_hyphen_values = true
    )]
    connect_timeout: String,
    /// Further tries after a failure (keepalived's retry / nb_get_retry).
    #[arg(long, value_name = "N", default_value_t = 1, alias = "nb-get-retry")]
    retry: u32,
    /// Pause between tries.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "1s",
        allow_hyphen_values = true
    )]
    delay_before_retry: String,
    /// Print the verdict as JSON.
    #[arg(long)]
    json: bool,
}

impl Common {
    fn policy(&self) -> Result<Policy> {
        check::policy(
            parse_positive_duration(&self.connect_timeout)?,
            self.retry,
            parse_duration(&self.delay_before_retry)?,
        )
    }
}

#[derive(Args, Debug)]
struct Target {
    /// Source address to connect from.
    #[arg(long, value_name = "IP")]
    bindto: Option<IpAddr>,
    /// Address to connect to (instead of the one in TARGET).
    #[arg(long, value_name = "IP")]
    connect_ip: Option<IpAddr>,
    /// Port to connect to (instead of the one in TARGET).
    #[arg(long, value_name = "PORT")]
    connect_port: Option<u16>,
}

#[derive(Args, Debug)]
pub(super) struct TcpArgs {
    /// ADDR:PORT ([ADDR]:PORT for IPv6).
    #[arg(value_name = "TARGET")]
    target: Option<String>,
    #[command(flatten)]
    to: Target,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
pub(super) struct HttpArgs {
    /// http://ADDR[:PORT]/PATH (https:// for ssl)
    #[arg(value_name = "URL")]
    url: Option<String>,
    #[command(flatten)]
    to: Target,
    /// Path to request (default: the URL's, or /).
    #[arg(long)]
    path: Option<String>,
    /// Accepted status codes.
    #[arg(long, value_name = "LIST", default_value = "200-299")]
    status_code: String,
    /// Expected MD5 of the body, 32 hex digits (see `hakit check digest`).
    #[arg(long, value_name = "MD5", value_parser = digest_arg)]
    digest: Option<String>,
    /// Host header to send.
    #[arg(long, value_name = "HOST")]
    virtualhost: Option<String>,
    /// The body must match this regular expression.
    #[arg(long, value_name = "REGEX")]
    regex: Option<String>,
    /// Speak HTTP/1.0 instead of 1.1.
    #[arg(long = "http10")]
    http10: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
pub(super) struct SslArgs {
    #[command(flatten)]
    http: HttpArgs,
    /// Server name to send (SNI) and to verify with --ca.
    #[arg(long, value_name = "NAME")]
    sni: Option<String>,
    /// Verify the server's certificate against these CAs (PEM).
    #[arg(long, value_name = "FILE")]
    ca: Option<std::path::PathBuf>,
    /// Client certificate chain (PEM), with --key.
    #[arg(long, value_name = "FILE")]
    cert: Option<std::path::PathBuf>,
    /// Client private key (PEM).
    #[arg(long, value_name = "FILE")]
    key: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub(super) struct MiscArgs {
    /// The command, run without a shell: one quoted string split like a shell would, or
    /// its words after `--` (`-- /bin/sh -c 'exit 0'`). Wrap shell syntax in sh -c.
    #[arg(value_name = "COMMAND", num_args = 1.., required = true)]
    command: Vec<String>,
    /// Kill the command (and its children) after this long.
    #[arg(long, value_name = "DUR", default_value = "5s")]
    timeout: String,
    /// keepalived's misc_dynamic: exit 2-255 is healthy with weight = status - 2.
    #[arg(long)]
    dynamic: bool,
    /// Further tries after a failure.
    #[arg(long, value_name = "N", default_value_t = 0)]
    retry: u32,
    /// Pause between tries.
    #[arg(long, value_name = "DUR", default_value = "1s")]
    delay_before_retry: String,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub(super) struct DigestArgs {
    /// http://ADDR[:PORT]/PATH
    url: String,
    #[arg(long, value_name = "DUR", default_value = "5s")]
    connect_timeout: String,
}

/// Split `http://ADDR[:PORT]/PATH` (or `https://`, default port 443) into the address and
/// the path.
pub fn parse_url(url: &str) -> Result<(SocketAddr, String, bool)> {
    let (rest, tls) = if let Some(r) = url.strip_prefix("http://") {
        (r, false)
    } else if let Some(r) = url.strip_prefix("https://") {
        (r, true)
    } else {
        return Err(Error::invalid(format!(
            "URL \"{url}\" must start with http:// or https://"
        )));
    };
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    if hostport.is_empty() {
        return Err(Error::invalid(format!("URL \"{url}\" has no host")));
    }
    let (ip, port) = parse_host_port(hostport, Some(if tls { 443 } else { 80 })).map_err(|_| {
        Error::invalid(format!(
            "URL \"{url}\": the host must be an IP address (names are not resolved; --connect-ip sets one)"
        ))
    })?;
    Ok((SocketAddr::new(ip, port), path, tls))
}

fn target(
    t: &Target,
    given: Option<(IpAddr, u16)>,
    default: Option<SocketAddr>,
) -> Result<SocketAddr> {
    let ip = t
        .connect_ip
        .or(given.map(|g| g.0))
        .or(default.map(|d| d.ip()));
    let port = t
        .connect_port
        .or(given.map(|g| g.1))
        .or(default.map(|d| d.port()));
    match (ip, port) {
        (Some(ip), Some(port)) => Ok(SocketAddr::new(ip, port)),
        _ => Err(Error::invalid(
            "give the target: ADDR:PORT, or --connect-ip and --connect-port",
        )),
    }
}

fn report(v: &Verdict, json: bool, out: &Out) -> Exit {
    if json {
        out.json(v);
    } else {
        let tries = if v.tries > 1 {
            format!(", {} tries", v.tries)
        } else {
            String::new()
        };
        out.line(format!(
            "{}: {} ({} ms{tries})",
            if v.healthy { "healthy" } else { "unhealthy" },
            v.reason,
            v.elapsed_ms
        ));
    }
    Ok(if v.healthy { 0 } else { EXIT_FAIL })
}

/// The HTTP check the options describe.
fn http_check(h: &HttpArgs, tls: bool, default: Option<SocketAddr>) -> Result<HttpCheck> {
    let (given, url_path) = match &h.url {
        Some(u) => {
            let (sa, path, is_tls) = parse_url(u)?;
            if is_tls != tls {
                return Err(Error::invalid(if tls {
                    format!("URL \"{u}\": `check ssl` takes https:// URLs")
                } else {
                    format!("URL \"{u}\": https:// is `hakit check ssl`")
                }));
            }
            (Some((sa.ip(), sa.port())), Some(path))
        }
        None => (None, None),
    };
    let addr = target(&h.to, given, default).map_err(|_| {
        Error::invalid(format!(
            "give the URL ({}://ADDR[:PORT]/PATH), or --connect-ip and --connect-port",
            if tls { "https" } else { "http" }
        ))
    })?;
    let regex = h
        .regex
        .as_deref()
        .map(Regex::new)
        .transpose()
        .map_err(|e| {
            // The regex crate draws the error over several lines: keep its verdict.
            let msg = e.to_string();
            let why = msg
                .lines()
                .last()
                .unwrap_or("")
                .trim_start_matches("error: ");
            Error::invalid(format!(
                "--regex \"{}\": {why}",
                h.regex.as_deref().unwrap_or("")
            ))
        })?;
    Ok(HttpCheck {
        addr,
        bindto: h.to.bindto,
        path: h.path.clone().or(url_path).unwrap_or_else(|| "/".into()),
        virtualhost: h.virtualhost.clone(),
        status: StatusSet::parse(&h.status_code)?,
        digest: h.digest.as_ref().map(|d| d.to_ascii_lowercase()),
        regex,
        http10: h.http10,
    })
}

fn host_port(t: &Option<String>, port: Option<u16>) -> Result<Option<(IpAddr, u16)>> {
    t.as_deref().map(|s| parse_host_port(s, port)).transpose()
}

impl CheckCmd {
    /// The check these options describe; `default` is the target when none is given (the
    /// real server, for `lb`). Also says whether --json was asked.
    pub fn to_check(&self, default: Option<SocketAddr>) -> Result<(Check, bool)> {
        let (probe, common) = match self {
            CheckCmd::Tcp(t) => {
                let addr = target(&t.to, host_port(&t.target, None)?, default)?;
                (
                    Probe::Tcp {
                        addr,
                        bindto: t.to.bindto,
                    },
                    &t.common,
                )
            }
            CheckCmd::Http(h) => (Probe::Http(http_check(h, false, default)?), &h.common),
            CheckCmd::Ssl(a) => {
                let c = http_check(&a.http, true, default)?;
                let t = ssl::TlsClient::new(&ssl::Tls {
                    sni: a.sni.clone(),
                    ca: a.ca.clone(),
                    cert: a.cert.clone(),
                    key: a.key.clone(),
                })?;
                (Probe::Ssl(c, Box::new(t)), &a.http.common)
            }
            CheckCmd::Misc(m) => {
                let argv = match m.command.as_slice() {
                    [one] => {
                        split_command(one).map_err(|e| Error::invalid(format!("COMMAND: {e}")))?
                    }
                    words => words.to_vec(),
                };
                let policy = Policy {
                    connect_timeout: parse_positive_duration(&m.timeout)?,
                    retry: m.retry,
                    delay_before_retry: parse_duration(&m.delay_before_retry)?,
                };
                let probe = Probe::Misc {
                    argv,
                    dynamic: m.dynamic,
                };
                return Ok((Check { probe, policy }, m.json));
            }
            CheckCmd::Smtp(a) => {
                let addr = target(&a.to, host_port(&a.target, Some(25))?, default)?;
                let probe = Probe::Smtp {
                    addr,
                    bindto: a.to.bindto,
                    helo: a.helo_name.clone(),
                };
                (probe, &a.common)
            }
            CheckCmd::Dns(a) => {
                let addr = target(&a.to, host_port(&a.target, Some(53))?, default)?;
                let qtype = simple::dns_type(&a.qtype).ok_or_else(|| {
                    Error::invalid(format!("unknown DNS record type \"{}\"", a.qtype))
                })?;
                simple::dns_query(0, &a.name, qtype).map_err(Error::invalid)?;
                let probe = Probe::Dns {
                    addr,
                    bindto: a.to.bindto,
                    name: a.name.clone(),
                    qtype,
                };
                (probe, &a.common)
            }
            CheckCmd::Udp(a) => {
                let addr = target(&a.to, host_port(&a.target, None)?, default)?;
                let probe = Probe::Udp {
                    addr,
                    bindto: a.to.bindto,
                    payload: a.payload()?,
                    reply: a.reply()?,
                };
                (probe, &a.common)
            }
            CheckCmd::Ping(a) => {
                let addr = a
                    .addr
                    .or(default.map(|d| d.ip()))
                    .ok_or_else(|| Error::invalid("give the address to ping"))?;
                (Probe::Ping { addr }, &a.common)
            }
            CheckCmd::Digest(_) => {
                return Err(Error::invalid(
                    "digest prints a page's MD5; it is not a health check",
                ))
            }
        };
        Ok((
            Check {
                probe,
                policy: common.policy()?,
            },
            common.json,
        ))
    }
}

/// An MD5 digest as genhash prints it: 32 hex digits (lowercased).
fn digest_arg(s: &str) -> std::result::Result<String, String> {
    if s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(format!("\"{s}\" is not an MD5 digest (32 hex digits)"))
    }
}

pub fn exec(a: &CheckArgs, out: &Out) -> Exit {
    if let CheckCmd::Digest(d) = &a.cmd {
        let (addr, path, _) = parse_url(&d.url)?;
        let c = HttpCheck {
            addr,
            bindto: None,
            path,
            virtualhost: None,
            status: StatusSet::default(),
            digest: None,
            regex: None,
            http10: false,
        };
        let timeout = parse_positive_duration(&d.connect_timeout)?;
        let r = check::runtime()?
            .block_on(http::fetch(&c, timeout))
            .map_err(Error::Failed)?;
        if !(200..300).contains(&r.status) {
            log::warn!(
                "the page answered {}: the digest below is that answer's (check http accepts \
                 200-299 unless --status-code says otherwise)",
                r.status
            );
        }
        out.line(http::md5_hex(&r.body));
        return Ok(0);
    }
    let (c, json) = a.cmd.to_check(None)?;
    let v = c.run_blocking()?;
    report(&v, json, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser, Debug)]
    #[command(no_binary_name = true)]
    struct Line {
        #[command(subcommand)]
        cmd: CheckCmd,
    }

    fn parse(words: &[String], default: Option<SocketAddr>) -> Check {
        Line::try_parse_from(words)
            .unwrap_or_else(|e| panic!("{words:?}: {e}"))
            .cmd
            .to_check(default)
            .unwrap()
            .0
    }

    /// What `conf plan` writes for a check is what `lb run --check` reads back as the
    /// same check, for every kind and option.
    #[test]
    fn checks_round_trip_through_their_words() {
        let rs: SocketAddr = "10.0.0.7:80".parse().unwrap();
        for line in [
            "tcp",
            "tcp --connect-port 8080 --bindto 10.0.0.1 --retry 3",
            "tcp 10.0.0.9:22 --connect-timeout 3s",
            "http --path /health --status-code 200,301-302 --digest 0123456789abcdef0123456789abcdef",
            "http --virtualhost www.example.com --regex ^ok --http10 --delay-before-retry 3s",
            "http --connect-ip 10.0.0.8 --connect-port 8080",
            "ssl --path / --sni www.example.com",
            "misc /bin/true --timeout 6s",
            "misc --dynamic --retry 2 -- /bin/sh -c 'exit 3'",
            "smtp --connect-port 25 --helo-name mx.example.com",
            "dns --type A --name www.example.com --retry 3",
            "udp --payload-hex 01ab --require-reply 01xx --min-reply-length 2",
            "udp --no-reply-ok",
            "udp --expect pong --max-reply-length 10",
            "ping",
            "ping 10.0.0.1 --connect-timeout 1s",
        ] {
            let w = crate::process::split_command(line).unwrap();
            let a = parse(&w, Some(rs));
            let back = crate::check::args::words(&a, Some(rs))
                .unwrap_or_else(|| panic!("{line}: no words"));
            let b = parse(&back, Some(rs));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{line} -> {back:?}");
            assert_eq!(
                crate::check::args::words(&b, Some(rs)).as_ref(),
                Some(&back),
                "{line}: the words are stable"
            );
        }
        // Without a default the target is written out.
        let a = parse(
            &crate::process::split_command("tcp 10.0.0.9:22").unwrap(),
            None,
        );
        assert_eq!(
            crate::check::args::words(&a, None).unwrap(),
            ["tcp", "10.0.0.9:22"]
        );
    }

    #[test]
    fn misc_takes_one_string_or_words_after_the_separator() {
        let argv = |c: &str| match parse(&crate::process::split_command(c).unwrap(), None).probe {
            Probe::Misc { argv, .. } => argv,
            p => panic!("{p:?}"),
        };
        let want = ["/bin/sh", "-c", "exit 0"];
        assert_eq!(argv("misc \"/bin/sh -c 'exit 0'\""), want);
        assert_eq!(argv("misc -- /bin/sh -c 'exit 0'"), want);
        assert_eq!(argv("misc --timeout 2s -- /bin/sh -c 'exit 0'"), want);
    }

    #[test]
    fn urls_need_an_ip_host() {
        let (a, p, _) = parse_url("http://127.0.0.1:8080/health?x=1").unwrap();
        assert_eq!((a.port(), p.as_str()), (8080, "/health?x=1"));
        let (a, p, _) = parse_url("http://[::1]/").unwrap();
        assert_eq!((a.port(), p.as_str()), (80, "/"));
        let (a, _, tls) = parse_url("https://1.2.3.4/").unwrap();
        assert_eq!((a.port(), tls), (443, true));
        let e = |u: &str| parse_url(u).unwrap_err().to_string();
        assert!(e("http:///x").contains("no host"));
        assert!(e("ftp://1.2.3.4/").contains("http://"));
        assert!(e("http://web.example/").contains("names are not resolved"));
    }
}
