"""The book's schema, created and changed only by these migrations (in order, never edited)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("scrutiny_desktop")

# Stored in the SQLite header so that our files are recognised without a query: 'SCRB'.
APPLICATION_ID = 0x53435242


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


# One more with every migration; a book whose user_version is higher is from a newer release.
SCHEMA_VERSION = 1
