using System.Text.Json.Serialization;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingReports.Stats;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response
{
    public int ShippedToday { get; init; }
    public int InTransit { get; init; }
    [JsonPropertyName("delivered_7d")] public int Delivered7d { get; init; }
}
