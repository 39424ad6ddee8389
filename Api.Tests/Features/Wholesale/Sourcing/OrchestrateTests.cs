using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Features.Wholesale.Utilities;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.Sourcing.SourcingKit;

namespace Api.Tests.Features.Wholesale.Sourcing;

static class OrchestrateKit
{
    /// <summary>A product in a new category with two active suppliers of that category (and an inactive one), an RFQ with quotes.</summary>
    public static async Task<(long Product, string Name, long Best, long Other)> SetUpAsync(ApiFactory api, HttpClient staff)
    {
        var category = WsKit.Unique("Plan Cat ");
        var name = WsKit.Unique("Compostable Cup ");
        var product = await api.CreateProductAsync(unitPrice: 2m, cost: 1.50m, name: name, categoryId: await api.CreateCategoryAsync(category));
        var other = await SupplierAsync(staff, category, leadTime: 30, rating: 3);
        var best = await SupplierAsync(staff, category, leadTime: 20, rating: 5);
        var inactive = await SupplierAsync(staff, category, leadTime: 5, rating: 5);
        await staff.PutJson($"{S}/suppliers/{inactive}", new { is_active = false }).Ok();
        var rfq = (long)(await RfqAsync(staff, new { product_id = product, description = "Cups", quantity = 1000 }))["id"]!;
        await staff.PutJson($"{S}/rfqs/{rfq}/quotes", new { price = 1.20m, supplier_id = other }).Ok();
        await staff.PutJson($"{S}/rfqs/{rfq}/quotes", new { price = 0.95m, supplier_id = best }).Ok();
        await staff.PutJson($"{S}/rfqs/{rfq}/quotes", new { price = 1.05m, supplier_id = best }).Ok();
        await staff.PostJson($"{S}/rfqs/{rfq}/award", new { supplier_id = best }).Ok();
        return (product, name, best, other);
    }
}

/// <summary>orchestrate with no model configured: the deterministic plan, stored with who asked.</summary>
public sealed class OrchestrateRulesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_plan_comes_from_the_product_its_category_suppliers_and_past_quotes_and_is_stored_with_who_asked()
    {
        var who = await api.CreateStaffAsync();
        var staff = await api.StaffClientAsync(who);
        var (product, name, best, other) = await OrchestrateKit.SetUpAsync(api, staff);

        var body = await staff.PostJson($"{S}/orchestrate", new
        {
            requirement = "Need compostable hot cups with printed logo", product_id = product, quantity = 20000, notes = "Logo in two colours",
        }).Ok();
        Assert.True((bool)body["success"]!);
        var plan = body["config"]!;
        Assert.Equal("rules", (string)plan["source"]!);
        Assert.Null(plan["model"]);
        Assert.Equal(who.Id, (long)plan["requested_by"]!);
        Assert.Equal(product, (long)plan["product"]!["id"]!);
        Assert.Equal(20000, (int)plan["quantity"]!);
        Assert.Equal(0.95m, (decimal)plan["target_price"]!);            // the lowest past quote
        Assert.Equal("lowest past quote", (string)plan["target_price_basis"]!);
        Assert.Equal(3, (int)plan["past_quotes"]!["count"]!);
        Assert.Equal(1.05m, (decimal)plan["past_quotes"]!["median"]!);
        Assert.Equal(1.05m, (decimal)plan["past_quotes"]!["awarded_last"]!);   // award takes the supplier's latest quote

        var terms = plan["search_terms"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Equal(name, terms[0]);
        Assert.Contains("compostable", terms);
        var criteria = plan["supplier_criteria"]!;
        var candidates = criteria["candidates"]!.AsArray();
        Assert.Equal([best, other], candidates.Select(c => (long)c!["id"]!));   // active only, best rated first
        Assert.Equal(2, (int)candidates[0]!["quote_count"]!);
        Assert.Equal(1.05m, (decimal)candidates[0]!["last_quote_price"]!);
        Assert.Equal(30, (int)criteria["max_lead_time_days"]!);
        Assert.Contains(plan["qc_checklist"]!.AsArray(), c => ((string)c!).Contains("compostability", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(plan["qc_checklist"]!.AsArray(), c => ((string)c!).Contains("20,000 units"));
        // timeline: production is the candidates' average lead time (25 days) after 14 days of quotes and samples
        var timeline = plan["timeline"]!.AsArray();
        Assert.Equal("Production complete", (string)timeline[3]!["name"]!);
        Assert.Equal(39, (int)timeline[3]!["day"]!);
        Assert.Equal(76, (int)timeline[^1]!["day"]!);

        // stored, with who asked and the same config
        var planId = (long)plan["plan_id"]!;
        Assert.Equal(who.Id, await api.Scalar<long>("select requested_by from wholesale.sourcing_plans where id = $1", planId));
        Assert.Equal("rules", await api.Scalar<string>("select source from wholesale.sourcing_plans where id = $1", planId));
        Assert.Equal(name, await api.Scalar<string>("select product_name from wholesale.sourcing_plans where id = $1", planId));
        Assert.Equal(0.95m, await api.Scalar<decimal>("select (config->>'target_price')::numeric from wholesale.sourcing_plans where id = $1", planId));
    }

    [Fact]
    public async Task Without_a_product_a_requested_price_and_a_deadline_shape_the_plan()
    {
        var staff = await api.StaffClientAsync();
        var deadline = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd");
        var plan = (await staff.PostJson($"{S}/orchestrate", new
        {
            requirement = "Stainless steel electric fryer", product_name = "Countertop fryer", target_price = 80.5m, deadline,
        }).Ok())["config"]!;
        Assert.Equal(80.5m, (decimal)plan["target_price"]!);
        Assert.Equal("requested", (string)plan["target_price_basis"]!);
        Assert.Equal("Countertop fryer", (string)plan["search_terms"]![0]!);
        Assert.False((bool)plan["meets_deadline"]!);     // 30 days of production (no suppliers) + the rest is past 40 days
        Assert.Contains(plan["qc_checklist"]!.AsArray(), c => ((string)c!).Contains("UL/ETL"));
        Assert.Empty(plan["supplier_criteria"]!["candidates"]!.AsArray());
    }

    [Fact]
    public async Task Input_and_access()
    {
        var staff = await api.StaffClientAsync();
        var rsp = await staff.PostJson($"{S}/orchestrate", new { quantity = 0, target_price = -1, deadline = "next week" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var details = (await rsp.Json())["details"]!;
        foreach (var f in new[] { "requirement", "quantity", "target_price", "deadline" }) Assert.NotNull(details[f]);
        rsp = await staff.PostJson($"{S}/orchestrate", new { requirement = "cups", product_id = 999999999 });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["product_id"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostJson($"{S}/orchestrate", new { requirement = "cups" })).StatusCode);
    }
}

/// <summary>orchestrate with an OpenAI-compatible chat model (<see cref="FakeOpenAi"/> on 127.0.0.1).</summary>
public sealed class OrchestrateModelTests(ModelApi api) : IClassFixture<ModelApi>
{
    [Fact]
    public async Task The_model_refines_search_terms_and_checklist_and_a_bad_answer_keeps_the_rules_plan()
    {
        var who = await api.CreateStaffAsync();
        var staff = await api.StaffClientAsync(who);
        var (product, name, _, _) = await OrchestrateKit.SetUpAsync(api, staff);

        api.Model.ChatAnswer = """Here you go: {"search_terms": ["PLA hot cup OEM", "custom print paper cup"], "qc_checklist": ["Print registration within 1 mm"]}""";
        var plan = (await staff.PostJson($"{S}/orchestrate", new { requirement = "Printed compostable cups", product_id = product }).Ok())["config"]!;
        Assert.Equal("model", (string)plan["source"]!);
        Assert.Equal("fake-chat", (string)plan["model"]!);
        var terms = plan["search_terms"]!.AsArray().Select(t => (string)t!).ToList();
        Assert.Equal("PLA hot cup OEM", terms[0]);
        Assert.Contains(name, terms);                         // the rules' terms follow the model's
        Assert.Contains(plan["qc_checklist"]!.AsArray(), c => (string)c! == "Print registration within 1 mm");
        Assert.Equal(0.95m, (decimal)plan["target_price"]!);  // prices still come from the database
        var asked = api.Model.Requests.Last().ToJsonString();
        Assert.Contains("Printed compostable cups", asked);
        Assert.Contains("fake-chat", asked);
        var id = (long)plan["plan_id"]!;
        Assert.Equal("model", await api.Scalar<string>("select source from wholesale.sourcing_plans where id = $1", id));
        Assert.Equal("fake-chat", await api.Scalar<string>("select model from wholesale.sourcing_plans where id = $1", id));
        Assert.Equal(who.Id, await api.Scalar<long>("select requested_by from wholesale.sourcing_plans where id = $1", id));

        api.Model.ChatAnswer = "Sorry, I cannot help with that.";
        var fallback = (await staff.PostJson($"{S}/orchestrate", new { requirement = "Printed compostable cups", product_id = product }).Ok())["config"]!;
        Assert.Equal("rules", (string)fallback["source"]!);
        Assert.False(string.IsNullOrEmpty((string?)fallback["model_error"]));
        Assert.Equal(name, (string)fallback["search_terms"]![0]!);
        Assert.IsType<JsonArray>(fallback["timeline"]);
    }
}
