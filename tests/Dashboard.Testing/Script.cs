using System.Diagnostics;

namespace Dashboard.Testing;

/// <summary>One of the repository's operator scripts (<c>deploy/…</c>), run with bash as an operator runs it.</summary>
public static class Script
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> Run(string path, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, path));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(6));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Runs it and fails the test, with everything it wrote, unless it succeeds; returns its output.</summary>
    public static async Task<string> Succeed(string path, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var outcome = await Run(path, arguments, environment);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{path} {string.Join(' ', arguments)} failed ({outcome.ExitCode}): {outcome.Output}{outcome.Error}");
        }

        return outcome.Output;
    }
}
