using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.Outbound;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.PriceWatch.Competitors.AddCompetitor;

/// <summary>
/// <c>POST /api/competitors</c> (owner, admin; not in the reference): adds a competitor store. Beyond the plan's competitor
/// limit: 403 (the database trigger enforces the same limit for any writer); the same URL twice: 409.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/competitors");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Add a competitor").Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 201);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Platform { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var x) && x.Scheme is "http" or "https" && x.Host.Length > 0)
                .WithMessage("url must be an absolute http(s) URL");
            RuleFor(r => r.Platform).Must(p => p is null or "shopify" or "generic").WithMessage("platform must be shopify, generic or omitted (detected)");
        }
    }
}

sealed record Response(Guid Id, string Name, string Url, string? Platform, int CompetitorsUsed, int CompetitorsLimit);

sealed class Handler(AppDb db, Caller caller, OutboundGuard outbound) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        if (!plan.AllowsCompetitors(plan.CompetitorsUsed + 1))
            return Error.Forbidden("PriceWatch.PlanLimit", $"The {plan.Name} plan allows {plan.CompetitorsLimit} competitors; upgrade to add more");
        var url = req.Url.Trim().TrimEnd('/');
        if (await outbound.CheckUrlAsync(url, ct) is { } refused)   // the scraper would refuse it anyway; say so when it is saved
            return Error.Validation("url", $"url {refused}", new Dictionary<string, object> { ["field"] = "url", ["type"] = "value_error" });
        Guid id;
        try
        {
            id = await db.ExecuteAsync<Guid>("""
                insert into pricewatch.competitors (tenant_id, name, url, platform) values (@TenantId, @Name, @Url, @Platform) returning id
                """, new { caller.TenantId, Name = req.Name.Trim(), Url = url, req.Platform }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("PriceWatch.DuplicateCompetitor", $"{url} is already a competitor");
        }
        catch (PostgresException e) when (e.SqlState == "P0001")
        {
            return Error.Forbidden("PriceWatch.PlanLimit", $"The {plan.Name} plan allows {plan.CompetitorsLimit} competitors; upgrade to add more");
        }
        await tx.CommitAsync(ct);
        return new Response(id, req.Name.Trim(), url, req.Platform, plan.CompetitorsUsed + 1, plan.CompetitorsLimit);
    }
}
