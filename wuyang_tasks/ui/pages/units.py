"""单位与人员 page (navigation key ``units``): units in official order, their posts with the
current holders, 任免 (appoint), and the county leaders' 分包联系."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.services import task_views, unit_directory
from wuyang_tasks.services import units as unit_service
from wuyang_tasks.services.task_list import chinese_date
from wuyang_tasks.services.unit_directory import PostEntry, UnitEntry

from ..access import Need
from ..changes import Change, ChangeKind
from ..context import UiContext
from ..page import Page


class AppointDialog(QDialog):
    """任免: who holds the post from which day (the previous holder's tenure ends the day before)."""

    def __init__(self, ctx: UiContext, unit: UnitEntry, post: PostEntry, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Appoint"))
        form = QFormLayout(self)
        form.addRow(self.tr("Post"), QLabel(f"{unit.name} {post.title}"))
        form.addRow(self.tr("Current holder"), QLabel(post.holder or self.tr("(vacant)")))
        self.person = QComboBox()
        self.person.addItem(self.tr("(a new person, name below)"), None)
        with ctx.ledger.read() as s:
            for choice in task_views.pick_lists(s, ctx.today()).people:
                self.person.addItem(f"{choice.name}（{choice.detail}）" if choice.detail else choice.name,
                                    choice.id)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("name of the new person"))
        today = ctx.today()
        self.effective = QDateEdit(QDate(today.year, today.month, today.day))
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy年M月d日")
        form.addRow(self.tr("New holder"), self.person)
        form.addRow("", self.new_name)
        form.addRow(self.tr("Effective from"), self.effective)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class LiaisonDialog(QDialog):
    """分包联系 of the unit: a county leader begins on a day (``ending`` False) or one of those
    liaising now ends on a day (their last). A change of township is one ended, one begun."""

    def __init__(self, ctx: UiContext, unit: UnitEntry, *, ending: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("End liaison") if ending else self.tr("Add liaison"))
        form = QFormLayout(self)
        form.addRow(self.tr("Unit"), QLabel(unit.name))
        self.leader = QComboBox()
        today = ctx.today()
        with ctx.ledger.read() as s:
            if ending:
                choices = [(v.leader_id, v.leader) for v in unit_service.liaisons(s, day=today)
                           if v.unit_id == unit.id]
            else:
                choices = [(p.id, p.name) for p in unit_service.county_leaders(s, today)]
        for ident, name in choices:
            self.leader.addItem(name, ident)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy年M月d日")
        form.addRow(self.tr("County leader"), self.leader)
        form.addRow(self.tr("Last day") if ending else self.tr("From"), self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UnitsPage(Page):
    def __init__(self, ctx: UiContext):
        super().__init__(ctx)
        self.entries: list[UnitEntry] = []
        self.rows: list[UnitEntry | None] = []  # list rows: a unit, or None for a kind heading
        self.units = QListWidget()
        self.units.currentRowChanged.connect(self._show_unit)
        self.unit_heading = QLabel()
        self.unit_heading.setObjectName("pageHeading")
        self.posts = QTableWidget(0, 4)
        self.posts.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Chief"), self.tr("Holder"),
                                              self.tr("Since")])
        self.posts.horizontalHeader().setStretchLastSection(True)
        self.posts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.posts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.posts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.posts.verticalHeader().setVisible(False)
        guard = ctx.role_guard
        self.appoint_button = guard.restrict(QPushButton(self.tr("Appoint…")), Need.ADMINISTER)
        self.appoint_button.clicked.connect(self.appoint_selected)
        self.liaison = QLabel()
        self.liaison.setWordWrap(True)
        self.liaison.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.add_liaison_button = guard.restrict(QPushButton(self.tr("Add liaison…")), Need.ADMINISTER)
        self.add_liaison_button.clicked.connect(lambda: self.liaison_selected(False))
        self.end_liaison_button = guard.restrict(QPushButton(self.tr("End liaison…")), Need.ADMINISTER)
        self.end_liaison_button.clicked.connect(lambda: self.liaison_selected(True))
        liaison_buttons = QHBoxLayout()
        liaison_buttons.addWidget(self.add_liaison_button)
        liaison_buttons.addWidget(self.end_liaison_button)
        liaison_buttons.addStretch(1)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(self.unit_heading)
        layout.addWidget(self.posts, 1)
        layout.addWidget(self.appoint_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("County leaders liaising (分包联系)")))
        layout.addWidget(self.liaison)
        layout.addLayout(liaison_buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.units)
        self.splitter.addWidget(right)
        self.splitter.setSizes([260, 800])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)

    def refresh(self) -> None:
        current = self.units.currentRow()
        with self.ctx.ledger.read() as s:
            self.entries = unit_directory.directory(s, self.ctx.today())
        self.units.blockSignals(True)
        self.units.clear()
        self.rows: list[UnitEntry | None] = []
        kind = None
        for entry in self.entries:
            if entry.kind is not kind:  # a heading per kind; the official order is kept
                kind = entry.kind
                heading = QListWidgetItem(kind.label)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self.units.addItem(heading)
                self.rows.append(None)
            item = QListWidgetItem("　" + entry.name)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setSizeHint(QSize(200, 26))
            self.units.addItem(item)
            self.rows.append(entry)
        self.units.blockSignals(False)
        first = next((i for i, e in enumerate(self.rows) if e is not None), -1)
        self.units.setCurrentRow(current if 0 <= current < len(self.rows) and self.rows[current]
                                 else first)
        self._show_unit(self.units.currentRow())

    def _show_unit(self, row: int) -> None:
        if not 0 <= row < len(self.rows) or self.rows[row] is None:
            return
        entry = self.rows[row]
        self.unit_heading.setText(f"{entry.name}（{entry.kind.label}）")
        self.posts.setRowCount(len(entry.posts))
        for i, post in enumerate(entry.posts):
            values = (post.title, post.chief_kind.label if post.chief_kind else "",
                      post.holder or self.tr("(vacant)"), chinese_date(post.since))
            for j, text in enumerate(values):
                self.posts.setItem(i, j, QTableWidgetItem(text))
        self.posts.resizeColumnsToContents()
        if entry.posts:
            self.posts.selectRow(0)
        lines = [self.tr("Liaison county leaders: %1").replace("%1", "、".join(entry.liaison_leaders))
                 ] if entry.liaison_leaders else []
        lines += [self.tr("Liaises with: %1").replace("%1", text) for text in entry.liaison_units]
        self.liaison.setText("\n".join(lines) or self.tr("(none)"))

    def selected_post(self) -> tuple[UnitEntry, PostEntry] | None:
        row, post_row = self.units.currentRow(), self.posts.currentRow()
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        if entry is None or not 0 <= post_row < len(entry.posts):
            return None
        return entry, entry.posts[post_row]

    def appoint_selected(self) -> None:
        selected = self.selected_post()
        if selected is None:
            return
        dialog = AppointDialog(self.ctx, *selected, parent=self)
        if dialog.exec():
            self.appoint(selected[1].post_id, dialog.person.currentData(), dialog.new_name.text(),
                         dialog.effective.date().toPython())

    def appoint(self, post_id: int, person_id: int | None, new_name: str, effective) -> bool:
        def action(s):
            pid = person_id if person_id is not None else unit_service.add_person(s, new_name).id
            unit_service.appoint(s, post_id, pid, effective)

        ok, _ = self.ctx.perform(action, changed=Change(ChangeKind.TENURE), parent=self)
        return ok

    def liaison_selected(self, ending: bool) -> None:
        row = self.units.currentRow()
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        if entry is None:
            return
        dialog = LiaisonDialog(self.ctx, entry, ending=ending, parent=self)
        if dialog.exec() and dialog.leader.currentData() is not None:
            self.change_liaison(dialog.leader.currentData(), entry.id, dialog.day.date().toPython(),
                                ending=ending)

    def change_liaison(self, leader_id: int, unit_id: int, day, *, ending: bool) -> bool:
        def action(s):
            if ending:
                unit_service.end_liaison(s, leader_id, unit_id, day)
            else:
                unit_service.start_liaison(s, leader_id, unit_id, day)

        ok, _ = self.ctx.perform(action, changed=Change(ChangeKind.LIAISON), parent=self)
        return ok

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("units/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("units/splitter")
        if state is not None:
            self.splitter.restoreState(state)


def create_page(ctx: UiContext) -> UnitsPage:
    return UnitsPage(ctx)
