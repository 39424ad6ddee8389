using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.PriceWatch.Matching.StartMatch;

/// <summary>
/// <c>POST /api/match</c> → 202 TaskResponse: matches the tenant's own products against competitor products with
/// <c>fuzzy</c> (default), <c>hybrid</c> (fuzzy, then the verifier for 40-79 %) or <c>ai</c> (the verifier judges the best
/// fuzzy candidates). ai and hybrid need a plan with AI matching (403 otherwise).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/match");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Start product matching").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public string Method { get; init; } = "fuzzy";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Method).Must(m => m is "ai" or "fuzzy" or "hybrid").WithMessage("method must be one of ai, fuzzy, hybrid");
    }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        if (req.Method != "fuzzy")
        {
            await using var tx = await PwTx.BeginAsync(db, caller, ct);
            var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
            await tx.CommitAsync(ct);
            if (!plan.AiMatching)
                return Error.Forbidden("PriceWatch.PlanFeature", $"{req.Method} matching needs AI matching, which the {plan.Name} plan does not include; use fuzzy or upgrade");
        }
        var session = await MatchingSessions.StartAsync(db, caller, "match", req.Method, new Job.Args(req.Method), ct);
        return new TaskResponse(session, "running", $"Matching started ({req.Method})");
    }
}
