using System.Text.RegularExpressions;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Settings.UpdateSettings;

/// <summary>Partial: only the given fields change. An empty merchantId / sheetUrl disconnects it.</summary>
sealed partial record Request : IRequest<ErrorOr<Response>>
{
    public GmcIn? GoogleMerchantCenter { get; init; }
    public SheetIn? GoogleSheet { get; init; }
    public ScoringIn? Scoring { get; init; }
    public SyncIn? Sync { get; init; }
    public string? Timezone { get; init; }

    public sealed record GmcIn(string? MerchantId);
    public sealed record SheetIn(string? SheetUrl, string? SheetId);
    public sealed record ScoringIn(int? DefaultPriority, int? NewArrivalDays, int? NewArrivalPriority);
    public sealed record SyncIn(string? Frequency);

    /// <summary>The spreadsheet id from a Sheets URL (or a bare id); "" for empty; null when unrecognisable.</summary>
    public static string? SheetIdOf(string? url, string? id)
    {
        var value = (url ?? id ?? "").Trim();
        if (value.Length == 0) return "";
        if (SheetUrl().Match(value) is { Success: true } m) return m.Groups[1].Value;
        return url is null && SheetIdPattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex(@"^https://docs\.google\.com/spreadsheets/d/([A-Za-z0-9_-]{20,100})(?:[/?#].*)?$")] private static partial Regex SheetUrl();
    [GeneratedRegex(@"^[A-Za-z0-9_-]{20,100}$")] private static partial Regex SheetIdPattern();

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.GoogleMerchantCenter!.MerchantId).Matches("^[0-9]{0,20}$").When(r => r.GoogleMerchantCenter?.MerchantId is not null)
                .WithMessage("googleMerchantCenter.merchantId must be the numeric Merchant Center id").WithErrorCode("pattern");
            RuleFor(r => r.GoogleSheet).Must(s => SheetIdOf(s!.SheetUrl, s.SheetId) is not null).When(r => r.GoogleSheet is not null)
                .WithMessage("googleSheet.sheetUrl must be a https://docs.google.com/spreadsheets/d/<id> URL").WithErrorCode("url");
            RuleFor(r => r.Scoring!.DefaultPriority).InclusiveBetween(0, 5).When(r => r.Scoring is not null).WithErrorCode("range:0-5");
            RuleFor(r => r.Scoring!.NewArrivalPriority).InclusiveBetween(0, 5).When(r => r.Scoring is not null).WithErrorCode("range:0-5");
            RuleFor(r => r.Scoring!.NewArrivalDays).InclusiveBetween(0, 365).When(r => r.Scoring is not null).WithErrorCode("range:0-365");
            RuleFor(r => r.Sync!.Frequency).Must(f => f is null or "manual" or "hourly" or "daily" or "weekly").When(r => r.Sync is not null)
                .WithMessage("sync.frequency must be manual, hourly, daily or weekly").WithErrorCode("enum");
            RuleFor(r => r.Timezone).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z!, out _)).When(r => r.Timezone is not null)
                .WithMessage("timezone must be an IANA time zone id").WithErrorCode("timezone");
        }
    }
}

sealed record Response(bool Updated, SettingsOut Settings);
sealed record SettingsOut(Gmc GoogleMerchantCenter, Sheet GoogleSheet, Scoring Scoring, SyncOut Sync);
sealed record Gmc(string? MerchantId, bool Connected);
sealed record Sheet(string? SheetId, string? SheetUrl, bool Configured, string? Reason);
sealed record Scoring(int DefaultPriority, int NewArrivalDays, int NewArrivalPriority);
sealed record SyncOut(string Frequency, DateTime? LastSyncAt);
