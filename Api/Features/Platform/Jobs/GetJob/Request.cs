using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Platform.Jobs.GetJob;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long JobId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.JobId).GreaterThan(0);
    }
}

sealed record Progress(long Done, long? Total, double? Percent, string? Message);

sealed record Response(
    long Id, string Type, string Status, int Attempts, int MaxAttempts, Progress Progress, string? LastError,
    System.Text.Json.JsonElement? Result, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
