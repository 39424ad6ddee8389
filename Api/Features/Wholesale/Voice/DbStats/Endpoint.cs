using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.DbStats;

/// <summary>No request DTO for FastEndpoints to bind (an empty record made its binder throw, a 500): the Mediator message is built here.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<JsonElement>
{
    public override void Configure()
    {
        Get("api/voice/db_stats");
        Group<WholesaleGroup>();
        this.ApiKey("diagnostics");
        Description(b => b.WithSummary("Diagnostic counts of customers and phone numbers (samples masked)"));
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}
