using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.CheckAccountStanding;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/check_account_standing");
        Group<WholesaleGroup>();
        this.ApiKey("voice");
        Description(b => b.WithSummary("Check a caller's Net 30 approval and overdue invoices before ordering"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
