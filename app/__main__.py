"""``python -m app`` starts Placement Tracker."""

from app.cli import main

raise SystemExit(main())
