"""Statutory work, briefings, risks and transfers: the new facts of a case and two events.

A case gains its briefing date, whether the previous worker was consulted, the risk to the
worker and its safety plan, the keyworker, a step-up (date and the type before), the
child's plan's visiting frequency, what the case offers the student, and the transfer's
sign-off. Events gain who agreed a plan and the student's part in an ABE interview.
Existing rows take the file format's defaults (nothing asked yet, no risk, nothing offered).

Revision ID: 0004_statutory_work
Revises: 0003_drafts
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_statutory_work"
down_revision = "0003_drafts"
branch_labels = None
depends_on = None

CASE_COLUMNS = (
    sa.Column("briefed", sa.Date(), nullable=True),
    sa.Column("previous_worker_consulted", sa.Boolean(), nullable=True),
    sa.Column("risk_to_worker", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("safety_plan", sa.Text(), nullable=True),
    sa.Column("keyworker", sa.String(length=200), nullable=True),
    sa.Column("stepped_up_date", sa.Date(), nullable=True),
    sa.Column("stepped_up_from", sa.String(length=30), nullable=True),
    sa.Column("visit_every_days", sa.Integer(), nullable=True),
    sa.Column("learning", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    sa.Column("transfer_signed_off", sa.Date(), nullable=True),
)
EVENT_COLUMNS = (
    sa.Column("agreed_by", sa.String(length=200), nullable=True),
    sa.Column("student_part", sa.String(length=20), nullable=True),
)


def upgrade() -> None:
    for column in CASE_COLUMNS:
        op.add_column("case", column)
    for column in EVENT_COLUMNS:
        op.add_column("event", column)


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        for column in EVENT_COLUMNS:
            batch.drop_column(column.name)
    with op.batch_alter_table("case") as batch:
        for column in CASE_COLUMNS:
            batch.drop_column(column.name)
