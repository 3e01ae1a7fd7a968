"""Make the app's icons from resources/icons/placement-tracker.svg (run after editing it).

PNGs at every size desktops ask for (16 to 512), a Windows .ico and a macOS .icns, all
drawn by Qt's SVG renderer so they match; Pillow packs the .ico and .icns.
Usage: .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.paths import ICON_SIZES as SIZES  # noqa: E402 - the sizes the app loads
from app.paths import RESOURCES  # noqa: E402

FOLDER = RESOURCES / "icons"
SOURCE = FOLDER / "placement-tracker.svg"


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt's painting needs an application
    pngs = {size: render(size) for size in SIZES}
    for size, data in pngs.items():
        (FOLDER / f"placement-tracker-{size}.png").write_bytes(data)
    largest = Image.open(io.BytesIO(pngs[512]))
    largest.save(
        FOLDER / "placement-tracker.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    largest.save(FOLDER / "placement-tracker.icns")
    print(f"Made {len(SIZES)} PNGs, an .ico and an .icns in {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
