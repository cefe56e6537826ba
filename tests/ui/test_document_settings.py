"""文书 ▸ 机关信息… and 文书 ▸ 字体…, through the window's menu; then a Word 通报 from 报表."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from wuyang_tasks.exports import fonts
from wuyang_tasks.services import office
from wuyang_tasks.ui.pages import reports

from .user import User


@pytest.fixture
def user(monkeypatch, tmp_path):
    return User(monkeypatch, tmp_path / "files", screenshots=tmp_path / "screenshots")


def _menu_action(window, menu_text: str, action_text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "").startswith(menu_text))
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(action_text))


def _save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_office_profile_entered_in_its_dialog_is_kept_in_the_ledger(main_window, user, qtbot):
    user.ctx = main_window.ctx

    def fill(dialog, _user):
        assert dialog.name.text() == "舞阳县委县政府督查室" and dialog.code.text() == "舞督"
        dialog.code.setText("舞环督")
        dialog.phone.setText("0395-7200000")
        dialog.copies.setPlainText("县委书记\n县长")
        _save(dialog)

    user.fillers["OfficeProfileDialog"] = fill
    _menu_action(main_window, "文书", "机关信息").trigger()
    assert user.bugs == [] and user.errors == []
    with main_window.ctx.ledger.read() as s:
        profile = office.load(s)
    assert (profile.code, profile.phone, profile.copies) == ("舞环督", "0395-7200000", ["县委书记", "县长"])


def test_a_bad_office_code_is_refused_with_a_message(main_window, user, qtbot):
    user.ctx = main_window.ctx

    def fill(dialog, _user):
        dialog.code.setText("舞督〔2016〕")
        _save(dialog)
        dialog.reject()

    user.fillers["OfficeProfileDialog"] = fill
    _menu_action(main_window, "文书", "机关信息").trigger()
    assert user.bugs == [] and any("机关代字" in str(e) for e in user.errors)
    with main_window.ctx.ledger.read() as s:
        assert office.load(s).code == "舞督"


def test_fonts_dialog_shows_the_stand_ins_and_keeps_the_choice(main_window, user, qtbot):
    user.ctx = main_window.ctx
    seen = {}

    def fill(dialog, _user):
        seen["status"] = dialog.status.text()
        combo: QComboBox = dialog.combos["body"]
        hei = next(i for i in range(combo.count()) if "Hei" in combo.itemText(i))
        combo.setCurrentIndex(hei)
        seen["body"] = combo.currentData()
        _save(dialog)

    user.fillers["FontsDialog"] = fill
    _menu_action(main_window, "文书", "字体").trigger()
    assert "正文（仿宋）用“" in seen["status"]
    assert fonts.load_choices() == {"body": seen["body"]}
    assert "Hei" in fonts.font_set().families["body"]


def test_briefing_as_word_from_the_reports_page(main_window, user, qtbot, tmp_path):
    user.ctx = main_window.ctx
    main_window.go_to("reports")
    page = main_window.pages["reports"]
    page.kinds.setCurrentRow(reports.BRIEFING)
    page.briefing_format.setCurrentIndex(page.briefing_format.findData(".docx"))
    page.export_button.click()
    qtbot.waitUntil(main_window.ctx.is_idle, timeout=60_000)
    QApplication.processEvents()
    assert user.bugs == [] and len(user.saved) == 1 and user.saved[0].suffix == ".docx"
    d = docx.Document(str(user.saved[0]))
    assert "各乡镇人民政府，县直各部门：" in [p.text for p in d.paragraphs]
    assert "本机缺少公文字体" in page.result.text()  # the stand-in faces, said once
    assert page.result.text().count("本机缺少公文字体") == 1
