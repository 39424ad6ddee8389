using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.ChangeRole;

/// <summary>
/// <c>PATCH /api/team/members/{user_id}/role</c> (owner, admin). Refused: your own role (400), the owner's role (403), a
/// non-owner promoting to or demoting from admin (403). Ownership is not transferable here (role owner is a 422).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Patch("api/team/members/{UserId}/role");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Change a member's role").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid UserId { get; init; }
    public string Role { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Role).Must(r => r is "admin" or "member" or "viewer").WithMessage("role must be one of admin, member, viewer");
    }
}

sealed record Response(Guid UserId, string Role, string PreviousRole);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        if (req.UserId == caller.UserId) return Error.Failure("PriceWatch.OwnRole", "You cannot change your own role");
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var current = await db.QueryToListAsync<string>(
            "select role from pricewatch.user_tenants where tenant_id = @TenantId and user_id = @UserId for update",
            new { caller.TenantId, req.UserId }, ct);
        if (current is not [var previous]) return Error.NotFound("PriceWatch.MemberNotFound", "Member not found");
        if (previous == "owner") return Error.Forbidden("PriceWatch.OwnerRole", "The owner's role cannot be changed");
        if ((previous == "admin" || req.Role == "admin") && !caller.IsOwner)
            return Error.Forbidden("PriceWatch.AdminRole", "Only the owner can promote to or demote from admin");
        await db.ExecuteAsync("update pricewatch.user_tenants set role = @Role where tenant_id = @TenantId and user_id = @UserId",
            new { req.Role, caller.TenantId, req.UserId }, ct);
        await tx.CommitAsync(ct);
        return new Response(req.UserId, req.Role, previous);
    }
}
