//! Ordered parallel extraction: many texts tagged on a pool of worker
//! threads, their [`Document`]s handed back in the order the texts came
//! in.
//!
//! Two levels:
//!
//! - [`extract_ordered`] turns an iterator of `(id, text)` pairs into an
//!   iterator of documents, keeping a bounded number of texts in flight
//!   (four per worker and at most [`MAX_BYTES_IN_FLIGHT`] of text, as
//!   `govkg tag` does), so it streams over a corpus of any size.
//! - [`ExtractPool`] is the pool underneath, for callers that must feed it
//!   themselves: [`submit`](ExtractPool::submit) texts, and take the
//!   documents back in order with [`recv`](ExtractPool::recv). The Python
//!   binding uses it so that it reads its input while attached to the
//!   interpreter and waits for documents while detached.
//!
//! Only the standard library is used (no `cli` feature needed).
//!
//! ```
//! use std::sync::Arc;
//! let ex = Arc::new(govkg::Extractor::new());
//! let texts = ["区委副书记于勇来到七宝镇。", "镇党委书记严俊陪同。", ""];
//! let items = texts.iter().enumerate().map(|(i, t)| (i.to_string(), t.to_string()));
//! let ids: Vec<String> = govkg::batch::extract_ordered(ex, 2, items).map(|d| d.id).collect();
//! assert_eq!(ids, ["0", "1", "2"]);
//! ```

use crate::{Document, Extractor};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// The most text (in bytes) [`extract_ordered`] keeps in flight, as
/// `govkg tag` does: a text larger than this is still taken, alone.
pub const MAX_BYTES_IN_FLIGHT: usize = 32 << 20;

/// How many texts [`extract_ordered`] keeps in flight per worker: enough
/// that no worker waits while the caller is busy with a document.
pub const ITEMS_PER_JOB: usize = 4;

/// The number of workers to use when the caller does not say: the number
/// of cores, or 1 when it cannot be told.
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// One text for the workers: its sequence number, id and text.
type Job = (u64, String, String);
/// One result for the caller: the sequence number and the document, or the
/// panic that extraction raised.
type Done = (u64, thread::Result<Document>);

/// A pool of worker threads sharing one [`Extractor`], handing documents
/// back in the order their texts were submitted.
///
/// The pool does not limit what is submitted: the caller keeps as many
/// texts in flight as it wants (see [`in_flight`](Self::in_flight) and
/// [`bytes_in_flight`](Self::bytes_in_flight)); [`extract_ordered`] keeps
/// a bounded number. Dropping the pool skips the texts no worker has
/// started and waits for those being tagged.
///
/// ```
/// use std::sync::Arc;
/// let mut pool = govkg::batch::ExtractPool::new(Arc::new(govkg::Extractor::new()), 2);
/// pool.submit("a".into(), "区委副书记于勇来到七宝镇。".into());
/// pool.submit("b".into(), "镇党委书记严俊陪同。".into());
/// assert_eq!(pool.in_flight(), 2);
/// assert_eq!(pool.recv().unwrap().id, "a");
/// assert_eq!(pool.recv().unwrap().id, "b");
/// assert!(pool.recv().is_none());
/// ```
pub struct ExtractPool {
    jobs: usize,
    work: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// Results finished ahead of an earlier one, by sequence number.
    waiting: BTreeMap<u64, thread::Result<Document>>,
    /// Text bytes of each document in flight, by sequence number.
    weights: BTreeMap<u64, usize>,
    bytes: usize,
    submitted: u64,
    returned: u64,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for ExtractPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractPool")
            .field("jobs", &self.jobs)
            .field("in_flight", &self.in_flight())
            .field("bytes_in_flight", &self.bytes)
            .finish()
    }
}

impl ExtractPool {
    /// A pool of `jobs` workers (at least 1) tagging with `extractor`.
    ///
    /// # Panics
    ///
    /// When the operating system cannot start a single thread.
    pub fn new(extractor: Arc<Extractor>, jobs: usize) -> Self {
        let jobs = jobs.max(1);
        let (work_tx, work_rx) = mpsc::channel::<Job>();
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let work_rx = Arc::new(Mutex::new(work_rx));
        let stop = Arc::new(AtomicBool::new(false));
        let mut workers = Vec::with_capacity(jobs);
        for i in 0..jobs {
            let (ex, rx, tx, stop) = (
                Arc::clone(&extractor),
                Arc::clone(&work_rx),
                done_tx.clone(),
                Arc::clone(&stop),
            );
            let spawned = thread::Builder::new()
                .name(format!("govkg-batch-{i}"))
                .spawn(move || work(&ex, &rx, &tx, &stop));
            match spawned {
                Ok(h) => workers.push(h),
                // Fewer workers than asked: the ones running do the work.
                Err(_) if !workers.is_empty() => break,
                Err(e) => panic!("cannot start a worker thread: {e}"),
            }
        }
        ExtractPool {
            jobs: workers.len(),
            work: Some(work_tx),
            done: done_rx,
            waiting: BTreeMap::new(),
            weights: BTreeMap::new(),
            bytes: 0,
            submitted: 0,
            returned: 0,
            stop,
            workers,
        }
    }

    /// The number of workers.
    pub fn jobs(&self) -> usize {
        self.jobs
    }

    /// Queues one text; its document comes back from [`recv`](Self::recv)
    /// after those of every text submitted before it.
    pub fn submit(&mut self, id: String, text: String) {
        let seq = self.submitted;
        self.submitted += 1;
        self.weights.insert(seq, text.len());
        self.bytes += text.len();
        // The workers hold the receiver for as long as the pool lives (a
        // worker that panicked is caught and goes on), so sending works.
        if let Some(tx) = &self.work {
            let _ = tx.send((seq, id, text));
        }
    }

    /// Texts submitted whose documents have not been taken yet.
    pub fn in_flight(&self) -> usize {
        (self.submitted - self.returned) as usize
    }

    /// Bytes of text submitted whose documents have not been taken yet.
    pub fn bytes_in_flight(&self) -> usize {
        self.bytes
    }

    /// The document of the oldest text not taken yet, waiting for it if
    /// needed; `None` when nothing is in flight.
    ///
    /// # Panics
    ///
    /// Resumes the panic of an extraction that panicked (a bug in govkg),
    /// here in the caller's thread, so it is never lost; the pool can go on
    /// being used.
    pub fn recv(&mut self) -> Option<Document> {
        if self.returned == self.submitted {
            return None;
        }
        let want = self.returned;
        let result = loop {
            if let Some(r) = self.waiting.remove(&want) {
                break r;
            }
            match self.done.recv() {
                Ok((seq, r)) if seq == want => break r,
                Ok((seq, r)) => {
                    self.waiting.insert(seq, r);
                }
                // Workers leave only when the pool drops its sender (a
                // panic while tagging is caught), so this cannot happen.
                Err(_) => panic!("govkg batch workers ended while texts were in flight"),
            }
        };
        self.returned += 1;
        self.bytes -= self.weights.remove(&want).unwrap_or(0);
        match result {
            Ok(doc) => Some(doc),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// A worker: takes texts until the pool is dropped, skipping them once
/// the pool has stopped.
fn work(ex: &Extractor, rx: &Mutex<Receiver<Job>>, tx: &Sender<Done>, stop: &AtomicBool) {
    loop {
        // The lock is held only while waiting for one job, never while
        // tagging.
        let job = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok((seq, id, text)) = job else {
            return;
        };
        if stop.load(Ordering::Relaxed) {
            continue;
        }
        let doc = catch_unwind(AssertUnwindSafe(|| ex.extract(&id, &text)));
        if tx.send((seq, doc)).is_err() {
            return;
        }
    }
}

impl Drop for ExtractPool {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.work = None;
        for h in self.workers.drain(..) {
            let _ = h.join();
        }
    }
}

/// Tags `items`, `(id, text)` pairs, on `jobs` workers (at least 1), and
/// yields their documents in the order of the items.
///
/// Items are pulled from `items` on the calling thread, as the documents
/// are taken: at most [`ITEMS_PER_JOB`] per worker and
/// [`MAX_BYTES_IN_FLIGHT`] bytes of text are in flight at once (one text
/// larger than that goes alone). Dropping the iterator early stops the
/// workers.
///
/// ```
/// use std::sync::Arc;
/// let ex = Arc::new(govkg::Extractor::new());
/// let texts = vec![("000".to_string(), "区委副书记于勇一行来到七宝镇开展督查。".to_string())];
/// let docs: Vec<govkg::Document> = govkg::batch::extract_ordered(ex, 1, texts).collect();
/// assert_eq!(docs[0].id, "000");
/// assert!(docs[0].relations.iter().any(|r| matches!(r, govkg::Relation::Visit { .. })));
/// ```
pub fn extract_ordered<I>(extractor: Arc<Extractor>, jobs: usize, items: I) -> Ordered<I::IntoIter>
where
    I: IntoIterator<Item = (String, String)>,
{
    let pool = ExtractPool::new(extractor, jobs);
    Ordered {
        max_items: pool.jobs() * ITEMS_PER_JOB,
        pool,
        items: items.into_iter(),
        exhausted: false,
    }
}

/// The iterator of [`extract_ordered`].
#[derive(Debug)]
pub struct Ordered<I> {
    pool: ExtractPool,
    items: I,
    max_items: usize,
    exhausted: bool,
}

impl<I: Iterator<Item = (String, String)>> Iterator for Ordered<I> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.exhausted
            && (self.pool.in_flight() == 0
                || (self.pool.in_flight() < self.max_items
                    && self.pool.bytes_in_flight() < MAX_BYTES_IN_FLIGHT))
        {
            match self.items.next() {
                Some((id, text)) => self.pool.submit(id, text),
                None => self.exhausted = true,
            }
        }
        self.pool.recv()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn extractor() -> Arc<Extractor> {
        static EX: OnceLock<Arc<Extractor>> = OnceLock::new();
        Arc::clone(EX.get_or_init(|| Arc::new(Extractor::new())))
    }

    fn corpus() -> Vec<(String, String)> {
        let mut v = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            v.push((id, std::fs::read_to_string(&p).unwrap()));
        }
        v
    }

    #[test]
    fn same_documents_in_the_same_order_as_one_thread() {
        let ex = extractor();
        // Long and short texts mixed, so later ones finish first.
        let mut items = Vec::new();
        for round in 0..4 {
            for (id, text) in corpus() {
                items.push((format!("{round}-{id}"), text));
                items.push((
                    format!("{round}-{id}-short"),
                    "区委副书记于勇来到七宝镇。".into(),
                ));
            }
        }
        let one: Vec<Document> = items.iter().map(|(i, t)| ex.extract(i, t)).collect();
        for jobs in [1, 2, 3] {
            let many: Vec<Document> = extract_ordered(ex.clone(), jobs, items.clone()).collect();
            assert_eq!(many, one, "jobs {jobs}");
        }
    }

    #[test]
    fn in_flight_stays_bounded() {
        let ex = extractor();
        let pulled = std::cell::Cell::new(0usize);
        let items = (0..50).map(|i| {
            pulled.set(pulled.get() + 1);
            (i.to_string(), "七宝镇".to_string())
        });
        let mut it = extract_ordered(ex, 2, items);
        let first = it.next().unwrap();
        assert_eq!(first.id, "0");
        assert!(pulled.get() <= 2 * ITEMS_PER_JOB, "pulled {}", pulled.get());
        assert_eq!(it.count(), 49);
    }

    #[test]
    fn big_texts_go_one_at_a_time() {
        let ex = extractor();
        let mut pool = ExtractPool::new(ex, 2);
        pool.submit("a".into(), "七".repeat(10));
        assert_eq!(pool.bytes_in_flight(), 30);
        pool.submit("b".into(), "宝".repeat(3));
        assert_eq!((pool.in_flight(), pool.bytes_in_flight()), (2, 39));
        assert_eq!(pool.recv().unwrap().id, "a");
        assert_eq!((pool.in_flight(), pool.bytes_in_flight()), (1, 9));
        assert_eq!(pool.recv().unwrap().id, "b");
        assert_eq!((pool.in_flight(), pool.bytes_in_flight()), (0, 0));
        assert!(pool.recv().is_none());
    }

    #[test]
    fn dropping_early_returns_and_stops_the_workers() {
        let ex = extractor();
        let items = (0..10_000).map(|i| (i.to_string(), "区委副书记于勇来到七宝镇。".repeat(20)));
        let mut it = extract_ordered(ex.clone(), 2, items);
        assert_eq!(it.next().unwrap().id, "0");
        drop(it);
        let mut pool = ExtractPool::new(ex, 2);
        for i in 0..100 {
            pool.submit(i.to_string(), "区委副书记于勇来到七宝镇。".repeat(50));
        }
        drop(pool); // returns without tagging the 100 texts
    }

    #[test]
    fn zero_jobs_means_one() {
        let pool = ExtractPool::new(extractor(), 0);
        assert_eq!(pool.jobs(), 1);
        assert!(default_jobs() >= 1);
    }
}
