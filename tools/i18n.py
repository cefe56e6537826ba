"""Translations of the window: one zh_CN .ts file per area, compiled to .qm.

Areas: every module or package directly under wuyang_tasks/ui/pages/ is an area named by it
(pages/tasks/ → tasks_zh_CN.ts); everything else in wuyang_tasks/ui/ is the area "core". So
helpers working on different pages never edit the same .ts file.

    python tools/i18n.py              update every .ts from the sources, compile the .qm files,
                                      list what is still untranslated (exit 1 if anything is)
    python tools/i18n.py todo         list untranslated strings as TSV: area, context, source
                                      (a line break inside a string is written as \\n)
    python tools/i18n.py fill F.tsv   fill translations from a TSV file (context<TAB>source<TAB>
                                      translation, or source<TAB>translation for any context),
                                      then update and compile
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "wuyang_tasks" / "ui"
PAGES = UI / "pages"
I18N = ROOT / "wuyang_tasks" / "resources" / "i18n"
LANGUAGE = "zh_CN"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pyside6-lupdate, pyside6-lrelease)")
    return found


def areas() -> dict[str, list[Path]]:
    """area name → its Python sources."""
    result: dict[str, list[Path]] = {"core": sorted(
        p for p in UI.rglob("*.py") if PAGES not in p.parents)}
    result["core"] += [PAGES / "__init__.py"] if (PAGES / "__init__.py").exists() else []
    for entry in sorted(PAGES.iterdir()):
        if entry.is_dir() and (entry / "__init__.py").exists():
            result[entry.name] = sorted(entry.rglob("*.py"))
        elif entry.suffix == ".py" and entry.name != "__init__.py":
            result[entry.stem] = [entry]
    return result


def ts_path(area: str, folder: Path = I18N) -> Path:
    return folder / f"{area}_{LANGUAGE}.ts"


def qm_path(area: str, folder: Path = I18N) -> Path:
    return folder / f"{area}_{LANGUAGE}.qm"


def lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *map(str, sources), "-ts", str(ts), "-no-obsolete",
                    "-locations", "none", "-target-language", LANGUAGE, "-silent"],
                   check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def messages(ts: Path):
    """(context, source, translation or None if unfinished) for each message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            done = finished and all(f and f.strip() for f in forms)
            yield name, source, (forms[0] if done else None)


def update_all() -> list[tuple[str, str, str]]:
    I18N.mkdir(parents=True, exist_ok=True)
    todo = []
    known = areas()
    for area, sources in known.items():
        ts = ts_path(area)
        lupdate(sources, ts)
        lrelease(ts, qm_path(area))
        todo += [(area, c, s) for c, s, t in messages(ts) if t is None]
    for stale in I18N.glob(f"*_{LANGUAGE}.*"):
        if stale.name.rsplit("_", 2)[0] not in known and stale.suffix in (".ts", ".qm"):
            stale.unlink()  # the area's sources are gone
    return todo


def fill(tsv: Path) -> int:
    table: dict[tuple[str | None, str], str] = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.replace("\\n", "\n") for p in line.split("\t")]
        if len(parts) == 2:
            table[(None, parts[0])] = parts[1]
        elif len(parts) == 3:
            table[(parts[0], parts[1])] = parts[2]
        else:
            sys.exit(f"bad line (need 2 or 3 tab-separated fields): {line!r}")
    filled = 0
    for area in areas():
        ts = ts_path(area)
        if not ts.exists():
            continue
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source")
                text = table.get((name, source), table.get((None, source)))
                if text is None:
                    continue
                translation = message.find("translation")
                forms = list(translation.iter("numerusform"))
                for form in forms:
                    form.text = text
                if not forms:
                    translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
                changed = True
        if changed:
            tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["fill"] and len(argv) == 2:
        update_all()  # make sure new strings are in the .ts files first
        print(f"filled {fill(Path(argv[1]))} message(s)")
    elif argv[:1] == ["todo"]:
        update_all()
    elif argv:
        print(__doc__)
        return 2
    todo = update_all()
    for area, context, source in todo:
        print(f"{area}\t{context}\t" + source.replace("\n", "\\n"))
    if todo:
        print(f"{len(todo)} untranslated string(s)", file=sys.stderr)
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
