using System.Text.Json.Serialization;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ProcessRenewals;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [JsonIgnore] public long? KeyId { get; init; }
}

/// <summary>The document's fields: processed, results (subscription_id, status, order or error); plus remaining (still due).</summary>
sealed record Response(int Processed, List<Result> Results, int Remaining);

/// <summary>status: succeeded (order), failed (a decline or refusal: error), error (Stripe unreachable: error), skipped (another run had it).</summary>
sealed record Result(long SubscriptionId, string Status, Renewer.OrderSummary? Order, string? Error);
