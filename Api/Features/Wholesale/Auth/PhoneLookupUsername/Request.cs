using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneLookupUsername;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string PhoneSessionToken { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.PhoneSessionToken).NotEmpty().MaximumLength(200);
    }
}

sealed record Response(string Username);
