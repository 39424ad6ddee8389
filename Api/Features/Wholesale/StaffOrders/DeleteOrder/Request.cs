using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.DeleteOrder;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OrderId).GreaterThan(0);
    }
}

sealed record Response(bool Success);
