"""Propose draft tasks and metrics from meeting minutes, a speech or an implementation plan.

Nothing here writes: the proposal is shown for review (window) or printed (``--dry-run``) and
saved by ``services.intake.save_minutes``. Three readers work on the cleaned text:

- numbered items (一、 （一） 1. （1）): a leaf item becomes a draft titled by its heading when it
  carries a responsibility note "（县环保局牵头，县发改委、县住建委配合，各乡镇负责落实）" /
  "〔…牵头督导，…配合〕" or a deadline, or stands under a heading about tasks/measures; the
  nearest parent heading is its category;
- in running text (speeches, reports), a clause group that gives work to named units or to
  各乡镇/各部门 ("各乡镇要落实属地责任", "尤其是环保、发改…等职能部门，要严格履行法定职责")
  becomes a draft; the first named department is proposed as lead, the others as cooperating;
- quantitative targets ("优良天数确保在219天以上", "PM2.5浓度控制在…以下", "水质达到Ⅲ类")
  become :class:`MetricProposal`.

A key period ("特别是7、8、9三个月") is reported and proposed as the deadline of drafts that
state none. Every draft keeps the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wuyang_tasks.domain.enums import MetricDirection, MetricKind, SourceKind

from .deadlines import DeadlineError, deadline_in_text, find_key_period
from .names import ALL_TOWNSHIPS, is_all_townships, is_other_collective, split_names
from .resolve import NameResolver
from .text_clean import CleanedText, clean_text

_LEVELS = [
    re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．.]\s*"),
    re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*"),
    re.compile(r"^\s*(\d{1,2})\s*[.．、](?!\d)\s*"),
    re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]\s*"),
]
_NOTE = re.compile(r"[（(〔［\[【]([^（）()〔〕［\]【】]{2,120}?)[）)〕］\]】]")
_NOTE_WORDS = re.compile(r"牵头|负责|配合|参与|协办|协助|责任单位|落实|督导|实施")
_TASK_SECTION = re.compile(r"任务|措施|重点|工作安排|治理|整治|攻坚|行动")
_SKIP_SECTION = re.compile(r"总体要求|指导思想|基本原则|工作目标|目标任务|组织领导|保障措施|工作要求")
_NO_TASKS = re.compile(r"总体要求|指导思想|基本原则|工作目标|目标任务")  # targets become metrics
_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])|\n")
_CLAUSE = re.compile(r"[，,：:]")
_OBLIGATION = re.compile(r"(?<![主重需只想简纲摘必])要(?![求点素闻])|负责(?!人)|牵头|务必|必须|确保|抓紧|限期")
_CONTINUE = re.compile(r"^(尤其是|特别是|其中|包括|以及|重点是)")
_ACTION_AFTER = re.compile(r"(?:都|也|还|更|必须|务必)?(?:要|负责|牵头)")
_LEAD_IN = re.compile(r"^(既|又|更|并|还|同时|进一步|都)?要")
_TOWNSHIP_TEXT = re.compile(r"(全县)?各乡[（(]?[、]?镇[）)]?(人民政府|政府|[（(]街道[）)])?|各镇乡")
_OTHER_TEXT = re.compile(r"各级各部门|县直各部门|县直各单位|各有关部门|各相关部门|有关部门|相关部门|"
                         r"各部门|各有关单位|各单位|(?:县)?四大班子领导|各县区政府|各县区")
_ENUM = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等?(?:职能|有关|相关)?(?:部门|单位)")
_NAMED = re.compile(r"[县市][^\W\d在的了是和与及对把被从向到为等召开]{2,9}?(?:局|委员会|委|办公室|办|公司)")
_NAMED_BAD = re.compile(r"^[县市](委|政府|人大|政协|长|常委)")
_TITLE_WORDS = 18
_TITLE_MAX = 60


@dataclass
class UnitRef:
    written: str
    unit_id: int | None = None
    unit_name: str | None = None

    @property
    def display(self) -> str:
        return self.unit_name or self.written


@dataclass
class DraftTask:
    title: str
    sentence: str  # the sentence (or numbered paragraph) it came from
    category: str | None = None
    lead: UnitRef | None = None
    cooperating: list[UnitRef] = field(default_factory=list)
    territorial: list[UnitRef] = field(default_factory=list)
    all_townships: bool = False  # 各乡镇: every township, as territorial units
    collective: list[str] = field(default_factory=list)  # 各部门, 有关部门 … (kept as a note)
    deadline: object = None  # DeadlineSpec | None
    deadline_from_key_period: bool = False

    def unit_refs(self) -> list[UnitRef]:
        return ([self.lead] if self.lead else []) + self.cooperating + self.territorial

    @property
    def unknown(self) -> list[str]:
        return [r.written for r in self.unit_refs() if r.unit_id is None]


@dataclass
class MetricProposal:
    name: str
    kind: MetricKind
    unit_of_measure: str
    direction: MetricDirection
    target_value: float | None
    reference_name: str | None
    year: int
    sentence: str

    @property
    def target_text(self) -> str:
        if self.target_value is not None:
            value = f"{self.target_value:g}"
            if self.kind is MetricKind.WATER_CLASS:
                return f"{self.direction.label} {'ⅠⅡⅢⅣⅤ'[int(self.target_value) - 1]}类"
            return f"{self.direction.label} {value}{self.unit_of_measure}"
        return f"{self.direction.label} {self.reference_name or '达标'}"


@dataclass
class MinutesProposal:
    cleaned: CleanedText
    title: str
    kind: SourceKind
    issued_on: date | None
    year: int | None
    key_period: tuple[date, date] | None
    key_period_sentence: str | None
    drafts: list[DraftTask] = field(default_factory=list)
    metrics: list[MetricProposal] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def unknown_names(self) -> list[str]:
        return list(dict.fromkeys(n for d in self.drafts for n in d.unknown))


# --------------------------------------------------------------------------- entry point
def propose(raw: str, *, resolver: NameResolver | None = None, title: str | None = None,
            issued_on: date | None = None, fallback_year: int | None = None,
            file_stem: str | None = None) -> MinutesProposal:
    cleaned = clean_text(raw)
    text = cleaned.text
    notices: list[str] = []
    issued_on = issued_on or _date_in(text[:300])
    year = issued_on.year if issued_on else _year_in(title or "") or _year_in(text[:200])
    if year is None and fallback_year is not None:
        year = fallback_year
        notices.append(f"文中没有写明年份，未写年份的时限按{fallback_year}年计（可用 --date 指定会议或发文日期）")
    title = (title or _title_of(text) or file_stem or "会议纪要").strip()[:200]
    kind = SourceKind.MEETING if ("会议" in title or "纪要" in title or re.search(r"召开.{0,40}会议", text[:300])) \
        else SourceKind.DOCUMENT
    period, period_sentence = _key_period(text, year)
    proposal = MinutesProposal(cleaned=cleaned, title=title, kind=kind, issued_on=issued_on, year=year,
                               key_period=period, key_period_sentence=period_sentence, notices=notices)
    reader = _Reader(resolver, year, issued_on)
    proposal.drafts = reader.drafts(text)
    if period:
        for draft in proposal.drafts:
            if draft.deadline is None:
                draft.deadline = _period_spec(period)
                draft.deadline_from_key_period = True
    proposal.metrics = find_metrics(text, year)
    return proposal


def _period_spec(period: tuple[date, date]):
    from wuyang_tasks.services.tasks import DeadlineSpec

    start, end = period
    return DeadlineSpec(day=end, text=f"重点时段{start.month}—{end.month}月")


def _date_in(text: str) -> date | None:
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _year_in(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", text)
    return int(m.group(1)) if m else None


def _title_of(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if first and len(first) <= 60 and "。" not in first and not any(p.match(first) for p in _LEVELS):
        return first
    m = re.search(r"召开(?:了)?(?:全县)?([\u4e00-\u9fff“”]{2,40}?会议)", text[:400])
    return m.group(1) if m else None


def _key_period(text: str, year: int | None) -> tuple[tuple[date, date] | None, str | None]:
    for sentence in _sentences(text):
        if re.search(r"关键|重点时段|攻坚期|决战", sentence):
            period = find_key_period(sentence, year)
            if period:
                return period, sentence
    return None, None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


# --------------------------------------------------------------------------- numbered items
@dataclass
class _Item:
    level: int
    heading: str
    body: str
    parent: _Item | None = None
    children: list[_Item] = field(default_factory=list)


def numbered_items(text: str) -> tuple[list[_Item], list[str]]:
    """The numbered items of a plan (a tree), and the paragraphs outside any item."""
    items: list[_Item] = []
    free: list[str] = []
    stack: list[_Item] = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        level = next((i for i, p in enumerate(_LEVELS) if p.match(para)), None)
        if level is None:
            if stack:
                stack[-1].body += "\n" + para
            else:
                free.append(para)
            continue
        rest = _LEVELS[level].sub("", para, count=1)
        heading = re.split(r"[。；;]", rest, maxsplit=1)[0].strip()
        while stack and stack[-1].level >= level:
            stack.pop()
        item = _Item(level, heading, rest, parent=stack[-1] if stack else None)
        if stack:
            stack[-1].children.append(item)
        items.append(item)
        stack.append(item)
    return items, free


class _Reader:
    def __init__(self, resolver: NameResolver | None, year: int | None, issued_on: date | None):
        self.resolver = resolver
        self.year = year
        self.issued_on = issued_on

    def drafts(self, text: str) -> list[DraftTask]:
        items, free = numbered_items(text)
        out: list[DraftTask] = []
        for item in items:
            if item.children:
                continue
            draft = self._item_draft(item)
            if draft is not None:
                out.append(draft)
            elif not _in_section(item, _NO_TASKS):
                out.extend(self._speech_drafts(item.body, _category(item)))
        for para in free:
            out.extend(self._speech_drafts(para, None))
        return out

    def _item_draft(self, item: _Item) -> DraftTask | None:
        notes = [m.group(1) for m in _NOTE.finditer(item.body) if _NOTE_WORDS.search(m.group(1))]
        deadline = self._deadline(item.body)
        if not notes and deadline is None and not _in_task_section(item):
            return None
        if _in_section(item, _SKIP_SECTION) and not notes:
            return None
        title = _NOTE.sub(lambda m: "" if m.group(1) in notes else m.group(0), item.heading).strip("。 ")
        draft = DraftTask(title=_cut(title), sentence=item.body.strip(), category=_category(item),
                          deadline=deadline)
        for note in notes:
            self._apply_note(draft, note)
        if not notes:
            for segment in _segments(item.body):
                self._apply_mentions(draft, segment.mentions)
        return draft

    def _deadline(self, text: str):
        """The deadline of the last clause that states one; its text is that clause."""
        found = None
        for clause in re.split(r"[，,。；;！？\n]", _NOTE.sub("", text)):
            try:
                found = deadline_in_text(clause, self.year, doc_date=self.issued_on) or found
            except DeadlineError:
                continue
        return found

    def _apply_note(self, draft: DraftTask, note: str) -> None:
        """'县环保局牵头，县发改委、县住建委等参与，各乡镇负责落实' → lead, cooperating, territorial."""
        for part in re.split(r"[，,；;。]", note):
            part = part.strip()
            if not part:
                continue
            m = re.match(r"^(牵头单位|责任单位|主办单位|配合单位|协办单位|参与单位|属地单位)[:：](.+)$", part)
            if m:
                role = {"配合单位": "coop", "协办单位": "coop", "参与单位": "coop",
                        "属地单位": "territorial"}.get(m.group(1), "lead")
                names = split_names(m.group(2))
            else:
                m = re.match(r"^(.+?)(?:等)?(牵头督导|牵头负责|牵头|负责落实|具体负责|负责|配合|参与|协办|协助|督导|"
                             r"具体实施|组织实施|落实)", part)
                if not m:
                    continue
                verb = m.group(2)
                names = split_names(m.group(1))
                role = "coop" if verb in ("配合", "参与", "协办", "协助") else "lead"
                if verb in ("负责落实", "落实", "具体实施", "组织实施") or (
                        names and all(is_all_townships(n) or is_other_collective(n) for n in names)):
                    role = "territorial" if any(is_all_townships(n) for n in names) or verb in (
                        "负责落实", "落实", "具体实施") else role
            for name in names:
                self._place(draft, name, role)

    def _place(self, draft: DraftTask, name: str, role: str) -> None:
        if is_all_townships(name):
            draft.all_townships = True
            return
        if is_other_collective(name):
            if name not in draft.collective:
                draft.collective.append(name)
            return
        ref = self._ref(name)
        if any(r.display == ref.display for r in draft.unit_refs()):
            return
        if role == "lead" and draft.lead is None:
            draft.lead = ref
        elif role == "territorial":
            draft.territorial.append(ref)
        else:
            draft.cooperating.append(ref)

    def _ref(self, written: str) -> UnitRef:
        if self.resolver is None:
            return UnitRef(written)
        match = self.resolver.unit(written)
        return UnitRef(written, match.unit_id, match.unit_name)

    def _apply_mentions(self, draft: DraftTask, mentions: list[str]) -> None:
        for name in mentions:
            self._place(draft, name, "lead")

    # -- running text ---------------------------------------------------------------------
    def _speech_drafts(self, paragraph: str, category: str | None) -> list[DraftTask]:
        out = []
        for sentence in _sentences(paragraph):
            for segment in _segments(sentence):
                if not segment.mentions or not _OBLIGATION.search(segment.text):
                    continue
                title = _segment_title(segment)
                if not title:
                    continue
                draft = DraftTask(title=title, sentence=sentence, category=category,
                                  deadline=self._deadline(segment.text))
                self._apply_mentions(draft, segment.mentions)
                out.append(draft)
        return out


@dataclass
class _Segment:
    clauses: list[str]
    mentions: list[str]

    @property
    def text(self) -> str:
        return "，".join(self.clauses)


def mentions_in(clause: str) -> list[str]:
    """Units a clause names: collective names, enumerations before 等部门, 县X局-style names."""
    found: list[tuple[int, str]] = []
    body = _CONTINUE.sub("", clause)
    offset = len(clause) - len(body)
    for m in _TOWNSHIP_TEXT.finditer(body):
        found.append((m.start() + offset, ALL_TOWNSHIPS))
    for m in _OTHER_TEXT.finditer(body):
        found.append((m.start() + offset, m.group(0)))
    for m in _ENUM.finditer(body):
        for i, name in enumerate(m.group(1).split("、")):
            name = re.sub(r"等.*$", "", name)
            if len(name) >= 2:
                found.append((m.start() + offset + i, name))
    for m in _NAMED.finditer(body):
        name = m.group(0)
        if not _NAMED_BAD.match(name) and not any(name in f or f in name for _, f in found):
            found.append((m.start() + offset, name))
    return [name for _, name in sorted(found)]


def _segments(sentence: str) -> list[_Segment]:
    segments: list[_Segment] = []
    for clause in (c.strip() for c in _CLAUSE.split(sentence)):
        if not clause:
            continue
        mentions = mentions_in(clause)
        if mentions and segments and _CONTINUE.match(clause) and segments[-1].mentions:
            segments[-1].clauses.append(clause)
            segments[-1].mentions.extend(m for m in mentions if m not in segments[-1].mentions)
        elif mentions:
            segments.append(_Segment([clause], list(mentions)))
        elif segments:
            segments[-1].clauses.append(clause)
    return segments


def _segment_title(segment: _Segment) -> str:
    parts: list[str] = []
    for clause in segment.clauses:
        mentions = mentions_in(clause)
        if mentions:
            m = _ACTION_AFTER.search(clause)
            if not m:
                continue
            clause = clause[m.end():]
        clause = _LEAD_IN.sub("", clause).strip("。；; ")
        if len(clause) >= 2:
            parts.append(clause)
        if sum(map(len, parts)) >= _TITLE_WORDS or len(parts) == 3:
            break
    return _cut("，".join(parts))


def _cut(title: str) -> str:
    title = title.strip("，,。 ")
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1] + "…"


def _category(item: _Item) -> str | None:
    return item.parent.heading.strip("。")[:100] if item.parent else None


def _ancestors(item: _Item):
    node = item.parent
    while node is not None:
        yield node
        node = node.parent


def _in_task_section(item: _Item) -> bool:
    return any(_TASK_SECTION.search(a.heading) and not _SKIP_SECTION.search(a.heading)
               for a in _ancestors(item))


def _in_section(item: _Item, pattern: re.Pattern) -> bool:
    return any(pattern.search(a.heading) for a in _ancestors(item)) or (
        item.parent is None and bool(pattern.search(item.heading)))


# --------------------------------------------------------------------------- metrics
_POLLUTANT = r"PM2\.5|PM10|PM₂.₅|二氧化硫|二氧化氮|臭氧|SO2|NO2|O3|COD|化学需氧量|氨氮|总磷"
_CONC = re.compile(rf"((?:(?:{_POLLUTANT})[、和及与]?)+)(?:年均|平均)?浓度(?:值)?(?:要|确保|力争)?"
                   r"(?:控制在|下降到|降至|不高于|不超过|低于|达到)([^，。；]{0,30}?)(以下|以内|之内)")
_NUMBER_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(微克/立方米|μg/m³|μg/m3|ug/m3|毫克/升|mg/L)")
_GOOD_DAYS = re.compile(r"优良天数[^，。；\d]{0,12}?(\d{2,3})\s*天(以上)?")
_WATER = re.compile(r"(?:省控|市控|国控)?(?:河流)?([\u4e00-\u9fff]{1,6}?(?:河|湖|水库|渠))(?:断面)?水质[^，。；]{0,12}?"
                    r"(?:(达到|优于|保持)\s*([ⅠⅡⅢⅣⅤIV]{1,3}|[一二三四五])\s*类|(达标))")
_GENERIC = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:确保|力争|要)?(?:达到|不少于|不低于|保持在)\s*"
                      r"(\d+(?:\.\d+)?)\s*(%|个|家|台|公里|万元|吨|座|处|天)(以上)?")
_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5,
          "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}


def find_metrics(text: str, year: int | None) -> list[MetricProposal]:
    if year is None:
        return []
    out: dict[str, MetricProposal] = {}
    for sentence in _sentences(text):
        for m in _GOOD_DAYS.finditer(sentence):
            out.setdefault("优良天数", MetricProposal(
                "优良天数", MetricKind.GOOD_DAYS, "天", MetricDirection.AT_LEAST, float(m.group(1)), None,
                year, sentence))
        for m in _CONC.finditer(sentence):
            value = _NUMBER_UNIT.search(m.group(2))
            reference = None if value else (m.group(2).strip("在的") or None)
            for pollutant in re.split(r"[、和及与]", m.group(1)):
                if not pollutant:
                    continue
                name = f"{pollutant}年均浓度"
                out.setdefault(name, MetricProposal(
                    name, MetricKind.CONCENTRATION, value.group(2) if value else "μg/m³",
                    MetricDirection.AT_MOST, float(value.group(1)) if value else None, reference,
                    year, sentence))
        for m in _WATER.finditer(sentence):
            name = f"{m.group(1)}水质类别"
            cls = _ROMAN.get(m.group(3)) if m.group(3) else None
            out.setdefault(name, MetricProposal(
                name, MetricKind.WATER_CLASS, "类", MetricDirection.AT_MOST,
                float(cls) if cls else None, None if cls else "水质达标", year, sentence))
        for m in _GENERIC.finditer(sentence):
            name = re.sub(r"^(全年|全县|年内|今年)", "", m.group(1))
            if "优良天数" in name or len(name) < 2 or name in out:
                continue
            out[name] = MetricProposal(name, MetricKind.OTHER, m.group(3), MetricDirection.AT_LEAST,
                                       float(m.group(2)), None, year, sentence)
    return list(out.values())
