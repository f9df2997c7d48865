"""The search's own tables in the cache, kept current by triggers (no Python in the sync).

The search (:mod:`wardtui.search`) answers from SQLite, never from a copy of the
library in memory. Besides the ``fts`` table of the schema (folded titles, wards,
bylines and bodies), it needs:

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

Triggers on ``articles`` keep both current in the writer's own transaction, whatever
writes: the sync, a test, a future tool. The ward column holds ``unit ward`` in any
case (the tokenizer folds case), which is what :func:`wardtui.corpus.model.ward_label`
gives up to case.

:data:`SCHEMA` creates the tables for a new cache; :data:`MIGRATION` creates and fills
them for a cache made before them; :func:`ensure` does the latter when they are
missing (a cache opened by an older schema module).
"""

from __future__ import annotations

import sqlite3

__all__ = ["MIGRATION", "SCHEMA", "changes", "ensure", "has_tables"]

_LABEL_NEW = "CASE WHEN coalesce(new.ward, '') = '' THEN '' " \
             "ELSE trim(coalesce(new.unit, '') || ' ' || new.ward) END"
_LABEL_OLD = _LABEL_NEW.replace("new.", "old.")
_LABEL = _LABEL_NEW.replace("new.", "")

SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS search_exact USING fts5 (
    title, ward, author,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_exact_words USING fts5vocab (search_exact, 'row');
CREATE TABLE IF NOT EXISTS search_state (key TEXT PRIMARY KEY, value);
INSERT OR IGNORE INTO search_state (key, value) VALUES ('changes', 0);
CREATE TRIGGER IF NOT EXISTS search_articles_insert AFTER INSERT ON articles BEGIN
    INSERT INTO search_exact (rowid, title, ward, author)
        VALUES (new.rowid, new.title, {_LABEL_NEW}, coalesce(new.author, ''));
    UPDATE search_state SET value = value + 1 WHERE key = 'changes';
END;
CREATE TRIGGER IF NOT EXISTS search_articles_delete AFTER DELETE ON articles BEGIN
    INSERT INTO search_exact (search_exact, rowid, title, ward, author)
        VALUES ('delete', old.rowid, old.title, {_LABEL_OLD}, coalesce(old.author, ''));
    UPDATE search_state SET value = value + 1 WHERE key = 'changes';
END;
CREATE TRIGGER IF NOT EXISTS search_articles_update AFTER UPDATE ON articles BEGIN
    INSERT INTO search_exact (search_exact, rowid, title, ward, author)
        VALUES ('delete', old.rowid, old.title, {_LABEL_OLD}, coalesce(old.author, ''));
    INSERT INTO search_exact (rowid, title, ward, author)
        VALUES (new.rowid, new.title, {_LABEL_NEW}, coalesce(new.author, ''));
    UPDATE search_state SET value = value + 1 WHERE key = 'changes';
END;
"""
"""The search's tables and triggers (``IF NOT EXISTS``: safe to run on every open)."""

MIGRATION = f"""
DROP TABLE IF EXISTS search_exact;
DROP TABLE IF EXISTS search_exact_words;
DROP TABLE IF EXISTS search_state;
DROP TRIGGER IF EXISTS search_articles_insert;
DROP TRIGGER IF EXISTS search_articles_delete;
DROP TRIGGER IF EXISTS search_articles_update;
{SCHEMA}
INSERT INTO search_exact (rowid, title, ward, author)
    SELECT rowid, title, {_LABEL}, coalesce(author, '') FROM articles;
"""
"""For a cache made before the search's tables: (re)create them and fill them."""


def has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the search's tables are in the cache."""
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name IN"
        " ('search_exact', 'search_exact_words', 'search_state', 'search_articles_insert',"
        " 'search_articles_delete', 'search_articles_update')").fetchone()
    return int(row[0]) == 6


def ensure(conn: sqlite3.Connection) -> bool:
    """Create and fill the search's tables if they are missing; whether they are there.

    One transaction (about 2 s for 100,000 articles, once). A cache that cannot be
    written (read-only, or locked by a writer beyond the connection's busy timeout)
    gives ``False``: the search then works without them, more slowly.
    """
    if has_tables(conn):
        return True
    try:
        conn.executescript("BEGIN IMMEDIATE;" + MIGRATION + "COMMIT;")
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
