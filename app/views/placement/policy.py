"""Settings › Policy: the local authority's numbers (the documents' own by default), and
Help › Policy sources."""

from __future__ import annotations

import json
import logging
from html import escape

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.policy.profile import (
    DEFAULT_PROFILE,
    DEFAULTS,
    PARAMETER_HELP,
    PolicyProfile,
    ProfileError,
)
from app.policy.sources import SOURCES
from app.views.theme import tone

log = logging.getLogger(__name__)
SETTINGS_KEY = "policy/overrides"


def load_profile(settings: QSettings) -> PolicyProfile:
    """The profile saved in settings; anything unreadable falls back to the defaults (logged)."""
    raw = settings.value(SETTINGS_KEY, "{}")
    try:
        return DEFAULT_PROFILE.with_overrides(json.loads(str(raw)))
    except (ValueError, TypeError, ProfileError) as exc:
        log.warning("ignoring saved policy settings %r: %s", raw, exc)
        return DEFAULT_PROFILE


def save_profile(settings: QSettings, profile: PolicyProfile) -> None:
    settings.setValue(SETTINGS_KEY, json.dumps(profile.differences(), sort_keys=True))
    settings.sync()


class PolicyDialog(QDialog):
    """One spin box per parameter; "Restore defaults" puts every number back."""

    def __init__(self, profile: PolicyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Policy settings")
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The limits the rules check. Defaults follow the local guidance; change them only "
            "where your authority's policy differs. Every printed record shows the profile in force. "
            "A placement imported with its own policy keeps those values."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget()
        form = QFormLayout(body)
        self.boxes: dict[str, QSpinBox] = {}
        for name, value in profile.as_dict().items():
            box = QSpinBox()
            box.setRange(0, 400)
            box.setValue(value)
            box.setToolTip(f"{name} (default {DEFAULTS[name]})")
            self.boxes[name] = box
            form.addRow(PARAMETER_HELP[name], box)
        scroll = QScrollArea()
        scroll.setAccessibleName("Policy settings")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        for name, box in self.boxes.items():
            box.setValue(DEFAULTS[name])

    def profile(self) -> PolicyProfile:
        return DEFAULT_PROFILE.with_overrides(
            {name: box.value() for name, box in self.boxes.items()}
        )


class PolicySourcesDialog(QDialog):
    """Help › Policy sources: every document the rules come from, and the profile in force."""

    def __init__(self, profile: PolicyProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Policy sources")
        self.resize(640, 480)
        rows = "".join(
            f"<tr><td><b>{escape(s.short)}</b></td><td>{escape(s.full)}<br/>"
            f"<span style='color:{tone('muted')}'>{escape(s.issuer)}</span></td></tr>"
            for s in SOURCES
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
                f"<ul>{changes}</ul><p>Change them under Edit › Policy settings.</p>"
                if changes
                else "<p>Every limit is the documents' own (Edit › Policy settings to change one).</p>"
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
