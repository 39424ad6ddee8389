using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Auth.Register;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Username { get; init; } = "";
    /// <summary>Optional in the document, but the account signs in only once this address is verified, so it is required here.</summary>
    public string? Email { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? BusinessType { get; init; }
    public string? BusinessEin { get; init; }
    public string? ResaleCertificate { get; init; }
    public string? StateOfOperation { get; init; }
    public string Password { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Username).NotEmpty().Length(3, 50).Matches("^[A-Za-z0-9_.@-]+$")
                .WithMessage("Username may use letters, digits and _ . @ - (3 to 50 characters)");
            RuleFor(r => r.Email).NotEmpty().WithMessage("Email is required to verify the account")
                .MaximumLength(254).EmailAddress();
            RuleFor(r => r.Password).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
            RuleFor(r => r.Phone).Must(p => string.IsNullOrWhiteSpace(p) || Phones.ToE164(p) is not null).WithMessage("Phone is not a valid phone number");
            RuleFor(r => r.CompanyName).MaximumLength(200);
            RuleFor(r => r.BusinessType).MaximumLength(100);
            RuleFor(r => r.BusinessEin).MaximumLength(20);
            RuleFor(r => r.ResaleCertificate).MaximumLength(100);
            RuleFor(r => r.StateOfOperation).MaximumLength(50);
        }
    }
}

sealed record Response(string Message, bool EmailVerificationRequired, UserView User);
