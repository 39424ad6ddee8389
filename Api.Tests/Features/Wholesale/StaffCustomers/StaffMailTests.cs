using System.Net;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.StaffCustomers.StaffKit;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

public sealed class SmtpStaffApi : ApiFactory
{
    public FakeSmtpServer Smtp { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integrations:Mail:Smtp:Host"] = "127.0.0.1", ["Integrations:Mail:Smtp:Port"] = Smtp.Port.ToString(),
        ["Integrations:Mail:Smtp:Username"] = "mailer@lld.test", ["Integrations:Mail:Smtp:Password"] = "smtp-secret-pass",
        ["Integrations:Mail:Smtp:From"] = "mailer@lld.test", ["Wholesale:SmtpDebug:TimeoutSeconds"] = "1",
    };
}

/// <summary>smtp-debug against a fake server on 127.0.0.1 (and its silence), test-email through the platform sender.</summary>
public sealed class StaffMailTests(SmtpStaffApi api) : IClassFixture<SmtpStaffApi>
{
    [Fact]
    public async Task Smtp_debug_runs_the_handshake_and_hides_the_password()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("staff")).PostAsync($"{B}/api/staff/smtp-debug", null)).StatusCode);
        var manager = await api.StaffClientAsync("manager");
        var rsp = await manager.PostAsync($"{B}/api/staff/smtp-debug", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.DoesNotContain("smtp-secret-pass", text);
        Assert.DoesNotContain("mailer@", text);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!, text);
        Assert.True((bool)body["ehlo"]!);
        Assert.True((bool)body["login"]!);
        Assert.Equal("ma***@lld.test", (string)body["smtp_user"]!);
        Assert.Equal("smtp-secret-pass".Length, (int)body["smtp_pass_len"]!);
        Assert.Contains("mailer@lld.test", api.Smtp.Auths);

        api.Smtp.Silent = true;
        try
        {
            var started = DateTime.UtcNow;
            var slow = await (await manager.PostAsync($"{B}/api/staff/smtp-debug", null)).Json();
            Assert.False((bool)slow["success"]!);
            Assert.Equal("timeout", (string)slow["error_type"]!);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        }
        finally { api.Smtp.Silent = false; }
    }

    [Fact]
    public async Task Test_email_reports_config_without_secrets()
    {
        var staff = await api.StaffClientAsync("staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{B}/api/staff/test-email", new { to = "nope" })).StatusCode);
        var rsp = await staff.PostJson($"{B}/api/staff/test-email", new { to = "ops@lld.test" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.DoesNotContain("smtp-secret-pass", text);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal("set", (string)body["config"]!["SMTP_PASSWORD"]!);
        Assert.Equal("127.0.0.1", (string)body["config"]!["SMTP_HOST"]!);
        Assert.Equal("ops@lld.test", (string)body["config"]!["sending_to"]!);
        Assert.NotNull((bool?)body["queued"]);
        Assert.NotNull((string?)body["message"]);
    }
}
