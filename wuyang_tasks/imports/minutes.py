"""Propose draft tasks and metrics from meeting minutes, a speech or an implementation plan.

Nothing here writes: the proposal is shown for review (window) or printed (``--dry-run``) and
saved by ``services.intake.save_minutes``. Four readers work on the cleaned text:

- numbered items (一、 （一） 1. （1）): a leaf item becomes a draft titled by its heading when it
  carries a responsibility note "（县环保局牵头，县发改委、县住建委配合，各乡镇负责落实）" /
  "〔…牵头督导，…配合〕" or a deadline, or stands under a heading about tasks/measures; the
  nearest parent heading is its category;
- in running text (speeches, reports), a clause group that gives work to named units or to
  各乡镇/各部门 ("各乡镇要落实属地责任", "尤其是环保、发改…等职能部门，要严格履行法定职责")
  becomes a draft; the first named department is proposed as lead, the others as cooperating;
- a task table pasted into the text (``text_table``: 重点任务 / 牵头单位 / 配合单位 / 完成时限 columns)
  gives one draft per row;
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

from .clauses import Context, Group, after_names, clauses_of, cut, group_units, mentions_in, read_passage, sentences, speaker_in
from .clauses import ENUM, NAMED_PLACE, REQUIREMENT, VILLAGES, has_marker, is_slogan
from .deadlines import DeadlineError, deadline_in_sentence, deadline_in_text, find_key_period, phase
from .names import is_all_townships, is_lower_governments, is_other_collective
from .resolve import NameResolver
from .ledger_table import Field
from .text_table import TextRow, read_tables
from .roles import ROLE_CLAUSE, bracket_notes, is_role_note, labelled_line, note_deadline, note_roles
from .text_clean import CleanedText, clean_text

_LEVELS = [
    re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．.]\s*"),
    re.compile(r"^\s*(?:[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]|[㈠-㈩])\s*"),  # '㈠ 动员部署阶段' as （一）
    re.compile(r"^\s*(\d{1,2})\s*[.．、](?:(?!\d)|(?=(?:19|20)\d{2}\s*年))\s*"),  # not '1.5倍', but '1.2023年4月底前，…'
    re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]\s*"),
]
_TASK_SECTION = re.compile(r"任务|措施|重点|工作安排|治理|整治|攻坚|行动|时间安排|进度安排|时间节点|步骤")
_SKIP_SECTION = re.compile(r"总体要求|指导思想|基本原则|工作目标|目标任务|组织领导|保障措施|工作要求|工作原则")
_NO_TASKS = re.compile(r"总体要求|指导思想|基本原则|工作目标|目标任务|工作原则|主要目标|目标指标")  # targets → metrics
_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])|\n")


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
    leader: str | None = None  # 牵头县领导 as written (the speaker who assigned it, or a labelled leader)
    responsible: str | None = None  # 责任人 as the clerk enters it

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
    merge_into: int | None = None  # an existing metric (same name, or same kind and year) it adds to
    merge_name: str | None = None

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
    earlier_source: str | None = None  # the title of the same meeting or text imported before

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
    title = (title or _title_of(text) or file_stem or "会议纪要").strip()[:200]
    issued_on = issued_on or document_date(text)
    year = issued_on.year if issued_on else _year_in(title) or _year_in(text[:200]) or _year_in(text)
    if year is None and fallback_year is not None:
        year = fallback_year
        notices.append(f"文中没有写明年份，未写年份的时限按{fallback_year}年计（可用 --date 指定会议或发文日期）")
    kind = SourceKind.MEETING if ("会议" in title or "纪要" in title or re.search(r"召开.{0,40}会议", text[:300])) \
        else SourceKind.DOCUMENT
    period, period_sentence = _key_period(text, year)
    proposal = MinutesProposal(cleaned=cleaned, title=title, kind=kind, issued_on=issued_on, year=year,
                               key_period=period, key_period_sentence=period_sentence, notices=notices)
    reader = _Reader(resolver, year, issued_on, text)
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


_DATE_LINE = re.compile(r"^(?:[^\d]{0,12}?(?:日期|时间)[：:]?\s*)?(\d{4})\s*[年\-.]\s*(\d{1,2})\s*[月\-.]\s*(\d{1,2})\s*日?")


def document_date(text: str) -> date | None:
    """The document's own date: a date line at its head (发布日期/成文日期/时间 …) or its signature
    date at the end, else a full date in its first lines. Dates inside sentences are events, not
    the document's date."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    candidates = lines[:6] + lines[-3:]
    for line in candidates:
        for m in re.finditer(r"(?:成文日期|发文日期|发布日期|印发日期|日期|时间)[：:]?\s*(\d{4})\s*[年\-.]\s*(\d{1,2})\s*[月\-.]\s*(\d{1,2})", line):
            return _safe_date(m)
    for line in candidates:
        m = _DATE_LINE.match(line)
        if m and len(line) <= 40:
            return _safe_date(m)
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text[:300])
    return _safe_date(m) if m else None


def _safe_date(m: re.Match) -> date | None:
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_YEAR = re.compile(r"(?:((?:19|20)\d{2})\s*[—\-－~～至到]\s*)?((?:19|20)\d{2})\s*年")
_SINCE = re.compile(r"^\s*(?:以来|来|以前|之前|至今|起|开始|同期)")


def _year_in(text: str) -> int | None:
    """The document's year as its title or text first writes one: '三年（2019—2021年）行动方案' is
    2019's, and a year the text looks back from ('2003年以来', '自2014年', '比2020年') is not it."""
    for m in _YEAR.finditer(text):
        if _SINCE.match(text[m.end():]) or re.search(r"[自从比较与较同]\s*$", text[:m.start()]):
            continue
        return int(m.group(1) or m.group(2))
    return None


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


def numbered_items(text: str) -> list[_Item | str]:
    """The document in order: numbered items (a tree; leaves are returned) and free paragraphs."""
    out: list[_Item | str] = []
    stack: list[_Item] = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        level = next((i for i, p in enumerate(_LEVELS) if p.match(para)), None)
        if level is None:
            if stack and (stack[-1].body.strip() == stack[-1].heading or labelled_line(para)
                          or not stack[-1].children):
                stack[-1].body += "\n" + para
            else:
                stack.clear()
                out.append(para)
            continue
        rest = _LEVELS[level].sub("", para, count=1)
        heading = re.split(r"[。；;]", rest, maxsplit=1)[0].strip()
        while stack and stack[-1].level >= level:
            stack.pop()
        item = _Item(level, heading, rest, parent=stack[-1] if stack else None)
        if stack:
            stack[-1].children.append(item)
        out.append(item)
        stack.append(item)
    return out


class _Reader:
    def __init__(self, resolver: NameResolver | None, year: int | None, issued_on: date | None, text: str):
        self.resolver = resolver
        self.year = year
        self.issued_on = issued_on
        self.text = text
        self.leader: str | None = None

    def drafts(self, text: str) -> list[DraftTask]:
        rows, text = read_tables(text)
        return _distinct(self._text_drafts(text) + [self._row(row) for row in rows])

    def _row(self, row: TextRow) -> DraftTask:
        """A row of a task table in the text: its columns as a ledger's ('重点任务', '牵头单位', '完成时限' …)."""
        title = row.first(Field.TITLE) or row.first(Field.CONTENT) or row.line
        draft = DraftTask(title=cut(title.strip("。 ")), sentence=row.line,
                          deadline=self._cell_deadline(row.first(Field.DEADLINE)), leader=row.first(Field.LEADER))
        leads = [text for f, text in row.cells if f is Field.LEAD_UNIT and text]
        labelled = [("牵头单位" if n == 0 else "配合单位", text) for n, text in enumerate(leads)]
        labelled += [("配合单位", text) for f, text in row.cells if f is Field.COOP_UNIT and text]
        labelled += [("属地单位", text) for f, text in row.cells if f is Field.TERRITORIAL and text]
        for label, text in labelled:
            for r in note_roles(f"{label}：{text}"):
                self._place(draft, r.name, r.role)
        return draft

    def _text_drafts(self, text: str) -> list[DraftTask]:
        blocks = _join_enumerations(numbered_items(text))
        leaves = [b for b in blocks if isinstance(b, _Item) and not b.children]
        out: list[DraftTask] = []
        for n, block in enumerate(blocks):
            if isinstance(block, str):
                if n == 0 and _title_of(text) == block:
                    continue  # the document's title
                out.extend(self._paragraph(block, None))
            elif block.children:
                for para in block.body.split("\n")[1:]:
                    out.extend(self._paragraph(para, block.heading.strip("。")[:100]))
            elif self._is_plan_item(block, leaves):
                out.extend(self._phased(block, self._plan_item(block)))
            elif not _in_section(block, _NO_TASKS):
                stage = phase(block.body, self.year)
                body = block.body[stage[1]:] if stage else _drop_slogan_heading(block.body)
                drafts = self._paragraph(body, _category(block), heading=block.heading, imperative=bool(stage))
                out.extend(self._phased(block, drafts))
        return _distinct(out)

    def _phased(self, item: _Item, drafts: list[DraftTask]) -> list[DraftTask]:
        """The work of a 时间安排's phase ('（三）全面整治阶段（7月16日至8月31日）') is due at its end."""
        stage = phase(item.body, self.year)
        if stage:
            from wuyang_tasks.services.tasks import DeadlineSpec

            for draft in drafts:
                if draft.deadline is None:
                    draft.deadline = DeadlineSpec(day=stage[0], text=item.body[:stage[1]].strip())
        return drafts

    # -- plan items ----------------------------------------------------------------------
    def _is_plan_item(self, item: _Item, leaves: list[_Item]) -> bool:
        if _role_notes(item.body) or _labelled(item.body)[0]:
            return True
        if _in_section(item, _SKIP_SECTION) or _in_section(item, _NO_TASKS):
            return False
        siblings = [s for s in leaves if s.parent is item.parent and s is not item]
        if any(_role_notes(s.body) or _labelled(s.body)[0] for s in siblings):
            return True
        return _in_task_section(item) and not _MARKER_TEXT.search(item.body)

    def _plan_item(self, item: _Item) -> list[DraftTask]:
        """A plan's numbered item: one draft, or one per responsibility note it carries."""
        roles, deadline_text = _labelled(item.body)
        body = "\n".join(line for line in item.body.split("\n") if not labelled_line(line.strip()))
        passages = _split_at_notes(body)
        out = []
        for i, (passage, notes) in enumerate(passages):
            text = _strip_notes(passage)
            if i == 0:
                title = _DATE_FIRST.sub("", _strip_notes(item.heading))  # '2023年4月底前，各乡镇完成摸底调查'
            else:
                title = _first_sentence(text)
            if len(re.sub(r"\W", "", title)) < 2:
                continue
            noted = next((n for n in map(note_deadline, notes) if n), None)
            draft = DraftTask(title=cut(title.strip("。 ")), sentence=passage.strip(), category=_category(item),
                              deadline=self._deadline(text) or self._cell_deadline(noted or deadline_text))
            for note in notes:
                for r in note_roles(note):
                    self._place(draft, r.name, r.role)
            for r in roles:
                self._place(draft, r.name, r.role)
            inline = [] if notes or roles else _inline_roles(text)
            for r in inline:
                self._place(draft, r.name, r.role)
            if not notes and not roles and not inline:
                doers = _subject_group(text)
                for role, name in group_units(doers):
                    self._place(draft, name, role)
                if doers.subject and draft.title.startswith(doers.subject[0]):
                    draft.title = after_names(draft.title, doers.subject) or draft.title
            out.append(draft)
        return out

    def _cell_deadline(self, text: str | None):
        if not text:
            return None
        try:
            return deadline_in_text(text, self.year, doc_date=self.issued_on)
        except DeadlineError:
            return None

    def _deadline(self, text: str, year: int | None = None):
        """The deadline of the last clause whose grammar states one. A year heading ('2020年任务：一是
        4月底前…；二是10月底前…', '到2020年，') gives the year of the clauses after it."""
        found = None
        year = year or self.year
        for clause in re.split(r"[，,。；;！？\n]", _strip_notes(text)):
            year = year_heading(clause) or year
            try:
                found = deadline_in_sentence(clause, year, doc_date=self.issued_on) or found
            except DeadlineError:
                continue
        return found

    # -- running text --------------------------------------------------------------------
    def _speaker(self, paragraph: str) -> None:
        first = sentences(paragraph)[:1]
        if not first:
            return
        who = speaker_in(first[0], self.text)
        if who:
            self.leader = who
        elif re.match(r"^(会议|会上|会议还|会议最后)", first[0]):
            self.leader = None
        elif not re.match(r"^(他|她|要(?!求))", first[0]):
            self.leader = None  # '要抓好精准扶贫工作。…': a paragraph of bare requirements goes on with the speaker

    def _paragraph(self, paragraph: str, category: str | None, heading: str | None = None,
                   imperative: bool = False) -> list[DraftTask]:
        """``imperative``: every sentence states work, as a plan's phase does ('自治州专项行动领导小组将对…
        进行督查')."""
        self._speaker(paragraph)
        out: list[DraftTask] = []
        for lead_in, items, requirement, kind in _enumerations(paragraph):
            if lead_in:
                self._speaker(lead_in) if not items else None
                ctx = Context(leader=self.leader, phase=imperative,
                              imperative=imperative or bool(re.search(r"(强调|要求|提出)[：:，,]", lead_in[:60])))
                out.extend(self._drafts_of(read_passage(_SPEECH_COLON.sub("", lead_in) if items else lead_in, ctx),
                                           category, lead_in))
                who = speaker_in(lead_in, self.text) or _speaker_anywhere(lead_in, self.text)
                if who:
                    self.leader = who
            subject = [n for n in mentions_in(_last_clause(lead_in)) if n] if lead_in else []
            # '各乡镇要在6月底前完成以下工作：一是…': the items are due when their lead-in says
            due = self._deadline(_last_clause(lead_in), year=_last_year_heading(lead_in)) if lead_in and items else None
            for item in items:
                body = _drop_slogan_heading(item)
                # '四是认真部署…。同时，要…': a 一是 item asks without 要 when its first sentence does;
                # a 一要 item is a heading whose body carries its own 要
                asks = body if kind == "要" else (sentences(body) or [body])[0]
                ctx = Context(leader=self.leader, subject=subject, split_actions=False,
                              enumerated=requirement and not has_marker(asks))
                drafts = self._drafts_of(read_passage(body, ctx), category, body, year=_last_year_heading(lead_in))
                for draft in drafts:
                    draft.deadline = draft.deadline or due
                out.extend(drafts)
        return out

    def _drafts_of(self, groups: list[Group], category: str | None, passage: str = "",
                   year: int | None = None) -> list[DraftTask]:
        """``year``: the year heading before the passage ('2020年任务：' before its 一是 list)."""
        out = []
        for g in groups:
            title = g.title()
            if len(title) < 4:
                continue
            before = passage[: passage.find(g.sentence)] if g.sentence and g.sentence in passage else ""
            deadline = self._deadline("，".join(g.raw), year=_last_year_heading(before) or year)
            if deadline is None and _SET_TERM.search(g.sentence) and g.sentence in passage:
                # '…项目要求在8月底前全部完工。请各乡镇…务必在规定建设期限前完成…': the term stated before
                deadline = self._deadline(passage[: passage.index(g.sentence)])
            draft = DraftTask(title=title, sentence=g.sentence, category=category, deadline=deadline, leader=g.leader)
            for role, name in group_units(g):
                self._place(draft, name, role)
            out.append(draft)
        return out

    def _place(self, draft: DraftTask, name: str, role: str) -> None:
        if role == "leader":
            draft.leader = draft.leader or name
            return
        if is_all_townships(name):
            draft.all_townships = True
            return
        if is_lower_governments(name):
            draft.territorial.append(self._ref(name))
            return
        if (role == "collective" or is_other_collective(name)) and not VILLAGES.fullmatch(name):
            if name not in draft.collective:
                draft.collective.append(name)
            return
        ref = self._ref(name)
        if any(r.display == ref.display for r in draft.unit_refs()):
            return
        if role == "lead" and draft.lead is None and not _TOWNSHIP.fullmatch(name) and not VILLAGES.fullmatch(name) \
                and not NAMED_PLACE.fullmatch(name):
            draft.lead = ref
        elif role == "territorial" or _TOWNSHIP.fullmatch(name) or VILLAGES.fullmatch(name) or NAMED_PLACE.fullmatch(name):
            # '九重镇落实': the township is territorial; so are '各村（社区）'
            draft.territorial.append(ref)
        else:
            draft.cooperating.append(ref)

    def _ref(self, written: str) -> UnitRef:
        if self.resolver is None:
            return UnitRef(written)
        match = self.resolver.unit(written)
        return UnitRef(written, match.unit_id, match.unit_name)


_DATE_FIRST = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)\s*[，,：:]\s*(?=\S{4,})")
_TOWNSHIP = re.compile(r"(?!各)[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|街道办事处)(?:人民政府|政府)?")
_MARKER_TEXT = re.compile(r"(?<![主重需只想简纲摘必])要(?![求点素闻件害])|务必|必须|一是|一要")


def _role_notes(text: str) -> list[str]:
    return [inner for _, _, inner in bracket_notes(text) if is_role_note(inner)]


def _labelled(body: str) -> tuple[list, str | None]:
    """Labelled lines ('责任单位：…'), also after an item's heading on its own line ('（二）开展河道清淤。
    责任单位：县水利局；配合单位：沿河各乡镇；完成时限：2023年10月底')."""
    roles, deadline = [], None
    for line in body.split("\n"):
        for segment in [line] + line.split("。")[1:]:
            found = labelled_line(segment.strip())
            if found is None:
                continue
            kind, value = found
            if kind == "deadline":
                deadline = value
            else:
                roles.extend(note_roles(value))
                deadline = deadline or note_deadline(value)
            break
    return roles, deadline


def _inline_roles(text: str) -> list:
    """Role clauses written in an item's text without brackets: '县生态环境分局为牵头单位，县农业农村局为配合单位'."""
    kept = [c for c in re.split(r"[，,。；;]", text) if ROLE_CLAUSE.match(c.strip()) and mentions_in(c)]
    return note_roles("，".join(kept)) if kept else []


def _split_at_notes(body: str) -> list[tuple[str, list[str]]]:
    """An item's text cut after each responsibility note: '…清单编制工作。〔A牵头…〕按省的要求，…。（B牵头…）'
    is two tasks. Text after the last note belongs to the last passage."""
    out: list[tuple[str, list[str]]] = []
    start = 0
    for s, e, inner in bracket_notes(body):
        if not is_role_note(inner):
            continue
        out.append((body[start:e], [inner]))
        start = e
    tail = body[start:]
    if not out:
        return [(body, [])]
    if len(re.sub(r"\W", "", tail)) >= 12 and _MARKER_TEXT.search(tail) is None and "。" in tail.strip("。 "):
        out.append((tail, []))
    else:
        text, notes = out[-1]
        out[-1] = (text + tail, notes)
    return out


def _strip_notes(text: str) -> str:
    for s, e, inner in sorted(bracket_notes(text), reverse=True):
        if is_role_note(inner):
            text = text[:s] + text[e:]
    return text


def _first_sentence(text: str) -> str:
    for sentence in sentences(text):
        for clause in clauses_of(sentence):
            if not re.match(r"^(按照|按(?!期)|根据|依据|结合)", clause):
                return sentence[sentence.find(clause):].split("。")[0]
    return text


def _subject_group(text: str) -> Group:
    """Who a plan item's first clause names before its marker, or at its start without one
    ('2023年6月底前，县财政局完成资金拨付')."""
    g = Group()
    head = re.split(r"[，。；]", _DATE_FIRST.sub("", text.strip()), maxsplit=1)[0]
    m = has_marker(head)
    if m:
        g.subject = mentions_in(head[: m.start()])
    else:
        names = mentions_in(head)
        g.subject = names if names and head.startswith(names[0]) else []
    for sentence in sentences(text)[1:] if not g.subject else []:
        # '制定实施空气质量达标规划。武汉市、宜昌市…应在2014年6月底前制定…': the doers of its next sentence
        first = re.split(r"[，；]", sentence, maxsplit=1)[0]
        m = has_marker(first)
        if m and mentions_in(first[: m.start()]):
            g.subject = mentions_in(first[: m.start()])
            break
    return g


def _enumerations(paragraph: str) -> list[tuple[str, list[str], bool, str]]:
    """Split a paragraph at 一是/二是 or 一要/二要 markers (one kind, the first found):
    [(lead-in, items, under a requirement, the marker's kind 是/要/、)]; a paragraph without them
    is one lead-in. A list that starts again at 一 after its own sentence is a second list with its
    own lead-in ('…三是加强领导…。同时，陆晓延对当前重点工作进行了强调：一是…')."""
    marks = list(ENUM.finditer(paragraph))
    if not marks:
        return [(paragraph, [], False, "")]
    kind = marks[0].group(2)
    numbers = "一二三四五六七八九十"
    if kind == "、":
        marks = [m for m in marks if m.start() > 0]  # '一、' at a line's start is a numbered item
    lists: list[list[re.Match]] = [[]]
    for m in marks:
        if m.group(2) != kind:
            continue
        number = numbers.index(m.group(1))
        if number == len(lists[-1]):
            lists[-1].append(m)
        elif number == 0 and len(lists[-1]) >= 2 and "。" in paragraph[lists[-1][-1].end():m.start()]:
            lists.append([m])
    lists = [chosen for chosen in lists if len(chosen) >= 2]
    if not lists:
        return [(paragraph, [], False, "")]
    out = []
    start = 0
    for n, chosen in enumerate(lists):
        stop = len(paragraph)
        if n + 1 < len(lists):
            between = paragraph[chosen[-1].end():lists[n + 1][0].start()]
            stop = chosen[-1].end() + between.rindex("。") + 1
        lead_in = paragraph[start: chosen[0].start()]
        items = [paragraph[m.end():(chosen[i + 1].start() if i + 1 < len(chosen) else stop)] for i, m in enumerate(chosen)]
        requirement = bool(REQUIREMENT.search(lead_in[-40:])) or kind == "要"
        if kind == "、":
            items = [re.sub(r"^要", "", item) for item in items]
        out.append((lead_in, items, requirement, kind))
        start = stop
    return out


# '最后，县委书记陆晓延要求相关部门、乡镇：' before a list: who speaks to whom, not work
_SPEECH_COLON = re.compile(r"(?:^|(?<=[。；，,]))[^。；，,]{0,30}(?:要求|强调|指出|提出)[^。；，,：:]{0,20}[：:]\s*$")


_SET_TERM = re.compile(r"(?:规定|要求)的?(?:建设|完成|办理|整改)?(?:期限|时限|时间)(?:前|内|之前|以内)")
_SPEAKER_DASH = re.compile(r"^([^。，]{2,30}?(?:强调|要求|指出))\s*(?:——|—|-{1,2}|：|:)\s*$")


def _join_enumerations(blocks: list[_Item | str]) -> list[_Item | str]:
    """'…高巍强调，一要提高政治站位。…' / '二要强化时间概念。…' / '三要…': a 一要/一是 list whose items
    start paragraphs of their own is one paragraph, and so is its speaker's line before it ('许锋强调——')."""
    numbers = "一二三四五六七八九十"
    out: list[_Item | str] = []
    for block in blocks:
        if isinstance(block, str) and out and isinstance(out[-1], str) and re.match(r"^一(是|要)", block):
            frame = _SPEAKER_DASH.match(out[-1])
            if frame:
                out[-1] = frame.group(1) + "：" + block  # '许锋强调——' / '一要…': his list
                continue
        m = re.match(r"^([二三四五六七八九十])(是|要)(?=\S)", block) if isinstance(block, str) else None
        if m and out and isinstance(out[-1], str) and any(
                e.group(1) == numbers[numbers.index(m.group(1)) - 1] and e.group(2) == m.group(2)
                for e in ENUM.finditer(out[-1])):
            out[-1] = out[-1] + block
        else:
            out.append(block)
    return out


def _drop_slogan_heading(item: str) -> str:
    """'要整改到位。推进…' / '力度要更大。…' / '一、务必高效推进。…': a short heading sentence states no
    work of its own."""
    first, sep, rest = item.partition("。")
    if sep and rest.strip() and len(re.sub(r"\W", "", first)) <= (24 if is_slogan(first) else 16) and not mentions_in(first) \
            and not first.lstrip().startswith("关于") \
            and (is_slogan(first) or has_marker(first) or not re.match(r"\s*(同时|此外|另外)", rest)):
        # '关于砂石行业整治。' names the topic; '认真部署土地确权等项工作。同时，要…': 同时 adds a task
        return rest
    return item


_YEAR_HEADING = re.compile(r"^\s*(?:到|至)?((?:19|20)\d{2})\s*年(?:度)?(?!\s*(?:\d|[一二三四五六七八九十]{1,2}\s*月|以来|来|底|末|内|前))"
                           r"(?:(?:重点|主要)?(?:任务|目标|工作))?\s*[：:]?")


def year_heading(clause: str) -> int | None:
    """'2020年任务：一是4月底前…' / '到2020年' / '2019年，…': the year the clause and those after it speak of."""
    m = _YEAR_HEADING.match(clause)
    return int(m.group(1)) if m else None


def _last_year_heading(text: str) -> int | None:
    years = [year_heading(c) for c in re.split(r"[，,。；;！？\n]", text)]
    return next((y for y in reversed(years) if y), None)


def _last_clause(text: str) -> str:
    parts = [p for p in re.split(r"[。；]", text) if p.strip()]
    return parts[-1] if parts else ""


def _speaker_anywhere(text: str, full: str) -> str | None:
    for sentence in sentences(text):
        who = speaker_in(sentence, full)
        if who:
            return who
    return None


def _distinct(drafts: list[DraftTask]) -> list[DraftTask]:
    seen: set[str] = set()
    out = []
    for d in drafts:
        key = re.sub(r"\W", "", d.title)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


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
                   r"(?:控制在|下降到|降至|不高于|不超过|低于|达到)([^，。；]{0,30}?)"
                   r"(以下|以内|之内|(?<=米)(?=[，。；]|$)|(?<=升)(?=[，。；]|$))")
_NUMBER_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(微克/立方米|微克每立方米|μg/m³|μg/m3|ug/m3|毫克/升|mg/L)")
_GOOD_RATIO = re.compile(r"优良天数比[例率](?:[（(][^）)]{0,12}[）)])?[^，。；\d]{0,10}?(\d+(?:\.\d+)?)\s*%")
_FULL_NAMES = [(re.compile(r"细颗粒物\s*[（(]\s*PM2\.5\s*[）)]"), "PM2.5"),
               (re.compile(r"可吸入颗粒物\s*[（(]\s*PM10\s*[）)]"), "PM10")]
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
    for pattern, short in _FULL_NAMES:
        text = pattern.sub(short, text)
    default_year = year
    for sentence in _sentences(text):
        target_year = re.search(r"到\s*((?:19|20)\d{2})\s*年", sentence)
        year = int(target_year.group(1)) if target_year else default_year
        for m in _GOOD_RATIO.finditer(sentence):
            out.setdefault("优良天数比例", MetricProposal(
                "优良天数比例", MetricKind.OTHER, "%", MetricDirection.AT_LEAST, float(m.group(1)), None,
                year, sentence))
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
            name = re.sub(r"^(全年|全县|全市|年内|今年|确保|力争)", "", m.group(1))
            if "优良天数" in name or len(name) < 2 or name in out:
                continue
            out[name] = MetricProposal(name, MetricKind.OTHER, m.group(3), MetricDirection.AT_LEAST,
                                       float(m.group(2)), None, year, sentence)
    return list(out.values())
