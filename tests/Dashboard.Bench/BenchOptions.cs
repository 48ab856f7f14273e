namespace Dashboard.Bench;

/// <summary>Command-line options: <c>SCENARIO [--duration S] [--senders N] [--batch N] [--clients N] [--rate N] [--store sqlite|postgres]</c>.</summary>
public sealed record BenchOptions(string Scenario, TimeSpan Duration, int Senders, int Batch, int Clients, int Rate, string Store)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 1; index + 1 < args.Length; index += 2)
        {
            values[args[index].TrimStart('-')] = args[index + 1];
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text) : fallback;
        return new BenchOptions(
            args.FirstOrDefault() ?? "ingest",
            TimeSpan.FromSeconds(Number("duration", 60)),
            Number("senders", 16),
            Number("batch", 100),
            Number("clients", 100),
            Number("rate", 1000),
            values.GetValueOrDefault("store", "sqlite"));
    }
}
