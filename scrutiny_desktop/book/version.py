"""What a book file says about itself: its application id and schema version.

Apart from ``schema`` so that opening a current book reads them without loading the
migrations (and sqlite-utils with them): issue 7, start-up.
"""

# Stored in the SQLite header so that our files are recognised without a query: 'SCRB'.
APPLICATION_ID = 0x53435242

# The name sqlite-utils records applied migrations under, in ``_sqlite_migrations``.
MIGRATION_SET = "scrutiny_desktop"

# One more with every migration in ``schema`` (a test checks that they agree); a book
# whose user_version is higher is from a newer release.
# Any migration that transforms a table must end with install_triggers(db).
SCHEMA_VERSION = 6
