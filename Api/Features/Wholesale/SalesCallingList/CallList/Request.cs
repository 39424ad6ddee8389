using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.CallList;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam, BindFrom("page")] public int Page { get; init; } = 1;
    [QueryParam, BindFrom("per_page")] public int PerPage { get; init; } = 100;
    [QueryParam, BindFrom("search")] public string? Search { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).InclusiveBetween(1, 100_000);
            RuleFor(r => r.PerPage).InclusiveBetween(1, 500);
            RuleFor(r => r.Search).MaximumLength(200);
        }
    }
}

sealed record Response(IReadOnlyList<Customer> Customers, int Total, int Page, int Pages);

sealed record Customer
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string Phone { get; init; } = "";
    public string? Email { get; init; }
    public string? ShippingAddress { get; init; }
    public int OrderCount { get; init; }
    public decimal TotalSpend { get; init; }
    public DateTimeOffset? LastOrderDate { get; init; }
    public decimal? LastOrderAmount { get; init; }
    public IReadOnlyList<Item> LastOrderItems { get; init; } = [];
}

sealed record Item(string Name, string? Sku, int Quantity);
