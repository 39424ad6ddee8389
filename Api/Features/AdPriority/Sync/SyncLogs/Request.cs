using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncLogs;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public int Page { get; init; } = 1;
    public int Limit { get; init; } = 20;
    public string? SyncType { get; init; }
    public string? Status { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1).WithErrorCode("min:1");
            RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100").WithErrorCode("range:1-100");
            RuleFor(r => r.SyncType).Must(s => s is null or "shopify" or "gmc" or "sheet").WithMessage("syncType must be shopify, gmc or sheet").WithErrorCode("enum");
            RuleFor(r => r.Status).Must(s => s is null or "started" or "completed" or "failed").WithMessage("status must be started, completed or failed").WithErrorCode("enum");
        }
    }
}

sealed record Response(IReadOnlyList<Item> Logs, Pagination Pagination);
sealed record Item(Guid Id, string SyncType, string Status, int ProductsSynced, System.Text.Json.JsonElement Errors, DateTime StartedAt, DateTime? CompletedAt);
sealed record Pagination(int Page, int Limit, long Total, long TotalPages);
