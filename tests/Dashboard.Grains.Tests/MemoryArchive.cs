using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Tests;

/// <summary>The archive grain of one block of accepted ids, as a dictionary entry under its key.</summary>
public sealed class MemoryArchive(Dictionary<string, ImmutableArray<AcceptedId>> blocks, string key) : IAcceptedIdsArchiveGrain
{
    public Task Keep(ImmutableArray<AcceptedId> ids)
    {
        blocks[key] = ids;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<AcceptedId>> Read() => Task.FromResult(blocks.GetValueOrDefault(key, []));

    public Task Forget()
    {
        blocks.Remove(key);
        return Task.CompletedTask;
    }
}
