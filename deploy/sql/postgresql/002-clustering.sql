-- Cluster membership for Orleans' ADO.NET clustering on PostgreSQL (invariant "Npgsql"), used by
-- silos (membership) and clients (gateway list). Written for this project from the provider's
-- contract: the provider refuses to start unless every required key below is in OrleansQuery.
--
-- The membership protocol is optimistic: each deployment has one version row, every member row
-- change bumps it, and a change succeeds only if the caller read the current version. The
-- provider passes that version as @Version and treats a single truthy column as success.
--
-- Runs at every start after 001 (which creates OrleansQuery and DashboardSchemaVersion), in the
-- caller's transaction: idempotent, no BEGIN/COMMIT.
--
-- Types follow what Npgsql sends: times are DbType.DateTime, which Npgsql binds as timestamptz
-- and accepts only for DateTime values of Kind Utc (Orleans uses UTC throughout); Address is
-- AnsiString, bound as text; ports, generation, status and version are Int32.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Inserting a member and bumping the version must happen together or not at all, and only if
-- the caller holds the current version. Locking the version row first serialises all membership
-- changes of a deployment; a racer that waited re-reads the row and sees the new version. The
-- version is bumped last, so a member that already exists leaves the version untouched.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM OrleansMembershipVersionTable
    WHERE DeploymentId = p_deployment_id AND Version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         SuspectTimes, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
         NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$fn$;

-- Same shape for an update of an existing member: status, suspicions and liveness.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM OrleansMembershipVersionTable
    WHERE DeploymentId = p_deployment_id AND Version = p_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
    WHERE DeploymentId = p_deployment_id AND Address = p_address
      AND Port = p_port AND Generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- Called by every silo at start; true only for the one that created the row.
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS Inserted
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Succeeded
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation,
                                 @Status, @SuspectTimes, @IAmAliveTime, @Version) AS Succeeded
$q$),

-- The heartbeat is outside the versioned protocol: it must not invalidate other silos' reads.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address
  AND Port = @Port AND Generation = @Generation
$q$),

-- Both reads start from the version row, so they return a row (with NULL member columns) even
-- when no member matches: the provider takes the table version from the first row.
('MembershipReadRowKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$),

-- Clients connect to active silos that listen for clients (ProxyPort 0 means no gateway).
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),

-- Members first, in the same statement, so the foreign key holds at the statement's end.
('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$),

-- Required by the provider, but used only when CleanupDefunctSiloEntryKey is missing. Removes
-- silos declared dead (status 6) that have not been heard from since the cutoff; live or
-- merely suspected silos are never removed.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6
  AND IAmAliveTime < @IAmAliveTime
$q$),

-- Preferred by the provider: it reads the table, picks dead rows older than the cutoff, and
-- deletes each one only if it is still exactly as read (same status, times and suspicions), so
-- a row that changed in between survives. An empty suspicion list may come back as NULL.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address
  AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '')
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText
WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText;

INSERT INTO DashboardSchemaVersion (Component, Version, AppliedOn)
VALUES ('clustering', 1, now())
ON CONFLICT (Component) DO NOTHING;
