using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Platform.Settings.ListSettings;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>Only keys starting with this.</summary>
    public string? Prefix { get; init; }
    public int Limit { get; init; } = 100;
    /// <summary>Keys after this one (keyset paging: pass the previous page's next_after).</summary>
    public string? After { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
            RuleFor(r => r.Prefix).MaximumLength(100);
        }
    }
}

sealed record Item(string Key, System.Text.Json.JsonElement Value, DateTimeOffset UpdatedAt);
sealed record Response(IReadOnlyList<Item> Items, string? NextAfter);
