using System.Globalization;
using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.Performance;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    [QueryParam, BindFrom("agent_id")] public long? AgentId { get; init; }
    [QueryParam, BindFrom("date_from")] public string? DateFrom { get; init; }
    [QueryParam, BindFrom("date_to")] public string? DateTo { get; init; }
    [QueryParam] public string? Granularity { get; init; }

    public static bool IsDate(string? s) => s is null || DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.DateFrom).Must(IsDate).WithMessage("date_from is YYYY-MM-DD");
            RuleFor(r => r.DateTo).Must(IsDate).WithMessage("date_to is YYYY-MM-DD");
            RuleFor(r => r.Granularity).Must(g => g is null or "daily" or "weekly" or "monthly").WithMessage("granularity is daily, weekly or monthly");
            RuleFor(r => r.AgentId).GreaterThan(0);
        }
    }
}
