namespace Dashboard.Browser.Tests;

/// <summary>A test that runs for minutes: only when <c>DASHBOARD_SOAK_MINUTES</c> says for how long.</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public const string MinutesVariable = "DASHBOARD_SOAK_MINUTES";

    public SoakFactAttribute()
    {
        if (Minutes is null)
        {
            Skip = $"a soak test; run with {MinutesVariable}=10";
        }
    }

    public static double? Minutes =>
        double.TryParse(Environment.GetEnvironmentVariable(MinutesVariable), System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes : null;
}
