using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Web.History;

/// <summary>
/// A month (<c>2026-11</c>) or a day (<c>2026-11-20</c>) of the report: which kept record stands for
/// it, for the period before and for the same period a year earlier, and which counts are its own.
/// </summary>
public sealed record ReportPeriod(DateOnly Day, ReportPeriodKind Kind)
{
    public string Title => Kind == ReportPeriodKind.Month ? $"{Day.Year}年{Day.Month}月" : $"{Day.Year}年{Day.Month}月{Day.Day}日";

    public static ReportPeriod? Parse(string? text) =>
        BureauCalendar.ParseDay(text) is { } day ? new ReportPeriod(day, ReportPeriodKind.Day)
        : BureauCalendar.ParseDay($"{text}-01") is { } month ? new ReportPeriod(month, ReportPeriodKind.Month)
        : null;

    public ReportPeriod Previous => this with { Day = Kind == ReportPeriodKind.Day ? Day.AddDays(-1) : Day.AddMonths(-1) };

    public ReportPeriod YearBefore => this with { Day = Day.AddYears(-1) };

    /// <summary>A month's last kept day (its end, or today's record in the running month); a day's own record.</summary>
    public async Task<DayFigures?> Figures(IGrainFactory grains, string code) =>
        Kind == ReportPeriodKind.Month
            ? await ScopeHistory.MonthEnd(grains, code, Day)
            : (await ScopeHistory.Read(grains, code, Day, Day)).SingleOrDefault();

    public RescueCounts Rescue(DayFigures figures) => Kind == ReportPeriodKind.Day ? figures.Scope.Rescue.Today : figures.Scope.Rescue.Month;

    public HotlineCounts Hotline(DayFigures figures) => Kind == ReportPeriodKind.Day ? figures.Scope.Hotline.Today : figures.Scope.Hotline.Month;
}
