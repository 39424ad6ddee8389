using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Platform.Settings.DeleteSetting;

sealed record Request : IRequest<ErrorOr<Success>>
{
    public string Key { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Key).NotEmpty().MaximumLength(100);
    }
}
