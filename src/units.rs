//! Parsing of the small value types the command line shares: durations.

use std::time::Duration;

use crate::error::{Error, Result};

/// The longest duration hakit takes, in seconds (a year), on the command line and in
/// keepalived.conf alike: inf and 1e30 parse as numbers and would not fit a [`Duration`].
pub const MAX_SECONDS: f64 = 86_400.0 * 365.0;

/// Parse a duration: `1.5` or `1.5s` (seconds, keepalived's unit), `200ms`, `2m`, `1h`.
/// Negative, non-finite and absurdly large values are rejected.
pub fn parse_duration(s: &str) -> Result<Duration> {
    let t = s.trim();
    let bad = |why: &str| Error::invalid(format!("invalid duration \"{s}\": {why}"));
    let (num, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix("us") {
        (n, 0.000_001)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 60.0)
    } else if let Some(n) = t.strip_suffix('h') {
        (n, 3600.0)
    } else {
        (t, 1.0)
    };
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(bad("expected a number with an optional unit (ms, s, m, h)"));
    }
    let v: f64 = num
        .parse()
        .map_err(|_| bad("expected a number with an optional unit (ms, s, m, h)"))?;
    let secs = v * scale;
    if !secs.is_finite() || secs > MAX_SECONDS {
        return Err(bad("out of range"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Like [`parse_duration`], but zero is refused (timeouts, intervals that must tick).
pub fn parse_positive_duration(s: &str) -> Result<Duration> {
    let d = parse_duration(s)?;
    if d.is_zero() {
        return Err(Error::invalid(format!(
            "invalid duration \"{s}\": must be greater than zero"
        )));
    }
    Ok(d)
}

/// A duration as a user would write it back: `0`, `250ms`, `1.5s`.
pub fn format_duration(d: Duration) -> String {
    if d.is_zero() {
        "0".into()
    } else if d < Duration::from_secs(1) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{}s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(parse_duration("1").unwrap(), Duration::from_secs(1));
        assert_eq!(parse_duration("1.5").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse_duration("200ms").unwrap(), Duration::from_millis(200));
        assert_eq!(parse_duration("0.1s").unwrap(), Duration::from_millis(100));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("0").unwrap(), Duration::ZERO);
    }

    #[test]
    fn rejects_garbage_and_negative() {
        for s in [
            "",
            "-1",
            "1x",
            "ms",
            "1.2.3",
            "inf",
            "NaN",
            "1e3",
            "99999999999",
        ] {
            let e = parse_duration(s).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{s}");
            assert!(e.to_string().starts_with("invalid duration"), "{s}");
        }
        assert!(parse_positive_duration("0").is_err());
        assert!(parse_positive_duration("0ms").is_err());
    }

    #[test]
    fn formats_back() {
        assert_eq!(format_duration(Duration::ZERO), "0");
        assert_eq!(format_duration(Duration::from_millis(250)), "250ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5s");
    }
}
