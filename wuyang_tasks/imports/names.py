"""Names of units and people as written in tables and texts: splitting, collective names,
normalised keys for matching.

Collective names (decision, documented in the README):
- 各乡镇 / 各乡（镇） / 各乡镇（街道） / 各乡镇人民政府 / 全县各乡镇 mean every township of the ledger
  (UnitKind.TOWNSHIP, in official order) and are always recorded as 属地单位 (TERRITORIAL_UNIT),
  whichever column they stand in: that is what territorial duty (属地责任) means.
- 各部门 / 县直各部门 / 各有关部门 / 有关单位 / 各级各部门 … are NOT expanded: they mean "the
  departments concerned", which no office intends as every department of the county. They are
  kept in the task's note (其他责任单位) and shown as a notice, never as an unknown unit.
- 四大班子领导 / 县级领导 likewise stay a note.
"""

from __future__ import annotations

import re

SEPARATORS = re.compile(r"[、，,;；\n\r/|]+")
_PARENS = re.compile(r"[（(][^（）()]*[）)]")

ALL_TOWNSHIPS = "各乡镇"
_TOWNSHIP_COLLECTIVE = re.compile(
    r"^(全县|全区)?各(乡镇|乡[（(]?镇[）)]?|乡、?镇|镇乡|乡镇[（(]街道[）)]|乡镇[、和及]?街道|乡镇街道|乡镇人民政府|乡镇政府|"
    r"乡镇场|镇[（(]?街道?[）)]?|镇|街道|街道办事处)(人民政府|政府|党委|办事处)?$")
LOWER_GOVERNMENTS = re.compile(
    r"各(?:行署、市、县|行署、市|县市区|县区|地市|县|市(?!场|民)|区(?!域))(?:[（(][^（）()，。]{1,8}[）)])?(?:人民政府|政府)?")
_OTHER_COLLECTIVE = re.compile(
    r"^(县直)?(各级)?(各|有关|相关|各有关|各相关)(县直)?(部门|单位|成员单位|职能部门|部门和单位|单位和部门|县直单位|县直部门)$"
    r"|^(县直各部门|县直各单位|县直有关部门|县直有关单位|各县区政府|各县区|各县\(区\)|各县[（(]市、?区[）)])$"
    r"|^(县)?四大班子(领导)?$|^县级(干部|领导)$|^(主要|其他|协同|牵头)?(牵头|责任|配合)(单位|部门)$|^业主单位$"
    r"|^(全[县市区省])?([县市区省][级直])?各|^(有关|相关)(县直|市直|区直|省直)?(部门|单位)|各县|各开发区|^.{0,10}(各专班|各工作组)$")

# Official full forms and the short forms offices write for them (环境保护局 ↔ 环保局).
ABBREVIATIONS = [
    ("环境保护工作委员会办公室", "环委办"),
    ("环境保护局", "环保局"),
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展改革委", "发改委"),
    ("发展和改革局", "发改局"),
    ("住房和城乡建设委员会", "住建委"),
    ("住房和城乡建设局", "住建局"),
    ("住房城乡建设局", "住建局"),
    ("交通运输局", "交通局"),
    ("国土资源局", "国土局"),
    ("城乡规划局", "规划局"),
    ("城市管理局", "城管局"),
    ("城市管理行政执法局", "城管局"),
    ("农业农村局", "农业局"),
    ("工业和信息化局", "工信局"),
    ("工业和信息化委员会", "工信委"),
    ("经济和信息化委员会", "经信委"),
    ("经济和信息化局", "经信局"),
    ("财政局", "财政局"),
    ("安全生产监督管理局", "安监局"),
    ("食品药品监督管理局", "食药监局"),
    ("市场监督管理局", "市场监管局"),
    ("人力资源和社会保障局", "人社局"),
    ("教育体育局", "教体局"),
    ("卫生和计划生育委员会", "卫计委"),
    ("畜牧兽医局", "畜牧局"),
    ("林业局", "林业局"),
    ("水利局", "水利局"),
    ("公安局", "公安局"),
    ("人民政府办公室", "政府办"),
    ("委员会办公室", "委办"),
]
_UNIT_SUFFIXES = ("委员会办公室", "办公室", "委员会", "管理局", "分局", "局", "委", "办", "部门", "中心")
_TOWN_SUFFIXES = ("人民政府", "政府", "党委")


def split_names(text) -> list[str]:
    """Cell text → names: separated by 、，,;；/ or line breaks; '等' and blanks dropped."""
    if text is None:
        return []
    out = []
    for piece in SEPARATORS.split(str(text)):
        piece = re.sub(r"\s+", "", piece)
        piece = re.sub(r"(等|等单位|等部门|等职能部门)$", "", piece)
        if piece:
            out.append(piece)
    return _rejoin_townships(out)


def split_unit_names(text) -> list[str]:
    """Unit cells may also separate names by spaces ('县环保局 县住建委')."""
    if text is None:
        return []
    return split_names(re.sub(r"[ \t\u3000]+", "、", str(text).strip()))


def _rejoin_townships(parts: list[str]) -> list[str]:
    """'各乡、镇' is one collective name that the separator split in two."""
    out: list[str] = []
    for part in parts:
        if out and out[-1] in ("各乡", "全县各乡") and part in ("镇", "镇人民政府"):
            out[-1] += part
        else:
            out.append(part)
    return out


def is_all_townships(name: str) -> bool:
    return bool(_TOWNSHIP_COLLECTIVE.match(_plain(name)))


def is_lower_governments(name: str) -> bool:
    """'各县（市、区）', '各县（市、口岸）', '各行署、市、县政府': the governments under a city's or a
    province's plan, its territorial units as the townships are a county's."""
    return bool(LOWER_GOVERNMENTS.fullmatch(re.sub(r"\s+", "", name)))


def is_other_collective(name: str) -> bool:
    return bool(_OTHER_COLLECTIVE.match(_plain(name)))


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name).replace("（", "(").replace("）", ")")


def unit_key(name: str, county_prefixes: tuple[str, ...] = ()) -> str:
    """Normalised form: no blanks or parentheses, no county prefix ('舞阳县', '县'), official
    long forms replaced by their short forms (县环境保护局 → 环保局)."""
    key = _PARENS.sub("", _plain(name))
    for prefix in sorted(county_prefixes, key=len, reverse=True):
        if prefix and key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    if key.startswith("中共") and len(key) > 3:
        key = key[2:]
    if key.startswith("县") and len(key) > 2 and not key.startswith(("县委", "县人大", "县政府", "县政协")):
        key = key[1:]
    for long, short in ABBREVIATIONS:
        if key.endswith(long):
            key = key[: -len(long)] + short
            break
    for suffix in _TOWN_SUFFIXES:
        if key.endswith(suffix) and key[: -len(suffix)].endswith(("镇", "乡")):
            key = key[: -len(suffix)]
    return key


def unit_stem(key: str) -> str:
    """The key without its kind word: 环保局 → 环保, 舞泉镇 → 舞泉 (for speech: '环保、发改等部门')."""
    for suffix in _UNIT_SUFFIXES + ("镇", "乡"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


def person_key(name: str) -> str:
    """'朱俊峰（副县长）' or '朱 俊 峰' → '朱俊峰'."""
    return _PARENS.sub("", _plain(name))


LEADER_TITLES = ("常务副县长", "副县长", "县长", "县委书记", "书记", "副书记", "主任", "副主任", "主席",
                 "副主席", "部长", "局长", "同志")


def strip_title(name: str) -> str:
    """'宋耀生县长' / '副县长朱俊峰' → the bare name."""
    key = person_key(name)
    for title in LEADER_TITLES:
        if key.endswith(title) and len(key) - len(title) >= 2:
            return key[: -len(title)]
        if key.startswith(title) and len(key) - len(title) >= 2:
            return key[len(title):]
    return key
