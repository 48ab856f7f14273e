using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Contracts.Push;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Push;

/// <summary>
/// Updates cut down to what changed, for clients that keep what they were sent (the pages). The city's
/// snapshot is 13 KB of JSON, 11 KB of it its counties; a county's is 7 KB, 5 KB of it its institutions.
/// A change touches one county and one institution, yet every wall was sent all of them: bytes that
/// the server copies once per connection. Here an update's list carries only the entries whose JSON
/// differs from the previous update this node sent for the key, marked with that version
/// (<see cref="ListChanges"/>). When entries were added, removed or reordered, or updates arrive out
/// of order, the update goes whole. Each web node keeps the last entries it sent per key.
/// </summary>
public sealed class ChangedEntries(IOptions<JsonHubProtocolOptions> json)
{
    private const string GroupSuffix = "#changes";

    private static readonly ListChanges Counties = new("counties", "code", 0);
    private static readonly ListChanges Institutions = new("institutions", "id", 0);

    private readonly ConcurrentDictionary<string, Sent> sent = new(StringComparer.Ordinal);

    /// <summary>The SignalR group of those who receive a key's changes; keys without a list have one group only.</summary>
    public static string GroupFor(string key) => ListOf(key) is null ? key : key + GroupSuffix;

    /// <summary>The update as subscribers of changes receive it, or null for a key without a list.</summary>
    public ChangedUpdate? Of(DashboardUpdate update)
    {
        if (ListOf(update.Key) is not { } list)
        {
            return null;
        }

        var data = JsonSerializer.SerializeToElement(update.Data, json.Value.PayloadSerializerOptions);
        var entries = data.GetProperty(list.List).EnumerateArray().ToArray();
        var current = new Sent(update.Version, [.. entries.Select(entry => entry.GetProperty(list.By).GetString() ?? "")], [.. entries.Select(entry => entry.GetRawText())]);
        var previous = Exchange(update.Key, current);
        if (previous is null || previous.Version >= update.Version || !previous.Ids.SequenceEqual(current.Ids))
        {
            return new ChangedUpdate(update.Key, update.Version, update.AsOf, data, null);
        }

        var changed = entries.Where((_, index) => current.Texts[index] != previous.Texts[index]);
        return new ChangedUpdate(update.Key, update.Version, update.AsOf, WithList(data, list.List, changed), list with { Since = previous.Version });
    }

    /// <summary>
    /// The next update of the key goes whole: for a key whose changes nobody here receives now. Cutting
    /// a later update against a much older one would be right only as long as every change of an entry
    /// changes its JSON (entries carry their versions today); going whole does not depend on that.
    /// </summary>
    public void Forget(string key) => sent.TryRemove(key, out _);

    private static ListChanges? ListOf(string key) =>
        key == UpdateKeys.City ? Counties : UpdateKeys.TryParseCounty(key, out _) ? Institutions : null;

    /// <summary>Records what goes out now and returns what went before; an older update does not replace a newer one.</summary>
    private Sent? Exchange(string key, Sent current)
    {
        Sent? previous = null;
        sent.AddOrUpdate(key, current, (_, before) =>
        {
            previous = before;
            return before.Version < current.Version ? current : before;
        });
        return previous;
    }

    private static JsonElement WithList(JsonElement data, string list, IEnumerable<JsonElement> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                if (!property.NameEquals(list))
                {
                    property.WriteTo(writer);
                    continue;
                }

                writer.WriteStartArray(list);
                foreach (var entry in entries)
                {
                    entry.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private sealed record Sent(long Version, string[] Ids, string[] Texts);
}
