using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Registry;

[GenerateSerializer, Alias("dashboard.registry-state")]
public sealed class RegistryState
{
    [Id(0)] public Region? Region { get; set; }

    /// <summary>Set only after every institution of the load was registered.</summary>
    [Id(1)] public bool Loaded { get; set; }
}
