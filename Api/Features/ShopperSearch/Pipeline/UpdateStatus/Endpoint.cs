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

namespace Api.Features.ShopperSearch.Pipeline.UpdateStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PipelineStatusResponse>
{
    public override void Configure()
    {
        Put("api/v1/pipeline/status/{merchant_id}");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Update pipeline progress fields (partial)").Produces<PipelineStatusResponse>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<PipelineStatusResponse>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
    public string? CurrentStep { get; init; }
    public string? CompletedStep { get; init; }
    public string? Status { get; init; }
    public string? ErrorMessage { get; init; }
    public JsonElement? Config { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is null or "running" or "completed" or "failed")
                .WithMessage("value is not a valid enumeration member; permitted: 'running', 'completed', 'failed'").WithErrorCode("type_error.enum");
            RuleFor(r => r.CurrentStep).MaximumLength(100);
            RuleFor(r => r.CompletedStep).MaximumLength(100);
            RuleFor(r => r.ErrorMessage).MaximumLength(4000);
            RuleFor(r => r.Config).Must(c => c is null || c.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
                .WithMessage("value is not a valid dict").WithErrorCode("type_error.dict");
        }
    }
}

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<PipelineStatusResponse>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateStatus.sql").Replace("{columns}", Common.Pipeline.Columns);

    public async ValueTask<ErrorOr<PipelineStatusResponse>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.MerchantId != merchant) return Error.Forbidden("Pipeline.Forbidden", "Access denied to this merchant's pipeline status");
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<PipelineRow>(UpdateSql, new
        {
            Merchant = merchant, req.CurrentStep, req.CompletedStep, req.Status, req.ErrorMessage,
            Config = req.Config is { ValueKind: JsonValueKind.Object } c ? c.GetRawText() : "{}",
        }, ct);
        await tx.CommitAsync(ct);
        return rows is [var row] ? row.ToResponse() : Error.NotFound("Pipeline.NotFound", "Pipeline status not found for this merchant");
    }
}
