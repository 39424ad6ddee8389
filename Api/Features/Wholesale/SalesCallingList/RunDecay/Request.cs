using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.RunDecay;

/// <summary>Also sent by the nightly task (<c>Api/Infrastructure/Scheduling/WholesaleCallingListDecay.cs</c>).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(bool Success, int Updated, int Total);
