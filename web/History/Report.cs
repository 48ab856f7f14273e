using System.Globalization;
using System.Text;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using MiniExcelLibs;

namespace Dashboard.Web.History;

/// <summary>
/// The report the bureau sends upward: one row per county and 市本级 and a totals row, every figure
/// the wall shows, with 环比 and 同比, as rows (JSON), a workbook or CSV with Chinese titles and units.
/// </summary>
public static class Report
{
    private static readonly (string Title, Func<ReportRow, object?> Value)[] Columns =
    [
        ("区县", row => row.Name),
        ("数据截至", row => row.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("养老机构（个）", row => row.ElderlyCareInstitutions),
        ("养老床位（张）", row => row.ElderlyCareBeds),
        ("在院老人（人）", row => row.ElderlyCareOccupants),
        ("入住率（%）", row => row.OccupancyRate),
        ("在院老人环比（%）", row => row.OccupantsMonthOnMonth),
        ("在院老人同比（%）", row => row.OccupantsYearOnYear),
        ("儿童福利床位（张）", row => row.ChildWelfareBeds),
        ("在院儿童（人）", row => row.ChildWelfareOccupants),
        ("救助（人次）", row => row.RescueReceived),
        ("其中未成年人（人次）", row => row.RescueMinors),
        ("寻亲成功（人次）", row => row.RescueReunited),
        ("落户安置（人次）", row => row.RescueSettled),
        ("在站人数（人）", row => row.RescueResidents),
        ("救助环比（%）", row => row.RescueMonthOnMonth),
        ("救助同比（%）", row => row.RescueYearOnYear),
        ("寻亲成功环比（%）", row => row.ReunitedMonthOnMonth),
        ("寻亲成功同比（%）", row => row.ReunitedYearOnYear),
        ("未保热线来电（个）", row => row.HotlineInbound),
        ("其中未接（个）", row => row.HotlineMissed),
        ("解决咨询（件）", row => row.HotlineConsultations),
        ("介入求助（件）", row => row.HotlineInterventions),
        ("来电环比（%）", row => row.HotlineMonthOnMonth),
        ("来电同比（%）", row => row.HotlineYearOnYear),
        ("个案环比（%）", row => row.CasesMonthOnMonth),
        ("个案同比（%）", row => row.CasesYearOnYear),
    ];

    /// <summary>
    /// The counties in the registry's order, then 市本级, then the city's totals (合计); for a caller
    /// limited to some counties, the rows of those only.
    /// </summary>
    public static async Task<ReportRow[]> Rows(IGrainFactory grains, Region region, ReportPeriod period, AccessScope scope)
    {
        var scopes = region.Counties.Select(county => (Code: county.Code, Name: county.Name))
            .Append((Code: region.CityCode, Name: Region.CityLevelName)).Where(county => scope.Allows(county.Code))
            .Concat(scope.IsCityWide ? [(Code: ScopeHistory.City, Name: "合计")] : []);
        return await Task.WhenAll(scopes.Select(scope => Row(grains, scope.Code, scope.Name, period)));
    }

    public static byte[] Workbook(IEnumerable<ReportRow> rows, string sheet)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Table(rows), sheetName: sheet);
        return stream.ToArray();
    }

    /// <summary>UTF-8 with a BOM, so that Excel and WPS open it in Chinese.</summary>
    public static byte[] Csv(IEnumerable<ReportRow> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.Preamble);
        stream.SaveAs(Table(rows), excelType: ExcelType.CSV);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Table(IEnumerable<ReportRow> rows) =>
        [.. rows.Select(row => Columns.ToDictionary(column => column.Title, column => column.Value(row)))];

    private static int Cases(HotlineCounts counts) => counts.Consultations + counts.Interventions;

    private static async Task<ReportRow> Row(IGrainFactory grains, string code, string name, ReportPeriod period)
    {
        var (now, before, lastYear) = (await period.Figures(grains, code), await period.Previous.Figures(grains, code), await period.YearBefore.Figures(grains, code));
        if (now is null)
        {
            return new ReportRow(code, name, null, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, null, null, null, null);
        }

        var rescue = period.Rescue(now);
        var hotline = period.Hotline(now);
        double? Change(Func<DayFigures, int> figure, DayFigures? then) =>
            then is null || figure(then) == 0 ? null : Math.Round(100.0 * (figure(now) - figure(then)) / figure(then), 1);
        return new ReportRow(code, name, now.Day,
            now.Scope.ElderlyCare.Institutions, now.Scope.ElderlyCare.Beds, now.Scope.ElderlyCare.Occupants, now.Scope.ElderlyCare.OccupancyRate,
            Change(day => day.Scope.ElderlyCare.Occupants, before), Change(day => day.Scope.ElderlyCare.Occupants, lastYear),
            now.Scope.ChildWelfare.Beds, now.Scope.ChildWelfare.Occupants,
            rescue.Received, rescue.Minors, rescue.Reunited, rescue.Settled, now.Scope.Rescue.Residents,
            Change(day => period.Rescue(day).Received, before), Change(day => period.Rescue(day).Received, lastYear),
            Change(day => period.Rescue(day).Reunited, before), Change(day => period.Rescue(day).Reunited, lastYear),
            hotline.Inbound, hotline.Missed, hotline.Consultations, hotline.Interventions,
            Change(day => period.Hotline(day).Inbound, before), Change(day => period.Hotline(day).Inbound, lastYear),
            Change(day => Cases(period.Hotline(day)), before), Change(day => Cases(period.Hotline(day)), lastYear));
    }
}
