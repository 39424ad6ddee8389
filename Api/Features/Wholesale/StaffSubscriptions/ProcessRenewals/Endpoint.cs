using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.ProcessRenewals;

sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/staff/subscriptions/process-renewals");
        Group<WholesaleGroup>();
        this.ApiKey("renewals");
        this.RateLimit(WholesaleModule.ApiKeyCalls);
        Description(b => b.WithSummary("Cron (API key with the renewals scope): renew the subscriptions that are due, up to 200 per call (remaining says how many are left)")
            .Produces<Response>().ProducesProblemDetails(401).ProducesProblemDetails(403).ProducesProblemDetails(503));
    }

    public override async Task HandleAsync(CancellationToken ct)
        => await Send.ResultAsync(await mediator.Send(new Request { KeyId = User.ApiKeyId() }, ct), ct);
}
