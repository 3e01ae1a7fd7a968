"""Agreements: the content of the placement and supervision agreements.

Revision ID: 0002_agreements
Revises: 0001_baseline
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_agreements"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("learning_needs", sa.Text(), nullable=True),
        sa.Column("after_hours_contact", sa.Text(), nullable=True),
        sa.Column("weekday", sa.String(length=3), nullable=True),
        sa.Column("every_days", sa.Integer(), nullable=True),
        sa.Column("time", sa.String(length=20), nullable=True),
        sa.Column("three_way", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"], ["placement.id"], name=op.f("fk_agreement_placement_id_placement"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sa.UniqueConstraint("placement_id", "kind", name=op.f("uq_agreement_placement_id")),
    )


def downgrade() -> None:
    op.drop_table("agreement")
