using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Display;

/// <summary>
/// The configured county map, read and checked once at start so that a wrong file stops the server
/// with the reason instead of leaving walls blank; served as it is, with an entity tag, because every
/// wall loads it once per page load.
/// </summary>
public sealed class RegionMap
{
    /// <summary>A county map of a city is a few hundred kilobytes; anything far larger is a wrong file.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private RegionMap(byte[] content)
    {
        Content = content;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }

    public byte[] Content { get; }

    public EntityTagHeaderValue ETag { get; }

    /// <summary>No map configured: the wall keeps its grid of county cards.</summary>
    public static RegionMap None { get; } = new([]);

    public bool Exists => Content.Length > 0;

    /// <summary>The map of <see cref="DisplayOptions.MapFile"/>, or <see cref="None"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, too large, or not a FeatureCollection of coded polygons.</exception>
    public static RegionMap Load(DisplayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.MapFile))
        {
            return None;
        }

        var path = Path.GetFullPath(options.MapFile, AppContext.BaseDirectory);
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxBytes)
        {
            throw Invalid(path, file.Exists ? $"larger than {MaxBytes / 1024 / 1024} MB" : "not found");
        }

        var content = File.ReadAllBytes(path);
        Check(content, path);
        return new RegionMap(content);
    }

    private static void Check(byte[] content, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(path, "not a GeoJSON FeatureCollection");
            }

            foreach (var feature in features.EnumerateArray())
            {
                CheckFeature(feature, path);
            }
        }
        catch (JsonException exception)
        {
            throw Invalid(path, $"not JSON ({exception.Message})");
        }
    }

    private static void CheckFeature(JsonElement feature, string path)
    {
        var polygon = feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("type", out var type) && type.GetString() is "Polygon" or "MultiPolygon";
        var code = feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (!polygon || string.IsNullOrWhiteSpace(code))
        {
            throw Invalid(path, "every feature needs a Polygon or MultiPolygon geometry and the county's code in properties.code");
        }
    }

    private static InvalidOperationException Invalid(string path, string reason) =>
        new($"Dashboard:Display:MapFile {path}: {reason}");
}
