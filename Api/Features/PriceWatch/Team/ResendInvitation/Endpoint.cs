using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.ResendInvitation;

/// <summary>
/// <c>POST /api/team/invitations/{id}/resend</c> (owner, admin): sends the email again and resets the 7-day expiry. Pending or
/// expired invitations only (409 otherwise); an admin cannot resend an admin invitation (403).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/team/invitations/{Id}/resend");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Resend an invitation and refresh its expiry").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(string Status, bool EmailSent, string EmailDelivery, Guid Id, string Email, string Role, DateTimeOffset ExpiresAt, int ResentCount);

sealed class Handler(AppDb db, Caller caller, InvitationMail mail) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string FindSql = Sql.Load<Handler>("Find.sql");
    static readonly string RefreshSql = Sql.Load<Handler>("Refresh.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        if (await db.QueryToListAsync<Row>(FindSql, new { req.Id, caller.TenantId }, ct) is not [var inv])
            return Error.NotFound("PriceWatch.InvitationNotFound", "Invitation not found");
        if (inv.Status is "accepted" or "revoked")
            return Error.Conflict("PriceWatch.InvitationClosed", $"This invitation was {inv.Status} and cannot be resent");
        if (inv.Role == "admin" && !caller.IsOwner) return Error.Forbidden("PriceWatch.AdminInvite", "Only the owner can manage admin invitations");
        if (inv.OtherPending) return Error.Conflict("PriceWatch.DuplicateInvitation", $"A newer pending invitation for {inv.Email} exists");
        var refreshed = (await db.QueryToListAsync<Row>(RefreshSql, new { req.Id, caller.TenantId }, ct)).Single();
        await tx.CommitAsync(ct);

        var sent = await mail.SendAsync(refreshed.Id, caller.TenantId, inv.TenantName, refreshed.Email, refreshed.Role, ct);
        return new Response("resent", sent.EmailSent, sent.Delivery, refreshed.Id, refreshed.Email, refreshed.Role, refreshed.ExpiresAt, refreshed.ResentCount);
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
        public int ResentCount { get; init; }
        public bool OtherPending { get; init; }
        public string TenantName { get; init; } = "";
    }
}
