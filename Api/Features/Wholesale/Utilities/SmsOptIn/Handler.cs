using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SmsOptIn;

/// <summary>
/// Records the consent (E.164 phone, caller address), lifts an earlier opt-out of that number (a fresh, explicit consent),
/// and texts one confirmation per number per 24 hours (so the form cannot be used to flood a phone).
/// </summary>
sealed class Handler(AppDb db, ISmsSender sms) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string OptInSql = Sql.Load<Handler>("SmsOptIn.sql");
    public const string Purpose = "optin_confirmation";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var phone = Phones.ToE164(req.Phone)!;
        var recentlyTexted = await db.ExecuteAsync<bool>(OptInSql, new
        {
            FirstName = req.FirstName!.Trim(), LastName = req.LastName?.Trim(), Phone = phone, Email = string.IsNullOrWhiteSpace(req.Email) ? null : req.Email.Trim(),
            req.Ip, Purpose,
        }, ct);
        if (!recentlyTexted)
            await sms.SendAsync(phone, "LLD Restaurant Supply: you're subscribed to order and delivery texts. Msg & data rates may apply. Reply STOP to opt out, HELP for help.",
                Purpose, ct);
        return new Response(true, "You're subscribed to text messages. Reply STOP at any time to opt out.");
    }
}
