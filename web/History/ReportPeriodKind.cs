namespace Dashboard.Web.History;

public enum ReportPeriodKind
{
    Month,
    Day,
}
