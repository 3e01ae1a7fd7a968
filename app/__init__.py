"""Placement Tracker: keep a social work student placement safe, lawful and evidenced."""

__version__ = "0.1.0"
