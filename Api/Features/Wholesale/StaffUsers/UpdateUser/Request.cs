using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.UpdateUser;

/// <summary>An absent or null field keeps its value.</summary>
sealed record Request : IRequest<ErrorOr<StaffUserView>>
{
    public long UserId { get; init; }
    public string? FullName { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Role { get; init; }
    public bool? IsActive { get; init; }
    public string? Password { get; init; }
    [JsonIgnore, HideFromDocs] public Caller Caller { get; init; } = Caller.Anonymous;
    [JsonIgnore, HideFromDocs] public Guid? CallerToken { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).EmailAddress().MaximumLength(254).When(r => !string.IsNullOrEmpty(r.Email));
            RuleFor(r => r.Password).MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength)
                .When(r => r.Password is not null);
            RuleFor(r => r.Role).Must(r => r is null || StaffRules.Roles.Contains(r)).WithMessage("role must be one of " + string.Join(", ", StaffRules.Roles));
            RuleFor(r => r.FirstName).MaximumLength(100);
            RuleFor(r => r.LastName).MaximumLength(100);
            RuleFor(r => r.FullName).MaximumLength(200);
        }
    }
}
