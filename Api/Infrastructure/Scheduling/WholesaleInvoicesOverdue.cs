using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Daily (06:00): sent Wholesale invoices past their due date become <c>overdue</c>.</summary>
public sealed class WholesaleInvoicesOverdue(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.Wholesale.Invoices.MarkOverdue.Command());
}
