"""Commands: office (the office profile the documents are issued under: 机关名称, 机关代字,
发文机关标志, contact, 签发人, 主送/抄送) and fonts (which face each GB/T role gets here)."""

from __future__ import annotations

from wuyang_tasks.services import office

from .context import CliContext

TEXT_FIELDS = ("name", "code", "masthead", "contact", "phone", "email", "signer")
OPTION = {"name": "--name", "code": "--code", "masthead": "--masthead", "contact": "--contact",
          "phone": "--phone", "email": "--email", "signer": "--signer"}


def register(sub) -> None:
    p = sub.add_parser("office", help="机关信息：发文机关、机关代字、红头、联系人、签发人、主送和抄送机关"
                                      "（台账内共用，修改留痕）；不带选项时显示")
    helps = {"name": "机关名称，如 舞阳县委县政府督查室", "code": "机关代字，如 舞督（督办单编号 舞督〔2016〕1号）",
             "masthead": "发文机关标志（红头文字），默认同机关名称", "contact": "联系人", "phone": "联系电话",
             "email": "电子邮箱", "signer": "签发人"}
    for field in TEXT_FIELDS:
        p.add_argument(OPTION[field], dest=field, metavar="文字", help=helps[field])
    p.add_argument("--recipients", metavar="名称，名称", help="主送机关，以逗号分隔，如 各乡镇人民政府，县直各部门")
    p.add_argument("--copies", metavar="名称，名称", help="抄送机关，以逗号分隔（空字符串：不抄送）")
    official = p.add_mutually_exclusive_group()
    official.add_argument("--official", dest="official", action="store_true", default=None,
                          help="以公文形式印发：督办单加红色发文机关标志和红线")
    official.add_argument("--not-official", dest="official", action="store_false", help="督办单不加红头")
    p.set_defaults(func=cmd_office)

    f = sub.add_parser("fonts", help="字体：本机为标题（小标宋）、正文（仿宋）、黑体、楷体各用哪种字体")
    f.set_defaults(func=cmd_fonts)


def cmd_office(ctx: CliContext, args) -> int:
    changes = {field: getattr(args, field) for field in TEXT_FIELDS if getattr(args, field) is not None}
    for field in ("recipients", "copies"):
        if getattr(args, field) is not None:
            changes[field] = office.split_list(getattr(args, field))
    if args.official is not None:
        changes["official"] = args.official
    ledger = ctx.ledger()
    if changes:
        with ledger.write() as s:
            profile = office.update(s, **changes)
        print("已保存机关信息。")
    else:
        with ledger.read() as s:
            profile = office.load(s)
    for field, label in office.FIELD_LABELS.items():
        value = getattr(profile, field)
        if isinstance(value, list):
            value = "，".join(value)
        elif isinstance(value, bool):
            value = "是" if value else "否"
        print(f"{label}：{value or '（未填）'}")
    return 0


def cmd_fonts(ctx: CliContext, args) -> int:
    from wuyang_tasks.exports import fonts

    chosen = fonts.font_set()
    files = {f.family: f for f in fonts.installed_cjk_fonts()}
    for role in fonts.ROLES:
        family = chosen.families[role]
        found = files.get(family)
        where = f"（{found.path}{'#' + str(found.index) if found and found.index else ''}）" if found else ""
        print(f"{fonts.ROLE_LABELS[role]}：{family}{where}{'' if fonts.is_proper(role, family) else '  代用'}")
    for warning in chosen.warnings:
        print(f"注意：{warning}")
    return 0
