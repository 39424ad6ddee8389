using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.AssignSalesRep;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public long? SalesRepId { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.SalesRepId).NotNull().WithMessage("sales_rep_id is required").GreaterThan(0);
        }
    }
}

sealed record Response(bool Success, AssignedOrder Order);
sealed record AssignedOrder(long Id, string OrderNumber, long SalesRepId);
