using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.DeleteRule;

/// <summary>Rules are configuration, not business records: deleted for good.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.ExecuteAsync("delete from wholesale.box_rules where id = @RuleId", new { req.RuleId }, ct) == 1
            ? new Response(true) : Error.NotFound("BoxRule.NotFound", "Box recommendation rule not found");
}
