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

namespace Api.Features.PriceWatch.Matching.Embed;

/// <summary>
/// <c>POST /api/match/embed</c> → 202 TaskResponse: embeddings for up to <c>limit</c> rows of <c>product_tracking</c>
/// (default) or <c>brand_products</c> that have none, or whose <c>embedding_model</c> is not the current model (a change of
/// model re-embeds). Needs a plan with embeddings (enterprise; 403 otherwise). The session's <c>engine</c> names the embedder
/// (the OpenAI-compatible embeddings endpoint when configured, else the local all-MiniLM-L6-v2 model); progress is
/// <c>processed</c> of <c>total_products</c>, per batch of 200.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/match/embed");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Generate vector embeddings").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public string Table { get; init; } = "product_tracking";
    public int Limit { get; init; } = 500;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Table).Must(t => t is "product_tracking" or "brand_products").WithMessage("table must be product_tracking or brand_products");
            RuleFor(r => r.Limit).InclusiveBetween(1, 10000);
        }
    }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        await using (var tx = await PwTx.BeginAsync(db, caller, ct))
        {
            var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
            await tx.CommitAsync(ct);
            if (!plan.Embeddings) return Error.Forbidden("PriceWatch.PlanFeature", $"Vector embeddings are not included in the {plan.Name} plan; upgrade to Enterprise");
        }
        var session = await MatchingSessions.StartAsync(db, caller, "embed", null, new Job.Args(req.Table, req.Limit), ct);
        return new TaskResponse(session, "running", $"Embedding {req.Table} started");
    }
}

sealed class Job(AppDb db, TenantContext tenantContext, IEmbedder embedder) : IJobHandler
{
    public sealed record Args(string Table, int Limit);
    public sealed record Payload(Guid SessionId, Args Args);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        var table = payload.Args.Table == "brand_products" ? "brand_products" : "product_tracking";
        var name = table == "brand_products" ? "trim(title || ' ' || coalesce(variant_title, ''))" : "product_name";
        string? error = null;
        var done = 0;
        try
        {
            List<Row> rows;
            await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
            {
                rows = await db.QueryToListAsync<Row>($"""
                    select id as "Id", {name} as "Name" from pricewatch.{table}
                    where tenant_id = @T and (embedding is null or embedding_model is distinct from @Model)
                    order by embedding is not null, id limit @Limit
                    """, new { T = tenant, payload.Args.Limit, embedder.Model }, ct);
                await db.ExecuteAsync("update pricewatch.matching_sessions set total_products = @N where id = @S", new { N = rows.Count, S = payload.SessionId }, ct);
                await tx.CommitAsync(ct);
            }
            foreach (var chunk in rows.Chunk(200))
            {
                var vectors = await embedder.EmbedAsync(chunk.Select(r => r.Name).ToList(), ct);
                var ids = new List<Guid>();
                var texts = new List<string>();
                for (var i = 0; i < chunk.Length; i++)
                    if (vectors[i] is { } v)
                    {
                        ids.Add(chunk[i].Id);
                        texts.Add("{" + string.Join(',', v.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "}");
                    }
                await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
                await db.ExecuteAsync($"""
                    update pricewatch.{table} p set embedding = u.v::real[], embedding_model = @Model
                      from unnest(cast(@Ids as uuid[]), cast(@Vectors as text[])) as u(id, v) where p.id = u.id and p.tenant_id = @T
                    """, new { T = tenant, Ids = ids.ToArray(), Vectors = texts.ToArray(), embedder.Model }, ct);
                done += ids.Count;
                await db.ExecuteAsync("update pricewatch.matching_sessions set processed = @N where id = @S", new { N = done, S = payload.SessionId }, ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested) { error = $"{e.GetType().Name}: {e.Message}"; }
        finally
        {
            await MatchingSessions.FinishAsync(db, tenant, payload.SessionId, error, embedder.Engine,
                (embedder.Note is { } note ? note + "; " : "") + $"{done} {table} rows embedded");
        }
        return new { session_id = payload.SessionId, embedded = done };
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
