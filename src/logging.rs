//! One logging facility for every subcommand: stderr (default), a file, or syslog.
//!
//! Library code logs through the `log` macros; the CLI installs the sink once. The file
//! sink writes RFC 3339 UTC timestamps so a separate log (seed 003's
//! `/var/log/keepalived.log`) reads like any daemon log.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use log::{Level, LevelFilter, Log, Metadata, Record};

use crate::error::{Error, Result};

/// Where log records go.
pub enum Sink {
    Stderr,
    File(Mutex<File>),
    Syslog(UnixDatagram),
}

struct Logger {
    sink: Sink,
    level: LevelFilter,
    ident: &'static str,
}

impl Log for Logger {
    fn enabled(&self, m: &Metadata) -> bool {
        m.level() <= self.level
    }

    fn log(&self, r: &Record) {
        if !self.enabled(r.metadata()) {
            return;
        }
        let lvl = level_name(r.level());
        match &self.sink {
            Sink::Stderr => {
                let _ = writeln!(std::io::stderr(), "{}: {lvl}: {}", self.ident, r.args());
            }
            Sink::File(f) => {
                if let Ok(mut f) = f.lock() {
                    let _ = writeln!(
                        f,
                        "{} {}[{}]: {lvl}: {}",
                        rfc3339_utc(SystemTime::now()),
                        self.ident,
                        std::process::id(),
                        r.args()
                    );
                }
            }
            Sink::Syslog(sock) => {
                // facility daemon (3); the local syslog daemon adds the timestamp.
                let pri = 3 * 8 + syslog_severity(r.level());
                let msg = format!(
                    "<{pri}>{}[{}]: {}",
                    self.ident,
                    std::process::id(),
                    r.args()
                );
                let _ = sock.send(msg.as_bytes());
            }
        }
    }

    fn flush(&self) {
        if let Sink::File(f) = &self.sink {
            if let Ok(mut f) = f.lock() {
                let _ = f.flush();
            }
        }
    }
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warn => "warning",
        Level::Info => "info",
        Level::Debug => "debug",
        Level::Trace => "trace",
    }
}

fn syslog_severity(l: Level) -> u8 {
    match l {
        Level::Error => 3,
        Level::Warn => 4,
        Level::Info => 6,
        Level::Debug | Level::Trace => 7,
    }
}

/// Open a sink: a file path (appended to, created 0640 by umask) or syslog.
pub fn open_sink(log_file: Option<&Path>, syslog: bool) -> Result<Sink> {
    if let Some(p) = log_file {
        let f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(p)
            .map_err(|e| Error::io(format!("open log file {}", p.display()), e))?;
        return Ok(Sink::File(Mutex::new(f)));
    }
    if syslog {
        let s = UnixDatagram::unbound().map_err(|e| Error::io("open syslog socket", e))?;
        s.connect("/dev/log")
            .map_err(|e| Error::io("connect to syslog at /dev/log", e))?;
        return Ok(Sink::Syslog(s));
    }
    Ok(Sink::Stderr)
}

/// Install the process-wide logger. Safe to call once; later calls are ignored.
/// Returns whether records go to stderr (where the CLI already prints errors).
pub fn init(sink: Sink, level: LevelFilter) -> bool {
    let to_stderr = matches!(sink, Sink::Stderr);
    let logger = Logger {
        sink,
        level,
        ident: "hakit",
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(level);
    }
    to_stderr
}

/// `2026-11-22T05:48:06.123Z`.
pub fn rfc3339_utc(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, dd) = civil_from_days(days as i64);
    if !(0..=9999).contains(&y) {
        return format!(
            "{y:04}-{m:02}-{dd:02}T{:02}:{:02}:{:02}.{:03}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60,
            d.subsec_millis()
        );
    }
    // Digit by digit: every log line and every changed real server in a state file has a
    // time, and the formatter's padded path costs some 150 instructions per field.
    let mut out = String::with_capacity(24);
    let mut digits = |v: u64, n: u32, sep: char| {
        for i in (0..n).rev() {
            out.push(char::from(b'0' + (v / 10u64.pow(i) % 10) as u8));
        }
        out.push(sep);
    };
    digits(y as u64, 4, '-');
    digits(u64::from(m), 2, '-');
    digits(u64::from(dd), 2, 'T');
    digits(rem / 3600, 2, ':');
    digits(rem % 3600 / 60, 2, ':');
    digits(rem % 60, 2, '.');
    digits(u64::from(d.subsec_millis()), 3, 'Z');
    out
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A (year, month, day) to days since 1970-01-01: the inverse of [`civil_from_days`].
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What [`rfc3339_utc`] wrote, as seconds since the epoch (`YYYY-MM-DDTHH:MM:SS[.fff]Z`).
pub fn parse_rfc3339_utc(s: &str) -> Option<f64> {
    let (date, time) = s.strip_suffix('Z')?.split_once('T')?;
    let d: Vec<&str> = date.split('-').collect();
    let [y, mo, dd] = d[..] else { return None };
    let (y, mo, dd): (i64, u32, u32) = (y.parse().ok()?, mo.parse().ok()?, dd.parse().ok()?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&dd) {
        return None;
    }
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let t: Vec<u32> = hms
        .split(':')
        .map(|x| x.parse().ok())
        .collect::<Option<_>>()?;
    let [h, mi, sec] = t[..] else { return None };
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let frac: f64 = if frac.is_empty() {
        0.0
    } else {
        format!("0.{frac}").parse().ok()?
    };
    let days = days_from_civil(y, mo, dd);
    Some((days * 86_400 + i64::from(h * 3600 + mi * 60 + sec)) as f64 + frac)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_read_back() {
        for ms in [0u64, 1_795_326_486_123, 951_782_400_000, 4_102_444_799_999] {
            let t = UNIX_EPOCH + Duration::from_millis(ms);
            let back = parse_rfc3339_utc(&rfc3339_utc(t)).unwrap();
            assert!((back - ms as f64 / 1000.0).abs() < 1e-6, "{ms}: {back}");
        }
        assert_eq!(
            parse_rfc3339_utc("2026-12-02T17:00:00Z"),
            Some(1_796_230_800.0)
        );
        for bad in [
            "",
            "2026-12-02",
            "2026-13-01T00:00:00Z",
            "2026-12-02T25:00:00Z",
            "x",
        ] {
            assert_eq!(parse_rfc3339_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_are_utc_rfc3339() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_795_326_486_123);
        assert_eq!(rfc3339_utc(t), "2026-11-22T05:48:06.123Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(rfc3339_utc(leap), "2000-02-29T00:00:00.000Z");
        // Digit by digit as the formatter pads them, up to year 9999 and past it.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let ms = x % 400_000_000_000_000;
            let t = UNIX_EPOCH + Duration::from_millis(ms);
            let (secs, rem) = (ms / 1000, ms % 1000);
            let (y, m, d) = civil_from_days((secs / 86_400) as i64);
            let r = secs % 86_400;
            let want = format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{rem:03}Z",
                r / 3600,
                r % 3600 / 60,
                r % 60
            );
            assert_eq!(rfc3339_utc(t), want);
        }
    }

    #[test]
    fn syslog_priorities() {
        assert_eq!(syslog_severity(Level::Error), 3);
        assert_eq!(syslog_severity(Level::Info), 6);
    }
}
