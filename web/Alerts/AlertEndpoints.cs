using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Text;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Alerts;

/// <summary>The duty officer's alert workflow: the board, one alert with its audit trail, actions, silences, audit and handover.</summary>
public static class AlertEndpoints
{
    private static readonly TimeSpan DefaultAuditSpan = TimeSpan.FromDays(1);
    private static readonly TimeSpan DefaultShift = TimeSpan.FromHours(8);

    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        // A county-limited officer sees and acts on the alerts and silences of its counties only.
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        alerts.MapGet("/", GetBoard).RequireAuthorization(Policies.View).WithSummary("Open alerts and those resolved in the last 24 hours, newest first");
        alerts.MapGet("/{id}", Get).RequireAuthorization(Policies.View).WithSummary("One alert with its audit trail");
        alerts.MapPost("/{id}/ack", Acknowledge).RequireAuthorization(Policies.Duty).WithSummary("Acknowledge an alert (stops escalation): {\"note\": text, \"by\": optional display name}; the signed-in identity is recorded");
        alerts.MapPost("/{id}/resolve", Resolve).RequireAuthorization(Policies.Duty).WithSummary("Resolve an alert: {\"note\": text, \"by\": optional display name}; the signed-in identity is recorded");
        alerts.MapGet("/silences", GetSilences).RequireAuthorization(Policies.Duty).WithSummary("Silences and scheduled mute windows that have not ended");
        alerts.MapPost("/silences", AddSilence).RequireAuthorization(Policies.Duty).WithSummary("Silence a scope and rule until a time, from now or from a later start (a mute window)");
        alerts.MapDelete("/silences/{id}", RemoveSilence).RequireAuthorization(Policies.Duty).WithSummary("End a silence now; the signed-in identity (and ?by=name, if given) is recorded in the audit log");
        alerts.MapGet("/audit", GetAudit).RequireAuthorization(Policies.Duty).RequireCityWide().WithSummary("Every transition and action since a time (default: the last 24 hours)");
        alerts.MapGet("/handover", GetHandover).RequireAuthorization(Policies.Duty).WithSummary("For a shift change: alerts opened, handled and still open since a time (default: 8 hours ago)");
    }

    private static async Task<Ok<AlertBoard>> GetBoard(ClaimsPrincipal user, IGrainFactory grains)
    {
        return TypedResults.Ok((await Board(grains).GetBoard()).VisibleTo(user.Scope()));
    }

    private static async Task<Results<Ok<AlertDetail>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await Board(grains).Get(id) is not { } detail ? UnknownAlert(id)
        : user.Scope().Allows(detail.Alert.Scope) ? TypedResults.Ok(detail)
        : CityWide.OutsideScope("告警", id);

    private static Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> Acknowledge(string id, AlertActionRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, request, user, (board, by, note) => board.Acknowledge(id, by, note), grains);

    private static Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> Resolve(string id, AlertActionRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        Act(id, request, user, (board, by, note) => board.Resolve(id, by, note), grains);

    private static async Task<Ok<Silence[]>> GetSilences(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok((await Board(grains).GetSilences()).Where(silence => Covers(user, silence.Scope)).ToArray());

    /// <summary>A silence of every line (no scope) belongs to city-wide officers only.</summary>
    private static bool Covers(ClaimsPrincipal user, string? scope) =>
        user.Scope() is var allowed && (allowed.IsCityWide || (scope is not null && allowed.Allows(scope)));

    private static async Task<Results<Created<Silence>, ValidationProblem, ProblemHttpResult>> AddSilence(SilenceRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var now = clock.GetUtcNow();
        var errors = request.Validate(region, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "静默设置无效，未作任何修改");
        }

        if (!Covers(user, request.Scope))
        {
            return CityWide.OutsideScope("静默所涉线路不在您的区县范围内；区县账户须指定本区县");
        }

        var silence = await Board(grains).AddSilence(request.ToSilence(now, Actors.Recorded(user, request.By)));
        return TypedResults.Created($"/api/v1/alerts/silences/{silence.Id}", silence);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveSilence(string id, string? by, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (SafeText.CheckName(by, "操作人姓名", AlertActionRequest.MaxName, required: false) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [problem] });
        }

        var silence = (await Board(grains).GetSilences()).FirstOrDefault(silence => silence.Id == id);
        if (silence is not null && !Covers(user, silence.Scope))
        {
            return CityWide.OutsideScope("静默", id);
        }

        return silence is not null && await Board(grains).RemoveSilence(id, Actors.Recorded(user, by))
            ? TypedResults.NoContent()
            : TypedResults.Problem($"没有编号为 {id} 的有效静默", statusCode: StatusCodes.Status404NotFound, title: "未知静默");
    }

    private static async Task<Ok<ImmutableArray<AuditEntry>>> GetAudit(IGrainFactory grains, TimeProvider clock, DateTimeOffset? since) =>
        TypedResults.Ok(await Board(grains).GetAudit(since ?? clock.GetUtcNow() - DefaultAuditSpan));

    private static async Task<Ok<Handover>> GetHandover(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, DateTimeOffset? since)
    {
        var handover = await Board(grains).GetHandover(since ?? clock.GetUtcNow() - DefaultShift);
        return TypedResults.Ok(handover with
        {
            Opened = handover.Opened.VisibleTo(user.Scope()),
            Handled = handover.Handled.VisibleTo(user.Scope()),
            StillOpen = handover.StillOpen.VisibleTo(user.Scope()),
        });
    }

    private static async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> Act(
        string id, AlertActionRequest request, ClaimsPrincipal user, Func<IAlertBoardGrain, string, string?, Task<AlertActionResult>> action, IGrainFactory grains)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "操作无效，告警未作修改");
        }

        if (!user.Scope().IsCityWide && await Board(grains).Get(id) is { } detail && !user.Scope().Allows(detail.Alert.Scope))
        {
            return CityWide.OutsideScope("告警", id);
        }

        var result = await action(Board(grains), Actors.Recorded(user, request.By), request.Note?.Trim());
        return result.Outcome switch
        {
            AlertActionOutcome.Done => TypedResults.Ok(result.Alert!),
            AlertActionOutcome.AlreadyResolved => TypedResults.Problem($"告警 {id} 已于 {BureauCalendar.LocalTime(result.Alert!.ResolvedAt!.Value):yyyy-MM-dd HH:mm} 由 {result.Alert.ResolvedBy} 解除",
                statusCode: StatusCodes.Status409Conflict, title: "告警已解除"),
            _ => UnknownAlert(id),
        };
    }

    private static ProblemHttpResult UnknownAlert(string id) =>
        TypedResults.Problem($"没有编号为 {id} 的告警", statusCode: StatusCodes.Status404NotFound, title: "未知告警");

    private static IAlertBoardGrain Board(IGrainFactory grains) => grains.GetGrain<IAlertBoardGrain>(0);
}
