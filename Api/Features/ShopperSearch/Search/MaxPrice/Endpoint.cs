using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Search.MaxPrice;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/v0/product/max-price");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Highest active product price and active product count (cached 1 hour)").Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(double MaxPrice, long ProductCount);

sealed class Handler(AppDb db, TenantContext tenant, ShopperCache cache) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string MaxSql = Sql.Load<Handler>("MaxPrice.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (cache.TryGetValue(Catalog.MaxPriceKey(merchant), out Response? hit) && hit is not null) return hit;
        await using var tx = await db.BeginTenantAsync(ct);
        var row = (await db.QueryToListAsync<Response>(MaxSql, new { Merchant = merchant }, ct))[0];
        await tx.CommitAsync(ct);
        cache.Put(Catalog.MaxPriceKey(merchant), row, TimeSpan.FromHours(1));
        return row;
    }
}
