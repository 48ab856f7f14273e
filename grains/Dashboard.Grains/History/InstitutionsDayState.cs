using Dashboard.Contracts.History;

namespace Dashboard.Grains.History;

[GenerateSerializer, Alias("dashboard.institutions-day-state")]
public sealed class InstitutionsDayState
{
    [Id(0)] public InstitutionsDay? Institutions { get; set; }
}
