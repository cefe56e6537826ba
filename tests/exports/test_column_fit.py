"""column_fit: a column is widened to its longest short value, the room taken from columns
that have more than they need (QA: "2016年10月31" / "日", "牵头单" / "位" in the PDFs)."""

import pytest

from wuyang_tasks.exports import column_fit
from wuyang_tasks.exports.fonts import font_set

SIZE = 10.5


@pytest.fixture(scope="module")
def font():
    return font_set(None).body


def test_a_date_column_gets_the_width_of_its_longest_date(font):
    rows = [["城区建筑工地全面落实扬尘治理“六个百分之百”", "2016年7月31日"],
            ["城区燃煤锅炉拆除改造", "2016年10月31日"]]
    widths = column_fit.fit([200, 40], rows, font, SIZE, 6)
    assert sum(widths) == pytest.approx(240)
    assert widths[1] >= column_fit.stringWidth("2016年10月31日", font, SIZE) + 6
    assert widths[0] < 200


def test_long_texts_and_lists_are_left_to_wrap(font):
    rows = [["碧富浙江商城、县住建委", "县环境保护工作委员会办公室（牵头）"]]
    assert column_fit.fit([30, 30], rows, font, SIZE, 6) == [30, 30]


def test_no_room_to_spare_keeps_the_widths(font):
    rows = [["2016年10月31日", "2016年10月31日"]]
    assert column_fit.fit([40, 40], rows, font, SIZE, 6) == [40, 40]
