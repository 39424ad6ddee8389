using System.Net;
using Api.Features.Wholesale.Common;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Utilities;

/// <summary>The API with Twilio configured against <see cref="FakeTwilio"/> on 127.0.0.1.</summary>
public sealed class TwilioApi : ApiFactory
{
    public const string CallbackUrl = "https://api.lld.test/wholesale/api/sms/status-callback";
    public FakeTwilio Twilio { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Wholesale:Twilio:BaseUrl"] = Twilio.Url,
        ["Wholesale:Twilio:AccountSid"] = FakeTwilio.AccountSid,
        ["Wholesale:Twilio:AuthToken"] = FakeTwilio.AuthToken,
        ["Wholesale:Twilio:FromNumber"] = "+13125550000",
        ["Wholesale:Twilio:StatusCallbackUrl"] = CallbackUrl,
    };
}

public sealed class TwilioTests(TwilioApi api) : IClassFixture<TwilioApi>
{
    static string Phone() => $"+1773555{Random.Shared.Next(1000, 9999)}";

    async Task<HttpResponseMessage> Callback(Dictionary<string, string> form, string? signature = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"{WsKit.Base}/api/sms/status-callback") { Content = new FormUrlEncodedContent(form) };
        req.Headers.Add("X-Twilio-Signature", signature ?? FakeTwilio.Sign(TwilioApi.CallbackUrl, form));
        return await api.CreateClient().SendAsync(req);
    }

    async Task<(string Sid, string Phone)> OptInAsync()
    {
        var phone = Phone();
        var rsp = await api.CreateClient().PostJson($"{WsKit.Base}/api/sms-optin", new { first_name = "Lee", phone, consent = true });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var sent = api.Twilio.Messages.Single(m => m.Form["To"] == phone);
        return (sent.Sid, phone);
    }

    [Fact]
    public async Task The_twilio_client_sends_a_real_message_to_the_configured_base_url()
    {
        var (sid, phone) = await OptInAsync();
        var sent = api.Twilio.Messages.Single(m => m.Sid == sid);
        Assert.Equal($"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json", sent.Path);
        Assert.Equal("+13125550000", sent.Form["From"]);
        Assert.Contains("Reply STOP", sent.Form["Body"]);
        Assert.Equal(TwilioApi.CallbackUrl, sent.Form["StatusCallback"]);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}"));
        Assert.Equal($"Basic {basic}", sent.Authorization);
        Assert.Equal("queued", await api.Scalar<string>("select status from wholesale.sms_messages where provider_sid = $1 and to_phone = $2", sid, phone));
    }

    [Fact]
    public async Task A_signed_status_callback_updates_the_message_and_a_tampered_one_is_refused()
    {
        var (sid, phone) = await OptInAsync();
        var form = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "delivered", ["To"] = phone, ["From"] = "+13125550000" };

        var tampered = new Dictionary<string, string>(form) { ["MessageStatus"] = "failed" };
        var refused = await Callback(tampered, FakeTwilio.Sign(TwilioApi.CallbackUrl, form));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((bool)(await refused.Json())["success"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await Callback(form, FakeTwilio.Sign(TwilioApi.CallbackUrl, form, "another-token"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Callback(form, "")).StatusCode);
        Assert.Equal("queued", await api.Scalar<string>("select status from wholesale.sms_messages where provider_sid = $1", sid));

        var ok = await Callback(form);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("delivered", await api.Scalar<string>("select status from wholesale.sms_messages where provider_sid = $1", sid));
        Assert.Equal(HttpStatusCode.NoContent, (await Callback(new() { ["MessageSid"] = "SMunknown", ["MessageStatus"] = "sent" })).StatusCode);
    }

    [Fact]
    public async Task Error_21610_opts_the_number_out_and_it_is_never_texted_again()
    {
        var (sid, phone) = await OptInAsync();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["MessageStatus"] = "undelivered", ["To"] = phone, ["ErrorCode"] = "21610",
            ["ErrorMessage"] = "Attempt to send to unsubscribed recipient",
        };
        Assert.Equal(HttpStatusCode.NoContent, (await Callback(form)).StatusCode);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.sms_opt_outs where phone = $1", phone));
        Assert.Equal(21610, await api.Scalar<int>("select error_code from wholesale.sms_messages where provider_sid = $1", sid));

        var before = api.Twilio.Messages.Count;
        using var scope = api.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISmsSender>().SendAsync(phone, "Your order shipped", "order_shipped", CancellationToken.None);
        Assert.False(result.Sent);
        Assert.Equal("opted_out", result.Status);
        Assert.Equal(before, api.Twilio.Messages.Count);
        Assert.Equal("opted_out", await api.Scalar<string>("select status from wholesale.sms_messages where to_phone = $1 and purpose = 'order_shipped'", phone));
    }
}
