"""Drafts: form content saved as the PE types, offered back after a crash.

Revision ID: 0003_drafts
Revises: 0002_agreements
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_drafts"
down_revision = "0002_agreements"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id"], ["placement.id"], name=op.f("fk_draft_placement_id_placement"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft")),
        sa.UniqueConstraint("placement_id", "key", name=op.f("uq_draft_placement_id")),
    )


def downgrade() -> None:
    op.drop_table("draft")
