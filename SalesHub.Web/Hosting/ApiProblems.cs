using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.Tokens;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Web.Localization;

namespace SalesHub.Web.Hosting;

/// <summary>
/// Every API failure is an RFC 9457 problem details body in the caller's language: domain errors
/// with their field, malformed requests, expired tokens, unknown routes. Never a stack trace.
/// </summary>
internal static class ApiProblems
{
    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

    public static ProblemDetails FromException(Exception exception, HttpContext context)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = exception switch
        {
            DomainException domain => FromDomain(domain, context),
            BadHttpRequestException bad => FromBadRequest(bad, localizer),
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = localizer["Errors.Unexpected"].Value,
            },
        };
        return WithTrace(problem, context);
    }

    public static ProblemDetails Status(HttpContext context, int status, string titleKey, string? detailKey = null)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return WithTrace(new ProblemDetails
        {
            Status = status,
            Title = localizer[titleKey].Value,
            Detail = detailKey is null ? null : localizer[detailKey].Value,
        }, context);
    }

    // The reference a caller can quote and an operator can find in the log.
    private static ProblemDetails WithTrace(ProblemDetails problem, HttpContext context)
    {
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>A refused bearer token says why: missing, invalid or expired.</summary>
    public static async Task WriteBearerChallengeAsync(JwtBearerChallengeContext challenge)
    {
        challenge.HandleResponse();
        var detail = challenge.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => "Errors.TokenExpired",
            Security.RevokedTokenException => "Errors.TokenRevoked",
            not null => "Errors.TokenInvalid",
            _ => "Errors.TokenMissing",
        };
        await WriteAsync(challenge.HttpContext, Status(challenge.HttpContext, StatusCodes.Status401Unauthorized, "Errors.Unauthorized", detail));
    }

    private static ProblemDetails FromDomain(DomainException error, HttpContext context)
    {
        var message = context.RequestServices.GetRequiredService<ErrorMessages>().Describe(error);
        var status = error switch
        {
            RecordNotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            ConcurrencyConflictException or LikelyDuplicateException or Core.Leads.LikelyDuplicateLeadException => StatusCodes.Status409Conflict,
            Documents.PdfUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = error.Field is { } field
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = message;
        problem.Extensions["code"] = error.Code;
        if (error is LikelyDuplicateException duplicate)
        {
            problem.Extensions["duplicates"] = duplicate.Matches;
        }
        else if (error is Core.Leads.LikelyDuplicateLeadException leadDuplicate)
        {
            problem.Extensions["duplicates"] = leadDuplicate.Customers;
            problem.Extensions["leads"] = leadDuplicate.Leads;
        }

        return problem;
    }

    /// <summary>A body value that cannot be read (an unknown enum name, text for a number) is named by its JSON path.</summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException bad, IStringLocalizer localizer)
    {
        var problem = bad.InnerException is JsonException { Path: ['$', '.', .. var field] }
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [localizer["Errors.InvalidValue"].Value] })
            : new ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Title = localizer["Errors.MalformedRequest"].Value;
        problem.Detail = bad.Message;
        return problem;
    }
}

/// <summary>Answers API exceptions with problem details; pages fall through to the error page.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: ask where it was going.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!ApiProblems.IsApiPath(path))
        {
            return false;
        }

        if (exception is not DomainException and not BadHttpRequestException)
        {
            logger.LogError(exception, "Unhandled API error {TraceId}", httpContext.TraceIdentifier);
        }

        await ApiProblems.WriteAsync(httpContext, ApiProblems.FromException(exception, httpContext));
        return true;
    }
}
