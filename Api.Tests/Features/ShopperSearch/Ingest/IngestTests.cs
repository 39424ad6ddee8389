using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.ShopperSearch.Demo;

namespace Api.Tests.Features.ShopperSearch.Ingest;

public sealed class IngestTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    static HttpContent Body(string text, string type) => new StringContent(text, new UTF8Encoding(false), type);

    async Task<(int Status, JsonNode Body)> Ingest(string query, HttpContent content, string? key = Seeder.DemoApiKey, long merchant = Shopper.Demo)
    {
        await api.SeedAsync();
        var c = api.Merchant(merchant);
        if (key is not null) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products" + query, content);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{(int)rsp.StatusCode} with an empty body for {query}");
        return ((int)rsp.StatusCode, JsonNode.Parse(text)!);
    }

    const string Good = """{"product_id":"IN-1","product_name":"Seersucker Camp Shirt","price":"58.00","price_numeric":58.0,"image1":"https://cdn.example.com/i/1.jpg","color":"light blue","product_details":"<b>Crinkly</b> cotton seersucker","vendor_sku":"X1"}""";

    [Fact]
    public async Task Ndjson_rows_are_validated_per_line_and_upserted()
    {
        var ndjson = string.Join('\n',
            Good,
            """{"product_id":"IN-2","product_name":"Bad Price","price":"1","price_numeric":-3,"image1":"https://cdn.example.com/i/2.jpg"}""",
            "{not json",
            "",
            """{"product_id":"IN-3","product_name":"Http Image","price":"1","price_numeric":1,"image1":"http://cdn.example.com/i/3.jpg"}""",
            """{"product_id":"IN-4","product_name":"Computed","price":"1","price_numeric":1,"image1":"https://cdn.example.com/i/4.jpg","text_embedding":[1,2]}""",
            """{"product_id":"IN-5","product_name":"Bad flag","price":"1","price_numeric":1,"image1":"https://cdn.example.com/i/5.jpg","display_flag":"true"}""",
            """{"product_id":"IN-6","product_name":"Kids Puffer Jacket","price":"80.00","price_numeric":80,"image1":"https://cdn.example.com/i/6.jpg","status":"active"}""");
        var (status, body) = await Ingest("", Body(ndjson, "application/x-ndjson"));
        Assert.Equal(200, status);
        Assert.Equal("accepted", (string?)body["status"]);
        Assert.Equal(Shopper.Demo, (long)body["merchant_id"]!);
        Assert.Equal(7, (int)body["rows_received"]!);
        Assert.Equal(2, (int)body["rows_upserted"]!);
        Assert.Equal(5, (int)body["rows_skipped"]!);
        Assert.StartsWith("pr_", (string?)body["pipeline_run_id"]);
        var errors = body["errors"]!.AsArray().ToDictionary(e => (int)e!["line"]!, e => (string)e!["reason"]!);
        Assert.Equal("price_numeric must be a non-negative number", errors[2]);
        Assert.Equal("invalid JSON", errors[3]);
        Assert.Equal("image1 must be an HTTPS URL", errors[5]);
        Assert.Contains("computed field", errors[6]);
        Assert.Equal("display_flag must be a JSON boolean", errors[7]);

        // the pipeline runs on its own: HTML stripped, category/gender inferred, embeddings written, status completed
        var c = api.Merchant(Shopper.Demo);
        JsonNode? state = null;
        for (var i = 0; i < 100; i++)
        {
            state = (await c.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{Shopper.Demo}")).Body;
            if ((string?)state["status"] is "completed" or "failed") break;
            await Task.Delay(100);
        }
        Assert.Equal("completed", (string?)state!["status"]);
        Assert.Equal(100.0, (double)state["progress_percentage"]!);
        var (_, found) = await c.Post("/api/v0/product/search/text", new { query_str = "seersucker shirt" });
        var item = found["results"]!["data"]![0]!;
        Assert.Equal("IN-1", (string?)item["product_id"]);
        Assert.Equal("Crinkly cotton seersucker", (string?)item["product_details"]);
        Assert.Equal("tops", (string?)item["category"]);
        Assert.Equal("X1", (string?)item["metadata_json"]!["vendor_sku"]);
        var (_, kids) = await c.Post("/api/v0/product/search/text", new { query_str = "puffer jacket", gender = new[] { "kids" } });
        Assert.Equal("IN-6", (string?)kids["results"]!["data"]![0]!["product_id"]);

        // upsert: non-null fields overwrite, others are kept
        var (_, again) = await Ingest("", Body("""{"product_id":"IN-1","product_name":"Seersucker Camp Shirt","price":"49.00","price_numeric":49,"image1":"https://cdn.example.com/i/1.jpg"}""", "application/x-ndjson"));
        Assert.Equal(1, (int)again["rows_upserted"]!);
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select price_numeric, color from shopper.products where merchant_id = 12345 and product_id = 'IN-1'", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(49.0, r.GetDouble(0));
        Assert.Equal("light blue", r.GetString(1));
    }

    [Fact]
    public async Task Csv_with_bom_and_mapping_json_array_dry_run_and_replace()
    {
        const long m = 55501;
        await using (var conn = api.OwnerConnection())
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"insert into shopper.api_keys (merchant_id, name, environment, key_prefix, key_hash) values ({m}, 't', 'test', 'sk_test_5550', '{Api.Infrastructure.Security.Hashing.HashApiKey("sk_test_55501key")}')", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var csv = "\uFEFFsku,title,cost,img,notes\r\nC-1,\"Quilted Vest, \"\"Lightweight\"\"\",$45.50,https://cdn.example.com/v.jpg,\"multi\nline\"\r\nC-2,Canvas Tote,,https://cdn.example.com/t.jpg,x\r\n";
        var mapping = Uri.EscapeDataString("""{"mapping":{"product_id":"sku","product_name":{"source":"title","transform":"trim"},"price":"cost","price_numeric":{"source":"cost","transform":"parse_float"},"image1":"img"}}""");
        var (status, body) = await Ingest("?mapping=" + mapping, Body(csv, "text/csv"), "sk_test_55501key", m);
        Assert.Equal(200, status);
        Assert.Equal(2, (int)body["rows_received"]!);
        Assert.Equal(1, (int)body["rows_upserted"]!);
        Assert.Equal(4, (int)body["errors"]![0]!["line"]!);   // the record after a two-line quoted field starts on line 4
        var (_, dry) = await Ingest("?dry_run=true", Body("""[{"product_id":"J-1","product_name":"Dry","price":"1","price_numeric":1,"image1":"https://x.example.com/a.jpg"}, 5]""", "application/json"), "sk_test_55501key", m);
        Assert.Equal("dry_run", (string?)dry["status"]);
        Assert.Equal(1, (int)dry["rows_skipped"]!);
        Assert.Null(dry["pipeline_run_id"]);
        var (_, replaced) = await Ingest("?mode=replace", Body("""[{"product_id":"J-2","product_name":"Only One","price":"1","price_numeric":1,"image1":"https://x.example.com/a.jpg"}]""", "application/json"), "sk_test_55501key", m);
        Assert.Equal(1, (int)replaced["rows_upserted"]!);
        await using var conn2 = api.OwnerConnection();
        await conn2.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand($"select string_agg(product_id, ',') from shopper.products where merchant_id = {m}", conn2);
        Assert.Equal("J-2", (string?)await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Csv_errors_name_the_line_each_record_starts_on()
    {
        // header with padded names and a repeated column (the last one wins); blank lines and lines inside quotes count
        var csv = string.Join("\r\n",
            " product_id ,product_name,price,price_numeric,image1,color,color",
            "CE-1,\"Two\nLines\",1,1,https://x.example.com/1.jpg,red,blue",   // lines 2-3
            "",                                                                // 4: blank, not a row
            "CE-2,Short,1,1",                                                  // 5: too few fields
            "CE-3,Stray\"Quote,1,1,https://x.example.com/3.jpg,,",            // 6
            "CE-4,\"Closed\"after,1,1,https://x.example.com/4.jpg,,",        // 7
            "CE-5,Fine,2.50,2.5,https://x.example.com/5.jpg,,",                // 8
            "CE-6,\"Never closed,1,1,https://x.example.com/6.jpg,,") + "\r\n";  // 9 to the end
        var (status, body) = await Ingest("?dry_run=true", Body(csv, "text/csv"));
        Assert.Equal(200, status);
        Assert.Equal(6, (int)body["rows_received"]!);
        Assert.Equal(4, (int)body["rows_skipped"]!);
        var errors = body["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["reason"]!)).ToList();
        Assert.Equal([(5, "expected 7 fields, found 4"), (6, "stray quote inside an unquoted field"), (7, "characters after a closing quote"),
            (9, "unterminated quoted field")], errors);

        // a record's values reach the validator as text: the repeated column's last value wins
        var (_, one) = await Ingest("?dry_run=true", Body("product_id,product_name,price,price_numeric,image1,display_flag\nCE-7,X,1,1,https://x.example.com/7.jpg,maybe\n", "text/csv"));
        Assert.Equal("display_flag must be true or false", (string)one["errors"]![0]!["reason"]!);
        Assert.Equal(2, (int)one["errors"]![0]!["line"]!);
    }

    [Fact]
    public async Task Needs_an_api_key_of_the_same_merchant()
    {
        var (s1, _) = await Ingest("", Body(Good, "application/x-ndjson"), key: null);
        Assert.Equal(401, s1);
        var (s2, b2) = await Ingest("", Body(Good, "application/x-ndjson"), key: Seeder.DemoApiKey, merchant: Shopper.Other);
        Assert.Equal(403, s2);
        Assert.Equal("API key does not belong to this merchant", (string?)b2["detail"]);
        var (s3, _) = await Ingest("", Body(Good, "application/x-ndjson"), key: "sk_test_unknown");
        Assert.Equal(401, s3);
        var (s4, _) = await Ingest("", Body(Good, "application/x-ndjson"), key: "sk_live_whatever");
        Assert.Equal(401, s4);
        var (s5, _) = await Ingest("?mode=merge", Body(Good, "application/x-ndjson"));
        Assert.Equal(422, s5);
        var (s6, _) = await Ingest("", Body(Good, "application/xml"));
        Assert.Equal(415, s6);
    }
}

/// <summary>A configured but unreachable embeddings server makes create_text_embeddings fail; the failure is recorded.</summary>
public sealed class FailingPipelineApi : ShopperApi
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Integrations:OpenAi:BaseUrl"] = "http://127.0.0.1:9/v1",
        ["Integrations:OpenAi:EmbeddingModel"] = "test-embed",
        ["Integrations:OpenAi:TimeoutSeconds"] = "2",
    };
}

public sealed class FailingPipelineTests(FailingPipelineApi api) : IClassFixture<FailingPipelineApi>
{
    [Fact]
    public async Task A_failing_step_records_its_error()
    {
        await api.SeedAsync();
        var c = api.Merchant(Shopper.Demo);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Seeder.DemoApiKey);
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products", new StringContent(
            """{"product_id":"F-1","product_name":"Fail Shirt","price":"1","price_numeric":1,"image1":"https://cdn.example.com/f.jpg"}""", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(200, (int)rsp.StatusCode);
        JsonNode? state = null;
        for (var i = 0; i < 150; i++)
        {
            state = (await c.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{Shopper.Demo}")).Body;
            if ((string?)state["status"] == "failed") break;
            await Task.Delay(100);
        }
        Assert.Equal("failed", (string?)state!["status"]);
        Assert.Equal("create_text_embeddings", (string?)state["current_step"]);
        Assert.Contains("create_text_embeddings", state["failed_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("enrichment_dev", state["completed_steps"]!.AsArray().Select(s => (string)s!));
        Assert.StartsWith("create_text_embeddings failed", (string?)state["error_message"]);
    }
}
