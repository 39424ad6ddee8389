using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Api.Tests.Features.Wholesale.Bills;

/// <summary>Bill files made in the test (a text PDF through PdfPig's writer, CSV, a PNG) and the upload/poll calls.</summary>
public static class BillKit
{
    /// <summary>A one-page PDF with a text layer: each string is one line of Helvetica.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        double y = 740;
        foreach (var line in lines)
        {
            page.AddText(line, 10, new PdfPoint(40, y), font);
            y -= 16;
        }
        return builder.Build();
    }

    /// <summary>The smallest valid PNG (1x1, transparent).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A SKU the text parser sees as one (capitals, a dash, digits) and unique enough per test.</summary>
    public static string Sku() => $"ZQ-{Random.Shared.Next(100000, 999999)}";

    /// <summary>A made-up word that makes a product name unique for trigram matching.</summary>
    public static string Word()
    {
        const string consonants = "bdfkmnprstvz", vowels = "aeiou";
        var r = Random.Shared;
        return string.Concat(Enumerable.Range(0, 3).Select(_ => $"{consonants[r.Next(consonants.Length)]}{vowels[r.Next(vowels.Length)]}")).Insert(0, "Q");
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName, string contentType, Dictionary<string, string>? fields = null, string fileField = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, fileField, fileName);
        foreach (var (k, v) in fields ?? new() { ["restaurant_name"] = "Test Bistro" }) form.Add(new StringContent(v), k);
        return form;
    }

    public static async Task<long> UploadAsync(HttpClient staff, byte[] file, string fileName, string contentType, Dictionary<string, string>? fields = null)
    {
        var rsp = await staff.PostAsync($"{WsKit.Base}/api/bills", Form(file, fileName, contentType, fields));
        var body = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.StatusCode == System.Net.HttpStatusCode.Created, body);
        return (long)JsonNode.Parse(body)!["bill"]!["id"]!;
    }

    /// <summary>Polls the documented status endpoint until the extraction is final.</summary>
    public static async Task<JsonNode> WaitAsync(HttpClient staff, long billId, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await (await staff.GetAsync($"{WsKit.Base}/api/bills/{billId}/status")).Json();
            if ((string)status["extraction_status"]! is "completed" or "failed") return status;
            Assert.True(DateTime.UtcNow < until, $"bill {billId} still {(string)status["extraction_status"]!} after {seconds}s");
            await Task.Delay(100);
        }
    }
}
