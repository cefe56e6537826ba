"""文书 menu dialogs: 机关信息 (the office profile the documents are issued under, kept in the
ledger and shared by every clerk of it) and 字体 (which face each GB/T 9704 role gets on this
machine, and the clerk's choice, kept beside settings.ini)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.exports import fonts
from wuyang_tasks.services import office

from ..changes import Change, ChangeKind
from ..context import UiContext


class OfficeProfileDialog(QDialog):
    """The office profile: 机关名称, 机关代字, 发文机关标志, contact, 签发人, 主送/抄送, 公文."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Office profile"))
        with ctx.ledger.read() as s:
            profile = office.load(s)
        self.name, self.code, self.masthead = QLineEdit(profile.name), QLineEdit(profile.code), QLineEdit(profile.masthead)
        self.contact, self.phone = QLineEdit(profile.contact), QLineEdit(profile.phone)
        self.email, self.signer = QLineEdit(profile.email), QLineEdit(profile.signer)
        self.code.setPlaceholderText(self.tr("e.g. 舞督: notices are numbered 舞督〔2016〕1号"))
        self.masthead.setPlaceholderText(self.tr("the red heading; empty: the office's name"))
        self.recipients = QPlainTextEdit("\n".join(profile.recipients))
        self.copies = QPlainTextEdit("\n".join(profile.copies))
        for edit in (self.recipients, self.copies):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.official = QCheckBox(self.tr("Issue notices as official documents (red heading and rule)"))
        self.official.setChecked(profile.official)
        form = QFormLayout()
        for label, widget in ((self.tr("Office name"), self.name), (self.tr("Office code"), self.code),
                              (self.tr("Red heading"), self.masthead), (self.tr("Contact person"), self.contact),
                              (self.tr("Telephone"), self.phone), (self.tr("E-mail"), self.email),
                              (self.tr("Signed off by"), self.signer),
                              (self.tr("Addressed to (one a line)"), self.recipients),
                              (self.tr("Copies to (one a line)"), self.copies), ("", self.official)):
            form.addRow(label, widget)
        note = QLabel(self.tr("Kept in the ledger: every clerk of a shared ledger prints the same; each "
                              "change is recorded in the audit trail."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def profile(self) -> office.OfficeProfile:
        return office.OfficeProfile(
            name=self.name.text(), code=self.code.text(), masthead=self.masthead.text(),
            contact=self.contact.text(), phone=self.phone.text(), email=self.email.text(),
            signer=self.signer.text(), recipients=office.split_list(self.recipients.toPlainText()),
            copies=office.split_list(self.copies.toPlainText()), official=self.official.isChecked())

    def save(self) -> None:
        profile = self.profile()
        ok, _ = self.ctx.perform(lambda s: office.save(s, profile), changed=Change(ChangeKind.OFFICE), parent=self)
        if ok:
            self.accept()


class FontsDialog(QDialog):
    """Per role the face this machine gives it, and a choice among the installed CJK faces."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document fonts"))
        chosen = fonts.font_set()
        saved = fonts.load_choices()
        installed = fonts.installed_cjk_fonts()
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for role in fonts.ROLES:
            combo = QComboBox()
            combo.addItem(self.tr("Automatic (now: %1)").replace("%1", chosen.families[role]), "")
            seen = set()
            for face in installed:
                value = f"{face.path}#{face.index}"
                if value in seen:
                    continue
                seen.add(value)
                combo.addItem(f"{face.family}  ({face.path.rsplit('/', 1)[-1]})", value)
            if saved.get(role):
                combo.setCurrentIndex(max(combo.findData(saved[role]), 0))
            self.combos[role] = combo
            form.addRow(fonts.ROLE_LABELS[role], combo)
        warning = fonts.stand_in_warning(chosen.families)
        self.status = QLabel(warning or self.tr("Every role has its proper face on this machine."))
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def save(self) -> None:
        fonts.save_choices({role: combo.currentData() for role, combo in self.combos.items()})
        self.accept()


def open_office_dialog(ctx: UiContext, parent: QWidget | None = None) -> bool:
    return OfficeProfileDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted


def open_fonts_dialog(parent: QWidget | None = None) -> bool:
    return FontsDialog(parent).exec() == QDialog.DialogCode.Accepted
