using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.CancelOrder;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? OrderNumber { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
    public bool? Confirmed { get; init; }
    [JsonIgnore] public Common.Caller Caller { get; init; } = Common.Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(64);
            RuleFor(r => r.Confirmed).NotNull().WithMessage("confirmed is required (false previews, true cancels)");
        }
    }
}
