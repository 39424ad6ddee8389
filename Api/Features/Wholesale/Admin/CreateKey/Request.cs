using System.Globalization;
using System.Text.RegularExpressions;
using Api.Infrastructure.Auth;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Admin.CreateKey;

sealed partial record Request : IRequest<ErrorOr<Response>>
{
    public string? Name { get; init; }
    /// <summary>Starts the raw key (e.g. <c>lld_</c>): letters, digits, '_' or '-', 1-16.</summary>
    public string? Prefix { get; init; }
    public string? Description { get; init; }
    /// <summary>YYYY-MM-DD: the key works through that day (business time zone). An ISO 8601 timestamp is taken as is.</summary>
    public string? ExpiresAt { get; init; }
    /// <summary>Beyond the document: what the key may do. Omitted: products:read, products:write, voice.</summary>
    public List<string>? Scopes { get; init; }

    public static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryInstant(string s, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at) && s.Contains('T');

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Required")
                .MaximumLength(100).WithMessage("Must be at most 100 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
            RuleFor(r => r.Prefix).Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Required")
                .Must(p => p is null || PrefixPattern().IsMatch(p.Trim())).WithMessage("Must be 1-16 letters, digits, '_' or '-'");
            RuleFor(r => r.Description).MaximumLength(500).WithMessage("Must be at most 500 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
            RuleFor(r => r.ExpiresAt).Must(s => string.IsNullOrWhiteSpace(s) || TryDate(s, out _) || TryInstant(s, out _))
                .WithMessage("Must be a date (YYYY-MM-DD)");
            RuleFor(r => r.Scopes).Must(s => s is null || s.Count > 0).WithMessage("Must name at least one scope")
                .Must(s => s is null || s.All(x => WholesaleAuth.Scopes.Contains(x)))
                .WithMessage($"Unknown scope; allowed: {string.Join(", ", WholesaleAuth.Scopes)}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")] private static partial Regex PrefixPattern();
}

/// <summary>The key (as the list shows it) plus <c>raw_key</c> and a <c>warning</c> that it is shown only now.</summary>
sealed record Response
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string KeyPreview { get; init; } = "";
    public string? Description { get; init; }
    public string[] Scopes { get; init; } = [];
    public bool IsActive { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public long UseCount { get; init; }
    public string RawKey { get; init; } = "";
    public string Warning { get; init; } = "";
}
