using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Api.Tests.Features.ShopperSearch.Ingest;

/// <summary>The byte-level NDJSON reader and the multi-connection upsert: BOM, CRLF, blank lines, long lines, repeated ids.</summary>
public sealed class IngestStreamingTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    async Task<string> KeyFor(long merchant)
    {
        var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", Shopper.AdminToken);
        return (string)(await admin.Post($"/api/v1/merchants/{merchant}/keys", new { })).Body["key"]!;
    }

    async Task<JsonNode> Ingest(long merchant, string key, byte[] body, string query = "")
    {
        var c = api.Merchant(merchant);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-ndjson");
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products" + query, content);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    static string Row(string id, string extra = "") =>
        $$"""{"product_id":"{{id}}","product_name":"Item {{id}}","price":"10.00","price_numeric":10{{extra}},"image1":"https://cdn.example.com/{{id}}.jpg"}""";

    async Task<Dictionary<string, (string? Color, string? Brand, string Details)>> Products(long merchant)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"select product_id, color, brand, coalesce(product_details, '') from shopper.products where merchant_id = {merchant}", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var d = new Dictionary<string, (string?, string?, string)>();
        while (await r.ReadAsync()) d[r.GetString(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3));
        return d;
    }

    [Fact]
    public async Task Bom_crlf_blank_and_long_lines_and_repeated_ids_across_many_rows()
    {
        const long m = 66601;
        var key = await KeyFor(m);
        var lines = new List<string>();
        for (var i = 1; i <= 600; i++) lines.Add(Row($"S-{i}"));
        lines[9] = Row("S-DUP", ""","color":"red","brand":"Acme" """.TrimEnd());      // line 10
        lines[499] = Row("S-DUP", ""","color":"blue" """.TrimEnd());                 // line 500: the last occurrence wins
        lines[19] = "";                                                               // a blank line still counts
        lines[29] = "   {broken";                                                     // line 30
        var longText = new string('x', 200_000);                                      // longer than the read buffer
        lines[39] = Row("S-LONG", $$""","product_details":"{{longText}}" """.TrimEnd());
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();

        var result = await Ingest(m, key, body);
        Assert.Equal(599, (int)result["rows_received"]!);     // the blank line is not a row
        Assert.Equal(1, (int)result["rows_skipped"]!);
        Assert.Equal(30, (int)result["errors"]![0]!["line"]!);
        Assert.Equal("invalid JSON", (string?)result["errors"]![0]!["reason"]);
        var distinct = lines.Where((l, i) => l.Length > 0 && i != 29).Select(l => (string)JsonNode.Parse(l)!["product_id"]!).Distinct().Count();
        Assert.Equal(distinct, (int)result["rows_upserted"]!);

        var stored = await Products(m);
        Assert.Equal(distinct, stored.Count);
        Assert.Equal("blue", stored["S-DUP"].Color);
        Assert.Null(stored["S-DUP"].Brand);                   // a new product takes its last row as a whole
        Assert.Equal(longText, stored["S-LONG"].Details);
        Assert.True(stored.ContainsKey("S-1"));              // the first line right after the BOM

        // an upsert of existing rows: non-null fields overwrite, absent ones keep their value, on every connection's share
        var update = string.Join("\n", Enumerable.Range(1, 300).Select(i => Row($"S-{i}", i % 2 == 0 ? ""","color":"green" """.TrimEnd() : "")))
            + "\n" + Row("S-DUP", ""","brand":"Zeta" """.TrimEnd());   // no trailing newline after the last line
        var again = await Ingest(m, key, Encoding.UTF8.GetBytes(update));
        Assert.Equal(301, (int)again["rows_upserted"]!);
        stored = await Products(m);
        Assert.Equal(distinct + 4, stored.Count);             // S-10, S-20, S-30 and S-40 were not in the first body
        Assert.Equal("green", stored["S-2"].Color);
        Assert.Null(stored["S-1"].Color);
        Assert.Equal(("blue", "Zeta"), (stored["S-DUP"].Color, stored["S-DUP"].Brand));
    }
}
