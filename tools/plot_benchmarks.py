#!/usr/bin/env python3
"""Plot govkg's benchmark results (criterion's estimates) for BENCHMARKS.md.

    cargo bench                      # all three bench targets
    python3 tools/plot_benchmarks.py # writes docs/img/benchmarks.svg
    python3 tools/plot_benchmarks.py --markdown   # the medians as tables

Left: matcher throughput against lexicon size (1k to 1M synthetic entries),
for both automata. Right: time against corpus size (copies of the sample
documents) for extraction and for the graph build, on log-log axes with a
line of slope 1 (linear cost) for reference.

Needs matplotlib (pip install matplotlib). Reads the medians criterion
wrote under target/criterion (or $CRITERION_HOME, or
$CARGO_TARGET_DIR/criterion).
"""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def criterion_home() -> Path:
    if os.environ.get("CRITERION_HOME"):
        return Path(os.environ["CRITERION_HOME"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "criterion"


def median_ns(group: str, bench: str):
    p = criterion_home() / group / bench / "new" / "estimates.json"
    if not p.exists():
        return None
    return json.loads(p.read_text())["median"]["point_estimate"]


def throughput_bytes(group: str, bench: str):
    p = criterion_home() / group / bench / "new" / "benchmark.json"
    if not p.exists():
        return None
    t = json.loads(p.read_text()).get("throughput") or {}
    return t.get("Bytes")


def markdown_tables() -> str:
    """The medians of every govkg benchmark as Markdown tables."""
    home = criterion_home()
    lines = []
    for group in ["matcher", "lexicon-size", "pipeline", "corpus-size", "build", "graph"]:
        gdir = home / group
        if not gdir.is_dir():
            continue
        rows = []
        for est in sorted(gdir.glob("**/new/estimates.json")):
            bench = str(est.parent.parent.relative_to(gdir))
            t = median_ns(group, bench)
            b = throughput_bytes(group, bench)
            speed = f"{b / t * 1e3:,.1f}" if b else ""
            rows.append((bench, t, speed))
        if not rows:
            continue
        lines += [f"\n**{group}**\n", "| benchmark | median | MB/s |", "|---|---:|---:|"]
        for bench, t, speed in rows:
            shown = f"{t / 1e6:,.2f} ms" if t >= 1e5 else f"{t / 1e3:,.1f} µs"
            lines.append(f"| {bench} | {shown} | {speed} |")
    return "\n".join(lines)


def main() -> int:
    if "--markdown" in sys.argv:
        print(markdown_tables())
        return 0
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else ROOT / "docs" / "img" / "benchmarks.svg"
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))

    sizes = [1_000, 10_000, 100_000, 1_000_000]
    for backend, style in [("daachorse", "o-"), ("aho-corasick", "s--")]:
        xs, ys = [], []
        for n in sizes:
            t = median_ns("lexicon-size", f"{backend}/{n}")
            b = throughput_bytes("lexicon-size", f"{backend}/{n}")
            if t and b:
                xs.append(n)
                ys.append(b / t * 1e3)  # bytes/ns*1e3 = MB/s
        if xs:
            left.plot(xs, ys, style, label=f"govkg matcher, {backend} backend")
    full = median_ns("matcher", "govkg")
    full_b = throughput_bytes("matcher", "govkg")
    if full and full_b:
        left.axhline(full_b / full * 1e3, color="grey", lw=0.8, ls=":",
                     label="default lexicon (daachorse)")
    left.set_xscale("log")
    left.set_xlabel("lexicon entries (synthetic)")
    left.set_ylabel("throughput (MB/s, 1 thread)")
    left.set_title("Matcher throughput against lexicon size")
    left.grid(True, which="both", alpha=0.3)
    left.legend(fontsize=8)

    for group, prefix, counts, label in [
        ("corpus-size", "extract", [1, 3, 10], "Extractor::extract"),
        ("graph", "build", [1, 3, 10, 30], "graph build (tagged documents)"),
    ]:
        xs, ys = [], []
        for k in counts:
            t = median_ns(group, f"{prefix}-{k}x")
            if t:
                xs.append(k * 5)
                ys.append(t / 1e6)
        if xs:
            right.plot(xs, ys, "o-", label=label)
            right.plot([xs[0], xs[-1]], [ys[0], ys[0] * xs[-1] / xs[0]], ":", color="grey", lw=0.8)
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("documents (copies of the 5 samples)")
    right.set_ylabel("median time (ms)")
    right.set_title("Time against corpus size (dotted: linear)")
    right.grid(True, which="both", alpha=0.3)
    right.legend(fontsize=8)

    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
