using System.Text.Json;
using MessagePack;

namespace Dashboard.Testing;

/// <summary>
/// Just enough of SignalR's hub protocols to speak them over a bare WebSocket: MessagePack messages go
/// length-first (a base-128 varint, low bits first), JSON ones end with a record separator.
/// </summary>
public static class HubWire
{
    public const byte RecordSeparator = 0x1e;

    private const int CompletionType = 3;
    private const int ErrorResult = 1;

    /// <summary>The hub's WebSocket address, with the test key where browsers put it.</summary>
    public static Uri Address(Uri web) => new UriBuilder(new Uri(web, "/hubs/dashboard"))
    {
        Scheme = web.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Query = $"access_token={Uri.EscapeDataString(TestCredentials.BootstrapKey)}",
    }.Uri;

    public static byte[] Handshake(bool messagePack) =>
        System.Text.Encoding.UTF8.GetBytes($"{{\"protocol\":\"{(messagePack ? "messagepack" : "json")}\",\"version\":1}}\u001e");

    /// <summary>A MessagePack message with its length before it.</summary>
    public static byte[] Framed(ReadOnlySpan<byte> body)
    {
        var framed = new List<byte>(body.Length + 5);
        var length = (uint)body.Length;
        while (length >= 0x80)
        {
            framed.Add((byte)((length & 0x7f) | 0x80));
            length >>= 7;
        }

        framed.Add((byte)length);
        framed.AddRange(body);
        return [.. framed];
    }

    /// <summary>Where the next MessagePack message starts and how long it is, once all of it is in <paramref name="pending"/>.</summary>
    public static bool TryFrame(ReadOnlySpan<byte> pending, out int start, out int length)
    {
        length = 0;
        for (var index = 0; index < Math.Min(pending.Length, 5); index++)
        {
            length |= (pending[index] & 0x7f) << (7 * index);
            if (pending[index] < 0x80)
            {
                start = index + 1;
                return pending.Length - start >= length;
            }
        }

        start = 0;
        return false;
    }

    /// <summary>A completion's error text ("" when the call succeeded), or null for any other message.</summary>
    public static string? Completion(ReadOnlyMemory<byte> message, bool messagePack)
    {
        if (!messagePack)
        {
            using var json = JsonDocument.Parse(message);
            return json.RootElement.GetProperty("type").GetInt32() != CompletionType ? null
                : json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "?" : "";
        }

        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        if (reader.ReadInt32() != CompletionType)
        {
            return null;
        }

        reader.Skip();
        reader.Skip();
        return reader.ReadInt32() == ErrorResult ? reader.ReadString() ?? "?" : "";
    }
}
