#!/usr/bin/env python3
"""Regenerate govkg's gazetteer files from the jionlp package (Apache-2.0).

Usage:
    python3 tools/gen_places.py [SOURCE] [--out DIR]

SOURCE may be
  * china_location.txt (jionlp/dictionary/china_location.zip, unzipped),
  * china_location.zip,
  * the jionlp wheel (.whl), or
  * an unpacked jionlp package / wheel directory;
when it is omitted, `pip download --no-deps jionlp==1.5.31` is run into a
temporary directory and the wheel is used.

Writes (into DIR, default: dictionaries/ beside tools/):
  places-china.txt               province / city / county / town
  places-shanghai-villages.txt   村 / 社区 level under 上海市
  places-world.txt               country names       (needs the wheel)
  places-world-cities.txt        capitals and cities of other countries (needs the wheel)
  surnames-jionlp.txt            百家姓 surname list  (needs the wheel)
  LICENSE-jionlp.txt             Apache-2.0 text + attribution (needs the wheel)

Options: --report prints the source anomalies and the short forms that were withheld;
--all-towns keeps township-level units named like organisations (公司, 监狱, 林业局 ...);
--jionlp-version names the version in the headers for a bare china_location.txt.

Rules (see also the header of each output file):
  * levels of china_location.txt: 0 province, 1 city, 2 county, 3 town, 4 village;
    placeholder levels (省直辖行政区划, 市直辖行政区划, 区/县直辖行政区划) are skipped,
    the repeated city level of 北京/上海/天津/重庆/香港/澳门 is collapsed into the province;
  * dropped: names with '?' (encoding damage), 拆分地区, 虚拟社区/虚拟生活区 placeholders;
  * one line per (name, kind); parents of repeated names joined by '|', more than
    MAX_ALTERNATIVES -> parent=*;
  * short=X is the name minus its generic suffix (with nationality words before
    自治区/州/县/旗, 民族乡, 族乡/族镇), at least 2 characters; it is withheld when it is
    another entry's full name, the short form of a higher-level entry (吉林市, 镇江新区,
    施甸镇), or starts with the name of a parent (濮阳县习城乡, 沧州渤海新区).

Only the Python standard library is used; the output is deterministic.
"""

import argparse
import ast
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile

JIONLP_VERSION = "1.5.31"
GEN_CMD = "python3 tools/gen_places.py [china_location.txt|jionlp.whl]  (no argument: pip download --no-deps jionlp==%s)" % JIONLP_VERSION
MAX_ALTERNATIVES = 8

KINDS = ["place.province", "place.city", "place.county", "place.town", "place.village"]

# The 56 nationalities (without the trailing 族).
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 "
    "锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 "
    "鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_TOKENS = sorted(
    {e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) >= 2} | {"各族"},
    key=lambda t: (-len(t), t),
)

# County-level "X区" names that are functional zones, not districts: no short form.
_ZONE_RE = re.compile(
    r"(开发|管理|试验|实验|示范|保税|工业|经济|合作|旅游|风景|名胜|度假|生活|商务|集聚|聚集|"
    r"功能|加工|物流|自贸|贸易|农垦|食品|口岸|高新|一体化|保护|集中|片|管|景|社)区$|^.{3,}园区$"
)
# A short form must not end in a generic unit word ...
_BAD_SHORT_END_RE = re.compile(
    r"(街道|社区|居委会|村委会|林场|农场|牧场|渔场|场|所|处|局|区|公司|中心|委员会|管委会|"
    r"开发|工业园|产业园|科技园|物流园|创业园|农垦|特殊乡|特殊|居民|工业|经济|生态|城市|高铁|"
    r"[东西南北中]部)$"
)
# ... nor contain a zone word (孝感开发区丹阳办事处, 扬州市生态科技新城杭集镇).
_BAD_SHORT_PART_RE = re.compile(r"开发区|高新区|经开区|自贸区|园区|管理区|保护区|新城|开发|产业|工业")
# Banners whose bare stem is not used on its own (巴林右旗, 正蓝旗, 达尔罕茂明安联合旗).
_BANNER_KEEP_RE = re.compile(r"([左右中前后]|联合|^(正|镶|正镶)[黄白红蓝])$")
_CJK_RE = re.compile(r"^[\u3400-\u9fff]+$")
# Township-level units of the source that are organisations rather than places
# (companies, prisons, bureaus, schools, placeholders); left out unless --all-towns.
_TOWN_ORG_RE = re.compile(
    r"(公司|监狱|厂|局|局直|所|站|办公室|服务中心|中心|委员会|管委会|工委|行委|乡级单位|学院|"
    r"学校|医院|指挥部|工作部|大队|农科院|管辖村)$|有限|集团"
)

# Township-level units named by a bare generic word (a 街道 or 农场 with no
# name of its own in the source): as place names they would be read in
# every 街道党工委 or 开发区. Left out unless --all-towns.
_TOWN_GENERIC = {"街道", "农场", "林场", "城区", "开发区", "经济开发区", "高新区", "工业园区"}


def strip_ethnic(s):
    """Remove trailing nationality words (e.g. 土家族苗族, 哈萨克, 各族); may return ''."""
    changed = True
    while changed:
        changed = False
        for tok in _ETHNIC_TOKENS:
            if s.endswith(tok):
                s = s[: -len(tok)]
                changed = True
                break
    return s


def _strip_autonomous(rest):
    """rest = name without its 自治X / 民族乡 suffix."""
    base = strip_ethnic(rest)
    if len(base) >= 2:
        return base
    # the nationality is the name: 内蒙古(自治区), 鄂温克族(自治旗), 东乡族(自治县), 勒门巴(民族乡)
    if rest.endswith("族") and len(rest) >= 3:
        rest = rest[:-1]
    return rest


def short_form(name, kind):
    """Conventional short form of an administrative name (generic suffix removed), or None.

    kind is one of KINDS[:4]; the suffixes that are stripped depend on the level.
    """
    s = None
    if kind in ("place.province", "place.city", "place.county"):
        m = re.match(r"^(.+?)特别行政区$", name)
        if m:
            s = m.group(1)
        if s is None:
            m = re.match(r"^(.+?)自治(区|州|县|旗)$", name)
            if m:
                s = _strip_autonomous(m.group(1))
    if s is None and kind in ("place.county", "place.town"):
        # nationality township / district: 友谊达斡尔族满族柯尔克孜族乡, 管城回族区, 勒门巴民族乡
        m = re.match(r"^(.+?)(?:少数)?民族(乡|镇|苏木)$", name)
        if m:
            s = _strip_autonomous(m.group(1))
        else:
            m = re.match(r"^(.+族)(乡|镇|苏木|区)$", name)
            if m and strip_ethnic(m.group(1)) != m.group(1):
                s = strip_ethnic(m.group(1))
    if s is None and kind == "place.town":
        for suf in ("街道办事处", "地区办事处", "办事处", "街道", "苏木", "地区", "镇", "乡"):
            if name.endswith(suf):
                s = name[: -len(suf)]
                break
        if s is None and name.endswith("新区"):
            s = name[:-2]                   # 菊园新区 -> 菊园
        if s is None and name.endswith("特区"):
            s = name[:-2]                   # 武当山特区 -> 武当山
    if s is None and kind == "place.county":
        if name.endswith("新区") and len(name) >= 4:
            s = name[:-2]                   # 浦东新区 -> 浦东 (清新区 -> 清新 below)
        elif name.endswith("特区"):
            s = name[:-2]                   # 六枝特区 -> 六枝
        elif name == "神农架林区":
            s = "神农架"
        elif _ZONE_RE.search(name):
            return None
        elif name.endswith("旗"):
            s = name[:-1]
            if _BANNER_KEEP_RE.search(s):
                return None
        elif name[-1:] in "县区市":
            s = name[:-1]
    if s is None and kind == "place.city":
        if name.endswith("地区"):
            s = name[:-2]
        elif name[-1:] in "市盟":
            s = name[:-1]
    if s is None and kind == "place.province" and name[-1:] in "省市":
        s = name[:-1]
    if s is None or s == name:
        return None
    if len(s) < 2 or not _CJK_RE.match(s) or _BAD_SHORT_END_RE.search(s) \
            or _BAD_SHORT_PART_RE.search(s):
        return None
    return s


# --------------------------------------------------------------------------
# source handling


def _find_in_dir(root, rel):
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            if p.replace(os.sep, "/").endswith(rel):
                return p
    return None


class Source:
    """Files taken from jionlp: china_location.txt text + optional extras."""

    def __init__(self):
        self.location_text = None
        self.location_origin = None
        self.version = None
        self.world_text = None
        self.rule_pattern_text = None
        self.license_text = None


def _read_zip_member(zf, suffix):
    for n in sorted(zf.namelist()):
        if n.endswith(suffix):
            return zf.read(n)
    return None


def load_from_wheel(path, src):
    with zipfile.ZipFile(path) as zf:
        loc_zip = _read_zip_member(zf, "jionlp/dictionary/china_location.zip")
        if loc_zip is not None:
            with zipfile.ZipFile(io.BytesIO(loc_zip)) as inner:
                src.location_text = _read_zip_member(inner, "china_location.txt").decode("utf-8")
        else:
            data = _read_zip_member(zf, "jionlp/dictionary/china_location.txt")
            src.location_text = data.decode("utf-8")
        src.location_origin = "jionlp/dictionary/china_location.zip -> china_location.txt"
        w = _read_zip_member(zf, "jionlp/dictionary/world_location.txt")
        src.world_text = w.decode("utf-8") if w else None
        r = _read_zip_member(zf, "jionlp/rule/rule_pattern.py")
        src.rule_pattern_text = r.decode("utf-8") if r else None
        lic = None
        for n in sorted(zf.namelist()):
            if re.search(r"\.dist-info/(licenses/)?LICENSE[^/]*$", n):
                lic = zf.read(n).decode("utf-8")
                break
        src.license_text = lic
        for n in sorted(zf.namelist()):
            if n.endswith(".dist-info/METADATA"):
                for line in zf.read(n).decode("utf-8").splitlines():
                    if line.startswith("Version:"):
                        src.version = line.split(":", 1)[1].strip()
                        break
                break


def load_source(arg):
    src = Source()
    if arg is None:
        with tempfile.TemporaryDirectory(prefix="jionlp-") as tmp:
            subprocess.check_call(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                 "jionlp==%s" % JIONLP_VERSION, "-d", tmp, "-q"]
            )
            wheels = sorted(f for f in os.listdir(tmp) if f.endswith(".whl"))
            if not wheels:
                sys.exit("pip did not download a jionlp wheel into %s" % tmp)
            load_from_wheel(os.path.join(tmp, wheels[0]), src)
        return src
    if os.path.isdir(arg):
        loc = _find_in_dir(arg, "dictionary/china_location.txt")
        if loc is None:
            z = _find_in_dir(arg, "dictionary/china_location.zip")
            if z is None:
                sys.exit("no china_location.txt/.zip under %s" % arg)
            with zipfile.ZipFile(z) as inner:
                src.location_text = _read_zip_member(inner, "china_location.txt").decode("utf-8")
        else:
            with open(loc, "rb") as f:
                src.location_text = f.read().decode("utf-8")
        src.location_origin = "jionlp/dictionary/china_location.zip -> china_location.txt"
        for rel, attr in (("dictionary/world_location.txt", "world_text"),
                          ("rule/rule_pattern.py", "rule_pattern_text")):
            p = _find_in_dir(arg, rel)
            if p:
                with open(p, encoding="utf-8") as f:
                    setattr(src, attr, f.read())
        for dirpath, _dirs, files in sorted(os.walk(arg)):
            if dirpath.endswith(".dist-info") or dirpath.endswith(".dist-info/licenses"):
                if "LICENSE" in files and src.license_text is None:
                    with open(os.path.join(dirpath, "LICENSE"), encoding="utf-8") as f:
                        src.license_text = f.read()
                if "METADATA" in files:
                    with open(os.path.join(dirpath, "METADATA"), encoding="utf-8") as f:
                        for line in f:
                            if line.startswith("Version:"):
                                src.version = line.split(":", 1)[1].strip()
                                break
        return src
    if arg.endswith(".whl"):
        load_from_wheel(arg, src)
        return src
    if arg.endswith(".zip"):
        with zipfile.ZipFile(arg) as inner:
            src.location_text = _read_zip_member(inner, "china_location.txt").decode("utf-8")
        src.location_origin = "jionlp/dictionary/china_location.zip -> china_location.txt"
    else:
        with open(arg, "rb") as f:
            src.location_text = f.read().decode("utf-8")
        src.location_origin = "jionlp/dictionary/china_location.zip -> china_location.txt"
    # Siblings of an unpacked package: dictionary/world_location.txt, rule/rule_pattern.py
    d = os.path.dirname(os.path.abspath(arg))
    for p, attr in ((os.path.join(d, "world_location.txt"), "world_text"),
                    (os.path.join(d, "..", "rule", "rule_pattern.py"), "rule_pattern_text")):
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                setattr(src, attr, f.read())
    return src


# --------------------------------------------------------------------------
# china_location.txt


def _is_pseudo(name):
    """Statistical placeholder levels such as 省直辖行政区划 / 市辖区."""
    return (name.endswith("行政区划") and "直辖" in name) or name == "市辖区"


def _is_junk(name):
    return ("?" in name or "？" in name or "\ufffd" in name or name == "拆分地区"
            or "虚拟" in name)


def _is_level_generic(level, name):
    """A town-level unit named by its parent's level word and a kind (县经济开发区,
    县林场, 省原种繁殖场, 市保税区): no proper name, and it would swallow the level
    character of the name before it in a text (某某 + 县经济开发区)."""
    return level == 3 and name[0] in "省市县" and not name.endswith(("镇", "乡", "街道"))


def parse_locations(text, stats):
    """Yield (level, name, chain_of_ancestor_names) with placeholder levels removed."""
    chain = [None] * 5        # effective ancestor names (None = skipped level)
    raw = [None] * 5
    for line in text.lstrip("\ufeff").splitlines():
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        level = len(line) - len(line.lstrip("\t"))
        if level > 4:
            stats.setdefault("odd_level", []).append(line)
            continue
        fields = line.strip("\t").split("\t")
        name = re.sub(r"[\s\ufeff\u200b]+", "", fields[0])
        if name != fields[0]:
            stats.setdefault("whitespace", []).append(fields[0])
        raw[level] = name
        for j in range(level + 1, 5):
            raw[j] = chain[j] = None
        if _is_pseudo(name):
            stats.setdefault("pseudo", []).append("/".join(x for x in raw[: level + 1] if x))
            chain[level] = None
            continue
        # Municipalities / SARs repeat the province as the city level (上海市/上海市, 香港特别行政区/香港).
        if level == 1 and chain[0] and (name == chain[0] or name == short_form(chain[0], KINDS[0])):
            chain[level] = None
            continue
        if _is_junk(name):
            stats.setdefault("junk", []).append("/".join(x for x in raw[: level + 1] if x))
            chain[level] = None
            continue
        if _is_level_generic(level, name):
            stats.setdefault("level_generic", []).append("/".join(x for x in raw[: level + 1] if x))
            chain[level] = None
            continue
        chain[level] = name
        ancestors = tuple(x for x in chain[:level] if x)
        yield level, name, ancestors


def fmt_parents(parents):
    alts = sorted(set("/".join(p) for p in parents))
    if len(alts) > MAX_ALTERNATIVES:
        return "parent=*"
    return "parent=" + "|".join(alts)


def header(title, origin, version, sha, fmt, counts, extra=()):
    lines = [
        "# %s" % title,
        "# source: jionlp %s (PyPI, https://github.com/dongrixinyu/JioNLP), %s"
        % (version, origin),
    ]
    if sha:
        lines.append("# source sha256: %s" % sha)
    lines += [
        "# licence: Apache-2.0 (JioNLP, dongrixinyu); derived data, modified (filtered, reformatted);"
        " see dictionaries/LICENSE-jionlp.txt",
        "# generator: %s" % GEN_CMD,
        "# format: %s" % fmt,
        "# lines starting with '#' are comments; sorted, one entry per (TEXT, KIND)",
    ]
    lines += ["# " + e for e in extra]
    lines.append("# counts: " + ", ".join("%s=%d" % kv for kv in counts))
    return "\n".join(lines) + "\n"


def build_places(src, out_dir, all_towns=False):
    stats = {}
    text = src.location_text
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    entries = {}      # (name, kind) -> set(parent tuples)
    villages = {}     # name -> set(parent tuples), Shanghai only
    for level, name, ancestors in parse_locations(text, stats):
        kind = KINDS[level]
        if level == 4:
            if ancestors and ancestors[0] == "上海市":
                villages.setdefault(name, set()).add(ancestors)
            continue
        if level == 3 and not all_towns and (_TOWN_ORG_RE.search(name) or name in _TOWN_GENERIC):
            stats.setdefault("town_org", []).append("/".join(ancestors + (name,)))
            continue
        entries.setdefault((name, kind), set()).add(ancestors)

    full_names = {n for n, _k in entries}
    order = {k: i for i, k in enumerate(KINDS)}
    # Short forms are assigned top-down: a short form equal to another entry's full name, or
    # to the short form of a higher-level entry (吉林市 vs 吉林省, 镇江新区 vs 镇江市,
    # 施甸镇 vs 施甸县), is not emitted.
    shorts = {}
    short_by_name = {}
    claimed = set()
    dropped_short = []
    for kind in KINDS[:4]:
        level_shorts = set()
        for (name, k) in sorted(entries):
            if k != kind:
                continue
            s = short_form(name, kind)
            if s is None:
                continue
            anc = {a for chain in entries[(name, k)] for a in chain}
            anc_short = {short_by_name[a] for a in anc if a in short_by_name}
            if any(s.startswith(a) for a in anc if len(a) >= 2) or any(
                    s == a or (s.startswith(a) and len(s) - len(a) >= 2) for a in anc_short):
                # the name repeats its parent: 濮阳县习城乡, 四子王旗乌兰花镇
                dropped_short.append((name, s, "parent prefix"))
            elif s in full_names:
                dropped_short.append((name, s, "full name"))
            elif s in claimed:
                dropped_short.append((name, s, "higher level"))
            else:
                shorts[(name, k)] = s
                short_by_name.setdefault(name, s)
                level_shorts.add(s)
        claimed |= level_shorts
    lines = []
    counts = {k: 0 for k in KINDS[:4]}
    n_short = 0
    for (name, kind) in sorted(entries, key=lambda nk: (order[nk[1]], nk[0])):
        parents = entries[(name, kind)]
        attrs = []
        if kind != "place.province":
            attrs.append(fmt_parents(parents))
        s = shorts.get((name, kind))
        if s is not None:
            attrs.append("short=" + s)
            n_short += 1
        counts[kind] += 1
        lines.append("\t".join([name, kind] + ([";".join(attrs)] if attrs else [])))

    version = src.version or "(version not given)"
    cnt = [(k, counts[k]) for k in KINDS[:4]] + [("with_short", n_short)]
    hdr = header(
        "govkg gazetteer: PRC administrative divisions, levels province/city/county/town",
        src.location_origin, version, sha,
        "TEXT<TAB>KIND[<TAB>ATTRS]; KIND = place.province|place.city|place.county|place.town; "
        "ATTRS = parent=A/B/C (ancestor names from the province down; alternatives for "
        "repeated names separated by '|', at most %d, else parent=*) optionally followed by "
        "';short=X' (name minus its generic suffix); provinces have no parent, only 'short=X'"
        % MAX_ALTERNATIVES,
        cnt,
        extra=[
            "municipalities (北京市 上海市 天津市 重庆市) and SARs are place.province, their districts place.county;",
            "placeholder levels (省直辖行政区划, 市直辖行政区划, 区直辖行政区划, ...) are skipped in parent chains;",
            "towns = every township-level unit of the source (镇 乡 街道 苏木 地区 办事处, also farms, zones etc.)",
        ],
    )
    with open(os.path.join(out_dir, "places-china.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(hdr)
        f.write("\n".join(lines) + "\n")

    vlines = []
    for name in sorted(villages):
        attrs = fmt_parents(villages[name])
        # Villages are called by their stem in local news (九星村 -> 九星);
        # govkg accepts such a short form only where the village's town is
        # named in the same document.
        stem = name[:-1] if name.endswith("村") else None
        if stem and len(stem) >= 2 and stem not in villages:
            attrs += ";short=" + stem
        vlines.append("%s\tplace.village\t%s" % (name, attrs))
    vhdr = header(
        "govkg gazetteer: village / community level (村, 社区, 居委会) under 上海市",
        src.location_origin, version, sha,
        "TEXT<TAB>place.village<TAB>parent=上海市/DISTRICT/TOWN (alternatives separated by '|', "
        "at most %d, else parent=*); villages in 村 carry short=STEM" % MAX_ALTERNATIVES,
        [("place.village", len(vlines))],
    )
    with open(os.path.join(out_dir, "places-shanghai-villages.txt"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(vhdr)
        f.write("\n".join(vlines) + "\n")
    return counts, len(vlines), stats, dropped_short


# --------------------------------------------------------------------------
# world_location.txt


def build_world(src, out_dir):
    if not src.world_text:
        print("world_location.txt not available: places-world.txt not written", file=sys.stderr)
        return None
    names = {}   # name -> attrs
    continent = None
    for line in src.world_text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":") or line.endswith("："):
            continent = line[:-1].strip()
            continue
        fields = [x.strip() for x in line.split("\t")]
        short, full = fields[0], (fields[1] if len(fields) > 1 and fields[1] else fields[0])
        a = ["continent=" + continent] if continent else []
        names.setdefault(short, ";".join(a))
        if full != short:
            names[full] = ";".join(a + ["short=" + short])
    lines = ["%s\tplace.country\t%s" % (n, names[n]) if names[n] else "%s\tplace.country" % n
             for n in sorted(names)]
    hdr = header(
        "govkg gazetteer: world countries and regions (short and official names)",
        "jionlp/dictionary/world_location.txt", src.version or "(version not given)", None,
        "TEXT<TAB>place.country[<TAB>ATTRS]; ATTRS = continent=C, and on official names ';short=X'",
        [("place.country", len(lines))],
    )
    with open(os.path.join(out_dir, "places-world.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(hdr)
        f.write("\n".join(lines) + "\n")
    return len(lines)


def build_world_cities(src, out_dir):
    """Capitals and major cities of other countries (place.site, ambiguous=1:
    many are common words as well, 万象, 金边, so the recogniser takes them
    only where the text says a place stands: a dateline, after 在, 赴 …)."""
    if not src.world_text:
        print("world_location.txt not available: places-world-cities.txt not written",
              file=sys.stderr)
        return None
    countries = set()
    cities = set()
    for line in src.world_text.splitlines():
        line = line.strip()
        if not line or line.endswith(":") or line.endswith("："):
            continue
        fields = [x.strip() for x in line.split("\t")]
        countries.update(f for f in fields[:2] if f)
        if fields[0] == "中国":
            continue
        if len(fields) > 2 and fields[2]:
            cities.add(fields[2])
        if len(fields) > 3 and fields[3]:
            cities.update(c.strip() for c in fields[3].split("/") if c.strip())
    names = sorted(c for c in cities if c not in countries and len(c) >= 2)
    lines = ["%s\tplace.site\tambiguous=1" % n for n in names]
    hdr = header(
        "govkg gazetteer: capitals and major cities of other countries",
        "jionlp/dictionary/world_location.txt", src.version or "(version not given)", None,
        "TEXT<TAB>place.site<TAB>ambiguous=1 (taken only where the text says a place stands)",
        [("place.site", len(lines))],
    )
    with open(os.path.join(out_dir, "places-world-cities.txt"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(hdr)
        f.write("\n".join(lines) + "\n")
    return len(lines)


# --------------------------------------------------------------------------
# surnames from jionlp/rule/rule_pattern.py


def build_surnames(src, out_dir):
    if not src.rule_pattern_text:
        print("rule_pattern.py not available: surnames-jionlp.txt not written", file=sys.stderr)
        return None
    tree = ast.parse(src.rule_pattern_text)
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            try:
                v = ast.literal_eval(node.value)
            except ValueError:
                continue
            values.setdefault(node.targets[0].id, []).append(v)
    singles = values["SINGLE_CHINESE_FAMILY_NAME"]
    full_single, strong_single = singles[0], singles[-1]
    doubles = [x for x in values["TWO_CHAR_CHINESE_FAMILY_NAME"][0].split("|") if x]
    strong = set(strong_single) | set(doubles)
    names = set(full_single) | set(doubles)
    lines = []
    for n in sorted(names):
        lines.append("%s\tsurname" % n if n in strong else "%s\tsurname\tambiguous=1" % n)
    hdr = header(
        "govkg gazetteer: Chinese surnames (百家姓 single- and two-character surnames)",
        "jionlp/rule/rule_pattern.py (SINGLE_CHINESE_FAMILY_NAME, TWO_CHAR_CHINESE_FAMILY_NAME)",
        src.version or "(version not given)", None,
        "TEXT<TAB>surname[<TAB>ambiguous=1]; ambiguous=1 marks characters that jionlp removes "
        "from its reduced list because they are common non-surname characters (e.g. 和 花 方)",
        [("surname", len(lines)), ("ambiguous", sum(1 for n in names if n not in strong))],
    )
    with open(os.path.join(out_dir, "surnames-jionlp.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(hdr)
        f.write("\n".join(lines) + "\n")
    return len(lines)


def write_license(src, out_dir):
    if not src.license_text:
        print("jionlp LICENSE not available: LICENSE-jionlp.txt not written", file=sys.stderr)
        return
    notice = (
        "The files dictionaries/places-china.txt, dictionaries/places-shanghai-villages.txt,\n"
        "dictionaries/places-world.txt, dictionaries/places-world-cities.txt and\n"
        "dictionaries/surnames-jionlp.txt are derived from\n"
        "data shipped in the Python package jionlp %s (JioNLP, by dongrixinyu,\n"
        "https://github.com/dongrixinyu/JioNLP), licensed under the Apache License 2.0:\n"
        "  jionlp/dictionary/china_location.zip (china_location.txt),\n"
        "  jionlp/dictionary/world_location.txt,\n"
        "  jionlp/rule/rule_pattern.py (surname lists).\n"
        "Modifications: entries were filtered (placeholder and corrupted names removed),\n"
        "deduplicated, re-formatted, annotated with parent chains, and short forms were\n"
        "computed by tools/gen_places.py. The full licence text of jionlp follows.\n\n"
        "------------------------------------------------------------------------------\n\n"
        % (src.version or "(version not given)")
    )
    with open(os.path.join(out_dir, "LICENSE-jionlp.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(notice + src.license_text.rstrip("\n") + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", nargs="?", help="china_location.txt / .zip, jionlp wheel or unpacked dir")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                  "dictionaries"))
    ap.add_argument("--report", action="store_true", help="print source anomalies")
    ap.add_argument("--jionlp-version", help="version to name in the headers when SOURCE is a bare "
                    "china_location.txt/.zip (read from the wheel otherwise)")
    ap.add_argument("--all-towns", action="store_true",
                    help="keep township-level units named like organisations (公司, 监狱, 林业局, ...)")
    args = ap.parse_args()
    out_dir = os.path.normpath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    src = load_source(args.source)
    if args.jionlp_version:
        src.version = args.jionlp_version
    counts, nvill, stats, dropped_short = build_places(src, out_dir, args.all_towns)
    nworld = build_world(src, out_dir)
    ncities = build_world_cities(src, out_dir)
    nsur = build_surnames(src, out_dir)
    write_license(src, out_dir)
    print("places-china.txt: " + ", ".join("%s=%d" % kv for kv in counts.items()))
    print("places-shanghai-villages.txt: place.village=%d" % nvill)
    if nworld is not None:
        print("places-world.txt: place.country=%d" % nworld)
    if ncities is not None:
        print("places-world-cities.txt: place.site=%d" % ncities)
    if nsur is not None:
        print("surnames-jionlp.txt: surname=%d" % nsur)
    if args.report:
        for k in sorted(stats):
            print("%s (%d): %s" % (k, len(stats[k]), " ; ".join(stats[k][:50])))
        for why in ("parent prefix", "full name", "higher level"):
            d = [x for x in dropped_short if x[2] == why]
            print("short forms dropped, equal to a %s (%d): %s"
                  % (why, len(d), " ".join("%s->%s" % x[:2] for x in d)))


if __name__ == "__main__":
    main()
