using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListPayments;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<PaymentRow>>
{
    public override void Configure()
    {
        Get("api/sourcing/payments");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("List supplier payments (supplier_id, status)").Produces<List<PaymentRow>>(200).ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
