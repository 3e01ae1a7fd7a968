"""The privacy guard's area: its preferences, and the check before a record leaves the app."""
