using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Every five minutes: Wholesale payment links past their <c>expires_at</c> are deactivated at Stripe.</summary>
public sealed class WholesaleExpirePaymentLinks(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.Wholesale.Payments.ExpireLinks.Command());
}
