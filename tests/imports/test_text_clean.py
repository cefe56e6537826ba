from pathlib import Path

from wuyang_tasks.imports.text_clean import clean_text, has_pinyin_groups, remove_pinyin

MEETING = Path(__file__).parent / "data" / "meeting_2016-07-13.txt"  # verbatim copy of the reference
SAMPLE = "7月13日上午,我縣召開環(huán)保攻堅(jiān)突破工作會議,要求各鄉(xiāng)鎮(zhèn)落實(shí)屬地責(zé)任。"
TRADITIONAL = set("縣環堅會議鄉鎮實屬責區關發條")


def test_pinyin_groups_removed_and_simplified():
    cleaned = clean_text(SAMPLE)
    assert cleaned.text == "7月13日上午，我县召开环保攻坚突破工作会议，要求各乡镇落实属地责任。"
    assert cleaned.pinyin_removed == 6


def test_ordinary_parentheses_stay():
    text = "（一）控制PM2.5(PM2.5)浓度(2016年)，执行(试行)办法(见附件1)，(a)项。"
    assert remove_pinyin(text) == (text, 0)


def test_pinyin_needs_tone_mark_and_a_character_before_it():
    assert remove_pinyin("綠(lǜ)化")[0] == "綠化"
    assert remove_pinyin("綠(lv)化")[0] == "綠(lv)化"  # no tone mark: not treated as pinyin
    assert remove_pinyin("(huán)")[0] == "(huán)"  # nothing annotated before it


def test_reference_meeting_reads_clean():
    raw = MEETING.read_text(encoding="utf-8")
    assert has_pinyin_groups(raw)
    cleaned = clean_text(raw)
    assert not has_pinyin_groups(cleaned.text)
    assert "(" not in cleaned.text or "PM" in cleaned.text
    assert not TRADITIONAL & set(cleaned.text)
    assert "环保攻坚" in cleaned.text
