using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Settings.GetSettings;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(Store Store, Gmc GoogleMerchantCenter, Sheet GoogleSheet, Scoring Scoring, SyncInfo Sync);
sealed record Store(string ShopifyShopDomain, string PlanTier, string Status, DateTime InstalledAt, string Timezone);
sealed record Gmc(string? MerchantId, bool Connected);
/// <summary><c>configured</c>: the sheet works (last push succeeded or a check call passed); else <c>reason</c> says why not.</summary>
sealed record Sheet(string? SheetId, string? SheetUrl, bool Configured, string? Reason);
sealed record Scoring(int DefaultPriority, int NewArrivalDays, int NewArrivalPriority);
sealed record SyncInfo(string Frequency, DateTime? LastSyncAt);
