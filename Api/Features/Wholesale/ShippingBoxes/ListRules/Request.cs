using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.ListRules;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(List<BoxRule> BoxRecommendations);
