using System.Collections.Immutable;
using Dashboard.Grains.Registry;

namespace Dashboard.Grains.Hotlines;

/// <summary>A parsed history file: the days it sets, or why it cannot be applied.</summary>
public sealed record HotlineHistoryCsvResult(ImmutableArray<HotlineHistoryDay> Days, ImmutableArray<RegistryCsvError> Errors, string EncodingName)
{
    public bool IsValid => Errors.IsEmpty;

    public int Hours => Days.Sum(day => day.CallsByHour.Count);
}
