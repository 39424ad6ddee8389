using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.PhoneSendCode;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Phone { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Phone).NotEmpty().Must(p => Phones.ToE164(p) is not null).WithMessage("Phone is not a valid phone number");
    }
}

sealed record Response(string Message, bool SmsSent, string? DebugOtp);
