using System.Net;
using Api.Tests.Features.Wholesale.Bills;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Utilities;

/// <summary>The API with an OpenAI-compatible chat and vision model (<see cref="FakeOpenAi"/> on 127.0.0.1).</summary>
public sealed class ModelApi : ApiFactory
{
    public FakeOpenAi Model { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integrations:OpenAi:BaseUrl"] = Model.Url,
        ["Integrations:OpenAi:ChatModel"] = "fake-chat",
        ["Integrations:OpenAi:VisionModel"] = "fake-vision",
    };
}

public sealed class ChatModelTests(ModelApi api) : IClassFixture<ModelApi>
{
    [Fact]
    public async Task The_model_writes_the_reply_but_prices_come_from_the_database()
    {
        var word = BillKit.Word();
        await api.CreateProductAsync(unitPrice: 31.25m, stock: 7, name: $"Canola Fryer Oil {word}");
        api.Model.ChatAnswer = "Yes, we carry that canola oil, and it's only $1.00 today!";
        var body = await (await api.CreateClient().PostJson($"{WsKit.Base}/api/chat", new { message = $"canola fryer oil {word}" })).Json();
        var message = (string)body["message"]!;
        Assert.StartsWith("Yes, we carry that canola oil", message);
        Assert.DoesNotContain("$1.00", message);
        Assert.Contains("$31.25", message);
        Assert.Contains("7 in stock", message);
    }

    [Fact]
    public async Task An_image_bill_is_read_by_the_vision_model()
    {
        var word = BillKit.Word();
        var id = await api.CreateProductAsync(unitPrice: 9m, name: $"Paper Towels {word}");
        api.Model.VisionAnswer = $$"""
            {"supplier_name": "Photo Foods", "bill_date": "2025-04-01", "bill_number": "PH-9", "bill_total": 24.00,
             "line_items": [{"description": "Paper Towels {{word}}", "sku": null, "quantity": 2, "unit": "CS", "unit_price": 12.00, "line_total": 24.00}]}
            """;
        var staff = await api.StaffClientAsync();
        var billId = await BillKit.UploadAsync(staff, BillKit.Png, "photo.png", "image/png");
        Assert.Equal("completed", (string)(await BillKit.WaitAsync(staff, billId))["extraction_status"]!);
        var bill = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{billId}")).Json();
        Assert.Equal("Photo Foods", (string)bill["supplier_name"]!);
        var line = bill["line_items"]![0]!;
        Assert.Equal(id, (long)line["matched_product_id"]!);
        Assert.Equal(6m, (decimal)line["savings"]!);
        Assert.Contains(api.Model.Requests, r => r.ToJsonString().Contains("data:image/png;base64,"));
    }
}
