using Mediator;

namespace Api.Features.PriceWatch.Schedule.RunDueScrapes;

/// <summary>Finds tenants whose scrape is due and enqueues it (placeholder until the scrape job exists).</summary>
public sealed record Command : IRequest<int>;

sealed class Handler : IRequestHandler<Command, int>
{
    public ValueTask<int> Handle(Command command, CancellationToken ct) => ValueTask.FromResult(0);
}
