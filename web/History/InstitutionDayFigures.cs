using Dashboard.Contracts.Institutions;

namespace Dashboard.Web.History;

/// <summary>One institution at the end of one Beijing day, as its county's page listed it.</summary>
public sealed record InstitutionDayFigures(DateOnly Day, DateTimeOffset RecordedAt, InstitutionSnapshot Institution);
