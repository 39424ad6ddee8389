using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SmsStatusCallback;

/// <summary>The URL Twilio called, its signature header and every form field (MessageSid, MessageStatus, To, From, ErrorCode, ErrorMessage, ...).</summary>
sealed record Request(string Url, string Signature, IReadOnlyDictionary<string, string> Form) : IRequest<ErrorOr<Success>>;

sealed record Response;
