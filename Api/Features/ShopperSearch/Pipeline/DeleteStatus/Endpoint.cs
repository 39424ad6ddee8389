using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Pipeline.DeleteStatus;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/v1/pipeline/status/{merchant_id}");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Delete the pipeline tracking row only (200 with status deleted or not_found)").Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
}

sealed record Response(string Status, string Message);

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.MerchantId != merchant) return Error.Forbidden("Pipeline.Forbidden", "Access denied to this merchant's pipeline status");
        await using var tx = await db.BeginTenantAsync(ct);
        var deleted = await db.ExecuteAsync("delete from shopper.pipeline_status where merchant_id = @Merchant", new { Merchant = merchant }, ct);
        await tx.CommitAsync(ct);
        return deleted > 0
            ? new Response("deleted", $"Pipeline status deleted for merchant {merchant}")
            : new Response("not_found", $"No pipeline status found for merchant {merchant}");
    }
}
