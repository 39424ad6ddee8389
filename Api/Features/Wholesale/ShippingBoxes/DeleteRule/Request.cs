using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.DeleteRule;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rule_id")] public long RuleId { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(bool Success);
