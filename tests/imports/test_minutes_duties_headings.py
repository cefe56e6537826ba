"""Round 7 of issue 20: what a notice says of duties and a speech of importance is no task; a speaker
goes on into paragraphs of bare requirements; topic sentences and slogan heads of 一是 items head what
follows; '按照…的要求' is a frame, not who speaks (sentences of the development documents 88, 89, 91,
92, 95, 97 and 98 in benchmarks/intake_corpus)."""

from wuyang_tasks.imports.minutes import propose

from .drafts import draft_with, titles_of


def test_duties_of_leads_and_partners_are_no_tasks():
    text = ("一、强化责任落实。县政府分线领导对领办的政府重点工作任务要牵头抓总、积极作为、善于决策、勇于担当；"
            "主要责任单位要切实履行主职主责；其他责任单位要积极履行配合职责，服从主要责任单位的调度安排。\n"
            "二、细化工作方案。各项工作任务的主要责任单位要将实施方案报县政府分管领导审查签字后，于2021年3月15日前报县政府督查室备案。"
            "各主要责任单位要主动协调，县政府分线领导要强化统筹调度。\n")
    p = propose(text)
    assert titles_of(p) == [draft_with(p, "实施方案").title]
    assert draft_with(p, "实施方案").title.startswith("将实施方案")


def test_what_a_speaker_says_of_importance_is_no_task():
    text = ("陈宏强调，和美乡村建设项目意义重大，关系到乡村振兴战略的实施和人民群众的切身利益。"
            "同时，要加强项目资金监管，确保资金使用安全、高效。\n")
    p = propose(text)
    assert titles_of(p) == ["加强项目资金监管，确保资金使用安全、高效"]


def test_a_speaker_goes_on_into_paragraphs_of_bare_requirements_and_a_topic_sentence_heads_them():
    text = ("县长张明东指出：双节临近，各级各部门要抓好国庆、中秋期间相关工作。要加强安全监管，加强社会治安稳控；"
            "要严守廉洁规定，自觉过好节俭文明节日。\n"
            "要抓好精准扶贫工作。要坚持“输血”和“造血”并举。此外，要突出抓好市对我县精准扶贫审计反馈问题的整改。\n")
    p = propose(text)
    assert titles_of(p) == ["加强安全监管，加强社会治安稳控", "突出抓好市对我县精准扶贫审计反馈问题的整改"]
    assert {d.leader for d in p.drafts} == {"张明东"}


def test_a_slogan_head_of_an_item_heads_its_work():
    text = ("就做好当前重点工作，高巍同志强调，一是双违清理和地下水超采要拿出敢抓的狠劲。要按照“一周一拆”的要求，"
            "继续抓好违法占地、违法建设清理工作，直至“清零”。要加大地下水超采综合治理工作力度，务必关停到位。"
            "二是街巷硬化和厕所改造要拿出攻坚的冲劲。严格按照县委、县政府决策部署和要求，加快工程进度，确保早日完成。\n")
    p = propose(text)
    assert titles_of(p) == ["继续抓好违法占地、违法建设清理工作，直至“清零”", "加大地下水超采综合治理工作力度",
                          "加快工程进度，确保早日完成"]


def test_the_townships_with_their_development_zones():
    p = propose("会议要求，各乡镇（开发区）要围绕征地拆迁等重点工作，加快项目落地。\n")
    draft = draft_with(p, "加快项目落地")
    assert draft.all_townships and "开发区" not in draft.title
