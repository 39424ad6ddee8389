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

namespace Api.Features.PriceWatch.Matching.Validate;

/// <summary>
/// <c>POST /api/match/validate</c> → 202 TaskResponse: on a random sample of <c>sample_size</c> (1-200, default 20) own
/// products, runs the old matcher (plain token-set ratio of raw names) and the new one (industry-profile aware) side by
/// side and stores the documented comparison report; read it with <c>GET /api/match/validate/{session_id}</c>.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/match/validate");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Compare the old and new matchers on a sample").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public int SampleSize { get; init; } = 20;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.SampleSize).InclusiveBetween(1, 200);
    }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        var session = await MatchingSessions.StartAsync(db, caller, "validate", "fuzzy", new Job.Args(req.SampleSize), ct);
        return new TaskResponse(session, "running", "Validation started");
    }
}

sealed class Job(AppDb db, TenantContext tenantContext, ProfileCache profiles) : IJobHandler
{
    public sealed record Args(int SampleSize);
    public sealed record Payload(Guid SessionId, Args Args);
    sealed record MatchRef(string Name, double Confidence);
    sealed record ProductVerdict(string BrandProduct, string Verdict, MatchRef? OldMatch, MatchRef? NewMatch);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var payload = job.PayloadAs<Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        string? error = null;
        try
        {
            MatchProfile profile;
            List<Row> sample, theirs;
            await using (var tx = await PwTx.BeginTenantAsync(db, tenant, ct))
            {
                profile = await profiles.GetAsync(db, tenant, ct);
                sample = await db.QueryToListAsync<Row>("""
                    select id as "Id", trim(title || ' ' || coalesce(variant_title, '')) as "Name"
                      from pricewatch.brand_products where tenant_id = @T order by random() limit @N
                    """, new { T = tenant, N = payload.Args.SampleSize }, ct);
                theirs = await db.QueryToListAsync<Row>("select id as \"Id\", product_name as \"Name\" from pricewatch.product_tracking where tenant_id = @T",
                    new { T = tenant }, ct);
                await db.ExecuteAsync("update pricewatch.matching_sessions set total_products = @N where id = @S", new { N = sample.Count, S = payload.SessionId }, ct);
                await tx.CommitAsync(ct);
            }
            var items = theirs.Select(r => new Item(r.Id, r.Name)).ToList();
            var oldMatcher = new FuzzyMatcher(profile, items, profileAware: false);
            var newMatcher = new FuzzyMatcher(profile, items, profileAware: true);
            var threshold = profile.MinConfidence;
            var products = new List<ProductVerdict>();
            foreach (var s in sample)
            {
                var item = new Item(s.Id, s.Name);
                var o = oldMatcher.Candidates(item, 1).FirstOrDefault(c => c.Confidence >= threshold);
                var n = newMatcher.Candidates(item, 1).FirstOrDefault(c => c.Confidence >= threshold);
                var verdict = (o, n) switch
                {
                    (null, null) => "both_nomatch",
                    (not null, null) => "old_only",
                    (null, not null) => "new_only",
                    _ => o!.Product.Id == n!.Product.Id ? "both_match_same" : "both_match_different",
                };
                products.Add(new ProductVerdict(s.Name, verdict, o is null ? null : new MatchRef(o.Product.Name, Math.Round(o.Confidence)),
                    n is null ? null : new MatchRef(n.Product.Name, Math.Round(n.Confidence))));
            }
            var summary = new Dictionary<string, int> { ["total"] = products.Count };
            foreach (var v in new[] { "both_match_same", "both_match_different", "old_only", "new_only", "both_nomatch" })
                summary[v] = products.Count(p => p.Verdict == v);
            var report = JsonSerializer.Serialize(new { summary, products }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
            await MatchingSessions.UpdateAsync(db, tenant, payload.SessionId, """
                update pricewatch.matching_sessions set validation_report = cast(@Report as jsonb), processed = @N, matches_found = @M where id = @S
                """, new { Report = report, N = products.Count, M = products.Count(p => p.NewMatch is not null), S = payload.SessionId }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested) { error = $"{e.GetType().Name}: {e.Message}"; }
        finally
        {
            await MatchingSessions.FinishAsync(db, tenant, payload.SessionId, error, "old: token-set ratio of raw names; new: industry-profile matcher", null);
        }
        return new { session_id = payload.SessionId };
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
