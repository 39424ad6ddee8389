using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Keys.CreateKey;

/// <summary>Admin: issues an API key for a merchant (201, the key shown once). Admin token required.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, IssuedKey>
{
    public override void Configure()
    {
        Post("api/v1/merchants/{merchant_id}/keys");
        Group<ShopperSearchGroup>();
        AllowAnonymous();   // the admin token is checked by the handler, not the merchant scheme
        Description(b => b.WithSummary("Admin: create an API key (shown once)").Produces<IssuedKey>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}

sealed record Request : IRequest<ErrorOr<IssuedKey>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }
    /// <summary><c>test</c> or <c>live</c>; default the server's environment (<c>ShopperSearch:ApiKeys:Environment</c>).</summary>
    public string? Environment { get; init; }
    public string? Name { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MerchantId).GreaterThan(0);
            RuleFor(r => r.Environment).Must(e => e is null || ApiKeys.Environments.Contains(e))
                .WithMessage("value is not a valid enumeration member; permitted: 'test', 'live'").WithErrorCode("type_error.enum");
            RuleFor(r => r.Name).MaximumLength(200);
        }
    }
}

sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, Api.Features.Platform.PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<IssuedKey>>
{
    public async ValueTask<ErrorOr<IssuedKey>> Handle(Request req, CancellationToken ct)
    {
        if (await ApiKeys.CheckAdminAsync(config, admin, req.Authorization) is { } denied) return denied;
        var env = req.Environment ?? config["ShopperSearch:ApiKeys:Environment"] ?? "test";
        var name = string.IsNullOrWhiteSpace(req.Name) ? "default" : req.Name.Trim();
        tenant.Set(req.MerchantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var tx = await db.BeginTenantAsync(ct);
        var key = ApiKeys.Generate(env);
        var id = await ApiKeys.InsertAsync(db.OpenDbConnection(), db.Transaction, req.MerchantId, env, name, key, ct);
        var created = await db.ExecuteAsync<DateTimeOffset>("select created_at from shopper.api_keys where id = @id", new { id }, ct);
        await tx.CommitAsync(ct);
        return new IssuedKey(id, req.MerchantId, name, env, key.Prefix, created, key.Key, null);
    }
}
