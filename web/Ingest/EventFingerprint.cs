using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.Ingest;

/// <summary>A hash of what an event says, so that a reused id with another payload is recognised.</summary>
public static class EventFingerprint
{
    public static ulong Of(string type, string target, int value, DateTimeOffset occurredAt)
    {
        var canonical = $"{type}\n{target}\n{value}\n{occurredAt.UtcTicks}";
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static InstitutionChange Change(string id, string type, string institutionId, InstitutionChangeKind kind, int value, DateTimeOffset occurredAt) =>
        new(id, kind, value, occurredAt, Of(type, institutionId, value, occurredAt));
}
