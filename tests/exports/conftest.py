from __future__ import annotations

from datetime import date

import pytest

REFERENCE_DAY = date(2016, 7, 29)
WEEK_30 = (date(2016, 7, 25), date(2016, 7, 31))


@pytest.fixture
def cal(demo_ledger):
    return demo_ledger.calendar()
