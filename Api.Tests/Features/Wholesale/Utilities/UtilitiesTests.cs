using System.Net;
using System.Text;
using Api.Infrastructure.Integrations.Discord;
using Api.Tests.Features.Wholesale.Bills;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Utilities;

/// <summary>The utilities without outside services configured: catalog answers, save-me-money, the SMS outbox, Discord outbox.</summary>
public sealed class UtilitiesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        return form;
    }

    static string Phone() => $"+1312555{Random.Shared.Next(1000, 9999)}";

    [Fact]
    public async Task Chat_answers_from_the_catalog_with_database_prices_and_stock()
    {
        var word = BillKit.Word();
        var id = await api.CreateProductAsync(unitPrice: 31.25m, stock: 12, name: $"Canola Fryer Oil {word}", bulkPrice: 29.50m, bulkQuantity: 5);
        var client = api.CreateClient();

        var rsp = await client.PostJson($"{WsKit.Base}/api/chat", new { message = $"Do you have canola fryer oil {word}? How much?" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var message = (string)body["message"]!;
        Assert.Contains($"Canola Fryer Oil {word}", message);
        Assert.Contains("$31.25", message);
        Assert.Contains("$29.50 each for 5+", message);
        Assert.Contains("12 in stock", message);
        Assert.NotNull(body["timestamp"]);
        Assert.Equal(id, (long)body["products"]![0]!["id"]!);

        var es = await (await client.PostJson($"{WsKit.Base}/api/chat", new { message = $"aceite canola {word}", language = "es" })).Json();
        Assert.Contains("12 disponibles", (string)es["message"]!);

        var none = await (await client.PostJson($"{WsKit.Base}/api/chat", new { message = "zzqx vvbnm" })).Json();
        Assert.Contains("couldn't find", (string)none["message"]!);

        var session = await (await client.PostAsync($"{WsKit.Base}/api/chat/session", null)).Json();
        Assert.True((bool)session["success"]!);
        var sid = Guid.Parse((string)session["session_id"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson($"{WsKit.Base}/api/chat",
            new { message = $"fryer oil {word}", session_id = sid, history = new[] { new { role = "user", content = "hi" } } })).StatusCode);
        Assert.Equal(2L, await api.Scalar<long>("select count(*) from wholesale.chat_messages where session_id = $1", sid));

        var bad = await client.PostJson($"{WsKit.Base}/api/chat", new { message = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]);
    }

    [Fact]
    public async Task Ai_search_returns_catalog_products_with_a_suggestion()
    {
        var word = BillKit.Word();
        var cat = await api.CreateCategoryAsync($"Oils {word}");
        var id = await api.CreateProductAsync(unitPrice: 18.40m, stock: 3, name: $"Olive Oil Extra Virgin {word}", categoryId: cat);
        var rsp = await api.CreateClient().PostJson($"{WsKit.Base}/api/search/ai", new { query = $"I need olive oil {word} for my kitchen" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var first = body["products"]![0]!;
        Assert.Equal(id, (long)first["id"]!);
        Assert.Equal(18.40m, (decimal)first["unit_price"]!);
        Assert.Equal(3, (int)first["stock_quantity"]!);
        Assert.True((int)body["total"]! >= 1);
        Assert.Contains($"Olive Oil Extra Virgin {word}", (string)body["suggestion"]!);
        Assert.Contains($"Oils {word}", (string)body["suggestion"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().PostJson($"{WsKit.Base}/api/search/ai", new { query = "" })).StatusCode);
    }

    [Fact]
    public async Task Save_me_money_stores_the_request_mails_sales_and_turns_the_invoice_into_a_bill()
    {
        var word = BillKit.Word();
        await api.CreateProductAsync(unitPrice: 20m, name: $"Sugar Packets {word}");
        var email = WsKit.Unique("owner") + "@bistro.test";
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Rosa Diaz", ["restaurant_name"] = "Rosa's Cantina", ["address"] = "1 Main St", ["city"] = "Chicago", ["state"] = "IL",
            ["phone"] = "312-555-0199", ["email"] = email, ["rd_customer_number"] = "RD-42",
        };
        var csv = $"Description,Qty,Price,Total\nSugar Packets {word},2,25.00,50.00\n";
        var rsp = await api.CreateClient().PostAsync($"{WsKit.Base}/api/save-me-money",
            BillKit.Form(Encoding.UTF8.GetBytes(csv), "invoice.csv", "text/csv", fields, fileField: "invoice"));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var billId = (long)body["bill_id"]!;

        Assert.Equal("+13125550199", await api.Scalar<string>("select phone from wholesale.savings_requests where bill_id = $1", billId));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from platform.mail_outbox where to_address = 'sales@lld.example' and subject = $1 and body_text like '%' || $2 || '%'",
            "Save Me Money: Rosa's Cantina", email));
        var staff = await api.StaffClientAsync();
        Assert.Equal("completed", (string)(await BillKit.WaitAsync(staff, billId))["extraction_status"]!);
        var bill = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{billId}")).Json();
        Assert.Equal("save_me_money", (string)bill["source"]!);
        Assert.Equal("Rosa's Cantina", (string)bill["restaurant_name"]!);
        Assert.Equal(10m, (decimal)bill["potential_savings"]!);

        fields.Remove("rd_customer_number");
        var plain = await api.CreateClient().PostAsync($"{WsKit.Base}/api/save-me-money", Multipart(fields));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Null((await plain.Json())["bill_id"]);

        fields.Remove("email");
        var bad = await api.CreateClient().PostAsync($"{WsKit.Base}/api/save-me-money", Multipart(fields));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]!["email"]);
    }

    [Fact]
    public async Task Sms_optin_without_twilio_keeps_the_text_in_the_outbox()
    {
        var phone = Phone();
        var client = api.CreateClient();
        var rsp = await client.PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Ana", phone = phone[2..], consent = true });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.True((bool)(await rsp.Json())["success"]!);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.sms_optins where phone = $1 and consent", phone));
        Assert.Equal("outbox", await api.Scalar<string>("select status from wholesale.sms_messages where to_phone = $1", phone));

        // one confirmation per number per day
        Assert.Equal(HttpStatusCode.OK, (await client.PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Ana", phone, consent = true })).StatusCode);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.sms_messages where to_phone = $1", phone));

        var noConsent = await client.PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Ana", phone, consent = false });
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.NotNull((await noConsent.Json())["details"]!["consent"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Ana", phone = "12", consent = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Ana", phone })).StatusCode);
    }

    [Fact]
    public async Task Status_callback_without_an_auth_token_is_refused()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered" };
        var req = new HttpRequestMessage(HttpMethod.Post, $"{WsKit.Base}/api/sms/status-callback") { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("X-Twilio-Signature", FakeTwilio.Sign("http://localhost/wholesale/api/sms/status-callback", form));
        var rsp = await api.CreateClient().SendAsync(req);
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
    }

    [Fact]
    public async Task Discord_notices_without_a_webhook_go_to_the_outbox()
    {
        using var scope = api.Services.CreateScope();
        var channel = WsKit.Unique("orders");
        var result = await scope.ServiceProvider.GetRequiredService<IDiscordNotifier>().NotifyAsync(channel, new { content = "New order LLD-1" }, CancellationToken.None);
        Assert.Equal("outbox", result.Status);
        Assert.Equal("New order LLD-1", await api.Scalar<string>("select payload->>'content' from wholesale.discord_outbox where channel = $1 and status = 'outbox'", channel));
    }
}
