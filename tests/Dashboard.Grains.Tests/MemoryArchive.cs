using System.Collections.Immutable;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Tests;

/// <summary>The archive grain of one block of accepted ids, as a dictionary entry.</summary>
public sealed class MemoryArchive(Dictionary<long, ImmutableArray<AcceptedId>> blocks, long number) : IAcceptedIdsArchiveGrain
{
    public Task Keep(ImmutableArray<AcceptedId> ids)
    {
        blocks[number] = ids;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<AcceptedId>> Read() => Task.FromResult(blocks.GetValueOrDefault(number, []));

    public Task Forget()
    {
        blocks.Remove(number);
        return Task.CompletedTask;
    }
}
