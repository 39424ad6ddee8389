using System.Globalization;
using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.OptimizeAgent;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long AgentId { get; init; }
    public int? MinCalls { get; init; }
    public decimal? ScoreThreshold { get; init; }
    public string? DateFrom { get; init; }
    public string? DateTo { get; init; }

    public static bool IsDate(string? s) => s is null || DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AgentId).GreaterThan(0);
            RuleFor(r => r.MinCalls).InclusiveBetween(1, 1000);
            RuleFor(r => r.ScoreThreshold).InclusiveBetween(0, 100);
            RuleFor(r => r.DateFrom).Must(IsDate).WithMessage("date_from is YYYY-MM-DD");
            RuleFor(r => r.DateTo).Must(IsDate).WithMessage("date_to is YYYY-MM-DD");
        }
    }
}
