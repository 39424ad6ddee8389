using System.Net;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.StaffCustomers.StaffKit;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

/// <summary>/api/staff/users and /api/staff/profile: the dual GET, role rules, last admin, token revocation.</summary>
public sealed class StaffUsersTests(StaffCustomersApi api) : IClassFixture<StaffCustomersApi>
{
    [Fact]
    public async Task Get_users_answers_two_ways()
    {
        var c = await api.CreateCustomerAsync();
        var staff = await api.StaffClientAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"{B}/api/staff/users")).StatusCode);
        var accounts = await staff.GetAsync($"{B}/api/staff/users?search={c.Username}");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        var body = await accounts.Json();
        Assert.Equal(1, (int)body["total"]!);
        Assert.Equal(c.Id, (long)body["users"]![0]!["id"]!);
        Assert.Equal(50, (int)(await (await staff.GetAsync($"{B}/api/staff/users?page=1")).Json())["per_page"]!);
        var imported = await api.InsertCustomerAsync(kind: "imported");
        var all = await (await staff.GetAsync($"{B}/api/staff/users?per_page=200")).Json();
        Assert.DoesNotContain(all["users"]!.AsArray(), u => (long)u!["id"]! == imported);

        var manager = await api.StaffClientAsync("manager");
        var list = await manager.GetAsync($"{B}/api/staff/users");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var arr = (await list.Json()).AsArray();
        Assert.Contains(arr, u => (string)u!["role"]! == "manager");
        foreach (var f in new[] { "id", "username", "email", "full_name", "first_name", "last_name", "role", "is_active", "created_at", "updated_at" })
            Assert.True(arr[0]!.AsObject().ContainsKey(f), f);
        Assert.DoesNotContain(arr, u => u!.AsObject().ContainsKey("password_hash"));
    }

    [Fact]
    public async Task Managers_cannot_touch_admins()
    {
        var manager = await api.StaffClientAsync("manager");
        var name = WsKit.Unique("nu_");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"{B}/api/staff/users", new { username = name, password = "Secret-123", role = "admin" })).StatusCode);
        var created = await manager.PostJson($"{B}/api/staff/users", new { username = name, password = "Secret-123", full_name = "Kim Park", email = name + "@s.test" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Json();
        Assert.Equal("staff", (string)user["role"]!);
        Assert.Equal("Kim", (string)user["first_name"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostJson($"{B}/api/staff/users", new { username = name, password = "Secret-123" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJson($"{B}/api/staff/users", new { username = "x", password = "123" })).StatusCode);
        var id = (long)user["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutJson($"{B}/api/staff/users/{id}", new { role = "admin" })).StatusCode);
        var admin = await api.CreateStaffAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutJson($"{B}/api/staff/users/{admin.Id}", new { first_name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"{B}/api/staff/users/{admin.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("staff")).PostJson($"{B}/api/staff/users", new { username = WsKit.Unique("z_"), password = "Secret-123" })).StatusCode);
        var put = await manager.PutJson($"{B}/api/staff/users/{id}", new { role = "sales_rep", last_name = "Lee" });
        Assert.Equal("sales_rep", (string)(await put.Json())["role"]!);
    }

    [Fact]
    public async Task Password_change_and_deactivation_end_tokens_and_delete_hides()
    {
        var target = await api.CreateStaffAsync("staff");
        var targetClient = await api.StaffClientAsync(target);
        Assert.Equal(HttpStatusCode.OK, (await targetClient.GetAsync($"{B}/api/staff/profile")).StatusCode);
        var admin = await api.StaffClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"{B}/api/staff/users/{target.Id}", new { password = "Brand-new-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await targetClient.GetAsync($"{B}/api/staff/profile")).StatusCode);

        var rsp = await admin.DeleteAsync($"{B}/api/staff/users/{target.Id}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.NotNull((string?)(await rsp.Json())["message"]);
        Assert.True(await api.Scalar<bool>("select not is_active and deleted_at is not null from wholesale.staff_users where id = $1", target.Id));
        var list = (await (await admin.GetAsync($"{B}/api/staff/users")).Json()).AsArray();
        Assert.DoesNotContain(list, u => (long)u!["id"]! == target.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{B}/api/staff/users/{target.Id}")).StatusCode);
    }

    [Fact]
    public async Task Nobody_deletes_themselves_and_the_last_admin_stays()
    {
        var me = await api.CreateStaffAsync("admin");
        var client = await api.StaffClientAsync(me);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"{B}/api/staff/users/{me.Id}")).StatusCode);
        var manager = await api.CreateStaffAsync("manager");
        Assert.Equal(HttpStatusCode.BadRequest, (await (await api.StaffClientAsync(manager)).DeleteAsync($"{B}/api/staff/users/{manager.Id}")).StatusCode);

        await api.Exec("update wholesale.staff_users set is_active = false where role = 'admin' and id <> $1", me.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJson($"{B}/api/staff/users/{me.Id}", new { role = "manager" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJson($"{B}/api/staff/users/{me.Id}", new { is_active = false })).StatusCode);
        Assert.Equal("admin", await api.Scalar<string>("select role from wholesale.staff_users where id = $1", me.Id));
        var other = await api.CreateStaffAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await client.PutJson($"{B}/api/staff/users/{me.Id}", new { role = "manager" })).StatusCode);
        _ = other;
    }

    [Fact]
    public async Task Own_profile_password_and_email()
    {
        var me = await api.CreateStaffAsync("sales_rep");
        var client = await api.StaffClientAsync(me);
        var other = await api.StaffClientAsync(me);
        var profile = await (await client.GetAsync($"{B}/api/staff/profile")).Json();
        Assert.Equal(me.Username, (string)profile["username"]!);
        Assert.Equal("sales_rep", (string)profile["role"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJson($"{B}/api/staff/profile/change-password", new { current_password = "wrong-one", new_password = "Next-pass-1", confirm_password = "Next-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJson($"{B}/api/staff/profile/change-password", new { current_password = me.Password, new_password = "Next-pass-1", confirm_password = "Next-pass-2" })).StatusCode);
        var ok = await client.PostJson($"{B}/api/staff/profile/change-password", new { current_password = me.Password, new_password = "Next-pass-1", confirm_password = "Next-pass-1" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotNull((string?)(await ok.Json())["message"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{B}/api/staff/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync($"{B}/api/staff/profile")).StatusCode);

        var taken = await api.CreateStaffAsync("staff");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJson($"{B}/api/staff/profile/update-email", new { new_email = taken.Username + "@staff.test" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJson($"{B}/api/staff/profile/update-email", new { new_email = "nope" })).StatusCode);
        var fresh = WsKit.Unique("me") + "@new.test";
        var upd = await (await client.PostJson($"{B}/api/staff/profile/update-email", new { new_email = fresh })).Json();
        Assert.True((bool)upd["success"]!);
        Assert.Equal(fresh, (string)upd["email"]!);
    }
}
