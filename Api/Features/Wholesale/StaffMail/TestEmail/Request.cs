using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.TestEmail;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? To { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.To).EmailAddress().MaximumLength(254).When(r => !string.IsNullOrEmpty(r.To));
    }
}

sealed record Config(
    [property: JsonPropertyName("SMTP_HOST")] string? SmtpHost,
    [property: JsonPropertyName("SMTP_PORT")] int SmtpPort,
    [property: JsonPropertyName("SMTP_USER")] string? SmtpUser,
    [property: JsonPropertyName("SMTP_PASSWORD")] string SmtpPassword,
    [property: JsonPropertyName("sending_to")] string SendingTo);

sealed record Response(bool Success, bool Queued, Config Config, string Message);
