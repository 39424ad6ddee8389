using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCommission.Toggle;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    public bool? Paid { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(40);
    }
}

sealed record Response(bool Success, string OrderNumber, bool CommissionPaid, DateTimeOffset? CommissionPaidAt, decimal CommissionAmount,
    long? CommissionPaidBy, long SalesRepId, decimal CommissionRate);
