namespace Api.Tests.Features.ShopperSearch.User;

public sealed class UserTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    [Fact]
    public async Task Profile_create_is_idempotent_on_email_and_found_by_email()
    {
        var c = api.Browser(Shopper.Demo);
        var body = new { user_name = "sam", first_name = "Sam", last_name = "Lee", email_id = "sam.lee@example.com" };
        var (s1, first) = await c.Post("/api/v1/user/profile", body);
        Assert.Equal(200, s1);
        Assert.Null(first["profile_name"]);
        var (_, again) = await c.Post("/api/v1/user/profile", body with { user_name = "other" });
        Assert.Equal((long)first["id"]!, (long)again["id"]!);
        var (s2, found) = await c.Post("/api/v1/user/profile/email", new { email_id = "SAM.LEE@example.com" });
        Assert.Equal(200, s2);
        Assert.Equal("Sam", (string?)found["first_name"]);

        // the other merchant has no such profile
        var (s3, nf) = await api.Browser(Shopper.Other).Post("/api/v1/user/profile/email", new { email_id = "sam.lee@example.com" });
        Assert.Equal(404, s3);
        Assert.Equal("User profile not found", (string?)nf["detail"]);
        Assert.Equal(422, (await c.Post("/api/v1/user/profile/email", new { email_id = "not-an-email" })).Status);
        Assert.Equal(422, (await c.Post("/api/v1/user/profile", new { user_name = "x" })).Status);
    }

    [Fact]
    public async Task Preferences_create_update_get_and_isolation()
    {
        var c = api.Browser(Shopper.Demo);
        var (_, profile) = await c.Post("/api/v1/user/profile", new { user_name = "kim", first_name = "Kim", last_name = "Park", email_id = "kim@example.com" });
        var id = (long)profile["id"]!;
        var (s1, created) = await c.Post("/api/v1/user/preferences", new { user_profile_id = id, favorite_colors = new[] { "navy", "olive" }, conversational_style = "friendly" });
        Assert.Equal(200, s1);
        Assert.False((bool)created["is_modified"]!);
        Assert.Null(created["product_ids"]);
        var (dup, dupBody) = await c.Post("/api/v1/user/preferences", new { user_profile_id = id });
        Assert.Equal(500, dup);
        Assert.Contains("already exist", (string?)dupBody["detail"]);

        var (_, before) = await c.Send(HttpMethod.Get, $"/api/v1/user/preferences/{id}");
        Assert.Equal("friendly", (string?)before["conversational_style"]);
        var (s2, updated) = await c.Post("/api/v1/user/preferences/update", new { user_profile_id = id, conversational_style = "concise" });
        Assert.Equal(200, s2);
        Assert.True((bool)updated["is_modified"]!);
        Assert.Equal("navy", (string?)updated["favorite_colors"]![0]);
        var (_, after) = await c.Send(HttpMethod.Get, $"/api/v1/user/preferences/{id}");
        Assert.Equal("concise", (string?)after["conversational_style"]);   // the 5-minute cache was invalidated

        var other = api.Browser(Shopper.Other);
        var (s3, nf) = await other.Send(HttpMethod.Get, $"/api/v1/user/preferences/{id}");
        Assert.Equal(404, s3);
        Assert.Equal("User preferences not found", (string?)nf["detail"]);
        Assert.Equal(404, (await other.Post("/api/v1/user/preferences/update", new { user_profile_id = id, body_type = "x" })).Status);
        Assert.Equal(404, (await other.Post("/api/v1/user/preferences", new { user_profile_id = id })).Status);
        Assert.Equal(422, (await c.Post("/api/v1/user/preferences", new { favorite_colors = new[] { "red" } })).Status);
    }

    [Fact]
    public async Task Random_data_greets_by_hour_and_returns_products()
    {
        await api.SeedAsync();
        var (status, body) = await api.Browser(Shopper.Demo).Post("/api/v1/user/preferences/randomdata",
            new Dictionary<string, object> { ["user_profile_id"] = 1, ["userPrefsNotPresent"] = false, ["current_hour"] = 9, ["user_name"] = "Alex", ["limit"] = 4 });
        Assert.Equal(200, status);
        Assert.Equal("Good morning, Alex", (string?)body["results"]!["greeting"]);
        var data = body["results"]!["data"]!.AsArray();
        Assert.Equal(4, data.Count);
        Assert.All(data, d => Assert.StartsWith("SKU-", (string)d!["product_id"]!));
        var (missing, errors) = await api.Browser(Shopper.Demo).Post("/api/v1/user/preferences/randomdata", new { user_profile_id = 1 });
        Assert.Equal(422, missing);
        // the document's own field name, not a snake_case rewrite of it
        Assert.True(errors["detail"]!.AsArray().Any(e => (string?)e!["loc"]![1] == "userPrefsNotPresent"), errors.ToJsonString());
        Assert.DoesNotContain("user_prefs_not_present", errors.ToJsonString());
    }
}
