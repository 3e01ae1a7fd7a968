"""Where the database lives and how it is opened: one SQLite file, migrated on open."""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.storage import (
    HEAD_REVISION,
    DamagedDatabase,
    DatabaseError,
    DatabaseInUse,
    PassphraseNeeded,
    WrongPassphrase,
    create_private_file,
    inspect_file,
    make_backup,
    make_private,
    newest_good_backup,
    open_connection,
    restore_hint,
)
from app.paths import data_dir, default_db_path

__all__ = [
    "HEAD_REVISION",
    "DamagedDatabase",
    "Database",
    "DatabaseError",
    "DatabaseInUse",
    "PassphraseNeeded",
    "WrongPassphrase",
    "data_dir",
    "default_db_path",
    "upgrade",
    "current_revision",
]

MIGRATIONS = Path(__file__).parent / "migrations"

# The table a statement writes (SQLAlchemy spells DML this way; names may be quoted).
_WRITES = re.compile(r'\s*(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+"?(\w+)', re.IGNORECASE)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit the PE saw succeed survives a power cut too (docs/decisions.md).
    cursor.execute("PRAGMA synchronous=FULL")
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
        connection.execute(
            text(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        connection.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD_REVISION}
        )


def _engine(path: Path, key: Callable[[], str | None]) -> Engine:
    """The engine over ``path``; with a key, every connection is a keyed SQLCipher one.

    The key is read at each connection, so once the Database forgets it (closed, or the app
    locked) no new connection can open the file. hide_parameters: what a PE typed never
    reaches an error message or the log.
    """
    if key() is None:
        return create_engine(f"sqlite:///{path}", hide_parameters=True)
    import sqlcipher3.dbapi2

    def connect() -> Any:
        current = key()
        if current is None:
            raise DatabaseError(f"{path} is locked: its passphrase is needed again.")
        return open_connection(path, current, isolation_level="", check_same_thread=False)

    return create_engine(
        f"sqlite:///{path}", module=sqlcipher3.dbapi2, creator=connect, hide_parameters=True
    )


def create_new_file(path: Path) -> None:
    """A new database appears whole or not at all: built under a temporary name, then renamed.

    Creating tables is not one transaction in Python's sqlite3, so a crash while building in
    place could leave an empty or half-made file that the next start would refuse.
    """
    staged = path.with_name(f".{path.name}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (staged, staged.with_name(staged.name + "-journal")):
            leftover.unlink(missing_ok=True)
        create_private_file(staged)
        engine = create_engine(f"sqlite:///{staged}")
        try:
            create_schema(engine)
        finally:
            engine.dispose()
        os.replace(staged, path)
    except OSError as exc:
        raise DatabaseError(f"Cannot create {path}: {exc.strerror}.") from None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class Database:
    """An open database file: hands out sessions, one per user action.

    The file is checked before use (``quick_check``, schema revision) and never changed when
    it fails: the error names the newest good backup. ``create=False`` refuses a missing
    file instead of making one (commands that only read). An encrypted file (SQLCipher)
    opens with ``key``, its passphrase; the key lives only as long as this object.
    """

    def __init__(self, path: str | Path, *, create: bool = True, key: str | None = None) -> None:
        self.path = Path(path)
        self.changed = False
        self.encrypted = False
        if self.path.exists():
            try:
                state = inspect_file(self.path, key=key)
            except DamagedDatabase as exc:
                raise DamagedDatabase(f"{exc} {restore_hint(self.path, key)}") from None
            except PassphraseNeeded as exc:
                good = newest_good_backup(self.path)
                if good is None:
                    raise
                hint = restore_hint(self.path, good=good)
                raise PassphraseNeeded(
                    f"{exc} If it was never encrypted, it is damaged: {hint}"
                ) from None
            revision: str | None = state.revision
            self.encrypted = state.encrypted
        elif not create:
            raise DatabaseError(f"There is no database at {self.path}.")
        else:
            create_new_file(self.path)
            revision = HEAD_REVISION
        try:
            self.key = key if self.encrypted else None
            self.engine = _engine(self.path, lambda: self.key)
            event.listen(self.engine, "connect", _on_connect)
            if revision != HEAD_REVISION:
                make_backup(self.path, "before-migration", key=self.key)
                upgrade(self.engine)
        except DatabaseError:
            raise
        except Exception as exc:
            raise DatabaseError(f"Cannot update {self.path} to this version: {exc}") from exc
        make_private(self.path)
        # Sessions know their Database: reads may keep what they read (``generation``, ``cache``).
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info={"database": self})
        event.listen(self._sessions, "after_flush", self._mark_changed)
        # What each table has been through: a count of writes, one at each statement and
        # one more when the transaction ends. Reads keep what they read with these counts.
        self._writes: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._in_work = threading.local()
        self.cache: dict[object, tuple[tuple[str, ...], tuple[int, ...], Any]] = {}
        event.listen(self.engine, "before_cursor_execute", self._note_write)

    def _mark_changed(self, *_args: Any) -> None:
        self.changed = True

    def _note_write(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        match = _WRITES.match(statement)
        if match is not None:
            table = match.group(1).lower()
            with self._lock:
                self._writes[table] += 1
            touched = getattr(self._in_work, "tables", None)
            if touched is not None:
                touched[table] += 1

    def generation(self, tables: Iterable[str]) -> tuple[int, ...]:
        """How many writes each table has been through: equal numbers mean nothing in them
        changed, so what was read from them can be used again (see ``unit_of_work``)."""
        with self._lock:
            return tuple(self._writes[t] for t in tables)

    def kept[T](self, key: object, tables: tuple[str, ...], read: Callable[[], T]) -> T:
        """What ``read()`` gave last time for ``key``, if none of ``tables`` has been written
        since; else ``read()`` again (and keep that)."""
        state = self.generation(tables)  # taken before reading: a write meanwhile changes it
        kept = self.cache.get(key)
        if kept is not None and kept[1] == state:
            return cast(T, kept[2])
        value = read()
        self.cache[key] = (tables, state, value)
        return value

    def amend[T](self, key: object, change: Callable[[T], T]) -> bool:
        """Bring what is kept for ``key`` up to date with what this thread's last action
        wrote, without reading it again: only if that action was the only writer of its
        tables since it was read. (Recording one visit of 20,000 should not read them all.)"""
        mine: Counter[str] | None = getattr(self._in_work, "last", None)
        if mine is None or getattr(self._in_work, "tables", None) is not None:
            return False
        with self._lock:
            kept = self.cache.get(key)
            if kept is None:
                return False
            tables, state, value = kept
            now = tuple(self._writes[t] for t in tables)
            if any(n - s != mine[t] for t, s, n in zip(tables, state, now, strict=True)):
                return False
            self.cache[key] = (tables, now, change(value))
        return True

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action = one transaction: committed whole, or rolled back whole.

        Every table written is marked again once the transaction has ended, so anything read
        while it was open (by this thread or another) is never mistaken for current.
        """
        session = self._sessions()
        outer: Counter[str] | None = getattr(self._in_work, "tables", None)
        touched: Counter[str] = Counter() if outer is None else outer
        self._in_work.tables = touched
        if outer is None:
            self._in_work.last = None
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._in_work.tables = outer
            if outer is None:
                with self._lock:
                    self._writes.update(set(touched))
                touched.update(set(touched))
                self._in_work.last = touched

    def placement_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM placement")).scalar() or 0)

    def close(self) -> None:
        """Close every connection and forget the key."""
        self.engine.dispose()
        self.key = None
