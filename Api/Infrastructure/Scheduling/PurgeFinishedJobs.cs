using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Daily: sends the platform's purge command (retention from <c>Jobs:RetentionDays</c>, default 30).</summary>
public sealed class PurgeFinishedJobs(IMediator mediator, IConfiguration config, ILogger<PurgeFinishedJobs> log) : IInvocable
{
    public async Task Invoke()
    {
        var purged = await mediator.Send(new Api.Features.Platform.Jobs.PurgeFinishedJobs.Command(config.GetValue("Jobs:RetentionDays", 30)));
        log.LogInformation("Purged {Count} finished jobs", purged);
    }
}
