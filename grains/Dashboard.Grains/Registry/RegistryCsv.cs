using System.Collections.Immutable;
using System.Globalization;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Reads the institution registry CSV a bureau uploads, as clerks produce it with Excel or WPS:
/// UTF-8 or GB18030, English or Chinese headers in any order, kinds and counties by code or by Chinese name.
/// </summary>
public static class RegistryCsv
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 64;
    public const int MaxCount = 100_000;

    private static readonly string AcceptedKinds =
        $"{string.Join("、", Enum.GetValues<InstitutionKind>().Select(kind => kind.ToChineseName()))}" +
        $"（或英文代码 {string.Join("、", Enum.GetValues<InstitutionKind>().Select(kind => kind.ToWireName()))}）";

    /// <summary>
    /// Parses a whole registry file. Never throws for bad content: every problem becomes an error with
    /// its line number, and rows with errors are left out of <see cref="RegistryCsvResult.Institutions"/>.
    /// </summary>
    public static RegistryCsvResult Parse(byte[] content, Region region, bool demo)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(region);

        var (text, encodingName) = RegistryCsvEncoding.Decode(content);
        if (text is null)
        {
            return new RegistryCsvResult([], [new RegistryCsvError(1, null, RegistryCsvEncoding.Utf16Refused)], encodingName);
        }

        var errors = new List<RegistryCsvError>();
        var records = CsvRecordReader.Read(text, errors).Where(record => !record.IsBlank).ToList();
        var institutions = ImmutableArray.CreateBuilder<RegisteredInstitution>();
        if (records.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(new RegistryCsvError(1, null, "文件是空的：第一行必须是表头，例如 机构编号,机构名称,机构类型,所属区县,床位数,在住人数"));
            }
        }
        else if (RegistryCsvHeader.Read(records[0], errors) is { } header)
        {
            var rows = new RowValidator(header, region, demo, errors);
            foreach (var record in records.Skip(1))
            {
                if (rows.Validate(record) is { } institution)
                {
                    institutions.Add(institution);
                }
            }
        }

        // Stable sort: an unclosed quote is found while splitting, before the rows above it are checked.
        return new RegistryCsvResult(institutions.ToImmutable(), [.. errors.OrderBy(error => error.Line)], encodingName);
    }

    private sealed class RowValidator(RegistryCsvHeader header, Region region, bool demo, List<RegistryCsvError> errors)
    {
        private readonly Dictionary<string, string> countyCodes = CountyCodes(region);
        private readonly string acceptedCounties = string.Join("、",
            region.Counties.Select(county => $"{county.Name}({county.Code})").Append($"{region.CityName}({region.CityCode}，市直机构)"));

        // Ids are compared ordinally: they become grain keys, where "A1" and "a1" are different institutions.
        private readonly Dictionary<string, int> firstLineOfId = new(StringComparer.Ordinal);

        public RegisteredInstitution? Validate(CsvRecord record)
        {
            var before = errors.Count;
            if (record.Fields.Count > header.Width && record.Fields.Skip(header.Width).Any(field => !string.IsNullOrWhiteSpace(field)))
            {
                Error(record, null, $"本行有 {record.Fields.Count} 个字段，但表头只有 {header.Width} 列；内容中含有英文逗号时，请用英文双引号把整个字段括起来");
            }

            var id = Id(record);
            var name = Name(record);
            var kind = Kind(record);
            var county = County(record);
            var beds = Count(record, RegistryColumn.Beds);
            var occupants = Count(record, RegistryColumn.Occupants);

            // Occupants above beds is allowed: over capacity is real and the dashboard flags it.
            return errors.Count == before
                ? new RegisteredInstitution(new InstitutionInfo(id!, name!, kind!.Value, county!, demo), beds!.Value, occupants!.Value)
                : null;
        }

        private string? Id(CsvRecord record)
        {
            var column = RegistryColumn.Id;
            var id = header.Value(record, column);
            if (id.Length == 0)
            {
                return Error(record, column, $"“{header.Text(column)}”不能为空");
            }

            if (id.Length > MaxIdLength)
            {
                return Error(record, column, $"“{header.Text(column)}”的值“{id}”太长：{id.Length} 个字符，最多 {MaxIdLength} 个");
            }

            // Ids travel in URLs, grain keys and SignalR group names, so they stay plain ASCII.
            var bad = id.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'));
            if (bad != default)
            {
                return Error(record, column, $"“{header.Text(column)}”的值“{id}”含有{(char.IsWhiteSpace(bad) ? "空格" : $"“{bad}”")}；编号只能由英文字母、数字、“-”和“_”组成");
            }

            if (!firstLineOfId.TryAdd(id, record.Line))
            {
                return Error(record, column, $"“{header.Text(column)}”的值“{id}”与第 {firstLineOfId[id]} 行重复；每个机构的编号必须唯一");
            }

            return id;
        }

        private string? Name(CsvRecord record)
        {
            var column = RegistryColumn.Name;
            var name = header.Value(record, column);
            if (name.Length == 0)
            {
                return Error(record, column, $"“{header.Text(column)}”不能为空");
            }

            // A line break inside a quoted name would break the wall's one-line tiles; markup, hidden
            // formatting and formula prefixes would travel to every wall and into every export.
            return SafeText.CheckName(name, $"“{header.Text(column)}”", MaxNameLength) is { } problem ? Error(record, column, problem) : name;
        }

        private InstitutionKind? Kind(CsvRecord record)
        {
            var column = RegistryColumn.Kind;
            var value = header.Value(record, column);
            if (InstitutionKinds.TryParse(value, out var kind))
            {
                return kind;
            }

            Error(record, column, value.Length == 0
                ? $"“{header.Text(column)}”不能为空，可填：{AcceptedKinds}"
                : $"“{header.Text(column)}”的值“{value}”不是可识别的机构类型，可填：{AcceptedKinds}");
            return null;
        }

        private string? County(CsvRecord record)
        {
            var column = RegistryColumn.County;
            var value = header.Value(record, column);
            if (countyCodes.TryGetValue(value, out var code))
            {
                return code;
            }

            return Error(record, column, value.Length == 0
                ? $"“{header.Text(column)}”不能为空，可填区县名称或 6 位区划代码：{acceptedCounties}"
                : $"“{header.Text(column)}”的值“{value}”不是{region.CityName}的区县，可填区县名称或 6 位区划代码：{acceptedCounties}");
        }

        private int? Count(CsvRecord record, RegistryColumn column)
        {
            // An absent column or an empty cell means none: clerks leave zero cells blank.
            var value = header.Value(record, column);
            if (value.Length == 0)
            {
                return 0;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxCount)
            {
                return count;
            }

            Error(record, column, $"“{header.Text(column)}”的值“{value}”不是 0 到 {MaxCount} 之间的整数");
            return null;
        }

        private string? Error(CsvRecord record, RegistryColumn? column, string message)
        {
            errors.Add(new RegistryCsvError(record.Line, column?.Key, message));
            return null;
        }

        private static Dictionary<string, string> CountyCodes(Region region)
        {
            var codes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [region.CityCode] = region.CityCode,
                [region.CityName] = region.CityCode,
            };
            foreach (var county in region.Counties)
            {
                codes[county.Code] = county.Code;
                codes[county.Name] = county.Code;
            }

            return codes;
        }
    }
}
