using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetOrderHistory;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? Phone { get; init; }
    public string? PhoneNumber { get; init; }
    public int? Limit { get; init; }
    public string? StatusFilter { get; init; }

    public static readonly string[] Filters = ["all", "pending", "confirmed", "packed", "shipped", "delivered", "cancelled", "open"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 20);
            RuleFor(r => r.StatusFilter).Must(s => s is null || Filters.Contains(s.Trim().ToLowerInvariant()))
                .WithMessage("status_filter is one of " + string.Join(", ", Filters));
        }
    }
}
