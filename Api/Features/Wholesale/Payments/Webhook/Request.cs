using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Payments.Webhook;

/// <summary>The raw body (the signature covers its exact bytes) and the <c>Stripe-Signature</c> header.</summary>
sealed record Request(string Payload, string Signature) : IRequest<ErrorOr<Response>>;

/// <summary><c>outcome</c>: applied, duplicate (this event id was already handled), or ignored_* with the reason.</summary>
sealed record Response(bool Success, string EventId, string Outcome);
