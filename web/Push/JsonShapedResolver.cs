using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace Dashboard.Web.Push;

/// <summary>
/// MessagePack for the hub with the shapes of its JSON: camelCase names, dates as ISO strings, enums
/// as their names. MessagePack's own resolvers would write C# member names and dates as arrays, so a
/// page would need two readers for one message. Strings, booleans and numbers (what clients send as
/// arguments) are read by MessagePack's standard formatters; anything else goes through
/// <see cref="JsonSerializer"/> with the JSON protocol's options (<see cref="JsonShapedFormatter{T}"/>).
/// A group message is serialized once per protocol, not once per connection, so the detour costs once.
/// </summary>
public sealed class JsonShapedResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object> formatters = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        IsScalar(typeof(T)) ? StandardResolver.Instance.GetFormatter<T>() : (IMessagePackFormatter<T>)formatters.GetOrAdd(typeof(T), _ => new JsonShapedFormatter<T>(json));

    /// <summary>Options for either end of a hub connection: client input is untrusted (bounded depth, hash-collision safe).</summary>
    public static MessagePackSerializerOptions Options(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard.WithResolver(new JsonShapedResolver(json)).WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>What MessagePack writes as JSON would: strings, booleans and numbers (not a char, which it writes as a number).</summary>
    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || (underlying.IsPrimitive && underlying != typeof(char) && underlying != typeof(nint) && underlying != typeof(nuint));
    }
}
