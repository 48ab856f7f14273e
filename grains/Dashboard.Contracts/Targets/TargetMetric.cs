namespace Dashboard.Contracts.Targets;

/// <summary>The figures a county can be given a target for; on the wire in camelCase (<c>hotlineCases</c>).</summary>
public enum TargetMetric
{
    /// <summary>Occupants of elderly-care institutions.</summary>
    Occupancy,

    /// <summary>People received by rescue stations this year (人次).</summary>
    Rescues,

    /// <summary>People reunited with their families this year (寻亲成功).</summary>
    Reunions,

    /// <summary>未保 hotline consultations and interventions this year.</summary>
    HotlineCases,
}
