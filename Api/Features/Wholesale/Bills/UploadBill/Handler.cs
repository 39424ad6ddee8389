using Api.Features.Wholesale.Bills.Extraction;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.UploadBill;

/// <summary>Stores the bill and its file and enqueues the extraction job in one transaction. Over 10 MB: 413; not a bill format: 415.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("UploadBill.sql");
    static readonly string BillSql = BillRow.Select + "\nand b.id = @Id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var read = await BillUpload.ReadAsync(req.File!, ct);
        if (read.IsError) return read.Errors;
        var file = read.Value;
        await using var tx = await db.BeginTransactionAsync(ct);
        var id = await db.ExecuteAsync<long>(InsertSql, new
        {
            RestaurantName = req.RestaurantName!.Trim(), RestaurantEmail = Blank(req.RestaurantEmail),
            RestaurantPhone = Phones.ToE164(req.RestaurantPhone), ContactName = Blank(req.ContactName), Notes = Blank(req.Notes),
            SupplierName = Blank(req.SupplierName), OriginalFilename = file.Name, FileType = file.Kind, FileContent = file.Bytes,
            Source = "upload", UploadedBy = req.StaffId,
        }, ct);
        await Job.StartAsync(db, id, ct);
        await tx.CommitAsync(ct);
        var bill = (await db.QueryToListAsync<BillRow>(BillSql, new { Id = id }, ct))[0];
        return new Response(true, bill);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
