using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Rules.DeleteRule;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(bool Deleted, Guid Id, int AffectedProducts, string Message);
