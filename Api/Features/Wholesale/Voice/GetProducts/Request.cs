using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetProducts;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? Query { get; init; }
    public string? Category { get; init; }
    public bool? InStockOnly { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Query).MaximumLength(200);
            RuleFor(r => r.Category).MaximumLength(200);
        }
    }
}
