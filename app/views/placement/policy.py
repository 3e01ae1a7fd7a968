"""Edit › Policy profile…: the local authority's profile (its name, numbers and the rules it
switches off), for every placement or for the one on screen; importing, exporting and the
ready-made profiles. And Help › Policy sources."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.interchange.profile_file import (
    ProfileFileError,
    profile_from_state,
    profile_json,
    profile_state,
    read_profile,
)
from app.paths import RESOURCES
from app.policy.engine import rules
from app.policy.profile import DEFAULT_PROFILE, DEFAULTS, PARAMETER_HELP, PolicyProfile
from app.policy.sources import SOURCES, cited
from app.views.theme import tone

log = logging.getLogger(__name__)
SETTINGS_KEY = "policy/profile"
OLD_SETTINGS_KEY = "policy/overrides"  # before profiles had names: the numbers only
READY_MADE = RESOURCES / "profiles"


def load_profile(settings: QSettings) -> PolicyProfile:
    """The profile saved in settings; anything unreadable falls back to the defaults (logged)."""
    raw = settings.value(SETTINGS_KEY)
    try:
        if raw is not None:
            return profile_from_state(json.loads(str(raw)))
        return DEFAULT_PROFILE.with_overrides(
            json.loads(str(settings.value(OLD_SETTINGS_KEY, "{}")))
        )
    except (ValueError, TypeError, ProfileFileError) as exc:
        log.warning("ignoring saved policy settings %r: %s", raw, exc)
        return DEFAULT_PROFILE


def save_profile(settings: QSettings, profile: PolicyProfile) -> None:
    settings.setValue(SETTINGS_KEY, json.dumps(profile_state(profile), sort_keys=True))
    settings.remove(OLD_SETTINGS_KEY)
    settings.sync()


def ready_made() -> dict[str, Path]:
    """The profiles shipped with the app, by name (resources/profiles/)."""
    found = {}
    for path in sorted(READY_MADE.glob("*.json")):
        try:
            found[read_profile(path).authority] = path
        except ProfileFileError as exc:  # a damaged install: the others still work
            log.warning("ready-made profile %s: %s", path, exc)
    return found


@dataclass(frozen=True, slots=True)
class Scope:
    """Whom the dialog's profile is for: every placement (the app's), or the one on screen."""

    app: PolicyProfile
    placement: str | None = None  # the placement on screen, by name ("Robin Ashdown's placement")
    own: PolicyProfile | None = None  # that placement's own profile, if it has one


class PolicyDialog(QDialog):
    """The profile in force: name and description, each number with its default, each rule
    on or off with its source. Changing a number or a rule of an authority's profile makes
    it "<name> (changed here)"."""

    def __init__(self, profile: PolicyProfile | Scope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = profile if isinstance(profile, Scope) else Scope(profile)
        self.setWindowTitle("Policy profile")
        self.resize(720, 660)
        layout = QVBoxLayout(self)
        self.name = QLabel()
        self.name.setObjectName("pageTitle")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("pageSubtitle")
        layout.addWidget(self.name)
        layout.addWidget(self.description)

        self.for_whom = QComboBox()
        self.for_whom.setAccessibleName("Use this profile for")
        self.for_whom.addItem("Every placement (the app's profile)", "app")
        if self.scope.placement is not None:
            self.for_whom.addItem(f"{self.scope.placement} only", "placement")
        start = self.scope.own if self.scope.own is not None else self.scope.app
        if self.scope.own is not None:
            self.for_whom.setCurrentIndex(1)
        row = QHBoxLayout()
        tag = QLabel("&Use for")
        tag.setBuddy(self.for_whom)
        row.addWidget(tag)
        row.addWidget(self.for_whom, 1)
        self.ready_button = QPushButton("Ready-made")
        menu = QMenu(self.ready_button)
        menu.addAction("The documents' own (default)", lambda: self.load(DEFAULT_PROFILE))
        for name, path in ready_made().items():
            menu.addAction(name, lambda p=path: self.load(read_profile(p)))
        self.ready_button.setMenu(menu)
        self.import_button = QPushButton("Import profile…")
        self.export_button = QPushButton("Export profile…")
        self.import_button.clicked.connect(self.import_profile)
        self.export_button.clicked.connect(self.export_profile)
        for b in (self.ready_button, self.import_button, self.export_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.dropped = False  # the placement goes back to the app's profile
        self.back_button = QPushButton("Use the app's profile again")
        self.back_button.setToolTip("This placement stops using a profile of its own")
        self.back_button.clicked.connect(self._back_to_the_apps)

        self.tabs = tabs = QTabWidget()
        tabs.setAccessibleName("The profile's numbers and rules")
        numbers = QWidget()
        form = QFormLayout(numbers)
        self.boxes: dict[str, QSpinBox] = {}
        for name in DEFAULTS:
            box = QSpinBox()
            box.setRange(0, 400)
            box.setSuffix(f"   (default {DEFAULTS[name]})")
            box.setToolTip(name)
            box.valueChanged.connect(lambda _v: self._show_name())
            self.boxes[name] = box
            form.addRow(PARAMETER_HELP[name], box)
        scroll = QScrollArea()
        scroll.setAccessibleName("Policy numbers")
        scroll.setWidgetResizable(True)
        scroll.setWidget(numbers)
        tabs.addTab(scroll, "&Numbers")
        self.rule_list = QTreeWidget()
        self.rule_list.setAccessibleName("Rules, on or off")
        self.rule_list.setColumnCount(3)
        self.rule_list.setHeaderLabels(("On", "What it checks", "From"))
        self.rule_list.setRootIsDecorated(False)
        self.rule_list.setWordWrap(True)
        self.rule_list.setAlternatingRowColors(True)
        self.rule_items: dict[str, QTreeWidgetItem] = {}
        for rule in rules():
            item = QTreeWidgetItem(["", rule.summary, cited(rule.source)])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setToolTip(1, f"{rule.id}: {rule.summary}")
            item.setToolTip(2, cited(rule.source))
            self.rule_list.addTopLevelItem(item)
            self.rule_items[rule.id] = item
        header = self.rule_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.rule_list.setColumnWidth(2, 230)
        self.rule_list.itemChanged.connect(lambda _i, _c: self._show_name())
        tabs.addTab(self.rule_list, "&Rules")
        layout.addWidget(tabs, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout.addWidget(buttons)
        self.for_whom.currentIndexChanged.connect(self._scope_changed)
        self.load(start)
        self.back_button.setVisible(self.scope.own is not None)

    # ------------------------------------------------------------------ the profile shown

    def load(self, profile: PolicyProfile) -> None:
        """Show ``profile`` as issued: its numbers and rules, nothing changed here yet."""
        self.base = profile
        self._filling = True
        for name, box in self.boxes.items():
            box.setValue(getattr(profile, name))
        for rule, item in self.rule_items.items():
            item.setCheckState(
                0, Qt.CheckState.Unchecked if rule in profile.rules_off else Qt.CheckState.Checked
            )
        self._filling = False
        self._show_name()

    def restore_defaults(self) -> None:
        """The documents' own numbers, every rule on (the default profile)."""
        self.load(DEFAULT_PROFILE)

    def profile(self) -> PolicyProfile:
        """The profile as the dialog now shows it."""
        off = frozenset(
            rule
            for rule, item in self.rule_items.items()
            if item.checkState(0) != Qt.CheckState.Checked
        )
        return self.base.edited({n: b.value() for n, b in self.boxes.items()}, off)

    def for_placement(self) -> bool:
        """Saved for the placement on screen only (not for every placement)."""
        return self.for_whom.currentData() == "placement"

    def _show_name(self) -> None:
        if getattr(self, "_filling", False):
            return
        shown = self.profile()
        off = len(shown.rules_off)
        self.name.setText(f"Policy profile: {shown.name}")
        about = shown.description or (
            "The numbers and rules of the local documents."
            if not shown.authority
            else "A local authority's profile."
        )
        self.description.setText(
            f"{about} {off} of {len(self.rule_items)} rules switched off. Every printed "
            "record names the profile in force."
        )

    def _scope_changed(self) -> None:
        if self.for_placement():
            self.load(self.scope.own or self.scope.app)
        else:
            self.load(self.scope.app)
        self.back_button.setVisible(self.for_placement() and self.scope.own is not None)

    def _back_to_the_apps(self) -> None:
        self.dropped = True
        self.accept()

    # ------------------------------------------------------------------ files

    def import_profile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a policy profile", str(Path.home()), "Policy profile (*.json)"
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        try:
            self.load(read_profile(path))
        except ProfileFileError as exc:
            QMessageBox.warning(
                self,
                "Profile not imported",
                f"{path.name} is not a policy profile the app can use ({exc}). Nothing was "
                "changed; ask whoever sent it for a placement-tracker-profile/1 file.",
            )
            return False
        return True

    def export_profile(self) -> None:
        shown = self.profile()
        name = (shown.authority or "policy-profile").lower().replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the policy profile",
            str(Path.home() / f"{name}.json"),
            "Policy profile (*.json)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        from app.services.placement_files import ExportProblem, write_atomically

        try:
            write_atomically(path, profile_json(self.profile()))
        except ExportProblem as exc:
            QMessageBox.warning(self, "Profile not exported", str(exc))
            return False
        return True


class PolicySourcesDialog(QDialog):
    """Help › Policy sources: every document the rules come from, each rule under the
    profile in force (those switched off greyed), and what the profile changes."""

    def __init__(self, profile: PolicyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Policy sources")
        self.resize(720, 560)
        muted = tone("muted")
        rows = "".join(
            f"<tr><td><b>{escape(s.short)}</b></td><td>{escape(s.full)}<br/>"
            f"<span style='color:{muted}'>{escape(s.issuer)}</span></td></tr>"
            for s in SOURCES
        )
        rule_rows = "".join(
            (
                f"<tr style='color:{muted}'><td><s>{escape(r.id)}</s></td>"
                f"<td>{escape(r.summary)} <i>(switched off)</i></td>"
                f"<td>{escape(cited(r.source))}</td></tr>"
                if r.id in profile.rules_off
                else f"<tr><td>{escape(r.id)}</td><td>{escape(r.summary)}</td>"
                f"<td>{escape(cited(r.source))}</td></tr>"
            )
            for r in rules()
        )
        changes = "".join(f"<li>{escape(line)}</li>" for line in profile.changes())
        self.text = QTextBrowser()
        self.text.setAccessibleName("Policy sources and the profile in force")
        self.text.setHtml(
            "<p>Each finding names the document and clause it comes from, by the short title "
            "on the left.</p>"
            f"<table cellspacing='0' cellpadding='6'>{rows}</table>"
            f"<h3>{escape(profile.describe())}</h3>"
            + (
                f"<ul>{changes}</ul><p>Change them under Edit › Policy profile….</p>"
                if changes
                else "<p>Every limit is the documents' own and every rule is on "
                "(Edit › Policy profile… to change them).</p>"
            )
            + f"<h3>The rules</h3><table cellspacing='0' cellpadding='3'>{rule_rows}</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
