using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Hourly (minute 5, after the season check): queue the Google Sheet push of every tenant due by its <c>syncFrequency</c>.</summary>
public sealed class AdPrioritySheetPush(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.AdPriority.Sync.SyncSheet.PushDue());
}
