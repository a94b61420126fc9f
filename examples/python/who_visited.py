"""Tag a folder of articles, build the knowledge graph, list who visited a
town in a date range, and draw the leaders of one body.

    pip install ./python networkx matplotlib      # from the root of a govkg checkout
    python examples/python/who_visited.py tests/fixtures/corpus/ \\
        --town 七宝镇 --since 2018年11月1日 --until 2018年12月31日 --keep-undated \\
        --leaders-of 七宝镇党委 --png examples/python/leaders.png

Articles are the folder's .txt files (UTF-8; the id is the file name
without .txt), tagged on all cores with `Extractor.pipe`. Dates in the
range need a year; a visit's year comes from its text or else from its
article's date, and visits whose year cannot be told (`--11-20`), or that
have no date, are left out of the range unless --keep-undated. The picture
needs a font with Chinese characters (WenQuanYi, Noto CJK, Source Han,
SimHei, Microsoft YaHei or PingFang; on Debian: apt install
fonts-wqy-microhei); without one the names are drawn as boxes.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import govkg

CJK_FONTS = [
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
]


def articles(folder: Path) -> Iterator[Tuple[str, str]]:
    """(id, text) of each .txt file, in name order."""
    for path in sorted(folder.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            yield path.stem, f.read()


def who(node_id: str) -> str:
    """A node id without its kind, as `govkg query` prints names: a person
    with the place it is keyed in (`于勇@闵行区`), so that namesakes from
    different places stay apart."""
    return node_id.split(":", 1)[1]


def cjk_font() -> Optional[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def draw_leaders(graph: govkg.KnowledgeGraph, body: str, png: Path) -> None:
    """The body in the middle, the people holding posts in it around it
    (edges labelled with the post), and the other bodies where they hold
    posts further out."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    g = graph.to_networkx()
    org = graph.node(body).id
    leaders = {e.source for e in graph.leaders(body)}
    other = {
        t
        for person in leaders
        for _, t, kind in g.out_edges(person, data="type")
        if kind == "LEADS" and t != org
    }
    view = g.subgraph({org} | leaders | other)
    # One edge per person and body, its label the posts held there.
    drawn = nx.DiGraph()
    for s, t, data in view.edges(data=True):
        if data["type"] != "LEADS":
            continue
        roles = drawn.edges[s, t]["roles"] if drawn.has_edge(s, t) else []
        if data.get("role") and data["role"] not in roles:
            roles.append(data["role"])
        drawn.add_edge(s, t, roles=roles)

    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font]
    else:
        print("note: no font with Chinese characters found; names will be boxes", file=sys.stderr)

    pos = nx.shell_layout(drawn, nlist=[[org], sorted(leaders), sorted(other)] if other else [[org], sorted(leaders)])
    fig, ax = plt.subplots(figsize=(11, 9), dpi=100)
    nx.draw_networkx_edges(drawn, pos, ax=ax, edge_color="#888888", arrows=True, arrowsize=14, node_size=2600)
    nx.draw_networkx_edge_labels(
        drawn,
        pos,
        edge_labels={(s, t): "、".join(d["roles"]) for s, t, d in drawn.edges(data=True)},
        ax=ax,
        font_size=10,
        font_family="sans-serif",
    )
    # Each name in a box of its own size: red the body, blue its leaders,
    # grey the other bodies where they hold posts.
    for n, (x, y) in pos.items():
        colour = "#d62728" if n == org else "#1f77b4" if n in leaders else "#8c8c8c"
        ax.text(
            x,
            y,
            g.nodes[n]["name"],
            ha="center",
            va="center",
            fontsize=12,
            color="white",
            bbox={"boxstyle": "round,pad=0.5", "facecolor": colour, "edgecolor": "none"},
        )
    ax.set_title(f"{body}: who holds posts in it (blue), and where else they do (grey)", fontsize=13)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(png)
    plt.close(fig)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of .txt articles")
    ap.add_argument("--town", default="七宝镇", help="the place whose visitors to list")
    ap.add_argument("--since", help="first date, with a year (2018年11月1日, 2018年11月, 2018-11-01)")
    ap.add_argument("--until", help="last date, with a year")
    ap.add_argument(
        "--keep-undated",
        action="store_true",
        help="with --since/--until, also list visits whose year cannot be told or that have no date",
    )
    ap.add_argument("--leaders-of", default="七宝镇党委", help="the body whose leaders to draw")
    ap.add_argument("--png", type=Path, default=Path(__file__).with_name("leaders.png"))
    ap.add_argument("--dict", type=Path, action="append", default=[], help="a user dictionary (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, help="worker threads (default: all cores)")
    args = ap.parse_args(argv)

    ex = govkg.Extractor(dictionaries=args.dict)
    docs = list(ex.pipe(articles(args.folder), jobs=args.jobs))
    kinds = Counter(e.type for d in docs for e in d.entities if not e.nested)
    relations = Counter(r.type for d in docs for r in d.relations)
    print(f"{len(docs)} articles: " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
    print("relations: " + ", ".join(f"{n} {k}" for k, n in relations.most_common()))

    graph = govkg.KnowledgeGraph.from_documents(docs, extractor=ex)
    stats = graph.stats()
    print(f"graph: {stats['nodes']} nodes, {stats['edges']} edges")

    span = " ".join(x for x in (args.since and f"from {args.since}", args.until and f"to {args.until}") if x)
    print(f"\nwho visited {args.town} {span}".rstrip() + ":")
    try:
        visits = graph.visitors(args.town, since=args.since, until=args.until, keep_undated=args.keep_undated)
        with_undated = graph.visitors(args.town, since=args.since, until=args.until, keep_undated=True)
    except (govkg.InvalidDateError, govkg.UnknownNodeError, govkg.AmbiguousNodeError) as err:
        print(f"who_visited: {err}", file=sys.stderr)
        return 2
    for v in visits:
        date = f"{v.date} ({v.when})" if v.date else "(no date)"
        print(f"  {who(v.source):<12} {date:<22} {v.purpose or '':<6} {v.doc}  {v.snippet(50)}")
    if len(with_undated) > len(visits):
        print(f"  ({len(with_undated) - len(visits)} visits without a year or a date left out; --keep-undated lists them)")

    print(f"\nleaders of {args.leaders_of}:")
    for e in graph.leaders(args.leaders_of):
        print(f"  {who(e.source):<10} {e.role}")
    draw_leaders(graph, args.leaders_of, args.png)
    print(f"\ndrawn: {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
