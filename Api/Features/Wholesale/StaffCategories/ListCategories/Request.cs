using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCategories.ListCategories;

sealed record Request : IRequest<ErrorOr<Response>>;

/// <summary>The document says "varies": <c>success</c> and <c>categories</c>.</summary>
sealed record Response(bool Success, IReadOnlyList<Category> Categories);

sealed record Category
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public int SortOrder { get; init; }
    public long ProductCount { get; init; }
    public DateTime CreatedAt { get; init; }
}
