-- Countries: reference data replaced whole by each import.
CREATE TABLE countries (
    code    TEXT COLLATE "C" PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    data    TEXT NOT NULL
);

-- Every change to a port is a revision; the ports table projects the verified one.
CREATE TABLE port_revisions (
    id         BIGSERIAL PRIMARY KEY,
    port_id    BIGINT NOT NULL,
    based_on   BIGINT REFERENCES port_revisions (id),
    author     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    created_at TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX port_revisions_by_port ON port_revisions (port_id, id);

-- Sort keys use the C collation so that paging orders rows exactly as SQLite does.
CREATE TABLE ports (
    id                BIGINT PRIMARY KEY,
    name              TEXT NOT NULL,
    sort_name         TEXT COLLATE "C" NOT NULL,
    country           TEXT COLLATE "C",
    harbor_size       TEXT,
    latitude          DOUBLE PRECISION,
    longitude         DOUBLE PRECISION,
    verified_revision BIGINT NOT NULL REFERENCES port_revisions (id),
    data              TEXT NOT NULL
);
CREATE INDEX ports_by_country ON ports (country, id);
CREATE INDEX ports_by_name ON ports (sort_name, id);

-- The "yes" flags of each port, for facility filters that both engines can index.
CREATE TABLE port_facilities (
    facility TEXT COLLATE "C" NOT NULL,
    port_id  BIGINT NOT NULL REFERENCES ports (id),
    PRIMARY KEY (facility, port_id)
);

CREATE TABLE import_runs (
    dataset     TEXT PRIMARY KEY,
    finished_at TEXT NOT NULL,
    data        TEXT NOT NULL
);
