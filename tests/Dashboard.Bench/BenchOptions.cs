namespace Dashboard.Bench;

/// <summary>
/// Command-line options: <c>SCENARIO [--duration S] [--warmup S] [--senders N] [--batch N] [--clients N] [--rate N]
/// [--institutions N] [--counties N] [--store sqlite|postgres]</c>. Defaults suit the scenario: fan-out
/// holds 5,000 clients for 10 minutes at one update per second (ten events per batch, a batch per second).
/// For <c>ingest</c>, <c>--rate</c> offers that many events a second in total (open loop, latency counted
/// from when each request was due); without it senders send as fast as they are acknowledged. The
/// warm-up (30 s by default, at the same load) is not counted: the JIT compiles and re-tiers the hot
/// paths over a run's first half-minute on the same two cores (profiled after a 5 s warm-up, it took a
/// sixth of the machine in the first phase).
/// <c>--light</c> adds connections that subscribe like walls but only count what arrives
/// (<see cref="LightConnection"/>); <c>--protocol</c> is the hub protocol of every connection;
/// <c>--updates</c> whether they subscribe to changes (as the pages do) or to whole updates. On
/// PostgreSQL, <c>--webs</c> and <c>--silos</c> size the cluster; connections are dealt out over its
/// web nodes in turn.
/// </summary>
public sealed record BenchOptions(string Scenario, TimeSpan Duration, TimeSpan WarmUp, int Senders, int Batch, int Clients, int Light,
    bool MessagePack, bool Changes, int Rate, int Institutions, int Counties, string Store, int Webs, int Silos)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 1; index + 1 < args.Length; index += 2)
        {
            values[args[index].TrimStart('-')] = args[index + 1];
        }

        var scenario = args.FirstOrDefault() ?? "ingest";
        var fanout = scenario == "fanout";
        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text) : fallback;
        return new BenchOptions(
            scenario,
            TimeSpan.FromSeconds(Number("duration", fanout ? 600 : 60)),
            TimeSpan.FromSeconds(Number("warmup", 30)),
            Number("senders", 16),
            Number("batch", 100),
            Number("clients", fanout ? 5000 : 100),
            Number("light", 0),
            values.GetValueOrDefault("protocol", "json") switch
            {
                "json" => false,
                "messagepack" => true,
                var other => throw new ArgumentException($"unknown protocol '{other}': json | messagepack"),
            },
            values.GetValueOrDefault("updates", "changes") switch
            {
                "changes" => true,
                "whole" => false,
                var other => throw new ArgumentException($"unknown updates '{other}': changes | whole"),
            },
            Number("rate", scenario == "ingest" ? 0 : fanout ? 10 : 1000),
            Number("institutions", 50_000),
            Number("counties", 3_000),
            values.GetValueOrDefault("store", "sqlite"),
            Number("webs", 1),
            Number("silos", 1));
    }
}
