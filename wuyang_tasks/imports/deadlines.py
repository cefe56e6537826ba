"""完成时限 as offices write it, read into a :class:`DeadlineSpec`.

Accepted forms (``year`` is the document's year, used when the text gives none):
a date cell; "2016年9月30日(前)", "2016.12.31", "2016-12-31", "2016/12/31"; "9月30日前";
"2016年9月底前", "9月底"; "9月上旬/中旬/下旬"; "年底前", "年内"; "上半年", "第三季度(末)";
"7、8、9三个月" (the end of the period); "长期坚持" and the like (ongoing); "每月25日前报送"
(recurring monthly); "N个工作日内" (WORKDAY basis) and "N日内"/"N天内" (calendar days), counted
from the meeting when the text says 会后 and the document date is known, otherwise from the day
the task is assigned (交办). When a text names several dates ("7月底前排查，9月底前整改") the
last one is the deadline. Month names without a year never roll into the next year: a ledger
may list deadlines that have already passed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import DeadlineBasis

ONGOING_WORDS = ("长期坚持", "长期", "持续推进", "常态化", "长效", "持续开展", "常年")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
_NUM = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"

_FULL = re.compile(r"(\d{4})\s*[年.\-/．]\s*(\d{1,2})\s*[月.\-/．]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(?<![\d.])" + _NUM + r"\s*月\s*(\d{1,2})\s*[日号]")
_MONTH_END = re.compile(r"(?:(\d{4})\s*年\s*)?" + _NUM + r"\s*月(?:份)?\s*(底|末|初|上旬|中旬|下旬|前|份前|内)"
                        r"|(?:(\d{4})\s*年\s*)?" + _NUM + r"\s*月(份)(?=\s*(?:全面|全部|基本)?(?:完成|完工|建成|竣工|办结))")
_YEAR_MONTH = re.compile(r"(\d{4})\s*年\s*" + _NUM + r"\s*月(?!\s*\d)")
_MONTHS_SPAN = re.compile(r"((?:\d{1,2}\s*[、，,和至到—-]\s*)+\d{1,2})\s*(?:三|四|五|六|两|几)?个?月(?:份)?")
_RANGE = re.compile(_NUM + r"\s*月\s*(?:至|到|—|－|-|~|～)\s*" + _NUM + r"\s*月")
_WORKDAYS = re.compile(r"(\d{1,3}|[一二三四五六七八九十]{1,3})\s*个?\s*工作日")
_DAYS = re.compile(r"(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:日|天)(?:内|之内|以内)")
_WEEKS = re.compile(r"(\d{1,2}|[一二两三四五六七八九十])\s*(?:个)?(?:周|星期)(?:内|之内|以内)")
_THIS_MONTH = re.compile(r"(?:本|当)月(?:底|末|内)|(?<![\d一二三四五六七八九十份])月底前")
_MONTHLY = re.compile(r"每月\s*(\d{1,2})\s*[日号]")
_YEAR_END = re.compile(r"(?:(\d{4})\s*年\s*)?(?:年底|年末|年内)")
_HALF = re.compile(r"(?:(\d{4})\s*年\s*)?(上半年|下半年)")
_QUARTER = re.compile(r"(?:(\d{4})\s*年\s*)?(?:第)?([一二三四1-4])\s*季度")


class DeadlineError(ValueError):
    """The text cannot be read as a deadline."""


def cn_number(text: str) -> int:
    """'12' or '十二' → 12 (up to 99)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        try:
            return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        except KeyError:
            raise DeadlineError(text) from None
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    raise DeadlineError(text)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int | None, month: int, day: int, raw: str) -> date:
    if year is None:
        raise DeadlineError("未写年份，且无法从文件日期或标题推断年份")
    try:
        return date(year, month, day)
    except ValueError:
        raise DeadlineError(f"日期不存在（{year}年{month}月{day}日）") from None


def parse_deadline(value, year: int | None, *, doc_date: date | None = None) -> DeadlineSpec | None:
    """Read one 完成时限 cell; None when empty. Raises :class:`DeadlineError`."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return DeadlineSpec(day=value.date())
    if isinstance(value, date):
        return DeadlineSpec(day=value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return DeadlineSpec(day=_excel_serial(value))
    text = re.sub(r"\s+", "", str(value)).replace("（", "(").replace("）", ")")
    if not text:
        return None
    spec = deadline_in_text(text, year, doc_date=doc_date)
    if spec is None:
        raise DeadlineError("无法识别")
    return spec


def _excel_serial(value: float) -> date:
    if not 20000 < value < 80000:  # 1954 … 2119: anything else is not a date someone typed
        raise DeadlineError("数字不是日期")
    return date(1899, 12, 30) + timedelta(days=int(value))


def deadline_in_text(text: str, year: int | None, *, doc_date: date | None = None) -> DeadlineSpec | None:
    """The deadline a phrase states, or None when it states none. Used for cells and for
    sentences of minutes; the original phrase is kept as ``DeadlineSpec.text``."""
    raw = text.strip()
    monthly = _MONTHLY.search(raw)
    if monthly:
        day = int(monthly.group(1))
        if not 1 <= day <= 31:
            raise DeadlineError(f"每月{day}日不存在")
        return DeadlineSpec(recurrence_day=day, text=_short(raw))
    work = _WORKDAYS.search(raw)
    if work:
        start = doc_date if "会后" in raw else None
        return DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=cn_number(work.group(1)), start=start,
                            text=_short(raw))
    dated = _last_date(raw, year)
    if dated is not None:
        return DeadlineSpec(day=dated, text=_short(raw))
    relative = _relative(raw, doc_date)
    if relative is not None:
        return relative
    if any(word in raw for word in ONGOING_WORDS):
        return DeadlineSpec(ongoing=True, text=_short(raw))
    return None


def _short(text: str) -> str:
    return text if len(text) <= 100 else text[:99] + "…"


def _last_date(text: str, year: int | None) -> date | None:
    """The latest-positioned date phrase in ``text`` (position, not value, decides)."""
    found = _dates(text, year)
    return max(found)[1] if found else None


def _dates(text: str, year: int | None) -> list[tuple[int, date, int]]:
    """Every date phrase of ``text``: (end, day, start), overlapping phrases counted once."""
    found: list[tuple[int, date, int]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, day: date) -> None:
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        taken.append(span)
        found.append((span[1], day, span[0]))

    for m in _FULL.finditer(text):
        add(m, _day(int(m.group(1)), int(m.group(2)), int(m.group(3)), text))
    for m in _RANGE.finditer(text):
        add(m, month_end(_need(year), cn_number(m.group(2))))
    for m in _MONTHS_SPAN.finditer(text):
        months = [int(x) for x in re.findall(r"\d{1,2}", m.group(1))]
        if all(1 <= x <= 12 for x in months):
            add(m, month_end(_need(year), max(months)))
    for m in _MONTH_DAY.finditer(text):
        y = _year_before(text, m.start()) or _next_year(text, m.start(), year) or year
        add(m, _day(y, _month(m.group(1)), int(m.group(2)), text))
    for m in _MONTH_END.finditer(text):
        written, month_text, part = m.group(1, 2, 3) if m.group(2) else m.group(4, 5, 6)  # '6月份完成'
        y = int(written) if written else _year_before(text, m.start()) or _next_year(text, m.start(), year) or year
        month = _month(month_text)
        last = month_end(_need(y), month)
        day = {"上旬": 10, "初": 10, "中旬": 20}.get(part, last.day)
        add(m, date(last.year, month, day))
    for m in _YEAR_MONTH.finditer(text):
        add(m, month_end(int(m.group(1)), _month(m.group(2))))
    for m in _HALF.finditer(text):
        y = _need(int(m.group(1)) if m.group(1) else year)
        add(m, date(y, 6, 30) if m.group(2) == "上半年" else date(y, 12, 31))
    for m in _QUARTER.finditer(text):
        y = _need(int(m.group(1)) if m.group(1) else year)
        add(m, month_end(y, 3 * cn_number(m.group(2))))
    for m in _YEAR_END.finditer(text):
        y = int(m.group(1)) if m.group(1) else _next_year(text, m.start() + 1, year) or year
        add(m, date(_need(y), 12, 31))
    return found


def _next_year(text: str, pos: int, year: int | None) -> int | None:
    """'明年3月底前', '明年底': the year after the document's."""
    return year + 1 if year is not None and re.search(r"明年?\s*$", text[:pos]) else None


_AFTER = re.compile(r"^\s*(?:[前内止]|之前|以前|之内|以内|为限|底前|末前)")
_BEFORE = re.compile(r"(?:[在于限]|截至|截止|截止到|务必于|务于|须于|要于|应于|(?:时限|期限|截止时间|截止日期)(?:为|是)?[：:]?|"
                     r"(?:即日|今日|\d{1,2}\s*[日号]|\d{1,2}\s*月)起?\s*(?:至|到|—|－|~|～))\s*$")
# '6月1日至9月30日开展集中整治', '即日起至12月31日': the end of the period
_INSIDE = re.compile(r"(?:前|内)$")
# '力争10月底全面完成改厕任务': a date right before the finishing verb is when it is due
_DUE = re.compile(r"^\s*(?:全面|全部|基本|如期|按期|按时|彻底)?(?:完成|完工|建成|竣工|办结|投用|投入使用|交付使用|整改到位)")
_DONE = re.compile(r"已|了(?![解])|曾|过(?=[^，。；]{0,6}(?:会议|检查|督查|工作))")


def deadline_in_sentence(text: str, year: int | None, *, doc_date: date | None = None) -> DeadlineSpec | None:
    """The deadline a clause of running text sets, read only where the grammar makes it one:
    "9月底前", "2016年10月31日以前", "会后5个工作日内", "年底前", "每月25日前", "截至…", "在4月初召开";
    never "持续推进" (a manner, not a time) and never a date of something done ("6月20日，
    国土局联合环保局已组织…")."""
    raw = text.strip()
    if _DONE.search(raw):
        return None
    # '每月28日（本次报送于5月29日）之前': the aside names this month's day, the rule is monthly
    monthly = re.search(r"每月\s*(\d{1,2})\s*[日号](?:\s*[、和]\s*\d{1,2}\s*[日号])*\s*(?:前|之前|以前)", re.sub(r"[（(][^（）()]{0,30}[）)]", "", raw))
    if monthly:
        day = int(monthly.group(1))
        if not 1 <= day <= 31:
            raise DeadlineError(f"每月{day}日不存在")
        return DeadlineSpec(recurrence_day=day, text=_short(raw))
    work = re.search(_WORKDAYS.pattern + r"\s*(?:内|之内|以内)", raw)
    if work:
        start = doc_date if "会后" in raw else None
        return DeadlineSpec(basis=DeadlineBasis.WORKDAY, days=cn_number(work.group(1)), start=start,
                            text=_short(raw))
    dated = sorted((end, day, start) for end, day, start in _dates(raw, year)
                   if _AFTER.match(raw[end:]) or _INSIDE.search(raw[start:end]) or _BEFORE.search(raw[:start])
                   or (_DUE.match(raw[end:]) and not re.search(r"[、，,和至到—\-－~～]", raw[start:end]))
                   or _RANGE.fullmatch(raw[start:end]))
    if dated:
        n = len(dated) - 1
        while n and re.fullmatch(r"\s*[、和及]\s*", raw[dated[n - 1][0]:dated[n][2]]):
            n -= 1  # '分别在6月10日、8月10日前': the first of the days listed is due first
        return DeadlineSpec(day=dated[n][1], text=_short(raw))
    return _relative(raw, doc_date)


def _relative(raw: str, doc_date: date | None) -> DeadlineSpec | None:
    """'10日内' / '一周内' (days from the assignment, or from the meeting after 会后); '本月底前' (the
    month of the document's date)."""
    start = doc_date if "会后" in raw else None
    days = _DAYS.search(raw)
    if days:
        return DeadlineSpec(days=cn_number(days.group(1)), start=start, text=_short(raw))
    weeks = _WEEKS.search(raw)
    if weeks:
        return DeadlineSpec(days=7 * cn_number(weeks.group(1)), start=start, text=_short(raw))
    if doc_date is not None and _THIS_MONTH.search(raw):
        return DeadlineSpec(day=month_end(doc_date.year, doc_date.month), text=_short(raw))
    return None


def _year_before(text: str, pos: int) -> int | None:
    """The year written right before ``pos``, else the last one written earlier in the phrase
    ('2021年2月3日前…于2月7日前': 2021)."""
    m = re.search(r"(\d{4})\s*年\s*$", text[:pos]) or re.search(r"((?:19|20)\d{2})\s*年(?!.*(?:19|20)\d{2}\s*年)",
                                                                 text[:pos])
    return int(m.group(1)) if m else None


def _month(text: str) -> int:
    month = cn_number(text)
    if not 1 <= month <= 12:
        raise DeadlineError(f"{month}月不存在")
    return month


def _need(year: int | None) -> int:
    if year is None:
        raise DeadlineError("未写年份，且无法从文件日期或标题推断年份")
    return year


# '（二）全面整治阶段（7月16日至8月31日）', also a step without the word: '（一）排查摸底（3月15日—4月30日）'
_PHASE = re.compile(r"^\s*(?:第[一二三四五六七八九十]阶段\s*[：:，,]?\s*)?[^，。；：\s（(]{0,16}\s*[（(]([^（）()]{1,30})[）)]\s*[。.：:，,]?\s*")
_PHASE_MONTH = re.compile(r"(?:(\d{4})\s*年\s*)?" + _NUM + r"\s*月(?:份)?")


def phase(text: str, year: int | None) -> tuple[date, int] | None:
    """A plan's phase at the head of ``text``, '（二）全面整治阶段（7月16日至8月31日）。各行署…' → (its last
    day, where its heading ends): '（5月下旬-8月）' → 8月31日, '（4月-5月中旬）' → 5月20日, '（9月）' →
    9月30日. Its work is due then unless it states a day of its own."""
    m = _PHASE.match(text)
    if not m:
        return None
    last = re.split(r"至|到|—|－|-|~|～", m.group(1))[-1].strip()
    try:
        found = _dates(last, year)
        if found:
            return max(found)[1], m.end()
        month = _PHASE_MONTH.fullmatch(last)
        if month:
            return month_end(_need(int(month.group(1)) if month.group(1) else year), _month(month.group(2))), m.end()
    except DeadlineError:
        return None
    return None


def find_key_period(text: str, year: int | None) -> tuple[date, date] | None:
    """'7、8、9三个月' / '7月至9月' → (first day, last day) of the period."""
    m = _MONTHS_SPAN.search(text)
    if m:
        months = [int(x) for x in re.findall(r"\d{1,2}", m.group(1))]
        if year is not None and len(months) > 1 and all(1 <= x <= 12 for x in months):
            return date(year, min(months), 1), month_end(year, max(months))
    m = _RANGE.search(text)
    if m and year is not None:
        first, last = cn_number(m.group(1)), cn_number(m.group(2))
        if 1 <= first <= last <= 12:
            return date(year, first, 1), month_end(year, last)
    return None
