using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Web.Ingest;

/// <summary>A hash of what an event says, so that a reused id with another payload is recognised.</summary>
public static class EventFingerprint
{
    public static ulong Of(string type, string target, string value, DateTimeOffset occurredAt)
    {
        var canonical = $"{type}\n{target}\n{value}\n{occurredAt.UtcTicks}";
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
