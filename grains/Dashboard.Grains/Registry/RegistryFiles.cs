using System.Collections.Immutable;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Reads the registry folder: <c>region.csv</c> (code,name,level) and <c>institutions.csv</c>
/// (id,name,kind,county,beds,occupants), UTF-8 with a header line and no quoted fields.
/// </summary>
public static class RegistryFiles
{
    public static Region ReadRegion(string folder)
    {
        var rows = ReadRows(Path.Combine(folder, "region.csv"), columns: 3).ToList();
        var city = rows.SingleOrDefault(row => row.Fields[2] == "city")
            ?? throw new InvalidDataException($"{folder}/region.csv: exactly one line must have level 'city'");
        var counties = rows.Where(row => row.Fields[2] == "county").Select(row => new County(row.Fields[0], row.Fields[1]));
        return new Region(city.Fields[0], city.Fields[1], [.. counties]);
    }

    public static ImmutableArray<RegisteredInstitution> ReadInstitutions(string folder, Region region, bool demo)
    {
        var path = Path.Combine(folder, "institutions.csv");
        return [.. ReadRows(path, columns: 6).Select(row => ParseInstitution(path, row, region, demo))];
    }

    private static RegisteredInstitution ParseInstitution(string path, Row row, Region region, bool demo)
    {
        var fields = row.Fields;
        if (!InstitutionKinds.TryParse(fields[2], out var kind))
        {
            throw row.Error(path, $"unknown kind '{fields[2]}'");
        }

        if (!region.Contains(fields[3]))
        {
            throw row.Error(path, $"county '{fields[3]}' is not in region.csv");
        }

        if (!int.TryParse(fields[4], out var beds) || !int.TryParse(fields[5], out var occupants) || beds < 0 || occupants < 0)
        {
            throw row.Error(path, "beds and occupants must be whole numbers of at least 0");
        }

        return new RegisteredInstitution(new InstitutionInfo(fields[0], fields[1], kind, fields[3], demo), beds, occupants);
    }

    private static IEnumerable<Row> ReadRows(string path, int columns) =>
        File.ReadLines(path)
            .Select((line, index) => new Row(index + 1, line.Split(',', StringSplitOptions.TrimEntries)))
            .Skip(1)
            .Where(row => row.Fields is not [""])
            .Select(row => row.Fields.Length == columns ? row : throw row.Error(path, $"expected {columns} fields"));

    private sealed record Row(int Line, string[] Fields)
    {
        public InvalidDataException Error(string path, string message) => new($"{path}, line {Line}: {message}");
    }
}
