"""The stored truth: SQLAlchemy 2.0 typed ORM for every record of a placement.

Every key of the placement file (``docs/interchange-format.md``) has a column here; lists
keep their order through a ``position`` column. A case's and an event's columns are made
from their plain records (``app.models.facts``), which define those facts once. Several placements live in one database.
"""

import datetime as dt
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.models.facts import add_columns
from app.policy.snapshot import Case, Event

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PlacementRecord(Base):
    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    student: Mapped[str] = mapped_column(String(200))
    programme: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    setting: Mapped[str] = mapped_column(String(20))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    working_days: Mapped[str] = mapped_column(String(40), default="mon,tue,wed,thu,fri")
    induction_days: Mapped[int] = mapped_column(Integer, default=10)
    required_days: Mapped[int] = mapped_column(Integer)
    host_team_average_caseload: Mapped[float | None] = mapped_column(Float)
    archived: Mapped[dt.date | None] = mapped_column(Date)
    close_reason: Mapped[str | None] = mapped_column(Text)
    # Overrides of policy parameters for this placement (name -> integer).
    policy: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    # The placement's own policy profile (placement-tracker-profile/1's object); None: the app's.
    profile: Mapped[dict[str, object] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    people: Mapped[list["PersonRole"]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PersonRole.position"
    )
    agreements: Mapped[list["AgreementRecord"]] = relationship(cascade="all, delete-orphan")
    induction_items: Mapped[list["InductionItem"]] = relationship(
        cascade="all, delete-orphan", order_by="InductionItem.position"
    )
    absences: Mapped[list["AbsenceRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="AbsenceRecord.position"
    )
    cases: Mapped[list["CaseRecord"]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="CaseRecord.position"
    )
    events: Mapped[list["EventRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="EventRecord.position"
    )
    supervisions: Mapped[list["SupervisionRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="SupervisionRecord.position"
    )
    pcf_reviews: Mapped[list["PcfReviewRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="PcfReviewRecord.position"
    )
    learning: Mapped[list["LearningRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="LearningRecord.position"
    )
    transitions: Mapped[list["TransitionRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="TransitionRecord.position"
    )

    def person(self, role: str) -> "PersonRole | None":
        return next((p for p in self.people if p.role == role), None)


class AgreementRecord(Base):
    """The content of the placement and supervision agreements (one of each per placement)."""

    __tablename__ = "agreement"
    __table_args__ = (UniqueConstraint("placement_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # placement | supervision
    learning_needs: Mapped[str | None] = mapped_column(Text)
    after_hours_contact: Mapped[str | None] = mapped_column(Text)
    weekday: Mapped[str | None] = mapped_column(String(3))
    every_days: Mapped[int | None] = mapped_column(Integer)
    time: Mapped[str | None] = mapped_column(String(20))
    three_way: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class PersonRole(Base):
    """Someone around the placement: educator, on-site supervisor, team manager, link worker."""

    __tablename__ = "person_role"
    __table_args__ = (UniqueConstraint("placement_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(
        String(30)
    )  # educator | onsite_supervisor | team_manager | link_worker
    name: Mapped[str] = mapped_column(String(200))
    # Only meaningful for the educator: on-site (true) or off-site (three-way supervision).
    onsite: Mapped[bool | None] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer, default=0)

    placement: Mapped["PlacementRecord"] = relationship(back_populates="people")


class InductionItem(Base):
    __tablename__ = "induction_item"
    __table_args__ = (UniqueConstraint("placement_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(80))
    done: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AbsenceRecord(Base):
    __tablename__ = "absence"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    who: Mapped[str] = mapped_column(String(30))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    cover: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class CaseRecord(Base):
    """One child the student works with. Reference and initials only: no names (privacy).

    Its facts are columns made from ``app.policy.snapshot.Case`` (``add_columns`` below):
    a new fact of a case is added there, once."""

    __tablename__ = "case"
    __table_args__ = (UniqueConstraint("placement_id", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    ref: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, default=0)

    placement: Mapped["PlacementRecord"] = relationship(back_populates="cases")
    manager_override: Mapped["ManagerOverrideRecord | None"] = relationship(
        cascade="all, delete-orphan", uselist=False
    )


# The override has a table of its own (ManagerOverrideRecord).
CASE_SKIP = frozenset({"manager_override"})
add_columns(CaseRecord, Case, CASE_SKIP)


class ManagerOverrideRecord(Base):
    """A team manager's decision to allow an allocation the rules flag (002 §3)."""

    __tablename__ = "manager_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), unique=True)
    by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    review_by: Mapped[dt.date] = mapped_column(Date)
    reviewed: Mapped[dt.date | None] = mapped_column(Date)


class EventRecord(Base):
    """A visit, observation, meeting, report, decision or oversight; kind-specific columns,
    made from ``app.policy.snapshot.Event``'s fields."""

    __tablename__ = "event"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped["CaseRecord | None"] = relationship()


# The event's id is the column "key", its case a link to the case's row.
EVENT_SKIP = frozenset({"id", "kind", "date", "case"})
add_columns(EventRecord, Event, EVENT_SKIP)


class SupervisionRecord(Base):
    __tablename__ = "supervision"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    date: Mapped[dt.date] = mapped_column(Date)
    format: Mapped[str] = mapped_column(String(20))
    caseload_discussed: Mapped[bool] = mapped_column(Boolean)
    decisions_recorded: Mapped[bool] = mapped_column(Boolean)
    wellbeing: Mapped[str | None] = mapped_column(Text)
    learning: Mapped[str | None] = mapped_column(Text)
    signed_by_educator: Mapped[dt.date | None] = mapped_column(Date)
    signed_by_student: Mapped[dt.date | None] = mapped_column(Date)
    next: Mapped[dt.date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)

    attendees: Mapped[list["SupervisionAttendee"]] = relationship(
        cascade="all, delete-orphan", order_by="SupervisionAttendee.position"
    )
    cases_discussed: Mapped[list["CaseDiscussed"]] = relationship(
        cascade="all, delete-orphan", order_by="CaseDiscussed.position"
    )
    case_direction: Mapped[list["CaseDirectionRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="CaseDirectionRecord.position"
    )
    addenda: Mapped[list["AddendumRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="AddendumRecord.position"
    )


class SupervisionAttendee(Base):
    __tablename__ = "supervision_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class CaseDiscussed(Base):
    __tablename__ = "case_discussed"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped["CaseRecord"] = relationship()


class CaseDirectionRecord(Base):
    """What the educator directed for one child in one supervision (000 §8, §15)."""

    __tablename__ = "case_direction"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    discussion: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped["CaseRecord"] = relationship()
    actions: Mapped[list["ActionRecord"]] = relationship(
        cascade="all, delete-orphan", order_by="ActionRecord.position"
    )


class ActionRecord(Base):
    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_direction_id: Mapped[int] = mapped_column(
        ForeignKey("case_direction.id", ondelete="CASCADE")
    )
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[dt.date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AddendumRecord(Base):
    """A dated correction to a signed supervision record; the original is never changed."""

    __tablename__ = "addendum"

    id: Mapped[int] = mapped_column(primary_key=True)
    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervision.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PcfReviewRecord(Base):
    __tablename__ = "pcf_review"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    date: Mapped[dt.date] = mapped_column(Date)
    stage: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    development_needs: Mapped[str | None] = mapped_column(Text)  # a final review: into the ASYE
    position: Mapped[int] = mapped_column(Integer, default=0)

    ratings: Mapped[list["PcfRating"]] = relationship(
        cascade="all, delete-orphan", order_by="PcfRating.position"
    )
    evidence: Mapped[list["PcfEvidenceLink"]] = relationship(
        cascade="all, delete-orphan", order_by="PcfEvidenceLink.position"
    )


class PcfRating(Base):
    __tablename__ = "pcf_rating"
    __table_args__ = (UniqueConstraint("review_id", "domain"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("pcf_review.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(String(40))
    rating: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)


class PcfEvidenceLink(Base):
    """A link from a PCF domain to the evidence: ``event:<id>``, ``supervision:<id>``, ``case:<ref>``."""

    __tablename__ = "pcf_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("pcf_review.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)


class LearningRecord(Base):
    __tablename__ = "learning_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(80))
    evidenced: Mapped[dt.date] = mapped_column(Date)
    evidence: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class TransitionRecord(Base):
    __tablename__ = "transition"
    __table_args__ = (UniqueConstraint("placement_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped["CaseRecord"] = relationship()
    items: Mapped[list["TransitionItem"]] = relationship(
        cascade="all, delete-orphan", order_by="TransitionItem.position"
    )


class TransitionItem(Base):
    __tablename__ = "transition_item"
    __table_args__ = (UniqueConstraint("transition_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transition_id: Mapped[int] = mapped_column(ForeignKey("transition.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(80))
    done: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class DraftRecord(Base):
    """Unsaved form content, saved as the PE types and offered back after a crash."""

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("placement_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(
        String(120)
    )  # e.g. "supervision:new" or "supervision:s-3f9a1c2e"
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    content: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class AuditEntry(Base):
    """Who changed what, when: every user action leaves a line (kept when a placement goes)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    placement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    # the computer account the change was made under (None: made before it was recorded)
    account: Mapped[str | None] = mapped_column(String(120))


# A history line is written once and never changed or removed: the file itself refuses,
# whatever program opens it (Placement › History; migration 0006 adds the same).
KEEP_HISTORY = tuple(
    f"CREATE TRIGGER audit_log_kept_{verb} BEFORE {verb.upper()} ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, 'A history line cannot be changed or removed.'); END"
    for verb in ("update", "delete")
)


@event.listens_for(AuditEntry.__table__, "after_create")
def _keep_history(target: object, connection: object, **_kw: object) -> None:
    for statement in KEEP_HISTORY:
        connection.exec_driver_sql(statement)  # type: ignore[attr-defined]
