using System.Globalization;
using System.Text;
using Dashboard.Contracts.Calendar;
using MiniExcelLibs;

namespace Dashboard.Web.Tests;

/// <summary>
/// A 12345 platform export as the bureau downloads it: the platform's own columns, the caller's
/// name, phone and complaint among them. Orders are made up, deterministic, and spread over the
/// city's lines; <see cref="Today"/> and <see cref="Past"/> say what the 未保 hotline should count.
/// </summary>
public sealed class WorkOrderExport
{
    public const string PlantedName = "欧阳测试名";
    public const string PlantedPhone = "13912345678";
    public const string PlantedNumber = "QY12345-PLANTED-0001";

    public static readonly string[] Header = ["工单编号", "受理时间", "来电人", "联系电话", "所属区县", "诉求类别", "诉求内容", "是否涉及未成年人", "处理方式"];

    private static readonly string[] Districts = ["清城区", "清新区", "佛冈县", "阳山县", "连山壮族瑶族自治县", "连南瑶族自治县", "英德市", "连州市", "市本级"];
    private static readonly string[] Lines = ["441802", "441803", "441821", "441823", "441825", "441826", "441881", "441882", "441800"];

    public List<string[]> Rows { get; } = [];

    /// <summary>The line an order of this number counts on.</summary>
    public static string LineOf(int number) => Lines[number % Lines.Length];

    /// <summary>Counted today per line: (calls, consultations, interventions).</summary>
    public Dictionary<string, (int Calls, int Consultations, int Interventions)> Today { get; } = Lines.ToDictionary(line => line, _ => (0, 0, 0));

    /// <summary>Set as history: calls per line and Beijing day before yesterday.</summary>
    public Dictionary<(string Line, DateOnly Day), int> Past { get; } = [];

    public int Irrelevant { get; private set; }

    /// <summary>
    /// 未保 orders numbered <paramref name="first"/> on: <paramref name="todays"/> of today, then
    /// <paramref name="pasts"/> of earlier days; then as many orders of other matters and bad rows as
    /// asked. An order's line, time and handling follow from its number, so two exports that share an
    /// order agree on it.
    /// </summary>
    public static WorkOrderExport Make(DateTimeOffset now, int first, int todays, int pasts = 0, int irrelevant = 0, int malformed = 0)
    {
        var export = new WorkOrderExport();
        var todayStart = BureauCalendar.StartOf(BureauCalendar.LocalDate(now));
        var todaySeconds = (now - TimeSpan.FromMinutes(1) - todayStart).TotalSeconds;
        foreach (var number in Enumerable.Range(first, todays))
        {
            var line = number % Lines.Length;
            var intervention = number % 3 == 0;
            export.Add(number, todayStart.AddSeconds(todaySeconds * (number * 7919 % 10_000) / 10_000), line, "未成年人保护", "是", intervention ? "转办区民政局介入" : "直接答复");
            var (calls, consultations, interventions) = export.Today[Lines[line]];
            export.Today[Lines[line]] = (calls + 1, consultations + (intervention ? 0 : 1), interventions + (intervention ? 1 : 0));
        }

        foreach (var number in Enumerable.Range(first + todays, pasts))
        {
            var line = number % Lines.Length;
            var day = BureauCalendar.LocalDate(now).AddDays(-3 - (number % 25));
            // Some of the hotline's orders say so only by their category.
            var byCategory = number % 4 == 0;
            export.Add(number, BureauCalendar.StartOf(day).AddHours(8 + (number % 10)), line, byCategory ? "未保热线咨询" : "家庭教育", byCategory ? "否" : "是", "直接答复");
            export.Past[(Lines[line], day)] = export.Past.GetValueOrDefault((Lines[line], day)) + 1;
        }

        foreach (var number in Enumerable.Range(first + todays + pasts, irrelevant))
        {
            export.Add(number, todayStart, number % Lines.Length, "噪音扰民", "否", "转办");
            export.Irrelevant++;
        }

        foreach (var number in Enumerable.Range(first + todays + pasts + irrelevant, malformed))
        {
            export.Rows.Add(number % 2 == 0
                ? [$"QY12345-{number:D6}", "昨天上午", "某", "13800000000", "清城区", "未成年人保护", "某", "是", "直接答复"]
                : [$"QY12345-{number:D6}", Local(todayStart), "某", "13800000000", "广州市天河区", "未成年人保护", "某", "是", "直接答复"]);
        }

        return export;
    }

    /// <summary>One more 未保 order of today, carrying the planted personal data.</summary>
    public WorkOrderExport WithPlantedOrder(DateTimeOffset now)
    {
        Rows.Add([PlantedNumber, Local(now.AddMinutes(-1)), PlantedName, PlantedPhone, "阳山县", "未成年人保护", $"{PlantedName}反映孩子无人照看，电话{PlantedPhone}", "是", "直接答复"]);
        var (calls, consultations, interventions) = Today["441823"];
        Today["441823"] = (calls + 1, consultations + 1, interventions);
        return this;
    }

    public byte[] Csv(Encoding encoding) =>
        encoding.GetBytes(string.Join("\n", Rows.Prepend(Header).Select(row => string.Join(",", row.Select(Quote)))) + "\n");

    public byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Rows.Select(row => Header.Zip(row).ToDictionary(cell => cell.First, cell => (object)cell.Second)).ToList());
        return stream.ToArray();
    }

    private void Add(int number, DateTimeOffset at, int line, string category, string minor, string handling) =>
        Rows.Add([$"QY12345-{number:D6}", Local(at), $"来电人{number}", $"139{number:D8}", Districts[line], category, "诉求内容略", minor, handling]);

    private static string Local(DateTimeOffset at) => BureauCalendar.LocalTime(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Quote(string field) => field.Contains(',') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
