namespace Dashboard.Web.History;

/// <summary>
/// One row of the statistical report: a county, 市本级 or the city's totals, with the period's
/// figures and their change against the period before (环比) and the same period a year earlier
/// (同比), in percent; null where there is nothing to compare with.
/// </summary>
public sealed record ReportRow(
    string Code,
    string Name,
    DateOnly? AsOf,
    int ElderlyCareInstitutions,
    int ElderlyCareBeds,
    int ElderlyCareOccupants,
    double OccupancyRate,
    double? OccupantsMonthOnMonth,
    double? OccupantsYearOnYear,
    int ChildWelfareBeds,
    int ChildWelfareOccupants,
    int RescueReceived,
    int RescueMinors,
    int RescueReunited,
    int RescueSettled,
    int RescueResidents,
    double? RescueMonthOnMonth,
    double? RescueYearOnYear,
    double? ReunitedMonthOnMonth,
    double? ReunitedYearOnYear,
    int HotlineInbound,
    int HotlineMissed,
    int HotlineConsultations,
    int HotlineInterventions,
    double? HotlineMonthOnMonth,
    double? HotlineYearOnYear,
    double? CasesMonthOnMonth,
    double? CasesYearOnYear);
