//! An ordered, bounded, parallel map: one reader thread produces items,
//! `jobs` worker threads transform them, and the calling thread consumes
//! the results strictly in the order the reader produced them.
//!
//! Memory stays bounded whatever the input size: an item is admitted only
//! when fewer than `max_items` items are in flight (read but not yet
//! consumed) and their weights (input bytes) fit in `max_weight`. An item
//! heavier than `max_weight` is admitted alone, so one large document never
//! blocks the stream. Items in flight include those waiting in the reorder
//! buffer behind a slow one, so a slow item holds the reader back instead
//! of letting the buffer grow.

use crossbeam_channel::{bounded, unbounded};
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::{Condvar, Mutex};

/// How much may be in flight at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Items read but not yet consumed.
    pub max_items: usize,
    /// Sum of the weights of those items.
    pub max_weight: usize,
}

impl Limits {
    /// The limits for `jobs` workers: four items per worker (so no worker
    /// waits while the reader is busy) and 32 MiB of input.
    pub fn for_jobs(jobs: usize) -> Limits {
        let jobs = jobs.max(1);
        Limits {
            jobs,
            max_items: jobs * 4,
            max_weight: 32 << 20,
        }
    }
}

/// Counts what is in flight and makes the reader wait for room.
struct Budget {
    state: Mutex<BudgetState>,
    room: Condvar,
    limits: Limits,
}

#[derive(Default)]
struct BudgetState {
    items: usize,
    weight: usize,
    stopped: bool,
}

impl Budget {
    /// Waits for room for an item of `weight`; false once the consumer
    /// has stopped.
    fn acquire(&self, weight: usize) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if s.stopped {
                return false;
            }
            let fits = s.items == 0
                || (s.items < self.limits.max_items
                    && s.weight.saturating_add(weight) <= self.limits.max_weight);
            if fits {
                s.items += 1;
                s.weight = s.weight.saturating_add(weight);
                return true;
            }
            s = self.room.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn release(&self, weight: usize) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.items -= 1;
        s.weight -= weight;
        self.room.notify_all();
    }

    fn stop(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.stopped = true;
        self.room.notify_all();
    }
}

/// Hands items from the reader to the workers.
pub struct Emitter<'a, I> {
    budget: &'a Budget,
    next: u64,
    work: crossbeam_channel::Sender<(u64, usize, I)>,
}

impl<I> Emitter<'_, I> {
    /// Queues `item` (of `weight` bytes), waiting for room. Returns false
    /// when the consumer has stopped: the reader should stop reading.
    pub fn emit(&mut self, item: I, weight: usize) -> bool {
        if !self.budget.acquire(weight) {
            return false;
        }
        let seq = self.next;
        self.next += 1;
        self.work.send((seq, weight, item)).is_ok()
    }
}

/// Runs `read` on a reader thread, `work` on `limits.jobs` worker threads
/// and `consume` on the calling thread, in the order `read` emitted.
/// `consume` returning `Break` stops everything early (a closed pipe).
///
/// ```ignore
/// let mut out = Vec::new();
/// ordered_map(
///     Limits::for_jobs(2),
///     |e| { for i in 0..10u32 { if !e.emit(i, 1) { break; } } },
///     |i| i * i,
///     |sq| { out.push(sq); ControlFlow::Continue(()) },
/// );
/// assert_eq!(out, (0..10).map(|i| i * i).collect::<Vec<_>>());
/// ```
pub fn ordered_map<I, O, R, W, C>(limits: Limits, read: R, work: W, mut consume: C)
where
    I: Send,
    O: Send,
    R: FnOnce(&mut Emitter<'_, I>) + Send,
    W: Fn(I) -> O + Sync,
    C: FnMut(O) -> ControlFlow<()>,
{
    let limits = Limits {
        jobs: limits.jobs.max(1),
        max_items: limits.max_items.max(1),
        ..limits
    };
    let budget = Budget {
        state: Mutex::new(BudgetState::default()),
        room: Condvar::new(),
        limits,
    };
    let (work_tx, work_rx) = bounded::<(u64, usize, I)>(limits.max_items);
    let (done_tx, done_rx) = unbounded::<(u64, usize, O)>();
    std::thread::scope(|scope| {
        let budget = &budget;
        let work = &work;
        scope.spawn(move || {
            let mut emitter = Emitter {
                budget,
                next: 0,
                work: work_tx,
            };
            read(&mut emitter);
        });
        for _ in 0..limits.jobs {
            let rx = work_rx.clone();
            let tx = done_tx.clone();
            scope.spawn(move || {
                for (seq, weight, item) in rx {
                    if tx.send((seq, weight, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(work_rx);
        drop(done_tx);

        let mut waiting: BTreeMap<u64, (usize, O)> = BTreeMap::new();
        let mut next = 0u64;
        'consume: for (seq, weight, out) in &done_rx {
            waiting.insert(seq, (weight, out));
            while let Some((weight, out)) = waiting.remove(&next) {
                next += 1;
                let flow = consume(out);
                budget.release(weight);
                if flow.is_break() {
                    break 'consume;
                }
            }
        }
        // Unblocks the reader; workers end when the reader drops its sender
        // and the results channel is dropped.
        budget.stop();
        drop(done_rx);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn keeps_order_with_uneven_work() {
        for jobs in [1, 2, 3, 8] {
            let mut out = Vec::new();
            ordered_map(
                Limits::for_jobs(jobs),
                |e| {
                    for i in 0..200u64 {
                        if !e.emit(i, 10) {
                            break;
                        }
                    }
                },
                |i| {
                    // Early items are slow, so later ones finish first.
                    if i % 7 == 0 {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    i * 3
                },
                |o| {
                    out.push(o);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(
                out,
                (0..200).map(|i| i * 3).collect::<Vec<_>>(),
                "jobs {jobs}"
            );
        }
    }

    #[test]
    fn in_flight_never_exceeds_the_limits() {
        let in_flight = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let limits = Limits {
            jobs: 3,
            max_items: 5,
            max_weight: 1000,
        };
        let mut n = 0;
        ordered_map(
            limits,
            |e| {
                for i in 0..300u64 {
                    // Counted before admission, so the count is never below
                    // the true number in flight (the one waiting for room
                    // is the +1 below).
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    if !e.emit(i, 100) {
                        break;
                    }
                }
            },
            |i| {
                if i % 5 == 0 {
                    std::thread::sleep(Duration::from_millis(1));
                }
                i
            },
            |_| {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                n += 1;
                ControlFlow::Continue(())
            },
        );
        assert_eq!(n, 300);
        assert!(peak.load(Ordering::SeqCst) <= 5 + 1, "peak {peak:?}");
    }

    #[test]
    fn heavy_item_goes_alone_and_does_not_block() {
        let limits = Limits {
            jobs: 2,
            max_items: 4,
            max_weight: 10,
        };
        let mut out = Vec::new();
        ordered_map(
            limits,
            |e| {
                for (i, w) in [1usize, 50, 1, 1, 100, 1].into_iter().enumerate() {
                    assert!(e.emit(i, w));
                }
            },
            |i| i,
            |o| {
                out.push(o);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn break_stops_the_reader() {
        let read = AtomicUsize::new(0);
        let mut seen = 0;
        ordered_map(
            Limits::for_jobs(2),
            |e| {
                for i in 0..1_000_000u64 {
                    if !e.emit(i, 1) {
                        return;
                    }
                    read.fetch_add(1, Ordering::SeqCst);
                }
            },
            |i| i,
            |_| {
                seen += 1;
                if seen == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, 3);
        assert!(read.load(Ordering::SeqCst) < 1000, "the reader went on");
    }
}
