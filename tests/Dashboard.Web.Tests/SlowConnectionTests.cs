using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Dashboard.Web.Tests;

/// <summary>A browser on a bad network, or one that hangs, must not hold back the other walls of its node.</summary>
public sealed class SlowConnectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_connection_that_stops_reading_is_closed_and_the_other_walls_keep_getting_updates()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Push:SendTimeout"] = SendTimeout.ToString() });
        using var stuck = await SubscribeAndStopReading(app.BaseAddress);
        await using var wall = TestCredentials.Hub(app.BaseAddress).Build();
        var arrivals = Channel.CreateUnbounded<long>();
        wall.On<JsonElement>("update", _ => arrivals.Writer.TryWrite(Stopwatch.GetTimestamp()));
        await wall.StartAsync();
        await wall.InvokeAsync<JsonElement>("Subscribe", "city");

        // Events in every county: each flush is the city (13 KB) and up to eight counties (7 KB each) for
        // the stuck connection, whose buffers (the kernel's grow to 4 MB) fill within a few seconds.
        var institutions = DemoRegistry.ElderlyCareIds();
        var posting = Stopwatch.GetTimestamp();
        for (var sent = 0; Stopwatch.GetElapsedTime(posting) < TimeSpan.FromSeconds(8); sent++)
        {
            (await app.Http.Post(Events.Admitted($"slow-{sent}", institutions[sent % institutions.Length]))).EnsureSuccessStatusCode();
        }

        var ended = Stopwatch.GetTimestamp();
        var times = new List<long> { posting };
        while (arrivals.Reader.TryRead(out var at))
        {
            times.Add(at);
        }

        times.Add(ended);
        var longestGap = times.Zip(times.Skip(1), Stopwatch.GetElapsedTime).Max();
        output.WriteLine($"the other wall went at most {longestGap.TotalSeconds:0.00} s without an update");
        // When the fan-out waited for the stuck connection, the other wall went dark from when the stuck
        // buffers were full to the end (5.5 s measured), and with a timeout on the wait, for the timeout.
        Assert.InRange(longestGap, TimeSpan.Zero, SendTimeout / 2);
        Assert.Equal("closed", await ReadUntilClosed(stuck, TimeSpan.FromSeconds(10)));
    }

    /// <summary>
    /// A bare hub connection with a small receive buffer that subscribes to the city and every county
    /// and then reads nothing more, as a hung browser tab does.
    /// </summary>
    private static async Task<ClientWebSocket> SubscribeAndStopReading(Uri web)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var stuck = new ClientWebSocket();
        await stuck.ConnectAsync(HubWire.Address(web), new HttpMessageInvoker(handler, disposeHandler: false), CancellationToken.None);
        await stuck.SendAsync(HubWire.Handshake(messagePack: false), WebSocketMessageType.Text, true, CancellationToken.None);
        string[] groups = ["city", .. DemoRegistry.CountyCodes.Select(code => $"county:{code}")];
        var subscriptions = string.Concat(groups.Select((group, index) =>
            $"{{\"type\":1,\"invocationId\":\"{index}\",\"target\":\"Subscribe\",\"arguments\":[\"{group}\"]}}\u001e"));
        await stuck.SendAsync(Encoding.UTF8.GetBytes(subscriptions), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var received = new StringBuilder();
        while (!received.ToString().Contains($"\"invocationId\":\"{groups.Length - 1}\"", StringComparison.Ordinal))
        {
            var chunk = await stuck.ReceiveAsync(buffer, CancellationToken.None);
            received.Append(Encoding.UTF8.GetString(buffer, 0, chunk.Count));
        }

        return stuck;
    }

    /// <summary>"closed" once the server has closed the connection (after what it had sent), "open" if it is still sending or silent.</summary>
    private static async Task<string> ReadUntilClosed(ClientWebSocket socket, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[64 * 1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
            }

            return "closed";
        }
        catch (WebSocketException)
        {
            return "closed";
        }
        catch (OperationCanceledException)
        {
            return "open";
        }
    }
}
