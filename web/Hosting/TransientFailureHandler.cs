using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Hosting;

/// <summary>
/// A silo that is restarting, a grain call that timed out or a busy database is the server's
/// passing trouble, not the sender's error: answer 503 with Retry-After, so senders retry (event
/// ids make the retry safe) instead of treating the batch as failed.
/// </summary>
public sealed class TransientFailureHandler(IProblemDetailsService problems, ILogger<TransientFailureHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (OrleansException or TimeoutException or DbException))
        {
            return false;
        }

        logger.LogWarning(exception, "Transient failure on {Path}; the client is told to retry", httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "服务暂时不可用",
                Detail = "请求未能完成，请稍后用相同的事件编号重试；已确认的事件不会重复计数。",
            },
        });
    }
}
