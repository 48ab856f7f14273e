using Dashboard.Web.Access;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Hosting;

/// <summary>
/// JSON bodies are UTF-8 (RFC 8259). A JSON request that names another or an unknown charset is
/// refused with 415 up front, instead of failing deep in the framework's reader as a server error.
/// </summary>
public sealed class Utf8JsonOnly(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } header && MediaTypeHeaderValue.TryParse(header, out var type)
            && type.MediaType.Value?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true
            && type.Charset.HasValue && !IsUtf8(type.Charset.Value!))
        {
            return Problems.Write(context, StatusCodes.Status415UnsupportedMediaType, "不支持的字符集", "JSON 请求体必须使用 UTF-8 编码（charset=utf-8 或省略 charset）");
        }

        return next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
