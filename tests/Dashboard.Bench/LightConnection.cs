using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Dashboard.Testing;
using MessagePack;

namespace Dashboard.Bench;

/// <summary>
/// A wall that costs the generator little: a bare WebSocket that speaks the SignalR hub protocol (JSON
/// or MessagePack, <see cref="HubWire"/>) just far enough to subscribe and answer pings, then counts
/// what arrives without reading it. The server cannot tell it from a page: it does the same work for it.
/// </summary>
public sealed class LightConnection : IAsyncDisposable
{
    private const int InvocationType = 1;

    /// <summary>Half the server's client timeout (30 s), as the SignalR clients do.</summary>
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private static readonly byte[] JsonPing = "{\"type\":6}"u8.ToArray();
    private static readonly byte[] MessagePackPing = [0x91, 0x06];

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

    /// <summary>Messages other than pings received after the subscriptions were confirmed.</summary>
    public long Messages { get; private set; }

    /// <summary>Bytes received after the subscriptions were confirmed.</summary>
    public long Bytes { get; private set; }

    /// <summary>Why the server ended the connection before the run did, if it did.</summary>
    public string? Lost { get; private set; }

    public static async Task<LightConnection> Open(Uri web, bool messagePack, string subscribe, IReadOnlyList<string> groups)
    {
        var connection = new LightConnection(new ClientWebSocket(), messagePack);
        try
        {
            await connection.socket.ConnectAsync(HubWire.Address(web), CancellationToken.None);
            await connection.Subscribe(subscribe, groups);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection.running = Task.WhenAll(connection.Count(), connection.Ping());
        return connection;
    }

    private async Task Subscribe(string method, IReadOnlyList<string> groups)
    {
        await Send(HubWire.Handshake(messagePack));
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
            if (HubWire.Completion(await NextFrame(json: !messagePack), messagePack) is { } error)
            {
                confirmed += error.Length == 0 ? 1 : throw new InvalidOperationException($"{method} refused: {error}");
            }
        }

        Bytes = end - start;
    }

    private async Task Count()
    {
        var ping = messagePack ? MessagePackPing : JsonPing;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var message = await NextFrame(json: !messagePack);
                if (!message.Span.SequenceEqual(ping))
                {
                    Messages++;
                }
            }
        }
        catch (Exception exception) when (!stop.IsCancellationRequested)
        {
            Lost = exception.Message;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task Ping()
    {
        var ping = messagePack ? HubWire.Framed(MessagePackPing) : [.. JsonPing, HubWire.RecordSeparator];
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await Send(ping);
            }
        }
        catch (Exception)
        {
            // The connection ended: by the run's end, or by the server, which Count records.
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
        return HubWire.Framed(body.WrittenSpan);
    }

    /// <summary>The next message, read into a buffer that grows to the largest one (a snapshot).</summary>
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
            var separator = pending.IndexOf(HubWire.RecordSeparator);
            if (separator < 0)
            {
                return false;
            }

            frame = buffer.AsMemory(start, separator);
            start += separator + 1;
            return true;
        }

        if (!HubWire.TryFrame(pending, out var offset, out var length))
        {
            return false;
        }

        frame = buffer.AsMemory(start + offset, length);
        start += offset + length;
        return true;
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
