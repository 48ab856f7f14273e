using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Counting;

/// <summary>Where a counting grain plugs its own work into <see cref="CountingCore{TState}"/>.</summary>
public sealed class CountingSteps<TState>
{
    /// <summary>Names the grain in logs and in the keys of its archived event ids, e.g. <c>institution:441802-GB-001</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The archive grain with this key (the core names blocks <c>&lt;scope&gt;/&lt;block&gt;</c>).</summary>
    public required Func<string, IAcceptedIdsArchiveGrain> Archive { get; init; }

    /// <summary>Drops the activation after a failed write, so the next call starts from what is stored.</summary>
    public required Action Deactivate { get; init; }

    /// <summary>Runs on a timer until it stops failing (a grain timer, so it takes turns with calls).</summary>
    public required Func<Func<Task>, TimeSpan, IDisposable> Repeat { get; init; }

    /// <summary>Work that goes into the state before a write (a hotline hands finished days over).</summary>
    public Func<DateTimeOffset, Task> BeforeWrite { get; init; } = _ => Task.CompletedTask;

    /// <summary>Once a write is durable, with what was written: the grain's totals and pushes follow it.</summary>
    public Action<TState> Written { get; init; } = _ => { };

    /// <summary>Tells the grain above (the county) the written totals; retried until it succeeds.</summary>
    public required Func<Task> ReportUpward { get; init; }
}
