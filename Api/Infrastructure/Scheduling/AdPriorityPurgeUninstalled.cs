using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Hourly: purges AdPriority shops uninstalled more than 48 hours ago (app/uninstalled sets the time).</summary>
public sealed class AdPriorityPurgeUninstalled(IMediator mediator, ILogger<AdPriorityPurgeUninstalled> log) : IInvocable
{
    public async Task Invoke()
    {
        var purged = await mediator.Send(new Api.Features.AdPriority.Gdpr.PurgeTenant.PurgeDue());
        if (purged > 0) log.LogInformation("Purged {Count} uninstalled AdPriority shops", purged);
    }
}
