using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.DbStats;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/voice/db_stats");
        Group<WholesaleGroup>();
        this.ApiKey("diagnostics");
        Description(b => b.WithSummary("Diagnostic counts of customers and phone numbers (samples masked)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
