"""A small ledger with the four kinds of metric and their answerable units."""

from dataclasses import dataclass
from datetime import date

import pytest

from wuyang_tasks.db.models import Metric, MetricUnit
from wuyang_tasks.domain.enums import MetricDirection, MetricKind, Role, UnitKind
from wuyang_tasks.services import units

TODAY = date(2016, 7, 29)


@dataclass
class Metrics:
    good_days: int
    pm25: int
    water: int
    plain: int  # a concentration with a fixed target and no reference series


def _metric(s, name, kind, uom, direction, target, ref, lead, towns) -> int:
    m = s.insert(Metric(name=name, kind=kind, unit_of_measure=uom, direction=direction,
                        target_value=target, reference_name=ref, year=2016))
    s.insert(MetricUnit(metric_id=m.id, unit_id=lead, role=Role.LEAD_UNIT))
    for town in towns:
        s.insert(MetricUnit(metric_id=m.id, unit_id=town, role=Role.TERRITORIAL_UNIT))
    return m.id


@pytest.fixture
def metrics(ledger) -> Metrics:
    with ledger.write() as s:
        # sort_order puts 舞泉镇 before 北舞渡镇 although the ids run the other way
        north = units.add_unit(s, "北舞渡镇", UnitKind.TOWNSHIP, sort_order=30).id
        seat = units.add_unit(s, "舞泉镇", UnitKind.TOWNSHIP, sort_order=20).id
        epb = units.add_unit(s, "县环保局", UnitKind.DEPARTMENT, sort_order=10).id
        towns = (north, seat)
        return Metrics(
            good_days=_metric(s, "优良天数", MetricKind.GOOD_DAYS, "天", MetricDirection.AT_LEAST, 219.0,
                              None, epb, towns),
            pm25=_metric(s, "PM2.5年均浓度", MetricKind.CONCENTRATION, "μg/m³", MetricDirection.AT_MOST,
                         None, "全省平均值", epb, towns),
            water=_metric(s, "三里河省控断面水质类别", MetricKind.WATER_CLASS, "类",
                          MetricDirection.AT_MOST, 4.0, None, epb, towns),
            plain=_metric(s, "PM10年均浓度", MetricKind.CONCENTRATION, "μg/m³", MetricDirection.AT_MOST,
                          100.0, None, epb, towns),
        )
