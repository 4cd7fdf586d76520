//! Trackers: fall/rise hysteresis and the effective priority, keepalived's way.
//!
//! A tracker with weight 0 puts the instance in FAULT while it fails; a positive weight is
//! added while it succeeds, a negative one subtracted while it fails. The effective
//! priority stays within 1-254 (the owner's 255 is never tracked).

use serde::Serialize;

/// One tracker's hysteresis state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Hysteresis {
    pub ok: bool,
    pub fall: u32,
    pub rise: u32,
    /// Consecutive results against the current state.
    streak: u32,
}

impl Hysteresis {
    /// keepalived starts scripts as good unless told otherwise (`init_fail`).
    pub fn new(fall: u32, rise: u32, init_ok: bool) -> Hysteresis {
        Hysteresis {
            ok: init_ok,
            fall: fall.max(1),
            rise: rise.max(1),
            streak: 0,
        }
    }

    /// Record one result; returns the new state when it flips.
    pub fn record(&mut self, success: bool) -> Option<bool> {
        if success == self.ok {
            self.streak = 0;
            return None;
        }
        self.streak += 1;
        let need = if self.ok { self.fall } else { self.rise };
        if self.streak >= need {
            self.ok = success;
            self.streak = 0;
            Some(success)
        } else {
            None
        }
    }
}

/// The effective priority from the configured one, each script tracker's (weight, ok)
/// and each tracked file's (weight, value); `None` means FAULT (a failing weight-0 script,
/// or a weight-0 file holding a non-zero value).
pub fn effective_priority(base: u8, scripts: &[(i32, bool)], files: &[(i32, i64)]) -> Option<u8> {
    if base == 255 {
        return Some(255);
    }
    let mut p = i64::from(base);
    for &(w, ok) in scripts {
        match (w, ok) {
            (0, false) => return None,
            (w, true) if w > 0 => p += i64::from(w),
            (w, false) if w < 0 => p += i64::from(w),
            _ => {}
        }
    }
    for &(w, v) in files {
        if w == 0 && v != 0 {
            return None;
        }
        p = p.saturating_add(i64::from(w).saturating_mul(v));
    }
    Some(p.clamp(1, 254) as u8)
}

/// The value of a tracked file: an integer on its first line; a missing, empty or
/// unparsable file counts as 0.
pub fn parse_track_file(contents: Option<&str>) -> i64 {
    contents
        .and_then(|c| c.lines().next())
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0)
}

/// Split a command line into arguments without a shell: whitespace separates, '...' and
/// "..." group, a backslash escapes the next character (not inside '...').
pub fn split_command(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                have = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => cur.push(x),
                        None => return Err(format!("unbalanced ' in \"{s}\"")),
                    }
                }
            }
            '"' => {
                have = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(x) => cur.push(x),
                            None => return Err(format!("trailing \\ in \"{s}\"")),
                        },
                        Some(x) => cur.push(x),
                        None => return Err(format!("unbalanced \" in \"{s}\"")),
                    }
                }
            }
            '\\' => match chars.next() {
                Some(x) => {
                    cur.push(x);
                    have = true;
                }
                None => return Err(format!("trailing \\ in \"{s}\"")),
            },
            c if c.is_whitespace() => {
                if have {
                    out.push(std::mem::take(&mut cur));
                    have = false;
                }
            }
            c => {
                cur.push(c);
                have = true;
            }
        }
    }
    if have {
        out.push(cur);
    }
    if out.is_empty() {
        return Err("empty command".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fall_and_rise_as_in_seed_000() {
        // weight -2, fall 2, rise 1
        let mut h = Hysteresis::new(2, 1, true);
        assert_eq!(h.record(false), None, "one failure is not enough");
        assert_eq!(h.record(true), None, "and a success resets the count");
        assert_eq!(h.record(false), None);
        assert_eq!(h.record(false), Some(false));
        assert_eq!(h.record(false), None);
        assert_eq!(h.record(true), Some(true), "rise 1");
    }

    #[test]
    fn effective_priority_applies_weights() {
        let e = |b, s: &[(i32, bool)]| effective_priority(b, s, &[]);
        assert_eq!(e(101, &[(-2, false)]), Some(99));
        assert_eq!(e(101, &[(-2, true)]), Some(101));
        assert_eq!(e(100, &[(10, true), (-5, false)]), Some(105));
        assert_eq!(e(100, &[(10, false)]), Some(100));
        assert_eq!(e(100, &[(0, false)]), None);
        assert_eq!(e(100, &[(0, true)]), Some(100));
        assert_eq!(e(250, &[(50, true)]), Some(254));
        assert_eq!(e(5, &[(-50, false)]), Some(1));
        assert_eq!(e(255, &[(-50, false)]), Some(255));
    }

    #[test]
    fn tracked_files_scale_by_weight_and_weight_zero_faults() {
        assert_eq!(effective_priority(101, &[], &[(-1, 5)]), Some(96));
        assert_eq!(effective_priority(100, &[], &[(2, 3)]), Some(106));
        assert_eq!(effective_priority(100, &[], &[(0, 0)]), Some(100));
        assert_eq!(effective_priority(100, &[], &[(0, 1)]), None);
        assert_eq!(effective_priority(100, &[], &[(1, i64::MAX)]), Some(254));
        assert_eq!(parse_track_file(Some("5\n")), 5);
        assert_eq!(parse_track_file(Some(" -3 \nrest")), -3);
        assert_eq!(parse_track_file(Some("x")), 0);
        assert_eq!(parse_track_file(Some("")), 0);
        assert_eq!(parse_track_file(None), 0);
    }

    #[test]
    fn commands_split_without_a_shell() {
        assert_eq!(
            split_command("hakit check http --path /").unwrap(),
            ["hakit", "check", "http", "--path", "/"]
        );
        assert_eq!(
            split_command("/bin/sh -c '[ -e /etc/keepalived/down ] && exit 1 || exit 0'").unwrap(),
            [
                "/bin/sh",
                "-c",
                "[ -e /etc/keepalived/down ] && exit 1 || exit 0"
            ]
        );
        assert_eq!(
            split_command(r#"a "b c" d\ e ''"#).unwrap(),
            ["a", "b c", "d e", ""]
        );
        assert!(split_command("a 'b").is_err());
        assert!(split_command("   ").is_err());
        assert!(split_command("a \\").is_err());
    }
}
