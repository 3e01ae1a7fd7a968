"""Alembic environment: run on the connection the app hands over (no alembic.ini needed)."""

from alembic import context

from app.models import Base

config = context.config
connection = config.attributes.get("connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
