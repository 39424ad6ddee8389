using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Logout;

sealed class Handler(AppDb db, Secrets secrets) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RevokeSql = Sql.Load<Handler>("Logout.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.Token is { Length: < 4000 } token
            && await WholesaleAuth.ReadStaffTokenAsync(token, secrets.Get(WholesaleAuth.SigningKeySetting)) is var (staffId, jti))
            await db.ExecuteAsync(RevokeSql, new { Jti = jti, StaffId = staffId }, ct);
        return new Response(true);
    }
}
