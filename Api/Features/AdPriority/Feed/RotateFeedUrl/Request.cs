using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Feed.RotateFeedUrl;

sealed record Request : IRequest<ErrorOr<Response>>;

/// <summary><see cref="Token"/> is the secret part of <see cref="FeedUrl"/>; neither is stored or shown again.</summary>
sealed record Response(string FeedUrl, string Token, string TokenPrefix, DateTime CreatedAt, int RevokedPrevious, string Message);
