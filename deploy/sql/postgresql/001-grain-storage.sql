-- Grain storage for Orleans' ADO.NET provider on PostgreSQL (invariant "Npgsql").
-- Written for this project from the provider's contract: the provider reads its statements from
-- OrleansQuery under the keys ReadFromStorageKey, WriteToStorageKey, ClearStorageKey and
-- DeleteStorageKey, binds the parameters named below, and reads PayloadBinary + Version (read),
-- NewGrainStateVersion (write) and the first column (clear, delete). No row back from a write,
-- clear or delete means a version conflict (InconsistentStateException).
--
-- Runs at every silo start. The caller runs 001, 002, 003 in one transaction after taking
-- pg_advisory_xact_lock, so everything here must be idempotent and transaction-safe: no
-- BEGIN/COMMIT, no CREATE INDEX CONCURRENTLY, and no lock on a live table when there is nothing
-- to create. Identifiers are unquoted and fold to lower case; Npgsql matches the provider's
-- column names case-insensitively.
--
-- This file also owns the two tables the other scripts share: OrleansQuery and
-- DashboardSchemaVersion.

CREATE TABLE IF NOT EXISTS DashboardSchemaVersion
(
    Component text        NOT NULL PRIMARY KEY,
    Version   integer     NOT NULL,
    AppliedOn timestamptz NOT NULL
);

-- Orleans reads "SELECT QueryKey, QueryText FROM OrleansQuery" through the search_path.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- Column types follow what the provider binds: Int32 hashes, Int64 key halves, text strings,
-- bytea payload, Int32 version.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NOT NULL
);

-- One row per grain state. The hashes lead so the lookups below use this index. The strings
-- enter as md5 digests: a string grain key can be longer than a btree entry may be, and a
-- digest keeps the entry small. The extension string (the whole key of string-keyed grains)
-- may be NULL, which COALESCE folds to '' for uniqueness, as the queries do.
-- CREATE INDEX IF NOT EXISTS would take a share lock on the table before finding the index,
-- stalling live silos' writes at every start, so the catalog is asked first.
DO $do$
BEGIN
    IF to_regclass('orleansstorage_grain') IS NULL THEN
        CREATE UNIQUE INDEX OrleansStorage_Grain ON OrleansStorage
        (
            GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1,
            md5(ServiceId), md5(GrainTypeString), md5(COALESCE(GrainIdExtensionString, ''))
        );
    END IF;
END
$do$;

-- Query texts are dollar-quoted so they read as they run. A changed text replaces the stored one
-- at the next start; an unchanged one is left alone, so a start does not rewrite rows.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
LIMIT 1
$q$),

-- A first write (no version yet) inserts version 1 unless a row exists; a later write bumps the
-- version only if the caller holds the current one. The parameter guards let at most one of the
-- two CTEs touch a row, and one statement is atomic on its own. Under READ COMMITTED a racing
-- writer waits for the row lock and then re-checks Version, so exactly one of two racers wins.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
), updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT Version FROM updated
$q$),

-- Clearing keeps the row with a NULL payload and a new version, so a stale writer still conflicts.
('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
RETURNING Version
$q$),

-- Used only with DeleteStateOnClear: removes the row; the next write starts again at version 1.
-- It returns a value other than the caller's version, which the provider takes as success.
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
  AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
RETURNING Version + 1
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText
WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;

INSERT INTO DashboardSchemaVersion (Component, Version, AppliedOn)
VALUES ('grain-storage', 1, now())
ON CONFLICT (Component) DO NOTHING;
