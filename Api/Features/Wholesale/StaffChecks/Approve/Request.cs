using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffChecks.Approve;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const string Summary = "Approve the check awaiting review: the payment is recorded, the order paid (or partial) and a pending order " +
                                  "confirmed. 409 unless a check awaits review; sales reps 403.";

    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(40);
    }
}

sealed record Response(bool Success, string Message);
