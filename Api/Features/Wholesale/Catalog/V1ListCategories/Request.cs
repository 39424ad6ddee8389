using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1ListCategories;

sealed record Request : IRequest<ErrorOr<Response>>;

/// <summary>The document's <c>categories</c>.</summary>
sealed record Response(IReadOnlyList<Category> Categories);

/// <summary>A live category with the number of live products in it.</summary>
sealed record Category
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public long ProductCount { get; init; }
}
