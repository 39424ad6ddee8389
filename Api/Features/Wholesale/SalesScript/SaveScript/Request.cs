using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.SaveScript;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Content { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Content).NotEmpty().MaximumLength(100_000);
    }
}

/// <summary>Beyond the document: the new <c>version</c> number and <c>updated_at</c>.</summary>
sealed record Response(bool Success, string Message, int Version, DateTimeOffset UpdatedAt);
