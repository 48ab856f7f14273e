using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Calendar;

namespace Dashboard.Web.Access;

/// <summary>Writes the security audit trail (sign-ins, keys, tokens, users, registry and target changes) and reads it back.</summary>
public sealed class SecurityLog(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>The trail is kept for good; a query reaches this far back at most.</summary>
    public static readonly TimeSpan MaxQuerySpan = TimeSpan.FromDays(366);

    public Task Record(HttpContext context, string action, string target, bool succeeded = true, string? detail = null, string? actor = null) =>
        Append(new SecurityEvent(clock.GetUtcNow(), actor ?? context.User.Actor(), action, target, succeeded, detail,
            context.Connection.RemoteIpAddress?.ToString()));

    public Task Record(ClaimsPrincipal user, string action, string target, string? detail = null) =>
        Append(new SecurityEvent(clock.GetUtcNow(), user.Actor(), action, target, Succeeded: true, detail, ClientAddress: null));

    /// <summary>Every entry since a time, oldest first.</summary>
    public async Task<ImmutableArray<SecurityEvent>> Since(DateTimeOffset since)
    {
        var now = clock.GetUtcNow();
        var first = BureauCalendar.LocalDate(since);
        var last = BureauCalendar.LocalDate(now);
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays);
        var entries = await Task.WhenAll(days.Select(day => grains.GetGrain<ISecurityLogGrain>(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Get()));
        return [.. entries.SelectMany(day => day).Where(entry => entry.At >= since)];
    }

    private Task Append(SecurityEvent entry) =>
        grains.GetGrain<ISecurityLogGrain>(BureauCalendar.LocalDate(entry.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(entry);
}
