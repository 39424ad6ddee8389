using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Api.Infrastructure.Integrations.Twilio;

/// <summary>
/// <c>Wholesale:Twilio:*</c>. <see cref="Configured"/> needs AccountSid, AuthToken and FromNumber; <c>BaseUrl</c> (default the
/// real API) points the client elsewhere (tests: a fake on 127.0.0.1); <c>StatusCallbackUrl</c> is the public URL of
/// <c>POST /api/sms/status-callback</c>, sent with each message and used to check callback signatures.
/// </summary>
public sealed class TwilioOptions
{
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }                // never logged
    public string? FromNumber { get; set; }
    public string? StatusCallbackUrl { get; set; }
    public bool Configured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken) && !string.IsNullOrWhiteSpace(FromNumber);
}

/// <summary>
/// Twilio 8.2.0 through its own <see cref="TwilioRestClient"/> instance (never the global <c>TwilioClient.Init</c>), on the
/// named HttpClient "twilio" whose handler sends every request to the configured base URL. Each text is recorded in
/// wholesale.sms_messages (provider sid, status); opted-out numbers (wholesale.sms_opt_outs) are never texted.
/// </summary>
sealed class TwilioSms(IOptions<TwilioOptions> options, IHttpClientFactory http, Db db, ILogger<TwilioSms> log) : ISmsSender
{
    public const string HttpClientName = "twilio";
    readonly TwilioOptions _o = options.Value;

    public async Task<SmsResult> SendAsync(string toE164, string body, string purpose, CancellationToken ct)
    {
        var row = await RecordAsync(toE164, body, purpose, ct);
        if (row.OptedOut)
        {
            log.LogInformation("SMS to {Phone} ({Purpose}) not sent: the number opted out", Phones.Mask(toE164), purpose);
            return new SmsResult(false, "opted_out", null);
        }
        var client = new TwilioRestClient(_o.AccountSid!, _o.AuthToken!, accountSid: _o.AccountSid,
            httpClient: new global::Twilio.Http.SystemNetHttpClient(http.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new PhoneNumber(toE164)) { From = new PhoneNumber(_o.FromNumber), Body = body };
        if (!string.IsNullOrWhiteSpace(_o.StatusCallbackUrl)) create.StatusCallback = new Uri(_o.StatusCallbackUrl);
        try
        {
            var message = await MessageResource.CreateAsync(create, client);
            var status = message.Status?.ToString() ?? "queued";
            await UpdateAsync(row.Id, status, message.Sid, null, null, ct);
            log.LogInformation("SMS to {Phone} ({Purpose}) handed to Twilio as {Sid}", Phones.Mask(toE164), purpose, message.Sid);
            return new SmsResult(true, status, message.Sid);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var code = e is global::Twilio.Exceptions.ApiException api ? api.Code : (int?)null;
            await UpdateAsync(row.Id, "failed", null, code, e.Message.Length > 500 ? e.Message[..500] : e.Message, ct);
            if (code == 21610) await OptOutAsync(toE164, ct);
            log.LogWarning("SMS to {Phone} ({Purpose}) failed at Twilio ({Error})", Phones.Mask(toE164), purpose, code?.ToString() ?? e.GetType().Name);
            return new SmsResult(false, "failed", null);
        }
    }

    sealed record Recorded(long Id, bool OptedOut);

    async Task<Recorded> RecordAsync(string to, string body, string purpose, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            with o as (select exists (select 1 from wholesale.sms_opt_outs where phone = $1) as opted_out)
            insert into wholesale.sms_messages (to_phone, from_phone, body, purpose, status)
            select $1, $4, $2, $3, case when o.opted_out then 'opted_out' else 'sending' end from o
            returning id, status = 'opted_out'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = to });
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        cmd.Parameters.Add(new NpgsqlParameter { Value = purpose });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = _o.FromNumber });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new Recorded(r.GetInt64(0), r.GetBoolean(1));
    }

    async Task UpdateAsync(long id, string status, string? sid, int? code, string? error, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update wholesale.sms_messages set status = $2, provider_sid = coalesce($3, provider_sid), error_code = $4, error_message = $5,
                   updated_at = now() where id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = status });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = sid });
        cmd.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = code });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    async Task OptOutAsync(string phone, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand(
            "insert into wholesale.sms_opt_outs (phone, reason) values ($1, 'twilio 21610 (recipient unsubscribed)') on conflict (phone) do nothing");
        cmd.Parameters.Add(new NpgsqlParameter { Value = phone });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Sends each request of the "twilio" HttpClient to <see cref="TwilioOptions.BaseUrl"/>, keeping path and query.</summary>
sealed class TwilioBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri is { } uri && Uri.TryCreate(options.Value.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
            request.RequestUri = new Uri(baseUri, uri.PathAndQuery.TrimStart('/'));
        return base.SendAsync(request, ct);
    }
}

public static class TwilioRegistration
{
    /// <summary>
    /// Registers the Twilio sender so it replaces the outbox default (<see cref="OutboxSmsSender"/>) when configured: it removes
    /// earlier ISmsSender registrations, and a later <c>TryAdd</c> of the default finds this one and adds nothing. Singletons,
    /// like the outbox default, so singletons may send texts.
    /// </summary>
    public static IServiceCollection AddTwilioSms(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration("Wholesale:Twilio");
        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient(TwilioSms.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20)).AddHttpMessageHandler<TwilioBaseUrlHandler>();
        services.TryAddSingleton<OutboxSmsSender>();
        services.TryAddSingleton<TwilioSms>();
        services.RemoveAll<ISmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value.Configured
            ? sp.GetRequiredService<TwilioSms>() : sp.GetRequiredService<OutboxSmsSender>());
        return services;
    }
}
