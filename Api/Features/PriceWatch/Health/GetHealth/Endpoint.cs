using System.Reflection;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.SupabaseAdmin;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Health.GetHealth;

/// <summary><c>GET /api/health</c>, no auth. <c>degraded</c> (still 200) names the first invalid setting and the variable to fix.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/health");
        AllowAnonymous();
        Description(b => b.WithTags("PriceWatch").WithSummary("System status, database/Supabase connectivity and version").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, bool SupabaseConnected, string Version, DateTimeOffset Timestamp,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ConfigError,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EnvHint);

sealed class Handler(Db db, IConfiguration config, IHostEnvironment env, SupabaseAdminClient supabase) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string Version = (typeof(Handler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                                      ?? "0.0.0").Split('+')[0];

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var connected = await DatabaseAnswersAsync(ct) && (!supabase.IsConfigured || await supabase.PingAsync(ct));
        var problem = Settings.FirstProblem(config, env);
        return problem is { } p
            ? new Response("degraded", connected, Version, DateTimeOffset.UtcNow, p.Error, p.EnvHint)
            : new Response(connected ? "ok" : "degraded", connected, Version, DateTimeOffset.UtcNow,
                connected ? null : "database unreachable", connected ? null : "ConnectionStrings__Postgres");
    }

    async Task<bool> DatabaseAnswersAsync(CancellationToken ct)
    {
        if (!db.Ready.IsCompletedSuccessfully) return false;
        try
        {
            await using var cmd = db.App.CreateCommand("select 1");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            return await cmd.ExecuteScalarAsync(timeout.Token) is 1;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException or InvalidOperationException) { return false; }
    }
}

/// <summary>
/// The PriceWatch settings that must load for the module to work. Each rule names the environment variable to set
/// (ASP.NET's <c>Section__Key</c> form), which is what <c>env_hint</c> reports.
/// </summary>
static class Settings
{
    public sealed record Problem(string Error, string EnvHint);

    public static Problem? FirstProblem(IConfiguration c, IHostEnvironment env)
    {
        static string Hint(string key) => key.Replace(":", "__");
        static bool IsUrl(string? v) => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

        var secret = c[PriceWatchAuth.SecretSetting];
        var jwks = c["Auth:PriceWatch:JwksUrl"];
        if (!string.IsNullOrEmpty(jwks) && !IsUrl(jwks))
            return new("auth jwks_url is not an absolute http(s) URL", Hint("Auth:PriceWatch:JwksUrl"));
        if (string.IsNullOrEmpty(secret) && string.IsNullOrEmpty(jwks) && env.IsProduction())
            return new("supabase_jwt_secret field required (or a JWKS URL)", Hint(PriceWatchAuth.SecretSetting));
        if (!string.IsNullOrEmpty(secret) && secret.Length < 32)
            return new("supabase_jwt_secret must be at least 32 characters", Hint(PriceWatchAuth.SecretSetting));
        if (c["Auth:PriceWatch:Issuer"] is { Length: > 0 } iss && !IsUrl(iss))
            return new("auth issuer is not an absolute URL", Hint("Auth:PriceWatch:Issuer"));
        var platform = c[Common.PlatformScope.SecretSetting];
        if (string.IsNullOrEmpty(platform) && env.IsProduction())
            return new("platform_scope_secret field required (cross-tenant reads need a server-held secret)", Hint(Common.PlatformScope.SecretSetting));
        if (!string.IsNullOrEmpty(platform) && platform.Length < 32)
            return new("platform_scope_secret must be at least 32 characters", Hint(Common.PlatformScope.SecretSetting));
        if (c["Integrations:OpenAi:BaseUrl"] is { Length: > 0 } ai && !IsUrl(ai))
            return new("openai base_url is not an absolute http(s) URL", Hint("Integrations:OpenAi:BaseUrl"));

        var supabaseUrl = c["Integrations:SupabaseAdmin:BaseUrl"];
        if (!string.IsNullOrEmpty(supabaseUrl) && !IsUrl(supabaseUrl))
            return new("supabase_url is not a valid URL", Hint("Integrations:SupabaseAdmin:BaseUrl"));
        if (!string.IsNullOrEmpty(supabaseUrl) && string.IsNullOrEmpty(c["Integrations:SupabaseAdmin:ServiceRoleKey"]))
            return new("supabase_service_role_key field required", Hint("Integrations:SupabaseAdmin:ServiceRoleKey"));

        if (c["Integrations:Stripe:SecretKey"] is { Length: > 0 } sk)
        {
            if (!sk.StartsWith("sk_", StringComparison.Ordinal) && !sk.StartsWith("rk_", StringComparison.Ordinal))
                return new("stripe_secret_key must start with sk_ or rk_", Hint("Integrations:Stripe:SecretKey"));
            if (c["Integrations:Stripe:WebhookSecret"] is not { Length: > 0 } wh || !wh.StartsWith("whsec_", StringComparison.Ordinal))
                return new("stripe_webhook_secret field required (whsec_...)", Hint("Integrations:Stripe:WebhookSecret"));
            foreach (var plan in new[] { "pro", "enterprise" })
                if (c[$"Integrations:Stripe:Prices:{plan}"] is not { Length: > 0 } price || !price.StartsWith("price_", StringComparison.Ordinal))
                    return new($"stripe_price_{plan} field required (price_...)", Hint($"Integrations:Stripe:Prices:{plan}"));
            if (c["Integrations:Stripe:BaseUrl"] is { Length: > 0 } sb && !IsUrl(sb))
                return new("stripe base_url is not a valid URL", Hint("Integrations:Stripe:BaseUrl"));
        }
        if (c["Integrations:Mail:Smtp:Host"] is { Length: > 0 } && c["Integrations:Mail:Smtp:Port"] is { Length: > 0 } port
            && (!int.TryParse(port, out var p) || p is < 1 or > 65535))
            return new("smtp_port must be a number between 1 and 65535", Hint("Integrations:Mail:Smtp:Port"));
        if (c["PriceWatch:AppUrl"] is { Length: > 0 } app && !IsUrl(app))
            return new("app_url is not a valid URL", Hint("PriceWatch:AppUrl"));
        return null;
    }
}
