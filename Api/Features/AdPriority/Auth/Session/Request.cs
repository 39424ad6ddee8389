using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Auth.Session;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(TenantInfo Tenant, BillingInfo Billing, Plan.Features Features);
sealed record TenantInfo(Guid Id, string ShopifyShopDomain, string PlanTier, string Status, string? GmcMerchantId, string? GoogleSheetId);
sealed record BillingInfo(string Plan, string Status, DateTime? ActivatedAt);
