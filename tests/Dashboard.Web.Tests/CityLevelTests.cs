using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

public sealed class CityLevelTests
{
    private static readonly string[] Groups = ["elderlyCare", "childWelfare", "rescue", "hotline"];

    [Fact]
    public async Task For_every_figure_the_counties_and_the_city_level_add_up_to_the_city()
    {
        await using var app = new DashboardApp();
        // Today's figures too, on the city's own line and station as well as a county's.
        (await app.Http.Post(
            Events.InboundCall("sum-city-line", "441800"),
            Events.InboundCall("sum-county-line", "441823", answered: false),
            Events.Admitted("sum-city-home", "441800-GJ-001"),
            new { id = "sum-city-rescue", type = "rescue.received", occurredAt = DateTimeOffset.UtcNow.ToString("O"), stationId = "441800-JZ-001", minor = true })).EnsureSuccessStatusCode();

        var city = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/city");

        var cityLevel = city.GetProperty("cityLevel");
        var scopes = city.GetProperty("counties").EnumerateArray().Append(cityLevel).Select(Figures).ToList();
        var totals = Figures(city);
        Assert.Equal(("441800", "市本级"), (cityLevel.GetProperty("code").GetString(), cityLevel.GetProperty("name").GetString()));
        // The registry has a city-level institution of every group: a home, a children's home, two stations, a line.
        Assert.Equal((1, 1, 2, 1), (
            cityLevel.GetProperty("elderlyCare").GetProperty("institutions").GetInt32(), cityLevel.GetProperty("childWelfare").GetProperty("institutions").GetInt32(),
            cityLevel.GetProperty("rescue").GetProperty("stations").GetInt32(), cityLevel.GetProperty("hotline").GetProperty("lines").GetInt32()));
        Assert.True(totals.Count > 40, $"only {totals.Count} figures found");
        Assert.All(totals, figure => Assert.True(
            figure.Value == scopes.Sum(scope => scope.GetValueOrDefault(figure.Key)),
            $"{figure.Key}: city {figure.Value}, counties and 市本级 {scopes.Sum(scope => scope.GetValueOrDefault(figure.Key))}"));
    }

    /// <summary>Every whole-number figure of a scope's groups by its path; per-kind entries by their kind. Rates are not sums.</summary>
    private static Dictionary<string, long> Figures(JsonElement scope)
    {
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            Collect(scope.GetProperty(group), group, figures);
        }

        return figures;
    }

    private static void Collect(JsonElement element, string path, Dictionary<string, long> figures)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(property => !property.Name.EndsWith("Rate", StringComparison.Ordinal)))
                {
                    Collect(property.Value, $"{path}.{property.Name}", figures);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{item.GetProperty("kind").GetString()}]", figures);
                }

                break;
            case JsonValueKind.Number when element.TryGetInt64(out var value):
                figures[path] = value;
                break;
        }
    }
}
