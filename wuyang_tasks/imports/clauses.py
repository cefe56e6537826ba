"""Running text (speeches, reports of meetings, minutes' decisions) read clause by clause.

A sentence is split at its commas into clauses; each clause is classified:

- an **obligation** ("各乡镇要落实属地责任", "务必要…", "务于2月3日前报送…", "请海航集团…",
  "责成县妇联…"): the words before the marker are its subject (units, 各乡镇, 有关部门 …), the
  words after it the work; it opens a group unless the open group has no work yet;
- a **decision** ("会议原则同意县财政局关于…的意见，会后修改完善后报…"): the unit that proposed
  it carries it out; a report merely heard ("…的汇报") assigns nothing;
- a **role clause** ("县国土资源局牵头", "县发改局、县住建局等部门密切配合", "由统筹办、新农办组织…"):
  units for the open group, or a new group at a sentence's start — so "关于砂石行业整治。县水务局
  牵头负责，…关于砖瓦行业问题。县国土局负责，…" stays two tasks;
- a **modifier** ("按照…要求", "对照…清单", "对…问题") joins the clause after it; a **result**
  ("确保…", "形成…", "引导…") and 尤其是/特别是 (more units) continue the open group;
- a **slogan** ("提高思想认识", "压实责任", a clause of four characters or fewer before any real
  work) assigns nothing checkable: it never makes a task on its own and is left out of titles.

A group becomes a draft when it has real work. In free speech a group of four or more short
actions and no result clause ("全方位加强…，全面实施源头治理，集中精力开展督促检查，清理整顿环保违法
违规建设项目，…增加…") is one task per action (three are usually facets of one measure: "加强水资源
科学调度…，完善各类调水方案，统筹…用水"), as is a run of "到…，到…，到…"; the parts of a '；' list
("要A，B；要C，D；…") are the speaker's own items and are not split further. Sentences that report
what was done (了, 已) or start with a date ("6月20日，…") are not tasks. A short requirement whose
details follow ("要加强督导检查。严格落实汛期值班…") heads them; a sentence ending in "同时要求" frames
what follows; slogans behind an adverb ("进一步压实工作责任") are slogans. The work may come before
who does it: "九重区域环境整治由王光玲牵头，九重镇落实" (a leader, a township), "…污水处理厂由住建局
派驻专人指导督导" (a unit), "督导组负责每天…". Enumerations (一是/二是,
一要/二要) split a paragraph into items: an item under a requirement ("会议要求，一是…", "钟宇龙要求：")
or of the 一要 kind is a task even without 要. The speaker of "李亦博强调，…" / "县长宋耀生要求，…"
is proposed as each draft's 牵头县领导.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .names import LOWER_GOVERNMENTS, is_all_townships, is_lower_governments, is_other_collective
from .roles import UNIT_SUFFIX, named_units

MARKER = re.compile(r"(?:都|也|还|更|并|就|既|又|均|务必|必须)?(?<![主重需只想简纲摘必不纪概提首紧显政])要(?![求点素闻件害领])(?![\u4e00-\u9fff](?:[、，。；]|$))"
                     r"|(?<!任)务必|必须|务于|须于|应于|请于|应在|应当|应(?=[按对尽])|务(?=[求])"
                     r"|(?<=[局委办位门镇乡村府室心])于(?=\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月[^，。；]{0,8}?(?:前|以前|之前))")
_REQUEST = re.compile(r"^(?:请|责成|由|要求)(?=[县市区省]|各(?:乡|镇|街道|县|部门|单位|有关|相关)|以上|上述|[\u4e00-\u9fff]{2,8}(?:局|委|办|公司|集团|中心|部))")
_DECISION = re.compile(r"^(?:(?:会议(?:原则)?|原则)(?:同意|通过)|同意)(?:了)?")
_ROLE_END = re.compile(r"(?:等(?:其他)?(?:有关|相关|职能)?(?:部门|单位))?(牵头负责|牵头督导|牵头|负责落实|具体负责|负责|密切配合|积极配合|"
                       r"(?:加强)?配合协调|协调配合|配合|参与|协助|组织实施|具体实施|组织|落实)$")
# '九重区域环境整治由王光玲牵头' / '香花、九重污水处理厂由住建局派驻专人指导督导': the work first, then who
_TOPIC_BY = re.compile(r"^(?!会议|会上)(?P<work>[^，由]{2,30}?)由(?P<who>[\u4e00-\u9fff、]{2,16}?)(?P<verb>牵头负责|牵头|具体负责|负责|落实|组织)"
                       r"(?P<rest>[^，]*)$")
_TOPIC_BY_UNIT = re.compile(r"^(?!会议|会上)(?P<work>[^，由]{2,30}?)由(?!于)(?P<rest>[^，]{4,}?)(?<!主持|主办|承办)$")
_BARE_UNIT = re.compile(r"[\u4e00-\u9fff]{1,8}?" + UNIT_SUFFIX + r"|[\u4e00-\u9fff]{0,8}(?:督导组|督查组|巡查队|执法队|工作队)")  # '林业局', '督导组'
_DOER = re.compile(r"^((?:[^，、]{2,12}、)*[^，、]{2,12}?)(?=严格按照|按照|提前|认真|切实|全面|做好|抓好|加强|执行|立即|及时|将(?:有计划地)?(?:对|组织|根据|按照))")
_PEOPLE = re.compile(r"(干部|人员|同志|负责人)$")
VILLAGES = re.compile(r"各(?:行政)?村(?:[（(](?:社区|居)[）)]|、社区)?|各社区")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")
# '督导组负责每天向市里报送…进度': a unit, 负责, then its work
_UNIT_DOES = re.compile(r"^(?P<who>[^，]{2,30}?)(?:牵头负责|具体负责|负责)(?![的人])(?P<work>[^，]{4,})$")
_MODIFIER = re.compile(r"^(严格按照|按照|根据|依据|结合|围绕|对照|针对|对于|对(?!接)|为了|在[^，]{2,20}(的同时|基础上|中|前提下)|在[^，]{2,20}(?:内|期间)$|"
                       r"以[^，]{2,12}为|紧紧围绕|通过)")
_OBJECT_VERB = re.compile(r"^对(?!照)(?:于)?[^，《]{2,30}(加快|加大|做好|开展|推进|落实|进行|实行|建立|完善|实施|组织)")
_FRAMED_OBJECT = re.compile(r"^(?:结合|按照|根据|依据|围绕)[^，对]{2,20}(?=对(?!照)[^，《]{2,40}?(?:加快|加大|做好|开展|推进|落实|进行|实行|建立|完善|实施|组织))")
_FRAME_START = re.compile(r"^(严格按照|按照|根据|依据|结合|围绕|紧紧围绕|通过|对照|为了|在[^，]{2,20}(的同时|基础上|中|前提下)|以[^，]{2,12}为)")
_RESULT = re.compile(r"^(确保|(?:全力|切实|着力|牢牢|坚决)?(?:保障|守住|守牢)|形成|引导|鼓励|支持|帮助|带动|促进|推动|实现|力争|努力(?!聚焦)|做到|使|让|为(?!了)|以(?![^，]{2,12}为)|向|不断|切实把|把|争取|"
                     r"从而|进而|营造|提供|助力|奠定)")
_SEND_BACK = re.compile(r"^请(?:将|把|于)[^。；]{2,60}?(?:反馈|报送|上报|报(?!告)|送|提交|发送)"
                        r"(?:至|到|给|(?=[^，。；]{0,20}(?:局|委|办|室|中心|组|部|政府|邮箱)))")
_DATED_AGAIN = re.compile(r"^(?:并|分别|同时)?(?:在|于)[^，将]{2,30}?(?:前|以前|之前)(?=将)")
_SUBMIT = re.compile(r"^(?:请|务|须|应)?于[^，。；]{0,20}?(?:前|以前|之前)[^。；]{0,40}?(?:报|送|提交)")
_CONTINUE = re.compile(r"^(尤其是|特别是|其中|包括|以及|重点是)")
_PAST = re.compile(r"了(?![解])|已经|已(?=[经有完组开制成办])")
_COPULA = re.compile(r"(?<![一二三四五六七八九十但还就或凡特尤])是(?!否)")
_DATE_START = re.compile(r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:至\d{1,2}日)?(?:上午|下午|晚)?(?:，|,|\s)")
_BOILERPLATE = re.compile(
    r"提高(?:思想)?认识|思想认识|政治站位|高度重视|认清(?:新的)?形势|清醒看到|深刻认识|责任感|紧迫感|使命感|四个意识|统一思想|"
    r"发挥(?:职能|积极|主导)?作用|承担起各自工作职责|落实好各自|各自工作职责|关心、支持|凝心聚力|坚定信心|咬定目标|克难奋进|勇于面对|"
    r"敢于担当|打[赢好]\S{0,4}攻坚战|久久为功|常提常新|压实责任|压紧压实|夯实(?:工作)?责任|靠实(?:工作)?责任|扛起责任|扛牢|履行好?第一责任人|"
    r"加强(?:组织)?领导|^(?:切实)?(?:加强|理顺|改进|强化|完善|夯实|压实)工作(?:领导|机制|作风|督查|举措|责任)$|(?:任务|工作)圆满完成$|确保[^，]{0,10}完成[^，]{0,12}任务$|加强协调|加强配合|加强沟通|沟通协调|主动配合|相互帮助|积极主动对接|^.{0,6}各项工作$|各项工作部署|完成.{0,14}目标任务$|各项任务$|"
    r"^(?:19|20)\d{2}年度?(?:重点|主要)?(?:任务|目标|工作)$|(?:以下|如下|下列)[^，]{0,4}(?:工作|任务|事项|要求)$|"
    # what a text says of importance, of a duty or of working together, not work
    r"负(?:首|总|全|主要|直接|领导)责|一岗双责|"
    # how work is to be run, without an object of its own: '定时调度', '强化督促检查，及时研究解决问题'
    r"^(?:定时|定期|及时)调度$|^(?:强化|加强)?督促检查$|^及时(?:研究)?(?:帮助)?解决(?:[^，]{0,12}的)?(?:困难和)?问题$|"
    r"^(?:认真)?研究推进措施$|^确保[^，]{0,16}(?:不折不扣|圆满|按时|如期)完成$|^加大[^，]{0,4}(?:指导|协调)[^，]{0,6}力度$|^(?:全面)?落实推进责任$|^带头推进工作[^，]{0,8}落实$|^拿出解决问题的(?:方案|办法)|^从[^，]{0,20}(?:高度|角度|层面)$|^(?:真[\u4e00-\u9fff]{1,3}、)+真[\u4e00-\u9fff]{1,3}$|"
    r"^(?:不[\u4e00-\u9fff]{2}、)+不[\u4e00-\u9fff]{2}$|紧跟[^，]{0,24}精神$|^与[^，]{2,20}相(?:符|契合|一致|适应|匹配)$|^(?:措施|任务|目标|责任|思路|重点)(?:具体|明确|清晰)$|意义重大|关系到|关系着|关乎|牵头抓总|积极作为|善于决策|勇于担当|^服从[^，]{0,20}(?:调度|安排|指挥)|(?:统筹|科学|主动|积极|综合)协调$|"
    r"^(?:充分|主动)?(?:协调|配合)[^，]{0,8}(?:单位|部门)$|^(?:强化|加强)?(?:统筹)?调度$|不能放松|弘扬[^，]{0,12}作风$|党政(?:主责|同责)|"
    r"^严守[^，]{0,4}廉洁|过好[^，]{0,8}节日$|拿出[^，]{0,8}(?:劲|精神|状态|作风)$|^(?:认真|深入)?学习(?:领会)?$|^提前谋划$|"
    r"^(?:加快)?推进[^，]{0,12}进程$|^周密(?:安排)?部署$|^精心组织实施$|^细化[^，]{0,4}(?:举措|措施)$|^加大工作力度$|各负其责|对症下药|药到病除|"
    r"无缝对接|自觉担当|^把握细节$|^严肃纪律$|重中之重|六稳|六保|^(?:积极)?探索[^，]{0,8}机制$|^建立(?:健全)?(?:协作|协调|沟通|联动)机制$|"
    r"^(?:主动)?对接[^，]{0,8}(?:单位|部门)$|推进顺利$|有力有效$|^强化服务$|^全面突破$|^统筹推进[^，]{0,10}(?:工作|项目)(?:、[^，]{0,8})?$|^明确[^，]{0,6}重点$|^.{0,6}日常工作$|抓住关键|抓在经常|杜绝[^，]{0,8}现象$|有利形势|聚焦突出问题|^[^，]{0,6}薄弱环节$|持续发力|出重拳|下狠手|真抓实干|再接再厉|齐抓共管|动真碰硬|主动作为|担当作为|"
    r"站在[^，]*高度|举全县之力|紧盯目标|改善环境质量|^坚持[^，]{0,12}(导向|兼治|施策|推进|并重|并举|相结合|方针|两手抓)|以更[严实高强]|^更[高实严强好]的|集中时间|^集中精力$|迅速行动|^全面整改$|发挥牵头作用|更高的标准|更实的举措|更严的要求|强化工作举措|紧密结合工作实际|"
    r"目标导向|结果导向|问题导向|提高站位|树牢|主体责任|吃透|能力水平|实事求是|抢抓时间|^全力以赴$|落地生根|尽快见效|"
    r"见到实效|取得实效|攻坚意识|攻坚水平|攻坚实效|狠抓关键环节|认识到位|^[^，]{0,4}到位$|^.{0,4}整改到位$|^.{0,4}责任到位$|扎实推进|"
    r"落实落细|高标准完成|善始善终|提升[^，]{0,6}水平$|一盘棋|严格落实责任|增强[^，]{0,6}(意识|实效)$|"
    r"认清.{0,20}形势|事关|越来越|比任何时候|随[着著]|形势严峻|任务繁重|任务艰巨|涉及面广|"
    r"凝聚力|战斗力|执行力|工作能力$|认识[^，]{0,30}(?:重要性|必要性|紧迫性|复杂性|严峻性)|^抓好[^，]{0,8}落实$|(?:党中央|中央|国务院|省委|省政府|市委|市政府|县委|县政府)[^，]{0,24}(?:决策部署|工作要求|部署要求|精神)$|为指导$|履职尽责|^积极配合$|学习贯彻[^，]{0,30}精神$|^(?:认真|深入)?(?:对标对表|学习)[^，]{0,60}(?:精神|原文|法律法规)$|(?:主题|学习)教育$|^以学促干|^紧盯实现|步伐$|责任担当|导向$|抓得更|高度警惕|警钟长鸣|如履薄冰|敬畏之心|率先垂范|身先士卒|靠前指挥|牢固树立|^树立[^，]{0,20}(?:理念|导向|意识|观念)$|"
    r"^坚持[^，]{0,6}为王|^(?:准确|精准)?把握[^，]{0,20}(?:导向|投向|方向|要求|机遇)|^紧盯[^，]{0,6}(?:节点|目标)$|抢抓[^，]{0,16}机遇|[抓抢]住时机|多方合力|苦干实干|硬仗|主动仗|取得(?:新|明显|更大)?成效$|(?:充分|深刻|清醒)?认识到|^(?:充分|深刻|清醒)认识[^，]{0,40}意义$|绷紧[^，]{0,12}弦|组合拳|盯紧盯牢|^正确审视|^[^，]{2,4}上(?:早|更|再)[^，]{1,3}$|"
    r"^确保[^，]{0,16}(?:落到实处|落地见效|顺利推进|有序推进|圆满完成)$|^(?:工作)?(?:进度|力度|节奏)(?:再|要|更)?(?:加快|加大|提速)$|"
    r"当作|(?<!承)[担扛]起|试金石|重要标尺|契机$|抓住[^，]{0,30}机遇|明确目标任务|积极对接|督办协调|贯彻落实[^，]{0,24}(要求|精神|部署|安排)$|绝不手软|"
    r"坚决彻底|把握形势|^立足[^，]{0,12}实际$|深刻领会|精神实质|丰富内涵|(?:进行|作出)(?:周密)?部署(?:安排)?$|^(?:切实)?履行[^，]{0,20}(?:责任|职责|主责)$|对号入座|^主动认领$|认真纠正|严肃整改|^.{0,6}相关工作$|精准研判|正面引导|科学防控|^为(?!了)|^一手抓|共识|热潮|决心$|抢抓进度|底线红线|保持定力|统一到.{0,24}上来|^发挥[^，]{0,30}作用$|注重方式方法|^(突出重点|抓住重点|精心筹备|精心组织|迅速行动|健全制度|强化督导|落实责任|攻坚克难|狠抓落实|强化担当|真抓实干|(?:全力|抓紧|认真)?推进落实|抓紧落实|抓好落实|严格奖惩|强化执法|强力整治|严格考核|严厉问责|狠抓工作落实|把准方向|完善思路|强化举措)$|沟通联系$|协调配合$|推进各项工作$|^(?:坚决|全面|按时|如期|全力)?完成[^，\d]{0,14}任务$")
_SPEECH_FRAME = re.compile(r"^(?:同时|并|还|也|会议|会上|最后)?(?:提出|明确)?(?:要求|强调|指出)$")
_ADVERB = re.compile(r"^(?:(?:全力以赴|进一步|切实|全面|认真|不断|坚决|扎实|着力|持续|积极|主动|努力|全力|大力|深入|更加|"
                     r"不折不扣|时刻|始终|真正|务必|继续)[、，]?)+")
_NOT_SUBJECT = re.compile(r"^(全县上下|全市上下|全县|我们|大家|各级党委、政府|各级党委|同时|会议|今后|目前|当前|具体工作中|下一步)")
_SENTENCE = re.compile(r"(?<=[。！？；;!?\n])")
ENUM = re.compile(r"(?:(?<=[。；;：:，,\s])|^)([一二三四五六七八九十])(是|要|、)(?=\S)")
REQUIREMENT = re.compile(r"要求|强调|指出|提出|部署|明确")
_FRAME = re.compile(r"^(结合|按照|根据|依据)[^，]*(意见|要求|精神|实际|部署)$|^[^，]{0,10}的要求$|^坚持.{0,40}原则$")
_TITLE_WORDS = 18
_TITLE_MAX = 60

_SPEAKER_TITLED = re.compile(
    r"(?:书记|县长|区长|市长|州长|省长|主任|专员|部长|组长)([\u4e00-\u9fff]{2,3})(?:同志)?"
    r"(?:就[^，。：；]{0,40}?[，,]?|在[^，。：；]{0,30}?|出席会议并|最后|再|还|也|进一步|进行再|对[^，。：；]{0,30}?)?"
    r"(指出|强调|要求|提出要求|表示)")
_SPEAKER_PLAIN = re.compile(
    r"^([\u4e00-\u9fff]{2,3})(?:同志)?(?:就[^，。：；]{0,40}?|在[^，。：；]{0,30}?|出席会议并|最后|再|还|也|进一步|进行再)?"
    r"(指出|强调|要求|提出要求)")
_SPEAKER_ASKS = re.compile(r"^([\u4e00-\u9fff]{2,3})(?:同志)?(?:要求|责成)(?=[^：:，,]{4,})")  # '李晶要求设计院加快整改'
_ASKED_UNIT = re.compile(r"^([\u4e00-\u9fff]{2,8}?" + UNIT_SUFFIX + r")(?=加快|抓紧|尽快|立即|认真|切实|做好|抓好|进一步|全力|迅速|及时|按照|严格)")
_PRONOUN_SAYS = re.compile(r"^[他她](?:还|也|进一步)?(?:强调|指出|要求)(?:[，,：:]|(?=[\u4e00-\u9fff]))")
_SPEECH_GIVEN = re.compile(r"(?:书记|县长|区长|市长|州长|主任|主席)([\u4e00-\u9fff]{2,3})(?:同志)?(?:在[^，。]{0,20})?(?:讲话|发言|作[^，。]{0,12}讲话)")
_SPEAKER_PRONOUN = re.compile(  # '张秀萍对…表示肯定，她说，…' / '副县长周虎光就…做了部署，他指出，…'
    r"^(?:[^，。]{0,12}?(?:书记|县长|区长|市长|主任))?([\u4e00-\u9fff]{2,3})[^，。]{2,40}[，,](?:他|她)(?:说|指出|强调|要求)[，,：:]")
_SPEAKER_SHORT = re.compile(r"^([\u4e00-\u9fff])(书记|县长|区长|市长|主任)(指出|强调|要求)")
_NOT_NAME = re.compile(r"^[县市省区各全会我他她这该其此同大要并还对在]|会议|大会|文件|通知|方案|督查组|检查组|调研组|"
                       r"^(工作|有关|相关|具体|主要|总体|基本|以下|如下|上述|整改|督查|检查|通报|明确)")


@dataclass
class Group:
    subject: list[str] = field(default_factory=list)  # names before the marker, in order
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, name) stated by role clauses
    clauses: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): work | slogan | result
    obligation: bool = False
    decision: bool = False  # 会议原则同意X关于…: X carries it out
    topic: str | None = None
    leader: str | None = None
    sentence: str = ""
    raw: list[str] = field(default_factory=list)  # the clauses as written (their deadlines)
    listed: bool = False  # one part of a '；' list ('要A，B；要C，D；…'): the speaker has itemised it already

    @property
    def work(self) -> list[str]:
        """The clauses that state work; a group of results only ('确保…整改到位') is its results."""
        work = [text for kind, text in self.clauses if kind == "work"]
        return work or [text for kind, text in self.clauses if kind == "result" and (
            text.startswith("确保") or (re.match(r"^(力争|争取)", text) and re.search(r"\d", text)))]
        # '争取两年时间内完成6014.699公里沟渠疏浚任务': a counted aim is the work

    def title(self) -> str:
        """The first clause of work (with an object-giving modifier before it: '对…问题，切实做到
        立行立改') and the work, results and such modifiers after it, up to about 18 characters;
        slogans and framing clauses ('按照…要求') are left out."""
        if self.topic and not (has_marker(self.sentence) and not self.decision
                               and any(len(re.sub(r"\W", "", w)) >= 8 for w in self.work)):
            return cut(self.topic)  # '关于砂石行业整治。县水务局牵头负责，…': the topic names the task, unless asked in words
        lead_kind = "work" if any(k == "work" for k, _ in self.clauses) else "result"
        start = next((i for i, (k, v) in enumerate(self.clauses) if k == lead_kind and v in self.work), None)
        if start is None:
            return ""
        while start > 0 and self.clauses[start - 1][0] == "modifier" and not framing(self.clauses[start - 1][1]):
            start -= 1
        parts: list[str] = []
        said = 0  # characters of work and results: a long '针对…特点' before the work does not fill the title
        for kind, text in self.clauses[start:]:
            if kind == "slogan" or (kind == "modifier" and framing(text)) or _FRAME.match(text):
                continue
            parts.append(text)
            if kind != "modifier":
                said += len(text)
                if said >= _TITLE_WORDS or len(parts) == 3:
                    break
        return cut("，".join(parts))


_OWN_FRAME = re.compile(r"^(?:严格)?(?:按照|根据|依据|结合|对照)(?![^，]*实际)[^，]{2,11}$")
_AUTHORITY = re.compile(r"党中央|中央|国务院|省委|省政府|市委|市政府|县委|县政府|区委|区政府|上级|有关|相关")


def framing(modifier: str) -> bool:
    """A clause that frames work without being part of it ('按照县委、县政府决策部署和要求', '以…为契机').
    A frame of the work's own material is kept, as a clerk keeps it: '对照巡察反馈意见，逐条剖析原因',
    '依据县城总体规划…，结合县城区“畅强补”专项行动，…积极梳理谋划可行性项目'."""
    if not _FRAME_START.match(modifier):
        return False
    if _OWN_FRAME.match(modifier) and not _AUTHORITY.search(modifier) and not _FRAME.match(_unquoted(modifier)):
        return False
    return True


def cut(title: str) -> str:
    title = title.strip("，,。；;：: ")
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1] + "…"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def clauses_of(sentence: str) -> list[str]:
    """Commas and colons split clauses, but not inside quotes or brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in "“‘《（(〔[【":
            depth += 1
        elif ch in "”’》）)〕]】" and depth:
            depth -= 1
        elif ch in "，,：:；;。！？" and depth == 0:
            out.append(sentence[start:i])
            start = i + 1
    out.append(sentence[start:])
    return [c.strip() for c in out if c.strip()]


# --------------------------------------------------------------------------- speakers
def speaker_in(sentence: str, text: str) -> str | None:
    """The leader whose words a sentence reports: '李亦博强调，…', '县长宋耀生要求，…', '彭书记指出',
    also after a clause of circumstance ('听取汇报后，章寿禹指出，…')."""
    head = sentence[:80]
    lead = re.match(r"^(?:在?听取[^，。]{0,40}后|就[^，。]{2,40}|会上|会议最后|最后|随后|调研中|督查中)[，,]", head)
    if lead:
        head = head[lead.end():]
    m = _SPEAKER_PRONOUN.match(head)
    if m and not _NOT_NAME.search(m.group(1)):
        return m.group(1)
    m = _SPEAKER_SHORT.match(head)
    if m:
        full = re.search(rf"{m.group(2)}({m.group(1)}[\u4e00-\u9fff]{{1,2}}?)(?=[，。、\s主出在参])", text)
        return full.group(1) if full else m.group(1) + m.group(2)
    m = _SPEAKER_PLAIN.match(head)
    if m and not _NOT_NAME.search(m.group(1)):
        return m.group(1)
    m = _SPEAKER_TITLED.search(head.split("。", 1)[0])
    if m and not _NOT_NAME.search(m.group(1)):
        return m.group(1)
    # '在了解了…，实地查看…后，葛金海要求…': a leader the text names with a title, after a long circumstance
    m = re.search(r"[，,]([\u4e00-\u9fff]{2,3})(?:同志)?(?:要求|强调|指出)", head.split("。", 1)[0])
    if m and not _NOT_NAME.search(m.group(1)) and (
            re.search(rf"(?:书记|县长|区长|市长|主任|主席){m.group(1)}", text) or text.count(m.group(1)) >= 2):
        return m.group(1)
    return None


# --------------------------------------------------------------------------- mentions
def mask_titles(text: str) -> str:
    """Titles of documents (《…》) name no unit: blank them out, keeping positions."""
    return re.sub(r"《[^》]*》?", lambda m: "□" * len(m.group(0)), text)


_TOWNSHIPS = re.compile(r"(全县)?各乡[（(]?[、]?镇(?:[、，]街道)?[）)]?(人民政府|政府|[（(](?:街道|开发区|园区|社区)[）)]|场)?|各镇乡|各街道|各镇(?:人民政府|政府)?(?![^，]{0,2}村)")
_BY = re.compile(r"由([\u4e00-\u9fff]{2,24}?(?:领导小组|工作组|指挥部|办公室|局|委|办))(?=负责(?!的)|牵头|提出|组织|制定|会同|统筹|审查)")
_ACTOR = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:局|委|办|财政))(?=安排|组织|制定|提出|拨付|下达|做好|抓好|开展|完成)")


def mentions_in(text: str) -> list[str]:
    """Units a subject names: collective names, enumerations before 等部门, 县X局-style names."""
    found: list[tuple[int, str]] = []
    text = mask_titles(text)
    for m in _TOWNSHIPS.finditer(text):
        found.append((m.start(), "各乡镇"))
    for m in LOWER_GOVERNMENTS.finditer(text):
        if not any(p <= m.start() < p + len(n) for p, n in found):
            found.append((m.start(), m.group(0)))  # '各县（市、口岸）环保专项行动领导小组': the counties, through their body
    for m in re.finditer(r"各级各部门|[县市区]直各(?:有关)?(?:部门|单位)|各有关(?:部门|单位)|各相关(?:部门|单位|责任单位)|"
                         r"各(?:有关)?地区(?:和|、|各)?部门|有关部门|相关部门|各部门|各单位|(?:县)?四大班子领导|各县区政府|各(?:牵头|主要|协同|其他)?责任单位|(?:主要|其他|协同)责任单位|各牵头(?:县)?领导|各?业主单位|各牵头单位|牵头单位|"
                         r"以上责任单位|上述单位|各相关责任单位|各成员单位|各整治工作专班|各工作组|(?:沿线|相关|有关)乡镇", text):
        if not any(p <= m.start() < p + len(n) for p, n in found):
            found.append((m.start(), m.group(0)))
    named = named_units(text)
    for m in re.finditer(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等(?:其他)?(?:职能|有关|相关)?(?:部门|单位)", text):
        end = m.start(1)
        for i, name in enumerate(m.group(1).split("、")):
            end += len(name) + (1 if i else 0)
            # '县规划建设和住房保障局、县国土资源局等': the piece is the tail of a longer name
            name = next((n for p, n in named if p + len(n) == end and n.endswith(name)), name)
            if len(name) >= 2 and not any(name in n for _, n in found):
                found.append((m.start() + i, re.sub(r"^(尤其是|特别是|其中)", "", name)))
    for pos, name in named:
        if not any(name in n or n in name or (p < pos + len(name) and pos < p + len(n)) for p, n in found):
            found.append((pos, name))
    bare = [name for name in text.strip().split("、") if not _PEOPLE.search(name)]
    if not found and bare and all(_BARE_UNIT.fullmatch(name) for name in bare):
        found.extend((i, name) for i, name in enumerate(bare))  # '住建局、发改局': names without 县; '…包保干部' are people
    for m in VILLAGES.finditer(text):
        found.append((m.start(), m.group(0)))
    for m in _NAMED_PLACES.finditer(text):  # '武汉市、宜昌市、襄阳市、荆州市应在…': the lower governments named
        start = m.start()
        for name in m.group(1).split("、"):
            if not any(p <= start < p + len(n) for p, n in found):
                found.append((start, name))
            start += len(name) + 1
    for m in re.finditer(r"(?:^|(?<=[由请、和]))([\u4e00-\u9fff]{2,6}(?:办|集团|公司|专班|中学|小学|[一二三四五六七八九]中|幼儿园|医院|卫生院|设计院|勘察院|研究院)|[\u4e00-\u9fff]{0,6}(?:督导组|督查组|检查组|考核组|筹备组|工作组))(?=、|牵头|负责|组织|要|结合|尽快|$)", text):
        if not any(m.group(1) in n or n in m.group(1) for _, n in found):
            found.append((m.start(1), m.group(1)))
    return [name for _, name in sorted(found)]


# --------------------------------------------------------------------------- grouping
@dataclass
class Context:
    leader: str | None = None
    subject: list[str] = field(default_factory=list)  # from an enumeration's lead-in
    enumerated: bool = False  # inside 一是/一要 items under a requirement
    split_actions: bool = True
    imperative: bool = False  # after '会议强调：': a sentence without 要 is a requirement too
    phase: bool = False  # a plan's phase or step: its addressees (各县…) own its sentences without a subject


def read_passage(text: str, ctx: Context) -> list[Group]:
    """The groups (candidate tasks) of a paragraph or an item's body."""
    groups: list[Group] = []
    current: Group | None = None
    topic: str | None = None
    ended_at_semicolon = False
    where: dict[int, int] = {}  # id(group) → the number of the sentence that opened it
    # '会议学习了统计相关知识，要求深入学习…': what the meeting asks after what it did
    text = re.sub(r"((?:^|(?<=[。\n]))会议[^，。；\n]{0,30}了[^，。；\n]{0,40})，(要求|强调)(?![：:，,])", r"\1。会议\2，", text)
    said_before = ""
    for number, sentence in enumerate(sentences(text)):
        pronoun = _PRONOUN_SAYS.match(sentence)
        if pronoun:
            # '县长李建富在会上讲话。他强调各乡镇…要…': the speaker of the sentence before
            named = list(_SPEECH_GIVEN.finditer(said_before))
            if named and not _NOT_NAME.search(named[-1].group(1)):
                ctx = replace(ctx, leader=named[-1].group(1))
            sentence = sentence[pronoun.end():]
        said_before += sentence
        body = sentence.rstrip("。；;！？!?")
        who = speaker_in(sentence, text) if number else None
        if who and who != ctx.leader:
            ctx = replace(ctx, leader=who)  # '会议还对…进行了安排调度。在听取…汇报后，张秀萍强调，…': hers from here on
        if number and not ctx.imperative and (who or re.match(r"^(?:会议|会上)(?:强调|要求|提出|明确)[：:，,]", sentence)):
            ctx = replace(ctx, imperative=True)  # '…。会议要求，镇秸秆禁烧巡查队…执行24小时值班巡查；各村…': requirements from here on
        m = re.match(r"^关于(.{2,30}?)(?:的?(?:问题|事项))?[：:]?$", body)
        if m:
            topic = m.group(1)
            current = None
            continue
        if _DATE_START.match(sentence) and not re.match(r"^\S{0,12}(前|内)", sentence):
            current = None
            continue
        here = ctx
        if ctx.imperative and not ctx.enumerated and not has_marker(sentence):
            here = Context(leader=ctx.leader, subject=ctx.subject, enumerated=True, split_actions=False)
            current = None  # '会议强调：…。对卫片执法下发图斑加快核查力度。': each requirement a task
        elif not ctx.enumerated and not ended_at_semicolon:
            current = None  # in free speech a group ends with its sentence (a '；' goes on)
        listed = ended_at_semicolon or sentence.rstrip().endswith(("；", ";"))
        ended_at_semicolon = sentence.rstrip().endswith(("；", ";"))
        made = len(groups)
        pending: str | None = None
        parts = clauses_of(sentence)
        if len(parts) > 1 and _SPEECH_FRAME.match(parts[-1]):
            current = None  # '督查组实地督查、现场交办问题，同时要求，': what was done before the requirements
            continue
        if here.enumerated and any(_COPULA.search(c) and not has_marker(c) for c in parts):
            current = None
            continue
        for i, clause in enumerate(parts):
            if i + 1 < len(parts) and re.match(r"^是(?!否)", parts[i + 1]) and not has_marker(clause):
                continue  # '开展…“争一流、当冠军”活动，是使命所系': what the text says a thing is, not work
            current, pending = _clause(clause, i, current, groups, here, pending, topic, sentence)
            if current is not None:
                current.raw.append(clause)
            if current is not None and current.topic is None and topic and len(groups) and current is groups[-1] \
                    and not any(g.topic == topic for g in groups[:-1]):
                current.topic = topic
        if pending and current is not None:
            current.clauses.append((_kind(pending), pending))  # '…，对相关责任人…以公示牌形式向社会公示；': nothing follows, it is the work
        addressees = next((o.subject for o in reversed(groups[:made]) if o.subject), [])
        for g in groups[made:]:
            g.listed = listed
            where[id(g)] = number
            if ctx.phase and not g.subject and not g.roles and addressees \
                    and all(is_all_townships(n) or is_lower_governments(n) for n in addressees):
                g.subject = list(addressees)  # '各县（市、口岸）要…。动员部署情况和实施方案于5月20日前报…': theirs too
    groups = [g for i, g in enumerate(groups) if not (
        i + 1 < len(groups) and _is_heading(g, groups[i + 1]) and where.get(id(groups[i + 1])) == where.get(id(g), -2) + 1)]
    out: list[Group] = []
    for g in groups:
        if g.decision and any(not o.decision and o.work and set(n for _, n in g.roles) & set(o.subject)
                              for o in groups):
            continue  # '原则同意X的意见。X要…': the obligation is the task
        out.extend(_split(g) if ctx.split_actions else [g])
    return [g for g in out if _is_task(g, ctx)]


_TOPIC_HEADING = re.compile(r"(?:抓好|做好|抓实|抓紧抓好)[\u4e00-\u9fff]{1,10}(?:工作|任务)")
_DATED = re.compile(r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)|年底|年内")
_DUE_FIRST = re.compile(r"^(?:务?于|在)?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|上旬|中旬|下旬)?\s*(?:前|以前|之前)(?=\S{2,})")
_WITH = re.compile(r"^(?:会同|联合|协同)([^，]{2,40})")
_OWN_VERB = re.compile(r"^(?:全力|切实|着力)?(?:保障|推动|促进|引导|支持|帮助|带动|提供)")
NAMED_PLACE = re.compile(r"(?![县市区省全各本我])[\u4e00-\u9fff]{2,4}(?<![城地辖市县])(?:市|县|区)")
_NAMED_PLACES = re.compile(rf"(?:^|(?<=[，。；：、]))((?:{NAMED_PLACE.pattern}、)+{NAMED_PLACE.pattern})(?=等?(?:要|应|须|务必|在|于|[，：]|$))")
_GENERIC_WORDS = {"工作", "治工", "推进", "加强", "进一", "一步", "做好", "全面", "切实", "落实", "持续", "深入", "加快"}


def _is_heading(group: Group, following: Group) -> bool:
    """A short requirement whose details follow in the next sentence heads them: '要加强督导检查。
    严格落实汛期值班、带班制度，…' (the details without a 要 of their own), '要加强安全生产督导检查。
    安委会督导组要深入基层，迅速开展督导检查工作，…' (the details take up its words)."""
    if len(group.work) == 1 and not group.roles and _TOPIC_HEADING.fullmatch(re.sub(r"\W", "", group.work[0])) \
            and not _DATED.search(group.sentence) and not group.listed \
            and all(is_other_collective(n) or is_all_townships(n) for n in group.subject):
        return True  # '要抓好“百日冲刺”各项工作。距离…，各乡镇要…': the topic of what follows
    if len(group.work) != 1 or group.roles or following.roles or not has_marker(group.sentence) or group.listed \
            or not all(is_other_collective(n) or is_all_townships(n) for n in group.subject) \
            or _DATED.search(group.sentence):
        return False  # '各乡镇要力争10月底全面完成改厕任务。': a requirement with its own date heads nothing
    plain = re.sub(r"\W", "", group.work[0])
    if len(re.sub(r"\W", "", group.sentence)) <= 14 and not has_marker(following.sentence):
        return True
    said = [t for k, t in group.clauses if k != "slogan"]
    words = {plain[i:i + 2] for i in range(len(plain) - 1)} - _GENERIC_WORDS
    return len(said) == 1 and len(plain) <= 14 and sum(w in following.sentence for w in words) >= 2


def _new(groups: list[Group], ctx: Context, sentence: str) -> Group:
    g = Group(leader=ctx.leader, sentence=sentence)
    groups.append(g)
    return g


def _clause(clause: str, index: int, current: Group | None, groups: list[Group], ctx: Context,
            pending: str | None, topic: str | None, sentence: str):
    """Classify one clause; returns the open group and a pending modifier."""
    text = clause.strip()
    if len(text) <= 40 and re.search(r"(?<!的)(要求|强调|指出|提出要求|表示)$", text) and (
            index == 0 or speaker_in(text, text) or re.search(r"(以下|如下)要求$", text)):
        return current, pending  # '钟宇龙要求：' / '会议强调，' / '…，县长宋耀生要求': who speaks, not what is asked
    asks = _SPEAKER_ASKS.match(text)
    if asks and not _NOT_NAME.search(asks.group(1)) and speaker_in(text, text) == asks.group(1):
        # '李晶要求设计院加快整改': the speaker asks a unit; the unit is the subject, the rest its work
        rest = text[asks.end():]
        names = mentions_in(rest)
        unit = _ASKED_UNIT.match(rest)
        if names and rest.startswith(names[0]):
            head = rest[: len(rest) - len(after_names(rest, names))]
            rest = head + "要" + after_names(rest, names)
        elif unit and not has_marker(rest):
            rest = unit.group(1) + "要" + rest[unit.end():]
        elif not has_marker(rest):
            rest = "要" + rest
        return _clause(rest, index, current, groups, ctx, pending, topic, sentence)
    if re.fullmatch(r"[（(][^（）()]*[）)]", text) or (index == 0 and re.fullmatch(r"就(?![地近业医学])[^，]{2,40}", text)) \
            or re.fullmatch(r"由[^，]{0,12}领导牵头(?:负责)?", text):
        return current, pending  # '（陈李）': the reporter's byline; '就如何做好下步的…工作，X要求': the topic of a speech;
        # '由相关县领导牵头': no one named
    by_person, by_unit = _TOPIC_BY.match(text), _TOPIC_BY_UNIT.match(text)
    if by_unit and not _PAST.search(text) and not has_marker(by_unit.group("work")):
        who = by_person.group("who") if by_person else ""
        units = mentions_in(by_unit.group("rest")[:16]) or [m.group(0) for m in [_BARE_UNIT.match(by_unit.group("rest"))] if m]
        if by_person and _PERSON.fullmatch(who) and not mentions_in(who) and not _NOT_NAME.search(who):
            g = _new(groups, ctx, sentence)
            g.leader = who
            work = by_person.group("work") + by_person.group("rest")
        elif units and by_unit.group("rest").startswith(units[0]):
            g = _new(groups, ctx, sentence)
            g.roles.append(("lead", units[0]))
            work = by_unit.group("work") + re.sub(r"^(牵头负责|牵头|具体负责|负责|落实|组织)", "", after_names(by_unit.group("rest"), units[:1]))
        else:
            g = None
        if g is not None:
            g.obligation = True
            g.clauses.append(("work", work))
            return g, None
    unit_does = _UNIT_DOES.match(text)
    if unit_does and not _PAST.search(text):
        names = mentions_in(unit_does.group("who"))
        if names and "".join(names) == unit_does.group("who"):
            g = _new(groups, ctx, sentence)
            g.obligation = True
            g.roles.append(("lead", names[0]))
            g.roles.extend(("coop", n) for n in names[1:])
            g.clauses.append((_kind(unit_does.group("work")), unit_does.group("work")))
            return g, None
    decision = _DECISION.match(text)
    if decision and index == 0:
        rest = text[decision.end():]
        proposers = mentions_in(mask_titles(rest)[:30])
        if re.search(r"(汇报|报告|情况)$", rest) or not proposers:
            return None, None
        g = _new(groups, ctx, sentence)
        g.decision = True
        g.roles.append(("lead", proposers[0]))
        for extra in proposers[1:]:
            g.roles.append(("coop", extra))
        work = re.sub(r"^.*?(?:关于|提出的|提交的|拟草的|拟定的|报送的|起草的)", "", rest, count=1) or rest
        g.clauses.append(("work", work))
        g.obligation = True
        return g, None
    if _SEND_BACK.match(text) and not _PAST.search(text):
        g = _new(groups, ctx, sentence)  # '请将意见于7月26日前反馈至市公路与运输管理中心': what a 征求意见 asks
        g.obligation = True
        g.clauses.append(("work", re.sub(r"^请|于[^，。；]{1,20}?(?:前|以前|之前)", "", text)))
        return g, None
    request = _REQUEST.match(text)
    if request:
        rest = text[request.end():]
        if re.search(r"负责的", rest):
            return current, pending  # '由县民政局负责的第1件': says who owns an item, asks nothing
        names = mentions_in(rest[:40])
        if names and re.match(r"^(以上|上述)", names[0]):
            earlier = mentions_in(sentence[: sentence.find(clause)])
            names = [n for n in earlier if not is_other_collective(n)] or names
            if current is not None and current in groups and not current.work:
                groups.remove(current)
        if names:
            work = after_names(rest, names)
            work = re.sub(r"^(牵头负责|牵头|负责|组织|要|务必|必须)|^(以上|上述)(责任)?(单位|部门)", "", work)
            if current is not None and current.work and current in groups and text.startswith("由") \
                    and re.fullmatch(r"(?:具体|组织)?(?:实施|落实|办理|执行)?", work):
                # '会议同意县水务局提出的改造方案，由县水务局组织实施': who carries out the work just named
                current.roles = [r for r in current.roles if r[1] != names[0]]
                current.roles.insert(0, ("lead", names[0]))
                current.roles = [current.roles[0]] + [("coop", n) if r == "lead" else (r, n) for r, n in current.roles[1:]]
                return current, None
            g = _new(groups, ctx, sentence)
            g.subject = names
            g.obligation = True
            if work:
                g.clauses.append((_kind(_strip_time(work)), _strip_time(work)))  # '请各乡镇人民政府抓住时机，…': no work yet
            return g, None
    by = _BY.search(text)
    actor = _ACTOR.match(text)
    if (by or actor) and not _PAST.search(text) and not _PAST.search(sentence):  # not '会上，…通报了…，县卫健委安排…'
        g = _new(groups, ctx, sentence)
        g.obligation = True
        g.roles.append(("lead", (by or actor).group(1)))
        g.clauses.append(("work", text))
        return g, None
    partners = _WITH.match(text)
    if partners and current is not None and current in groups and mentions_in(partners.group(1)) \
            and partners.group(1).startswith(mentions_in(partners.group(1))[0]):
        current.roles.extend(("coop", n) for n in mentions_in(partners.group(1)))  # '由县交通运输局负责，会同县住建局，…'
        rest = after_names(partners.group(1), mentions_in(partners.group(1)))
        if rest:
            current.clauses.append((_kind(_strip_time(rest)), _strip_time(rest)))
        return current, pending
    text = re.sub(r"为(?:牵头|责任|主责)(?:单位|部门)$", "牵头", text)
    text = re.sub(r"为(?:配合|协办|协助)(?:单位|部门)$", "配合", text)
    role = _ROLE_END.search(text)
    if role and len(text) - len(role.group(0)) >= 2 and (mentions_in(text[: role.start()])):
        names = mentions_in(text[: role.start()])
        verb = role.group(1)
        kind = "coop" if "配合" in verb or verb in ("参与", "协助", "具体实施") else "lead"
        if current is None or (kind == "lead" and (index == 0 or any(r == "lead" for r, _ in current.roles))):
            current = _new(groups, ctx, sentence)
            current.obligation = True
        for name in names:
            current.roles.append((kind if not current.roles or kind == "coop" else "coop", name))
        return current, None
    marker = has_marker(text)
    if marker and _RESULT.match(text) and current is not None and current.work and current in groups:
        current.clauses.append(("result", text))  # '…，确保今年任务必须完成': a result, however firmly said
        return current, None
    if marker and not _PAST.search(text[marker.end():]):
        before, after = text[: marker.start()], text[marker.end():]
        names = mentions_in(before)
        if not names and current is not None and current in groups and current.work and current.sentence == sentence \
                and re.fullmatch(r"(?:全面|全部|按时|如期|按期)?(?:完成|完工|建成|到位|办结)(?:任务|工作)?", _strip_time(after)):
            return current, None  # '…校园安全整治，…积极配合，务必于9月1日前完成': when the work is due
        if _SUBMIT.match(text[marker.start():]) and groups and groups[-1].work \
                and all(is_other_collective(n) for n in names) and (current is groups[-1] or _made_in(text, groups[-1])):
            g = groups[-1]  # '…逐一制定整改方案。整改方案请于8月15日前报国务院': when the work is due
        elif current is not None and current.work and not names and before.startswith("对") and current in groups \
                and current.sentence == sentence:
            g = current  # '…，对重点环节要建立台账，对发现的安全隐患要明确责任，限时整改到位': one task's steps
        elif current is not None and not current.work:
            g = current  # 'A要发挥牵头作用，B要落实属地责任，…': the work that follows is theirs
            if names and all(is_other_collective(n) for n in g.subject):
                g.subject = []  # '各级各部门…都要承担起…职责，四大班子领导要…': the later subject
        else:
            if current is not None and current in groups and current.sentence == sentence and names \
                    and not current.subject and not current.roles and len(current.clauses) == 1 \
                    and len(re.sub(r"\W", "", current.clauses[0][1])) <= 8:
                groups.remove(current)  # '要明确重点任务，各单位要紧扣…40项重点任务': the heading of its subject's work
            g = _new(groups, ctx, sentence)
        g.obligation = True
        if names:
            g.subject.extend(n for n in names if n not in g.subject)
        elif ctx.subject and not g.subject:
            g.subject = list(ctx.subject)
        prefix = before if g is current and before.startswith("对") and g.work else _prefix(before, names)
        work = _strip_time(after)
        partners = _WITH.match(work)
        if partners and names and mentions_in(partners.group(1)) and partners.group(1).startswith(mentions_in(partners.group(1))[0]):
            # '县公安局交警大队要会同县住建局，尽快制定…': who works with the subject
            with_names = mentions_in(partners.group(1))
            g.roles.extend(("coop", n) for n in with_names)
            work = after_names(partners.group(1), with_names)
        if prefix:
            work = prefix + work
        if pending:
            g.clauses.append(("modifier", pending))
        if _MODIFIER.match(work):
            return g, work
        if work:
            # '各乡镇要在10月底前全面完成改厕任务': a completion with its date is work, not the slogan '完成…任务'
            dated = work != after.strip() and re.match(r"^(?:全面|全部|如期|按期|按时)?完成(?!以下|如下|下列)", work)
            kind = "work" if dated else _kind(work)
            if kind == "result" and names and not g.work and _OWN_VERB.match(work):
                kind = "work"  # '县供电公司要保障施工用电': the subject's own work, not a result of other work
            g.clauses.append((kind, work))
        return g, None
    if _CONTINUE.match(text) and current is not None:
        names = mentions_in(text)
        current.subject.extend(n for n in names if n not in current.subject)
        return current, pending
    framed = _FRAMED_OBJECT.match(text)
    if framed:
        text = text[framed.end():]  # '结合经济考核指标对…指标进行再分析、研判': the work after its frame
    if _MODIFIER.match(text) and not has_marker(text) and not _OBJECT_VERB.search(text):
        if re.search(r"了(?![解])", text):
            return current, pending  # '对《…（讨论稿）》提出了很好的意见和建议': what others did, no frame of the work
        return current, (pending + "，" + text) if pending else text
    names = [] if has_marker(text) else mentions_in(text)
    if names and text.startswith(names[0]) and _MODIFIER.match(after_names(text, names)) and not _PAST.search(sentence):
        g = _new(groups, ctx, sentence)  # '各乡镇在做好存量违法用地整改的同时，要…': theirs is the work after 要
        g.subject = names
        g.obligation = True
        return g, after_names(text, names)
    again = _DATED_AGAIN.match(text)
    if again and current is not None and current in groups and not _PAST.search(text) \
            and re.search(r"将[^，]{2,60}?(?:报(?!告)|送|反馈|提交)", "，".join(current.work)):
        g = _new(groups, ctx, sentence)  # '…要在每月10日前将进展情况报…，分别在6月10日前将整治情况报…': two reports
        g.subject, g.roles, g.obligation = list(current.subject), list(current.roles), True
        g.clauses.append(("work", text[again.end():]))
        return g, None
    if current is None:
        if ctx.enumerated and not _PAST.search(text) and not _COPULA.search(text):
            current = _new(groups, ctx, sentence)
            current.subject = list(ctx.subject)
            current.obligation = True  # an item of a requirement
            who = _DOER.match(text)
            names = mentions_in(who.group(1)) if who else []
            if names and not ctx.subject:
                current.subject = names  # '镇秸秆禁烧巡查队、镇村两级包保干部严格按照…执行…': who, then the work
                text = re.sub(r"^将(?:有计划地)?", "", text[who.end():])  # '…领导小组将对…进行督查'
        else:
            return None, None
    if _PAST.search(text) or (_COPULA.search(text) and not has_marker(text)):
        return current, None
    if pending:
        current.clauses.append(("modifier", pending))
    if _DUE_FIRST.match(text):
        text = _strip_time(text)  # '…，10月31日前完成适龄人群疫苗接种': the date is the deadline, not the title
    current.clauses.append((_kind(text), text))
    return current, None


def has_marker(text: str) -> re.Match | None:
    """The obligation marker of a clause, not one inside quotes ('严格落实“五个严禁、三个务必”硬措施')."""
    return MARKER.search(_unquoted(text))


def _unquoted(text: str) -> str:
    """The text with what stands inside quotes and titles blanked out, keeping positions."""
    return re.sub(r"“[^”]*”|‘[^’]*’|《[^》]*》", lambda m: m.group(0)[0] + "□" * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _made_in(text: str, group: Group) -> bool:
    """The paper a clause sends ('…细化方案报送至…') is the one the group's work makes ('制定细化方案')."""
    papers = re.findall(r"[\u4e00-\u9fff]{2}(?:方案|报告|清单|材料|计划)", text)
    return any(p in "，".join(group.work) for p in papers)


def is_slogan(text: str) -> bool:
    return _kind(text) == "slogan"


def _kind(text: str) -> str:
    plain = re.sub(r"[“”‘’《》、]", "", text)
    bare = _ADVERB.sub("", text)
    if _BOILERPLATE.search(text) or len(plain) <= 3 or (bare != text and (not bare or _BOILERPLATE.search(bare))):
        return "slogan"  # '进一步压实工作责任' is '压实工作责任'
    if all(_BOILERPLATE.search(_ADVERB.sub("", part)) for part in text.split("、")):
        return "slogan"  # '压实工作责任、强化协调配合、提升工作能力': every part a slogan
    if _RESULT.match(text) or (bare != text and re.match(r"^(?:推动|促进|实现|形成|营造|助力|带动)", bare)):
        return "result"  # '全力推动整改取得实实在在的效果' is '推动…效果'
    return "work"


def after_names(text: str, names: list[str]) -> str:
    last = max((text.find(n) + len(n) for n in names if text.find(n) >= 0), default=0)
    rest = text[last:]
    return re.sub(r"^(人民政府|政府)?(等(?:有关|相关)?(?:部门|单位)?|[、和及])?", "", rest).strip("，, ")


def _prefix(before: str, names: list[str]) -> str:
    """What stands before the marker besides names: '各牵头单位的具体推进实施方案' → '具体推进实施方案'."""
    rest = _TOWNSHIPS.sub("", before)  # '各乡（镇、街道）' is written otherwise than its name 各乡镇
    for name in names:
        rest = rest.replace(name, "")
    if names and re.search(r"的\s*$", before[: before.find(names[0])] if names[0] in before else ""):
        return ""  # '各项工作任务的主要责任单位要…': what qualifies the subject is not work
    rest = re.sub(r"^[的、和及等]+|(?:主要负责人|负责同志|全体班子成员|班子成员|负责人)", "", rest)
    rest = re.sub(r"^(职能|成员)?(部门|单位)", "", rest).strip("的，, ")
    if names and re.fullmatch(r"[\u4e00-\u9fff]{0,12}(?:领导小组(?:办公室)?|指挥部|工作组|办公室)", rest):
        return ""  # '各县（市、口岸）环保专项行动领导小组': the named units' own body, not work
    if rest.endswith("上") or len(rest) < 4 or _NOT_SUBJECT.match(rest) or _MODIFIER.match(rest) or re.search(r"[指强要]", rest[-2:]):
        return ""
    if re.search(r"(力度|措施|指导|认识|责任|站位|意识)$", rest) or _PEOPLE.search(rest) or rest.endswith("领导"):
        return ""  # '县政府分线领导要…': people are who does it
    return rest


def _strip_time(text: str) -> str:
    text = re.sub(r"^(?:务?于|在)?\s*(?:(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个?(?:工作日|周|星期|日|天)(?:内|之内|以内)|本月(?:底|末)前?)"
                  r"(?=\S{2,})", "", text)  # '在一周内拿出方案', '于本月底前完成摸排'
    return re.sub(r"^(?:务?于|在)?\s*(?:每月\s*\d{1,2}\s*[日号]|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|初|上旬|中旬|下旬)?)"
                  r"\s*(?:[（(][^（）()]{0,30}[）)])?\s*(?:前|以前|之前)?"
                  r"(?=\S{2,})", "", text).strip()


def _split(group: Group) -> list[Group]:
    """Runs of parallel clauses ('到…，到…，到…'; '通过抓A，在…下功夫；通过抓B，…') are one task each,
    from each such clause to the next; so are four or more short actions of a leader's list
    without a result clause, unless the speaker gave them as one part of a '；' list."""
    starts = [i for i, (_, text) in enumerate(group.clauses) if re.match(r"^(主动)?到|^通过", text)]
    prefixes = {"通过" if group.clauses[i][1].startswith("通过") else "到" for i in starts}
    if len(starts) >= 2 and len(prefixes) == 1:
        bounds = starts + [len(group.clauses)]
        return [_part(group, group.clauses[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    work = [i for i, (kind, _) in enumerate(group.clauses) if kind == "work"]
    has_result = any(kind == "result" for kind, _ in group.clauses)
    short = len(work) >= 4 and not has_result and all(
        8 <= len(re.sub(r"[“”‘’、]", "", group.clauses[i][1])) <= 20 for i in work)
    if not (short and not group.subject and group.leader) or group.listed:
        return [group]
    return [_part(group, [group.clauses[i]]) for i in work]


def _part(group: Group, clauses: list[tuple[str, str]]) -> Group:
    return Group(subject=list(group.subject), roles=list(group.roles), clauses=clauses,
                 obligation=group.obligation, leader=group.leader, sentence=group.sentence, raw=list(group.raw))


def _is_task(group: Group, ctx: Context) -> bool:
    if not group.work and not group.topic:
        return False
    if _PAST.search(" ".join(group.work)):
        return False
    return group.obligation or ctx.enumerated or bool(group.roles)


def group_units(group: Group) -> list[tuple[str, str]]:
    """(role, name) of a group: stated roles first, else the subject (first named unit leads)."""
    out: list[tuple[str, str]] = list(group.roles)
    for name in group.subject:
        if any(n == name for _, n in out):
            continue
        if is_all_townships(name) or is_lower_governments(name):
            out.append(("territorial", name))
        elif is_other_collective(name) or re.match(r"^(以上|上述)", name):
            out.append(("collective", name))
        else:
            out.append(("lead", name))
    return out
