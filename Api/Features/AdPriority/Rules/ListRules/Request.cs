using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Rules.ListRules;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(IReadOnlyList<Item> Rules, int TotalRules);
sealed record Item(Guid Id, string ProductTypePattern, string? Season, int BasePriority, JsonElement Modifiers, int MatchingProducts,
    DateTime CreatedAt, DateTime UpdatedAt);
