using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Auth.UpdateUser;

sealed class Handler(AppDb db, IHttpContextAccessor http, AfterResponse outgoing, AccountMail mails, VerifyLinks links)
    : IRequestHandler<Request, ErrorOr<UserResponse>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateUser.sql");

    public async ValueTask<ErrorOr<UserResponse>> Handle(Request req, CancellationToken ct)
    {
        if (req.UserId != req.CallerId) return NotFound;
        var email = req.Email?.Trim();
        string? verifyToken = null;
        Row row;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            List<Row> rows;
            try
            {
                rows = await db.QueryToListAsync<Row>(UpdateSql, new
                {
                    req.UserId, req.CallerId,
                    SetEmail = email is not null, Email = email,
                    SetCompany = req.CompanyName is not null, CompanyName = req.CompanyName?.Trim(),
                    SetPhone = req.Phone is not null, Phone = Phones.ToE164(req.Phone),
                    SetShipping = req.ShippingAddress is not null, ShippingAddress = req.ShippingAddress?.Trim(),
                    SetBilling = req.BillingAddress is not null, BillingAddress = req.BillingAddress?.Trim(),
                }, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Error.Conflict("User.EmailTaken", "An account with this email already exists",
                    new Dictionary<string, object> { ["duplicate_field"] = "email" });
            }
            if (rows is not [var r]) return NotFound;
            row = r;
            if (row.EmailChanged)
                verifyToken = await AuthTokens.IssueAsync(db, AuthTokens.Customer, row.Id, AuthTokens.VerifyEmail, AuthTokens.VerifyLifetime, ct);
            await tx.CommitAsync(ct);
        }
        if (verifyToken is not null)
            outgoing.Mail(mails.Verification(email!, row.Username ?? email!, links.For(http.HttpContext!.Request, verifyToken)));
        return new UserResponse((await UserView.LoadAsync(db, row.Id, ct))!);
    }

    static readonly Error NotFound = Error.NotFound("User.NotFound", "User not found");

    sealed class Row
    {
        public long Id { get; init; }
        public string? Username { get; init; }
        public bool EmailChanged { get; init; }
    }
}
