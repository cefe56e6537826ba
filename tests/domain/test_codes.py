"""编号 order: by year, then number (QA: 2017-089 < 2017-1001 < 2017-105 as text)."""

from __future__ import annotations

from wuyang_tasks.domain.codes import code_key


def test_codes_sort_by_year_then_number():
    codes = ["2017-1001", "2017-105", "2017-089", "2016-200", "2016-002-1", "2016-002", "整改-3"]
    assert sorted(codes, key=code_key) == ["2016-002", "2016-002-1", "2016-200", "2017-089",
                                           "2017-105", "2017-1001", "整改-3"]


def test_every_code_has_a_place():
    codes = ["", "A", "2016", "2016-", "-3", "二〇一六-1", "2016-01", "2016-1"]
    assert len(sorted(codes, key=code_key)) == len(codes)
