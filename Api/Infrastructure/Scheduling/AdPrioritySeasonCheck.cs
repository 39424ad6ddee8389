using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Hourly: AdPriority tenants whose current season changed (calendar rollover or an edited calendar) are rescored.</summary>
public sealed class AdPrioritySeasonCheck(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.AdPriority.Priorities.ScheduledRescore.RescoreSeasonChanges());
}
