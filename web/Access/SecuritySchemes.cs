using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Access;

/// <summary>The OpenAPI document names how callers authenticate: an API key in either header, or the session cookie of a signed-in person or wall.</summary>
public sealed class SecuritySchemes : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "An API key issued by an admin (POST /api/v1/admin/keys); its role and counties decide what it may do.",
            },
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The same API key as `Authorization: Bearer <key>`; the hub also takes it as `access_token` in the query string.",
            },
            ["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "dashboard.session",
                Description = "A person signed in at /signin, or a wall opened with its display link. Writes also need the X-CSRF-TOKEN header from GET /api/v1/auth/me.",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
