#!/usr/bin/env python3
"""Tag a folder of articles with govkg on Apache Spark and build one graph.

    spark-submit examples/spark/govkg_spark.py ARTICLES OUT \
        --govkg "$PWD/target/release/govkg" [--dict my.dict] [--partitions 8]

ARTICLES is a folder (or a Hadoop glob) of article files: plain-text files
(``*.txt``, the id is the file name without ``.txt``) and JSON Lines files
(``*.jsonl``, one ``{"id": ..., "text": ...}`` object per line). OUT is a
folder; the job writes

* ``OUT/tagged/part-*``: JSON Lines, one ``govkg tag`` object per article;
* ``OUT/graph.govkg.json``: the knowledge graph of all articles, the same
  file one ``govkg graph`` run over all of them writes.

How it works:

1. every partition of ``{"id","text"}`` lines is piped through
   ``govkg tag -`` with ``RDD.pipe`` (one JSON object out per line in);
2. the tagged files are read back, and every partition of them becomes a
   graph shard with ``govkg graph``;
3. the shards are merged with ``govkg graph merge``, a few dozen at a time,
   level by level, on the executors. Merging is associative and
   commutative, so this tree gives the graph of the whole corpus.

The govkg binary and the dictionaries must be readable at the paths given
on every executor (and on the driver, which only checks them): on a cluster,
ship them with ``spark-submit --files govkg,my.dict`` and pass
``--govkg ./govkg --dict ./my.dict`` (``--files`` puts them in every
executor's working directory). See README.md next to this file.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from typing import Iterable, Iterator, List

from pyspark import SparkContext
from pyspark.sql import SparkSession

#: How many shards one ``govkg graph merge`` call merges.
DEFAULT_FAN_IN = 32


def parse_args(argv: List[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Tag articles with govkg on Spark and build one knowledge graph."
    )
    p.add_argument("articles", help="folder or glob of *.txt and *.jsonl article files")
    p.add_argument("out", help="output folder (tagged/ and graph.govkg.json)")
    p.add_argument(
        "--govkg",
        default="govkg",
        help="the govkg binary as executors see it (default: govkg found on the "
        "driver's PATH, made absolute; on a cluster ./govkg with --files)",
    )
    p.add_argument(
        "--dict",
        action="append",
        default=[],
        metavar="FILE",
        help="user dictionary, as executors see it; repeatable",
    )
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="number of partitions to tag in (default: as read)",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=0,
        help="worker threads of each govkg tag process (default: govkg's own, "
        "the executor machine's cores); set it to the cores of one task "
        "(spark.task.cpus) when several tasks share a machine",
    )
    p.add_argument(
        "--fan-in",
        type=int,
        default=DEFAULT_FAN_IN,
        help="shards merged by one govkg graph merge call (default %(default)s)",
    )
    p.add_argument(
        "--graph",
        default=None,
        help="where the driver writes the merged graph (default OUT/graph.govkg.json; "
        "give a local path when OUT is not on the local file system)",
    )
    p.add_argument("--no-graph", action="store_true", help="only tag")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace OUT/tagged when it exists (an earlier run's); without it, "
        "an existing OUT/tagged stops the job before it starts",
    )
    a = p.parse_args(argv)
    if a.partitions < 0 or a.threads < 0 or a.fan_in < 2:
        p.error("--partitions and --threads must be >= 0 and --fan-in >= 2")
    return a


def resolve_binary(path: str) -> str:
    """An absolute path for a binary on the driver's PATH (local mode);
    paths with a slash are kept as given (``./govkg`` on a cluster)."""
    if os.sep in path:
        return path
    import shutil

    found = shutil.which(path)
    if found is None:
        sys.exit(f"govkg_spark: {path}: not found on PATH; give --govkg /path/to/govkg")
    return os.path.abspath(found)


def read_articles(sc: SparkContext, articles: str):
    """An RDD of ``{"id","text"}`` JSON lines from text and JSON Lines files."""
    base = articles.rstrip("/")
    parts = []
    for ext, kind in (("txt", "text"), ("jsonl", "jsonl")):
        if base.endswith("." + ext):
            pattern = base  # a file or a glob of files of this kind
        elif base.endswith((".txt", ".jsonl")):
            continue  # files of the other kind
        else:
            pattern = f"{base}/*.{ext}"  # a folder, or a glob of folders
        if not _matches(sc, pattern):
            continue
        if kind == "text":
            parts.append(sc.wholeTextFiles(pattern).map(_text_record))
        else:
            parts.append(sc.textFile(pattern).filter(lambda l: l.strip() != ""))
    if not parts:
        sys.exit(f"govkg_spark: {articles}: no *.txt or *.jsonl files")
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _matches(sc: SparkContext, pattern: str) -> bool:
    """True when a Hadoop glob matches at least one file."""
    jvm = sc._jvm  # noqa: SLF001 (the Hadoop file system is only reachable this way)
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())  # noqa: SLF001
    found = fs.globStatus(path)
    return found is not None and len(found) > 0


def _existing(sc: SparkContext, path: str):
    """The Hadoop file system and path of ``path`` when something is there
    (None otherwise), on any file system Spark reads."""
    jvm = sc._jvm  # noqa: SLF001
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(sc._jsc.hadoopConfiguration())  # noqa: SLF001
    return (fs, hpath) if fs.exists(hpath) else None


def _text_record(path_and_text) -> str:
    path, text = path_and_text
    name = path.rstrip("/").rsplit("/", 1)[-1]
    doc_id = name[: -len(".txt")] if name.endswith(".txt") else name
    if text.startswith("\ufeff"):
        text = text[1:]
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)


def tag_command(govkg: str, dicts: List[str], threads: int = 0) -> str:
    """The ``RDD.pipe`` command: ``govkg tag -`` through ``sh``, so that

    * an empty partition runs nothing (govkg would read empty standard
      input as one empty text);
    * status 1 (some lines could not be read; each is reported on stderr)
      passes, and anything worse fails the task.
    """
    cmd = [govkg, "tag", "-"]
    if threads:
        cmd += ["--jobs", str(threads)]
    for d in dicts:
        cmd += ["--dict", d]
    script = (
        'IFS= read -r first || [ -n "$first" ] || exit 0; '
        '{ printf "%s\\n" "$first"; cat; } | "$0" "$@"; s=$?; '
        '[ "$s" -le 1 ] || { echo "govkg tag exited with status $s" >&2; exit "$s"; }'
    )
    return shlex.join(["sh", "-c", script] + cmd)


def _run(cmd: List[str], stdin_path: str | None = None) -> str:
    with open(stdin_path or os.devnull, "rb") as stdin:
        done = subprocess.run(cmd, stdin=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{shlex.join(cmd)} exited with {done.returncode}: "
            + done.stderr.decode("utf-8", "replace")[-2000:]
        )
    return done.stdout.decode("utf-8")


def build_shards(govkg: str, dicts: List[str]):
    """A function for ``mapPartitions``: the partition's tagged lines in,
    its graph shard (the saved form, one string) out; nothing for an
    empty partition. Error objects of lines that could not be read are
    left out."""

    def build(lines: Iterable[str]) -> Iterator[str]:
        with tempfile.TemporaryDirectory(prefix="govkg-shard-") as tmp:
            tagged = os.path.join(tmp, "tagged.jsonl")
            n = 0
            with open(tagged, "w", encoding="utf-8") as f:
                for line in lines:
                    if '"entities"' not in line:
                        continue
                    f.write(line)
                    f.write("\n")
                    n += 1
            if n == 0:
                return
            cmd = [govkg, "graph", tagged, "-o", "-", "-q"]
            for d in dicts:
                cmd += ["--dict", d]
            yield _run(cmd)

    return build


def merge_shards(govkg: str):
    """A function for ``mapPartitions``: several shards in, one merged
    shard out (``govkg graph merge``)."""

    def merge(shards: Iterable[str]) -> Iterator[str]:
        shards = list(shards)
        if len(shards) <= 1:
            yield from shards
            return
        with tempfile.TemporaryDirectory(prefix="govkg-merge-") as tmp:
            paths = []
            for i, s in enumerate(shards):
                path = os.path.join(tmp, f"{i}.govkg.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(s)
                paths.append(path)
            yield _run([govkg, "graph", "merge", *paths, "-o", "-", "-q"])

    return merge


def merged_graph(shards, fan_in: int, govkg: str) -> str | None:
    """Merges the shards level by level, ``fan_in`` at a time, on the
    executors; the saved form of the whole graph (None when no article
    was tagged)."""
    n = shards.getNumPartitions()
    while True:
        n = max(1, -(-n // fan_in))
        shards = shards.coalesce(n).mapPartitions(merge_shards(govkg))
        if n == 1:
            break
    found = shards.collect()
    return found[0] if found else None


def main(argv: List[str]) -> int:
    a = parse_args(argv)
    govkg = resolve_binary(a.govkg)
    spark = SparkSession.builder.appName("govkg").getOrCreate()
    sc = spark.sparkContext

    records = read_articles(sc, a.articles)
    if a.partitions:
        records = records.repartition(a.partitions)
    untagged = sc.accumulator(0)

    def count_untagged(line: str) -> str:
        if '"entities"' not in line:
            untagged.add(1)
        return line

    tagged_dir = a.out.rstrip("/") + "/tagged"
    # Spark refuses to write into an existing folder, with a Java stack
    # trace at the end of the job: say it plainly, before any work.
    existing = _existing(sc, tagged_dir)
    if existing is not None:
        if not a.overwrite:
            print(
                f"govkg_spark: {tagged_dir} exists (an earlier run's output?); "
                "remove it, choose another OUT, or pass --overwrite",
                file=sys.stderr,
            )
            spark.stop()
            return 2
        fs, hpath = existing
        fs.delete(hpath, True)
    records.pipe(tag_command(govkg, a.dict, a.threads), checkCode=True).map(count_untagged).saveAsTextFile(
        tagged_dir
    )
    failed = untagged.value
    if failed:
        print(
            f"govkg_spark: {failed} articles could not be tagged (see the executors' stderr)",
            file=sys.stderr,
        )

    if not a.no_graph:
        # The shards are built from the tagged files just written: one pass
        # of tagging, and no cached copy of the tagged corpus in memory.
        graph_path = a.graph or os.path.join(a.out, "graph.govkg.json")
        shards = sc.textFile(tagged_dir).mapPartitions(build_shards(govkg, a.dict))
        graph = merged_graph(shards, a.fan_in, govkg)
        if graph is None:
            # No article: the empty graph, as govkg writes it.
            graph = _run([govkg, "graph", "-o", "-", "-q"])
        with open(graph_path, "w", encoding="utf-8") as f:
            f.write(graph)
        print(f"govkg_spark: graph -> {graph_path}", file=sys.stderr)
    spark.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
