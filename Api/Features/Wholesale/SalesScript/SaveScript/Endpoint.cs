using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.SaveScript;

/// <summary>The document's POST; PUT is accepted as well (issue 14 calls it a PUT).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Verbs(Http.POST, Http.PUT);
        Routes("api/sales/script");
        Group<WholesaleGroup>();
        this.StaffAdmin();
        Description(b => b.WithSummary("Save a new version of the call script (every version is kept with who and when)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { StaffId = User.StaffId() }, ct), ct);
}
