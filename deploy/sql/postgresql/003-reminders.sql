-- Reminders for Orleans' ADO.NET reminder table on PostgreSQL (invariant "Npgsql"). Written for
-- this project from the provider's contract: the provider refuses to start unless every key
-- below is in OrleansQuery, reads GrainId, ReminderName, StartTime, Period and Version from the
-- row queries, Version from the upsert and a single truthy column from the single delete.
--
-- Runs at every start after 001 (which creates OrleansQuery and DashboardSchemaVersion), in the
-- caller's transaction: idempotent, no BEGIN/COMMIT.
--
-- Types follow what Npgsql sends: GrainId is AnsiString (text), the hashes are the uint ring
-- positions reinterpreted as Int32, StartTime is a UTC DateTime (timestamptz), Period is
-- milliseconds as Int32 or, past int range, Int64, so the column is bigint.

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo reads the reminders of its slice of the hash ring. Created only when missing: CREATE
-- INDEX IF NOT EXISTS would lock the table against live silos' writes at every start.
DO $do$
BEGIN
    IF to_regclass('orleansreminderstable_ring') IS NULL THEN
        CREATE INDEX OrleansRemindersTable_Ring ON OrleansRemindersTable (ServiceId, GrainHash);
    END IF;
END
$do$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$q$),

-- The range (BeginHash, EndHash] in signed order; the provider picks this query when it does
-- not wrap around ...
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$q$),

-- ... and this one when it does: everything above BeginHash plus everything up to EndHash.
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$q$),

-- Last writer wins, as the reminder service expects; the version (0 for a new reminder, +1 on
-- every change) is the ETag a later delete must present.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period,
    GrainHash = EXCLUDED.GrainHash, Version = r.Version + 1
RETURNING Version
$q$),

-- Deletes only the version the caller knows; one row, true if it was deleted.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId
      AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS Deleted
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText
WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;

INSERT INTO DashboardSchemaVersion (Component, Version, AppliedOn)
VALUES ('reminders', 1, now())
ON CONFLICT (Component) DO NOTHING;
