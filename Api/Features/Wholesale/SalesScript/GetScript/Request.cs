using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.GetScript;

sealed record Request : IRequest<ErrorOr<Response>>;

/// <summary>Before anyone saved a script: empty content, updated_by and updated_at null. Beyond the document: <c>version</c>.</summary>
sealed record Response
{
    public string Content { get; init; } = "";
    public string? UpdatedBy { get; init; }
    public long? UpdatedById { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public int Version { get; init; }
}
