using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Grains.Registry;

namespace Dashboard.Web.Registry;

/// <summary>An institution as an administrator enters it: kind and county by code or by Chinese name.</summary>
public sealed record RegistryEntry(string? Name, string? Kind, string? County, int? Beds, int? Occupants)
{
    private const int MaxCount = 100_000;

    /// <summary>The same rule as the CSV import: letters, digits, '-' and '_', at most 64 characters.</summary>
    public static string? IdProblem(string id) =>
        id.Length is 0 or > RegistryCsv.MaxIdLength || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            ? $"机构编号只能由英文字母、数字、“-”和“_”组成，最多 {RegistryCsv.MaxIdLength} 个字符"
            : null;

    public Dictionary<string, string[]> Validate(string id, Region region)
    {
        var errors = new Dictionary<string, string[]>();
        if (IdProblem(id) is { } idProblem)
        {
            errors["id"] = [idProblem];
        }

        if (SafeText.CheckName(Name, "机构名称", RegistryCsv.MaxNameLength) is { } nameProblem)
        {
            errors["name"] = [nameProblem];
        }

        if (!InstitutionKinds.TryParse(Kind, out _))
        {
            errors["kind"] = [$"未知的机构类型 '{Kind}'"];
        }

        if (CountyCode(region) is null)
        {
            errors["county"] = [$"区县 '{County}' 不在登记册中"];
        }

        if (Beds is < 0 or > MaxCount || Occupants is < 0 or > MaxCount)
        {
            errors["beds"] = [$"beds 和 occupants 必须是 0 到 {MaxCount} 之间的整数"];
        }

        return errors;
    }

    public RegisteredInstitution ToRegistration(string id, Region region)
    {
        // Validate() has refused an entry whose kind does not parse.
        var kind = InstitutionKinds.TryParse(Kind, out var parsed) ? parsed : throw new InvalidOperationException($"Unvalidated kind {Kind}");
        return new RegisteredInstitution(new InstitutionInfo(id, Name!.Trim(), kind, CountyCode(region)!, Demo: false), Beds ?? 0, Occupants ?? 0);
    }

    public string? CountyCode(Region region)
    {
        var value = County?.Trim();
        return value == region.CityCode || value == region.CityName
            ? region.CityCode
            : region.Counties.FirstOrDefault(county => county.Code == value || county.Name == value)?.Code;
    }
}
