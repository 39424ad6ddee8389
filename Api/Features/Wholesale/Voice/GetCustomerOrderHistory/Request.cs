using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetCustomerOrderHistory;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
    public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Limit).InclusiveBetween(1, 20);
    }
}
