using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Dashboard.Grains.Registry;

/// <summary>A column of the registry CSV and the header names clerks may give it (case-insensitive).</summary>
/// <param name="Key">The canonical name reported in <see cref="RegistryCsvError.Column"/>.</param>
internal sealed record RegistryColumn(string Key, string ChineseName, bool Required, ImmutableArray<string> Names)
{
    public static readonly RegistryColumn Id = new("id", "机构编号", true, ["id", "编号", "机构编号", "机构代码"]);
    public static readonly RegistryColumn Name = new("name", "机构名称", true, ["name", "名称", "机构名称"]);
    public static readonly RegistryColumn Kind = new("kind", "机构类型", true, ["kind", "类型", "机构类型"]);
    public static readonly RegistryColumn County = new("county", "所属区县", true, ["county", "区县", "区县代码", "所属区县"]);
    public static readonly RegistryColumn Beds = new("beds", "床位数", false, ["beds", "床位", "床位数"]);
    public static readonly RegistryColumn Occupants = new("occupants", "在住人数", false, ["occupants", "在住", "在住人数", "入住人数"]);

    public static readonly ImmutableArray<RegistryColumn> All = [Id, Name, Kind, County, Beds, Occupants];

    private static readonly FrozenDictionary<string, RegistryColumn> ByName =
        All.SelectMany(column => column.Names, (column, name) => (column, name))
            .ToFrozenDictionary(pair => pair.name, pair => pair.column, StringComparer.OrdinalIgnoreCase);

    public static RegistryColumn? Find(string header) => ByName.GetValueOrDefault(header.Trim());
}
