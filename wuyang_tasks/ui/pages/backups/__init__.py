"""Backups in the window: the list of a ledger's backups, back up now, restore; and what to
offer when a ledger cannot be opened (restore the latest good backup, open read-only).

The work is done by ``db.backup`` / ``db.checks``; this module only asks and shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.db import backup
from wuyang_tasks.db.checks import open_offers
from wuyang_tasks.db.engine import is_sqlite, resolve_url
from wuyang_tasks.db.ledger import Ledger, LedgerOpenError, open_ledger

from ...context import UiContext
from ...sizing import fit_to_screen


class BackupsDialog(QDialog):
    """文件 ▸ 备份与恢复: the backups of the open ledger with date, kind and size."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Backups"))
        fit_to_screen(self, 720, 420)
        layout = QVBoxLayout(self)
        self.info = QLabel(wordWrap=True)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore selected…"))
        self.file_button = QPushButton(self.tr("Restore from file…"))
        self.view_button = QPushButton(self.tr("View selected (read-only)"))
        for button in (self.backup_button, self.view_button, self.restore_button, self.file_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        self.view_button.clicked.connect(self.view_selected)
        self.table.itemSelectionChanged.connect(self._enable)
        self.infos: list[backup.BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        ledger = self.ctx.ledger
        path = ledger.path
        for button in (self.backup_button, self.file_button):
            button.setEnabled(path is not None and not ledger.read_only)
        if path is None:
            from wuyang_tasks.db import pgdump  # a server ledger's: not loaded with every window

            url = ledger.url
            target = pgdump.default_target(url)
            self.info.setText(self.tr("A shared ledger on the server is backed up with pg_dump by its "
                                      "administrator:\n%1").replace("%1", pgdump.command_text(url, target)))
            self.infos = []
        else:
            self.infos = backup.list_backups(path)
            self.info.setText(self.tr("Backups of %1 in %2, compressed (kept: one a day for 7 days, "
                                      "one a week for 4 weeks, one a month for 12 months, and the "
                                      "last 3 of each other kind).").replace("%1", str(path))
                              .replace("%2", str(backup.backups_dir(path))))
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            t = info.taken_at
            cells = [f"{t.year}年{t.month}月{t.day}日 {t:%H:%M:%S}", info.reason_label,
                     backup.human_size(info.size)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, col, item)
        self._enable()

    def _enable(self) -> None:
        selected = bool(self.table.selectedItems())
        self.restore_button.setEnabled(selected and not self.ctx.ledger.read_only)
        self.view_button.setEnabled(selected)

    def _selected(self) -> backup.BackupInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.infos[min(rows)] if rows else None

    def view_selected(self) -> None:
        """Open the selected backup read-only in the window (a compressed one is decompressed
        into the data folder's view/ first); 文件 ▸ 最近使用的台账 goes back to the ledger."""
        info = self._selected()
        if info is None:
            return
        today = self.ctx.ledger.today_override

        def work(progress):
            progress.report(0, None, QCoreApplication.translate("Backups", "Opening the backup…"))
            return open_ledger(info.path, today=today, read_only=True)

        def done(ledger: Ledger) -> None:
            self.ctx.replace_ledger(ledger)
            self.accept()

        self.ctx.run_in_worker(self.tr("Opening the backup…"), work, on_done=done)

    def back_up_now(self) -> None:
        ledger = self.ctx.ledger

        def work(progress):
            progress.report(0, None, QCoreApplication.translate("Backups", "Backing up…"))
            return backup.make_backup(ledger)

        def done(result: backup.BackupResult) -> None:
            self.reload()
            self.ctx.status_message.emit(self.tr("Backed up to %1").replace("%1", str(result.path)))

        self.ctx.run_in_worker(self.tr("Backing up…"), work, on_done=done)

    def restore_selected(self) -> None:
        info = self._selected()
        if info is not None:
            self._restore(info.path)

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from file"), "",
                                              self.tr("Backups and ledgers (*.db.zst *.db);;All files (*)"))
        if path:
            self._restore(Path(path))

    def _restore(self, source: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore"),
                          self.tr("Replace the ledger with %1?").replace("%1", source.name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("The file is checked first. The current ledger is backed up "
                                       "before it is replaced, so this can be undone."))
        go = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not go:
            return
        restore_and_reopen(self.ctx, source, self, on_done=self.reload)


def restore_and_reopen(ctx: UiContext, source: Path, parent: QWidget | None, on_done=None) -> None:
    """Restore the open SQLite ledger from ``source`` in a worker, then open it again."""
    old = ctx.ledger
    path, today = old.path, old.today_override

    def work(progress):
        progress.report(0, None, QCoreApplication.translate("Backups", "Checking and restoring…"))
        old.dispose()
        backup.restore_ledger(path, source)
        return open_ledger(path, today=today, daily_backup=False)  # just backed up (pre-restore)

    def done(ledger: Ledger) -> None:
        ctx.replace_ledger(ledger)
        text = QCoreApplication.translate("Backups", "Restored from %1")
        ctx.status_message.emit(text.replace("%1", str(source)))
        if on_done:
            on_done()

    ctx.run_in_worker(QCoreApplication.translate("Backups", "Restoring…"), work, on_done=done)


def offer_after_open_error(parent: QWidget | None, exc: LedgerOpenError,
                           location: str | None, *, choose_other: bool = False) -> str | None:
    """Show why ``location`` cannot be opened with the offers that fit. Returns the offer taken
    ("restore_backup" — already restored, open again; "open_read_only"; "retry") or None.

    ``choose_other`` (program start, where no other ledger is open yet) adds 选择其他台账文件…
    ("choose_file"), and returns "choose_file" without asking when nothing else fits."""
    url = resolve_url(location)
    path = Path(url.database) if is_sqlite(url) else None
    offers = [o for o in open_offers(exc, path) if choose_other or o.kind != "choose_file"]
    if choose_other and all(o.kind == "choose_file" for o in offers):
        return "choose_file"
    title = QCoreApplication.translate("Backups", "Cannot open the ledger")
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = {box.addButton(_offer_label(o), QMessageBox.ButtonRole.AcceptRole): o for o in offers}
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    offer = buttons.get(box.clickedButton())
    if offer is None:
        return None
    if offer.kind == "restore_backup":
        backup.restore_ledger(path, offer.backup.path)
    return offer.kind


def _offer_label(offer) -> str:
    if offer.kind == "restore_backup":
        text = QCoreApplication.translate("Backups", "Restore the backup of %1")
        return text.replace("%1", offer.backup.taken_at.strftime("%Y-%m-%d %H:%M"))
    if offer.kind == "open_read_only":
        return QCoreApplication.translate("Backups", "Open read-only")
    if offer.kind == "choose_file":
        return QCoreApplication.translate("Backups", "Choose another ledger…")
    return QCoreApplication.translate("Backups", "Retry")
