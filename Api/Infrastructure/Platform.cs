using Api.Infrastructure.Auth;
using Api.Infrastructure.Bench;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.Sandbox;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.OpenApi;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Scheduling;
using Api.Infrastructure.Tenancy;
using Coravel;
using Coravel.Scheduling.Schedule.Interfaces;
using Coravel.Scheduling.Schedule;
using FastEndpoints;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Api.Infrastructure;

/// <summary>The composition root's two halves, so Program.cs stays a few lines.</summary>
public static class Platform
{
    public static WebApplicationBuilder AddSlicesPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        Modules.Modules.Configure(config);
        // FastEndpoints 9 maps its test-URL cache (GET /_test_url_cache_) only when FastEndpoints:ExposeTestUrlCache is true;
        // the tests address endpoints by type through it, so it stays on under "Testing" (and is blocked at the edge elsewhere)
        if (builder.Environment.IsEnvironment("Testing")) config["FastEndpoints:ExposeTestUrlCache"] ??= "true";

        AddSlicesLogging(builder.Logging, builder.Environment);
        services.AddSingleton(TimeProvider.System);

        services.Configure<DbOptions>(config.GetSection("Database"));
        services.AddSingleton<Db>();
        services.AddSingleton<DbOutage>();
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<ClusterSignals>().AddHostedService(sp => sp.GetRequiredService<ClusterSignals>());   // caches hear other instances' writes
        services.AddScoped<AppDb>();
        services.AddScoped<TenantContext>();

        services.Configure<JobOptions>(config.GetSection("Jobs"));
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobTypes>();
        services.AddHostedService<JobWorkerService>();

        services.AddScheduler();
        services.Replace(ServiceDescriptor.Singleton<IMutex, PostgresMutex>());

        Modules.ModuleEdgeExtensions.AddModuleCors(services);   // one CORS policy per module (Modules:<key>:Cors), see Modules/ModuleCors.cs
        services.AddSingleton<RateLimits>();
        services.AddSingleton<Cli.ICliCommand, RateLimitBenchCommand>();   // bench-rate-limits: the cost of a cluster-wide permit
        services.AddSingleton<Cli.ICliCommand, Bench.PeerEnvCommand>();   // bench-peer-env: the Express peer's app-role connection and signing key
        services.AddSingleton<Security.SecretBox>();
        Integrations.Outbound.OutboundRegistration.AddOutboundGuard(services);   // GuardedHttp: every user-steerable fetch
        services.AddSlicesSchemes(config);
        services.AddAuthorization();
        services.AddMediator((Mediator.MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);
        services.AddFastEndpoints(o => o.Filter = t => Modules.Modules.ForType(t) is not { Enabled: false });
        services.AddModuleDocuments();
        builder.AddSandbox();   // Development without credentials: local Stripe, Shopify, Google and storefronts (docs/sandbox.md)
        return builder;
    }

    /// <summary>Console logs: readable single lines in Development, JSON (one object a line) everywhere else.</summary>
    public static void AddSlicesLogging(ILoggingBuilder logging, IHostEnvironment env)
    {
        if (env.IsDevelopment())
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; });
    }

    public static WebApplication UseSlicesPlatform(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseRouting();
        Modules.ModuleEdgeExtensions.UseModuleEdge(app);   // per-module CORS and body-less GETs, see Modules/ModuleCors.cs
        app.Use(async (ctx, next) =>   // FastEndpoints' test-URL cache endpoint is not part of any documented API
        {
            if (ctx.Request.Path.StartsWithSegments("/_test_url_cache_") && !app.Environment.IsEnvironment("Testing"))
            { ctx.Response.StatusCode = 404; return; }
            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();   // authenticates with the endpoint's named schemes, so the limiter sees the tenant
        app.UseMiddleware<RequestGuardMiddleware>();   // body size per route, path parameters repeated in the query, NUL in parameters
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseFastEndpoints(c =>
        {
            // every slice belongs to a module and is mounted under that module's configured base path ("" = at the root);
            // FastEndpoints applies a per-endpoint override only when a global prefix exists, hence the placeholder
            c.Endpoints.RoutePrefix = "_";
            // a slice whose request has no fields (a Mediator message only) binds nothing; FastEndpoints.Swagger refuses such
            // requests unless this is on
            c.Endpoints.AllowEmptyRequestDtos = true;
            c.Endpoints.Filter = def =>
            {
                if (Modules.Modules.ForType(def.EndpointType) is not { Enabled: true } module) return false;
                def.RoutePrefixOverride(module.BasePath.TrimStart('/'));
                return true;
            };
            // charset, size, NUL, lone surrogates, out-of-range numbers and path conflicts are checked before deserializing;
            // the serializer's own wording ("Cannot get the value of a token type...") never reaches a client
            c.Serializer.RequestDeserializer = async (req, type, _, ct) =>
            {
                try { return await RequestGuards.ReadJsonAsync(req, type, (Modules.Modules.ForContext(req.HttpContext) ?? Modules.Modules.Platform).Json, ct); }
                catch (System.Text.Json.JsonException e)
                {
                    throw new System.Text.Json.JsonException(e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal)
                        ? $"Invalid value for '{p[2..]}': wrong type or format" : "Request body is not valid JSON", e.Path, null, null);
                }
            };
            c.Serializer.ResponseSerializer = (rsp, dto, contentType, _, ct) =>
                dto is null ? Task.CompletedTask
                    : rsp.WriteAsJsonAsync(dto, dto.GetType(), (Modules.Modules.ForContext(rsp.HttpContext) ?? Modules.Modules.Platform).Json, contentType, ct);
            c.Errors.ResponseBuilder = (failures, ctx, _) =>
            {
                var (status, body) = ApiErrors.Build(ctx, ApiErrors.From(failures, ctx));
                ctx.Response.StatusCode = status;
                return body;
            };
        });
        app.MapModuleDocuments();   // FastEndpoints.Swagger (NSwag): one document per module, see OpenApi/ModuleDocuments.cs
        app.MapScalarApiReference("/docs", o =>
        {
            o.Title = "Slices API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
            o.AddDocuments(Modules.Modules.All.Where(m => m.Enabled).Select(m => m.Key));
        });
        app.MapHealth();
        app.MapBenchBaselines();
        return app;
    }

    /// <summary>Coravel schedules; each task is an invocable that only sends its slice's command.</summary>
    public static WebApplication UseSchedules(this WebApplication app, Action<IScheduler> schedule)
    {
        if (!app.Configuration.GetValue("Scheduler:Enabled", true)) return app;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Scheduler");
        app.Services.UseScheduler(schedule).OnError(e => log.LogError(e, "Scheduled task failed"));
        return app;
    }
}
