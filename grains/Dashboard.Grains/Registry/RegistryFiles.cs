using System.Collections.Immutable;
using System.Text;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Reads a registry folder: <c>region.csv</c> (code,name,level), <c>institutions.csv</c> (as a bureau
/// exports it, see <see cref="RegistryCsv"/>) and, for the demo registry, this year's figures so far:
/// <c>rescue.csv</c> (id,received,minors,settled,reunited,stranded,recent) and <c>hotlines.csv</c>
/// (code,answered,missed,outbound,consultations,interventions).
/// </summary>
public static class RegistryFiles
{
    public static Region ReadRegion(string folder)
    {
        var rows = ReadTable(folder, "region.csv");
        var city = rows.SingleOrDefault(row => row["level"] == "city")
            ?? throw new InvalidDataException($"{folder}/region.csv: exactly one line must have level 'city'");
        var counties = rows.Where(row => row["level"] == "county").Select(row => new County(row["code"], row["name"]));
        return new Region(city["code"], city["name"], [.. counties]);
    }

    public static ImmutableArray<RegisteredInstitution> ReadInstitutions(string folder, Region region, bool demo, DateOnly today)
    {
        var parsed = RegistryCsv.Parse(File.ReadAllBytes(Path.Combine(folder, "institutions.csv")), region, demo);
        if (!parsed.IsValid)
        {
            var errors = parsed.Errors.Select(error => $"line {error.Line}: {error.Message}");
            throw new InvalidDataException($"{folder}/institutions.csv is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var openings = File.Exists(Path.Combine(folder, "rescue.csv"))
            ? ReadTable(folder, "rescue.csv").ToDictionary(row => row["id"], row => RescueOpening(row, today))
            : [];
        return [.. parsed.Institutions.Select(institution => institution with { Rescue = openings.GetValueOrDefault(institution.Info.Id) })];
    }

    public static ImmutableArray<HotlineOpening> ReadHotlineOpenings(string folder) =>
        File.Exists(Path.Combine(folder, "hotlines.csv"))
            ? [.. ReadTable(folder, "hotlines.csv").Select(row => new HotlineOpening(row["code"], new HotlineCounts(
                Number(row, "answered"), Number(row, "missed"), Number(row, "outbound"), Number(row, "consultations"), Number(row, "interventions"))))]
            : [];

    /// <summary>
    /// Residents are made up from the counts, with arrivals spread over the past: the stranded ones
    /// more than three months ago, the recent ones within the last two months.
    /// </summary>
    private static RescueOpening RescueOpening(IReadOnlyDictionary<string, string> row, DateOnly today)
    {
        var stranded = Enumerable.Range(0, Number(row, "stranded"))
            .Select(index => new Resident(today.AddMonths(-RescueTotals.StrandedAfterMonths - 1).AddDays(-(index * 11 % 420)), Minor: false));
        var recent = Enumerable.Range(0, Number(row, "recent"))
            .Select(index => new Resident(today.AddDays(-(index * 3 % 60)), Minor: index % 9 == 0));
        return new RescueOpening(
            new RescueCounts(Number(row, "received"), Number(row, "minors"), Number(row, "settled"), Number(row, "reunited")),
            [.. stranded.Concat(recent)]);
    }

    private static int Number(IReadOnlyDictionary<string, string> row, string column) =>
        int.TryParse(row[column], out var value) && value >= 0
            ? value
            : throw new InvalidDataException($"column '{column}' must be a whole number of at least 0, not '{row[column]}'");

    private static List<Dictionary<string, string>> ReadTable(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        var errors = new List<RegistryCsvError>();
        var records = CsvRecordReader.Read(File.ReadAllText(path, Encoding.UTF8), errors).Where(record => !record.IsBlank).ToList();
        if (errors.Count > 0 || records.Count == 0)
        {
            throw new InvalidDataException($"{path}: {string.Join("; ", errors.Select(error => $"line {error.Line}: {error.Message}").DefaultIfEmpty("no header line"))}");
        }

        var header = records[0].Fields.Select(field => field.Trim().ToLowerInvariant()).ToList();
        return [.. records.Skip(1).Select(record => header
            .Select((column, index) => (column, value: index < record.Fields.Count ? record.Fields[index].Trim() : string.Empty))
            .ToDictionary(pair => pair.column, pair => pair.value))];
    }
}
