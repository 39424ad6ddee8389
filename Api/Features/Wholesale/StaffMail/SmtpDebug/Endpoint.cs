using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.SmtpDebug;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/staff/smtp-debug");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("SMTP handshake test against the configured server (admin or manager)")
            .WithDescription("Connects to Integrations:Mail:Smtp:Host (EHLO), tries STARTTLS when UseTls is set and logs in when a user is set, " +
                             "each step with a timeout (Wholesale:SmtpDebug:TimeoutSeconds, default 10). Nothing is sent. ehlo/starttls/login are " +
                             "true, false, or null when not tried; error_type is not_configured, connection, timeout, tls, auth or smtp. smtp_user " +
                             "is masked and the password appears only as smtp_pass_len.")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403));
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
