using System.Collections.Immutable;
using Dashboard.Contracts.Registry;

namespace Dashboard.Web.Access;

/// <summary>The counties a new key, display or user is limited to, checked against the region and against who asks.</summary>
public static class ScopeRequest
{
    public static ImmutableArray<string> Check(string[]? counties, Region region, AccessScope granter, Dictionary<string, string[]> errors)
    {
        var requested = (counties ?? []).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (requested.Length > region.Counties.Length + 1)
        {
            errors["counties"] = [$"最多 {region.Counties.Length + 1} 个区县"];
            return [];
        }

        var unknown = requested.Where(code => code is null || !region.Contains(code)).ToArray();
        if (unknown.Length > 0)
        {
            errors["counties"] = [$"区县代码不在登记册中：{string.Join("、", unknown.Select(code => code ?? "null").Take(5))}"];
            return [];
        }

        if (!granter.IsCityWide && (requested.IsEmpty || requested.Any(code => !granter.Allows(code))))
        {
            errors["counties"] = ["只能授予自己所辖区县的权限，且必须列出区县"];
        }

        return [.. requested.Order(StringComparer.Ordinal)];
    }
}
