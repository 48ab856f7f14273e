using System.Security.Cryptography;
using System.Text;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Grains.Registry;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// Which orders are the 未保 hotline's, and what each counts as. An order that is not (a noise
/// complaint, a pension question) is skipped without being checked further; an order that is must
/// name its number, a time that has passed, and a district of the registry.
/// </summary>
public sealed class WorkOrderRules(Region region, WorkOrderOptions options, DateTimeOffset now)
{
    private const int MaxNumberLength = 64;
    private const int MaxTextLength = 200;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Yes = ["是", "y", "yes", "true", "1", "涉及"];
    private static readonly string[] CityLevelNames = [Region.CityLevelName, "市直"];

    private readonly WorkOrderColumns columns = options.Columns;

    public bool IsHotlines(WorkOrderRow row) =>
        Yes.Contains(row.Minor?.Trim().ToLowerInvariant())
        || (row.Category is { } category && options.CategoriesOrDefault.Any(name => category.Contains(name, StringComparison.Ordinal)));

    /// <summary>The order, or null with the reasons added to <paramref name="errors"/>.</summary>
    public WorkOrder? Interpret(WorkOrderRow row, List<RegistryCsvError> errors)
    {
        var count = errors.Count;
        void Error(string column, string message) => errors.Add(new RegistryCsvError(row.Row, column, message));

        var number = row.Number?.Trim();
        if (SafeText.CheckText(number, $"“{columns.Number}”", MaxNumberLength, required: true) is { } numberProblem)
        {
            Error(columns.Number, numberProblem);
        }

        foreach (var (column, value) in new[] { (columns.Category, row.Category), (columns.Handling, row.Handling), (columns.District, row.District) })
        {
            if (SafeText.CheckText(value, $"“{column}”", MaxTextLength) is { } problem)
            {
                Error(column, problem);
            }
        }

        var receivedAt = ReceivedAt(row.ReceivedAt, Error);
        var line = Line(row.District?.Trim(), Error);
        if (errors.Count > count)
        {
            return null;
        }

        var intervention = row.Handling is { } handling && options.InterventionsOrDefault.Any(word => handling.Contains(word, StringComparison.Ordinal));
        return new WorkOrder(row.Row, Hash(number!), receivedAt!.Value, line!, intervention);
    }

    /// <summary>
    /// The number is kept only as this: enough to recognise the order again. Order numbers follow a
    /// pattern, so someone holding a hash could find its number by trying them; the hash keeps the
    /// number out of plain sight, it does not make it secret.
    /// </summary>
    public static string Hash(string number) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number)))[..32];

    private DateTimeOffset? ReceivedAt(string? text, Action<string, string> error)
    {
        if (BureauCalendar.ParseTime(text) is not { } at)
        {
            error(columns.ReceivedAt, $"“{columns.ReceivedAt}”应为北京时间，例如 2026-12-05 09:30:00");
            return null;
        }

        if (at > now + AllowedClockSkew)
        {
            error(columns.ReceivedAt, $"“{columns.ReceivedAt}”晚于现在");
            return null;
        }

        return at;
    }

    /// <summary>A county by its name (清城区, or 连山 for 连山壮族瑶族自治县) or code; the city by its name, code or 市本级.</summary>
    private string? Line(string? district, Action<string, string> error)
    {
        if (string.IsNullOrEmpty(district))
        {
            error(columns.District, $"请填写“{columns.District}”");
            return null;
        }

        if (district == region.CityCode || district == region.CityName || CityLevelNames.Contains(district))
        {
            return region.CityCode;
        }

        var county = region.Counties.FirstOrDefault(county => county.Code == district || county.Name == district)
            ?? region.Counties.FirstOrDefault(county => county.Name.StartsWith(district, StringComparison.Ordinal) && district.Length >= 2);
        if (county is null)
        {
            error(columns.District, $"“{columns.District}”不是登记册中的区县：{district}");
        }

        return county?.Code;
    }
}
