using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Summary;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SummarySql = Sql.Load<Handler>("Summary.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var rows = await db.QueryToListAsync<Row>(SummarySql, new { BrandId = brand.Id, brand.Today, Days = req.WindowDays }, ct);
        var k = rows is [var row] ? row : new Row();

        double? inStock = k.Skus > 0 ? Figures.Percent(k.SkusInStock, k.Skus) : null;
        double? inStockPrev = k.SkusPrev > 0 ? Figures.Percent(k.SkusInStockPrev, k.SkusPrev) : null;
        var promoShare = Figures.Percent(k.SkusOnPromo, k.Skus);
        var promoSharePrev = Figures.Percent(k.SkusOnPromoPrev, k.SkusPrev);

        return new Response(
            brand.Key, brand.Name, brand.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            req.Window,
            Delta(k.Stores, k.StoresPrev),
            Delta(k.Skus, k.SkusPrev),
            new RateMetric(inStock, inStockPrev, inStock is { } c && inStockPrev is { } p ? Figures.Round(c - p, 1) : null,
                Figures.Direction(inStock, inStockPrev)),
            new PromoExposure(k.SkusOnPromo, k.StoresWithPromos, promoShare, k.Skus == 0 ? "stable" : Figures.Direction(promoShare, promoSharePrev)),
            new PriceSummary(k.AvgPrice, k.MinPrice, k.MaxPrice, Figures.Money(k.AvgPrice), Figures.Money(k.MinPrice), Figures.Money(k.MaxPrice)),
            new Activity(k.StoresAdded, k.StoresRemoved, k.SkusNew, k.SkusRemoved, k.PriceChanges));
    }

    static DeltaMetric Delta(int current, int previous) =>
        new(current, previous, current - previous, Figures.DeltaPercent(current, previous), Figures.Direction(current, previous));

    sealed class Row
    {
        public int Stores { get; init; }
        public int StoresPrev { get; init; }
        public int Skus { get; init; }
        public int SkusPrev { get; init; }
        public int SkusInStock { get; init; }
        public int SkusInStockPrev { get; init; }
        public int SkusOnPromo { get; init; }
        public int SkusOnPromoPrev { get; init; }
        public int StoresWithPromos { get; init; }
        public int? AvgPrice { get; init; }
        public int? MinPrice { get; init; }
        public int? MaxPrice { get; init; }
        public int StoresAdded { get; init; }
        public int StoresRemoved { get; init; }
        public int SkusNew { get; init; }
        public int SkusRemoved { get; init; }
        public int PriceChanges { get; init; }
    }
}
