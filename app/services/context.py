"""What every service works under, reached one way: a workspace's services share one context.

Today that is the app's policy profile (Settings › Policy profile); a placement's own
overrides go on top of it where the rules are run (``checking.profile_for``). The as-of
date is an argument of each call: it is the screen's, not the service's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.db import Database
from app.policy.profile import DEFAULT_PROFILE, PolicyProfile
from app.services.privacy import PrivacySettings


@dataclass(slots=True)
class Context:
    profile: PolicyProfile = DEFAULT_PROFILE
    privacy: PrivacySettings = field(default_factory=PrivacySettings)  # Preferences › Privacy


class Service:
    """A use case over one database, under the shared context."""

    def __init__(self, db: Database, context: Context | PolicyProfile | None = None) -> None:
        self.db = db
        if isinstance(context, Context):
            self.context = context
        else:
            self.context = Context(context or DEFAULT_PROFILE)

    @property
    def profile(self) -> PolicyProfile:
        return self.context.profile
