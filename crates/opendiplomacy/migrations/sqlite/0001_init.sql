-- Countries: reference data replaced whole by each import.
CREATE TABLE countries (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    data    TEXT NOT NULL
);

-- Every change to a port is a revision; the ports table projects the verified one.
CREATE TABLE port_revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    port_id    INTEGER NOT NULL,
    based_on   INTEGER REFERENCES port_revisions (id),
    author     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    created_at TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX port_revisions_by_port ON port_revisions (port_id, id);

CREATE TABLE ports (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    sort_name         TEXT NOT NULL,
    country           TEXT,
    harbor_size       TEXT,
    latitude          REAL,
    longitude         REAL,
    verified_revision INTEGER NOT NULL REFERENCES port_revisions (id),
    data              TEXT NOT NULL
);
CREATE INDEX ports_by_country ON ports (country, id);
CREATE INDEX ports_by_name ON ports (sort_name, id);

-- The "yes" flags of each port, for facility filters that both engines can index.
CREATE TABLE port_facilities (
    facility TEXT NOT NULL,
    port_id  INTEGER NOT NULL REFERENCES ports (id),
    PRIMARY KEY (facility, port_id)
);

CREATE TABLE import_runs (
    dataset     TEXT PRIMARY KEY,
    finished_at TEXT NOT NULL,
    data        TEXT NOT NULL
);
