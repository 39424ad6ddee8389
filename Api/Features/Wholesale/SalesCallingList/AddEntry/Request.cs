using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.AddEntry;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Phone { get; init; }
    public string? CompanyName { get; init; }
    public string? ContactName { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? Notes { get; init; }
    public double? PriorityScore { get; init; }
    public string? Status { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Phone).NotEmpty().Must(p => Phones.ToE164(p) is not null).WithMessage("must be a valid phone number");
            RuleFor(r => r.CompanyName).MaximumLength(200);
            RuleFor(r => r.ContactName).MaximumLength(200);
            RuleFor(r => r.Email).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email));
            RuleFor(r => r.Address).MaximumLength(500);
            RuleFor(r => r.Notes).MaximumLength(5000);
            RuleFor(r => r.PriorityScore).InclusiveBetween(0, 100);
            RuleFor(r => r.Status).Must(s => string.IsNullOrEmpty(s) || CallingList.Statuses.Contains(s))
                .WithMessage($"must be one of: {string.Join(", ", CallingList.Statuses)}");
        }
    }
}

sealed record Response(bool Success, Entry Entry);
