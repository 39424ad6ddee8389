using Api.Features.PriceWatch.Common;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Sync.StartSync;

/// <summary>
/// <c>POST /api/sync</c> → 202 TaskResponse: syncs the tenant's own Shopify catalog into brand_products. Credentials come from
/// the body (<c>shop_url</c> + <c>access_token</c>), else the tenant's stored ones, else configuration
/// (<c>PriceWatch:Shopify:ShopUrl</c>/<c>AccessToken</c>); none: 400. A body token travels to the job encrypted.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/sync");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Start a Shopify product sync").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public string? ShopUrl { get; init; }
    public string? AccessToken { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ShopUrl).Must(u => Credentials.NormalizeShop(u) is not null).When(r => r.ShopUrl is not null)
                .WithMessage("shop_url must be a shop host name such as mybrand.myshopify.com");
            RuleFor(r => r.AccessToken).NotEmpty().When(r => r.ShopUrl is not null).WithMessage("access_token is required with shop_url");
            RuleFor(r => r.ShopUrl).NotEmpty().When(r => r.AccessToken is not null).WithMessage("shop_url is required with access_token");
        }
    }
}

sealed class Handler(AppDb db, Caller caller, SecretBox box, IConfiguration config, Api.Infrastructure.Integrations.Outbound.OutboundGuard outbound) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        string source; string shop; string? tokenForJob = null;
        if (req.ShopUrl is not null)
        {
            (source, shop) = ("request", Credentials.NormalizeShop(req.ShopUrl)!);
            if (await outbound.CheckUrlAsync($"https://{shop}/", ct) is { } refused)
                return Error.Validation("shop_url", $"shop_url {refused}", new Dictionary<string, object> { ["field"] = "shop_url", ["type"] = "value_error" });
        }
        else if (await db.QueryToListAsync<Stored>("""
                     select shopify_url_enc as "Url", shopify_token_enc as "Token" from pricewatch.tenant_credentials
                      where tenant_id = @TenantId and shopify_url_enc is not null and shopify_token_enc is not null
                     """, new { caller.TenantId }, ct) is [var stored])
        {
            try { (source, shop) = ("stored", Credentials.Decrypt(box, caller.TenantId, "shopify_url", stored.Url)); }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Error.Conflict("PriceWatch.CredentialsUnreadable", "Stored Shopify credentials cannot be decrypted (the encryption key changed); store them again");
            }
        }
        else if (Credentials.NormalizeShop(config["PriceWatch:Shopify:ShopUrl"]) is { } configured && config["PriceWatch:Shopify:AccessToken"] is { Length: > 0 })
            (source, shop) = ("config", configured);
        else
            return Error.Failure("PriceWatch.NoShopifyCredentials", "No Shopify credentials: pass shop_url and access_token, or store them with PUT /api/tenant/credentials");

        var session = await db.ExecuteAsync<Guid>("""
            insert into pricewatch.sync_sessions (tenant_id, shop_url, credential_source) values (@TenantId, @Shop, @Source) returning id
            """, new { caller.TenantId, Shop = shop, Source = source }, ct);
        if (source == "request") tokenForJob = box.Encrypt(req.AccessToken!, $"pricewatch:sync:{session}");
        var job = await JobQueue.EnqueueAsync(db, Job.Type, new Job.Payload(session, source, shop, tokenForJob), caller.TenantId.ToString(), maxAttempts: 3, ct: ct);   // a lost worker: rerun (upserts, idempotent)
        await db.ExecuteAsync("update pricewatch.sync_sessions set job_id = @Job where id = @Session", new { Job = job, Session = session }, ct);
        await tx.CommitAsync(ct);
        return new TaskResponse(session, "running", "Shopify sync started");
    }

    sealed class Stored
    {
        public string Url { get; init; } = "";
        public string Token { get; init; } = "";
    }
}

/// <summary>Reads the catalog page by page into brand_products (pack quantity and price per unit computed on the way).</summary>
sealed class Job(AppDb db, TenantContext tenantContext, SecretBox box, IConfiguration config, IShopifyCatalog catalog, ILogger<Job> log) : IJobHandler
{
    public const string Type = "pricewatch.sync";
    public sealed record Payload(Guid SessionId, string Source, string Shop, string? TokenEnc);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        var tenant = Guid.Parse(tenantContext.Id!);
        string? error = null;
        var synced = 0;
        if (job.Attempt > 1)   // the worker of an earlier attempt died: rerun unless that attempt already ended the session
        {
            await using var check = await PwTx.BeginTenantAsync(db, tenant, ct);
            var running = await db.ExecuteAsync<bool>("select exists (select 1 from pricewatch.sync_sessions where id = @S and status = 'running')", new { S = p.SessionId }, ct);
            await check.CommitAsync(ct);
            if (!running) return new { session_id = p.SessionId, already_finished = true };
            log.LogWarning("Shopify sync {Session} rerun on attempt {Attempt} after its worker was lost", p.SessionId, job.Attempt);
        }
        try
        {
            var token = p.Source switch
            {
                "request" => box.Decrypt(p.TokenEnc!, $"pricewatch:sync:{p.SessionId}"),
                "stored" => await StoredTokenAsync(tenant, ct),
                _ => config["PriceWatch:Shopify:AccessToken"] ?? throw new InvalidOperationException("configured Shopify token disappeared"),
            };
            await foreach (var batch in catalog.ReadAsync(p.Shop, token, ct))
            {
                if (batch.Count == 0) continue;
                await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
                var packs = batch.Select(v => PackQuantity.Extract($"{v.VariantTitle} {v.Title}")).ToArray();
                await db.ExecuteAsync("""
                    insert into pricewatch.brand_products as b (tenant_id, shopify_product_id, shopify_variant_id, title, variant_title, sku, vendor,
                                                                product_type, price, pack_quantity, ppu, synced_at)
                    select @T, u.pid, u.vid, u.title, u.vt, u.sku, u.vendor, u.ptype, u.price::numeric, u.pack, round(u.price::numeric / u.pack, 4), now()
                      from unnest(cast(@Pids as text[]), cast(@Vids as text[]), cast(@Titles as text[]), cast(@Vts as text[]), cast(@Skus as text[]),
                                  cast(@Vendors as text[]), cast(@Types as text[]), cast(@Prices as text[]), cast(@Packs as int[]))
                           as u(pid, vid, title, vt, sku, vendor, ptype, price, pack)
                    on conflict (tenant_id, shopify_variant_id) do update set shopify_product_id = excluded.shopify_product_id, title = excluded.title,
                        variant_title = excluded.variant_title, sku = excluded.sku, vendor = excluded.vendor, product_type = excluded.product_type,
                        price = excluded.price, pack_quantity = excluded.pack_quantity, ppu = excluded.ppu, synced_at = now()
                    """, new
                {
                    T = tenant, Pids = batch.Select(v => v.ProductId).ToArray(), Vids = batch.Select(v => v.VariantId).ToArray(),
                    Titles = batch.Select(v => v.Title).ToArray(), Vts = batch.Select(v => v.VariantTitle).ToArray(), Skus = batch.Select(v => v.Sku).ToArray(),
                    Vendors = batch.Select(v => v.Vendor).ToArray(), Types = batch.Select(v => v.ProductType).ToArray(),
                    Prices = batch.Select(v => v.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), Packs = packs,
                }, ct);
                synced += batch.Count;
                await db.ExecuteAsync("update pricewatch.sync_sessions set products_synced = @N, total_products = @N where id = @S",
                    new { N = synced, S = p.SessionId }, ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            log.LogWarning("Shopify sync {Session} failed: {Error}", p.SessionId, error);
        }
        finally
        {
            await using var tx = await PwTx.BeginTenantAsync(db, tenant, CancellationToken.None);
            await db.ExecuteAsync("""
                update pricewatch.sync_sessions set status = case when @Error is null then 'completed' else 'failed' end, error_message = @Error,
                       completed_at = now() where id = @S and status = 'running'
                """, new { Error = error, S = p.SessionId }, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        return new { session_id = p.SessionId, products_synced = synced };
    }

    async Task<string> StoredTokenAsync(Guid tenant, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
        var rows = await db.QueryToListAsync<string>("select shopify_token_enc from pricewatch.tenant_credentials where tenant_id = @T and shopify_token_enc is not null",
            new { T = tenant }, ct);
        await tx.CommitAsync(ct);
        return rows is [var enc] ? Credentials.Decrypt(box, tenant, "shopify_token", enc) : throw new InvalidOperationException("stored Shopify token was removed");
    }
}
