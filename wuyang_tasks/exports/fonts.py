"""CJK fonts for the PDF documents: found on the machine, embedded, chosen per GB/T 9704 role.

Roles: ``title`` (2号小标宋), ``body`` (3号仿宋), ``heading`` (一、 黑体), ``kai`` (（一） 楷体).
Each role takes the first installed face of its preference list, else the nearest installed
face (仿宋 → 宋体 → 楷体 → 黑体 …). Only TrueType outlines can be embedded by reportlab
(Noto/Source Han CJK are CFF and are skipped). The choice can be overridden per role with a
path (``file.ttc#2`` picks a face of a collection) — from the settings (``configured``) or the
environment (``WUYANG_TASKS_FONT_TITLE`` / ``_BODY`` / ``_HEADING`` / ``_KAI``).

Where no TrueType CJK face exists at all, the non-embedded built-in CID font STSong-Light is the
last resort, with a warning: a viewer without Adobe's CJK fonts (e.g. poppler without
poppler-data) then shows no text at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROLES = ("title", "body", "heading", "kai")
ENV_PREFIX = "WUYANG_TASKS_FONT_"
CID_FALLBACK = "STSong-Light"

# Family names (as fontconfig or the Windows file table reports them), best first.
_SONG = ["SimSun", "宋体", "NSimSun", "新宋体", "STSong", "华文宋体", "AR PL UMing CN", "AR PL UMing",
         "AR PL SungtiL GB"]
_FANGSONG = ["仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋"]
_KAI = ["楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "AR PL UKai CN", "AR PL UKai",
        "AR PL KaitiM GB"]
_HEI = ["SimHei", "黑体", "Microsoft YaHei", "微软雅黑", "STHeiti", "华文黑体", "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei", "Droid Sans Fallback"]
_XIAOBIAOSONG = ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
                 "STZhongsong", "华文中宋"]

PREFERENCES: dict[str, list[str]] = {
    "title": _XIAOBIAOSONG + _SONG + _HEI + _FANGSONG + _KAI,
    "body": _FANGSONG + _SONG + _KAI + _HEI,
    "heading": _HEI + _SONG + _FANGSONG + _KAI,
    "kai": _KAI + _FANGSONG + _SONG + _HEI,
}

# Windows font files → family (the Fonts folder has no fontconfig).
WINDOWS_FILES = {
    "simfang.ttf": "FangSong", "simsun.ttc": "SimSun", "simhei.ttf": "SimHei",
    "simkai.ttf": "KaiTi", "msyh.ttc": "Microsoft YaHei", "msyh.ttf": "Microsoft YaHei",
    "fzxbsjw.ttf": "方正小标宋简体", "stzhongs.ttf": "STZhongsong", "stfangso.ttf": "STFangsong",
    "stkaiti.ttf": "STKaiti", "stsong.ttf": "STSong", "fs_gb2312.ttf": "仿宋_GB2312",
    "仿宋_gb2312.ttf": "仿宋_GB2312", "kaiti_gb2312.ttf": "楷体_GB2312", "楷体_gb2312.ttf": "楷体_GB2312",
}


@dataclass(frozen=True)
class FontFile:
    family: str
    path: str
    index: int = 0


@dataclass
class FontSet:
    """Registered reportlab font names per role, and what the user should be told."""

    title: str
    body: str
    heading: str
    kai: str
    families: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def embedded(self) -> bool:
        return CID_FALLBACK not in (self.title, self.body, self.heading, self.kai)


def _fc_list() -> list[FontFile]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", "-f", "%{file}\t%{index}\t%{family}\t%{fontformat}\n", ":lang=zh"],
                             capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or parts[3].strip() != "TrueType":
            continue
        path, index, families, _ = parts
        for family in families.split(","):
            found.append(FontFile(family.strip(), path, int(index or 0)))
    return found


def _windows_fonts() -> list[FontFile]:
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    found = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            family = WINDOWS_FILES.get(entry.name.lower())
            if family:
                found.append(FontFile(family, str(entry), 0))
    return found


@lru_cache(maxsize=1)
def installed_cjk_fonts() -> tuple[FontFile, ...]:
    """TrueType CJK faces on this machine (fontconfig on Linux, the Fonts folders on Windows)."""
    return tuple(_windows_fonts() if sys.platform == "win32" else _fc_list())


def _parse_configured(value: str) -> FontFile:
    path, _, index_text = value.partition("#")
    index = int(index_text) if index_text.isdigit() else 0
    known = next((f for f in installed_cjk_fonts() if f.path == path and f.index == index), None)
    return FontFile(known.family if known else Path(path).stem, path, index)


_registered: dict[tuple[str, int], str | None] = {}


def _register(font: FontFile) -> str | None:
    """Register with reportlab once; None when the file cannot be embedded (CFF, damaged)."""
    key = (font.path, font.index)
    if key in _registered:
        return _registered[key]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"WY-{Path(font.path).stem}-{font.index}"
    registered: str | None = name
    try:
        pdfmetrics.registerFont(TTFont(name, font.path, subfontIndex=font.index))
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        registered = None
    _registered[key] = registered
    return registered


ROLE_LABELS = {"title": "标题（小标宋）", "body": "正文（仿宋）", "heading": "一级标题（黑体）",
               "kai": "二级标题（楷体）"}
# The faces each role is meant to have: anything else is a stand-in the clerk is told about.
PROPER: dict[str, list[str]] = {"title": _XIAOBIAOSONG, "body": _FANGSONG, "heading": _HEI[:4] + ["STHeiti", "华文黑体"],
                                "kai": _KAI}
CHOICES_FILE = "fonts.json"  # this machine's choice per role (文书 ▸ 字体), beside settings.ini


def choices_path() -> Path:
    from wuyang_tasks.paths import data_dir

    return data_dir() / CHOICES_FILE


def load_choices() -> dict[str, str]:
    """role → font file (``file.ttc#1``) chosen on this machine; a missing or broken file: none."""
    try:
        data = json.loads(choices_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if k in ROLES and isinstance(v, str) and v} if isinstance(data, dict) else {}


def save_choices(choices: Mapping[str, str]) -> None:
    from wuyang_tasks.fileio import atomic_path

    with atomic_path(choices_path()) as tmp:
        tmp.write_text(json.dumps({k: v for k, v in choices.items() if k in ROLES and v}, ensure_ascii=False,
                                  indent=1), encoding="utf-8")


def is_proper(role: str, family: str) -> bool:
    return family.lower() in {f.lower() for f in PROPER[role]}


def stand_in_warning(families: Mapping[str, str]) -> str | None:
    """One sentence naming every role printed in a stand-in face, or None."""
    missing = [f"{ROLE_LABELS[r]}用“{families[r]}”代替" for r in ROLES if r in families and not is_proper(r, families[r])]
    if not missing:
        return None
    return ("本机缺少公文字体，" + "，".join(missing) + "。可在“文书 ▸ 字体”中另选，"
            "或安装仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312。")


def font_set(configured: Mapping[str, str] | None = None) -> FontSet:
    """Choose and register the fonts of the four roles: ``configured`` first, then the
    environment (WUYANG_TASKS_FONT_BODY …), then this machine's choice (文书 ▸ 字体), then the
    preference lists. A role in a stand-in face is said once, in one warning."""
    configured = dict(configured or {})
    saved = load_choices()
    for role in ROLES:
        env = os.environ.get(ENV_PREFIX + role.upper())
        if role not in configured and (env or saved.get(role)):
            configured[role] = env or saved[role]
    installed = installed_cjk_fonts()
    by_family: dict[str, list[FontFile]] = {}
    for f in installed:
        by_family.setdefault(f.family.lower(), []).append(f)
    chosen: dict[str, str] = {}
    families: dict[str, str] = {}
    warnings: list[str] = []
    for role in ROLES:
        candidates: list[FontFile] = []
        if configured.get(role):
            candidates.append(_parse_configured(configured[role]))
        for family in PREFERENCES[role]:
            candidates += by_family.get(family.lower(), [])
        candidates += list(installed)  # any TrueType CJK face rather than none
        for i, candidate in enumerate(candidates):
            name = _register(candidate)
            if name:
                chosen[role], families[role] = name, candidate.family
                break
            if i == 0 and configured.get(role):
                warnings.append(f"设置的{role}字体“{configured[role]}”无法嵌入 PDF（需 TrueType 字体），已改用其他字体。")
    if len(chosen) < len(ROLES):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        for role in ROLES:
            chosen.setdefault(role, CID_FALLBACK)
            families.setdefault(role, CID_FALLBACK)
        warnings.append("本机未找到可嵌入的中文 TrueType 字体（如仿宋 simfang.ttf、宋体 simsun.ttc、"
                        "文泉驿微米黑），PDF 使用未嵌入的内置字体，在部分电脑上可能无法显示文字。"
                        "请安装中文字体或在设置中指定字体文件。")
    else:
        stand_in = stand_in_warning(families)
        if stand_in:
            warnings.append(stand_in)
    return FontSet(chosen["title"], chosen["body"], chosen["heading"], chosen["kai"], families, warnings)
