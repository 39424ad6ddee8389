using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Platform.Settings.PutSetting;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Key { get; init; } = "";          // from the route
    public JsonElement Value { get; init; }          // any JSON value, from the body

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Key).Matches("^[a-z0-9][a-z0-9._-]{0,99}$")
                .WithMessage("key must be 1-100 characters of a-z, 0-9, '.', '_' or '-'");
            RuleFor(r => r.Value).Must(v => v.ValueKind != JsonValueKind.Undefined).WithMessage("value is required")
                .Must(v => v.ValueKind == JsonValueKind.Undefined || v.GetRawText().Length <= 65536).WithMessage("value must be at most 64 KiB of JSON");
        }
    }
}

sealed record Response(string Key, JsonElement Value, DateTimeOffset UpdatedAt, bool Created);
