//! When each real server's next check is due: one queue for the whole checker, kept by
//! the main loop, instead of a task and a timer per server that wait between checks.
//! A thousand idle servers cost a queue entry each (32 bytes), not a task (half a
//! kilobyte); a check is a task only while it runs. Pure: time is passed in.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

/// A real server: the id of its service and its index there.
pub type Who = (usize, u32);

/// The checks waiting for their time, earliest first.
#[derive(Debug)]
pub struct Schedule<I: Ord> {
    queue: BinaryHeap<Reverse<(I, Who)>>,
}

impl<I: Copy + Ord> Default for Schedule<I> {
    fn default() -> Self {
        Schedule {
            queue: BinaryHeap::new(),
        }
    }
}

impl<I> Schedule<I>
where
    I: Copy + Ord + std::ops::Add<Duration, Output = I>,
{
    /// A service's first checks: server `i` of `n` after `warmup * i / n`, so that a
    /// thousand servers are not all checked in the same instant.
    pub fn start(&mut self, id: usize, warmups: impl ExactSizeIterator<Item = Duration>, now: I) {
        let n = warmups.len().max(1) as u32;
        self.queue.reserve(warmups.len());
        for (i, w) in warmups.enumerate() {
            self.at(now + w * i as u32 / n, (id, i as u32));
        }
    }

    /// Check `who` at `due`.
    pub fn at(&mut self, due: I, who: Who) {
        self.queue.push(Reverse((due, who)));
    }

    /// A check that was due at `due` ended after taking `took`: the next is due
    /// `delay_loop` after it ended, as keepalived waits, but counted from when it was
    /// due rather than from when the loop got to start it. A loop busy for a while
    /// (writing the state file, a reload) then delays the checks due meanwhile once,
    /// instead of starting them together and keeping them together from then on: checks
    /// in step go to their servers in bursts and hold their buffers at the same time.
    /// Never before `now`.
    pub fn after(&mut self, due: I, took: Duration, delay_loop: Duration, now: I, who: Who) {
        self.at((due + took + delay_loop).max(now), who);
    }

    /// When the earliest check is due.
    pub fn next(&self) -> Option<I> {
        self.queue.peek().map(|Reverse((t, _))| *t)
    }

    /// The earliest check if it is due by `now`, with when it was due.
    pub fn pop_due(&mut self, now: I) -> Option<(I, Who)> {
        if self.next()? > now {
            return None;
        }
        self.queue.pop().map(|Reverse(e)| e)
    }

    /// Forget the checks of a service that is gone (its id is not used again).
    pub fn forget(&mut self, id: usize) {
        self.queue.retain(|Reverse((_, (s, _)))| *s != id);
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// Everything due by `now`, in the order it comes out.
    fn due(s: &mut Schedule<Duration>, now: Duration) -> Vec<(Duration, Who)> {
        std::iter::from_fn(|| s.pop_due(now)).collect()
    }

    #[test]
    fn first_checks_are_spread_over_the_warmup() {
        let mut s = Schedule::default();
        s.start(7, [ms(1000); 4].into_iter(), ms(0));
        assert_eq!(
            due(&mut s, ms(10_000)),
            [
                (ms(0), (7, 0)),
                (ms(250), (7, 1)),
                (ms(500), (7, 2)),
                (ms(750), (7, 3))
            ]
        );
    }

    #[test]
    fn only_what_is_due_comes_out_earliest_first() {
        let mut s = Schedule::default();
        s.at(ms(300), (1, 0));
        s.at(ms(100), (2, 5));
        s.at(ms(200), (1, 1));
        assert_eq!(s.next(), Some(ms(100)));
        assert_eq!(s.pop_due(ms(99)), None);
        assert_eq!(s.pop_due(ms(250)), Some((ms(100), (2, 5))));
        assert_eq!(s.pop_due(ms(250)), Some((ms(200), (1, 1))));
        assert_eq!(s.pop_due(ms(250)), None);
        assert_eq!(due(&mut s, ms(300)), [(ms(300), (1, 0))]);
    }

    #[test]
    fn a_check_started_late_keeps_its_place() {
        let mut s = Schedule::default();
        // Due at 1000, started on time, took 20: due again 5 s after it ended.
        s.after(ms(1000), ms(20), ms(5000), ms(1020), (0, 0));
        // Started 300 late behind a busy loop: the lateness is not carried on.
        s.after(ms(1000), ms(20), ms(5000), ms(1320), (0, 1));
        // Later than a whole delay loop: due at once, not in the past.
        s.after(ms(1000), ms(20), ms(500), ms(9000), (0, 2));
        assert_eq!(
            due(&mut s, ms(10_000)),
            [(ms(6020), (0, 0)), (ms(6020), (0, 1)), (ms(9000), (0, 2))]
        );
    }

    #[test]
    fn a_service_gone_leaves_no_checks() {
        let mut s = Schedule::default();
        s.start(1, [ms(0); 3].into_iter(), ms(0));
        s.start(2, [ms(0); 2].into_iter(), ms(0));
        s.forget(1);
        assert_eq!(due(&mut s, ms(0)), [(ms(0), (2, 0)), (ms(0), (2, 1))]);
        assert!(s.is_empty());
    }
}
