using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.ChangePassword;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
    public string? ConfirmPassword { get; init; }
    [JsonIgnore, HideFromDocs] public long StaffId { get; init; }
    [JsonIgnore, HideFromDocs] public Guid? Token { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(Passwords.MaxLength);
            RuleFor(r => r.NewPassword).NotEmpty().MinimumLength(Passwords.MinLength).WithMessage(Passwords.TooShort).MaximumLength(Passwords.MaxLength);
            RuleFor(r => r.ConfirmPassword).NotEmpty().Equal(r => r.NewPassword).WithMessage("confirm_password does not match new_password");
        }
    }
}

sealed record Response(string Message);
