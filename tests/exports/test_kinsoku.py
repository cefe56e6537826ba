"""避头尾: no line of a PDF paragraph begins with closing punctuation or ends with opening
punctuation, numbers stay whole, and no line is wider than its column (QA: the briefing printed
"…本期内到期3项" / "，新交办0项", a checklist "…六个百分之百" / "”拉网式排查", and a "、" across a
table cell's border)."""

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from wuyang_tasks.exports import kinsoku, pdf_common
from wuyang_tasks.exports.fonts import font_set

TEXT = ("截至2016年7月29日，纳入督办任务27项，已办结4项（占14.8%），办理中23项（占85.2%），逾期1项。"
        "本期内到期3项，新交办0项，办结4项。全县在建项目工地“六个百分之百”拉网式排查；碧富浙江商城、县住建委")


@pytest.fixture(scope="module")
def style():
    kinsoku.install()
    return ParagraphStyle("body", fontName=font_set(None).body, fontSize=16, leading=28, wordWrap="CJK")


def _lines(style, text, width):
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 10_000)
    return [(extra, "".join(words)) for extra, words in paragraph.blPara.lines]


@pytest.mark.parametrize("width", range(64, 480, 3))  # from 4 characters a line
def test_lines_follow_the_rules_at_every_width(style, width):
    lines = _lines(style, TEXT, width)
    texts = [t for _, t in lines]
    assert "".join(texts) == TEXT
    assert not [t for t in texts[1:] if t[0] in kinsoku.NOT_AT_LINE_START]
    assert not [t for t in texts[:-1] if t[-1] in kinsoku.NOT_AT_LINE_END]
    assert all(extra >= -1e-6 for extra, _ in lines)  # nothing hangs past the column


def test_a_date_breaks_between_its_parts_not_inside_numbers(style):
    assert [t for _, t in _lines(style, "2016年12月31日", 70)] == ["2016年12", "月31日"]


def test_the_pdf_styles_install_the_rules(monkeypatch):
    from reportlab.lib import textsplit

    monkeypatch.setattr(textsplit, "dumbSplit", None)
    pdf_common.Styles(font_set(None))
    assert textsplit.dumbSplit is kinsoku.split
