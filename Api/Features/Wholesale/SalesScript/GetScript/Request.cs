using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.GetScript;

/// <summary>No input; FastEndpoints binds only DTOs with a public property, hence the unused placeholder.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [HideFromDocs] public long? StaffId { get; init; }
}
/// <summary>Before anyone saved a script: empty content, updated_by and updated_at null. Beyond the document: <c>version</c>.</summary>
sealed record Response
{
    public string Content { get; init; } = "";
    public string? UpdatedBy { get; init; }
    public long? UpdatedById { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public int Version { get; init; }
}
