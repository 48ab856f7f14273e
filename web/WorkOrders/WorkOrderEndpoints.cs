using System.Globalization;
using System.Text.Json;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Ingest;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Hotlines;
using Dashboard.Grains.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Registry;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// 12345 work orders: the province's citizen hotline took in the 未保 hotline in 2021, so its orders
/// are where the bureau's hotline figures come from. An admin imports the platform's export; the
/// platform (or a bridge to it) pushes orders as they come with an ingest key.
/// </summary>
public static class WorkOrderEndpoints
{
    private const int MaxImportBytes = 16 * 1024 * 1024;
    private const int MaxListedRejections = 100;

    public static void AddWorkOrders(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<WorkOrderOptions>()
            .Bind(configuration.GetSection(WorkOrderOptions.Section))
            .Validate(options => options.Columns.All.All(name => !string.IsNullOrWhiteSpace(name)) && options.Columns.All.Distinct().Count() == 6,
                "Dashboard:WorkOrders:Columns: six different, non-empty column names")
            .ValidateOnStart();

    public static void MapWorkOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/workorders").WithTags("12345 work orders");
        orders.MapPost("/import", Import).RequireAuthorization(Policies.Admin).RequireCityWide()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithSummary("Import a 12345 export (.xlsx, or CSV in UTF-8 or GB18030): the 未保 hotline's orders of yesterday and today are counted, "
                + "earlier ones become those days' calls per hour; again is a no-op. Rows with errors stop the import unless skipInvalid=true")
            .Accepts<string>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem();
        orders.MapPost("", Push).RequireAuthorization(Policies.WorkOrders)
            .WithSummary("Push work orders as they come: {\"orders\": [{\"工单编号\", \"受理时间\", \"所属区县\", \"诉求类别\", \"是否涉及未成年人\", \"处理方式\"}]}, "
                + $"at most {WorkOrderIntake.MaxPushed}; the names follow Dashboard:WorkOrders:Columns")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<WorkOrderImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        bool? skipInvalid, HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock, IOptions<WorkOrderOptions> options)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = new List<RegistryCsvError>();
        var (rows, format) = WorkOrderSheet.Read(await CsvUpload.Read(context), options.Value.Columns, errors);
        if (errors.Count > 0 && rows.Count == 0)
        {
            return CsvUpload.Problem([.. errors], "工单文件", "未导入任何工单");
        }

        var now = clock.GetUtcNow();
        var rules = new WorkOrderRules(region, options.Value, now);
        var hotline = rows.Where(rules.IsHotlines).ToList();
        var orders = hotline.Select(row => rules.Interpret(row, errors)).OfType<WorkOrder>().ToList();
        if (errors.Count > 0 && skipInvalid != true)
        {
            return CsvUpload.Problem([.. errors], "工单文件", "未导入任何工单（加 skipInvalid=true 可跳过错误行，导入其余工单）");
        }

        var unique = orders.DistinctBy(order => order.NumberHash).ToList();
        var today = BureauCalendar.LocalDate(now);
        var liveFrom = BureauCalendar.StartOf(today.AddDays(-1));
        var historyFrom = BureauCalendar.StartOf(today.AddDays(-HotlineHistoryCsv.MaxDaysBack));
        var live = unique.Where(order => order.ReceivedAt >= liveFrom).ToList();
        var past = unique.Where(order => order.ReceivedAt < liveFrom && order.ReceivedAt >= historyFrom).ToList();

        var results = await WorkOrderIntake.Count(live, context.User.Scope(), grains);
        var history = WorkOrderHistory.Days(past);
        await HotlineDays.SetHistory(grains, history);

        int Counted(EventStatus status) => results.Count(result => result.Status == status);
        var result = new WorkOrderImportResult(format, rows.Count, rows.Count - hotline.Count, errors.Select(error => error.Line).Distinct().Count(),
            orders.Count - unique.Count, Counted(EventStatus.Accepted), Counted(EventStatus.Duplicate), Counted(EventStatus.Rejected),
            past.Count, history.Count, unique.Count - live.Count - past.Count,
            unique.GroupBy(order => order.Line).ToDictionary(line => line.Key, line => line.Count()),
            [.. live.Zip(results).Where(pair => pair.Second.Status == EventStatus.Rejected).Take(MaxListedRejections)
                .Select(pair => $"第 {pair.First.Row} 行：{pair.Second.Reason}")]);
        await log.Record(context, "workorders.import", string.Create(CultureInfo.InvariantCulture,
            $"{result.Format}，{result.Rows} 行，未保 {hotline.Count}，计入 {result.Accepted}，重复 {result.Duplicates}，历史 {result.History}，跳过错误行 {result.Invalid}"));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<WorkOrderOutcome[]>, ValidationProblem, ProblemHttpResult>> Push(
        WorkOrderPush push, HttpContext context, IGrainFactory grains, TimeProvider clock, IOptions<WorkOrderOptions> options)
    {
        if (push.Orders is not { Count: > 0 and <= WorkOrderIntake.MaxPushed } pushed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orders"] = [$"orders 必须是 1 到 {WorkOrderIntake.MaxPushed} 个工单的数组"] });
        }

        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var columns = options.Value.Columns;
        if (Shapeless(pushed, columns) is { Count: > 0 } shapeless)
        {
            return TypedResults.ValidationProblem(shapeless, title: "工单无效，未计入任何工单");
        }

        var rows = pushed.Select((fields, index) => Row(index, fields!, columns)).ToList();
        var rules = new WorkOrderRules(region, options.Value, clock.GetUtcNow());
        var errors = new List<RegistryCsvError>();
        var orders = rows.Select(row => rules.IsHotlines(row) ? rules.Interpret(row, errors) : null).ToList();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(error => $"orders[{error.Line}]").ToDictionary(order => order.Key, order => order.Select(error => error.Message).ToArray()),
                title: "工单无效，未计入任何工单");
        }

        var counted = orders.OfType<WorkOrder>().ToList();
        var results = (await WorkOrderIntake.Count(counted, context.User.Scope(), grains)).ToList();
        var byRow = counted.Zip(results).ToDictionary(pair => pair.First.Row, pair => pair.Second);
        return TypedResults.Ok(rows.Select(row => byRow.TryGetValue(row.Row, out var outcome)
            ? new WorkOrderOutcome(row.Row, outcome.Status.ToString().ToLowerInvariant(), outcome.Reason)
            : new WorkOrderOutcome(row.Row, "skipped", "不属于未保热线的工单")).ToArray());
    }

    /// <summary>Orders that are no object, and mapped fields that hold an object or an array.</summary>
    private static Dictionary<string, string[]> Shapeless(IReadOnlyList<Dictionary<string, JsonElement>?> pushed, WorkOrderColumns columns) =>
        pushed.Select((fields, index) => (Field: $"orders[{index}]", Problems: fields is null
                ? ["工单不能为 null"]
                : columns.All.Where(name => fields.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    .Select(name => $"“{name}”必须是文字、数字或 true/false").ToArray()))
            .Where(order => order.Problems.Length > 0)
            .ToDictionary(order => order.Field, order => order.Problems);

    /// <summary>Only the mapped fields are read; a number or a boolean counts as its text.</summary>
    private static WorkOrderRow Row(int index, Dictionary<string, JsonElement> fields, WorkOrderColumns columns)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "是",
            JsonValueKind.False => "否",
            _ => null,
        } : null;
        return new WorkOrderRow(index, Field(columns.Number), Field(columns.ReceivedAt), Field(columns.District), Field(columns.Category), Field(columns.Minor), Field(columns.Handling));
    }
}
