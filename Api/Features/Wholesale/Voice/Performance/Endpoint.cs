using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.Performance;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/staff/voice/performance");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Voice-agent performance: totals and per-granularity rows (calls, orders, revenue, cost, scores, ROI)"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}
