using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Seasons.ListSeasons;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string? CurrentSeason, Calendar? CurrentSeasonCalendar, Transition? NextTransition, IReadOnlyList<Item> Seasons);
sealed record Calendar(Guid Id, string Name, string Season, int StartMonth, int EndMonth);
sealed record Transition(string ToSeason, DateOnly Date, int DaysUntil);
sealed record Item(Guid Id, string Name, string Season, int StartMonth, int EndMonth, bool IsCurrent, IReadOnlyDictionary<string, int> CategoryOverrides);
