using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Access;

/// <summary>Answers for callers limited to some counties.</summary>
public static class CityWide
{
    /// <summary>An endpoint about the whole city (its totals, every alert, the whole registry) refuses county-limited callers.</summary>
    public static TBuilder RequireCityWide<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.Scope().IsCityWide ? await next(context) : OutsideScope("这项数据或操作涉及全市，只对全市范围的账户开放"));

    public static ProblemHttpResult OutsideScope(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "超出区县范围");

    public static ProblemHttpResult OutsideScope(string what, string code) =>
        OutsideScope($"{what} {code} 不在您的区县范围内");
}
