using System.Collections.Immutable;
using Dashboard.Grains.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Registry;

/// <summary>An uploaded CSV file (registry, hotline history): its bytes, and the answer when rows are bad.</summary>
public static class CsvUpload
{
    /// <summary>The whole body; the endpoint's request size limit bounds it.</summary>
    public static async Task<byte[]> Read(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    /// <summary>A problem body stays small however bad the file: the first errors show what to fix.</summary>
    private const int MaxReported = 100;

    private const int MaxMessageLength = 300;

    /// <summary>Each bad row's problems by its line, the first 100.</summary>
    /// <param name="what">What the file is, as the title names it: 登记册, 历史来电文件.</param>
    /// <param name="unchanged">What was therefore not done: 未导入任何机构.</param>
    public static ValidationProblem Problem(ImmutableArray<RegistryCsvError> errors, string what, string unchanged)
    {
        var byLine = errors.Take(MaxReported).GroupBy(error => $"第 {error.Line} 行")
            .ToDictionary(line => line.Key, line => line.Select(error => Shorten(error.Message)).ToArray());
        var more = errors.Length > MaxReported ? $"（仅列出前 {MaxReported} 处）" : string.Empty;
        return TypedResults.ValidationProblem(byLine, title: $"{what}有 {errors.Length} 处错误，{unchanged}{more}");
    }

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : $"{message[..MaxMessageLength]}…";
}
