using System.Text.Json;
using System.Text.RegularExpressions;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Sourcing.Orchestrate;

/// <summary>
/// Builds the plan deterministically from the product, its category's suppliers and past quotes; when an OpenAI-compatible
/// chat model is configured, the model refines the search terms and QC checklist (anything it answers that is not the
/// asked JSON is ignored and the rules' plan stands, with <c>model_error</c>). The plan is stored with who asked.
/// </summary>
sealed partial class Handler(AppDb db, IHttpContextAccessor http, BusinessClock clock, OpenAiClient ai, IOptions<OpenAiOptions> aiOptions,
    ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductSql = Sql.Load<Handler>("Context.sql");
    static readonly string SuppliersSql = Sql.Load<Handler>("Suppliers.sql");
    static readonly string QuotesSql = Sql.Load<Handler>("Quotes.sql");
    static readonly string SaveSql = Sql.Load<Handler>("SavePlan.sql");
    static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    static readonly HashSet<string> Stop = ["the", "and", "for", "with", "need", "needs", "want", "find", "source", "sourcing", "supplier",
        "suppliers", "from", "that", "this", "our", "per", "units", "unit", "pcs", "piece", "pieces", "case", "cases", "about", "into", "some",
        "new", "more", "less", "than", "who", "can", "make", "made", "please", "looking", "get", "buy", "order"];

    sealed record Saved(long Id, DateTimeOffset CreatedAt);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var staffId = http.HttpContext!.User.StaffId()!.Value;
        PlanProduct? product = null;
        if (req.ProductId is { } pid && (product = (await db.QueryToListAsync<PlanProduct>(ProductSql, new { ProductId = pid }, ct)).SingleOrDefault()) is null)
            return Error.Validation("product_id", $"Product {pid} does not exist");

        var category = product?.Category;
        var suppliers = await db.QueryToListAsync<CandidateSupplier>(SuppliersSql, new { ProductId = req.ProductId, Category = category }, ct);
        var quotes = req.ProductId is null ? new QuoteStats() : (await db.QueryToListAsync<QuoteStats>(QuotesSql, new { req.ProductId }, ct)).Single();
        var plan = Build(req, product, suppliers, quotes, clock.Today);

        if (ai.ChatConfigured) plan = await RefineAsync(plan, ct);

        await using var tx = await db.BeginTransactionAsync(ct);
        var saved = (await db.QueryToListAsync<Saved>(SaveSql, new
        {
            Requirement = req.Requirement!.Trim(), req.ProductId, ProductName = Rules.Opt(req.ProductName) ?? product?.Name, req.Quantity,
            req.TargetPrice, Deadline = Rules.Opt(req.Deadline), Notes = Rules.Opt(req.Notes),
            Config = JsonSerializer.Serialize(plan with { RequestedBy = staffId }, Snake), plan.Source, plan.Model, RequestedBy = staffId,
        }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, plan with { PlanId = saved.Id, RequestedBy = staffId, CreatedAt = saved.CreatedAt });
    }

    internal static Plan Build(Request req, PlanProduct? product, List<CandidateSupplier> suppliers, QuoteStats quotes, DateOnly today)
    {
        var name = Rules.Opt(req.ProductName) ?? product?.Name;
        var category = product?.Category;

        // search terms: the product name, its category, and the requirement's distinctive words, in that order
        var terms = new List<string>();
        void Add(string? t) { if (!string.IsNullOrWhiteSpace(t) && !terms.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase) && terms.Count < 8) terms.Add(t.Trim()); }
        Add(name);
        if (name is not null && category is not null) Add($"{name} {category}");
        Add(category);
        var words = Words().Matches(req.Requirement!.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2 && !Stop.Contains(w)).Distinct().ToList();
        if (words.Count > 0) Add(string.Join(' ', words.Take(5)));
        foreach (var w in words.Take(4)) Add(w);
        if (name is not null) Add($"{name} wholesale manufacturer");

        // target price: what was asked, else the best past quote, else 70% of our cost (or 50% of our price) for an import
        decimal? target = req.TargetPrice; string basis = "requested";
        if (target is null && quotes.Min is { } min) { target = min; basis = "lowest past quote"; }
        else if (target is null && product?.Cost is { } cost) { target = Math.Round(cost * 0.7m, 2); basis = "70% of our current cost"; }
        else if (target is null && product is not null) { target = Math.Round(product.UnitPrice * 0.5m, 2); basis = "50% of our selling price"; }
        else if (target is null) basis = "none: no product, quotes or requested price";

        var leadTimes = suppliers.Where(s => s.LeadTimeDays is not null).Select(s => s.LeadTimeDays!.Value).ToList();
        var production = leadTimes.Count > 0 ? (int)Math.Ceiling(leadTimes.Average()) : 30;
        DateOnly? deadline = Rules.ParseDate(req.Deadline);

        // timeline: RFQs out, quotes in, sample approved, production, pre-shipment QC, ocean freight, customs, received
        var steps = new List<(string, int)> { ("Send RFQs to candidate suppliers", 0), ("Collect and compare quotes", 5), ("Approve samples", 14) };
        var day = 14 + production;
        steps.Add(("Production complete", day));
        steps.Add(("Pre-shipment QC inspection", day += 3));
        steps.Add(("Ocean freight to port", day += 25));
        steps.Add(("Customs clearance", day += 5));
        steps.Add(("Received at Chicago warehouse", day += 4));
        var timeline = steps.Select(s => new Step(s.Item1, s.Item2, today.AddDays(s.Item2).ToString("yyyy-MM-dd"))).ToList();

        return new Plan
        {
            Requirement = req.Requirement!.Trim(), Product = product, Quantity = req.Quantity, TargetPrice = target, TargetPriceBasis = basis,
            Deadline = deadline?.ToString("yyyy-MM-dd"), MeetsDeadline = deadline is { } d ? today.AddDays(day) <= d : null,
            SearchTerms = terms,
            SupplierCriteria = new Criteria
            {
                Categories = category is null ? [] : [category],
                MinRating = 4,
                MaxLeadTimeDays = deadline is { } dl ? Math.Max(7, dl.DayNumber - today.DayNumber - (day - production)) : leadTimes.Count > 0 ? leadTimes.Max() : 45,
                Platforms = suppliers.Select(s => s.Platform).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).DefaultIfEmpty("Alibaba").ToList(),
                Candidates = suppliers,
            },
            PastQuotes = quotes,
            QcChecklist = Checklist($"{name} {category} {req.Requirement}".ToLowerInvariant(), req.Quantity),
            Timeline = timeline,
            Notes = Rules.Opt(req.Notes),
        };
    }

    static List<string> Checklist(string text, int? quantity)
    {
        var list = new List<string>
        {
            "Golden sample approved and retained before mass production",
            $"Count and packing per carton match the PO{(quantity is { } q ? $" ({q:N0} units in total)" : "")}",
            "Carton marks, labels and barcodes (UPC) readable and correct",
            "Dimensions and weight within the agreed tolerance on an AQL 2.5 sample",
        };
        if (Regex.IsMatch(text, @"\b(cup|lid|container|fork|spoon|knife|straw|tray|bag|box|wrap|foil|plate|bowl|napkin|glove)s?\b"))
            list.AddRange(["Material and thickness match the spec (food-contact safe, FDA 21 CFR compliant)", "No leaks, cracks or deformation; lids fit"]);
        if (Regex.IsMatch(text, @"\b(sauce|oil|rice|flour|sugar|spice|pepper|salt|tea|coffee|syrup|food|frozen|cheese)\b"))
            list.AddRange(["Lot numbers and best-before dates on every unit", "Certificate of analysis and FDA facility registration on file"]);
        if (Regex.IsMatch(text, @"\b(machine|equipment|fryer|oven|grill|mixer|blender|slicer|electric|refrigerat\w*|freezer|warmer)\b"))
            list.AddRange(["UL/ETL or NSF certification on the unit", "Power-on function test of every unit sampled", "Plug type and voltage are US (120 V, NEMA 5-15)"]);
        if (Regex.IsMatch(text, @"\b(compostable|eco|biodegradable)\b"))
            list.Add("BPI (or equivalent) compostability certificate matches the product");
        list.Add("Photos of the goods, cartons and loaded container sent before release of the balance payment");
        return list;
    }

    async Task<Plan> RefineAsync(Plan plan, CancellationToken ct)
    {
        const string system = """
            You refine sourcing plans for a restaurant-supply wholesaler that imports from overseas factories.
            Answer ONLY a compact JSON object: {"search_terms": [up to 6 short supplier-search phrases], "qc_checklist": [up to 6 short checks]}.
            """;
        var user = JsonSerializer.Serialize(new { plan.Requirement, product = plan.Product?.Name, category = plan.Product?.Category,
            plan.Quantity, plan.TargetPrice, plan.SearchTerms, plan.QcChecklist }, Snake);
        try
        {
            var text = await ai.ChatAsync(system, user, ct);
            var start = text.IndexOf('{'); var end = text.LastIndexOf('}');
            if (start < 0 || end <= start) throw new JsonException("no JSON object");
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            static List<string> Strings(JsonElement root, string name) =>
                root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
                    ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim())
                        .Where(s => s.Length is > 0 and <= 200).Take(8).ToList()
                    : [];
            var terms = Strings(doc.RootElement, "search_terms");
            var checks = Strings(doc.RootElement, "qc_checklist");
            if (terms.Count == 0 && checks.Count == 0) throw new JsonException("neither search_terms nor qc_checklist");
            return plan with
            {
                Source = "model", Model = aiOptions.Value.ChatModel,
                SearchTerms = terms.Count > 0 ? terms.Concat(plan.SearchTerms).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList() : plan.SearchTerms,
                QcChecklist = plan.QcChecklist.Concat(checks).Distinct(StringComparer.OrdinalIgnoreCase).Take(16).ToList(),
            };
        }
        catch (Exception e) when (e is OpenAiException or JsonException)
        {
            log.LogWarning("Sourcing plan: model refinement failed ({Reason}); using the rules' plan", e.Message);
            return plan with { ModelError = e.Message };
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
