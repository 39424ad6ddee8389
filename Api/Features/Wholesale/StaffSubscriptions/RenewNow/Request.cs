using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.RenewNow;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sub_id")] public long SubId { get; init; }
    [JsonIgnore] public long? StaffId { get; init; }
}

/// <summary>The document's fields (success, renewal, next_renewal_date) plus the order created.</summary>
sealed record Response(bool Success, RenewalView Renewal, DateOnly NextRenewalDate, Renewer.OrderSummary Order);
