"""The app looks like a desktop app: its icon at every size, a valid desktop entry and
AppStream metadata (what a software centre or a desktop menu reads)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from app.paths import ICON_SIZES, RESOURCES

ROOT = Path(__file__).resolve().parents[1]
ICONS = RESOURCES / "icons"


def tool(name: str) -> str:
    """A system validator; CI installs them (.ci/run), a developer's machine may not."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: .ci/run installs it")
        pytest.skip(f"{name} is not installed here")
    return found


def test_every_icon_size_is_made_from_the_svg(qtbot) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tools"))
    from make_icons import render

    for size in ICON_SIZES:
        made = QImage(str(ICONS / f"placement-tracker-{size}.png"))
        assert (made.width(), made.height()) == (size, size)
        fresh = QImage.fromData(render(size))
        # Qt releases round a few edge pixels differently (by one step of 255); an icon made
        # from an older drawing differs by far more than that.
        shipped, drawn = (
            bytes(image.convertToFormat(QImage.Format.Format_ARGB32).constBits())
            for image in (made, fresh)
        )
        assert len(shipped) == len(drawn)
        assert max(abs(a - b) for a, b in zip(shipped, drawn, strict=True)) <= 2, (
            f"{size} px is out of date: run tools/make_icons.py"
        )
    corner, middle = made.pixelColor(0, 0), made.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0 and middle.alpha() == 255  # rounded, on a clear background


def test_windows_and_macos_icons_hold_the_sizes_they_need() -> None:
    with Image.open(ICONS / "placement-tracker.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "placement-tracker.icns") as icns:
        assert icns.size == (512, 512) or max(icns.info.get("sizes", [(0, 0, 1)]))[0] >= 256


def test_the_window_carries_the_icon(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.views.start import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)


def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(ROOT / "packaging" / "placement-tracker.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_appstream_metadata_is_valid() -> None:
    result = subprocess.run(
        [
            tool("appstreamcli"),
            "validate",
            "--no-net",
            str(ROOT / "packaging" / "placement-tracker.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "placement-tracker.desktop"
        in (ROOT / "packaging" / "placement-tracker.metainfo.xml").read_text()
    )
