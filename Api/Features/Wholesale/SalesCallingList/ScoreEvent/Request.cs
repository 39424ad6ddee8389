using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.ScoreEvent;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Event { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Event).NotEmpty().Must(e => e is null || CallingList.EventWeights.ContainsKey(e))
                .WithMessage($"unknown event; use one of: {string.Join(", ", CallingList.EventWeights.Keys)}");
            RuleFor(r => r.Phone).Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number")
                .When(r => !string.IsNullOrEmpty(r.Phone));
            RuleFor(r => r.Email).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email));
            RuleFor(r => r.Phone).NotEmpty().When(r => string.IsNullOrEmpty(r.Email)).WithMessage("give a phone or an email");
        }
    }
}

sealed record Response(bool Success, long Id, double NewScore, string Reason);
