"""Repair web copies of Chinese government texts before reading them.

Reposted reports often come converted to traditional characters with the pinyin of some
characters in parentheses after them ("環(huán)保攻堅(jiān)"). We remove a parenthesised group only
when it follows a Chinese character and its content is pinyin carrying a tone mark or ü
(one or more syllables), so "（一）", "(PM2.5)", "(2016)" and "(试行)" stay. Then the text is
converted to simplified characters with OpenCC's ``t2s`` tables (package
opencc-python-reimplemented: pure Python, no compiled extension for the Windows build, the same
dictionaries as upstream OpenCC). ASCII commas, semicolons and colons after Chinese
characters, another trace of the web copy, become "，", "；", "：".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLE = rf"[a-zA-Z{_TONED}]{{1,6}}"
_PINYIN_GROUP = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\s?[(（]\s*({_SYLLABLE}(?:[\s'’]+{_SYLLABLE}){{0,5}})\s*[)）]")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff“”‘’《》、。）]"
_ASCII_COMMA = re.compile(rf"(?<={_CJK}),(?=\S)|,(?={_CJK})")
_ASCII_SEMI = re.compile(rf"(?<={_CJK});")
_ASCII_COLON = re.compile(rf"(?<={_CJK}):(?!\d)")


@dataclass(frozen=True)
class CleanedText:
    text: str
    pinyin_removed: int
    converted_chars: int


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def _is_pinyin(group: str) -> bool:
    return any(ch in _TONED for ch in group.lower())


def remove_pinyin(text: str) -> tuple[str, int]:
    count = 0

    def repl(m: re.Match) -> str:
        nonlocal count
        if _is_pinyin(m.group(1)):
            count += 1
            return ""
        return m.group(0)

    return _PINYIN_GROUP.sub(repl, text), count


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def clean_text(raw: str) -> CleanedText:
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    text, removed = remove_pinyin(text)
    simplified = to_simplified(text)
    converted = sum(1 for a, b in zip(text, simplified, strict=False) if a != b)
    simplified = _ASCII_COMMA.sub("，", simplified)
    simplified = _ASCII_SEMI.sub("；", simplified)
    simplified = _ASCII_COLON.sub("：", simplified)
    return CleanedText(simplified.strip(), removed, converted)


def has_pinyin_groups(text: str) -> bool:
    return any(_is_pinyin(m.group(1)) for m in _PINYIN_GROUP.finditer(text))
