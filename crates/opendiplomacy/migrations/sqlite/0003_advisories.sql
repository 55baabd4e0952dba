-- Travel advisories: every import of a source is a snapshot, kept; re-importing the same
-- source and day replaces that snapshot.
CREATE TABLE advisory_snapshots (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,
    taken   TEXT NOT NULL,
    fetched TEXT NOT NULL,
    stale   BOOLEAN NOT NULL,
    data    TEXT NOT NULL,
    UNIQUE (source, taken)
);

-- One row per country a snapshot covers; level is null where the source gives none.
CREATE TABLE advisories (
    snapshot_id INTEGER NOT NULL REFERENCES advisory_snapshots (id) ON DELETE CASCADE,
    country     TEXT NOT NULL,
    level       INTEGER CHECK (level BETWEEN 1 AND 4),
    data        TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, country)
);
CREATE INDEX advisories_by_country ON advisories (country, snapshot_id);
