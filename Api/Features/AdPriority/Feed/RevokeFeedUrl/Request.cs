using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Feed.RevokeFeedUrl;

sealed record Request : IRequest<ErrorOr<Success>>;
