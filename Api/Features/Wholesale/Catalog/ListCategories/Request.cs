using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListCategories;

sealed record Request : IRequest<ErrorOr<List<Response>>>;

/// <summary>The document's fields (id, name) plus the description staff gave it.</summary>
sealed record Response
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
}
