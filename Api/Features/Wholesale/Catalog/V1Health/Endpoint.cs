using FastEndpoints;

namespace Api.Features.Wholesale.Catalog.V1Health;

/// <summary>
/// The key API's public health check: the process answers. No database round trip (use <c>/readyz</c> for that), so a
/// monitor polling it costs nothing.
/// </summary>
sealed class Endpoint : EndpointWithoutRequest<Response>
{
    static readonly string ApiVersion = typeof(Endpoint).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public override void Configure()
    {
        Get("api/v1/health");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Key API health check (public)").Produces<Response>());
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new Response("healthy", "wholesale-api", ApiVersion), ct);
}

/// <summary>The document's fields: status, service, version.</summary>
sealed record Response(string Status, string Service, string Version);
