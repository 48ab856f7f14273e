using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Dashboard.Contracts.Ingest;
using Microsoft.Extensions.Logging;

namespace Dashboard.Grains.Ingest;

/// <summary>
/// Exactly-once per event id for one counting grain. It answers from memory; what it remembers is
/// written with the grain's counters (<see cref="AcceptedIds"/>), and full blocks of ids move to
/// archive grains before a write, so the counting grain's state stays small at any event rate.
/// </summary>
/// <param name="archive">The archive grain of a sealed block, by block number.</param>
public sealed class Deduplicator(AcceptedIds stored, string scope, Func<long, IAcceptedIdsArchiveGrain> archive, IngestOptions options, ILogger logger)
{
    /// <summary>Ids per sealed block: about 3 KB, a small write of its own.</summary>
    public const int BlockSize = 128;

    private readonly Dictionary<ulong, ulong> fingerprints = [];

    private readonly Dictionary<long, ImmutableArray<AcceptedId>> sealedIds = [];

    /// <summary>Reads the sealed blocks back, on activation.</summary>
    public async Task Load()
    {
        var blocks = await Task.WhenAll(stored.Sealed.Select(async block => (block.Number, Ids: await archive(block.Number).Read())));
        foreach (var (number, ids) in blocks)
        {
            sealedIds[number] = ids;
            Know(ids);
        }

        Know(stored.Open);
    }

    /// <summary>The result for an event that must not be applied, or null when it may be.</summary>
    public EventResult? Refuse(ICountedEvent counted, DateTimeOffset now)
    {
        var (id, fingerprint, occurredAt) = (counted.EventId, counted.Fingerprint, counted.OccurredAt);
        // Checked first, so the answer for an old event does not depend on whether its id was forgotten yet.
        if (occurredAt < now - options.DedupeWindow)
        {
            return EventResult.Rejected(id, $"事件发生时间早于 {options.DedupeWindow.TotalDays:0.#} 天去重窗口，无法保证不重复计数");
        }

        if (fingerprints.TryGetValue(Hash(id), out var known))
        {
            return known == fingerprint
                ? EventResult.Duplicate(id)
                : EventResult.Rejected(id, "事件编号已被另一内容不同的事件使用");
        }

        return occurredAt > now + options.AllowedClockSkew
            ? EventResult.Rejected(id, "事件发生时间晚于当前时间，超出允许的时钟偏差")
            : null;
    }

    /// <summary>
    /// Remembers an accepted event until a retry of it would be refused by its time anyway: the
    /// window counts from when it occurred or was accepted, whichever is later.
    /// </summary>
    public void Remember(ICountedEvent counted, DateTimeOffset now)
    {
        var accepted = new AcceptedId(Hash(counted.EventId), counted.Fingerprint, (counted.OccurredAt > now ? counted.OccurredAt : now).UtcTicks);
        stored.Open.Add(accepted);
        fingerprints[accepted.IdHash] = counted.Fingerprint;
    }

    /// <summary>
    /// Runs before each write of the counting grain: forgets what left the window and seals a full
    /// block. Events accepted meanwhile are appended behind the block, so they stay open. A block is
    /// dropped from the state only after its archive holds it, and a failed step is retried next time.
    /// </summary>
    public async Task Tidy(DateTimeOffset now)
    {
        var horizon = (now - options.DedupeWindow).UtcTicks;
        foreach (var expired in stored.Open.Where(id => id.HorizonTicks < horizon))
        {
            fingerprints.Remove(expired.IdHash);
        }

        stored.Open.RemoveAll(id => id.HorizonTicks < horizon);
        try
        {
            await ForgetBlocksBefore(horizon);
            if (stored.Open.Count >= BlockSize)
            {
                await Seal();
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Accepted ids of {Scope} could not be archived; they stay in its state for now", scope);
        }
    }

    private async Task ForgetBlocksBefore(long horizon)
    {
        foreach (var block in stored.Sealed.Where(block => block.LatestHorizonTicks < horizon).ToList())
        {
            await archive(block.Number).Forget();
            stored.Sealed.Remove(block);
            if (sealedIds.Remove(block.Number, out var ids))
            {
                foreach (var id in ids)
                {
                    fingerprints.Remove(id.IdHash);
                }
            }
        }
    }

    private async Task Seal()
    {
        var number = stored.NextBlock;
        var ids = stored.Open.Take(BlockSize).ToImmutableArray();
        await archive(number).Keep(ids);
        stored.Open.RemoveRange(0, ids.Length);
        stored.Sealed.Add(new SealedBlock(number, ids.Max(id => id.HorizonTicks)));
        stored.NextBlock = number + 1;
        sealedIds[number] = ids;
    }

    private void Know(IEnumerable<AcceptedId> ids)
    {
        foreach (var id in ids)
        {
            fingerprints[id.IdHash] = id.Fingerprint;
        }
    }

    private static ulong Hash(string id) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(id));
}
