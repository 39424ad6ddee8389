using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Admin.VerifyKey;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? RawKey { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.RawKey).Must(k => !string.IsNullOrWhiteSpace(k)).WithMessage("Required")
            .MaximumLength(200).WithMessage("Must be at most 200 characters");
    }
}

/// <summary>
/// The document's fields. <c>reason</c>: "valid", or why not: "not_found", "revoked", "inactive", "expired".
/// <c>key</c> is null when no key matches.
/// </summary>
sealed record Response(bool Valid, string Reason, KeyView? Key);
