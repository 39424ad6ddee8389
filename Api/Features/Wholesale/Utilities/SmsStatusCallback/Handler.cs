using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Twilio;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Api.Features.Wholesale.Utilities.SmsStatusCallback;

/// <summary>
/// Checks the signature with Twilio's <see cref="RequestValidator"/> over <c>Wholesale:Twilio:StatusCallbackUrl</c> (the URL
/// Twilio was given; else the URL as this server saw it) and the auth token: without a token nothing can be trusted, so 403.
/// Then updates the message by MessageSid and, for error 21610 (the recipient replied STOP), opts the number out. 204.
/// </summary>
sealed class Handler(AppDb db, IOptions<TwilioOptions> twilio, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Success>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("SmsStatusCallback.sql");
    public const int Unsubscribed = 21610;

    public async ValueTask<ErrorOr<Success>> Handle(Request req, CancellationToken ct)
    {
        var o = twilio.Value;
        var url = string.IsNullOrWhiteSpace(o.StatusCallbackUrl) ? req.Url : o.StatusCallbackUrl;
        if (string.IsNullOrEmpty(o.AuthToken) || req.Signature.Length == 0
            || !new RequestValidator(o.AuthToken).Validate(url, req.Form.ToDictionary(kv => kv.Key, kv => kv.Value), req.Signature))
            return Error.Forbidden("Twilio.Signature", "Invalid Twilio signature");

        string? Field(string name) => req.Form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var sid = Field("MessageSid") ?? Field("SmsSid");
        var status = Field("MessageStatus") ?? Field("SmsStatus");
        int? code = int.TryParse(Field("ErrorCode"), out var c) ? c : null;
        var error = Field("ErrorMessage");
        var rows = await db.QueryToListAsync<Row>(UpdateSql, new
        {
            Sid = sid is { Length: <= 64 } ? sid : null, Status = status is { Length: <= 30 } ? status : null, ErrorCode = code,
            ErrorMessage = error is { Length: > 500 } ? error[..500] : error, To = Phones.ToE164(Field("To")), Unsubscribed,
        }, ct);
        if (rows is [{ OptedOut: true } r])
            log.LogInformation("Twilio error 21610 for {Phone}: number opted out of texts", Phones.Mask(r.Phone ?? ""));
        return Result.Success;
    }

    sealed class Row
    {
        public int Updated { get; init; }
        public bool OptedOut { get; init; }
        public string? Phone { get; init; }
    }
}
