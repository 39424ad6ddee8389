using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.PurchasedProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(IReadOnlyList<Product> Products);

sealed record Product
{
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public int PurchaseCount { get; init; }
}
