//! MISC_CHECK: a command's exit status is the verdict; with `dynamic`, keepalived's
//! misc_dynamic: 0 healthy, 1 unhealthy, 2-255 healthy with weight = status - 2.

use std::time::Duration;

use super::Try;
use crate::process::{self, Outcome};

/// The verdict of an outcome and, for dynamic checks, the weight it sets (pure).
pub fn judge(prog: &str, o: Outcome, timeout: Duration, dynamic: bool) -> (Try, Option<i32>) {
    match o {
        Outcome::Exited(0) => (Ok(format!("{prog} exited 0")), None),
        Outcome::Exited(1) => (Err(format!("{prog} exited 1")), None),
        Outcome::Exited(c) if dynamic => (
            Ok(format!("{prog} exited {c}: weight {}", c - 2)),
            Some(c - 2),
        ),
        Outcome::Exited(c) => (Err(format!("{prog} exited {c}")), None),
        Outcome::Signalled => (Err(format!("{prog} was killed by a signal")), None),
        Outcome::TimedOut => (
            Err(format!(
                "{prog} ran past its {}s timeout and was killed with its process group",
                timeout.as_secs_f64()
            )),
            None,
        ),
        Outcome::NotStarted => (
            Err(format!("cannot run {prog}: not found or not executable")),
            None,
        ),
    }
}

/// One run of the command.
pub async fn try_once(argv: &[String], timeout: Duration, dynamic: bool) -> (Try, Option<i32>) {
    let prog = argv.first().cloned().unwrap_or_default();
    let o = process::run_async(argv, timeout).await;
    judge(&prog, o, timeout, dynamic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dynamic_statuses_set_weights() {
        let t = Duration::from_secs(1);
        assert_eq!(
            judge("p", Outcome::Exited(0), t, true).0,
            Ok("p exited 0".into())
        );
        assert!(judge("p", Outcome::Exited(1), t, true).0.is_err());
        assert_eq!(judge("p", Outcome::Exited(12), t, true).1, Some(10));
        assert!(judge("p", Outcome::Exited(12), t, false).0.is_err());
        assert!(judge("p", Outcome::TimedOut, t, true)
            .0
            .unwrap_err()
            .contains("process group"));
    }
}
