"""Placement › History: each history line records the computer account it was made under,
the lines of one placement are found by an index, and the file refuses to change or remove a
line once written. Lines written before have no account.

Revision ID: 0006_history
Revises: 0005_development_needs
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_history"
down_revision = "0005_development_needs"
branch_labels = None
depends_on = None

KEEP = {
    verb: f"CREATE TRIGGER audit_log_kept_{verb} BEFORE {verb.upper()} ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, 'A history line cannot be changed or removed.'); END"
    for verb in ("update", "delete")
}


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("account", sa.String(length=120), nullable=True))
    op.create_index("ix_audit_log_placement_id", "audit_log", ["placement_id"])
    for statement in KEEP.values():
        op.execute(statement)


def downgrade() -> None:
    for verb in KEEP:
        op.execute(f"DROP TRIGGER audit_log_kept_{verb}")
    op.drop_index("ix_audit_log_placement_id", "audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("account")
