using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.GetScore;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<ScoreView>>
{
    static readonly string ViewSql = Sql.Load(typeof(ScoreView), "ScoreView.sql") + " where s.customer_id = @CustomerId";

    public async ValueTask<ErrorOr<ScoreView>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<ScoreView>(ViewSql, new { req.CustomerId }, ct) is [var row]
            ? row : Error.NotFound("Score.NotFound", "This customer has not been scored yet");
}
