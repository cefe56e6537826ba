"""Who is responsible, as texts write it: responsibility notes, labelled lines and unit mentions.

- notes in brackets after an item: "（县环保局牵头，县发改委、县住建委配合，各乡镇负责落实）",
  "〔市生态环境局牵头督导，市公安局、自然资源局……〕", "〔责任单位：省发展改革委、省市场监管局按职责
  分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕" — brackets may nest;
- labelled lines or cells: "牵头单位：区发改局" / "责任单位：…" / "牵头责任单位：…" / "协同责任单位：…" /
  "牵头负责领导：…" (a leader), also several in one note separated by "；";
- names in running text: "县X局"-style names, enumerations before 等部门 ("环保、发改…等职能部门"),
  names in "由X负责" and "请X" and collective names (各乡镇, 有关部门 …).

A role is ``lead``, ``coop`` or ``territorial``; ``leader`` carries a county leader's name.
When a note gives 牵头单位, its 责任单位 are cooperating; without one, the first 责任单位 leads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import is_all_townships, is_other_collective

OPEN, CLOSE = "（(〔［[【", "）)〕］]】"
ROLE_WORDS = re.compile(r"牵头|负责|配合|参与|协办|协助|责任单位|主责|落实|督导|实施|责任领导")
_LABELS = [
    (re.compile(r"^(牵头负责领导|牵头县领导|牵头领导|责任领导|分管领导|包保领导)$"), "leader"),
    (re.compile(r"^(牵头单位|牵头部门|牵头责任单位|主责单位|主办单位|主要责任单位)$"), "lead"),
    (re.compile(r"^(配合单位|配合部门|协办单位|协同责任单位|协同单位|参与单位|协助单位)$"), "coop"),
    (re.compile(r"^(属地单位|属地责任单位|实施单位)$"), "territorial"),
    (re.compile(r"^(责任单位|责任部门)$"), "responsible"),
]
_LABEL_TYPO = re.compile(r"(?:^|(?<=[；;。]))\s*(牵头单位|牵头部门|责任单位|责任部门|配合单位|协办单位|主责单位)\s*[；;]")  # '责任单位；住建局'
_LABELLED = re.compile(r"^\s*([\u4e00-\u9fff]{2,8}?)\s*[：:]\s*(.*)$")
_VERB = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位)?)?(牵头督导|牵头负责|牵头抓总|牵头|负责落实|具体负责|按职责分工负责|分工负责|"
                   r"负责|密切配合|积极配合|配合|参与|协办|协助|督导|具体实施|组织实施|落实)$")
_TAIL = re.compile(r"(按职责分工负责|按职责分工|分别负责|共同负责|负责|等有关部门|等相关部门|等部门|等单位|……|…|等)$")
UNIT_SUFFIX = (r"(?:局|委员会|委会|委|办公室|办|室|公司|集团|中心|指挥部|领导小组|工作组|管委会|大队|支队|站|厅|所|院|"
               r"政府|部|镇|乡|街道|联社|联合会|妇联|团委|总工会|开发区|专班)")
_CANDIDATE = re.compile(r"(?:中共)?[县市区省](?:应急|[^\W\d在的了是与及对把被从向到为等召开要应将须负配牵请由各，。、；]){1,16}")  # 应 but 应急局
_ENDS_UNIT = re.compile(UNIT_SUFFIX + r"$")
_INNER_PREFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![城超都])(?=[县区省市])")
_SHORT = re.compile(r"[县市区]财政(?![局厅])")
_NOT_UNIT = re.compile(r"^[县市区省](委|政府|人大|政协|长|常委|委书记|委常委|领导|级|直|域|城|内|外|里|上下)$|"
                       r"^[县市区省](委|政府)(办公室)?$|^市、县|^县乡|^省市|^县级|^[县市区省]直各|^[县市区]委[、]")


_AS_ROLE = re.compile(r"为(牵头|责任|主责|配合|协办|协助)(?:单位|部门)$")  # '县生态环境分局为牵头单位'
ROLE_CLAUSE = re.compile(r"^(?:由)?[^，。；]{2,40}?(?:为(?:牵头|责任|主责|配合|协办|协助)(?:单位|部门)|牵头负责|牵头|具体负责|负责|"
                         r"密切配合|积极配合|配合|协助|参与|具体实施|负责落实)$")


@dataclass
class Responsibility:
    role: str  # lead | coop | territorial | leader
    name: str


def bracket_notes(text: str) -> list[tuple[int, int, str]]:
    """Bracketed passages with their spans, nesting allowed: (start, end, inner text)."""
    out: list[tuple[int, int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1, text[start + 1:i]))
    return out


def is_role_note(inner: str) -> bool:
    """A bracketed passage that assigns responsibility (not "（PM10在线监测）" or "（试行）")."""
    head = re.split(r"[。]", inner, maxsplit=1)[0]
    return bool(ROLE_WORDS.search(head)) and len(inner) >= 4 and bool(
        named_units(inner) or _LABELLED.match(head) or re.search(r"各乡|各县|各部门|有关部门|各单位|办|局|委|政府", head))


def split_unit_list(text: str) -> list[str]:
    """'县发改委、县住建委和县城管局' → names; 和/及 split only between full names, so
    '县住房和城乡建设局' stays whole; '各县、区人民政府' and '各县（市、区）' stay one name."""
    text = re.sub(r"各县、区", "各县区", text.strip())
    text = re.sub(r"[（(]([^（）()]*)[）)]", lambda m: "（" + m.group(1).replace("、", "\x00") + "）", text)
    out: list[str] = []
    for piece in re.split(r"[、，,；;/\s]+|以及", text):
        piece = _TAIL.sub("", piece.strip()).strip()
        piece = piece.replace("\x00", "、")
        if not piece:
            continue
        out.extend(_split_conjunctions(piece))
    return [_plain_name(p) for p in out if len(p) >= 2 or p in ("乡镇",)]


def _split_conjunctions(piece: str) -> list[str]:
    """Split at 和/及/与 only where the left side is a whole name ('县环保局和县住建局')."""
    parts, start = [], 0
    for m in re.finditer(r"[和及与]", piece):
        left = piece[start:m.start()]
        if (_ENDS_UNIT.search(left) or left.endswith(("部门", "单位"))) and len(piece) - m.end() >= 2:
            parts.append(left)
            start = m.end()
    parts.append(piece[start:])
    return [p for p in parts if p]


def _plain_name(name: str) -> str:
    name = re.sub(r"^(由|请|责成|要求|会同|联合)", "", name)
    return re.sub(r"(主要负责人|负责人|负责同志|主要领导)$", "", name)


def note_roles(inner: str) -> list[Responsibility]:
    """Roles a responsibility note or a labelled cell states, in the order written."""
    out: list[Responsibility] = []
    inner = _LABEL_TYPO.sub(r"\1：", inner)
    has_lead_label = bool(re.search(r"牵头单位|牵头部门|牵头责任单位|主责单位", inner))
    previous: str | None = None
    parts = [p for s in re.split(r"[。；;]", inner) if not re.search(r"不再(做|作)?分工|下同|不再列出", s)
             for p in re.split(r"[，,]", s)]
    for part in parts:
        part = _AS_ROLE.sub(lambda m: "配合" if m.group(1) in ("配合", "协办", "协助") else "牵头", part.strip("，, "))
        if not part:
            continue
        labelled = _LABELLED.match(part)
        role = None
        names_text = part
        if labelled:
            label = labelled.group(1)
            role = next((r for pattern, r in _LABELS if pattern.match(label)), None)
            if role is None:
                continue
            names_text = labelled.group(2)
            if role == "responsible":
                role = "coop" if has_lead_label else "lead"
        else:
            m = re.search(_VERB.pattern, part)
            if m:
                verb = m.group(1)
                names_text = part[: m.start()]
                role = ("coop" if verb in ("配合", "密切配合", "积极配合", "参与", "协办", "协助") else
                        "territorial" if verb in ("负责落实", "落实", "具体实施") else "lead")
            elif previous is not None and not re.search(r"要|是|的|了|将", part):
                role = "coop"  # a verbless list after a role: '市公安局、自然资源局……'
            else:
                continue
        for name in split_unit_list(names_text):
            if role == "leader":
                out.append(Responsibility("leader", name))
            elif role == "lead" and any(r.role == "lead" for r in out):
                out.append(Responsibility("coop", name))
            elif role == "territorial" and not (is_all_townships(name) or is_other_collective(name)):
                out.append(Responsibility("territorial", name))
            else:
                out.append(Responsibility(role, name))
        previous = role
    return out


_DEADLINE_LABEL = r"完成时限|完成时间|时间节点|时限要求|办结时限"


def note_deadline(inner: str) -> str | None:
    """The 完成时限 a responsibility note carries: '（牵头单位：县住建局；完成时限：2023年6月底前）'."""
    m = re.search(rf"(?:{_DEADLINE_LABEL})\s*[：:]\s*([^；;。，,）)]+)", inner)
    return m.group(1).strip() if m else None


def labelled_line(line: str) -> tuple[str, str] | None:
    """'牵头单位：区发改局' → ('lead', '区发改局'); '完成时限：2023年底' → ('deadline', …)."""
    m = _LABELLED.match(line)
    if not m:
        return None
    label = m.group(1)
    if re.fullmatch(_DEADLINE_LABEL, label):
        return "deadline", m.group(2)
    if any(pattern.match(label) for pattern, _ in _LABELS):
        return "roles", line
    return None


def named_units(text: str) -> list[tuple[int, str]]:
    """'县X局'-style names in running text with their positions. A name ends at its kind word
    (局, 委, 办, 公司 …); '县财政安排县卫计局' gives 县财政 and 县卫计局."""
    found: list[tuple[int, str]] = []
    for m in _CANDIDATE.finditer(text):
        pos = m.start()
        if pos and text[pos - 1] in "社城园地山景辖片都超校厂营" and text[pos] in "区市":
            continue
        for piece in _INNER_PREFIX.split(m.group(0)):
            name = _longest_unit(piece)
            if name:
                found.append((pos, name))
            pos += len(piece)
    for m in _SHORT.finditer(text):
        if not any(p <= m.start() < p + len(n) for p, n in found):
            found.append((m.start(), m.group(0)))
    return sorted(found)


def _longest_unit(piece: str) -> str | None:
    """The shortest name the piece starts with, not cut inside 办公室/委员会/局长, not 城乡 …"""
    for end in range(2, len(piece) + 1):
        name, rest = piece[:end], piece[end:]
        if not _ENDS_UNIT.search(name) or re.match(r"^(公室|员会|长|主任|书记|局|委员|支队|大队|中心|小组)", rest):
            continue
        if re.match(r"^[\u4e00-\u9fff]{1,4}(?:大队|支队|中队|分局)(?!长)", rest) or (name.endswith("委") and rest.startswith("会") and not rest.startswith("会议")):
            continue  # '县公安局交警大队': the brigade is the unit
        if name.endswith(("城乡", "城镇", "乡镇")) and rest[:1] not in ("", "，", "、", "和", "及"):
            continue
        if _NOT_UNIT.search(name):
            continue
        if re.search(r"关于|同意|提出|研究|安排|负责", name):
            return None
        return name
    return None
