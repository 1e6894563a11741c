-- The run store (SQLite). The same tables and columns as Migrations/Postgres/0002_run_store.sql;
-- only the identity columns and the triggers are spelled in each database's own dialect.
-- Times are ISO 8601 UTC text; documents are text (byte for byte what the CLI printed).
CREATE TABLE parley_store (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL);
INSERT INTO parley_store (key, value) VALUES ('application', 'parley');

CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL);

CREATE TABLE scenario_versions (
    id INTEGER PRIMARY KEY,
    scenario_id BIGINT NOT NULL REFERENCES scenarios (id),
    version INTEGER NOT NULL,
    parent_id BIGINT REFERENCES scenario_versions (id),
    hash TEXT NOT NULL,
    canonical TEXT NOT NULL,
    content TEXT NOT NULL,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    message TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (scenario_id, version));
CREATE INDEX scenario_versions_hash ON scenario_versions (hash);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    scenario_version_id BIGINT NOT NULL REFERENCES scenario_versions (id),
    scenario_hash TEXT NOT NULL,
    models TEXT NOT NULL,
    options TEXT NOT NULL,
    arguments TEXT NOT NULL,
    seed TEXT,
    parley_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    error TEXT,
    result TEXT,
    result_hash TEXT,
    owner_host TEXT NOT NULL,
    owner_pid INTEGER NOT NULL,
    owner_started_at TEXT NOT NULL);
CREATE INDEX runs_status ON runs (status);

-- Nothing is overwritten: a scenario version never changes, a finished run never changes.
CREATE TRIGGER scenario_versions_never_change BEFORE UPDATE ON scenario_versions
BEGIN
    SELECT RAISE(ABORT, 'a scenario version is never changed; save a new version instead');
END;
CREATE TRIGGER scenario_versions_never_deleted BEFORE DELETE ON scenario_versions
BEGIN
    SELECT RAISE(ABORT, 'a scenario version is never deleted');
END;
CREATE TRIGGER runs_finished_never_change BEFORE UPDATE ON runs WHEN OLD.status <> 'running'
BEGIN
    SELECT RAISE(ABORT, 'a finished run is never changed');
END;
CREATE TRIGGER runs_never_deleted BEFORE DELETE ON runs
BEGIN
    SELECT RAISE(ABORT, 'a run is never deleted');
END;
