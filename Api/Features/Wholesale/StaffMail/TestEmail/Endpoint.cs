using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.TestEmail;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/staff/test-email");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Send a test email through the platform mail sender and report the SMTP configuration")
            .WithDescription("`to` defaults to the SMTP user when that is an email address (400 otherwise). queued is true when the message went " +
                             "to the outbox (no server configured, or the server refused) instead of the SMTP server. SMTP_USER is masked and " +
                             "SMTP_PASSWORD is only \"set\" or \"not set\".")
            .Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
