using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffChecks.Reject;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const string Summary = "Reject the check awaiting review: the payment is marked rejected, the order unpaid (partial when other money " +
                                  "arrived) and back to pending, so the pay options reappear. 409 unless a check awaits review; sales reps 403.";

    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(40);
    }
}

sealed record Response(bool Success, string Message);
