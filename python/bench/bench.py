"""The Python package's figures against the Rust tool's (issue 22).

1. Throughput: `Extractor.pipe(texts, jobs=N)` against `govkg tag -j N` on
   the same ~10 MB of JSON Lines (the sample corpus repeated under new
   ids). Both are timed as whole processes that read the file, build the
   extractor and tag everything: the tool writes JSON Lines to /dev/null,
   the Python process reads the lines with `json`, pipes them, and counts
   each document's entities.
2. Start-up: `import govkg; govkg.Extractor()` in a fresh interpreter
   against the first `govkg::Extractor::new()` of a fresh Rust process
   (`bench/extractor_new.rs`), each timed inside its process.

Runs alternate between the two sides, and the medians are reported, since
the machine's speed wanders. Needs the package installed optimised
(`pip install ./python`) in the Python running this script, and builds
the two Rust programs with `cargo build --release` unless given.

    python python/bench/bench.py                 # from the root of the checkout
    python python/bench/bench.py --mb 10 --jobs 1 2 --repeat 3 --startup 10
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
PYTHON_DIR = ROOT / "python"

PIPE_SCRIPT = r"""
import json, sys
import govkg
path, jobs = sys.argv[1], int(sys.argv[2])
ex = govkg.Extractor(keep_text=False)
def items():
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            yield o["id"], o["text"]
docs = entities = 0
for d in ex.pipe(items(), jobs=jobs):
    docs += 1
    entities += len(d.entities)
print(docs, entities)
"""

STARTUP_SCRIPT = r"""
import time
t = time.perf_counter()
import govkg
ex = govkg.Extractor()
print(f"{time.perf_counter() - t:.6f}")
"""


def cargo_build(cwd: Path, *args: str) -> Path:
    out = subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--message-format=json", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            return Path(msg["executable"])
    raise SystemExit(f"cargo build {' '.join(args)} made no executable")


def make_corpus(mb: float, path: Path) -> Tuple[int, int]:
    texts = []
    for p in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as f:
            texts.append((p.stem, f.read()))
    size = docs = 0
    with open(path, "w", encoding="utf-8") as out:
        round_ = 0
        while size < mb * 1e6:
            for stem, text in texts:
                out.write(json.dumps({"id": f"{stem}-{round_}", "text": text}, ensure_ascii=False) + "\n")
                size += len(text.encode("utf-8"))
                docs += 1
            round_ += 1
    return docs, size


def wall(cmd: List[str], stdout=subprocess.DEVNULL) -> Tuple[float, str]:
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=stdout if stdout is not None else subprocess.PIPE, check=True, text=True)
    return time.perf_counter() - t, r.stdout or ""


def alternate(a: Callable[[], float], b: Callable[[], float], n: int) -> Tuple[List[float], List[float]]:
    xs, ys = [], []
    for _ in range(n):
        xs.append(a())
        ys.append(b())
    return xs, ys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of text (default 10)")
    ap.add_argument("--jobs", type=int, nargs="+", default=sorted({1, os.cpu_count() or 1}))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side per jobs value")
    ap.add_argument("--startup", type=int, default=10, help="start-up runs of each side")
    ap.add_argument("--govkg", type=Path, help="the govkg binary (default: cargo build --release)")
    ap.add_argument("--extractor-new", type=Path, help="bench/extractor_new.rs built (default: cargo build)")
    args = ap.parse_args()

    import govkg

    print(f"govkg {govkg.__version__} from {Path(govkg.__file__).parent}, Python {sys.version.split()[0]}")
    govkg_bin = args.govkg or cargo_build(ROOT, "--bin", "govkg")
    new_bin = args.extractor_new or cargo_build(PYTHON_DIR, "--example", "extractor_new")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, size = make_corpus(args.mb, corpus)
        print(f"corpus: {docs} documents, {size / 1e6:.1f} MB of text (the sample corpus repeated)\n")

        # Same documents out of both (checked once).
        _, out = wall([sys.executable, "-c", PIPE_SCRIPT, str(corpus), "2"], stdout=None)
        py_docs, py_entities = map(int, out.split())
        _, tagged = wall([str(govkg_bin), "tag", "-q", "--no-text", "-j", "2", str(corpus)], stdout=None)
        cli_entities = sum(len(json.loads(line)["entities"]) for line in tagged.splitlines())
        assert (py_docs, py_entities) == (docs, cli_entities), (py_docs, py_entities, docs, cli_entities)

        print("| jobs | `govkg tag -j N` | `Extractor.pipe(jobs=N)` | pipe / tag throughput |")
        print("|---|---|---|---|")
        for jobs in args.jobs:
            cli, py = alternate(
                lambda: wall([str(govkg_bin), "tag", "-q", "--no-text", "-j", str(jobs), str(corpus)])[0],
                lambda: wall([sys.executable, "-c", PIPE_SCRIPT, str(corpus), str(jobs)])[0],
                args.repeat,
            )
            c, p = statistics.median(cli), statistics.median(py)
            print(
                f"| {jobs} | {c:.2f} s ({size / 1e6 / c:.2f} MB/s) | {p:.2f} s ({size / 1e6 / p:.2f} MB/s) "
                f"| **{c / p:.2f}×** |"
            )
            print(f"|   | runs: {', '.join(f'{x:.2f}' for x in cli)} | runs: {', '.join(f'{x:.2f}' for x in py)} | |")

    rust, py = alternate(
        lambda: float(wall([str(new_bin)], stdout=None)[1]),
        lambda: float(wall([sys.executable, "-c", STARTUP_SCRIPT], stdout=None)[1]),
        args.startup,
    )
    r, p = statistics.median(rust), statistics.median(py)
    print("\n| start-up | median | runs |")
    print("|---|---|---|")
    print(f"| Rust `Extractor::new()` | {r * 1000:.0f} ms | {', '.join(f'{x * 1000:.0f}' for x in rust)} |")
    print(f"| Python `import govkg; govkg.Extractor()` | {p * 1000:.0f} ms | {', '.join(f'{x * 1000:.0f}' for x in py)} |")
    print(f"| ratio Python / Rust | **{p / r:.2f}×** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
