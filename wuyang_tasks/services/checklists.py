"""Checklist templates (检查清单模板) as data: shipped files, clerk's edits, versions of items.

An inspection's results point at checklist items, so an item that has been used is never
rewritten: a new version of a template's items keeps the unchanged items, deactivates the
others and adds new rows. Old inspections keep showing the items they were checked against.
Templates themselves are never deleted, only deactivated.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from wuyang_tasks.db.models import ChecklistItem, ChecklistTemplate
from wuyang_tasks.db.writer import Writer
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.paths import resource_path

from .common import check_version, get

SHIPPED_DIR = ("checklists",)


@dataclass(frozen=True)
class ItemSpec:
    content: str
    category: str | None = None


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    items: tuple[ItemSpec, ...]
    description: str | None = None


@dataclass
class ItemView:
    id: int
    seq: int
    category: str | None
    content: str
    active: bool


@dataclass
class TemplateView:
    id: int
    name: str
    description: str | None
    active: bool
    version: int
    items: list[ItemView] = field(default_factory=list)  # active items in order


# --------------------------------------------------------------------------- template files
def parse_template(data: object, origin: str) -> TemplateSpec:
    """A template from its JSON form: {"name", "description", "items": [{"category", "content"}]}."""
    if not isinstance(data, dict):
        raise ValidationError(f"{origin}：模板应为一个对象（含 name 和 items）。")
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValidationError(f"{origin}：缺少模板名称（name）。")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ValidationError(f"{origin}：模板“{name}”没有检查项目（items）。")
    items = []
    for n, raw in enumerate(raw_items, start=1):
        if isinstance(raw, str):
            raw = {"content": raw}
        if not isinstance(raw, dict) or not str(raw.get("content") or "").strip():
            raise ValidationError(f"{origin}：模板“{name}”第 {n} 项缺少检查内容（content）。")
        category = str(raw.get("category") or "").strip() or None
        items.append(ItemSpec(content=str(raw["content"]).strip(), category=category))
    description = str(data.get("description") or "").strip() or None
    return TemplateSpec(name=name, items=tuple(items), description=description)


def read_template_file(path: Path) -> TemplateSpec:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"无法读取模板文件 {path}（{exc.strerror}）。") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"模板文件 {path} 不是 UTF-8 编码的 JSON：{exc}") from None
    return parse_template(data, str(path))


def template_json(view: TemplateView) -> dict:
    """The file form of a template (what ``read_template_file`` reads back)."""
    return {"name": view.name, "description": view.description,
            "items": [{"category": i.category, "content": i.content} for i in view.items]}


def shipped_templates() -> list[TemplateSpec]:
    folder = resource_path(*SHIPPED_DIR)
    return [read_template_file(path) for path in sorted(folder.glob("*.json"))]


# --------------------------------------------------------------------------- writes
def create_template(session: Writer, spec: TemplateSpec) -> ChecklistTemplate:
    name = spec.name.strip()
    if not name:
        raise ValidationError("模板名称不能为空。")
    if session.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.name == name)):
        raise ValidationError(f"检查清单模板“{name}”已存在；如要修改检查项目，请编辑该模板。")
    _check_items(spec.items)
    template = session.insert(ChecklistTemplate(name=name, description=spec.description,
                                                active=True, version=1))
    for seq, item in enumerate(spec.items, start=1):
        session.insert(ChecklistItem(template_id=template.id, seq=seq, category=item.category,
                                     content=item.content, active=True))
    session.expire(template, ["items"])
    return template


def revise_items(session: Writer, template_id: int, items: Sequence[ItemSpec], *,
                 expected_version: int | None = None) -> ChecklistTemplate:
    """A new version of the template's items. Items kept unchanged at the same place stay the
    same rows; every other active item is deactivated (never rewritten) and new rows added."""
    template = get(session, ChecklistTemplate, template_id, "检查清单模板")
    check_version(template, expected_version, f"检查清单模板“{template.name}”")
    _check_items(items)
    current = active_items(session, template_id)
    same = [i for i, (old, new) in enumerate(zip(current, items, strict=False))
            if old.content == new.content and old.category == new.category]
    if len(same) == len(current) == len(items):
        return template
    # Active items are numbered 1..n by position; a kept item keeps its place and its row.
    for i, old in enumerate(current):
        if i not in same:
            session.update(old, "deactivate", active=False)
    new_ids = []
    for i, spec in enumerate(items):
        if i in same:
            new_ids.append(current[i].id)
            continue
        row = session.insert(ChecklistItem(template_id=template_id, seq=i + 1,
                                           category=spec.category, content=spec.content,
                                           active=True))
        new_ids.append(row.id)
    old_version = template.version
    flag_modified(template, "name")  # a new version of the template (optimistic locking)
    session.flush()
    session.event(ChecklistTemplate.__tablename__, template.id, "revise_items",
                  {"version": old_version, "items": [i.id for i in current]},
                  {"version": template.version, "items": new_ids})
    session.expire(template, ["items"])
    return template


def update_template(session: Writer, template_id: int, *, expected_version: int | None = None,
                    name: str | None = None, description: str | None = None,
                    active: bool | None = None) -> ChecklistTemplate:
    template = get(session, ChecklistTemplate, template_id, "检查清单模板")
    check_version(template, expected_version, f"检查清单模板“{template.name}”")
    changes: dict = {}
    if name is not None:
        name = name.strip()
        if not name:
            raise ValidationError("模板名称不能为空。")
        if name != template.name and session.scalar(
                select(ChecklistTemplate.id).where(ChecklistTemplate.name == name)):
            raise ValidationError(f"检查清单模板“{name}”已存在。")
        changes["name"] = name
    if description is not None:
        changes["description"] = description.strip() or None
    if active is not None:
        changes["active"] = active
    changes = {k: v for k, v in changes.items() if getattr(template, k) != v}
    if changes:
        session.update(template, "update", **changes)
    return template


def install_shipped(session: Writer) -> list[str]:
    """Add the shipped templates this ledger does not have yet (by name); returns their names.
    A template the office already has — perhaps edited — is left as it is."""
    installed = []
    for spec in shipped_templates():
        if not session.scalar(select(ChecklistTemplate.id).where(ChecklistTemplate.name == spec.name)):
            create_template(session, spec)
            installed.append(spec.name)
    return installed


def _check_items(items: Sequence[ItemSpec]) -> None:
    if not items:
        raise ValidationError("检查清单至少要有一个检查项目。")
    for n, item in enumerate(items, start=1):
        if not (item.content or "").strip():
            raise ValidationError(f"第 {n} 个检查项目的内容为空。")
    contents = [(i.category, i.content) for i in items]
    if len(set(contents)) != len(contents):
        raise ValidationError("检查项目有重复。")


# --------------------------------------------------------------------------- reads
def active_items(session: Session, template_id: int) -> list[ChecklistItem]:
    return list(session.scalars(
        select(ChecklistItem).where(ChecklistItem.template_id == template_id,
                                    ChecklistItem.active.is_(True))
        .order_by(ChecklistItem.seq, ChecklistItem.id)))


def template_views(session: Session, *, include_inactive: bool = False) -> list[TemplateView]:
    query = select(ChecklistTemplate).order_by(ChecklistTemplate.id)
    if not include_inactive:
        query = query.where(ChecklistTemplate.active.is_(True))
    return [template_view(session, t.id) for t in session.scalars(query)]


def template_view(session: Session, template_id: int) -> TemplateView:
    t = get(session, ChecklistTemplate, template_id, "检查清单模板")
    return TemplateView(id=t.id, name=t.name, description=t.description, active=t.active,
                        version=t.version,
                        items=[ItemView(i.id, i.seq, i.category, i.content, i.active)
                               for i in active_items(session, t.id)])


def find_template(session: Session, name: str) -> ChecklistTemplate | None:
    return session.scalar(select(ChecklistTemplate).where(ChecklistTemplate.name == name.strip()))
