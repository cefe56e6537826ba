"""The demonstration ledger: Wuyang county's environmental campaign of July 2016.

Built from the reference meeting (舞阳县环保攻坚突破工作会议, 2016年7月13日) through the ordinary
services, so it carries a real audit chain. County leaders and units are those the meeting
names; the posts of 王玉亭 and 陈青枝 (named only as 四大班子领导) and every other person's name
are invented for the demonstration, which the source record says plainly. The ledger remembers
the reference day 2016-07-29 and is evaluated as of that day unless --today says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from wuyang_tasks.db.ledger import DEMO_KEY, REFERENCE_DAY_KEY, Ledger
from wuyang_tasks.db.models import Extension, Metric, MetricUnit, Source, Task, Unit, Urging
from wuyang_tasks.domain.deadlines import DeadlineSpec
from wuyang_tasks.domain.enums import (
    ChiefKind,
    DeadlineBasis,
    ExtensionStatus,
    MetricDirection,
    MetricKind,
    Role,
    SourceKind,
    TaskStatus,
    UnitKind,
    Urgency,
    UrgingLevel,
    UrgingMethod,
)
from wuyang_tasks.domain.errors import ValidationError
from wuyang_tasks.domain.workflow import Action, path_from_draft

from . import checklists, office
from . import tasks as task_service
from . import units as unit_service
from .demo_rectification import add_rectification
from .metric_demo import add_demo_readings

REFERENCE_DAY = date(2016, 7, 29)
MEETING_DAY = date(2016, 7, 13)
TENURE_START = date(2015, 1, 1)

LEADERSHIP = [  # official order: 县委、人大、政府、政协
    ("中共舞阳县委", "县委"),
    ("舞阳县人大常委会", "县人大"),
    ("舞阳县人民政府", "县政府"),
    ("政协舞阳县委员会", "县政协"),
]

# (unit, post title, person, chief kind, sort) — county leaders as the meeting names them.
COUNTY_LEADERS = [
    ("中共舞阳县委", "市委常委、县委书记", "李亦博", ChiefKind.PARTY, 1),
    ("舞阳县人民政府", "县委副书记、县长", "宋耀生", ChiefKind.GOVERNMENT, 2),
    ("舞阳县人大常委会", "县人大常委会主任", "王玉亭", ChiefKind.PARTY, 3),
    ("政协舞阳县委员会", "县政协主席", "陈青枝", ChiefKind.PARTY, 4),
    ("舞阳县人民政府", "县委常委、常务副县长", "王耀生", None, 5),
    ("舞阳县人民政府", "副县长", "朱俊峰", None, 6),
]

DEPARTMENTS = [  # (name, short name, aliases, government chief title)
    ("县环境保护工作委员会办公室", "县环委办", ("环委办",), "主任"),
    ("县环保局", "环保局", ("县环境保护局", "舞阳县环境保护局", "环保"), "局长"),
    ("县发改委", "发改委", ("县发展和改革委员会", "县发展改革委", "发改"), "主任"),
    ("县交通运输局", "交通局", ("县交通局", "交通"), "局长"),
    ("县公安局", "公安局", ("公安",), "局长"),
    ("县水利局", "水利局", ("水利",), "局长"),
    ("县畜牧局", "畜牧局", ("畜牧",), "局长"),
    ("县住建委", "住建委", ("县住房和城乡建设委员会", "住建"), "主任"),
]

TOWNSHIPS = ["舞泉镇", "吴城镇", "北舞渡镇", "莲花镇", "辛安镇", "孟寨镇", "太尉镇", "侯集镇", "九街镇",
             "章化镇", "文峰乡", "保和乡", "马村乡", "姜店乡"]

ENTERPRISES = ["碧富浙江商城", "金大地化工有限责任公司"]

LIAISONS = {
    "李亦博": ["舞泉镇"], "宋耀生": ["吴城镇"], "王玉亭": ["北舞渡镇", "莲花镇"],
    "陈青枝": ["辛安镇", "孟寨镇"], "王耀生": ["太尉镇", "侯集镇", "九街镇"],
    "朱俊峰": ["章化镇", "文峰乡", "保和乡", "马村乡", "姜店乡"],
}

# Invented names for chiefs and staff (演示虚构).
_SURNAMES = "张王刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
_GIVEN = ["建国", "志强", "红梅", "卫东", "国庆", "秀兰", "海涛", "丽娟", "振华", "永刚", "春生", "玉兰",
          "军", "伟", "静", "磊", "敏", "涛", "明亮", "晓燕", "长江", "新民", "宏伟", "桂英", "文斌",
          "向阳", "保平", "金凤", "书杰", "德胜", "瑞芳", "俊杰", "爱华", "学军", "鹏飞", "雪梅"]


def _invented_names(i: int = 0):
    while True:
        yield _SURNAMES[(i * 7) % len(_SURNAMES)] + _GIVEN[(i * 5) % len(_GIVEN)]
        i += 1


@dataclass
class _T:
    """One demo task as written in the ledger."""

    category: str
    title: str
    lead: str
    leader: str
    deadline: object  # date, ("wd", start, n), "ongoing", ("monthly", day)
    status: TaskStatus
    coop: tuple[str, ...] = ()
    territorial: tuple[str, ...] = ()
    content: str = ""
    key: bool = False
    urgency: Urgency = Urgency.NORMAL
    reports: tuple[tuple[date, str, int], ...] = ()


ALL = ("各乡镇",)

# The office that issues the demo's documents; contact, phone, mail and signer invented (演示虚构).
DEMO_OFFICE = office.OfficeProfile(
    name="舞阳县委县政府督查室", code="舞督", masthead="舞阳县委县政府督查室", contact="李静",
    phone="0395-7212345", email="wydcs@example.cn", signer="王耀生",
    recipients=["各乡镇人民政府", "县直各部门"],
    copies=["县委书记、县长", "县人大常委会主任、县政协主席", "县委、县政府其他领导"], official=True)

DEMO_TASKS = [
    _T("大气污染防治", "城区建筑工地全面落实扬尘治理“六个百分之百”", "县住建委", "朱俊峰", date(2016, 7, 31),
       TaskStatus.IN_PROGRESS, ("县环保局",), ("舞泉镇",),
       "城区所有在建工地做到周边围挡、物料覆盖、湿法作业、路面硬化、车辆冲洗、渣土密闭运输六个百分之百，"
       "不达标的一律停工整改。", True, Urgency.URGENT,
       ((date(2016, 7, 20), "已对城区38个在建工地逐一登记，31个达标，7个限期整改。", 60),
        (date(2016, 7, 27), "7个整改工地中5个已复查达标，2个停工整改中。", 85))),
    _T("大气污染防治", "全县在建项目工地“六个百分之百”拉网式排查", "县住建委", "朱俊峰", ("wd", MEETING_DAY, 10),
       TaskStatus.IN_PROGRESS, ("县环保局",), ALL,
       "会后10个工作日内完成全县在建项目工地拉网式排查，建立问题清单和整改台账。", True, Urgency.URGENT,
       ((date(2016, 7, 18), "已排查乡镇工地12个，问题清单正在汇总。", 30),)),
    _T("大气污染防治", "渣土车辆密闭运输专项整治", "县公安局", "王耀生", date(2016, 8, 31),
       TaskStatus.IN_PROGRESS, ("县住建委", "县交通运输局"), (),
       "严查无证运渣、未密闭运输、冒装撒漏、带泥上路，首次违规约谈工地负责人，再次违规责令停工。",
       reports=((date(2016, 7, 26), "联合执法查处违规渣土车17台次，约谈工地负责人4人。", 40),)),
    _T("大气污染防治", "城区主次干道机械化清扫和洒水降尘", "县住建委", "王耀生", "ongoing",
       TaskStatus.IN_PROGRESS, (), ("舞泉镇",), "主次干道每日机械化清扫不少于两遍，高温时段增加洒水频次。",
       reports=((date(2016, 7, 25), "机扫车、洒水车每日作业，主干道日均洒水6次。", None),)),
    _T("大气污染防治", "机动车尾气排放整治和黄标车淘汰", "县公安局", "王耀生", date(2016, 9, 30),
       TaskStatus.ACCEPTED, ("县环保局", "县交通运输局"), (), "黄标车限行区域内全天禁行，年内淘汰黄标车任务全部完成。"),
    _T("大气污染防治", "金大地化工有限责任公司废气治理设施运行检查", "县环保局", "朱俊峰", date(2016, 8, 15),
       TaskStatus.IN_PROGRESS, ("金大地化工有限责任公司",), ("舞泉镇",),
       "检查废气收集、处理设施运行和在线监测数据，发现超标排放立即责令停产整改。", True,
       reports=((date(2016, 7, 22), "已完成现场检查，在线监测数据正常，责令补建活性炭更换台账。", 50),)),
    _T("大气污染防治", "碧富浙江商城餐饮油烟和工地扬尘整治", "县环保局", "朱俊峰", date(2016, 8, 10),
       TaskStatus.ASSIGNED, ("碧富浙江商城", "县住建委"), ("舞泉镇",), "商城餐饮业户全部安装油烟净化设施，商城二期工地落实六个百分之百。"),
    _T("大气污染防治", "“散乱污”企业排查整治（关停企业做到两断三清）", "县环保局", "宋耀生", date(2016, 9, 30),
       TaskStatus.IN_PROGRESS, ("县发改委", "县公安局"), ALL,
       "各乡镇对辖区“散乱污”企业全面排查，分类实施关停取缔、整改提升、整合搬迁；关停企业断水、断电、清原料、清产品、清设备。",
       True, Urgency.URGENT,
       ((date(2016, 7, 21), "全县排查“散乱污”企业46家，已关停取缔19家。", 40),)),
    _T("大气污染防治", "城区燃煤锅炉拆除改造", "县发改委", "王耀生", date(2016, 10, 31),
       TaskStatus.IN_PROGRESS, ("县环保局",), ("舞泉镇",), "建成区10蒸吨以下燃煤锅炉全部拆除或改用清洁能源。",
       reports=((date(2016, 7, 15), "已拆改燃煤锅炉8台，剩余5台已下达拆改通知。", 60),)),
    _T("大气污染防治", "秋季秸秆禁烧", "县环保局", "朱俊峰", date(2016, 10, 31),
       TaskStatus.ASSIGNED, (), ALL, "签订禁烧责任状，落实乡村两级网格化包保，卫星火点日报告、零火点考核。"),
    _T("重点时段应急", "修订重污染天气应急预案", "县环保局", "宋耀生", ("wd", MEETING_DAY, 15),
       TaskStatus.DONE, ("县发改委",), (), "按省市要求修订重污染天气应急预案和企业停限产清单。",
       reports=((date(2016, 7, 25), "预案修订稿经县政府常务会研究通过并印发。", 100),)),
    _T("重点时段应急", "制定7—9月重点时段大气污染防治攻坚方案", "县环保局", "朱俊峰", date(2016, 7, 20),
       TaskStatus.ARCHIVED, (), (), "聚焦7、8、9三个月，明确每周调度、每月通报和问责办法。",
       reports=((date(2016, 7, 19), "攻坚方案已印发各乡镇、各部门。", 100),)),
    _T("重点时段应急", "重点时段大气污染防治工作进展月报", "县环保局", "朱俊峰", ("monthly", 25),
       TaskStatus.IN_PROGRESS, (), ALL, "各乡镇每月25日前报送当月大气污染防治工作进展，县环保局汇总后报县环委办。",
       reports=((date(2016, 7, 25), "7月进展已汇总上报。", None),)),
    _T("水污染防治", "三里河沿线入河排污口排查和封堵", "县水利局", "朱俊峰", date(2016, 8, 31),
       TaskStatus.IN_PROGRESS, ("县环保局",), ("舞泉镇", "吴城镇", "北舞渡镇"),
       "全面排查三里河沿线入河排污口，非法排污口一律封堵，建立排污口档案。", True, Urgency.URGENT,
       ((date(2016, 7, 19), "已排查沿线排污口23个，其中非法排污口6个。", 30),)),
    _T("水污染防治", "三里河断面水质每日监测和超标预警", "县环保局", "朱俊峰", "ongoing",
       TaskStatus.IN_PROGRESS, ("县水利局",), (), "省控断面每日监测，超标当日预警并溯源排查。",
       reports=((date(2016, 7, 28), "7月断面水质稳定达到Ⅳ类。", None),)),
    _T("水污染防治", "禁养区畜禽养殖场搬迁关闭", "县畜牧局", "王耀生", date(2016, 8, 20),
       TaskStatus.IN_PROGRESS, ("县环保局",), ALL,
       "禁养区内规模养殖场全部搬迁或关闭，限养区养殖场配套粪污处理设施。",
       reports=((date(2016, 7, 22), "禁养区内养殖场31家，已关闭搬迁12家。", 40),)),
    _T("水污染防治", "城区污水管网完善和雨污分流改造", "县住建委", "王耀生", date(2016, 12, 31),
       TaskStatus.IN_PROGRESS, ("县发改委",), ("舞泉镇",), "完善城区排水管网，实施雨污分流，消除污水直排。",
       reports=((date(2016, 7, 14), "雨污分流一期工程已开工。", 20),)),
    _T("水污染防治", "乡镇污水处理设施建设前期工作", "县发改委", "宋耀生", date(2016, 12, 31),
       TaskStatus.ASSIGNED, ("县住建委", "县环保局"), ALL, "年底前完成各乡镇污水处理设施选址、立项和可研批复。"),
    _T("水污染防治", "落实河长制巡河（县级每两月、乡镇每月、村每周）", "县水利局", "宋耀生", "ongoing",
       TaskStatus.ACCEPTED, (), ALL, "县、乡、村三级河长按频次巡河，巡河记录每月汇总。"),
    _T("水污染防治", "涉水企业废水达标排放检查", "县环保局", "朱俊峰", date(2016, 8, 3),
       TaskStatus.IN_PROGRESS, (), (), "对涉水企业逐一检查废水处理设施运行和达标排放情况。",
       reports=((date(2016, 7, 15), "已检查涉水企业9家。", 40),)),
    _T("督导检查", "四大班子领导到联系乡镇调研督导环保工作", "县环境保护工作委员会办公室", "李亦博",
       date(2016, 9, 30), TaskStatus.IN_PROGRESS, (), ALL,
       "县四大班子领导主动到联系乡镇调研、督导环境保护工作，每月不少于一次。",
       reports=((date(2016, 7, 26), "县领导已到联系乡镇督导14次。", 30),)),
    _T("督导检查", "县领导到项目工地检查指导“六个百分之百”落实情况", "县住建委", "朱俊峰", date(2016, 8, 31),
       TaskStatus.IN_PROGRESS, ("县环境保护工作委员会办公室",), (), "县领导分组到项目工地检查指导，现场交办问题。",
       reports=((date(2016, 7, 21), "已检查工地9个，现场交办问题15个。", 30),)),
    _T("督导检查", "清理整顿环保违法违规建设项目", "县环保局", "宋耀生", date(2016, 7, 30),
       TaskStatus.REPORTED, ("县发改委",), (), "对未批先建、批建不符等违法违规建设项目全面清理，分类处置。",
       reports=((date(2016, 7, 28), "清理违法违规建设项目27个，已全部分类处置完毕，申请办结。", 100),)),
    _T("责任落实", "调整县环境保护工作委员会", "县环境保护工作委员会办公室", "王耀生", date(2016, 7, 15),
       TaskStatus.DONE, (), (), "印发《关于调整县环境保护工作委员会的通知》。",
       reports=((date(2016, 7, 13), "通知已在会上宣读并印发。", 100),)),
    _T("责任落实", "建立“党政同责、一岗双责、失职追责”环保责任制度，实行双重追责、终身追责",
       "县环境保护工作委员会办公室", "李亦博", date(2016, 8, 31), TaskStatus.ACCEPTED, (), ALL,
       "制定环境保护责任清单和追责办法，明确乡镇党政主要负责人和部门负责人责任。", True),
    _T("责任落实", "各乡镇签订环保攻坚目标责任书", "县环境保护工作委员会办公室", "宋耀生", ("wd", MEETING_DAY, 5),
       TaskStatus.DONE, (), ALL, "会后5个工作日内各乡镇签订目标责任书。",
       reports=((date(2016, 7, 20), "14个乡镇全部签订目标责任书。", 100),)),
    _T("宣传教育", "环境保护宣传教育活动", "县环保局", "朱俊峰", date(2016, 9, 30),
       TaskStatus.ASSIGNED, (), ALL, "引导企业规范生产、群众增强环保意识，形成珍爱生态、保护环境的良好氛围。"),
    _T("宣传教育", "建立网格化环境监管体系", "县环保局", "朱俊峰", date(2016, 10, 31),
       TaskStatus.DRAFT, (), ALL, "县、乡、村三级环境监管网格，定人定责。"),
    _T("大气污染防治", "加油站油气回收治理", "县环保局", "王耀生", date(2016, 9, 30),
       TaskStatus.CANCELLED, ("县发改委",), (), "已并入全市统一部署，本县不再单列。"),
]



def is_empty(ledger: Ledger) -> bool:
    with ledger.read() as s:
        return not s.scalar(select(func.count(Unit.id)))


def build_demo(ledger: Ledger) -> str:
    """Write the demo ledger in one transaction; refuses a ledger that already has data."""
    with ledger.write() as s:
        units_count = s.scalar(select(func.count(Unit.id))) or 0
        if units_count:
            tasks_count = s.scalar(select(func.count(Task.id))) or 0
            hint = ("如要重建演示台账，请加 --force（原台账文件会改名保留，不会删除）。" if ledger.is_sqlite
                    else "请换一个空数据库。")
            raise ValidationError(
                f"台账不为空（已有 {units_count} 个单位、{tasks_count} 项任务），未写入演示数据。{hint}")
        return _build(s, ledger)


def _build(s, ledger: Ledger) -> str:
    cal = ledger.calendar()
    names = _invented_names()
    unit_ids: dict[str, int] = {}
    people: dict[str, int] = {}
    # the 分管负责人 (a deputy of each department and township, named 责任人 on its tasks) are
    # drawn from further along the names: the chiefs keep theirs
    deputy_names = _invented_names(90)
    deputies: dict[int, int] = {}  # unit → its deputy

    order = 0
    for name, short in LEADERSHIP:
        order += 10
        unit_ids[name] = unit_service.add_unit(s, name, UnitKind.LEADERSHIP, short_name=short,
                                               sort_order=order).id
    for unit, title, person, chief, sort in COUNTY_LEADERS:
        people[person] = unit_service.add_person(s, person).id
        post = unit_service.add_post(s, unit_ids[unit], title, chief_kind=chief,
                                     is_county_leader=True, sort_order=sort)
        unit_service.appoint(s, post.id, people[person], TENURE_START)
    for name, short, aliases, gov_title in DEPARTMENTS:
        order += 10
        uid = unit_service.add_unit(s, name, UnitKind.DEPARTMENT, short_name=short, sort_order=order,
                                    aliases=aliases).id
        unit_ids[name] = uid
        _chiefs(s, uid, "党组书记", gov_title, names)
        deputies[uid] = _deputy(s, uid, f"副{gov_title}", deputy_names)
    for name in TOWNSHIPS:
        order += 10
        uid = unit_service.add_unit(s, name, UnitKind.TOWNSHIP, sort_order=order).id
        unit_ids[name] = uid
        gov_title = "镇长" if name.endswith("镇") else "乡长"
        _chiefs(s, uid, "党委书记", gov_title, names)
        deputies[uid] = _deputy(s, uid, f"副{gov_title}", deputy_names)
    for name in ENTERPRISES:
        order += 10
        uid = unit_service.add_unit(s, name, UnitKind.ENTERPRISE, sort_order=order).id
        unit_ids[name] = uid
        post = unit_service.add_post(s, uid, "负责人", chief_kind=ChiefKind.GOVERNMENT)
        person = unit_service.add_person(s, next(names), note="演示虚构")
        unit_service.appoint(s, post.id, person.id, TENURE_START)
    for leader, towns in LIAISONS.items():
        for town in towns:
            unit_service.add_liaison(s, people[leader], unit_ids[town], TENURE_START)

    source = s.insert(Source(
        title="舞阳县环保攻坚突破工作会议", kind=SourceKind.MEETING, issued_on=MEETING_DAY,
        text="2016年7月13日上午在老干部活动中心大会议室召开。演示台账：县领导和单位取自会议报道，"
             "王玉亭、陈青枝的职务及其他人员姓名为演示虚构。"))
    checklists.install_shipped(s)  # 六个百分之百, 两断三清, 秸秆禁烧, 企业排放检查
    _metrics(s, unit_ids)

    task_ids = []
    for spec in DEMO_TASKS:
        task_ids.append(_task(s, spec, source.id, unit_ids, people, deputies, cal))

    overdue = task_ids[1]  # the 10-working-day survey, due 2016-07-27
    s.insert(Urging(task_id=overdue, urged_on=date(2016, 7, 28), method=UrgingMethod.WRITTEN,
                    level=UrgingLevel.RED, notice_year=2016, notice_number=1,
                    requirement="立即完成排查，7月29日前报送问题清单和整改台账。",
                    by_person_id=people["朱俊峰"]))
    s.set_meta("notice_number:2016", "1")
    livestock = task_ids[15]
    s.insert(Extension(task_id=livestock, requested_on=date(2016, 7, 26),
                       requested_by_unit_id=unit_ids["县畜牧局"],
                       reason="部分养殖场补偿资金尚未到位，搬迁需延后。",
                       old_deadline=date(2016, 8, 20), new_deadline=date(2016, 9, 30),
                       status=ExtensionStatus.APPROVED, decided_by_id=people["宋耀生"],
                       decided_on=date(2016, 7, 27), decision_note="同意延期至9月30日，每周报送进展。"))
    task_ids.append(add_rectification(s, unit_id=unit_ids["舞泉镇"], inspector_id=people["朱俊峰"],
                                      responsible_id=deputies[unit_ids["舞泉镇"]],
                                      cal=cal))  # with its photos (佐证材料)
    office.save(s, DEMO_OFFICE)
    s.set_meta(REFERENCE_DAY_KEY, REFERENCE_DAY.isoformat())
    s.set_meta(DEMO_KEY, "1")
    return f"{len(unit_ids)} 个单位、{len(people)} 位县领导、{len(task_ids)} 项任务"


def _chiefs(s, unit_id: int, party_title: str, gov_title: str, names) -> None:
    for title, kind, sort in ((party_title, ChiefKind.PARTY, 1), (gov_title, ChiefKind.GOVERNMENT, 2)):
        post = unit_service.add_post(s, unit_id, title, chief_kind=kind, sort_order=sort)
        person = unit_service.add_person(s, next(names), note="演示虚构")
        unit_service.appoint(s, post.id, person.id, TENURE_START)


def _deputy(s, unit_id: int, title: str, names) -> int:
    post = unit_service.add_post(s, unit_id, title, sort_order=3)
    person = unit_service.add_person(s, next(names), note="演示虚构")
    unit_service.appoint(s, post.id, person.id, TENURE_START)
    return person.id


def _task(s, spec: _T, source_id: int, unit_ids, people, deputies, cal) -> int:
    if spec.deadline == "ongoing":
        deadline = DeadlineSpec(ongoing=True, text="长期坚持")
    elif isinstance(spec.deadline, tuple) and spec.deadline[0] == "wd":
        _, start, n = spec.deadline
        deadline = DeadlineSpec(basis=DeadlineBasis.WORKDAY, start=start, days=n,
                                             text=f"会后{n}个工作日内")
    elif isinstance(spec.deadline, tuple) and spec.deadline[0] == "monthly":
        deadline = DeadlineSpec(recurrence_day=spec.deadline[1],
                                             text=f"每月{spec.deadline[1]}日前报送")
    else:
        deadline = DeadlineSpec(day=spec.deadline)
    territorial = TOWNSHIPS if spec.territorial == ALL else spec.territorial
    assignments = [task_service.Assignment(Role.LEAD_LEADER, person_id=people[spec.leader]),
                   task_service.Assignment(Role.LEAD_UNIT, unit_id=unit_ids[spec.lead])]
    assignments += [task_service.Assignment(Role.COOPERATING_UNIT, unit_id=unit_ids[u]) for u in spec.coop]
    assignments += [task_service.Assignment(Role.TERRITORIAL_UNIT, unit_id=unit_ids[u]) for u in territorial]
    if unit_ids[spec.lead] in deputies:  # the lead unit's 分管负责人, as real ledgers name one
        assignments.append(task_service.Assignment(Role.RESPONSIBLE_PERSON,
                                                   person_id=deputies[unit_ids[spec.lead]]))
    task = task_service.create_task(
        s, title=spec.title, content=spec.content, category=spec.category, source_id=source_id,
        urgency=spec.urgency, is_key=spec.key, deadline=deadline, today=MEETING_DAY, cal=cal,
        responsibilities=assignments)
    # A task closed before the reference day was reported, approved (and archived) on the day of
    # its final report: closing everything on 7月29日 made the week's briefing count four tasks
    # "本期办结" that were finished before the week began.
    closed_on = (max((when for when, _, _ in spec.reports), default=REFERENCE_DAY)
                 if spec.status in (TaskStatus.DONE, TaskStatus.ARCHIVED) else REFERENCE_DAY)
    for action in path_from_draft(spec.status):
        day = MEETING_DAY if action in (Action.ASSIGN, Action.ACCEPT) else closed_on
        if action is Action.REPORT:
            for when, text, percent in spec.reports:
                task_service.report_progress(s, task.id, report_date=when, text=text,
                                             unit_id=unit_ids[spec.lead], percent=percent,
                                             today=REFERENCE_DAY, cal=cal)
        task_service.transition(s, task.id, action, today=day, cal=cal)
    if spec.status in (TaskStatus.IN_PROGRESS, TaskStatus.ACCEPTED):
        for when, text, percent in spec.reports:
            task_service.report_progress(s, task.id, report_date=when, text=text,
                                         unit_id=unit_ids[spec.lead], percent=percent,
                                         today=REFERENCE_DAY, cal=cal)
    return task.id


def _metrics(s, unit_ids) -> None:
    specs = [
        ("优良天数", MetricKind.GOOD_DAYS, "天", MetricDirection.AT_LEAST, 219.0, None,
         "全年优良天数确保在219天以上"),
        ("PM10年均浓度", MetricKind.CONCENTRATION, "μg/m³", MetricDirection.AT_MOST, None, "全省平均值",
         "控制在全省要求的平均值以下"),
        ("PM2.5年均浓度", MetricKind.CONCENTRATION, "μg/m³", MetricDirection.AT_MOST, None, "全省平均值",
         "控制在全省要求的平均值以下"),
        ("三里河省控断面水质类别", MetricKind.WATER_CLASS, "类", MetricDirection.AT_MOST, 4.0, None,
         "稳定持续达标（Ⅳ类）"),
    ]
    for name, kind, uom, direction, target, ref, note in specs:
        metric = s.insert(Metric(name=name, kind=kind, unit_of_measure=uom, direction=direction,
                                 target_value=target, reference_name=ref, year=2016, note=note))
        s.insert(MetricUnit(metric_id=metric.id, unit_id=unit_ids["县环保局"], role=Role.LEAD_UNIT))
        for town in TOWNSHIPS:
            s.insert(MetricUnit(metric_id=metric.id, unit_id=unit_ids[town],
                                role=Role.TERRITORIAL_UNIT))
        add_demo_readings(s, metric)  # generated demonstration series, marked as such
