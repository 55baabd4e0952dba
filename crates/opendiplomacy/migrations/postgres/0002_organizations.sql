-- International organizations: COW's and the project's, replaced whole by each import.
CREATE TABLE organizations (
    id   BIGINT PRIMARY KEY,
    abbr TEXT COLLATE "C" NOT NULL UNIQUE,
    data TEXT NOT NULL
);

-- Every fact about an organization is a statement with a source and a rank; the published
-- data's own statements have origin 'dataset', cited additions 'community'.
CREATE TABLE org_statements (
    id       TEXT COLLATE "C" PRIMARY KEY,
    org_id   BIGINT NOT NULL REFERENCES organizations (id),
    property TEXT NOT NULL,
    party    TEXT,
    rank     TEXT NOT NULL CHECK (rank IN ('preferred', 'normal', 'deprecated')),
    origin   TEXT NOT NULL CHECK (origin IN ('dataset', 'community', 'official')),
    data     TEXT NOT NULL
);
CREATE INDEX org_statements_by_org ON org_statements (org_id, id);
CREATE INDEX org_statements_by_party ON org_statements (party, org_id);

-- Members with no ISO code: states of the past (the German Democratic Republic, the Qing Empire).
CREATE TABLE org_parties (
    key  TEXT COLLATE "C" PRIMARY KEY,
    data TEXT NOT NULL
);
