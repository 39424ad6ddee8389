using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Platform.Settings.GetSetting;

sealed partial record Request : IRequest<ErrorOr<Response>>
{
    public string Key { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Key).Matches(KeyPattern())
            .WithMessage("key must be 1-100 characters of a-z, 0-9, '.', '_' or '-'");
    }

    /// <summary>Source-generated: checked on every read of a setting.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}

sealed record Response(string Key, System.Text.Json.JsonElement Value, DateTimeOffset UpdatedAt);
