using Api.Features.Wholesale.SalesImport.Import;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportTransactions;

/// <summary>Stores the file and enqueues the import job in one transaction, then answers at once with the job's id.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public const long MaxBytes = 100L * 1024 * 1024;
    static readonly string InsertSql = Sql.Load<Handler>("ImportTransactions.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        byte[] content;
        await using (var stream = req.File!.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)req.File.Length);
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        if (content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0))
            return Error.Validation("file", "The file is not a text CSV", new() { ["field"] = "file" });
        await using var tx = await db.BeginTransactionAsync(ct);
        var id = await db.ExecuteAsync<long>(InsertSql, new { req.StaffId, FileName = Path.GetFileName(req.File.FileName), Content = content }, ct);
        var jobId = await Job.StartAsync(db, id, ct);
        await tx.CommitAsync(ct);
        return new Response(true, jobId, $"Import started; poll /api/sales/import-status/{jobId}");
    }
}
