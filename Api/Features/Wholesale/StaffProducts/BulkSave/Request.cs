using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.BulkSave;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxItems = 1000;
    public List<Item>? Products { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Products).NotNull().WithMessage("Required")
                .Must(p => p is null || p.Count is >= 1 and <= MaxItems).WithMessage($"Must hold between 1 and {MaxItems} items");
            RuleForEach(r => r.Products).Must(i => i is not null).WithMessage("Must be an object");
        }
    }
}

/// <summary>One edit: <c>id</c> (required) names the product; the other fields are the changes (as PUT).</summary>
sealed class Item : StaffProductPatch
{
    public long? Id { get; set; }
}

/// <summary>
/// The document's fields: <c>saved</c> (how many products were saved) and <c>errors</c> (one per failed product), plus
/// <c>success</c> (false when any failed) and <c>products</c> (the saved product objects). Always 200.
/// </summary>
sealed record Response(bool Success, int Saved, IReadOnlyList<Failed> Errors, IReadOnlyList<StaffProduct> Products);

/// <summary><c>index</c> is the item's position in the request (from 0).</summary>
sealed record Failed(int Index, long? Id, string Error, string Code, Dictionary<string, string>? Details);
