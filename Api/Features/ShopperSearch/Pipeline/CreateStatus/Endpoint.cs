using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Pipeline.CreateStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PipelineStatusResponse>
{
    public override void Configure()
    {
        Post("api/v1/pipeline/status");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Create (or reset on reinstall) the merchant's pipeline status").Produces<PipelineStatusResponse>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<PipelineStatusResponse>>
{
    public long? MerchantId { get; init; }
    public string? CurrentStep { get; init; }
    public string? ShopDomain { get; init; }
    public JsonElement? Config { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MerchantId).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType);
            RuleFor(r => r.CurrentStep).MaximumLength(100).Matches("^[a-z0-9_]+$").When(r => r.CurrentStep is not null)
                .WithMessage("current_step must be lower-case letters, digits and underscores");
            RuleFor(r => r.ShopDomain).MaximumLength(255);
            RuleFor(r => r.Config).Must(c => c is null || c.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
                .WithMessage("value is not a valid dict").WithErrorCode("type_error.dict");
        }
    }
}

/// <summary>A reinstall (current_step = shopify_etl_dev) resets an existing row; otherwise the row is created or its step, domain and config updated.</summary>
sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<PipelineStatusResponse>>
{
    static readonly string UpsertSql = Sql.Load<Handler>("CreateStatus.sql").Replace("{columns}", Common.Pipeline.Columns);

    public async ValueTask<ErrorOr<PipelineStatusResponse>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.MerchantId != merchant) return Error.Custom(400, "Pipeline.MerchantMismatch", "Merchant ID in header must match merchant_id in request body");
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<PipelineRow>(UpsertSql, new
        {
            Merchant = merchant, CurrentStep = req.CurrentStep ?? "initialized", req.ShopDomain,
            Config = req.Config is { ValueKind: JsonValueKind.Object } c ? c.GetRawText() : "{}",
        }, ct);
        await tx.CommitAsync(ct);
        return rows[0].ToResponse();
    }
}
