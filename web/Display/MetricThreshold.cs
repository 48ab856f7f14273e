using System.Text.Json.Serialization;

namespace Dashboard.Web.Display;

/// <summary>
/// Where a figure turns amber (<see cref="Warn"/>) and red (<see cref="Alarm"/>). Most figures are
/// worse the higher they go; for those worse the lower they go (available beds) set <see cref="LowerIsWorse"/>.
/// </summary>
public sealed class MetricThreshold
{
    public double Warn { get; set; }

    public double Alarm { get; set; }

    public bool LowerIsWorse { get; set; }

    /// <summary>Red must lie beyond amber in the direction that is worse.</summary>
    [JsonIgnore]
    public bool IsOrdered => LowerIsWorse ? Alarm <= Warn : Alarm >= Warn;
}
