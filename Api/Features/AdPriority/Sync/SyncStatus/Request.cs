using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncStatus;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(LastSync? LastSync, int PendingChanges, bool SheetConfigured, string? SheetReason, string? GmcMerchantId, DateTime? NextScheduledSync, string SyncFrequency);
sealed record LastSync(Guid Id, string SyncType, string Status, int ProductsSynced, System.Text.Json.JsonElement Errors, DateTime StartedAt,
    DateTime? CompletedAt, int? DurationSeconds);
