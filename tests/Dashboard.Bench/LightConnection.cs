using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dashboard.Testing;
using Dashboard.Web.Access;
using MessagePack;

namespace Dashboard.Bench;

/// <summary>
/// A wall that costs the generator little: a bare WebSocket that speaks the SignalR hub protocol (JSON
/// or MessagePack) just far enough to subscribe and answer pings, then counts what arrives without
/// reading it. The server cannot tell it from a page: it does the same work for it.
/// </summary>
public sealed class LightConnection : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int ErrorResult = 1;

    /// <summary>Half the server's client timeout (30 s), as the SignalR clients do.</summary>
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket;
    private readonly bool messagePack;
    private readonly CancellationTokenSource stop = new();
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private Task running = Task.CompletedTask;

    private LightConnection(ClientWebSocket socket, bool messagePack)
    {
        this.socket = socket;
        this.messagePack = messagePack;
    }

    /// <summary>Messages received after the subscriptions were confirmed (updates and pings).</summary>
    public long Messages { get; private set; }

    public long Bytes { get; private set; }

    public static async Task<LightConnection> Open(Uri web, bool messagePack, string subscribe, IReadOnlyList<string> groups)
    {
        var address = new UriBuilder(new Uri(web, HubPaths.Dashboard))
        {
            Scheme = web.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = $"access_token={Uri.EscapeDataString(TestCredentials.BootstrapKey)}",
        }.Uri;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, CancellationToken.None);
        var connection = new LightConnection(socket, messagePack);
        await connection.Subscribe(subscribe, groups);
        connection.running = Task.WhenAll(connection.Count(), connection.Ping());
        return connection;
    }

    private async Task Subscribe(string method, IReadOnlyList<string> groups)
    {
        await Send(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{(messagePack ? "messagepack" : "json")}\",\"version\":1}}\u001e"));
        var handshake = await NextFrame(json: true);
        if (handshake.Span.IndexOf("error"u8) >= 0)
        {
            throw new InvalidOperationException($"handshake refused: {Encoding.UTF8.GetString(handshake.Span)}");
        }

        for (var index = 0; index < groups.Count; index++)
        {
            await Send(Invocation(index.ToString(), method, groups[index]));
        }

        for (var confirmed = 0; confirmed < groups.Count;)
        {
            var frame = await NextFrame(json: !messagePack);
            if (Completion(frame) is { } outcome)
            {
                confirmed += outcome.Length == 0 ? 1 : throw new InvalidOperationException($"{method} refused: {outcome}");
            }
        }
    }

    private async Task Count()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await NextFrame(json: !messagePack);
                Messages++;
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task Ping()
    {
        var ping = messagePack ? Framed([0x91, 0x06]) : "{\"type\":6}\u001e"u8.ToArray();
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await Send(ping);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private Task Send(byte[] message) => socket.SendAsync(message, messagePack ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, stop.Token);

    private byte[] Invocation(string id, string method, string group)
    {
        if (!messagePack)
        {
            return Encoding.UTF8.GetBytes($"{{\"type\":{InvocationType},\"invocationId\":\"{id}\",\"target\":\"{method}\",\"arguments\":[\"{group}\"]}}\u001e");
        }

        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(6);
        writer.Write(InvocationType);
        writer.WriteMapHeader(0);
        writer.Write(id);
        writer.Write(method);
        writer.WriteArrayHeader(1);
        writer.Write(group);
        writer.WriteArrayHeader(0);
        writer.Flush();
        return Framed(body.WrittenSpan);
    }

    /// <summary>A completion's error text ("" when it succeeded), or null for any other message.</summary>
    private string? Completion(ReadOnlyMemory<byte> frame)
    {
        if (!messagePack)
        {
            using var message = JsonDocument.Parse(frame);
            return message.RootElement.GetProperty("type").GetInt32() != CompletionType ? null
                : message.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "?" : "";
        }

        var reader = new MessagePackReader(frame);
        reader.ReadArrayHeader();
        if (reader.ReadInt32() != CompletionType)
        {
            return null;
        }

        reader.Skip();
        reader.Skip();
        return reader.ReadInt32() == ErrorResult ? reader.ReadString() ?? "?" : "";
    }

    /// <summary>MessagePack messages go length-first: the length as a base-128 varint, low bits first.</summary>
    private static byte[] Framed(ReadOnlySpan<byte> body)
    {
        var framed = new List<byte>(body.Length + 5);
        for (var length = (uint)body.Length; ; length >>= 7)
        {
            framed.Add((byte)(length < 0x80 ? length : (length & 0x7f) | 0x80));
            if (length < 0x80)
            {
                break;
            }
        }

        framed.AddRange(body);
        return [.. framed];
    }

    /// <summary>The next message: JSON ends at a record separator, MessagePack is preceded by its length.</summary>
    private async Task<ReadOnlyMemory<byte>> NextFrame(bool json)
    {
        while (true)
        {
            if (TryFrame(json, out var frame))
            {
                return frame;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (end, start) = (end - start, 0);
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var received = await socket.ReceiveAsync(buffer.AsMemory(end), stop.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the server closed the connection: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            end += received.Count;
            Bytes += received.Count;
        }
    }

    private bool TryFrame(bool json, out ReadOnlyMemory<byte> frame)
    {
        frame = default;
        var pending = buffer.AsSpan(start, end - start);
        if (json)
        {
            var separator = pending.IndexOf(RecordSeparator);
            if (separator < 0)
            {
                return false;
            }

            frame = buffer.AsMemory(start, separator);
            start += separator + 1;
            return true;
        }

        var length = 0;
        for (var index = 0; index < Math.Min(pending.Length, 5); index++)
        {
            length |= (pending[index] & 0x7f) << (7 * index);
            if (pending[index] < 0x80)
            {
                if (pending.Length - index - 1 < length)
                {
                    return false;
                }

                frame = buffer.AsMemory(start + index + 1, length);
                start += index + 1 + length;
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        await running;
        socket.Dispose();
        stop.Dispose();
    }
}
