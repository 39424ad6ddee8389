using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Feed.GetFeedCsv;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Token { get; init; } = "";
    /// <summary>Only in-stock variants (default true, like the sheet push).</summary>
    public bool ActiveOnly { get; init; } = true;

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Token).Length(16, 100).WithMessage("token must be 16-100 characters").WithErrorCode("length:16-100");
    }
}

/// <summary>Writes the feed CSV into the response body (streamed; the tenant transaction lives as long as the writing).</summary>
sealed record Response(Func<Stream, CancellationToken, Task> WriteAsync);
