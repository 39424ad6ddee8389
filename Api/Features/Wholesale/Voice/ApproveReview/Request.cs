using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.ApproveReview;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long CallId { get; init; }
    public string? Notes { get; init; }
    [JsonIgnore] public string Actor { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CallId).GreaterThan(0);
            RuleFor(r => r.Notes).MaximumLength(4000);
        }
    }
}
