using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ReorderImages;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
    /// <summary>Every image id of the product, each once, in the new order.</summary>
    public List<long>? Order { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Order).NotNull().WithMessage("Required")
                .Must(o => o is null || o.Count <= 1000).WithMessage("Must hold at most 1000 ids")
                .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("Must not repeat an image id");
        }
    }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, StaffProduct Product);
