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
}
