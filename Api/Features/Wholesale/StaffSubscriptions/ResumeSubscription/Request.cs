using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ResumeSubscription;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sub_id")] public long SubId { get; init; }
    [JsonIgnore] public long? StaffId { get; init; }
}

/// <summary>The document's fields: success, status, next_renewal_date.</summary>
sealed record Response(bool Success, string Status, DateOnly NextRenewalDate);
