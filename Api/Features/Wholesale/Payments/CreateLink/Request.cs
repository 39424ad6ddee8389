using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Payments.CreateLink;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? OrderNumber { get; init; }
    /// <summary>1 to 720 hours; default 72.</summary>
    public int? ExpiresInHours { get; init; }

    /// <summary>Set by the endpoint from the resolved identity.</summary>
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;
    [JsonIgnore] public bool VoiceScope { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderNumber).NotEmpty().Must(OrderNumbers.Plausible).WithMessage("not a valid order number");
            RuleFor(r => r.ExpiresInHours).InclusiveBetween(1, 720);
        }
    }
}

/// <summary>
/// The document's fields. On success <c>error</c> and <c>fallback_url</c> are null; without Stripe the answer is 503 with
/// <c>success: false</c>, <c>error</c> and <c>fallback_url</c> (the storefront's pay page for the order).
/// </summary>
sealed record Response
{
    public bool Success { get; init; }
    public string? PaymentUrl { get; init; }
    public string OrderNumber { get; init; } = "";
    public decimal? Amount { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? Error { get; init; }
    public string? FallbackUrl { get; init; }
}
