using FastEndpoints;
using FluentValidation;

namespace Api.Features.Wholesale.StaffChecks.GetFront;

sealed record Request
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(40);
    }
}
