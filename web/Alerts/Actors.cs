using System.Security.Claims;
using Dashboard.Web.Access;

namespace Dashboard.Web.Alerts;

public static class Actors
{
    /// <summary>The identity that acted, with the name the officer typed in front when it adds anything.</summary>
    public static string Recorded(ClaimsPrincipal user, string? typedName)
    {
        var actor = user.Actor();
        var typed = typedName?.Trim();
        return string.IsNullOrEmpty(typed) || typed == user.Identity?.Name ? actor : $"{typed} / {actor}";
    }
}
