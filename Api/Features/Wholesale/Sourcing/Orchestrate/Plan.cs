using System.Text.Json.Serialization;

namespace Api.Features.Wholesale.Sourcing.Orchestrate;

/// <summary>The sourcing plan ("sub-agent config") as stored and answered.</summary>
sealed record Plan
{
    public long PlanId { get; init; }
    /// <summary><c>model</c> when the OpenAI-compatible model refined it, else <c>rules</c>.</summary>
    public string Source { get; init; } = "rules";
    public string? Model { get; init; }
    public string? ModelError { get; init; }
    public string Requirement { get; init; } = "";
    public PlanProduct? Product { get; init; }
    public int? Quantity { get; init; }
    public decimal? TargetPrice { get; init; }
    public string TargetPriceBasis { get; init; } = "";
    public string? Deadline { get; init; }
    public bool? MeetsDeadline { get; init; }
    public List<string> SearchTerms { get; init; } = [];
    public Criteria SupplierCriteria { get; init; } = new();
    public QuoteStats PastQuotes { get; init; } = new();
    public List<string> QcChecklist { get; init; } = [];
    public List<Step> Timeline { get; init; } = [];
    public string? Notes { get; init; }
    public long RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

sealed record PlanProduct(long Id, string Sku, string Name, string? Category, decimal UnitPrice, decimal? Cost);

sealed record Criteria
{
    public List<string> Categories { get; init; } = [];
    public int MinRating { get; init; }
    public int? MaxLeadTimeDays { get; init; }
    public List<string> Platforms { get; init; } = [];
    public List<CandidateSupplier> Candidates { get; init; } = [];
}

sealed record CandidateSupplier
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Platform { get; init; }
    public int? Rating { get; init; }
    public int? LeadTimeDays { get; init; }
    public decimal? LastQuotePrice { get; init; }
    public int QuoteCount { get; init; }
}

sealed record QuoteStats
{
    public int Count { get; init; }
    public decimal? Min { get; init; }
    public decimal? Median { get; init; }
    public decimal? Max { get; init; }
    public decimal? AwardedLast { get; init; }
}

sealed record Step(string Name, int Day, string Date);
