#!/usr/bin/env bash
# Writes a seed corpus for the fuzz targets from the bundled sample
# documents (tests/fixtures/corpus): every sentence, and every paragraph,
# one file each, plus a few hostile inputs. Run from anywhere:
#
#     fuzz/seed.sh            # fills fuzz/corpus/extract and fuzz/corpus/graph
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for target in extract graph; do
    mkdir -p "corpus/$target"
done
python3 - <<'PY'
import hashlib, pathlib, re
root = pathlib.Path("../tests/fixtures/corpus")
seeds = set()
for f in sorted(root.glob("*.txt")):
    text = f.read_text(encoding="utf-8")
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if para:
            seeds.add(para[:2000])
        for s in re.split(r"(?<=[。!?;])", para):
            s = s.strip()
            if len(s) >= 4:
                seeds.add(s)
seeds.update([
    "", "\u0301", "😀𠀀𝔸", "区委书记副镇长党委书记", "1234地块5678地块",
    "区委副书记于勇、镇长王明一行陪同赴七宝镇。", "\u0000\u0007\u001b\t\r\n",
    "七宝镇Qībǎo Зеленоград 七宝镇", "２０１８年１１月２０日",
])
for target in ("extract", "graph"):
    out = pathlib.Path("corpus") / target
    for s in seeds:
        b = s.encode("utf-8")
        (out / hashlib.sha1(b).hexdigest()).write_bytes(b)
    # The graph target reads form feeds as document breaks.
    if target == "graph":
        docs = sorted(seeds)
        for i in range(0, len(docs), 5):
            b = "\f".join(docs[i:i + 5]).encode("utf-8")
            (out / hashlib.sha1(b).hexdigest()).write_bytes(b)
print(len(seeds), "seeds")
PY
