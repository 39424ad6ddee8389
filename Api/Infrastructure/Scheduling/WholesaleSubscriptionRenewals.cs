using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Daily at 12:00 UTC (06:00 in Chicago in winter, 07:00 in summer): Wholesale subscriptions that are due are charged and their orders created.</summary>
public sealed class WholesaleSubscriptionRenewals(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.Wholesale.StaffSubscriptions.DailyRenewals.Command());
}
