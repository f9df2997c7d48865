"""The search's own tables in the cache, kept current by triggers (no Python in the sync).

The search (:mod:`wardtui.search`) answers from SQLite, never from a copy of the
library in memory. Besides the ``fts`` table of the schema (folded titles, wards,
bylines and bodies), it needs:

* ``search_meta``: the titles, ward labels and bylines alone, folded as the ``fts``
  table folds them (``đ`` made ``d`` here, every other mark by the tokenizer). The
  words of titles, wards and bylines are found there several times faster than in
  ``fts``, whose lists of positions are mostly the bodies';
* ``search_dates``: each article's date in a small table (with an index by date),
  so that "newest first" among thousands of candidates reads a few pages, not the
  articles' rows;
* ``search_exact``: the titles, ward labels and bylines with their accents
  (``unicode61 remove_diacritics 0``: lower case, marks kept), so that a word typed
  with accents (``hưởng``) is found as written without reading any article;
  ``search_exact_words`` (``fts5vocab``) lists its words with their article counts,
  from which the search derives the folded vocabulary of titles, wards and bylines
  (typo corrections, unfinished words);
* ``search_state``: ``changes``, a counter every insert, update or delete of an
  article bumps (so a search knows the library changed, even when a sync removed and
  added as many articles), and the folded vocabulary as last derived, with the
  counter value it belongs to (``vocab_stamp``, ``vocab``).

Triggers on ``articles`` keep them all current in the writer's own transaction, whatever
writes: the sync, a test, a future tool. The ward column holds ``unit ward`` in any
case (the tokenizer folds case), which is what :func:`wardtui.corpus.model.ward_label`
gives up to case.

:data:`SCHEMA` creates the tables (``IF NOT EXISTS``); :data:`MIGRATION` creates and
fills them for a cache made before them; :func:`ensure`, called when the cache is
opened (and by the search, for a cache opened otherwise), runs the migration when the
tables are missing or were created empty beside articles.
"""

from __future__ import annotations

import sqlite3

__all__ = [
    "INDEXED_COLUMNS", "MIGRATION", "SCHEMA", "UPDATE_TRIGGERS", "changes", "ensure", "has_tables",
]

_TABLES = ("search_exact", "search_exact_words", "search_meta", "search_dates",
           "search_dates_date", "search_state", "search_articles_insert",
           "search_articles_delete", "search_articles_update", "search_articles_touch")
# The columns the search's tables hold: an update of another column (a place, by the sync's
# placing of old rows) only bumps the change counter (search_articles_touch), which the
# filters' caches follow (province:, district:), and leaves the FTS5 tables alone.
INDEXED_COLUMNS = ("title", "ward", "unit", "author", "date")
_INDEXED = ", ".join(INDEXED_COLUMNS)


def _label(p: str) -> str:
    """SQL for the ward label of row ``p`` (``new.``, ``old.`` or ``""``), up to case."""
    return (f"CASE WHEN coalesce({p}ward, '') = '' THEN '' "
            f"ELSE trim(coalesce({p}unit, '') || ' ' || {p}ward) END")


def _d(text: str) -> str:
    """SQL folding ``đ`` to ``d`` (the tokenizer folds the other marks and the case)."""
    return f"replace(replace({text}, 'đ', 'd'), 'Đ', 'D')"


def _columns(p: str) -> tuple[str, str, str]:
    return f"{p}title", _label(p), f"coalesce({p}author, '')"


def _insert(p: str) -> str:
    title, ward, author = _columns(p)
    return (f"INSERT INTO search_exact (rowid, title, ward, author)"
            f" VALUES ({p}rowid, {title}, {ward}, {author});\n"
            f"    INSERT INTO search_meta (rowid, title, ward, author)"
            f" VALUES ({p}rowid, {_d(title)}, {_d(ward)}, {_d(author)});\n"
            f"    INSERT INTO search_dates (rowid, date) VALUES ({p}rowid, {p}date);")


def _delete(p: str) -> str:
    title, ward, author = _columns(p)
    return (f"INSERT INTO search_exact (search_exact, rowid, title, ward, author)"
            f" VALUES ('delete', {p}rowid, {title}, {ward}, {author});\n"
            f"    INSERT INTO search_meta (search_meta, rowid, title, ward, author)"
            f" VALUES ('delete', {p}rowid, {_d(title)}, {_d(ward)}, {_d(author)});\n"
            f"    DELETE FROM search_dates WHERE rowid = {p}rowid;")


_BUMP = "UPDATE search_state SET value = value + 1 WHERE key = 'changes';"
_UPDATE_TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS search_articles_update AFTER UPDATE OF {_INDEXED} ON articles BEGIN
    {_delete("old.")}
    {_insert("new.")}
END;
CREATE TRIGGER IF NOT EXISTS search_articles_touch AFTER UPDATE ON articles BEGIN
    {_BUMP}
END;
"""
UPDATE_TRIGGERS = "DROP TRIGGER IF EXISTS search_articles_update;" + _UPDATE_TRIGGERS
"""The update triggers of schema 4, for a cache whose search tables are there (schema 3's
update trigger rewrote the FTS5 rows at every update of any column)."""

SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS search_exact USING fts5 (
    title, ward, author,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_exact_words USING fts5vocab (search_exact, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS search_meta USING fts5 (
    title, ward, author,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS search_dates (rowid INTEGER PRIMARY KEY, date TEXT);
CREATE INDEX IF NOT EXISTS search_dates_date ON search_dates (date, rowid);
CREATE TABLE IF NOT EXISTS search_state (key TEXT PRIMARY KEY, value);
INSERT OR IGNORE INTO search_state (key, value) VALUES ('changes', 0);
INSERT OR IGNORE INTO search_state (key, value)
    SELECT 'filled', 1 WHERE NOT EXISTS (SELECT 1 FROM articles);
CREATE TRIGGER IF NOT EXISTS search_articles_insert AFTER INSERT ON articles BEGIN
    {_insert("new.")}
    {_BUMP}
END;
CREATE TRIGGER IF NOT EXISTS search_articles_delete AFTER DELETE ON articles BEGIN
    {_delete("old.")}
    {_BUMP}
END;
{_UPDATE_TRIGGERS}"""
"""The search's tables and triggers (``IF NOT EXISTS``: safe to run on every open)."""

_title, _ward, _author = _columns("")
MIGRATION = "".join(f"DROP TRIGGER IF EXISTS {name};" for name in _TABLES[6:]) + "".join(
    f"DROP TABLE IF EXISTS {name};" for name in
    ("search_exact_words", "search_exact", "search_meta", "search_dates", "search_state")
) + SCHEMA + f"""
INSERT INTO search_exact (rowid, title, ward, author)
    SELECT rowid, {_title}, {_ward}, {_author} FROM articles;
INSERT INTO search_meta (rowid, title, ward, author)
    SELECT rowid, {_d(_title)}, {_d(_ward)}, {_d(_author)} FROM articles;
INSERT INTO search_dates (rowid, date) SELECT rowid, date FROM articles;
INSERT OR REPLACE INTO search_state (key, value) VALUES ('filled', 1);
"""
"""For a cache made before the search's tables: (re)create them and fill them."""


def has_tables(conn: sqlite3.Connection, names: tuple[str, ...] = _TABLES) -> bool:
    """Whether the search's tables are in the cache, and filled (``filled`` in
    ``search_state``: set by :data:`MIGRATION`, or by :data:`SCHEMA` on a cache with no
    article yet, which the triggers then fill)."""
    listed = ", ".join(f"'{name}'" for name in names)
    row = conn.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({listed})").fetchone()
    if int(row[0]) != len(names):
        return False
    return conn.execute("SELECT 1 FROM search_state WHERE key = 'filled'").fetchone() is not None


def ensure(conn: sqlite3.Connection) -> bool:
    """Create and fill the search's tables if they are missing; whether they are there.

    One transaction (about 2 s for 100,000 articles, once). A cache that cannot be
    written (read-only, or locked by a writer beyond the connection's busy timeout)
    gives ``False``: the search then works without them, more slowly.
    """
    if has_tables(conn):
        return True
    # Filled tables with the update triggers of schema 3 (dropped by its migration): the
    # new triggers alone, not the whole migration.
    script = UPDATE_TRIGGERS if has_tables(conn, _TABLES[:-2]) else MIGRATION
    try:
        conn.executescript("BEGIN IMMEDIATE;" + script + "COMMIT;")
    except sqlite3.OperationalError:
        if conn.in_transaction:
            conn.rollback()
        return has_tables(conn)
    return True


def changes(conn: sqlite3.Connection) -> int:
    """The library's change counter (bumped by every write to ``articles``); -1 without it."""
    try:
        row = conn.execute("SELECT value FROM search_state WHERE key = 'changes'").fetchone()
    except sqlite3.OperationalError:
        return -1
    return int(row[0]) if row is not None else -1
