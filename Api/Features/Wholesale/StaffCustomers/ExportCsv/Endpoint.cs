using Api.Infrastructure.Database;
using FastEndpoints;

namespace Api.Features.Wholesale.StaffCustomers.ExportCsv;

/// <summary>Streams the CSV straight from a database reader to the response: memory stays flat for any number of customers.</summary>
sealed class Endpoint(Db db) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("api/staff/customers/export-csv");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: export all customers as CSV (streamed)")
            .WithDescription("The 17 template columns; cells starting with =, +, -, @ are prefixed with an apostrophe (formula injection). Phones therefore read '+1... in the file; the import accepts that.")
            .Produces(200, typeof(string), "text/csv"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"customers_{DateTime.UtcNow:yyyyMMdd}.csv\"";
        HttpContext.Response.Headers.CacheControl = "no-store";
        await new Handler(db).WriteAsync(HttpContext.Response.Body, ct);
    }
}
