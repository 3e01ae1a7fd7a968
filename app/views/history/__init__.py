"""Placement › History: the record of who changed what, and when."""
