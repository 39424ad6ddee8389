using Api.Features.Wholesale.Utilities.CatalogAnswers;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Utilities.Chat;

/// <summary>The document's fields plus an optional <c>session_id</c> from <c>POST /api/chat/session</c> (messages are kept with it).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Message { get; init; } = "";
    public string? Language { get; init; }
    public List<Turn>? History { get; init; }
    public Guid? SessionId { get; init; }

    public sealed record Turn
    {
        public string? Role { get; init; }
        public string? Content { get; init; }
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Message).NotEmpty().MaximumLength(2000);
            RuleFor(r => r.Language).MaximumLength(20);
            RuleFor(r => r.History).Must(h => h is null || h.Count <= 20).WithMessage("at most 20 earlier messages");
            RuleForEach(r => r.History).Must(t => (t.Content?.Length ?? 0) <= 2000 && t.Role is null or "user" or "assistant")
                .WithMessage("each entry needs role 'user' or 'assistant' and at most 2000 characters");
        }
    }
}

/// <summary><c>success, message, timestamp</c> plus the products the answer is about (beyond the document).</summary>
sealed record Response(bool Success, string Message, DateTimeOffset Timestamp, List<ProductHit> Products);
