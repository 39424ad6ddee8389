using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.SmtpDebug;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(bool Success, bool? Ehlo, bool? Starttls, bool? Login, string? Error, string? ErrorType, string? SmtpUser, int SmtpPassLen,
    string? SmtpHost, int SmtpPort);
