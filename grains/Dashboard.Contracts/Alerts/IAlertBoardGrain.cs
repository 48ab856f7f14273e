using System.Collections.Immutable;

namespace Dashboard.Contracts.Alerts;

/// <summary>
/// The deployment's alerts (key 0): it runs the rules over every hotline, keeps each alert's
/// lifecycle, the silences and the audit log, and pushes every change to the <c>alerts</c> group.
/// </summary>
public interface IAlertBoardGrain : IGrainWithIntegerKey
{
    /// <summary>Runs every rule now: opens, fires, escalates and auto-resolves. Each silo calls it once a minute.</summary>
    Task Evaluate();

    [AlwaysInterleave]
    Task<AlertBoard> GetBoard();

    [AlwaysInterleave]
    Task<AlertDetail?> Get(string id);

    Task<AlertActionResult> Acknowledge(string id, string by, string? note);

    Task<AlertActionResult> Resolve(string id, string by, string? note);

    [AlwaysInterleave]
    Task<ImmutableArray<Silence>> GetSilences();

    /// <summary>Adds a silence; its id is assigned here.</summary>
    Task<Silence> AddSilence(Silence silence);

    /// <summary>Ends a silence now; false when there is none with that id.</summary>
    Task<bool> RemoveSilence(string id, string by);

    [AlwaysInterleave]
    Task<ImmutableArray<AuditEntry>> GetAudit(DateTimeOffset since);

    [AlwaysInterleave]
    Task<Handover> GetHandover(DateTimeOffset since);
}
