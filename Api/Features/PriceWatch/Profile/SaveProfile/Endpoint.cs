using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.SaveProfile;

/// <summary>
/// <c>PUT /api/profile</c> (owner, admin): creates or updates the profile from any combination of the twelve allowed fields.
/// Any other field (id, tenant_id, created_at, ...) is never written: it is dropped and listed in <c>ignored_fields</c>.
/// A present field of the wrong JSON type is a 422. Clears the tenant's profile cache.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Put("api/profile");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Create or update the tenant's industry profile").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        JsonNode? body;
        var bytes = await RequestGuards.ReadCheckedAsync(HttpContext.Request, ct);   // charset, size, NUL, surrogates: 4xx in the envelope
        try { body = JsonNode.Parse(bytes.Span); }
        catch (JsonException e)
        {
            await Send.ResultAsync((ErrorOr<Response>)Error.Validation("body", "Request body is not valid JSON: " + e.Message,
                new Dictionary<string, object> { ["field"] = "body", ["type"] = "json_invalid" }), ct);
            return;
        }
        await Send.ResultAsync(await mediator.Send(new Request(body), ct), ct);
    }
}

sealed record Request(JsonNode? Body) : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, JsonElement Profile, IReadOnlyList<string> IgnoredFields);

sealed partial class Handler(AppDb db, Caller caller, ProfileCache cache) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpsertSql = Sql.Load<Handler>("Upsert.sql");

    /// <summary>The twelve writable fields and the JSON kind each must have.</summary>
    internal static readonly IReadOnlyDictionary<string, JsonValueKind> Allowed = new Dictionary<string, JsonValueKind>
    {
        ["industry_slug"] = JsonValueKind.String, ["industry_name"] = JsonValueKind.String,
        ["categories"] = JsonValueKind.Array, ["scoring_config"] = JsonValueKind.Object, ["search_terms"] = JsonValueKind.Object,
        ["size_equivalences"] = JsonValueKind.Object, ["hard_block_rules"] = JsonValueKind.Array, ["specialty_brands"] = JsonValueKind.Object,
        ["unit_types"] = JsonValueKind.Array, ["ai_extraction_categories"] = JsonValueKind.Array, ["ai_matching_rules"] = JsonValueKind.Array,
        ["use_new_matcher"] = JsonValueKind.True,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")] private static partial Regex Slug();

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        if (req.Body is not JsonObject obj)
            return Error.Validation("body", "Request body must be a JSON object", new Dictionary<string, object> { ["field"] = "body", ["type"] = "dict_type" });

        var patch = new JsonObject();
        var ignored = new List<string>();
        var errors = new List<Error>();
        foreach (var (key, value) in obj)
        {
            if (!Allowed.TryGetValue(key, out var kind)) { ignored.Add(key); continue; }
            var actual = value?.GetValueKind() ?? JsonValueKind.Null;
            var ok = kind == JsonValueKind.True ? actual is JsonValueKind.True or JsonValueKind.False : actual == kind;
            if (ok && key == "industry_slug" && !Slug().IsMatch(value!.GetValue<string>())) ok = false;
            if (ok && key == "industry_name" && value!.GetValue<string>().Trim() is { Length: 0 or > 120 }) ok = false;
            if (!ok)
            {
                var expected = kind switch
                {
                    JsonValueKind.True => "a boolean", JsonValueKind.Array => "an array", JsonValueKind.Object => "an object",
                    _ => key == "industry_slug" ? "a slug (a-z, 0-9, '-', at most 64)" : "a string of 1-120 characters",
                };
                errors.Add(Error.Validation(key, $"{key} must be {expected}", new Dictionary<string, object> { ["field"] = key, ["type"] = "type_error" }));
                continue;
            }
            patch[key] = value!.DeepClone();
        }
        if (errors.Count > 0) return errors;

        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var json = (await db.QueryToListAsync<string>(UpsertSql, new { caller.TenantId, Patch = patch.ToJsonString() }, ct)).Single();
        await tx.CommitAsync(ct);
        cache.Invalidate(caller.TenantId);
        using var doc = JsonDocument.Parse(json);
        return new Response("saved", doc.RootElement.Clone(), ignored);
    }
}
