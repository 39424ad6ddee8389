using FastEndpoints;

namespace Api.Features.Wholesale.SalesImport.ImportTemplate;

/// <summary>The import's CSV template: the header and two example rows (one two-line order, one single line).</summary>
sealed class Endpoint : EndpointWithoutRequest
{
    public const string Csv =
        "order_number,order_date,customer_name,company_name,phone,email,sku,product_name,quantity,unit_price,do_not_call\r\n" +
        "HIST-1001,2025-01-15,Maria Lopez,Lopez Taqueria,(312) 555-0142,maria@lopeztaqueria.example,NAP-1000,Dinner Napkins 1000ct,2,38.50,\r\n" +
        "HIST-1002,2025-02-03,Sam Chen,Golden Wok,+13125550199,sam@goldenwok.example,,Canola Fryer Oil 35 lb,3,36.00,no\r\n";

    public override void Configure()
    {
        Get("api/sales/import-template");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("A CSV template for the transactions import").Produces(200, contentType: "text/csv"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"transactions-import-template.csv\"";
        await Send.StringAsync(Csv, 200, "text/csv; charset=utf-8", ct);
    }
}
