using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Testing;

/// <summary>How the API writes JSON: camelCase with enums as camelCase strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
