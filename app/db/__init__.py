"""Where the database lives and how it is opened: one SQLite file, migrated on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from app.paths import data_dir, default_db_path

__all__ = [
    "Database",
    "DatabaseError",
    "data_dir",
    "default_db_path",
    "upgrade",
    "current_revision",
]

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision in migrations/versions (a test checks that Alembic agrees).
HEAD_REVISION = "0003_drafts"


class DatabaseError(Exception):
    """The database cannot be opened or is not a Placement Tracker database."""


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a new file gets the baseline)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


def stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the file, read without loading Alembic."""
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def create_schema(engine: Engine) -> None:
    """A new, empty file: the current schema in one step, stamped with the newest revision.

    The same as running every migration (a test compares the two), but without loading
    Alembic, which keeps the first start quick.
    """
    from app.models import Base

    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        connection.execute(text(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        ))  # fmt: skip
        connection.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD_REVISION}
        )


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class Database:
    """An open database file: hands out sessions, one per user action."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(f"sqlite:///{self.path}")
            event.listen(self.engine, "connect", _on_connect)
            tables = set(inspect(self.engine).get_table_names())
        except Exception as exc:  # sqlite3 says "file is not a database" and the like
            raise DatabaseError(f"Cannot open {self.path}: {exc}") from exc
        if tables and "alembic_version" not in tables:
            raise DatabaseError(
                f"{self.path} is not a Placement Tracker database. Choose another file."
            )
        try:
            if not tables:
                create_schema(self.engine)
            elif stored_revision(self.engine) != HEAD_REVISION:
                upgrade(self.engine)
        except Exception as exc:
            raise DatabaseError(f"Cannot update {self.path} to this version: {exc}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action = one transaction: committed whole, or rolled back whole."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
