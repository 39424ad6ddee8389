using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncSheet;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Mode { get; init; } = "full";
    public bool ActiveOnly { get; init; } = true;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Mode).Must(m => m is "full" or "delta").WithMessage("mode must be full or delta").WithErrorCode("enum:full,delta");
    }
}

sealed record Response(Guid SyncLogId, string Status, string SheetId, string SheetUrl, int EstimatedRows, string Message);

/// <summary>Scheduled pushes (<c>syncFrequency</c>): queue a full push for every tenant that is due. Returns how many were queued.</summary>
public sealed record PushDue : Mediator.ICommand<int>;
