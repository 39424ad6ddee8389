using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneVerifyCode;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Phone { get; init; } = "";
    public string Code { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Phone).NotEmpty().Must(p => Phones.ToE164(p) is not null).WithMessage("Phone is not a valid phone number");
            RuleFor(r => r.Code).NotEmpty().Matches("^[0-9]{6}$").WithMessage("Code must be 6 digits");
        }
    }
}

sealed record Response(string PhoneSessionToken);
