using System.Collections.Immutable;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Registry;

/// <summary>
/// What a registry CSV file holds: the rows that passed validation and every problem found.
/// Loading is all-or-nothing for the caller: load <see cref="Institutions"/> only when <see cref="IsValid"/>.
/// </summary>
/// <param name="EncodingName">How the bytes were read: <c>utf-8</c>, <c>utf-8-bom</c>, <c>gb18030</c> (or <c>utf-16le</c>/<c>utf-16be</c>, which is rejected).</param>
public sealed record RegistryCsvResult(
    ImmutableArray<RegisteredInstitution> Institutions,
    ImmutableArray<RegistryCsvError> Errors,
    string EncodingName)
{
    public bool IsValid => Errors.IsEmpty;
}
