using Api.Features.Wholesale.Utilities.CatalogAnswers;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Utilities.AiSearch;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Query { get; init; } = "";
    public string? Language { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Query).NotEmpty().MaximumLength(500);
            RuleFor(r => r.Language).MaximumLength(20);
        }
    }
}

/// <summary><c>products</c> are catalog rows (prices and stock from the database); <c>total</c> is their count.</summary>
sealed record Response(bool Success, List<ProductHit> Products, string Suggestion, int Total);
