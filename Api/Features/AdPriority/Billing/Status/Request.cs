using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Billing.Status;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Plan, string Status, string Price, string BillingCycle, DateTime? ActivatedAt, DateTime? TrialEndsAt,
    PlanFeatures Features, PendingCharge? PendingCharge);
sealed record PlanFeatures(int? MaxProducts, bool SeasonalAutomation, bool TagModifiers, bool NewArrivalBoost, bool GoogleAdsIntegration, string SyncFrequency);
sealed record PendingCharge(long ChargeId, string Plan, DateTime CreatedAt);
