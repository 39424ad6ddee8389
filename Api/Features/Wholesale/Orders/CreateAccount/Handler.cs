using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Mail;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Orders.CreateAccount;

/// <summary>
/// Checkout's "create an account": a new, unverified account (a verification mail goes out, as with registration) and,
/// when <c>order_number</c> names a guest order whose delivery email is this email, that order becomes the account's.
/// Any other order (someone's account order, another email, no such number) is left alone and <c>order_linked</c> is false.
/// An existing account with the email is 409. The caller is not signed in: sign-in requires the verified email.
/// </summary>
sealed class Handler(AppDb db, IMailSender mail, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("Insert.sql");
    static readonly string LinkSql = Sql.Load<Handler>("Link.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var email = req.Email!.Trim().ToLowerInvariant();
        var name = req.DeliveryName!.Trim();
        var space = name.IndexOf(' ');
        var (first, last) = space > 0 ? (name[..space], name[(space + 1)..].Trim()) : (name, (string?)null);
        var address = $"{req.DeliveryAddress!.Trim()}, {req.DeliveryCity!.Trim()}, {req.DeliveryState!.Trim()} {req.DeliveryZip!.Trim()}";
        var token = WholesaleAuth.NewToken();

        await using var tx = await db.BeginTransactionAsync(ct);
        List<UserView> created;
        try
        {
            created = await db.QueryToListAsync<UserView>(InsertSql, new
            {
                Email = email, PasswordHash = Hashing.HashPassword(req.Password!), FirstName = first, LastName = last,
                Company = string.IsNullOrWhiteSpace(req.DeliveryCompany) ? null : req.DeliveryCompany.Trim(),
                Phone = Phones.ToE164(req.DeliveryPhone), ShippingAddress = address, TokenHash = WholesaleAuth.HashToken(token),
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) { created = []; }
        if (created is not [var user]) return Error.Conflict("Account.Exists", "An account with this email already exists");

        var linked = false;
        if (!string.IsNullOrWhiteSpace(req.OrderNumber))
            linked = (await db.QueryToListAsync<long>(LinkSql, new { CustomerId = user.Id, OrderNumber = req.OrderNumber.Trim(), Email = email }, ct)).Count == 1;
        await tx.CommitAsync(ct);

        try
        {
            var link = $"{req.ApiBase}/api/auth/verify-email/{token}";
            await mail.SendAsync(new OutgoingMail(email, "Confirm your email",
                $"Welcome! Confirm your email address to sign in: {link}\n\nThe link is valid for 48 hours.", null, "wholesale_verify_email", null), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Verification mail for customer {Id} could not be queued: {Error}", user.Id, e.Message);
        }
        var message = "Account created; check your email to verify it before signing in"
                      + (req.OrderNumber is { Length: > 0 } ? linked ? ". Your order is now in your account" : ". The order was not linked" : "");
        return new Response(true, message, user, linked);
    }
}
