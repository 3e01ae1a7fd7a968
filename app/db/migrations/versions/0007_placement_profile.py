"""Local authority profiles: a placement may keep a policy profile of its own (a PE with
students from two authorities). Existing placements use the app's, as before.

Revision ID: 0007_placement_profile
Revises: 0006_history
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_placement_profile"
down_revision = "0006_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("placement", sa.Column("profile", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("placement") as batch:
        batch.drop_column("profile")
