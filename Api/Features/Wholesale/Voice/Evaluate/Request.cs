using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.Evaluate;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long? CallLogId { get; init; }
    public bool? Async { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.CallLogId).NotNull().GreaterThan(0);
    }
}
