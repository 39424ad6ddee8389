using System.Net;
using System.Net.Http.Headers;
using Api.Infrastructure.Integrations.Google;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.AdPriority.Sync;

/// <summary>POST /api/sync/sheet against a fake Google (JWT grant verified, Sheets values API): full, delta, failures, isolation.</summary>
public sealed class SheetSyncTests(GoogleBackedApi api) : IClassFixture<GoogleBackedApi>
{
    async Task<(Guid Id, string Shop, HttpClient Client)> TenantWithScores(string sheet)
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"update adpriority.tenants set google_sheet_id = '{sheet}' where id = '{id}'");
        await api.AddProductAsync(id, "Stacked Jeans", "Men-Bottoms-Jeans Pants", ["NAME BRAND"], [4, 0], shopifyId: 7001);
        await api.AddProductAsync(id, "Tee", "Men-Tops-T-Shirts", [], [2], shopifyId: 7002);
        var c = api.ClientFor(shop);
        Assert.Equal(HttpStatusCode.OK, (await c.PostCamel("/adpriority/api/priorities/recalculate", new { })).StatusCode);
        return (id, shop, c);
    }

    async Task<(string Status, string Errors)> WaitAsync(Guid tenant, string logId)
    {
        for (var i = 0; i < 200 && await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{logId}'") == "started"; i++) await Task.Delay(100);
        return (await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{logId}'"),
                await api.ScalarAsync<string>(tenant, $"select errors::text from adpriority.sync_logs where id = '{logId}'"));
    }

    [Fact]
    public async Task Full_then_delta_push_writes_the_supplemental_feed()
    {
        var (id, _, c) = await TenantWithScores(FakeGoogle.SharedSheet);
        var rsp = await c.PostCamel("/adpriority/api/sync/sheet", new { mode = "full" });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        Assert.Equal("5", rsp.Headers.GetValues("X-RateLimit-Limit").Single());
        var body = await rsp.Json();
        Assert.Equal(2, (int)body["estimatedRows"]!);   // activeOnly: the out-of-stock variant is left out
        Assert.Equal($"https://docs.google.com/spreadsheets/d/{FakeGoogle.SharedSheet}", (string?)body["sheetUrl"]);
        Assert.Equal(("completed", "[]"), await WaitAsync(id, (string)body["syncLogId"]!));

        var sheet = api.Google.Sheets[FakeGoogle.SharedSheet];
        Assert.Equal(["id", "custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4"], sheet[0]);
        Assert.Equal(3, sheet.Count);
        Assert.Equal("shopify_US_7001_70010", sheet[1][0]);
        Assert.Equal("jeans-pants", sheet[1][3]);
        Assert.Equal("in-stock", sheet[1][4]);
        Assert.Equal("name-brand", sheet[1][5]);
        Assert.Equal("shopify_US_7002_70020", sheet[2][0]);
        Assert.True(await api.ScalarAsync<bool>(id, $"select last_sheet_sync_at is not null from adpriority.tenants where id = '{id}'"));
        Assert.True((bool)(await (await c.GetAsync("/adpriority/api/settings")).Json())["googleSheet"]!["configured"]!);   // the push worked

        // someone edits the sheet by hand, a priority changes and a variant comes back in stock: delta touches only those rows
        sheet[2][5] = "tampered";
        var vid = await api.ScalarAsync<Guid>(id, $"select id from adpriority.variants where shopify_variant_id = 70010 and tenant_id = '{id}'");
        Assert.Equal(HttpStatusCode.OK, (await c.PutCamel($"/adpriority/api/priorities/{vid}", new { priority = 1, overrideReason = "test" })).StatusCode);
        await api.ExecAsync(id, $"update adpriority.variants set inventory_quantity = 3 where shopify_variant_id = 70011 and tenant_id = '{id}'");
        Assert.Equal(HttpStatusCode.OK, (await c.PostCamel("/adpriority/api/priorities/recalculate", new { })).StatusCode);
        api.Google.Requests.Clear();
        var delta = await (await c.PostCamel("/adpriority/api/sync/sheet", new { mode = "delta" })).Json();
        Assert.Equal(("completed", "[]"), await WaitAsync(id, (string)delta["syncLogId"]!));
        Assert.Equal("priority-1", sheet[1][1]);
        Assert.Equal("standard", sheet[2][5]);
        Assert.Equal("shopify_US_7001_70011", sheet[3][0]);
        Assert.DoesNotContain(api.Google.Requests, r => r.EndsWith(":clear", StringComparison.Ordinal));
        Assert.Contains(api.Google.Requests, r => r.EndsWith("values:batchUpdate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sheet_not_shared_with_the_service_account_fails_with_the_reason()
    {
        var (id, _, c) = await TenantWithScores(FakeGoogle.PrivateSheet);
        var body = await (await c.PostCamel("/adpriority/api/sync/sheet", new { })).Json();
        var (status, errors) = await WaitAsync(id, (string)body["syncLogId"]!);
        Assert.Equal("failed", status);
        Assert.Contains("403", errors);
        Assert.Contains(FakeGoogle.Email, errors);
        var sync = await (await c.GetAsync("/adpriority/api/sync/status")).Json();
        Assert.False((bool)sync["sheetConfigured"]!);
        Assert.StartsWith("The last sheet push failed", (string?)sync["sheetReason"]);
    }

    [Fact]
    public async Task Configured_is_true_only_when_the_sheet_works_and_says_why_not()
    {
        var (_, shop) = await api.InstallAsync();
        var c = api.ClientFor(shop);
        // setting a sheet makes a check call: the shared sheet passes, the private one does not
        var shared = (await (await c.PutCamel("/adpriority/api/settings", new { googleSheet = new { sheetId = FakeGoogle.SharedSheet } })).Json())["settings"]!["googleSheet"]!;
        Assert.True((bool)shared["configured"]!);
        Assert.Null((string?)shared["reason"]);
        var priv = (await (await c.PutCamel("/adpriority/api/settings", new { googleSheet = new { sheetId = FakeGoogle.PrivateSheet } })).Json())["settings"]!["googleSheet"]!;
        Assert.False((bool)priv["configured"]!);
        Assert.Contains(FakeGoogle.Email, (string?)priv["reason"]);
        // before any push, reading the settings or the status checks again
        Assert.False((bool)(await (await c.GetAsync("/adpriority/api/settings")).Json())["googleSheet"]!["configured"]!);
        var status = await (await c.GetAsync("/adpriority/api/sync/status")).Json();
        Assert.False((bool)status["sheetConfigured"]!);
        Assert.Contains("403", (string?)status["sheetReason"]);
    }

    [Fact]
    public async Task The_token_endpoint_checks_the_assertion_signature()
    {
        using var http = new HttpClient();
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var forged = FakeGoogle.BuildAssertion(FakeGoogle.Email, other.ExportPkcs8PrivateKeyPem(), api.Google.TokenUrl, GoogleClient.SheetsScope, now);
        var good = FakeGoogle.BuildAssertion(FakeGoogle.Email, api.Google.PrivateKeyPem, api.Google.TokenUrl, GoogleClient.SheetsScope, now);
        HttpContent Form(string a) => new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = a });
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(api.Google.TokenUrl, Form(forged))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(api.Google.TokenUrl, Form(good))).StatusCode);
    }

    [Fact]
    public async Task Errors_in_progress_validation_and_no_session()
    {
        var (id, shop) = await api.InstallAsync();
        var c = api.ClientFor(shop);
        var none = await c.PostCamel("/adpriority/api/sync/sheet", new { });
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal("SHEET_NOT_CONFIGURED", await none.ErrorCode());
        await api.ExecAsync(id, $"update adpriority.tenants set google_sheet_id = '{FakeGoogle.SharedSheet}' where id = '{id}'");
        await api.ExecAsync(id, $"insert into adpriority.sync_logs (tenant_id, sync_type, status) values ('{id}', 'sheet', 'started')");
        var busy = await c.PostCamel("/adpriority/api/sync/sheet", new { });
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("SYNC_IN_PROGRESS", await busy.ErrorCode());
        var bad = await c.PostCamel("/adpriority/api/sync/sheet", new { mode = "partial" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("VALIDATION_ERROR", await bad.ErrorCode());
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostCamel("/adpriority/api/sync/sheet", new { activeOnly = "yes" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostCamel("/adpriority/api/sync/sheet", new { })).StatusCode);
        // another tenant's sync log is not visible
        var (_, shopB) = await api.InstallAsync();
        var logs = await (await api.ClientFor(shopB).GetAsync("/adpriority/api/sync/logs?syncType=sheet")).Json();
        Assert.Empty(logs["logs"]!.AsArray());
    }
}

/// <summary>With no Google credentials the push is accepted and the sync log says why nothing was written.</summary>
public sealed class SheetSyncWithoutGoogleTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    [Fact]
    public async Task No_credentials_fail_the_log_with_a_clear_reason()
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"update adpriority.tenants set google_sheet_id = 'sheet-without-google' where id = '{id}'");
        var c = api.ClientFor(shop);
        var rsp = await c.PostCamel("/adpriority/api/sync/sheet", new { mode = "delta", activeOnly = false });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var logId = (string)(await rsp.Json())["syncLogId"]!;
        for (var i = 0; i < 100 && await api.ScalarAsync<string>(id, $"select status from adpriority.sync_logs where id = '{logId}'") == "started"; i++) await Task.Delay(100);
        var log = (await (await c.GetAsync("/adpriority/api/sync/logs?syncType=sheet")).Json())["logs"]![0]!;
        Assert.Equal("failed", (string?)log["status"]);
        Assert.StartsWith("GOOGLE_NOT_CONFIGURED", (string)log["errors"]![0]!);

        // a sheet id alone is not "configured": settings and sync status say why not
        var settings = (await (await c.GetAsync("/adpriority/api/settings")).Json())["googleSheet"]!;
        Assert.False((bool)settings["configured"]!);
        Assert.Contains("service account", (string?)settings["reason"]);
        var status = await (await c.GetAsync("/adpriority/api/sync/status")).Json();
        Assert.False((bool)status["sheetConfigured"]!);
        Assert.Contains("service account", (string?)status["sheetReason"]);
    }
}

/// <summary>The secret CSV feed URL: rotate, fetch without a session, revoke; each tenant sees only its rows.</summary>
public sealed class FeedUrlTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    [Fact]
    public async Task Rotate_fetch_revoke()
    {
        var (a, shopA) = await api.InstallAsync();
        var (b, shopB) = await api.InstallAsync();
        await api.AddProductAsync(a, "Jeans", "Men-Bottoms-Jeans Pants", [], [3, 0], shopifyId: 8001);
        await api.AddProductAsync(b, "Hat", "Headwear", [], [3], shopifyId: 8002);
        var ca = api.ClientFor(shopA);
        var cb = api.ClientFor(shopB);
        await ca.PostCamel("/adpriority/api/priorities/recalculate", new { });
        await cb.PostCamel("/adpriority/api/priorities/recalculate", new { });

        var created = await ca.PostAsync("/adpriority/api/settings/feed-url", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (string)(await created.Json())["feedUrl"]!;
        Assert.StartsWith("http://localhost/adpriority/feeds/adpf_", url);   // no public URL configured: the request's scheme and host
        var path = new Uri(url).AbsolutePath;
        var anon = api.CreateClient();
        var csv = await anon.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,custom_label_0,custom_label_1,custom_label_2,custom_label_3,custom_label_4", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("shopify_US_8001_80010,", lines[1]);
        Assert.Equal(3, (await (await anon.GetAsync(path + "?activeOnly=false")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("8002", await (await anon.GetAsync(path + "?activeOnly=false")).Content.ReadAsStringAsync());
        Assert.Equal(0, await api.ScalarAsync<int>(a, $"select count(*) from adpriority.feed_tokens where token_hash like '%adpf_%'"));

        var urlB = (string)(await (await cb.PostAsync("/adpriority/api/settings/feed-url", null)).Json())["feedUrl"]!;
        Assert.Contains("shopify_US_8002_", await (await anon.GetAsync(new Uri(urlB).AbsolutePath)).Content.ReadAsStringAsync());

        var rotated = await (await ca.PostAsync("/adpriority/api/settings/feed-url", null)).Json();
        Assert.Equal(1, (int)rotated["revokedPrevious"]!);
        var old = await anon.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal("NOT_FOUND", await old.ErrorCode());
        var newPath = new Uri((string)rotated["feedUrl"]!).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(newPath)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ca.DeleteAsync("/adpriority/api/settings/feed-url")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(newPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ca.DeleteAsync("/adpriority/api/settings/feed-url")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(new Uri(urlB).AbsolutePath)).StatusCode);   // B unaffected
        Assert.Equal(HttpStatusCode.BadRequest, (await anon.GetAsync("/adpriority/feeds/short/supplemental.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync("/adpriority/api/settings/feed-url", null)).StatusCode);
    }
}
