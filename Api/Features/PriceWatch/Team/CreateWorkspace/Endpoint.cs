using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Team.CreateWorkspace;

/// <summary>
/// <c>POST /api/team/workspace</c> (not in the reference): a signed-in user without a workspace creates one and becomes its
/// owner on the free plan. 409 when they already belong to one.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/team/workspace");
        Group<PriceWatchSignedInGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Create a workspace and become its owner").Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 201);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Name { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(120);
    }
}

sealed record Response(Guid TenantId, string Name, string Slug, string Role, string Plan);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.TenantIdOrNull is not null)
            return Error.Conflict("PriceWatch.AlreadyInWorkspace", "You already belong to a workspace");
        var tenant = Guid.NewGuid();
        var name = req.Name.Trim();
        var slug = System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-') is { Length: > 0 } s
            ? $"{s}-{tenant.ToString()[..6]}" : tenant.ToString()[..8];
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        await db.ExecuteAsync("""
            select set_config('app.tenant_id', @TenantText, true);
            insert into pricewatch.tenants (id, name, slug) values (@Tenant, @Name, @Slug);
            insert into pricewatch.user_tenants (user_id, tenant_id, role) values (@UserId, @Tenant, 'owner');
            insert into pricewatch.subscriptions (tenant_id, plan_id, status) values (@Tenant, 'free', 'active');
            insert into pricewatch.alert_configs (tenant_id) values (@Tenant);
            """, new { TenantText = tenant.ToString(), Tenant = tenant, Name = name, Slug = slug, caller.UserId }, ct);
        await tx.CommitAsync(ct);
        return new Response(tenant, name, slug, "owner", "free");
    }
}
