using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Admin;

public sealed class AdminTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    async Task<HttpClient> SuperAdmin()
    {
        var user = await PwTenant.NewUserAsync(api);
        await Pw.ExecAsync(api, null, "insert into pricewatch.super_admins (user_id) values (@u)", ("u", user.Id));
        return Pw.Client(api, user);
    }

    [Fact]
    public async Task Super_admins_read_across_tenants()
    {
        var pro = await PwTenant.CreateAsync(api, "pro");
        var free = await PwTenant.CreateAsync(api, "free");
        await PwData.SeedAsync(api, pro.Id, "https://a.example", ("Jar", 1, 2));
        await Pw.ExecAsync(api, free.Id, "insert into pricewatch.scrape_sessions (tenant_id, status, error_message, completed_at) values (@t, 'failed', 'boom', now())", ("t", free.Id));
        await Pw.ExecAsync(api, pro.Id, "insert into pricewatch.scrape_sessions (tenant_id, status, completed_at) values (@t, 'completed', now())", ("t", pro.Id));
        var admin = await SuperAdmin();

        var stats = await (await admin.GetAsync("/pricewatch/api/admin/stats")).Json();
        Assert.True((int)stats["total_tenants"]! >= 2);
        Assert.True((long)stats["MRR"]! >= 4900);   // the documented field, in cents per month like plan prices (pro: 4900)
        Assert.Null(stats["mrr"]);
        Assert.True((int)stats["subscribers_by_plan"]!["pro"]! >= 1);
        Assert.InRange((double)stats["success_rate"]!, 0, 100);

        var page = await (await admin.GetAsync("/pricewatch/api/admin/tenants?page=1&limit=100")).Json();
        var row = page["tenants"]!.AsArray().Single(x => (string?)x!["id"] == pro.Id.ToString())!;
        Assert.Equal(1, (int)row["competitor_count"]!);
        Assert.Equal("pro", (string?)row["plan_tier"]);
        Assert.Equal(1, (int)row["member_count"]!);

        var detail = await (await admin.GetAsync($"/pricewatch/api/admin/tenants/{pro.Id}")).Json();
        Assert.Equal(pro.Owner.Email, (string?)detail["members"]![0]!["email"]);
        Assert.Equal("pro", (string?)detail["subscription"]!["plan"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/pricewatch/api/admin/tenants/{Guid.NewGuid()}")).StatusCode);

        var errors = (await (await admin.GetAsync("/pricewatch/api/admin/errors?limit=50")).Json()).AsArray();
        Assert.Contains(errors, e => (string?)e!["error_message"] == "boom" && (string?)e["tenant_id"] == free.Id.ToString());
        var activity = (await (await admin.GetAsync("/pricewatch/api/admin/activity?limit=50")).Json()).AsArray();
        Assert.True(activity.Count >= 2);
        var billing = await (await admin.GetAsync("/pricewatch/api/admin/billing")).Json();
        Assert.True((int)billing["total_active"]! >= 1);
        Assert.True((long)billing["MRR"]! >= 4900);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/pricewatch/api/admin/tenants?limit=1000")).StatusCode);
    }

    [Fact]
    public async Task Tenant_owners_are_not_super_admins()
    {
        var t = await PwTenant.CreateAsync(api);
        foreach (var path in new[] { "stats", "tenants", $"tenants/{t.Id}", "activity", "errors", "billing" })
        {
            var rsp = await t.Client().GetAsync($"/pricewatch/api/admin/{path}");
            Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
            Assert.Equal("Super admin access required", (string?)(await rsp.Json())["detail"]);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/pricewatch/api/admin/stats")).StatusCode);
    }
}
