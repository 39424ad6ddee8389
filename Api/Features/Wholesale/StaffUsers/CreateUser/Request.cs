using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.CreateUser;

sealed record Request : IRequest<ErrorOr<StaffUserView>>
{
    public string? Username { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    /// <summary>admin, manager, staff (default) or sales_rep.</summary>
    public string? Role { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    [JsonIgnore, HideFromDocs] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Username).NotEmpty().Length(3, 50).Matches("^[A-Za-z0-9._-]+$")
                .WithMessage("username must be 3-50 letters, digits, '.', '_' or '-'");
            RuleFor(r => r.Email).EmailAddress().MaximumLength(254).When(r => !string.IsNullOrEmpty(r.Email));
            RuleFor(r => r.Password).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
            RuleFor(r => r.Role).Must(r => r is null || StaffRules.Roles.Contains(r)).WithMessage("role must be one of " + string.Join(", ", StaffRules.Roles));
            RuleFor(r => r.FirstName).MaximumLength(100);
            RuleFor(r => r.LastName).MaximumLength(100);
            RuleFor(r => r.FullName).MaximumLength(200);
        }
    }
}
