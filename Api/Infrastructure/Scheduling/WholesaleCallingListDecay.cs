using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Nightly: the calling list's score decay (the same command as POST /api/sales/calling-list/run-decay; idempotent within a day).</summary>
public sealed class WholesaleCallingListDecay(IMediator mediator, ILogger<WholesaleCallingListDecay> log) : IInvocable
{
    public async Task Invoke()
    {
        var result = await mediator.Send(new Api.Features.Wholesale.SalesCallingList.RunDecay.Request());
        if (!result.IsError) log.LogInformation("Calling-list decay: {Updated} of {Total} scores changed", result.Value.Updated, result.Value.Total);
    }
}
