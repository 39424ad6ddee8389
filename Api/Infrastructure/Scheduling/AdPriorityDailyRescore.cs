using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Daily 03:30 UTC: every active AdPriority tenant is rescored.</summary>
public sealed class AdPriorityDailyRescore(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.AdPriority.Priorities.ScheduledRescore.RescoreAll());
}
