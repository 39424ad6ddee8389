using System.IO.Pipelines;
using ErrorOr;
using Mediator;

namespace Api.Features.BrandInsights.Ingest.IngestMenuSnapshots;

/// <summary>
/// The crawl's NDJSON body. Each line is one observation:
/// <c>{"crawl_id","observed_on":"YYYY-MM-DD","store_slug","store_name","dispensary","city","state","menu_url",
/// "brand_id","brand_name","fingerprint","product_name","variant","weight","category","price_cents","in_stock",
/// "promo_type","discount_percent"}</c>. A crawl covers the complete menus of the stores it names.
/// </summary>
sealed record Request(PipeReader Body, long? IngestKeyId) : IRequest<ErrorOr<Response>>;

sealed record Response(string CrawlId, string Status, long Lines, long Accepted, long Rejected, IReadOnlyList<LineError> Errors,
    int Stores, int StoresSkipped, long ListingsOpened, long ListingsClosed, long ElapsedMs);

sealed record LineError(long Line, string Field, string Message);
