using Api.Features.Wholesale.Bills.Extraction;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.ReprocessBill;

/// <summary>A new extraction job takes the bill over (the old job, if still queued, finds it no longer its own). 409 while one runs.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string LockSql = Sql.Load<Handler>("ReprocessBill.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Row>(LockSql, new { req.BillId }, ct) is not [var bill])
            return Error.NotFound("Bill.NotFound", "Bill not found");
        if (!bill.HasFile) return Error.Conflict("Bill.NoFile", "The bill's file is gone; upload it again");
        if (bill.Status is "pending" or "processing")
            return Error.Conflict("Bill.Busy", $"The bill is already {bill.Status}; poll its status");
        var jobId = await Job.StartAsync(db, req.BillId, ct);
        await tx.CommitAsync(ct);
        return new Response(true, "Extraction restarted", jobId!.Value);
    }

    sealed class Row
    {
        public string Status { get; init; } = "";
        public bool HasFile { get; init; }
    }
}
