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
    Scope,
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

    def policy_dialog(self) -> PolicyDialog:
        """Edit › Policy profile…, on the app's profile and the placement on screen's own."""
        ws, pid = self.w.workspace, self.w.placement_id
        own, name = None, None
        if pid is not None:
            snap = ws.placements.snapshot(pid)
            own, name = snap.profile, f"{snap.placement.student}'s placement"
        return PolicyDialog(Scope(ws.profile, name, own), self.w)

    def edit_policy(self) -> None:
        dialog = self.policy_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.dropped:
            self.apply_own_profile(None)
        elif dialog.for_placement():
            self.apply_own_profile(dialog.profile())
        else:
            self.apply_profile(dialog.profile())

    def apply_profile(self, profile: PolicyProfile) -> None:
        """Use ``profile`` from now on for every placement without one of its own, remember
        it, and re-check the placement on screen."""
        save_profile(self.w.settings, profile)
        self.w.workspace.profile = profile
        self.w.reload()
        self.w.statusBar().showMessage(profile.describe(), 8000)

    def apply_own_profile(self, profile: PolicyProfile | None) -> None:
        """The placement on screen is checked under ``profile`` whatever the app's is, or
        (None) under the app's again; Edit › Undo puts the previous one back."""
        pid = self.w.placement_id
        if pid is None:
            return
        placements = self.w.workspace.placements
        before = placements.snapshot(pid).profile
        self.w.changes.run(
            lambda: placements.set_profile(pid, profile),
            f"This placement now uses the profile {profile.name}"
            if profile is not None
            else "This placement now uses the app's profile",
            undo=lambda: placements.set_profile(pid, before),
        )

    def show_sources(self) -> PolicySourcesDialog:
        pid = self.w.placement_id
        ws = self.w.workspace
        profile = ws.profile
        if pid is not None:
            profile = ws.placements.profile_for(ws.placements.snapshot(pid))
        dialog = PolicySourcesDialog(profile, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
