using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.SupabaseAdmin;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.ListMembers;

/// <summary><c>GET /api/team/members</c>: emails from stored users, filled in from the Supabase admin API when configured.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Member>>
{
    public override void Configure()
    {
        Get("api/team/members");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("List team members with emails").Produces<List<Member>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Member>>>;

sealed class Member
{
    public Guid UserId { get; init; }
    public string? Email { get; set; }
    public string Role { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller, SupabaseAdminClient supabase) : IRequestHandler<Request, ErrorOr<List<Member>>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListMembers.sql");

    public async ValueTask<ErrorOr<List<Member>>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var members = await db.QueryToListAsync<Member>(ListSql, new { caller.TenantId }, ct);
        if (supabase.IsConfigured)
            foreach (var m in members.Where(m => m.Email is null))
                if (await supabase.GetUserEmailAsync(m.UserId, ct) is { } email)
                {
                    m.Email = email.ToLowerInvariant();
                    await db.ExecuteAsync("update pricewatch.users set email = @Email, updated_at = now() where id = @UserId",
                        new { m.Email, m.UserId }, ct);
                }
        await tx.CommitAsync(ct);
        return members;
    }
}
