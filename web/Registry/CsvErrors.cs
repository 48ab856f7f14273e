using System.Collections.Immutable;
using Dashboard.Grains.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Registry;

/// <summary>The answer to an uploaded file with bad rows: each row's problems by its line, the first 100.</summary>
public static class CsvErrors
{
    /// <summary>A problem body stays small however bad the file: the first errors show what to fix.</summary>
    private const int MaxReported = 100;

    private const int MaxMessageLength = 300;

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
