"""The ASYE hand-over: what a final PCF review says the student carries into their first
year in practice (development needs). Existing reviews have none recorded.

Revision ID: 0005_development_needs
Revises: 0004_statutory_work
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_development_needs"
down_revision = "0004_statutory_work"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pcf_review", sa.Column("development_needs", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pcf_review") as batch:
        batch.drop_column("development_needs")
