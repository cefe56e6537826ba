"""佐证材料 panel: the files attached to one record (a task, a progress report, a finding, an
accountability record), with thumbnails of images; 添加佐证材料… or drag and drop to attach,
double-click (or 打开) to open a temporary copy with the system's viewer, 另存为…, 撤回… with a
reason. Used by the task editor, the inspections page and the accountability page."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuyang_tasks.domain.file_types import LIMITS_TEXT
from wuyang_tasks.services import attachments as att

from ...access import Need
from ...changes import Change, ChangeKind
from ...context import UiContext

THUMB = 96
_OPEN_DIR = tempfile.mkdtemp(prefix="wuyang-evidence-")  # copies handed to the viewer


class _DropList(QListWidget):
    """The list accepts local files dropped on it."""

    files_dropped = Signal(list)

    def __init__(self):
        super().__init__()
        self.setDragDropMode(QListWidget.DragDropMode.DropOnly)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 60, THUMB + 44))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setWordWrap(True)
        self.setMinimumHeight(THUMB + 56)

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class EvidencePanel(QWidget):
    """``whole_file``: list everything in the task's file (reports, finding, records too), while
    new files still go to ``target``."""

    changed = Signal()

    def __init__(self, ctx: UiContext, target: att.Target | None = None, *, whole_file: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.target = target
        self.whole_file = whole_file
        self.views: list[att.AttachmentView] = []
        self.list = _DropList()
        self.list.files_dropped.connect(self.attach_paths)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        guard = ctx.role_guard
        self.add_button = guard.restrict(QPushButton(self.tr("Add evidence…")), Need.EDIT)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_selected)
        self.withdraw_button = guard.restrict(QPushButton(self.tr("Withdraw…")), Need.EDIT)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.hint = QLabel(self.tr("Drop files here or use “Add evidence…”. %1.").replace("%1", LIMITS_TEXT))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.save_button, self.withdraw_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.reload()

    # -- contents -----------------------------------------------------------------------------
    def set_target(self, target: att.Target | None) -> None:
        self.target = target
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.views = []
        if self.target is not None:
            with self.ctx.ledger.read() as s:
                if self.whole_file and self.target.task_id is not None:
                    self.views = att.attachments_of_task(s, self.target.task_id)
                else:
                    self.views = att.attachments_of(s, self.target)
                thumbs = {v.id: att.content_bytes(s, v.id, preview=True)
                          for v in self.views if v.is_image and v.active}
            for v in self.views:
                self.list.addItem(self._item(v, thumbs.get(v.id)))
        self._enable()

    def _item(self, v: att.AttachmentView, image: bytes | None) -> QListWidgetItem:
        icon = QIcon()
        if image is not None:
            picture = QImage.fromData(image)
            if not picture.isNull():
                icon = QIcon(QPixmap.fromImage(picture.scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation)))
        if icon.isNull():
            icon = self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon)
        text = v.name if v.active else self.tr("%1 (withdrawn)").replace("%1", v.name)
        item = QListWidgetItem(icon, text)
        tip = [v.name, f"{v.label}，{v.size_text}", v.where,
               self.tr("Added %1 by %2").replace("%1", v.attached_at[:16].replace("T", " "))
               .replace("%2", v.attached_by), f"SHA-256 {v.sha256}"]
        if not v.active:
            tip.append(self.tr("Withdrawn: %1").replace("%1", v.withdrawn_reason or ""))
            item.setForeground(QColor("#999"))
        item.setToolTip("\n".join(tip))
        return item

    def selected(self) -> att.AttachmentView | None:
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def _enable(self) -> None:
        v = self.selected()
        self.add_button.setEnabled(self.target is not None)
        self.open_button.setEnabled(v is not None)
        self.save_button.setEnabled(v is not None)
        self.withdraw_button.setEnabled(v is not None and v.active)

    # -- actions ------------------------------------------------------------------------------
    def choose_files(self) -> bool:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), "",
            self.tr("Evidence (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.docx *.xlsx);;All files (*)"))
        return self.attach_paths(paths) if paths else False

    def attach_paths(self, paths: list[str]) -> bool:
        if self.target is None or not self.add_button.isEnabled():  # a drop goes where the button may
            return False
        target = self.target
        files = [att.IncomingFile.from_path(p) for p in paths]
        ok, _ = self.ctx.perform(lambda s: att.attach(s, target, files), changed=Change(ChangeKind.ATTACHMENT),
                                 parent=self)
        if ok:
            self.reload()
            self.changed.emit()
            self.ctx.status_message.emit(self.tr("%n file(s) attached", "", len(files)))
        return ok

    def open_selected(self) -> Path | None:
        """Open a temporary copy (the stored file itself is never handed out to be changed)."""
        v = self.selected()
        if v is None:
            return None
        folder = Path(tempfile.mkdtemp(dir=_OPEN_DIR))
        try:
            with self.ctx.ledger.read() as s:
                path = att.save_to(s, v.id, folder / v.name)
        except Exception as exc:  # noqa: BLE001 — shown as a dialog, never a traceback
            self.ctx.show_error(exc, self)
            return None
        path.chmod(0o444)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_selected(self) -> Path | None:
        v = self.selected()
        if v is None:
            return None
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save evidence as"), v.name)
        if not target:
            return None
        try:
            with self.ctx.ledger.read() as s:
                return att.save_to(s, v.id, target)
        except Exception as exc:  # noqa: BLE001
            self.ctx.show_error(exc, self)
            return None

    def withdraw_selected(self) -> bool:
        v = self.selected()
        if v is None or not v.active:
            return False
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Withdraw evidence"),
            self.tr("Reason for withdrawing “%1” (required; the file stays in the ledger):")
            .replace("%1", v.name))
        if not ok:
            return False
        done, _ = self.ctx.perform(lambda s: att.withdraw(s, v.id, reason), changed=Change(ChangeKind.ATTACHMENT),
                                   parent=self)
        if done:
            self.reload()
            self.changed.emit()
        return done
