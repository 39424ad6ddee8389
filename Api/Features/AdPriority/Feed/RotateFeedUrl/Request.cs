using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Feed.RotateFeedUrl;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string FeedUrl, string TokenPrefix, DateTime CreatedAt, int RevokedPrevious, string Message);
