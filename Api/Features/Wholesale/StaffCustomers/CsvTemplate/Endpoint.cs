using System.Text;
using FastEndpoints;

namespace Api.Features.Wholesale.StaffCustomers.CsvTemplate;

/// <summary>The header row of the import file (the same 17 columns the export writes), nothing to look up.</summary>
sealed class Endpoint : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("api/staff/customers/csv-template");
        Group<WholesaleGroup>();
        this.Staff();
        Description(b => b.WithSummary("Staff: blank customer-import CSV template (17 columns)").Produces(200, typeof(string), "text/csv"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"customers_template.csv\"";
        await Send.BytesAsync(Encoding.UTF8.GetBytes(string.Join(',', CustomerCsv.Columns) + "\r\n"), contentType: "text/csv; charset=utf-8", cancellation: ct);
    }
}
