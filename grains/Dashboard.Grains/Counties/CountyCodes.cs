namespace Dashboard.Grains.Counties;

public static class CountyCodes
{
    /// <summary>The prefecture-level city of a GB/T 2260 county code: its first four digits followed by 00.</summary>
    public static string CityOf(string countyCode) => countyCode.Length == 6 ? string.Concat(countyCode.AsSpan(0, 4), "00") : countyCode;
}
