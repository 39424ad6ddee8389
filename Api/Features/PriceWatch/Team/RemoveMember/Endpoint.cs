using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.RemoveMember;

/// <summary>
/// <c>DELETE /api/team/members/{user_id}</c> (owner, admin): deletes their user_tenants row. Refused: yourself (400), the owner
/// (403), a non-owner removing an admin (403).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/team/members/{UserId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Remove a member from the workspace").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid UserId { get; init; }
}

sealed record Response(string Status, Guid UserId);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        if (req.UserId == caller.UserId) return Error.Failure("PriceWatch.RemoveSelf", "You cannot remove yourself");
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var current = await db.QueryToListAsync<string>(
            "select role from pricewatch.user_tenants where tenant_id = @TenantId and user_id = @UserId for update",
            new { caller.TenantId, req.UserId }, ct);
        if (current is not [var role]) return Error.NotFound("PriceWatch.MemberNotFound", "Member not found");
        if (role == "owner") return Error.Forbidden("PriceWatch.RemoveOwner", "The owner cannot be removed");
        if (role == "admin" && !caller.IsOwner) return Error.Forbidden("PriceWatch.RemoveAdmin", "Only the owner can remove admins");
        await db.ExecuteAsync("delete from pricewatch.user_tenants where tenant_id = @TenantId and user_id = @UserId",
            new { caller.TenantId, req.UserId }, ct);
        await tx.CommitAsync(ct);
        return new Response("removed", req.UserId);
    }
}
