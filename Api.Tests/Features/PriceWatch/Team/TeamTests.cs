using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Team;

public sealed class TeamTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/team";

    [Fact]
    public async Task Me_reports_role_and_tenant()
    {
        var t = await PwTenant.CreateAsync(api);
        var admin = await t.AddAsync("admin");
        var body = await (await t.Client(admin).GetAsync($"{Base}/me")).Json();
        Assert.Equal(admin.Id.ToString(), (string?)body["user_id"]);
        Assert.Equal(admin.Email, (string?)body["email"]);
        Assert.Equal(t.Id.ToString(), (string?)body["tenant_id"]);
        Assert.Equal("admin", (string?)body["role"]);
    }

    [Fact]
    public async Task Members_lists_everyone_owner_first_and_only_this_tenant()
    {
        var t = await PwTenant.CreateAsync(api);
        var viewer = await t.AddAsync("viewer");
        var other = await PwTenant.CreateAsync(api);
        var list = (await (await t.Client(viewer).GetAsync($"{Base}/members")).Json()).AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("owner", (string?)list[0]!["role"]);
        Assert.Equal(t.Owner.Email, (string?)list[0]!["email"]);
        Assert.NotNull(list[0]!["created_at"]);
        Assert.DoesNotContain(list, m => (string?)m!["user_id"] == other.Owner.Id.ToString());
    }

    [Fact]
    public async Task Invite_creates_a_pending_invitation_and_queues_the_email()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().PostJson($"{Base}/invite", new { email = "New.Person@Example.com", role = "member" });
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("created", (string?)body["status"]);
        Assert.False((bool)body["email_sent"]!);            // no SMTP, no Supabase admin: stored in the outbox
        Assert.Equal("outbox", (string?)body["email_delivery"]);
        Assert.Equal("new.person@example.com", (string?)body["invitation"]!["email"]);
        Assert.Equal("pending", (string?)body["invitation"]!["status"]);
        var expires = DateTimeOffset.Parse((string)body["invitation"]!["expires_at"]!);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from platform.mail_outbox where to_address = 'new.person@example.com' and tenant_id = @t", ("t", t.Id.ToString())));

        var list = (await (await t.Client().GetAsync($"{Base}/invitations")).Json()).AsArray();
        Assert.Single(list);
    }

    [Fact]
    public async Task Invite_rules()
    {
        var t = await PwTenant.CreateAsync(api);
        var admin = await t.AddAsync("admin");
        var member = await t.AddAsync("member");
        var owner = t.Client();

        var self = await owner.PostJson($"{Base}/invite", new { email = t.Owner.Email.ToUpperInvariant(), role = "member" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("You cannot invite yourself", (string?)(await self.Json())["detail"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).PostJson($"{Base}/invite", new { email = "x1@example.com", role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await t.Client(admin).PostJson($"{Base}/invite", new { email = "x2@example.com", role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson($"{Base}/invite", new { email = "x3@example.com", role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).PostJson($"{Base}/invite", new { email = "x4@example.com", role = "viewer" })).StatusCode);

        var dup = await owner.PostJson($"{Base}/invite", new { email = "X2@example.com", role = "member" });
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        var existing = await owner.PostJson($"{Base}/invite", new { email = member.Email, role = "member" });
        Assert.Equal(HttpStatusCode.Conflict, existing.StatusCode);
        Assert.Contains("already a member", (string?)(await existing.Json())["detail"]);

        var invalid = await owner.PostJson($"{Base}/invite", new { email = "not-an-email", role = "owner" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var detail = (await invalid.Json())["detail"]!.AsArray();
        Assert.Contains(detail, d => (string?)d!["loc"]![1] == "email");
        Assert.Contains(detail, d => (string?)d!["loc"]![1] == "role");
    }

    [Fact]
    public async Task Expired_invitations_can_be_replaced_resent_and_resend_refreshes_expiry()
    {
        var t = await PwTenant.CreateAsync(api);
        var owner = t.Client();
        var id = (string)(await (await owner.PostJson($"{Base}/invite", new { email = "late@example.com", role = "member" })).Json())["invitation"]!["id"]!;
        await Pw.ExecAsync(api, t.Id, "update pricewatch.team_invitations set expires_at = now() - interval '1 day' where id = @id", ("id", Guid.Parse(id)));
        var list = (await (await owner.GetAsync($"{Base}/invitations")).Json()).AsArray();
        Assert.Equal("expired", (string?)list.Single()!["status"]);

        var resent = await owner.PostAsync($"{Base}/invitations/{id}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var body = await resent.Json();
        Assert.Equal(1, (int)body["resent_count"]!);
        Assert.True(DateTimeOffset.Parse((string)body["expires_at"]!) > DateTimeOffset.UtcNow.AddDays(6.9));

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"{Base}/invitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync($"{Base}/invitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"{Base}/invitations/{id}/resend", null)).StatusCode);
        Assert.Equal("revoked", (string?)(await (await owner.GetAsync($"{Base}/invitations")).Json()).AsArray().Single()!["status"]);

        // a new invitation after an expired one
        var id2 = (string)(await (await owner.PostJson($"{Base}/invite", new { email = "late2@example.com", role = "member" })).Json())["invitation"]!["id"]!;
        await Pw.ExecAsync(api, t.Id, "update pricewatch.team_invitations set expires_at = now() - interval '1 day' where id = @id", ("id", Guid.Parse(id2)));
        Assert.Equal(HttpStatusCode.Created, (await owner.PostJson($"{Base}/invite", new { email = "late2@example.com", role = "member" })).StatusCode);
    }

    [Fact]
    public async Task Other_tenants_invitations_and_members_are_invisible()
    {
        var a = await PwTenant.CreateAsync(api);
        var b = await PwTenant.CreateAsync(api);
        var bMember = await b.AddAsync("member");
        var id = (string)(await (await b.Client().PostJson($"{Base}/invite", new { email = "b@example.com", role = "member" })).Json())["invitation"]!["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client().PostAsync($"{Base}/invitations/{id}/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client().DeleteAsync($"{Base}/invitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client().PatchAsync($"{Base}/members/{bMember.Id}/role", JsonBody(new { role = "viewer" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client().DeleteAsync($"{Base}/members/{bMember.Id}")).StatusCode);
        Assert.Empty((await (await a.Client().GetAsync($"{Base}/invitations")).Json()).AsArray());
    }

    [Fact]
    public async Task Role_change_rules()
    {
        var t = await PwTenant.CreateAsync(api);
        var admin = await t.AddAsync("admin");
        var admin2 = await t.AddAsync("admin");
        var member = await t.AddAsync("member");
        var owner = t.Client();
        HttpContent Role(string r) => JsonBody(new { role = r });

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PatchAsync($"{Base}/members/{t.Owner.Id}/role", Role("admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).PatchAsync($"{Base}/members/{t.Owner.Id}/role", Role("member"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).PatchAsync($"{Base}/members/{member.Id}/role", Role("admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).PatchAsync($"{Base}/members/{admin2.Id}/role", Role("member"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).PatchAsync($"{Base}/members/{admin.Id}/role", Role("viewer"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await owner.PatchAsync($"{Base}/members/{member.Id}/role", Role("owner"))).StatusCode);

        var ok = await t.Client(admin).PatchAsync($"{Base}/members/{member.Id}/role", Role("viewer"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("member", (string?)(await ok.Json())["previous_role"]);
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsync($"{Base}/members/{member.Id}/role", Role("admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsync($"{Base}/members/{admin2.Id}/role", Role("member"))).StatusCode);
        var roles = (await (await owner.GetAsync($"{Base}/members")).Json()).AsArray().ToDictionary(m => (string)m!["user_id"]!, m => (string)m!["role"]!);
        Assert.Equal("admin", roles[member.Id.ToString()]);
        Assert.Equal("member", roles[admin2.Id.ToString()]);
        // the change applies to the next request of that user
        Assert.Equal("admin", (string?)(await (await t.Client(member).GetAsync($"{Base}/me")).Json())["role"]);
    }

    [Fact]
    public async Task Removal_rules()
    {
        var t = await PwTenant.CreateAsync(api);
        var admin = await t.AddAsync("admin");
        var admin2 = await t.AddAsync("admin");
        var member = await t.AddAsync("member");
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Client(admin).DeleteAsync($"{Base}/members/{admin.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).DeleteAsync($"{Base}/members/{t.Owner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).DeleteAsync($"{Base}/members/{admin2.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).DeleteAsync($"{Base}/members/{admin2.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Client(admin).DeleteAsync($"{Base}/members/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Client().DeleteAsync($"{Base}/members/{admin2.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Client().DeleteAsync($"{Base}/members/{member.Id}")).StatusCode);
        // the removed member has no workspace any more
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).GetAsync($"{Base}/members")).StatusCode);
    }

    [Fact]
    public async Task A_user_without_a_workspace_is_forbidden_sees_invitations_and_can_accept_one()
    {
        var t = await PwTenant.CreateAsync(api);
        var outsider = await PwTenant.NewUserAsync(api);
        var client = Pw.Client(api, outsider);

        var forbidden = await client.GetAsync($"{Base}/members");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("not a member of any workspace", (string?)(await forbidden.Json())["detail"]);
        var me = await (await client.GetAsync($"{Base}/me")).Json();
        Assert.Null(me["tenant_id"]);
        Assert.Null(me["role"]);
        Assert.Empty(me["pending_invitations"]!.AsArray());

        var id = (string)(await (await t.Client().PostJson($"{Base}/invite", new { email = outsider.Email, role = "viewer" })).Json())["invitation"]!["id"]!;
        me = await (await client.GetAsync($"{Base}/me")).Json();
        Assert.Equal(id, (string?)me["pending_invitations"]![0]!["id"]);

        // someone else cannot accept it
        var stranger = await PwTenant.NewUserAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await Pw.Client(api, stranger).PostAsync($"{Base}/invitations/{id}/accept", null)).StatusCode);

        var accepted = await client.PostAsync($"{Base}/invitations/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(t.Id.ToString(), (string?)(await accepted.Json())["tenant_id"]);
        me = await (await client.GetAsync($"{Base}/me")).Json();
        Assert.Equal("viewer", (string?)me["role"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Base}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Base}/invitations/{id}/accept", null)).StatusCode);
        Assert.Equal("accepted", (string?)(await (await t.Client().GetAsync($"{Base}/invitations")).Json()).AsArray().Single()!["status"]);
    }

    [Fact]
    public async Task Expired_invitations_cannot_be_accepted_and_a_workspace_can_be_created()
    {
        var t = await PwTenant.CreateAsync(api);
        var outsider = await PwTenant.NewUserAsync(api);
        var id = (string)(await (await t.Client().PostJson($"{Base}/invite", new { email = outsider.Email, role = "member" })).Json())["invitation"]!["id"]!;
        await Pw.ExecAsync(api, t.Id, "update pricewatch.team_invitations set expires_at = now() - interval '1 minute' where id = @id", ("id", Guid.Parse(id)));
        var client = Pw.Client(api, outsider);
        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsync($"{Base}/invitations/{id}/accept", null)).StatusCode);

        var created = await client.PostJson($"{Base}/workspace", new { name = "Outsider Co" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var me = await (await client.GetAsync($"{Base}/me")).Json();
        Assert.Equal("owner", (string?)me["role"]);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJson($"{Base}/workspace", new { name = "Again" })).StatusCode);
    }

    static HttpContent JsonBody(object o) => new StringContent(System.Text.Json.JsonSerializer.Serialize(o), System.Text.Encoding.UTF8, "application/json");
}
