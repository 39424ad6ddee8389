using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Every minute: sends PriceWatch's command that enqueues the scrapes whose schedule is due.</summary>
public sealed class PriceWatchScheduledScrapes(IMediator mediator, ILogger<PriceWatchScheduledScrapes> log) : IInvocable
{
    public async Task Invoke()
    {
        var started = await mediator.Send(new Api.Features.PriceWatch.Schedule.RunDueScrapes.Command());
        if (started > 0) log.LogInformation("Enqueued {Count} scheduled PriceWatch scrapes", started);
    }
}
