"""Direct observations as PEs write them: the report's sections (the student's half, the
observer's assessment, the service user's feedback), the PCF points, the midpoint mark and
both signatures. Existing observations have none of it yet.

Revision ID: 0008_observation_report
Revises: 0007_placement_profile
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_observation_report"
down_revision = "0007_placement_profile"
branch_labels = None
depends_on = None

TEXTS = (
    "background", "planning", "consent", "knowledge_theory", "power_values", "what_happened",
    "reflection", "feedback_reflection", "service_user_reflection", "assessment",
    "service_user_feedback", "feedback_gathered",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        for name in TEXTS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch.add_column(sa.Column("pcf_points", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("before_midpoint", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("student_signed", sa.Date(), nullable=True))
        batch.add_column(sa.Column("observer_signed", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        for name in (*TEXTS, "pcf_points", "before_midpoint", "student_signed", "observer_signed"):
            batch.drop_column(name)
