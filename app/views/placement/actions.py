"""The placement's details and the policy settings it is checked against."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.policy.profile import PolicyProfile
from app.services.placements import InvalidInput
from app.views.board import Board
from app.views.placement.page import PlacementPage
from app.views.placement.policy import (
    PolicyDialog,
    PolicySourcesDialog,
    save_profile,
)
from app.views.placement.wizard import PlacementWizard

log = logging.getLogger(__name__)


class PlacementActions:
    """The placement's details and the policy settings it is checked against."""

    def __init__(self, board: Board) -> None:
        self.w = board
        self.page = PlacementPage()
        self.page.edit_requested.connect(self.edit_placement)

    def new_placement(self) -> None:
        wizard = PlacementWizard(self.w.workspace.as_of, self.w.workspace.profile, parent=self.w)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.w.placement_id = self.w.workspace.placements.create(wizard.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self.w, "Placement not saved", str(exc))
            return
        self.w.reload()
        self.w.show_page(0)

    def edit_placement(self) -> None:
        if self.w.placement_id is None:
            return
        current = self.w.workspace.placements.snapshot(self.w.placement_id).placement
        wizard = PlacementWizard(self.w.workspace.as_of, self.w.workspace.profile, current, self.w)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.w.workspace.placements.update(self.w.placement_id, wizard.placement())
        except InvalidInput as exc:
            QMessageBox.warning(self.w, "Placement not saved", str(exc))
            return
        self.w.reload()

    def edit_policy(self) -> None:
        dialog = PolicyDialog(self.w.workspace.profile, self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_profile(dialog.profile())

    def apply_profile(self, profile: PolicyProfile) -> None:
        """Use ``profile`` from now on, remember it, and re-check the placement on screen."""
        save_profile(self.w.settings, profile)
        self.w.workspace.profile = profile
        self.w.reload()
        self.w.statusBar().showMessage(profile.describe(), 8000)

    def show_sources(self) -> PolicySourcesDialog:
        dialog = PolicySourcesDialog(self.w.workspace.profile, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
