using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.LogOutboundCallOutcome;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? Phone { get; init; }
    public string? Outcome { get; init; }
    public string? CustomerName { get; init; }
    public string? OrderNumber { get; init; }
    public string? CallbackDate { get; init; }
    public string? Notes { get; init; }
    public string? ItemsDiscussed { get; init; }
    public bool? ProcurementInterest { get; init; }
    public string? CheckerVerdict { get; init; }
    public List<string>? CheckerReasons { get; init; }
    public string? TranscriptUrl { get; init; }

    /// <summary>Set by the endpoint: "staff:12" or "api_key:3".</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string Actor { get; init; } = "";

    public static readonly string[] Outcomes = ["sale_made", "interested_callback", "busy_callback", "not_interested", "no_answer", "wrong_number", "dnc_requested"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Phone).NotEmpty().MaximumLength(32);
            RuleFor(r => r.Outcome).NotEmpty().Must(o => o is null || Outcomes.Contains(o)).WithMessage("outcome is one of " + string.Join(", ", Outcomes));
            RuleFor(r => r.CallbackDate).Must(d => d is null || DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("callback_date is YYYY-MM-DD");
            RuleFor(r => r.CheckerVerdict).Must(v => v is null || v is "pass" or "fail").WithMessage("checker_verdict is pass or fail");
            RuleFor(r => r.CheckerReasons).Must(r => r is null || (r.Count <= 50 && r.All(x => x is { Length: > 0 and <= 500 }))).WithMessage("checker_reasons is a list of up to 50 non-empty strings");
            RuleFor(r => r.CustomerName).MaximumLength(200);
            RuleFor(r => r.OrderNumber).MaximumLength(64);
            RuleFor(r => r.Notes).MaximumLength(5000);
            RuleFor(r => r.ItemsDiscussed).MaximumLength(5000);
            RuleFor(r => r.TranscriptUrl).MaximumLength(2000);
        }
    }
}
