using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListProducts;

sealed record Request : IRequest<ErrorOr<List<ProductRow>>>
{
    [QueryParam] public string? All { get; init; }
    /// <summary>Exact category, case-insensitive.</summary>
    [QueryParam] public string? Category { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Category).Text(200);
    }
}
