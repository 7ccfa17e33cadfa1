"""The book's schema, created and changed only by these migrations (in order, never edited)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from scrutiny_desktop.book.triggers import drop_triggers, install_triggers, rebuild_search_index
from scrutiny_desktop.book.version import APPLICATION_ID, MIGRATION_SET, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION"]

# Loaded only to create or migrate a book: opening a current one needs just ``version``.
MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE series (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            year_start_month INTEGER NOT NULL DEFAULT 1
                CHECK (year_start_month BETWEEN 1 AND 12)
        );
        -- The highest action number ever handed out per series and action year,
        -- so that deleting the newest action never frees its number for reuse.
        -- series_key is the series id, or 0 for meetings that belong to no series.
        CREATE TABLE action_counters (
            series_key INTEGER NOT NULL,
            ref_year INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (series_key, ref_year)
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            initials TEXT NOT NULL UNIQUE,
            name TEXT,
            role TEXT,
            organisation TEXT,
            kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation'))
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            series_id INTEGER REFERENCES series(id),
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            start TEXT,
            "end" TEXT,
            venue TEXT,
            classification TEXT,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed_off')),
            signed_by TEXT,
            signed_on TEXT,
            signed_note TEXT,
            fingerprint TEXT,
            next_date TEXT,
            next_start TEXT,
            next_end TEXT,
            next_venue TEXT
        );
        CREATE INDEX meetings_by_date ON meetings(date DESC, id DESC);
        CREATE INDEX meetings_by_series ON meetings(series_id, date);
        -- Everyone a meeting's minutes name, in the order they are listed.
        CREATE TABLE meeting_people (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (meeting_id, person_id)
        );
        CREATE TABLE attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('present', 'apologies', 'in_attendance', 'absent')),
            chair INTEGER NOT NULL DEFAULT 0,
            note TEXT,
            PRIMARY KEY (meeting_id, person_id)
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'matter' CHECK (kind IN ('matter', 'next_meeting')),
            restricted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX items_by_meeting ON items(meeting_id, position);
        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            heading INTEGER NOT NULL DEFAULT 0,
            restricted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX paragraphs_by_item ON paragraphs(item_id, position);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            ref_year INTEGER,
            ref_number INTEGER,
            text TEXT NOT NULL,
            due TEXT,
            due_text TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'to_follow', 'in_progress', 'completed', 'closed')),
            restricted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX actions_by_item ON actions(item_id, position);
        CREATE INDEX actions_by_ref ON actions(ref_year, ref_number);
        CREATE TABLE action_owners (
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (action_id, person_id)
        );
        CREATE TABLE action_updates (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            ref_year INTEGER NOT NULL,
            ref_number INTEGER NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('open', 'to_follow', 'in_progress', 'completed', 'closed')),
            note TEXT
        );
        CREATE INDEX updates_by_item ON action_updates(item_id, position);
        CREATE INDEX updates_by_ref ON action_updates(ref_year, ref_number);
        """
    )


@MIGRATIONS()
def m002_lifecycle(db: Database) -> None:
    """Sign-off snapshots and the reopening audit, expected attendees, updates on
    unnumbered actions, the search index, and the triggers that lock and index."""
    db.executescript(
        """
        -- Listed for a new meeting from the last one's attendance; not yet marked.
        ALTER TABLE meeting_people ADD COLUMN expected INTEGER NOT NULL DEFAULT 0;
        -- The meeting this one was created after: its minutes are agreed here.
        ALTER TABLE meetings ADD COLUMN previous_id INTEGER
            REFERENCES meetings(id) ON DELETE SET NULL;
        -- Updates may now name an unnumbered action by id, keeping its text as carried.
        CREATE TABLE action_updates_new (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            ref_year INTEGER,
            ref_number INTEGER,
            action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL,
            action_text TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('open', 'to_follow', 'in_progress', 'completed', 'closed')),
            note TEXT,
            CHECK ((ref_year IS NULL) = (ref_number IS NULL)),
            CHECK (ref_number IS NOT NULL OR action_text IS NOT NULL)
        );
        INSERT INTO action_updates_new (id, item_id, position, ref_year, ref_number, status, note)
            SELECT id, item_id, position, ref_year, ref_number, status, note FROM action_updates;
        DROP TABLE action_updates;
        ALTER TABLE action_updates_new RENAME TO action_updates;
        CREATE INDEX updates_by_item ON action_updates(item_id, position);
        CREATE INDEX updates_by_ref ON action_updates(ref_year, ref_number);
        CREATE INDEX updates_by_action ON action_updates(action_id);
        CREATE INDEX owners_by_person ON action_owners(person_id);
        -- What a signed-off meeting printed when signed: its canonical JSON document.
        -- People are read from here, so the directory can change without moving it.
        CREATE TABLE signed_snapshots (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            document TEXT NOT NULL
        );
        -- Every reopening of signed-off minutes: who, when, why, what was signed.
        CREATE TABLE reopenings (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            old_fingerprint TEXT,
            old_signed_by TEXT,
            old_signed_on TEXT,
            applied INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX reopenings_by_meeting ON reopenings(meeting_id, id);
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )
    rebuild_search_index(db)
    install_triggers(db)


@MIGRATIONS()
def m003_restricted_updates(db: Database) -> None:
    """An update on a restricted action (or on an action of a restricted item) is restricted:
    left out of the public minutes. Draft meetings' updates are marked from what they report
    on; signed-off minutes stay as signed (their fingerprint covers them).

    ADD COLUMN keeps the table and its triggers; they are re-created all the same.
    """
    db.executescript(
        """
        ALTER TABLE action_updates ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
        UPDATE action_updates SET restricted = 1
        WHERE (SELECT m.status FROM items i JOIN meetings m ON m.id = i.meeting_id
               WHERE i.id = action_updates.item_id) = 'draft'
          AND EXISTS (
            SELECT 1 FROM actions a JOIN items ai ON ai.id = a.item_id
                JOIN meetings am ON am.id = ai.meeting_id
            WHERE (a.restricted = 1 OR ai.restricted = 1)
              AND (a.id = action_updates.action_id
                   OR (a.ref_number = action_updates.ref_number
                       AND a.ref_year = action_updates.ref_year
                       AND am.series_id IS (SELECT m.series_id FROM items i
                           JOIN meetings m ON m.id = i.meeting_id
                           WHERE i.id = action_updates.item_id))));
        """
    )
    install_triggers(db)


@MIGRATIONS()
def m004_full_record(db: Database) -> None:
    """The full record (interchange version 2) and the formal parts of a meeting.

    E-mail addresses; substitutes, arrivals and departures; the quorum; item times,
    Schedule 12A paragraphs, public summaries and assurance ratings; bulleted paragraphs;
    declarations of interest; resolutions and their votes; series settings (quorum for
    new meetings, minute numbering, printing item times). Sign-offs gain the scheme of
    their fingerprint (NULL: scheme 1, from before this migration), every sign-off and
    reopening goes into an append-only audit (backfilled from the reopenings), and the
    snapshot of each sign-off is kept when the minutes are reopened. Draft meetings'
    updates on numbered actions gain the action's text.
    """
    drop_triggers(db)  # signed-off meetings gain their scheme below: the locks go first
    db.executescript(
        """
        ALTER TABLE people ADD COLUMN email TEXT;
        ALTER TABLE attendance ADD COLUMN substitute_for INTEGER REFERENCES people(id);
        ALTER TABLE attendance ADD COLUMN arrived_time TEXT;
        ALTER TABLE attendance ADD COLUMN arrived_item INTEGER
            REFERENCES items(id) ON DELETE SET NULL;
        ALTER TABLE attendance ADD COLUMN left_time TEXT;
        ALTER TABLE attendance ADD COLUMN left_item INTEGER
            REFERENCES items(id) ON DELETE SET NULL;
        ALTER TABLE meetings ADD COLUMN quorum INTEGER CHECK (quorum IS NULL OR quorum >= 1);
        ALTER TABLE meetings ADD COLUMN fingerprint_scheme INTEGER;
        ALTER TABLE items ADD COLUMN started TEXT;
        -- Schedule 12A paragraphs as typed, e.g. '3,5' ('' for none).
        ALTER TABLE items ADD COLUMN exempt_paragraphs TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN public_summary TEXT;
        ALTER TABLE items ADD COLUMN assurance TEXT
            CHECK (assurance IS NULL OR assurance IN ('assured', 'partly_assured', 'not_assured'));
        ALTER TABLE paragraphs ADD COLUMN bullet INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE series ADD COLUMN quorum INTEGER CHECK (quorum IS NULL OR quorum >= 1);
        ALTER TABLE series ADD COLUMN minute_numbering TEXT NOT NULL DEFAULT 'simple'
            CHECK (minute_numbering IN ('simple', 'yearly'));
        ALTER TABLE series ADD COLUMN print_item_times INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE declarations (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id INTEGER NOT NULL REFERENCES people(id),
            interest TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
                ('disclosable_pecuniary', 'other_registrable', 'non_registrable', 'other')),
            left_room INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX declarations_by_item ON declarations(item_id, position);
        CREATE INDEX declarations_by_person ON declarations(person_id);
        CREATE TABLE resolutions (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            restricted INTEGER NOT NULL DEFAULT 0,
            vote_for INTEGER CHECK (vote_for >= 0),
            vote_against INTEGER CHECK (vote_against >= 0),
            vote_abstained INTEGER CHECK (vote_abstained >= 0),
            CHECK ((vote_for IS NULL) = (vote_against IS NULL)
                   AND (vote_for IS NULL) = (vote_abstained IS NULL))
        );
        CREATE INDEX resolutions_by_item ON resolutions(item_id, position);
        CREATE TABLE resolution_votes (
            resolution_id INTEGER NOT NULL REFERENCES resolutions(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            vote TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstained')),
            PRIMARY KEY (resolution_id, person_id)
        );
        CREATE INDEX votes_by_person ON resolution_votes(person_id);
        -- Every sign-off and reopening, oldest first: part of the record.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            event TEXT NOT NULL CHECK (event IN ('signed_off', 'reopened')),
            by TEXT NOT NULL,
            on_day TEXT NOT NULL,
            reason TEXT,
            fingerprint TEXT
        );
        CREATE INDEX audit_by_meeting ON audit(meeting_id, id);
        -- Each sign-off's snapshot, kept when the minutes are reopened.
        CREATE TABLE signed_snapshots_new (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            scheme INTEGER NOT NULL,
            fingerprint TEXT,
            document TEXT NOT NULL
        );
        INSERT INTO signed_snapshots_new (meeting_id, scheme, fingerprint, document)
            SELECT s.meeting_id, 1, m.fingerprint, s.document
            FROM signed_snapshots s JOIN meetings m ON m.id = s.meeting_id;
        DROP TABLE signed_snapshots;
        ALTER TABLE signed_snapshots_new RENAME TO signed_snapshots;
        CREATE INDEX snapshots_by_meeting ON signed_snapshots(meeting_id, id);
        """
    )
    # The audit, oldest first: for each reopening the sign-off it undid, then itself;
    # then the sign-off that holds now.
    for r in list(db.query("SELECT * FROM reopenings ORDER BY id")):
        if r["old_signed_by"] is not None and r["old_signed_on"] is not None:
            db.execute(
                "INSERT INTO audit (meeting_id, event, by, on_day, fingerprint) "
                "VALUES (?, 'signed_off', ?, ?, ?)",
                [r["meeting_id"], r["old_signed_by"], r["old_signed_on"], r["old_fingerprint"]],
            )
        db.execute(
            "INSERT INTO audit (meeting_id, event, by, on_day, reason, fingerprint) "
            "VALUES (?, 'reopened', ?, ?, ?, ?)",
            [r["meeting_id"], r["by"], r["at"][:10], r["reason"], r["old_fingerprint"]],
        )
    db.execute(
        "INSERT INTO audit (meeting_id, event, by, on_day, fingerprint) "
        "SELECT id, 'signed_off', signed_by, signed_on, fingerprint FROM meetings "
        "WHERE status = 'signed_off' AND signed_by IS NOT NULL ORDER BY id"
    )
    db.execute(
        "UPDATE meetings SET fingerprint_scheme = 1 WHERE status = 'signed_off' "
        "AND fingerprint IS NOT NULL"
    )
    # What each draft's matters-arising line reports on, as the minutes now print it.
    db.execute(
        """
        UPDATE action_updates SET action_text = (
            SELECT a.text FROM actions a JOIN items ai ON ai.id = a.item_id
                JOIN meetings am ON am.id = ai.meeting_id
            WHERE a.ref_number = action_updates.ref_number AND a.ref_year = action_updates.ref_year
              AND am.series_id IS (SELECT m.series_id FROM items i JOIN meetings m
                                   ON m.id = i.meeting_id WHERE i.id = action_updates.item_id)
            ORDER BY am.date, a.id LIMIT 1)
        WHERE ref_number IS NOT NULL AND action_text IS NULL
          AND (SELECT m.status FROM items i JOIN meetings m ON m.id = i.meeting_id
               WHERE i.id = action_updates.item_id) = 'draft'
        """
    )
    rebuild_search_index(db)
    install_triggers(db)


@MIGRATIONS()
def m005_writing_aids(db: Database) -> None:
    """The book's glossary of abbreviations, its own words for the spelling check, words
    ignored in one meeting, and each series' standard phrases (none stored: the defaults)."""
    db.executescript(
        """
        CREATE TABLE glossary (
            abbreviation TEXT PRIMARY KEY,
            meaning TEXT NOT NULL CHECK (length(trim(meaning)) > 0)
        );
        CREATE TABLE book_words (word TEXT PRIMARY KEY);
        CREATE TABLE ignored_words (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            word TEXT NOT NULL,
            PRIMARY KEY (meeting_id, word)
        );
        -- series_key: the series id, or 0 for meetings of no series.
        CREATE TABLE phrases (
            series_key INTEGER NOT NULL,
            position INTEGER NOT NULL,
            abbreviation TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (series_key, abbreviation)
        );
        -- Set once a series' phrases are edited: its list (even an empty one) replaces
        -- the shipped defaults.
        CREATE TABLE phrases_edited (series_key INTEGER PRIMARY KEY);
        """
    )


@MIGRATIONS()
def m006_first_minute(db: Database) -> None:
    """The first minute number of a year in a series whose book was begun part way
    through it (``23/26``: the council's minutes of 2026 had reached 22 without it)."""
    db.execute("ALTER TABLE series ADD COLUMN first_minute TEXT")
    # A yearly series kept its first meeting's numbers by reading them back: it now
    # keeps the number it started from.
    db.execute(
        """
        UPDATE series SET first_minute = (
            SELECT i.number FROM items i JOIN meetings m ON m.id = i.meeting_id
            WHERE m.series_id = series.id AND i.number LIKE '%/%'
            ORDER BY m.date, m.id, i.position LIMIT 1
        )
        WHERE minute_numbering = 'yearly'
        """
    )


# SCHEMA_VERSION (in ``version``) is one more with every migration above.
