using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Matching.Backfill;

/// <summary>
/// <c>POST /api/match/backfill</c> → 202 TaskResponse: extracts attributes (category, the profile's extraction categories,
/// size, pack quantity) for up to <c>limit</c> products missing them, own products first. The session's <c>engine</c>
/// says which extractor ran (OpenAI-compatible chat on plans with AI matching when configured, else the local rule-based one).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/match/backfill");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Backfill extracted attributes").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public int Limit { get; init; } = 500;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Limit).InclusiveBetween(1, 10000);
    }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        var session = await MatchingSessions.StartAsync(db, caller, "backfill", null, new Job.Args(req.Limit), ct);
        return new TaskResponse(session, "running", "Attribute backfill started");
    }
}

sealed class Job(AppDb db, TenantContext tenantContext, ProfileCache profiles, IAttributeExtractor configured, LocalAttributeExtractor local) : IJobHandler
{
    public sealed record Args(int Limit);
    public sealed record Payload(Guid SessionId, Args Args);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        string? error = null;
        var done = 0;
        IAttributeExtractor extractor = local;
        string? planWithoutAi = null;
        try
        {
            MatchProfile profile;
            List<Row> rows;
            await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
            {
                profile = await profiles.GetAsync(db, tenant, ct);
                var plan = await PlanInfo.ForAsync(db, tenant, ct);
                if (plan.AiMatching) extractor = configured;   // chat extraction only on AI plans
                else if (configured != local) planWithoutAi = plan.Name;
                rows = await db.QueryToListAsync<Row>("""
                    (select 'brand_products' as "Table", id as "Id", trim(title || ' ' || coalesce(variant_title, '')) as "Name"
                       from pricewatch.brand_products where tenant_id = @T and attributes is null order by id limit @Limit)
                    union all
                    (select 'product_tracking', id, product_name from pricewatch.product_tracking where tenant_id = @T and attributes is null order by id limit @Limit)
                    """, new { T = tenant, payload.Args.Limit }, ct);
                await tx.CommitAsync(ct);
            }
            rows = rows.Take(payload.Args.Limit).ToList();
            await MatchingSessions.UpdateAsync(db, tenant, payload.SessionId, "update pricewatch.matching_sessions set total_products = @N where id = @S",
                new { N = rows.Count, S = payload.SessionId }, ct);
            foreach (var chunk in rows.Chunk(200))
            {
                var values = new List<string>();
                foreach (var r in chunk) values.Add(JsonSerializer.Serialize(await extractor.ExtractAsync(r.Name, profile, ct)));
                await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
                foreach (var table in new[] { "brand_products", "product_tracking" })
                {
                    var idx = chunk.Select((r, i) => (r, i)).Where(x => x.r.Table == table).ToList();
                    if (idx.Count == 0) continue;
                    await db.ExecuteAsync($"""
                        update pricewatch.{table} p set attributes = u.a::jsonb
                          from unnest(cast(@Ids as uuid[]), cast(@Attrs as text[])) as u(id, a) where p.id = u.id and p.tenant_id = @T
                        """, new { T = tenant, Ids = idx.Select(x => x.r.Id).ToArray(), Attrs = idx.Select(x => values[x.i]).ToArray() }, ct);
                }
                done += chunk.Length;
                await db.ExecuteAsync("update pricewatch.matching_sessions set processed = @N where id = @S", new { N = done, S = payload.SessionId }, ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested) { error = $"{e.GetType().Name}: {e.Message}"; }
        finally
        {
            var engine = planWithoutAi is null ? extractor.Engine
                : LocalAttributeExtractor.Name + $" (the {planWithoutAi} plan has no AI matching; the OpenAI-compatible endpoint is not used)";
            await MatchingSessions.FinishAsync(db, tenant, payload.SessionId, error, engine,
                (extractor.Note is { } note ? note + "; " : "") + $"attributes extracted for {done} products");
        }
        return new { session_id = payload.SessionId, processed = done };
    }

    sealed class Row
    {
        public string Table { get; init; } = "";
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
