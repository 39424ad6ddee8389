using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Pipeline.GetStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PipelineStatusResponse>
{
    public override void Configure()
    {
        Get("api/v1/pipeline/status/{merchant_id}");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("The merchant's pipeline progress").Produces<PipelineStatusResponse>().ProducesProblemDetails(400).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<PipelineStatusResponse>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
}

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<PipelineStatusResponse>>
{
    static readonly string GetSql = $"select {Common.Pipeline.Columns} from shopper.pipeline_status where merchant_id = @Merchant";

    public async ValueTask<ErrorOr<PipelineStatusResponse>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.MerchantId != merchant) return Error.Forbidden("Pipeline.Forbidden", "Access denied to this merchant's pipeline status");
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<PipelineRow>(GetSql, new { Merchant = merchant }, ct);
        await tx.CommitAsync(ct);
        return rows is [var row] ? row.ToResponse() : Error.NotFound("Pipeline.NotFound", "Pipeline status not found for this merchant");
    }
}
